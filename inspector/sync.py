"""Sync by files: export a package, verify it, merge any number of them in any order.

A package is a small SQLite file of its own kind (PACKAGE_APPLICATION_ID, PACKAGE_VERSION in
user_version) holding the events and event parents of one or more inspections, the checklist
versions they use and the photo blobs their attachments name. Merging inserts what is new
(events are immutable and keyed by UUID, so a second merge adds nothing), recomputes the heads
of the fields it touched and projects them again: the result does not depend on the order or
the grouping of the packages. Two concurrent changes of one field with different values stay
listed as a conflict until a person decides; the decision is an event like any other.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import checklist as cl
from . import db as dbmod
from . import events, files
from . import package as pkgmod
from .db import Database
from .errors import Cancelled, InspectorError, InvalidInput, NotFound, PackageRejected, VisitFrozen
from .package import CHECKLIST_ITEM_COLS as _CHECKLIST_ITEM_COLS
from .package import EVENT_COLS as _EVENT_COLS
from .package import PACKAGE_APPLICATION_ID, PACKAGE_SCHEMA, PACKAGE_VERSION, SUFFIX, PackageInfo
from .package import PHOTO_COLS as _PHOTO_COLS
from .text import clean, clean_line
from .words import ENTITY_LABELS, FIELD_LABELS  # re-exported: the words live in inspector.words

Progress = Callable[[int, int], None] | None
Check = Callable[[], bool] | None

# what the report counts, in the order it is shown
KINDS = ("inspections", "members", "visits", "answers", "findings", "attachments", "photos", "checklists", "events")
_ENTITY_KIND = {
    "inspection": "inspections",
    "member": "members",
    "visit": "visits",
    "answer": "answers",
    "finding": "findings",
    "attachment": "attachments",
}


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def _step(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _check_cancel(cancelled: Check) -> None:
    if cancelled is not None and cancelled():
        raise Cancelled("cancelled")


# ---- export ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ExportResult:
    path: Path
    inspections: tuple[str, ...]  # titles
    events: int
    photos: int
    size: int


def _inspection_ids(db: Database, inspection_id: str | None) -> list[str]:
    if inspection_id:
        from .inspections import _resolve

        return [_resolve(db, "inspections", inspection_id, "inspection")]
    return [r[0] for r in db.execute("SELECT DISTINCT inspection_id FROM events ORDER BY inspection_id")]


def default_package_name(db: Database, inspection_id: str | None = None) -> str:
    """A file name that says what, from which laptop and when, so that packages of several
    laptops on one USB stick never overwrite each other:
    "Kiem-tra-CCHC-2026_LAPTOP-LAN_20261117-1642.cchc"."""
    from .text import slug

    title = "tat-ca"
    if inspection_id:
        from .inspections import get_inspection

        title = slug(get_inspection(db, inspection_id).title, "dot-kiem-tra")[:40]
    laptop = slug(dbmod.laptop_name(db), "")[:30] or dbmod.device_id(db)[:8]
    return f"{title}_{laptop}_{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}"


def export_package(
    db: Database,
    out_path: str | Path,
    inspection_id: str | None = None,
    progress: Progress = None,
    cancelled: Check = None,
) -> ExportResult:
    """Write the package of one inspection (or of all) to out_path; atomic (temp name + rename).

    Raises NotFound for an unknown inspection, InvalidInput when there is nothing to export,
    Cancelled (and leaves no file) when cancelled.
    """
    out_path = Path(out_path)
    ids = _inspection_ids(db, inspection_id)
    if not ids:
        raise InvalidInput("there is no inspection to export")
    if db.conn.in_transaction:
        raise RuntimeError("export_package cannot run inside a transaction")
    conn = db.conn
    total = 6
    with files.atomic_write(out_path) as tmp:
        pk = sqlite3.connect(tmp)
        try:
            pk.execute("PRAGMA journal_mode = DELETE")
            pk.execute(f"PRAGMA application_id = {PACKAGE_APPLICATION_ID}")
            pk.execute(f"PRAGMA user_version = {PACKAGE_VERSION}")
            pk.executescript(PACKAGE_SCHEMA)
            pk.commit()
        finally:
            pk.close()
        if not db.execute("SELECT 1 FROM checklist_versions WHERE id = ?", [cl.DEFAULT_VERSION]).fetchone():
            cl.ensure_default(db)  # the built-in version may not be stored yet (checklist.get caches)
        conn.execute("ATTACH DATABASE ? AS pkg_out", [str(tmp)])
        try:
            n_events, n_photos, titles = _export_rows(db, ids, progress, cancelled, total)
        finally:
            conn.execute("DETACH DATABASE pkg_out")
            conn.execute("DROP TABLE IF EXISTS temp._sync_export")
    _step(progress, total, total)
    return ExportResult(out_path, tuple(titles), n_events, n_photos, out_path.stat().st_size)


def _export_rows(
    db: Database, ids: list[str], progress: Progress, cancelled: Check, total: int
) -> tuple[int, int, list[str]]:
    """Copy the inspections' events, parents, checklists and photos into pkg_out, then its digest."""
    conn = db.conn
    conn.execute("DROP TABLE IF EXISTS temp._sync_export")
    conn.execute("CREATE TEMP TABLE _sync_export (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO temp._sync_export VALUES (?)", [(i,) for i in ids])
    conn.execute("BEGIN")  # one read snapshot of the database, one write of the package
    try:
        _step(progress, 0, total)
        n_events = conn.execute(
            f"INSERT INTO pkg_out.events({_EVENT_COLS}) SELECT {_EVENT_COLS} FROM main.events "
            "WHERE inspection_id IN (SELECT id FROM temp._sync_export) ORDER BY id"
        ).rowcount  # read back in this order
        _check_cancel(cancelled)
        _step(progress, 1, total)
        conn.execute(
            "INSERT INTO pkg_out.event_parents(child, parent) SELECT p.child, p.parent FROM main.event_parents p "
            "WHERE p.child IN (SELECT id FROM pkg_out.events)"
        )
        _check_cancel(cancelled)
        _step(progress, 2, total)
        versions = {
            r[0]
            for r in conn.execute(
                "SELECT checklist_version FROM main.inspections WHERE id IN (SELECT id FROM temp._sync_export) "
                "UNION SELECT json_extract(value, '$') FROM pkg_out.events "
                "WHERE entity = 'inspection' AND field = 'checklist_version'"
            )
            if r[0]
        }
        for v in sorted(versions):
            conn.execute(
                "INSERT OR IGNORE INTO pkg_out.checklist_versions(id, title, date, data) "
                "SELECT id, title, date, data FROM main.checklist_versions WHERE id = ?",
                [v],
            )
            conn.execute(
                f"INSERT OR IGNORE INTO pkg_out.checklist_items({_CHECKLIST_ITEM_COLS}) "
                f"SELECT {_CHECKLIST_ITEM_COLS} FROM main.checklist_items WHERE version_id = ?",
                [v],
            )
        _step(progress, 3, total)
        shas = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT json_extract(value, '$') FROM pkg_out.events "
                "WHERE entity = 'attachment' AND field = 'photo_sha256' AND json_type(value) = 'text'"
            )
        ]
        n_photos = 0
        for start in range(0, len(shas), 200):
            _check_cancel(cancelled)
            chunk = shas[start : start + 200]
            n_photos += conn.execute(
                f"INSERT OR IGNORE INTO pkg_out.photos({_PHOTO_COLS}) SELECT {_PHOTO_COLS} FROM main.photos "
                f"WHERE sha256 IN ({','.join('?' * len(chunk))})",
                chunk,
            ).rowcount
        _step(progress, 4, total)
        titles = [
            r[0] or ""
            for r in conn.execute(
                "SELECT title FROM main.inspections WHERE id IN (SELECT id FROM temp._sync_export) ORDER BY title"
            )
        ]
        info = {
            "created": _now(),
            "device": dbmod.device_id(db),
            "author": dbmod.author(db),
            "inspections": json.dumps(ids),
            "titles": json.dumps(titles, ensure_ascii=False),
            "events": str(n_events),
            "photos": str(n_photos),
        }
        conn.executemany("INSERT INTO pkg_out.package(key, value) VALUES (?, ?)", list(info.items()))
        _check_cancel(cancelled)
        conn.execute(
            "INSERT INTO pkg_out.package(key, value) VALUES ('digest', ?)",
            [pkgmod.digest_text(pkgmod.content_digest(conn, "pkg_out"))],
        )
        _check_cancel(cancelled)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return n_events, n_photos, titles


