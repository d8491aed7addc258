"""Files the app writes: replaced atomically, never left half-written, leftovers of killed runs swept.

Every document, package and exported photo is written to a temporary name beside its target
(`.NAME.PID.TOKEN.tmp`), flushed to disk and renamed over the target. On any error the
temporary file is removed; a process killed meanwhile leaves it behind, and the next write into
the same folder removes every such file whose process is no longer running (only names of this
form: nothing else in the folder is touched).
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CannotWrite

# ".BB_Ninh-Xuan_2026-11-17.docx.4242.1a2b3c4d.tmp" (and its SQLite journal while a package is written);
# ".NAME.PID.tmp" and "NAME.part" were the names of earlier versions.
_LEFTOVER = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d{1,10})(?:\.[0-9a-f]{8})?\.tmp(?:-journal)?$")


def temp_path(target: Path) -> Path:
    """The temporary name of a write to target: hidden, beside it, naming this process."""
    token = os.urandom(4).hex()
    return target.with_name(f".{target.name}.{os.getpid()}.{token}.tmp")


def _alive(pid: int) -> bool:
    """True when a process with this id runs (or may run: when in doubt, keep its files)."""
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows: os.kill would terminate the process
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files that killed runs of the app left in folder; returns them."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = _LEFTOVER.match(name)
        if not m or _alive(int(m.group("pid"))):
            continue
        path = folder / name
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError:
            pass
    return removed


def write_error(exc: BaseException, target: Path) -> CannotWrite | None:
    """The plain-words error for an OSError or SQLite error met while writing target, or None."""
    if isinstance(exc, CannotWrite):
        return exc
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return CannotWrite(target, "disk_full")
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return CannotWrite(target, "read_only")
        if exc.errno == errno.ENOENT:
            return CannotWrite(target, "no_folder")
        return CannotWrite(target, "os_error", detail=exc.strerror or str(exc))
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if "disk is full" in text or "disk full" in text:
            return CannotWrite(target, "disk_full")
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return CannotWrite(target, "read_only")
        if "disk i/o" in text:
            return CannotWrite(target, "os_error", detail=str(exc))
    return None


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


@contextmanager
def atomic_write(target: str | Path, *, make_folder: bool = True, durable: bool = True) -> Iterator[Path]:
    """`with atomic_write(target) as tmp:` write tmp; on success it is flushed and renamed to target.

    durable: flush the file to the disk before the rename (packages and exported photos: the only
    copy on a USB stick). Documents made again from the database at any time (minutes, PDF,
    summaries) pass False: the rename alone keeps them whole, and the print is not held up.

    On any error tmp (and a SQLite journal of it) is removed and the error raised; an OSError or
    SQLite error of the disk (full, read-only, missing folder) becomes CannotWrite naming target.
    A PermissionError at the rename (Windows: the target is open in Word) is raised as it is.
    """
    target = Path(target)
    folder = target.parent
    try:
        if make_folder:
            folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (write_error(exc, target) or exc) from None
    sweep(folder)
    tmp = temp_path(target)
    try:
        yield tmp
        if durable:
            fsync_file(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        for p in (tmp, tmp.with_name(tmp.name + "-journal")):
            try:
                p.unlink()
            except OSError:
                pass
        if isinstance(exc, PermissionError) and tmp.parent.exists() and os.access(folder, os.W_OK):
            raise  # the target is held by another program: the caller names it
        plain = write_error(exc, target) if isinstance(exc, (OSError, sqlite3.Error)) else None
        if plain is not None and plain is not exc:
            raise plain from None
        raise


def write_bytes(target: str | Path, data: bytes) -> Path:
    """Write data to target atomically (see atomic_write)."""
    target = Path(target)
    with atomic_write(target) as tmp:
        tmp.write_bytes(data)
    return target


__all__ = ["atomic_write", "sweep", "temp_path", "write_bytes", "write_error"]
