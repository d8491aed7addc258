"""Opening the database: pragmas, schema, migrations, identity of this installation.

One SQLite file holds everything of an installation. Every record has a UUID key; every
change is an event (see events.py) and the tables below the events are derived from them.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from .errors import CannotWrite, NotOurFile, SchemaTooNew

logger = logging.getLogger(__name__)

APPLICATION_ID = 0x43434843  # "CCHC"
SCHEMA_VERSION = 3

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;

CREATE TABLE checklist_versions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    date TEXT,
    data TEXT NOT NULL               -- the whole checklist file, JSON
);
CREATE TABLE checklist_items (
    version_id TEXT NOT NULL REFERENCES checklist_versions(id),
    code TEXT NOT NULL,
    grp TEXT NOT NULL,
    position INTEGER NOT NULL,
    text_vi TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    photo_required INTEGER NOT NULL DEFAULT 0,
    photo_suggested INTEGER NOT NULL DEFAULT 0,
    basis TEXT NOT NULL DEFAULT '',
    evidence_hint TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, code)
) WITHOUT ROWID;

CREATE TABLE inspections (
    id TEXT PRIMARY KEY,
    kind TEXT,                       -- 'kiem_tra' | 'giam_sat'
    title TEXT,
    decision_no TEXT,
    decision_date TEXT,
    legal_basis TEXT,
    issuing_agency TEXT,
    parent_agency TEXT,
    home_office TEXT,
    period TEXT,
    checklist_version TEXT,
    deleted INTEGER,
    updated TEXT
);
CREATE TABLE members (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT,
    position TEXT,
    agency TEXT,
    role TEXT,                       -- 'truong_doan' | 'pho_truong_doan' | 'thanh_vien' | 'thu_ky'
    ord INTEGER,
    deleted INTEGER,
    updated TEXT
);
CREATE INDEX members_inspection ON members(inspection_id);
CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL REFERENCES inspections(id) DEFERRABLE INITIALLY DEFERRED,
    commune TEXT,
    province TEXT,
    date TEXT,
    start_time TEXT,
    end_time TEXT,
    place TEXT,
    representatives TEXT,            -- JSON list of {name, position}
    opinion TEXT,
    status TEXT,                     -- 'planned' | 'in_progress' | 'done' | 'signed'
    signed_at TEXT,
    version_code TEXT,
    based_on TEXT,                   -- the previous visit whose answers were suggested
    deleted INTEGER,
    updated TEXT
);
CREATE INDEX visits_inspection ON visits(inspection_id);
CREATE TABLE answers (
    id TEXT PRIMARY KEY,             -- uuid5(visit id, item code)
    visit_id TEXT NOT NULL REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    item_code TEXT NOT NULL,
    value TEXT,
    note TEXT,
    suggested TEXT,                  -- value taken from the previous visit, not yet confirmed
    author TEXT,
    updated TEXT
);
CREATE UNIQUE INDEX answers_visit_item ON answers(visit_id, item_code);
CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT,                       -- 'uu_diem' | 'ton_tai' | 'nguyen_nhan' | 'kien_nghi'
    text TEXT,
    responsible TEXT,
    deadline TEXT,
    items TEXT,                      -- related item codes, "B1, B3"
    ord INTEGER,
    deleted INTEGER,
    updated TEXT
);
CREATE INDEX findings_visit ON findings(visit_id);

CREATE TABLE photos (                -- content-addressed, immutable
    sha256 TEXT PRIMARY KEY,         -- of the stored (downscaled) bytes
    data BLOB NOT NULL,
    thumb BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    source_sha256 TEXT,              -- of the file as it came from the camera
    source_name TEXT,
    taken_at TEXT,
    gps_lat REAL,
    gps_lon REAL,
    camera TEXT,
    original BLOB,                   -- kept only when the user asks
    imported_at TEXT
);
CREATE INDEX photos_source ON photos(source_sha256);
CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits(id) DEFERRABLE INITIALLY DEFERRED,
    photo_sha256 TEXT REFERENCES photos(sha256) DEFERRABLE INITIALLY DEFERRED,
    item_code TEXT,
    caption TEXT,
    ord INTEGER,
    confirmed INTEGER,               -- evidence warnings checked by a person
    deleted INTEGER,
    updated TEXT
);
CREATE INDEX attachments_visit ON attachments(visit_id);

CREATE TABLE events (                -- immutable record of every change
    id TEXT PRIMARY KEY,
    inspection_id TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,                      -- JSON
    ctx TEXT,                        -- JSON: the entity's fixed parent keys
    author TEXT,
    device TEXT NOT NULL,
    hlc TEXT NOT NULL,               -- hybrid logical clock, sortable text
    reason TEXT,                     -- amendment reason after signing
    is_head INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_field ON events(entity_id, field, is_head);
CREATE TABLE event_parents (
    child TEXT NOT NULL,
    parent TEXT NOT NULL,
    PRIMARY KEY (child, parent)
) WITHOUT ROWID;
CREATE INDEX event_parents_parent ON event_parents(parent);

CREATE TABLE merges (
    id TEXT PRIMARY KEY,
    file_name TEXT,
    sha256 TEXT,
    merged_at TEXT,
    counts TEXT                      -- JSON
);
"""

