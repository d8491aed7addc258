"""The package file: its format, its digest, and reading one that comes from outside.

A package is untrusted input: a file off a USB stick or an e-mail, damaged on the way or
crafted. It is attached read-only and immutable (nothing can write to it, nothing can change
under the reading) and must hold exactly the schema export makes, so every reading of it sees
the same rows. Its small checklist tables are checked before anything else; its events and
their parents are copied into the merging connection's temp tables (temp._pkg_events,
_pkg_parents, _pkg_versions, _pkg_items) while a thread hashes and checks them, and the photos,
through a read-only connection of its own. A merge runs meanwhile inside its transaction, and
the verdict comes before COMMIT: a problem rolls everything back; text that checking cleaned is
written over what was merged. The checks:

- the file is a SQLite file of our kind and version, complete, and holds exactly the schema
  export makes (no view, trigger, extra table or index);
- a digest per table over every row in a canonical order (photos, thumbnails and originals
  included) equals the one export wrote, so a damaged byte anywhere is refused, never merged;
- every value is checked as typed input is: ids are UUIDs, entities and fields are known,
  values have the field's JSON type, text is cleaned (NFC, no control characters) and bounded,
  clocks are well formed and not beyond a year past the receiver's time;
- the reading runs within a time budget (SQLite's progress handler), so nothing can hang it.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import checklist as cl
from . import db as dbmod
from . import events
from .errors import Cancelled, PackageRejected
from .text import clean, clean_line

PACKAGE_APPLICATION_ID = 0x43434850  # "CCHP": a CCHC package (the database is "CCHC")
PACKAGE_VERSION = 2  # 2: the package table holds the digest
SUFFIX = ".cchc"

EVENT_COLS = "id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, reason"
PHOTO_COLS = (
    "sha256, data, thumb, width, height, source_sha256, source_name, taken_at, gps_lat, gps_lon, "
    "camera, original, imported_at"
)
CHECKLIST_ITEM_COLS = (
    "version_id, code, grp, position, text_vi, text_en, type, unit, photo_required, "
    "photo_suggested, basis, evidence_hint"
)

PACKAGE_SCHEMA = """
CREATE TABLE package (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE checklist_versions (id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, data TEXT NOT NULL);
CREATE TABLE checklist_items (
    version_id TEXT NOT NULL, code TEXT NOT NULL, grp TEXT NOT NULL, position INTEGER NOT NULL,
    text_vi TEXT NOT NULL, text_en TEXT NOT NULL DEFAULT '', type TEXT NOT NULL, unit TEXT NOT NULL DEFAULT '',
    photo_required INTEGER NOT NULL DEFAULT 0, photo_suggested INTEGER NOT NULL DEFAULT 0,
    basis TEXT NOT NULL DEFAULT '', evidence_hint TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, code)) WITHOUT ROWID;
CREATE TABLE events (
    id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    field TEXT NOT NULL, value TEXT, ctx TEXT, author TEXT, device TEXT NOT NULL, hlc TEXT NOT NULL, reason TEXT);
CREATE TABLE event_parents (child TEXT NOT NULL, parent TEXT NOT NULL, PRIMARY KEY (child, parent)) WITHOUT ROWID;
CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY, data BLOB NOT NULL, thumb BLOB NOT NULL, width INTEGER NOT NULL,
    height INTEGER NOT NULL, source_sha256 TEXT, source_name TEXT, taken_at TEXT, gps_lat REAL, gps_lon REAL,
    camera TEXT, original BLOB, imported_at TEXT)