# ---- verify ----------------------------------------------------------------------------


def verify_package(path: str | Path, db: Database | None = None) -> PackageInfo:
    """Check a package without changing anything; raises PackageRejected(path, code).

    The same reading and checks as a merge (inspector/package.py): our kind and version,
    complete, exactly the schema export makes, the digest of every table, every value; with db,
    parents, photos and checklists the package names may be known there.
    """
    return pkgmod.verify(path, db.conn if db is not None else None)


# ---- merge -----------------------------------------------------------------------------


@dataclass
class ConflictInfo:
    """A conflict with the words a person needs: where, which item or field, each value."""

    id: str
    inspection_id: str
    inspection: str  # title
    entity: str
    entity_id: str
    field: str
    field_label: str
    commune: str  # "" for the inspection itself
    item_code: str  # answers only
    item_text: str
    heads: list[dict]  # event_id, value, display, author, device, hlc, time

    @property
    def label(self) -> str:
        where = self.commune or self.inspection
        text = self.item_text if len(self.item_text) <= 70 else self.item_text[:69].rstrip() + "…"
        what = f"{self.item_code} {text}".strip() if self.item_code else self.field_label
        if self.item_code and self.field != "value":
            what += f" ({self.field_label})"
        return f"{where}: {what}" if where else what


