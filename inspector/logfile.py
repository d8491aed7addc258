"""The app's log file: logs/inspector.log in the user's data folder (with the database), kept to
five files of 1 MB, which a person can send (Help → Open the log folder).

The handler is a plain FileHandler that rotates itself: the standard RotatingFileHandler lives in
logging.handlers, whose import (sockets, pickle, queues) costs the window's start about 7 ms."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from . import paths

LOG_FILE = "inspector.log"
MAX_BYTES = 2**20
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class RotatingLog(logging.FileHandler):
    """inspector.log, then inspector.log.1 … .N (the oldest dropped) once it passes max_bytes."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        self.max_bytes, self.backups = max_bytes, backups
        super().__init__(path, encoding="utf-8")

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self.rotate()
        except (OSError, ValueError):
            self.handleError(record)
        super().emit(record)

    def rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        if self.backups > 0 and os.path.exists(base):
            os.replace(base, f"{base}.1")
        elif os.path.exists(base):
            os.remove(base)
        self.stream = self._open()


def to_file(folder: Path | None = None) -> Path | None:
    """Also log (INFO and above) to inspector.log in `folder` (default: the user's log folder);
    the file's path, or None when the folder cannot be written to (the console still logs)."""
    root = logging.getLogger()
    folder = paths.log_dir() if folder is None else folder
    target = (folder / LOG_FILE).absolute()
    if any(getattr(h, "baseFilename", None) == str(target) for h in root.handlers):
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingLog(target)
    except OSError:
        logging.getLogger(__name__).warning("no log file: the log folder cannot be written to")
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    from . import version

    logging.getLogger("inspector").info("Inspector %s started", version.describe())
    return target