"""

# The digest of each table: its rows in primary-key order, every column (a photo's data by its
# SHA-256, which the reader checks against the bytes).
_DIGEST_PLAN: tuple[tuple[str, str, str, str], ...] = (
    ("package", "key, value", "WHERE key != 'digest'", "key"),
    ("checklist_versions", "id, title, date, data", "", "id"),
    ("checklist_items", CHECKLIST_ITEM_COLS, "", "version_id, code"),
    ("events", EVENT_COLS, "", "id"),
    ("event_parents", "child, parent", "", "child, parent"),
    ("photos", PHOTO_COLS.replace("data, ", ""), "", "sha256"),
)
DIGEST_TABLES = tuple(p[0] for p in _DIGEST_PLAN)

# Limits of what a package may hold
MAX_TEXT = 50_000  # characters of one text value
MAX_VALUE = 200_000  # characters of one event's JSON value
MAX_AHEAD_MS = 366 * 86_400_000  # a clock this far past the receiver's is refused
BUDGET_SECONDS = 120.0  # time allowed to read and merge a package: this much …
BUDGET_SECONDS_PER_MB = 1.0  # … plus this much per MB of the file

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SHA = re.compile(r"[0-9a-f]{64}")
_HLC = re.compile(r"(\d{13})\.\d{6}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")

INT_FIELDS = frozenset({"ord", "deleted", "confirmed"})
_LIST_FIELDS = frozenset({"representatives"})
NUMBER_FIELDS = frozenset({"points"})
_MULTILINE = frozenset({"legal_basis", "opinion", "text", "note", "value", "suggested"})
_CTX_KEYS = frozenset({"visit_id", "inspection_id", "item_code"})


# ---- digest -------------------------------------------------------------------------------


def _feed(h: Any, row: Iterable[Any]) -> None:
    """Add one row to a hash: each value with its type and length, so no two rows collide."""
    for v in row:
        if v is None:
            h.update(b"\x00")
            continue
        if isinstance(v, bytes):
            tag, b = b"\x04", v
        elif isinstance(v, str):
            tag, b = b"\x03", v.encode("utf-8", "surrogatepass")
        elif isinstance(v, int):
            tag, b = b"\x01", str(v).encode()
        elif isinstance(v, float):
            tag, b = b"\x02", repr(v).encode()
        else:  # pragma: no cover - SQLite returns no other type
            raise TypeError(type(v))
        h.update(tag + len(b).to_bytes(8, "big"))
        h.update(b)


_NONE = "\x15"  # NULL among the joined texts


def _feed_rows(h: Any, rows: list[tuple]) -> None:
    """Add rows of text to a hash, the same however the rows are batched: each row's values joined
    by U+001E (NULL as U+0015), each row ended by U+001F. A batch holding anything but text and
    NULL (a crafted or damaged row) is hashed value by value with its types (_feed) instead."""
    try:
        text = "".join(["\x1e".join([_NONE if v is None else v for v in r]) + "\x1f" for r in rows])
    except TypeError:
        for r in rows:
            _feed(h, r)
        return
    h.update(text.encode("utf-8", "surrogatepass"))


def content_digest(conn: sqlite3.Connection, schema: str) -> dict[str, str]:
    """The digest of each table of the package attached as `schema` (export writes it)."""
    out = {}
    for table, cols, where, order in _DIGEST_PLAN:
        h = hashlib.sha256()
        cur = conn.execute(f"SELECT {cols} FROM {schema}.{table} {where} ORDER BY {order}")
        if table == "photos":
            for row in cur:
                _feed(h, row)
        else:
            while True:
                rows = cur.fetchmany(2000)
                if not rows:
                    break
                _feed_rows(h, rows)
        out[table] = h.hexdigest()
    return out


def digest_text(digests: dict[str, str]) -> str:
    return json.dumps(digests, sort_keys=True)


# ---- what a package says about itself -------------------------------------------------------


@dataclass(frozen=True)
class PackageInfo:
    path: Path
    sha256: str  # of the content (the digest of its digests), the same for a copy
    created: str
    device: str
    author: str
    inspections: tuple[str, ...]  # ids
    titles: tuple[str, ...]
    events: int
    photos: int


def _sniff(head: bytes) -> str:
    for magic, code in (
        (b"PK\x03\x04", "zip"),
        (b"\xff\xd8\xff", "jpeg"),
        (b"\x89PNG", "png"),
        (b"%PDF", "pdf"),
        (b"\xd0\xcf\x11\xe0", "old_office"),
    ):
        if head.startswith(magic):
            return code
    return "not_package"


def precheck(path: Path) -> int:
    """Refuse what is not a complete package of ours from its first 100 bytes; returns its size."""
    name = path.name
    try:
        if path.is_dir():
            raise PackageRejected(name, "is_folder")
        with open(path, "rb") as f:
            head = f.read(100)
            size = f.seek(0, 2)
    except FileNotFoundError:
        raise PackageRejected(name, "file_missing") from None
    except IsADirectoryError:
        raise PackageRejected(name, "is_folder") from None
    except OSError as exc:
        raise PackageRejected(name, "unreadable", detail=exc.strerror or str(exc)) from None
    if size == 0:
        raise PackageRejected(name, "empty")
    if not head.startswith(b"SQLite format 3\x00"):
        raise PackageRejected(name, _sniff(head))
    if len(head) < 100:
        raise PackageRejected(name, "truncated_head")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    app_id = int.from_bytes(head[68:72], "big")
    version = int.from_bytes(head[60:64], "big")
    if app_id == dbmod.APPLICATION_ID:
        raise PackageRejected(name, "is_database")
    if app_id != PACKAGE_APPLICATION_ID:
        raise PackageRejected(name, "other_sqlite")
    if version > PACKAGE_VERSION:
        raise PackageRejected(name, "newer", found=version, supported=PACKAGE_VERSION)
    if version < PACKAGE_VERSION:
        raise PackageRejected(name, "older", found=version)
    if head[18] != 1 or head[19] != 1:
        raise PackageRejected(name, "wal")
    if pages and size < pages * page_size:
        raise PackageRejected(name, "truncated", size=size, expected=pages * page_size)
    return size


def _uri(path: Path) -> str:
    return path.resolve().as_uri() + "?mode=ro&immutable=1"


def open_package(path: Path) -> sqlite3.Connection:
    """A read-only connection to the package: mode=ro (nothing can be written to it) and
    immutable (SQLite takes no lock and ignores any journal beside it)."""
    try:
        conn = sqlite3.connect(_uri(path), uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
    except sqlite3.Error as exc:
        raise PackageRejected(path.name, "cannot_open", detail=str(exc)) from None
    return conn


def attach(conn: sqlite3.Connection, path: Path, schema: str = "pkg") -> None:
    """ATTACH the package read-only and immutable as `schema` (the connection must understand
    URI file names: inspector.db opens its connections so)."""
    try:
        conn.execute(f"ATTACH DATABASE ? AS {schema}", [_uri(path)])
    except (sqlite3.Error, UnicodeDecodeError) as exc:  # a damaged schema can make the message unreadable
        raise PackageRejected(path.name, "damaged", detail=_damage(exc)) from None
    attached = next((r[2] for r in conn.execute("PRAGMA database_list") if r[1] == schema), "")
    if not attached or Path(attached).resolve() != path.resolve():  # the URI was taken as a file name
        conn.execute(f"DETACH DATABASE {schema}")
        if attached:
            Path(attached).unlink(missing_ok=True)
        raise PackageRejected(path.name, "cannot_open", detail="read-only access is not available")


def detach(conn: sqlite3.Connection, schema: str = "pkg") -> None:
    try:
        conn.execute(f"DETACH DATABASE {schema}")
    except sqlite3.Error:
        pass


_expected: set[tuple] | None = None


def _expected_schema() -> set[tuple]:
    global _expected
    if _expected is None:
        mem = sqlite3.connect(":memory:")
        mem.executescript(PACKAGE_SCHEMA)
        _expected = set(mem.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        mem.close()
    return _expected


# ---- the time budget --------------------------------------------------------------------------


class Budget:
    """Ends a reading or merge that runs past its deadline or is cancelled: installed as SQLite's
    progress handler (interrupting any statement) and checked in Python loops."""

    def __init__(self, name: str, seconds: float, cancelled: Callable[[], bool] | None = None) -> None:
        self.name, self.seconds, self.cancelled = name, seconds, cancelled
        self.deadline = time.monotonic() + seconds
        self.stopped = ""

    @classmethod
    def for_file(cls, path: Path, size: int, cancelled: Callable[[], bool] | None = None) -> Budget:
        return cls(path.name, BUDGET_SECONDS + BUDGET_SECONDS_PER_MB * size / 1e6, cancelled)

    def __call__(self) -> int:  # the progress handler: non-zero interrupts
        if self.cancelled is not None and self.cancelled():
            self.stopped = "cancelled"
        elif time.monotonic() > self.deadline:
            self.stopped = "timeout"
        return 1 if self.stopped else 0

    def check(self) -> None:
        if self():
            raise self.error()

    def error(self) -> Exception:
        if self.stopped == "cancelled":
            return Cancelled("cancelled")
        return PackageRejected(self.name, "timeout", seconds=round(self.seconds))

    def install(self, *conns: sqlite3.Connection) -> None:
        for c in conns:
            c.set_progress_handler(self, 100_000)

    @staticmethod
    def remove(*conns: sqlite3.Connection) -> None:
        for c in conns:
            try:
                c.set_progress_handler(None, 0)
            except sqlite3.ProgrammingError:  # closed
                pass


# ---- checking values ------------------------------------------------------------------------


class _Bad(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params


def _text_value(field: str, v: str) -> str:
    if len(v) > MAX_TEXT:
        raise _Bad("too_long", field=field)
    return clean(v).strip() if field in _MULTILINE else clean_line(v)


def clean_value(field: str, v: Any) -> Any:
    """The value of an event as typed input would be stored: type checked, text cleaned."""
    if v is None:
        return None
    if field in INT_FIELDS:
        if type(v) is str and v.strip().isdigit() and v.strip().isascii() and len(v.strip()) <= 9:
            v = int(v.strip())  # earlier versions stored a removed member's "deleted" as text
        if type(v) is not int or not -(10**9) <= v <= 10**9:
            raise _Bad("invalid_data", detail=f"{field}: not a whole number")
        return v
    if field in NUMBER_FIELDS:
        if type(v) not in (int, float) or not math.isfinite(v) or abs(v) > 1000:
            raise _Bad("invalid_data", detail=f"{field}: not a number of points")
        return v
    if field in _LIST_FIELDS:
        if not isinstance(v, list) or len(v) > 500:
            raise _Bad("invalid_data", detail=f"{field}: not a list")
        out = []
        for r in v:
            if not isinstance(r, dict) or not all(isinstance(x, str) for x in r.values()):
                raise _Bad("invalid_data", detail=f"{field}: not a list of names")
            person = {
                "name": _text_value(field, r.get("name", "")),
                "position": _text_value(field, r.get("position", "")),
            }
            if r.get("salutation"):
                if r["salutation"] not in ("Ông", "Bà"):
                    raise _Bad("invalid_data", detail=f"{field}: a salutation is Ông or Bà")
                person["salutation"] = r["salutation"]
            out.append(person)
        return out
    if not isinstance(v, str):
        raise _Bad("invalid_data", detail=f"{field}: not text")
    if field == "salutation" and v not in ("", "Ông", "Bà"):
        raise _Bad("invalid_data", detail=f"{field}: Ông or Bà")
    if field == "photo_sha256" and not _SHA.fullmatch(v):
        raise _Bad("invalid_data", detail=f"{field}: not a SHA-256")
    return _text_value(field, v)


def _uuid(value: Any, column: str) -> str:
    if type(value) is not str or not _UUID.fullmatch(value):
        raise _Bad("bad_id", column=column)
    return value


_TWO_IDS = re.compile(rf"{_UUID.pattern}\x00{_UUID.pattern}")


class EventChecker:
    """check() turns one event row as read from a package into the row to store (text cleaned),
    or raises _Bad. Values, contexts and authors repeat across a package's events (the same
    assessment, visit, person), so each distinct one is checked once."""

    def __init__(self, limit_ms: int) -> None:
        self.limit_ms = limit_ms
        self.values: dict[tuple[str, str], str] = {}
        self.contexts: dict[tuple[str, str], None] = {}
        self.authors: dict[str, str] = {}
        self.pairs: set[tuple[str, str]] = set()  # (inspection, device) pairs already checked

    def check(self, row: tuple) -> tuple:
        eid, insp, entity, entity_id, fld, value, ctx, author, device, hlc, reason = row
        if (insp, device) not in self.pairs:
            _uuid(insp, "inspection_id")
            _uuid(device, "device")
            self.pairs.add((insp, device))
        if not (type(eid) is str and type(entity_id) is str and _TWO_IDS.fullmatch(f"{eid}\x00{entity_id}")):
            _uuid(eid, "id")
            _uuid(entity_id, "entity_id")
        spec = events.ENTITIES.get(entity) if type(entity) is str else None
        if spec is None:
            raise _Bad("unknown_entity", entity=str(entity)[:40])
        if type(fld) is not str or fld not in spec[2]:
            raise _Bad("unknown_field", entity=entity, field=str(fld)[:40])
        if type(hlc) is not str or not _HLC.fullmatch(hlc):
            raise _Bad("invalid_clock")
        if int(hlc[:13]) > self.limit_ms:
            raise _Bad(
                "clock_future",
                device=device[:8],
                author=clean_line(str(author or "?"))[:60],
                when=events.hlc_time(hlc) or hlc,
            )
        key = (fld, value)
        stored = self.values.get(key) if type(value) is str else None
        if stored is None:
            stored = self._value(fld, value)
            if len(self.values) < 100_000:
                self.values[key] = stored
        ckey = (entity, ctx)
        if ckey not in self.contexts:
            self._context(spec, entity, ctx)
            if len(self.contexts) < 100_000:
                self.contexts[ckey] = None
        if author is not None:
            clean_author = self.authors.get(author) if type(author) is str else None
            if clean_author is None:
                if type(author) is not str or len(author) > 200:
                    raise _Bad("invalid_data", detail="author")
                clean_author = clean_line(author)
                if clean_author == author:
                    clean_author = author  # the same object: the row needs no copy
                if len(self.authors) < 1000:
                    self.authors[author] = clean_author
            author = clean_author
        if reason is not None:
            if type(reason) is not str or len(reason) > MAX_TEXT:
                raise _Bad("invalid_data", detail="reason")
            reason = clean(reason).strip()
        elif stored == value and author == row[7]:
            return row  # nothing cleaned: the row as read
        return (eid, insp, entity, entity_id, fld, stored, ctx, author, device, hlc, reason)

    @staticmethod
    def _value(fld: str, value: Any) -> str:
        if type(value) is not str:
            raise _Bad("invalid_data", detail=f"{fld}: no value")
        if len(value) > MAX_VALUE:
            raise _Bad("too_long", field=fld)
        try:
            v = json.loads(value)
        except ValueError:
            raise _Bad("invalid_data", detail=f"{fld}: not JSON") from None
        cleaned = clean_value(fld, v)
        if cleaned != v or type(cleaned) is not type(v):
            return events.dump(cleaned)
        return value

    @staticmethod
    def _context(spec: tuple, entity: str, ctx: Any) -> None:
        if ctx is None:
            if spec[1]:
                raise _Bad("lacks_ctx", entity=entity, key=spec[1][0])
            return
        if type(ctx) is not str or len(ctx) > 1000:
            raise _Bad("invalid_data", detail="context")
        try:
            c = json.loads(ctx)
        except ValueError:
            raise _Bad("invalid_data", detail="context: not JSON") from None
        if not isinstance(c, dict) or not set(c) <= _CTX_KEYS:
            raise _Bad("invalid_data", detail="context")
        for k, x in c.items():
            if k == "item_code":
                if type(x) is not str or not _CODE.fullmatch(x):
                    raise _Bad("invalid_data", detail="item code")
            else:
                _uuid(x, k)
        for k in spec[1]:
            if k not in c:
                raise _Bad("lacks_ctx", entity=entity, key=k)


def check_event(row: tuple, limit_ms: int) -> tuple:
    """One event row as read from a package → the row to store (text cleaned). Raises _Bad."""
    return EventChecker(limit_ms).check(row)


def _check_photo(row: tuple) -> None:
    sha, data, thumb, width, height, source_sha, source_name, taken_at, lat, lon, camera, original, imported = row
    short = str(sha)[:12]
    if type(sha) is not str or not _SHA.fullmatch(sha):
        raise _Bad("photo_invalid", sha=short, column="sha256")
    if type(data) is not bytes or hashlib.sha256(data).hexdigest() != sha:
        raise _Bad("photo_damaged", sha=short)
    if original is not None and (
        type(original) is not bytes or type(source_sha) is not str or hashlib.sha256(original).hexdigest() != source_sha
    ):
        raise _Bad("original_damaged", sha=short)
    if type(thumb) is not bytes:
        raise _Bad("photo_invalid", sha=short, column="thumb")
    for col, v in (("width", width), ("height", height)):
        if type(v) is not int or not 0 < v <= 100_000:
            raise _Bad("photo_invalid", sha=short, column=col)
    if source_sha is not None and (type(source_sha) is not str or not _SHA.fullmatch(source_sha)):
        raise _Bad("photo_invalid", sha=short, column="source_sha256")
    for col, v, n in (
        ("source_name", source_name, 1000),
        ("taken_at", taken_at, 40),
        ("camera", camera, 200),
        ("imported_at", imported, 40),
    ):
        # a file's name as the camera or phone gave it (in NFD from a Mac or an iPhone): kept, but
        # never with control characters, which no document or screen could show
        if v is not None and (type(v) is not str or len(v) > n or _CONTROL.search(v)):
            raise _Bad("photo_invalid", sha=short, column=col)
    for col, v, bound in (("gps_lat", lat, 90), ("gps_lon", lon, 180)):
        if v is not None and (type(v) not in (int, float) or not -bound <= v <= bound):
            raise _Bad("photo_invalid", sha=short, column=col)


def _check_checklist_item(row: tuple) -> tuple:
    version_id, code, grp, position, text_vi, text_en, typ, unit, req, sug, basis, hint = row
    where = str(version_id)[:40]
    if type(code) is not str or not _CODE.fullmatch(code):
        raise _Bad("checklist_invalid", id=where, column="code")
    if type(position) is not int or type(req) is not int or type(sug) is not int:
        raise _Bad("checklist_invalid", id=where, column="position")
    if typ not in ("assessment", "yesno", "count", "ratio", "text"):
        raise _Bad("checklist_invalid", id=where, column="type")
    texts = []
    for col, v in (
        ("grp", grp),
        ("text_vi", text_vi),
        ("text_en", text_en),
        ("unit", unit),
        ("basis", basis),
        ("evidence_hint", hint),
    ):
        if type(v) is not str or len(v) > MAX_TEXT:
            raise _Bad("checklist_invalid", id=where, column=col)
        texts.append(clean(v).strip())
    grp, text_vi, text_en, unit, basis, hint = texts
    return (version_id, code, grp, position, text_vi, text_en, typ, unit, req, sug, basis, hint)


# ---- reading ----------------------------------------------------------------------------------

_TEMP_SCHEMA = f"""
DROP TABLE IF EXISTS temp._pkg_events;
DROP TABLE IF EXISTS temp._pkg_parents;
DROP TABLE IF EXISTS temp._pkg_versions;
DROP TABLE IF EXISTS temp._pkg_items;
CREATE TEMP TABLE _pkg_events ({EVENT_COLS.replace("id,", "id PRIMARY KEY,", 1)});
CREATE TEMP TABLE _pkg_parents (child, parent);
CREATE TEMP TABLE _pkg_versions (id PRIMARY KEY, title, date, data);
CREATE TEMP TABLE _pkg_items ({CHECKLIST_ITEM_COLS})
"""


def drop_temp(work: sqlite3.Connection) -> None:
    for t in ("_pkg_events", "_pkg_parents", "_pkg_versions", "_pkg_items"):
        work.execute(f"DROP TABLE IF EXISTS temp.{t}")


def read_package(
    work: sqlite3.Connection,
    path: Path,
    budget: Budget,
    known: sqlite3.Connection | None,
    *,
    store_photos: bool = False,
    schema: str = "pkg",
) -> tuple[PackageInfo, int]:
    """Read and check the package attached to work as `schema` (see attach) into work's
    temp._pkg_* tables, all at once (PackageReading does it in two halves around a merge); with
    store_photos, copy its photos into main.photos. Returns what the package says and how many
    photos were new. Raises PackageRejected naming the first problem, Cancelled when cancelled."""
    reading = PackageReading(work, path, budget, known, schema=schema)
    try:
        info, fixes = reading.finish()
        reading.apply_fixes("temp._pkg_events", fixes)
        added = reading.store_photos() if store_photos else 0
        return info, added
    finally:
        reading.close()


class PackageReading:
    """One package read from outside (see the module's doc), in two halves.

    The constructor checks the schema and what the package says about itself, checks the small
    checklist tables, copies the events and their parents into work's temp tables as they are
    and starts a thread that hashes and checks the events, parents and photos through a
    read-only connection of its own. The caller may merge meanwhile, inside its transaction:
    SQLite releases the GIL while it works, so checking and merging overlap. `finish()` waits
    for the thread and raises the first problem (the caller then rolls back); otherwise it
    returns what the package says and the events that checking cleaned, for the caller to write
    over what it merged (`apply_fixes`)."""

    def __init__(
        self,
        work: sqlite3.Connection,
        path: Path,
        budget: Budget,
        known: sqlite3.Connection | None,
        *,
        schema: str = "pkg",
    ) -> None:
        self.work, self.path, self.budget, self.known, self.schema = work, path, budget, known, schema
        self.name = path.name
        self.thread: _Verifier | None = None
        have = set(work.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master"))
        expected = _expected_schema()
        for kind, obj, _table, _ in sorted(have - expected, key=lambda r: (r[0] != "table", r[1] or "")):
            if (kind, obj) in {(k, o) for k, o, _, _ in expected}:
                raise self.reject("schema_changed", name=obj)
            raise self.reject("schema_object", kind=kind, name=str(obj)[:60])
        for _kind, obj, _, _ in sorted(expected - have):
            raise self.reject("table_missing", name=obj)
        # (no PRAGMA integrity_check: the digests cover every row that is read, so damage that
        # changes what is read is refused, and damage elsewhere in the file changes nothing merged)
        for statement in _TEMP_SCHEMA.split(";"):  # not executescript: it would commit the caller's transaction
            if statement.strip():
                work.execute(statement)
        rows = work.execute(f"SELECT key, value FROM {schema}.package ORDER BY key").fetchall()
        for key, value in rows:
            if type(key) is not str or type(value) is not str or len(value) > 1_000_000:
                raise self.reject("damaged", detail="package description")
        h = hashlib.sha256()
        _feed_rows(h, [r for r in rows if r[0] != "digest"])
        self.digests = {"package": h.hexdigest()}
        self.info = {k: v for k, v in rows if k != "digest"}
        stated = next((v for k, v in rows if k == "digest"), None)
        try:
            stated_d = json.loads(stated) if stated is not None else None
        except ValueError:
            stated_d = None
        if not isinstance(stated_d, dict) or set(stated_d) != set(DIGEST_TABLES):
            raise self.reject("no_digest")
        self.stated: dict[str, str] = stated_d
        if self.digests["package"] != stated_d["package"]:
            raise self.reject("digest", where="package")
        try:
            self._small_table("checklist_versions", "id, title, date, data", "id", _check_version, "_pkg_versions")
            self._small_table(
                "checklist_items", CHECKLIST_ITEM_COLS, "version_id, code", _check_checklist_item, "_pkg_items"
            )
        except _Bad as bad:
            raise self._rejected(bad, "") from None
        work.execute(f"INSERT INTO temp._pkg_events SELECT {EVENT_COLS} FROM {schema}.events ORDER BY id")
        work.execute(
            f"INSERT INTO temp._pkg_parents SELECT child, parent FROM {schema}.event_parents ORDER BY child, parent"
        )
        budget.check()
        self.thread = _Verifier(path, budget, int(time.time() * 1000) + MAX_AHEAD_MS)

    def reject(self, code: str, **params: Any) -> PackageRejected:
        return PackageRejected(self.name, code, **params)

    def _rejected(self, bad: _Bad, event: str) -> PackageRejected:
        template = _reason_template(bad.code)
        params = dict(bad.params)
        if "{event}" in template:
            params.setdefault("event", event or "?")
        return self.reject(bad.code, **{k: v for k, v in params.items() if "{" + k + "}" in template})

    def _small_table(self, table: str, cols: str, order: str, check: Callable[[tuple], tuple], target: str) -> None:
        rows = self.work.execute(f"SELECT {cols} FROM {self.schema}.{table} ORDER BY {order}").fetchall()
        hh = hashlib.sha256()
        _feed_rows(hh, rows)
        self.digests[table] = hh.hexdigest()
        if self.digests[table] != self.stated[table]:
            raise self.reject("digest", where=table)
        marks = ",".join("?" * (cols.count(",") + 1))
        self.work.executemany(f"INSERT INTO temp.{target} VALUES ({marks})", [check(r) for r in rows])

    def store_photos(self) -> int:
        """Copy the package's photos that are new here into main.photos (checked by finish())."""
        return self.work.execute(
            f"INSERT INTO main.photos({PHOTO_COLS}) SELECT {PHOTO_COLS} FROM {self.schema}.photos p "
            "WHERE NOT EXISTS (SELECT 1 FROM main.photos m WHERE m.sha256 = p.sha256)"  # known ones: not even read
        ).rowcount

    def verdict(self) -> None:
        """Wait for the thread's checks; raise the first problem they found (damage before any value
        check)."""
        v = self.thread
        assert v is not None
        v.wait()
        if v.error is not None and not isinstance(v.error, _Bad):
            raise v.error
        for table in ("events", "event_parents", "photos"):
            if table not in v.digests:
                break  # the reading stopped at a value problem: said below
            if v.digests[table] != self.stated[table]:
                raise self.reject("digest", where=table)
        if v.error is not None:
            raise self._rejected(v.error, v.error_event)

    def finish(self) -> tuple[PackageInfo, list[tuple]]:
        """The verdict (see above), then what the events name (parents, photos, checklists); return
        what the package says and the cleaned events (id, value, author, reason)."""
        self.verdict()
        v = self.thread
        assert v is not None
        self.digests.update(v.digests)
        self.budget.check()
        _check_graph(self.work, self.name, self.known, v.shas)
        n_events = self.work.execute("SELECT count(*) FROM temp._pkg_events").fetchone()[0]
        info = self.info

        def _list(key: str) -> tuple[str, ...]:
            try:
                x = json.loads(info.get(key) or "[]")
                return tuple(clean_line(str(y))[:300] for y in x) if isinstance(x, list) else ()
            except ValueError:
                return ()

        content = hashlib.sha256(digest_text(self.digests).encode()).hexdigest()
        return PackageInfo(
            self.path,
            content,
            clean_line(info.get("created", ""))[:40],
            clean_line(info.get("device", ""))[:40],
            clean_line(info.get("author", ""))[:200],
            _list("inspections"),
            _list("titles"),
            n_events,
            len(v.shas),
        ), v.fixes

    def apply_fixes(self, table: str, fixes: list[tuple]) -> None:
        """Write the cleaned values over the events of `table` (temp._pkg_events or main.events)."""
        if fixes:
            self.work.executemany(
                f"UPDATE {table} SET value = ?, author = ?, reason = ? WHERE id = ?",
                [(f[1], f[2], f[3], f[0]) for f in fixes],
            )

    def close(self) -> None:
        if self.thread is not None:
            self.thread.stop()


def _check_version(row: tuple) -> tuple:
    vid, title, date, data = row
    if type(vid) is not str or not 0 < len(vid) <= 100 or clean_line(vid) != vid:
        raise _Bad("checklist_invalid", id=str(vid)[:40], column="id")
    if type(title) is not str or len(title) > 1000 or (date is not None and type(date) is not str):
        raise _Bad("checklist_invalid", id=vid, column="title")
    if type(data) is not str or len(data) > 20_000_000:
        raise _Bad("checklist_invalid", id=vid, column="data")
    try:
        json.loads(data)
    except ValueError:
        raise _Bad("checklist_invalid", id=vid, column="data") from None
    return (vid, clean_line(title), date, data)


class _Verifier:
    """The events, their parents and the photos of a package hashed and checked on a thread of
    their own (a read-only connection of their own) while the caller merges. Keeps the digests,
    the cleaned events, the photos' hashes and the first problem; a table whose reading stopped
    has no digest. Rows are streamed, never held."""

    def __init__(self, path: Path, budget: Budget, limit_ms: int) -> None:
        import threading

        self.budget = budget
        self.checker = EventChecker(limit_ms)
        self.digests: dict[str, str] = {}
        self.fixes: list[tuple] = []
        self.shas: set[str] = set()
        self.error: BaseException | None = None
        self.error_event = ""
        self._stopped = False
        self._thread = threading.Thread(target=self._run, args=(path,), name="package-check", daemon=True)
        self._thread.start()

    def _run(self, path: Path) -> None:
        try:
            conn = open_package(path)
        except BaseException as exc:  # handed to the reader
            self.error = exc
            return
        try:
            conn.set_progress_handler(self._interrupt, 100_000)
            self._table(conn, "events", f"SELECT {EVENT_COLS} FROM events ORDER BY id", self._event)
            self._table(
                conn, "event_parents", "SELECT child, parent FROM event_parents ORDER BY child, parent", self._parent
            )
            self._photos(conn)
        except BaseException as exc:  # handed to the reader
            self.error = self.error or exc
        finally:
            conn.close()

    def _table(self, conn: sqlite3.Connection, table: str, sql: str, check: Callable[[tuple], None]) -> None:
        h = hashlib.sha256()
        cur = conn.execute(sql)
        while not self._stopped:
            batch = cur.fetchmany(2000)
            if not batch:
                break
            _feed_rows(h, batch)
            if self.error is None:
                try:
                    for row in batch:
                        check(row)
                except _Bad as bad:  # said once the digest shows the file is not merely damaged
                    self.error = bad
        if not self._stopped:
            self.digests[table] = h.hexdigest()

    def _event(self, row: tuple) -> None:
        self.error_event = str(row[0])[:8]
        out = self.checker.check(row)
        if out is not row and out != row:
            self.fixes.append((out[0], out[5], out[7], out[10]))

    def _parent(self, row: tuple) -> None:
        self.error_event = str(row[0])[:8]
        _uuid(row[0], "child")
        _uuid(row[1], "parent")

    def _photos(self, conn: sqlite3.Connection) -> None:
        h = hashlib.sha256()
        for row in conn.execute(f"SELECT {PHOTO_COLS} FROM photos ORDER BY sha256"):
            if self._stopped:
                return
            _feed(h, row[:1] + row[2:])
            if self.error is None:
                try:
                    _check_photo(row)
                except _Bad as bad:
                    self.error = bad
            self.shas.add(row[0])
        self.digests["photos"] = h.hexdigest()

    def _interrupt(self) -> int:
        return 1 if self._stopped else self.budget()

    def wait(self) -> None:
        while self._thread.is_alive():
            self._thread.join(0.05)
            self.budget.check()

    def stop(self) -> None:
        self._stopped = True
        self._thread.join()


def _reason_template(code: str) -> str:
    from .messages import REASONS

    return REASONS[code][0]


def _check_graph(work: sqlite3.Connection, name: str, known: sqlite3.Connection | None, photo_shas: set[str]) -> None:
    """What the events name: parents in the package or known here, photos, checklist versions."""

    def reject(code: str, **params: Any) -> PackageRejected:
        return PackageRejected(name, code, **params)

    def known_ids(table: str, col: str, ids: list[str]) -> set[str]:
        if known is None or not ids:
            return set()
        out: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out |= {
                r[0]
                for r in known.execute(
                    f"SELECT {col} FROM main.{table} WHERE {col} IN ({','.join('?' * len(chunk))})", chunk
                )
            }
        return out

    bad = work.execute(
        "SELECT child FROM temp._pkg_parents WHERE child NOT IN (SELECT id FROM temp._pkg_events) LIMIT 1"
    ).fetchone()
    if bad:
        raise reject("parent_outside", event=bad[0][:8])
    missing = [
        r[0]
        for r in work.execute(
            "SELECT DISTINCT parent FROM temp._pkg_parents WHERE parent NOT IN (SELECT id FROM temp._pkg_events)"
        )
    ]
    if missing:
        unknown = [m for m in missing if m not in known_ids("events", "id", missing)]
        if unknown:
            raise reject("depends", count=len(unknown), event=unknown[0][:8])
        # a parent already known here must be of the same field
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            assert known is not None  # the parents were found there
            fields = {
                r[0]: (r[1], r[2])
                for r in known.execute(
                    f"SELECT id, entity_id, field FROM main.events WHERE id IN ({','.join('?' * len(chunk))})", chunk
                )
            }
            for child, parent, entity_id, fld in work.execute(
                "SELECT p.child, p.parent, c.entity_id, c.field FROM temp._pkg_parents p "
                f"JOIN temp._pkg_events c ON c.id = p.child WHERE p.parent IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                if fields.get(parent) != (entity_id, fld):
                    raise reject("parent_other_field", event=child[:8])
    bad = work.execute(
        "SELECT c.id FROM temp._pkg_parents p JOIN temp._pkg_events c ON c.id = p.child "
        "JOIN temp._pkg_events e ON e.id = p.parent "
        "WHERE c.entity_id != e.entity_id OR c.field != e.field LIMIT 1"
    ).fetchone()
    if bad:
        raise reject("parent_other_field", event=bad[0][:8])
    named = [
        r[0]
        for r in work.execute(
            "SELECT DISTINCT json_extract(value, '$') FROM temp._pkg_events WHERE entity = 'attachment' "
            "AND field = 'photo_sha256' AND json_type(value) = 'text'"
        )
    ]
    absent = [x for x in named if x not in photo_shas]
    absent = [x for x in absent if x not in known_ids("photos", "sha256", absent)]
    if absent:
        raise reject("photo_missing", id=str(absent[0])[:12])
    named = [
        r[0]
        for r in work.execute(
            "SELECT DISTINCT json_extract(value, '$') FROM temp._pkg_events WHERE entity = 'inspection' "
            "AND field = 'checklist_version' AND json_type(value) = 'text'"
        )
    ]
    here = {r[0] for r in work.execute("SELECT id FROM temp._pkg_versions")}
    absent = [x for x in named if x not in here and x != cl.DEFAULT_VERSION]
    absent = [x for x in absent if x not in known_ids("checklist_versions", "id", absent)]
    if absent:
        raise reject("checklist_missing", id=str(absent[0])[:40])
    bad = work.execute(
        "SELECT version_id FROM temp._pkg_items WHERE version_id NOT IN (SELECT id FROM temp._pkg_versions) LIMIT 1"
    ).fetchone()
    if bad:
        raise reject("checklist_unknown", id=str(bad[0])[:40])


def _damage(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "text that is not UTF-8"
    return str(exc)


def verify(
    path: str | Path, known: sqlite3.Connection | None = None, cancelled: Callable[[], bool] | None = None
) -> PackageInfo:
    """Read and check a package without merging it (its rows go to a scratch connection)."""
    path = Path(path)
    size = precheck(path)
    budget = Budget.for_file(path, size, cancelled)
    work = sqlite3.connect(":memory:", isolation_level=None, uri=True)
    try:
        attach(work, path)
        budget.install(work)
        return read_package(work, path, budget, known)[0]
    except sqlite3.OperationalError as exc:
        if budget.stopped:
            raise budget.error() from None
        raise PackageRejected(path.name, "damaged", detail=str(exc)) from None
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise PackageRejected(path.name, "damaged", detail=_damage(exc)) from None
    finally:
        Budget.remove(work)
        work.close()