@dataclass
class PackageResult:
    file: str
    sha256: str
    titles: tuple[str, ...]
    added: dict[str, int]
    updated: dict[str, int]  # records that existed and received new changes
    known_events: int  # changes already in the database
    conflicts: list[ConflictInfo]
    already_merged: str = ""  # when this same file was merged before
    inspection_ids: tuple[str, ...] = ()  # the inspections that received new changes
    inspections_changed: tuple[str, ...] = ()  # those whose own fields changed (title, decision, deleted…)
    visit_ids: tuple[str, ...] = ()  # the visits whose fields, answers, findings or photos changed


@dataclass
class MergeReport:
    packages: list[PackageResult] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    refusals: list[PackageRejected] = field(default_factory=list)  # the same, with code and Vietnamese

    @property
    def added(self) -> dict[str, int]:
        return {k: sum(p.added.get(k, 0) for p in self.packages) for k in KINDS}

    @property
    def updated(self) -> dict[str, int]:
        return {k: sum(p.updated.get(k, 0) for p in self.packages) for k in KINDS}

    @property
    def known_events(self) -> int:
        return sum(p.known_events for p in self.packages)

    @property
    def inspection_ids(self) -> set[str]:
        """The inspections whose records changed (the window updates those only)."""
        return {i for p in self.packages for i in p.inspection_ids}

    @property
    def inspections_changed(self) -> set[str]:
        """The inspections whose own fields changed."""
        return {i for p in self.packages for i in p.inspections_changed}

    @property
    def visit_ids(self) -> set[str]:
        """The visits whose fields or records changed."""
        return {i for p in self.packages for i in p.visit_ids}

    @property
    def conflicts(self) -> list[ConflictInfo]:
        seen: dict[str, ConflictInfo] = {}
        for p in self.packages:
            for c in p.conflicts:
                seen[c.id] = c
        return list(seen.values())

    def to_json(self) -> dict:
        return {
            "packages": [asdict(p) for p in self.packages],
            "rejected": [{"file": f, "reason": r} for f, r in self.rejected],
            "added": self.added,
            "updated": self.updated,
            "known_events": self.known_events,
            "conflicts": [asdict(c) | {"label": c.label} for c in self.conflicts],
        }

    def summary(self) -> str:
        a = self.added
        parts = [f"{a[k]} {k}" for k in KINDS if a[k]]
        text = (
            f"{len(self.packages)} package(s) merged: "
            + (", ".join(parts) if parts else "nothing new")
            + f"; {self.known_events} change(s) already known; {len(self.conflicts)} new conflict(s)"
        )
        if self.rejected:
            text += f"; {len(self.rejected)} file(s) rejected"
        return text