# 2: the photo's small columns before its pictures, so that reading a photo's size or time does not
# walk through the overflow pages of its JPEG (a 40-photo gallery or document read 15 MB for that).
SCHEMA_V2 = """
CREATE TABLE photos_v2 (
    sha256 TEXT PRIMARY KEY,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    source_sha256 TEXT,
    source_name TEXT,
    taken_at TEXT,
    gps_lat REAL,
    gps_lon REAL,
    camera TEXT,
    imported_at TEXT,
    thumb BLOB NOT NULL,
    data BLOB NOT NULL,
    original BLOB
);
INSERT INTO photos_v2(sha256, width, height, source_sha256, source_name, taken_at, gps_lat, gps_lon, camera,
                      imported_at, thumb, data, original)
    SELECT sha256, width, height, source_sha256, source_name, taken_at, gps_lat, gps_lon, camera,
           imported_at, thumb, data, original FROM photos;
DROP TABLE photos;
ALTER TABLE photos_v2 RENAME TO photos;
CREATE INDEX photos_source ON photos(source_sha256)
"""

# 3: what the window asks for at every start, click and merge answered from what changed, not by
# scanning the whole history: the fields in conflict kept in a table as heads change (events.py),
# each visit's folded commune name kept in an indexed column (the previous visit of a commune),
# and the answered items indexed by visit (the progress shown beside each commune).
SCHEMA_V3 = """
CREATE TABLE conflicts (             -- fields whose heads hold different values (derived, see events.py)
    entity_id TEXT NOT NULL,
    field TEXT NOT NULL,
    entity TEXT NOT NULL,
    inspection_id TEXT NOT NULL,
    PRIMARY KEY (entity_id, field)
) WITHOUT ROWID;
INSERT INTO conflicts(entity_id, field, entity, inspection_id)
    SELECT entity_id, field, entity, min(inspection_id) FROM events WHERE is_head = 1
    GROUP BY entity, entity_id, field HAVING count(DISTINCT value) > 1;
ALTER TABLE visits ADD COLUMN commune_key TEXT;  -- text.fold(commune), filled below
CREATE INDEX visits_commune ON visits(commune_key, date);
CREATE INDEX answers_answered ON answers(visit_id) WHERE value IS NOT NULL;  -- the progress beside each commune
ALTER TABLE answers ADD COLUMN points REAL;  -- points set by hand (scoring.py), with their reason
ALTER TABLE answers ADD COLUMN points_reason TEXT;
ALTER TABLE members ADD COLUMN salutation TEXT  -- Ông | Bà: how the minutes name the person
"""


def _fill_commune_keys(conn: sqlite3.Connection) -> None:
    from .text import fold

    rows = conn.execute("SELECT id, commune FROM visits").fetchall()
    conn.executemany("UPDATE visits SET commune_key = ? WHERE id = ?", [(fold(c or ""), i) for i, c in rows])


MIGRATIONS: dict[int, str] = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3}
AFTER_MIGRATION = {3: _fill_commune_keys}  # steps a statement cannot do


def _machine_fingerprint(path: Path) -> str:
    """Identifies this file on this machine; a copy elsewhere gets a new device id."""
    machine = ""
    for p in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = Path(p).read_text().strip()
            break
        except OSError:
            continue
    if hasattr(os, "uname"):
        node = os.uname().nodename  # what platform.node() returns there, without importing platform
    else:
        import platform

        node = platform.node()
    if not machine:
        import uuid

        machine = str(uuid.getnode())
    return f"{machine}|{node}|{path.resolve()}"


def needs_migration(path: str | Path) -> bool:
    """True when an existing database of ours must be upgraded first (which can take a while)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return 0 < version < SCHEMA_VERSION


def _check_header(path: Path) -> None:
    """Refuse a file that is not SQLite, without touching it."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
    except OSError as exc:
        raise NotOurFile(path, exc.strerror or str(exc)) from exc
    if len(head) == 0:
        return  # an empty file becomes a new database
    if not head.startswith(b"SQLite format 3\x00"):
        raise NotOurFile(path, "not a SQLite database")
    # Read through SQLite, not the header bytes: in WAL mode the newest header may
    # still be in the -wal file.
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "unable to open" in str(exc) and not os.access(path.parent, os.W_OK):
            raise CannotWrite(path, "read_only") from None  # WAL needs its -shm file beside the database
        raise NotOurFile(path, str(exc)) from exc
    if app_id != APPLICATION_ID and (app_id != 0 or version != 0 or tables):
        raise NotOurFile(path, "another application's database")


class Database:
    """An open Inspector database: `.conn` (a sqlite3 connection in autocommit mode) and
    `.execute(sql, params)`. Everything else of sqlite-utils' Database (tables, insert, …) is
    there too, loaded on first use, so starting the window does not pay for importing it."""

    __slots__ = ("_utils", "conn")

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils = None

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters) if parameters is not None else self.conn.execute(sql)

    def close(self) -> None:
        self.conn.close()

    def _sqlite_utils(self):
        if self._utils is None:
            self._utils = Database(self.conn)
        return self._utils

    def __getattr__(self, name: str):
        return getattr(self._sqlite_utils(), name)

    def __getitem__(self, table: str):
        return self._sqlite_utils()[table]

    def __repr__(self) -> str:
        return f"<Database {self.conn!r}>"