def merge_packages(
    db: Database, paths: Iterable[str | Path], progress: Progress = None, cancelled: Check = None
) -> MergeReport:
    """Read, check and merge each package, each in one transaction; returns what changed.

    A file that fails its checks changes nothing and is listed in report.rejected; when no
    file passes, the first PackageRejected is raised. Cancelling raises Cancelled (with
    .report) and keeps the packages already merged.
    """
    files_ = [Path(p) for p in paths]
    report = MergeReport()
    first_error: PackageRejected | None = None
    total = len(files_)
    for n, path in enumerate(files_):
        _step(progress, n, total)
        try:
            _check_cancel(cancelled)
            report.packages.append(_apply(db, path, cancelled))
        except PackageRejected as exc:
            report.rejected.append((path.name, exc.reason))
            report.refusals.append(exc)
            first_error = first_error or exc
        except Cancelled as exc:
            exc.report = report  # type: ignore[attr-defined]
            raise
    _step(progress, total, total)
    if not report.packages and first_error is not None:
        first_error.report = report  # type: ignore[attr-defined]  # every file's reason
        raise first_error
    return report


def _apply(db: Database, path: Path, cancelled: Check) -> PackageResult:
    """Read the package once (package.read_package) and merge that reading in one transaction."""
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("merge_packages cannot run inside a transaction")
    size = pkgmod.precheck(path)
    budget = pkgmod.Budget.for_file(path, size, cancelled)
    pkgmod.attach(conn, path)
    budget.install(conn)
    try:
        with dbmod.atomic(db):
            result = _merge_read(db, path, budget)
    except sqlite3.OperationalError as exc:
        if budget.stopped:
            raise budget.error() from None
        raise _merge_error(db, path, exc) from None
    except sqlite3.DatabaseError as exc:
        raise _merge_error(db, path, exc) from None
    except UnicodeDecodeError as exc:
        raise PackageRejected(path.name, "damaged", detail=pkgmod._damage(exc)) from None
    finally:
        pkgmod.Budget.remove(conn)
        pkgmod.drop_temp(conn)
        pkgmod.detach(conn)
    return result


def _merge_error(db: Database, path: Path, exc: sqlite3.Error) -> Exception:
    """A SQLite error during a merge: the receiving database's disk, or a damaged package."""
    main_file = next((r[2] for r in db.execute("PRAGMA database_list") if r[1] == "main"), "") or "database"
    plain = files.write_error(exc, Path(main_file))
    if plain is not None and "unable to open" not in str(exc):
        return plain
    return PackageRejected(path.name, "damaged", detail=str(exc))


def _missing_parent(db: Database, keys_table: str) -> tuple[str, str] | None:
    """(table, parent table) of a record among keys_table(entity, entity_id) whose parent is missing."""
    for entity, (table, _, _) in events.ENTITIES.items():
        for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
            parent, column, target = fk[2], fk[3], fk[4] or "rowid"
            row = db.execute(
                f"SELECT 1 FROM {keys_table} k JOIN {table} t ON t.id = k.entity_id "
                f"WHERE k.entity = ? AND t.{column} IS NOT NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.{target} = t.{column}) LIMIT 1",
                [entity],
            ).fetchone()
            if row:
                return table, parent
    return None


def _merge_read(db: Database, path: Path, budget: pkgmod.Budget) -> PackageResult:
    conn = db.conn
    # The package is checked on a thread while it is merged here, in this transaction; a problem
    # found there rolls everything back (see package.PackageReading).
    reading = pkgmod.PackageReading(conn, path, budget, conn)
    try:
        return _merge_checked(db, path, budget, reading)
    except (sqlite3.Error, ValueError, TypeError):
        reading.verdict()  # a problem of the package explains a failed statement better: raised first
        raise
    finally:
        reading.close()


def _merge_checked(db: Database, path: Path, budget: pkgmod.Budget, reading: pkgmod.PackageReading) -> PackageResult:
    conn = db.conn
    new_photos = reading.store_photos()
    for t in ("_sync_new", "_sync_keys"):
        conn.execute(f"DROP TABLE IF EXISTS temp.{t}")
    conn.execute(
        "CREATE TEMP TABLE _sync_new (id TEXT PRIMARY KEY, entity TEXT, entity_id TEXT, field TEXT, hlc TEXT, "
        "inspection_id TEXT)"
    )
    conn.execute(
        "INSERT INTO temp._sync_new SELECT id, entity, entity_id, field, hlc, inspection_id FROM temp._pkg_events p "
        "WHERE NOT EXISTS (SELECT 1 FROM main.events e WHERE e.id = p.id)"
    )
    # each field the package changes, with the greatest clock among its new changes
    conn.execute(
        "CREATE TEMP TABLE _sync_keys (entity TEXT, entity_id TEXT, field TEXT, hlc TEXT, "
        "PRIMARY KEY (entity_id, field)) WITHOUT ROWID"
    )
    conn.execute(
        "INSERT INTO temp._sync_keys SELECT entity, entity_id, field, hlc FROM temp._sync_new WHERE true "
        "ON CONFLICT (entity_id, field) DO UPDATE SET hlc = max(hlc, excluded.hlc)"
    )
    n_new = conn.execute("SELECT count(*) FROM temp._sync_new").fetchone()[0]
    added = dict.fromkeys(KINDS, 0)
    updated = dict.fromkeys(KINDS, 0)
    for entity, kind in _ENTITY_KIND.items():
        table = events.ENTITIES[entity][0]
        row = conn.execute(
            f"SELECT count(DISTINCT n.entity_id), count(DISTINCT t.id) FROM temp._sync_new n "
            f"LEFT JOIN main.{table} t ON t.id = n.entity_id WHERE n.entity = ?",
            [entity],
        ).fetchone()
        added[kind], updated[kind] = row[0] - row[1], row[1]
    added["events"] = n_new
    added["checklists"] = conn.execute(
        "INSERT OR IGNORE INTO main.checklist_versions(id, title, date, data) "
        "SELECT id, title, date, data FROM temp._pkg_versions"
    ).rowcount
    conn.execute(
        f"INSERT OR IGNORE INTO main.checklist_items({_CHECKLIST_ITEM_COLS}) "
        f"SELECT {_CHECKLIST_ITEM_COLS} FROM temp._pkg_items"
    )
    if not conn.execute("SELECT 1 FROM main.checklist_versions WHERE id = ?", [cl.DEFAULT_VERSION]).fetchone():
        cl.ensure_default(db)  # built in: every installation has it
    added["photos"] = new_photos
    budget.check()
    conn.execute(
        "INSERT OR IGNORE INTO main.event_parents(child, parent) "
        "SELECT child, parent FROM temp._pkg_parents WHERE child IN (SELECT id FROM temp._sync_new)"
    )
    conn.execute(
        f"INSERT INTO main.events({_EVENT_COLS}, is_head) SELECT {', '.join('p.' + c for c in _EVENT_COLS.split(', '))}, 1 "
        "FROM temp._pkg_events p WHERE p.id IN (SELECT id FROM temp._sync_new)"
    )
    events.recompute_heads(db, "temp._sync_new")
    events.reproject_table(db, "temp._sync_keys", with_clocks=True)
    budget.check()
    info, fixes = reading.finish()  # raises (and so rolls back) when the package is damaged or crafted
    if fixes:  # text that checking cleaned: written over what was merged, and shown again
        reading.apply_fixes("temp._pkg_events", fixes)
        conn.execute("DROP TABLE IF EXISTS temp._sync_fixed")
        conn.execute("CREATE TEMP TABLE _sync_fixed (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO temp._sync_fixed VALUES (?)", [(f[0],) for f in fixes])
        new = {
            r[0] for r in conn.execute("SELECT id FROM temp._sync_fixed WHERE id IN (SELECT id FROM temp._sync_new)")
        }
        reading.apply_fixes("main.events", [f for f in fixes if f[0] in new])  # those here before stay as they were
        conn.execute(
            "CREATE TEMP TABLE _sync_refix AS SELECT DISTINCT entity, entity_id, field FROM temp._pkg_events "
            "WHERE id IN (SELECT id FROM temp._sync_fixed)"
        )
        events.reproject_table(db, "temp._sync_refix")
        conn.execute("DROP TABLE temp._sync_fixed")
        conn.execute("DROP TABLE temp._sync_refix")
    n_pkg = info.events
    touched = tuple(r[0] for r in conn.execute("SELECT DISTINCT inspection_id FROM temp._sync_new ORDER BY 1"))
    own = tuple(
        r[0]
        for r in conn.execute("SELECT DISTINCT entity_id FROM temp._sync_new WHERE entity = 'inspection' ORDER BY 1")
    )
    visit_ids = tuple(
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT CASE WHEN p.entity = 'visit' THEN p.entity_id ELSE json_extract(p.ctx, '$.visit_id') END AS v "
            "FROM temp._pkg_events p WHERE p.id IN (SELECT id FROM temp._sync_new) AND v IS NOT NULL ORDER BY 1"
        )
    )
    prev = conn.execute(
        "SELECT merged_at FROM merges WHERE sha256 = ? ORDER BY merged_at LIMIT 1", [info.sha256]
    ).fetchone()
    before = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT entity_id, field FROM conflicts WHERE (entity_id, field) IN (SELECT entity_id, field FROM temp._sync_keys)"
        )
    }
    after = events.update_conflicts(db, "temp._sync_keys")
    seen = conn.execute("SELECT max(hlc) FROM temp._pkg_events").fetchone()[0]
    if seen:
        events.observe_hlc(db, seen)
    new_keys = after - before
    counts = {"added": added, "updated": updated, "known_events": n_pkg - n_new, "conflicts": len(new_keys)}
    conn.execute(
        "INSERT INTO merges(id, file_name, sha256, merged_at, counts) VALUES (?, ?, ?, ?, ?)",
        [events.new_id(), clean_line(path.name)[:300], info.sha256, _now(), json.dumps(counts)],
    )
    # deferred foreign keys are checked at COMMIT; say which package broke them, looking at the
    # records it changed only (a whole-database foreign_key_check grows with every year kept)
    bad = _missing_parent(db, "temp._sync_keys")
    if bad:
        raise PackageRejected(path.name, "record_missing", table=bad[0], parent=bad[1])
    for t in ("_sync_new", "_sync_keys"):
        conn.execute(f"DROP TABLE temp.{t}")
    new_conflicts = [c for c in conflicts(db) if (c.entity_id, c.field) in new_keys] if new_keys else []
    return PackageResult(
        path.name,
        info.sha256,
        info.titles,
        added,
        updated,
        n_pkg - n_new,
        new_conflicts,
        prev[0] if prev else "",
        touched,
        own,
        visit_ids,
    )


# ---- conflicts -------------------------------------------------------------------------


def _display(value: Any, item: cl.Item | None, fld: str) -> str:
    from . import answers as ans

    if item is not None and fld in ("value", "suggested"):
        return ans.display(item, value if value is None else str(value)) or "(trống)"
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _enrich(db: Database, c: events.Conflict) -> ConflictInfo:
    insp = db.execute("SELECT title, checklist_version FROM inspections WHERE id = ?", [c.inspection_id]).fetchone()
    title, version = (insp[0] or "", insp[1]) if insp else ("", None)
    ctx_row = db.execute("SELECT ctx FROM events WHERE id = ?", [c.heads[0].event_id]).fetchone()
    ctx = json.loads(ctx_row[0]) if ctx_row and ctx_row[0] else {}
    visit_id = ctx.get("visit_id") or (c.entity_id if c.entity == "visit" else None)
    commune = ""
    if visit_id:
        r = db.execute("SELECT commune FROM visits WHERE id = ?", [visit_id]).fetchone()
        commune = (r[0] or "") if r else ""
    item = None
    item_code = ctx.get("item_code", "") if c.entity == "answer" else ""
    item_text = ""
    if item_code:
        try:
            item = cl.get(db, version).item(item_code)
            item_text = item.text_vi
        except InspectorError:
            item = None
    elif c.entity == "member":
        r = db.execute("SELECT name FROM members WHERE id = ?", [c.entity_id]).fetchone()
        item_text = (r[0] or "") if r else ""
    elif c.entity in ("finding", "attachment"):
        table = events.ENTITIES[c.entity][0]
        col = "text" if c.entity == "finding" else "caption"
        r = db.execute(f"SELECT {col} FROM {table} WHERE id = ?", [c.entity_id]).fetchone()
        item_text = (r[0] or "")[:60] if r else ""
    label = FIELD_LABELS.get(c.field, c.field)
    if c.entity not in ("answer", "inspection", "visit"):
        label = f"{ENTITY_LABELS.get(c.entity, c.entity)} {item_text}".strip() + f" — {label}"
    heads = [
        {
            "event_id": h.event_id,
            "value": h.value,
            "display": _display(h.value, item, c.field),
            "author": h.author,
            "device": h.device,
            "hlc": h.hlc,
            "time": h.time,
        }
        for h in c.heads
    ]
    return ConflictInfo(
        c.id,
        c.inspection_id,
        title,
        c.entity,
        c.entity_id,
        c.field,
        label,
        commune,
        item_code,
        item_text if item_code else "",
        heads,
    )


def conflicts(db: Database, inspection_id: str | None = None) -> list[ConflictInfo]:
    """events.conflicts with readable labels (commune, item code and text, field), sorted."""
    out = [_enrich(db, c) for c in events.conflicts(db, inspection_id)]
    out.sort(key=lambda c: (c.inspection, c.commune, c.entity != "answer", c.item_code, c.field, c.id))
    return out


def find_conflict(db: Database, conflict_id: str) -> ConflictInfo:
    key = (conflict_id or "").strip().lower()
    matches = [c for c in conflicts(db) if c.id.startswith(key)] if key else []
    if not matches:
        raise NotFound("conflict", conflict_id)
    if len(matches) > 1:
        from .errors import Ambiguous

        raise Ambiguous("conflict", conflict_id, len(matches))
    return matches[0]


def _parse(db: Database, c: ConflictInfo, value: Any) -> Any:
    from . import answers as ans

    for h in c.heads:  # picking one of the values: keep it exactly
        if events.dump(h["value"]) == events.dump(value):
            return h["value"]
    if c.entity == "answer" and c.field in ("value", "suggested"):
        version = db.execute("SELECT checklist_version FROM inspections WHERE id = ?", [c.inspection_id]).fetchone()
        item = cl.get(db, version[0] if version else None).item(c.item_code)
        return ans.parse_value(item, value)
    if c.field in pkgmod.INT_FIELDS:
        if value in (None, ""):
            return None
        try:
            return int(str(value).strip())
        except ValueError:
            raise InvalidInput(f"{c.field_label}: expected a whole number, got {value!r}") from None
    if c.field in pkgmod.NUMBER_FIELDS:
        from .scoring import number

        if value in (None, ""):
            return None
        got = number(value)
        if got is None:
            raise InvalidInput(f"{c.field_label}: expected a number, got {value!r}")
        return got
    if c.field == "representatives" and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            raise InvalidInput("representatives: expected a JSON list") from None
    if isinstance(value, str):
        return clean(value).strip() if c.field in ("text", "opinion", "note", "legal_basis") else clean_line(value)
    return value


def resolve(db: Database, conflict_id: str, value: Any, *, author: str | None = None, reason: str | None = None) -> str:
    """Decide a conflict: a new event with the chosen (or a new) value whose parents are all heads.

    Answer values are checked with answers.parse_value (InvalidValue on a bad one); a field
    of a visit whose minutes were signed needs a reason (VisitFrozen otherwise). The
    decision is an event like any other, so it travels with the next package. Returns its id.
    """
    c = find_conflict(db, conflict_id)
    stored = _parse(db, c, value)
    ctx_row = db.execute("SELECT ctx FROM events WHERE id = ?", [c.heads[0]["event_id"]]).fetchone()
    ctx = json.loads(ctx_row[0]) if ctx_row and ctx_row[0] else None
    visit_id = (ctx or {}).get("visit_id") or (c.entity_id if c.entity == "visit" else None)
    if visit_id and c.field not in ("status", "signed_at", "version_code") and not (reason and reason.strip()):
        row = db.execute("SELECT status, commune FROM visits WHERE id = ?", [visit_id]).fetchone()
        if row and row[0] == "signed":
            raise VisitFrozen(visit_id, row[1] or "")
    with dbmod.atomic(db):
        heads = events.current_heads(db, {(c.entity_id, c.field)}).get((c.entity_id, c.field), ())
        if set(heads) != {h["event_id"] for h in c.heads}:
            raise InvalidInput("the conflict changed meanwhile; look at it again")
        ids = events.record(
            db,
            [events.Change(c.entity, c.entity_id, c.field, stored, ctx)],
            inspection_id=c.inspection_id,
            author=author,
            reason=reason,
        )
    return ids[0]


# ---- merge log and checks -------------------------------------------------------------


@dataclass(frozen=True)
class MergeLogEntry:
    id: str
    file_name: str
    sha256: str
    merged_at: str
    counts: dict


def merge_log(db: Database) -> list[MergeLogEntry]:
    """Every merge, newest first."""
    out = []
    for r in db.execute(
        "SELECT id, file_name, sha256, merged_at, counts FROM merges ORDER BY merged_at DESC, rowid DESC"
    ):
        try:
            counts = json.loads(r[4] or "{}")
        except ValueError:
            counts = {}
        out.append(MergeLogEntry(r[0], r[1] or "", r[2] or "", r[3] or "", counts))
    return out


def check_database(db: Database, progress: Progress = None) -> list[str]:
    """Problems of the database: integrity_check, foreign_key_check, photo hashes. [] when sound."""
    problems = [f"integrity: {e}" for e in dbmod.integrity_errors(db)]
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(f"foreign key: {table} row {rowid} names a missing {parent}")
    total = db.execute("SELECT count(*) FROM photos").fetchone()[0]
    for n, (sha, data) in enumerate(db.execute("SELECT sha256, data FROM photos")):
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != sha:
            problems.append(f"photo {sha[:12]}: stored bytes do not match the SHA-256")
        if progress is not None and n % 50 == 0:
            progress(n, total)
    heads = db.execute(
        "SELECT count(*) FROM events e WHERE is_head = 1 AND EXISTS "
        "(SELECT 1 FROM event_parents p WHERE p.parent = e.id)"
    ).fetchone()[0]
    if heads:
        problems.append(f"events: {heads} change(s) marked current although a later change follows them")
    kept = {(r[0], r[1]) for r in db.execute("SELECT entity_id, field FROM conflicts")}
    wrong = len(kept ^ events.scan_conflicts(db))
    if wrong:
        problems.append(f"conflicts: {wrong} field(s) listed wrongly in the table of conflicts")
    return problems


def short_device(device: str) -> str:
    return device[:8]


__all__ = [
    "PACKAGE_APPLICATION_ID",
    "PACKAGE_VERSION",
    "SUFFIX",
    "ConflictInfo",
    "ExportResult",
    "MergeLogEntry",
    "MergeReport",
    "PackageInfo",
    "PackageResult",
    "check_database",
    "conflicts",
    "export_package",
    "merge_log",
    "merge_packages",
    "resolve",
    "verify_package",
]