def connect(path: str | Path) -> sqlite3.Connection:
    """A raw connection with the house pragmas (WAL, foreign keys, busy timeout)."""
    # A URI, so that ATTACH understands URI file names too (packages are attached read-only)
    uri = Path(path).resolve().as_uri()
    if uri.startswith("file:///"):
        conn = sqlite3.connect(uri, timeout=10, isolation_level=None, check_same_thread=True, uri=True)
    else:  # a network path (file://server/…), which SQLite's URIs do not take
        conn = sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=True)
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")  # a merge's scratch tables and sorts: no temp file
    return conn


def open_db(path: str | Path | None = None, *, create: bool = True) -> Database:
    """Open (and create or migrate) an Inspector database.

    Raises NotOurFile for a file of another kind, SchemaTooNew for a file from a newer
    version; in both cases the file is left untouched.
    """
    from .paths import default_db_path

    default = path is None  # the user's data folder, made on first start
    path = Path(path) if path is not None else default_db_path()
    if path.exists():
        _check_header(path)
    elif not create:
        raise NotOurFile(path, "no such file")
    elif default:
        path.parent.mkdir(parents=True, exist_ok=True)  # the user's data folder, made on first start
    elif not path.parent.is_dir():  # a mistyped --db path: refused rather than folders made
        raise CannotWrite(path, "no_folder")
    try:
        conn = connect(path)
    except sqlite3.OperationalError:
        if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise CannotWrite(path, "read_only") from None
        raise
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SchemaTooNew(path, version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION:
            _migrate(conn, path, version)
        db = Database(conn)
        _ensure_identity(db, path)
    except BaseException:
        conn.close()
        raise
    return db


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    if version > 0:
        backup = path.with_name(path.name + f".v{version}.bak")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        import shutil

        shutil.copy2(path, backup)
        logger.info("backed up %s to %s before migrating", path, backup)
    conn.execute("PRAGMA foreign_keys = OFF")  # tables are rebuilt; checked below before committing
    conn.execute("BEGIN IMMEDIATE")
    try:
        for v in range(version + 1, SCHEMA_VERSION + 1):
            for statement in _split(MIGRATIONS[v]):
                conn.execute(statement)
            if v in AFTER_MIGRATION:
                AFTER_MIGRATION[v](conn)
        bad = conn.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise sqlite3.IntegrityError(f"migration broke {len(bad)} references")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _split(script: str) -> list[str]:
    """Split a schema script into statements (our scripts hold no ';' inside strings)."""
    out = []
    for part in script.split(";"):
        lines = [ln.split("--")[0] for ln in part.splitlines()]
        stmt = "\n".join(lines).strip()
        if stmt:
            out.append(stmt)
    return out


def _ensure_identity(db: Database, path: Path) -> None:
    """Give this installation a device id; a file copied to another machine gets a new one."""
    fingerprint = _machine_fingerprint(path)
    rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('device_id', 'fingerprint')").fetchall())
    if rows.get("device_id") and rows.get("fingerprint") == fingerprint:
        return
    import uuid

    new_id = str(uuid.uuid4())
    if rows.get("device_id"):
        logger.warning("database %s was copied or moved: new device id %s (was %s)", path, new_id, rows["device_id"])
    with atomic(db):
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('device_id', ?)", [new_id])
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('fingerprint', ?)", [fingerprint])
        if not rows.get("device_id"):
            db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('created', datetime('now'))")


class atomic:
    """`with atomic(db):` one write transaction (BEGIN IMMEDIATE … COMMIT/ROLLBACK); nests."""

    def __init__(self, db: Database) -> None:
        self.conn = db.conn
        self.outer = False

    def __enter__(self):
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.outer = True
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if not self.outer:
            return
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        elif self.conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
            self.conn.execute("ROLLBACK")


def meta_get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def meta_set(db: Database, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])


def device_id(db: Database) -> str:
    return meta_get(db, "device_id") or ""


def laptop_name(db: Database) -> str:
    """The name of this laptop in file names and reports: the 'laptop_name' setting, else the
    computer's name."""
    name = meta_get(db, "laptop_name")
    if name:
        return name
    if hasattr(os, "uname"):
        return os.uname().nodename
    import platform

    return platform.node() or "may"


def set_author(db: Database, name: str, role: str | None = None) -> None:
    """Who enters on this laptop: the name every change carries, and the role in the delegation."""
    with atomic(db):
        meta_set(db, "author", name)
        if role is not None:
            meta_set(db, "author_role", role)


def author(db: Database) -> str:
    """The name changes are signed with: the 'author' setting, else the OS user."""
    name = meta_get(db, "author")
    if name:
        return name
    try:
        import getpass

        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


def integrity_errors(db: Database) -> list[str]:
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows
