"""Every change is an immutable event; the record tables are derived from the events.

An event sets one field of one entity. Its parents are the events of that field it knew
of (the heads when it was written), so events form a graph per field. The heads of a
field are its events that no other event names as a parent. One head: that is the value.
Several heads with different values: a conflict for a person to decide; meanwhile the
table shows the head with the greatest (clock, device, id), the same on every laptop.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from . import db as dbmod
from .db import Database
from .text import fold

# entity -> (table, fixed context columns, fields that events may set)
ENTITIES: dict[str, tuple[str, tuple[str, ...], frozenset[str]]] = {
    "inspection": (
        "inspections",
        (),
        frozenset(
            {
                "kind",
                "title",
                "decision_no",
                "decision_date",
                "legal_basis",
                "issuing_agency",
                "parent_agency",
                "home_office",
                "period",
                "checklist_version",
                "deleted",
            }
        ),
    ),
    "member": (
        "members",
        ("inspection_id",),
        frozenset({"name", "position", "agency", "role", "ord", "salutation", "deleted"}),
    ),
    "visit": (
        "visits",
        ("inspection_id",),
        frozenset(
            {
                "commune",
                "province",
                "date",
                "start_time",
                "end_time",
                "place",
                "representatives",
                "opinion",
                "status",
                "signed_at",
                "version_code",
                "based_on",
                "deleted",
            }
        ),
    ),
    "answer": (
        "answers",
        ("visit_id", "item_code"),
        frozenset({"value", "note", "suggested", "points", "points_reason"}),
    ),
    "finding": (
        "findings",
        ("visit_id",),
        frozenset({"kind", "text", "responsible", "deadline", "items", "ord", "deleted"}),
    ),
    "attachment": (
        "attachments",
        ("visit_id",),
        frozenset({"photo_sha256", "item_code", "caption", "ord", "confirmed", "deleted"}),
    ),
}

# Columns kept beside a field, made from its value: (entity, field) -> (column, function). A visit's
# folded commune name is indexed, so the previous visit of a commune is one look-up.
DERIVED: dict[tuple[str, str], tuple[str, Any]] = {("visit", "commune"): ("commune_key", fold)}

# The namespace of answer ids (uuid.UUID("6f1c3c1e-7d8a-4d1b-9a43-0c3b6a1e2f55").bytes); kept as bytes so
# that opening the window loads neither uuid nor hashlib (OpenSSL), both only needed for writing.
_NS_BYTES = bytes.fromhex("6f1c3c1e7d8a4d1b9a430c3b6a1e2f55")


def _fmt(h: str) -> str:
    return f"{h[0:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


def answer_id(visit_id: str, item_code: str) -> str:
    """The same answer made on two laptops is the same record: uuid5(visit id, item code).

    Equal to str(uuid.uuid5(uuid.UUID(bytes=_NS_BYTES), f"{visit_id}/{item_code}")), computed without
    building UUID objects (this runs once per answer in large batches).
    """
    import hashlib

    b = bytearray(hashlib.sha1(_NS_BYTES + f"{visit_id}/{item_code}".encode()).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50
    b[8] = (b[8] & 0x3F) | 0x80
    return _fmt(b.hex())


def new_id() -> str:
    """A random (version 4) UUID as text."""
    return new_ids(1)[0]


def new_ids(n: int) -> list[str]:
    """n random (version 4) UUIDs as text, from one call to the system's random source."""
    h = os.urandom(16 * n).hex()
    return [
        f"{h[k : k + 8]}-{h[k + 8 : k + 12]}-4{h[k + 13 : k + 16]}-{_VARIANT[h[k + 16]]}{h[k + 17 : k + 20]}-{h[k + 20 : k + 32]}"
        for k in range(0, 32 * n, 32)
    ]


_VARIANT = {c: "89ab"[int(c, 16) & 3] for c in "0123456789abcdef"}


_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_esc = json.encoder.encode_basestring  # C implementation: a str as a JSON string, non-ASCII kept


def dump(value: Any) -> str:
    """JSON text of an event value; the same value always gives the same text."""
    if value is None:
        return "null"
    if type(value) is str:
        return _esc(value)
    if type(value) is dict:
        try:  # the common case of ctx, str -> str: same text as _encode, much faster
            return "{" + ", ".join([f"{_esc(k)}: {_esc(value[k])}" for k in sorted(value)]) + "}"
        except TypeError:
            pass
    return _encode(value)


class Change(NamedTuple):
    """One field of one entity set to a value (JSON-able)."""

    entity: str
    entity_id: str
    field: str
    value: Any
    ctx: dict[str, str] | None = None  # fixed parent keys, e.g. {"visit_id": …, "item_code": …}


# ---- hybrid logical clock -------------------------------------------------------------


def _format_hlc(ms: int, counter: int) -> str:
    return f"{ms:013d}.{counter:06d}"


def hlc_time(text: str | None) -> str:
    """The local date and time of a clock value, "2026-11-17 09:42" ("" when unreadable)."""
    try:
        ms, _ = _parse_hlc(text or "")
        return time.strftime("%Y-%m-%d %H:%M", time.localtime(ms / 1000))
    except (ValueError, TypeError, OverflowError, OSError):
        return ""


def _parse_hlc(text: str) -> tuple[int, int]:
    ms, _, counter = text.partition(".")
    return int(ms), int(counter or 0)


# A laptop never adopts a clock further than this past its own time: a package from a laptop whose
# clock runs ahead still merges (its events keep their clocks), but cannot pin this one.
CLOCK_MARGIN_MS = 5 * 60 * 1000
_MAX_COUNTER = 999_999


def next_hlcs(db: Database, n: int) -> list[str]:
    """n increasing clock values after everything this database has seen (call inside a write).

    The clock never runs more than CLOCK_MARGIN_MS past this machine's time, even when an earlier
    version let it be pinned far ahead: the order of changes comes from their parents, not from
    the clock, so a later change with a smaller clock value is still later.
    """
    last = dbmod.meta_get(db, "hlc") or _format_hlc(0, 0)
    try:
        last_ms, last_c = _parse_hlc(last)
    except ValueError:
        last_ms, last_c = 0, 0
    now = int(time.time() * 1000)
    if last_ms > now + CLOCK_MARGIN_MS:
        last_ms, last_c = now + CLOCK_MARGIN_MS, 0
    if now > last_ms:
        ms, c = now, 0
    else:
        ms, c = last_ms, last_c + 1
    out = []
    for _ in range(n):
        if c > _MAX_COUNTER:
            ms, c = ms + 1, 0
        out.append(_format_hlc(ms, c))
        c += 1
    if out:
        dbmod.meta_set(db, "hlc", out[-1])
    return out


def observe_hlc(db: Database, seen: str) -> None:
    """Move the clock past a value received from another laptop, but never further than
    CLOCK_MARGIN_MS past this machine's own time."""
    try:
        ms, c = _parse_hlc(seen)
    except ValueError:
        return
    cap = int(time.time() * 1000) + CLOCK_MARGIN_MS
    if ms > cap:
        ms, c = cap, 0
    bounded = _format_hlc(ms, min(c, _MAX_COUNTER))
    last = dbmod.meta_get(db, "hlc") or _format_hlc(0, 0)
    if bounded > last:
        dbmod.meta_set(db, "hlc", bounded)


# ---- writing ---------------------------------------------------------------------------


def _check(change: Change) -> tuple[str, tuple[str, ...]]:
    try:
        table, ctx_cols, fields = ENTITIES[change.entity]
    except KeyError:
        raise ValueError(f"unknown entity {change.entity!r}") from None
    if change.field not in fields:
        raise ValueError(f"{change.entity} has no field {change.field!r}")
    return table, ctx_cols


def record(
    db: Database,
    changes: list[Change],
    *,
    inspection_id: str,
    author: str | None = None,
    reason: str | None = None,
) -> list[str]:
    """Write the events for changes and update the derived tables; one transaction.

    Each event's parents are the current heads of its field. Returns the event ids.
    """
    if not changes:
        return []
    for ch in changes:
        _check(ch)
    author = author if author is not None else dbmod.author(db)
    with dbmod.atomic(db):
        device = dbmod.device_id(db)
        heads = current_heads(db, {(c.entity_id, c.field) for c in changes})
        hlcs = next_hlcs(db, len(changes))
        event_rows: list[tuple] = []
        parent_rows: list[tuple[str, str]] = []
        ids = new_ids(len(changes))
        for ch, hlc, eid in zip(changes, hlcs, ids):
            event_rows.append(
                (
                    eid,
                    inspection_id,
                    ch.entity,
                    ch.entity_id,
                    ch.field,
                    dump(ch.value),
                    dump(ch.ctx) if ch.ctx else None,
                    author,
                    device,
                    hlc,
                    reason,
                )
            )
            parents = heads.pop((ch.entity_id, ch.field), ())
            parent_rows.extend((eid, p) for p in parents)
            heads[(ch.entity_id, ch.field)] = (eid,)  # a later change in the batch follows this one
        if parent_rows:
            db.conn.executemany("UPDATE events SET is_head = 0 WHERE id = ?", [(p,) for _, p in parent_rows])
            db.conn.executemany("INSERT INTO event_parents(child, parent) VALUES (?, ?)", parent_rows)
        db.conn.executemany(
            "INSERT INTO events(id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            event_rows,
        )
        _project(db, [(ch, hlc) for ch, hlc in zip(changes, hlcs)])
        # every head of each field was a parent: one head now, no conflict
        db.conn.executemany(
            "DELETE FROM conflicts WHERE entity_id = ? AND field = ?", {(c.entity_id, c.field) for c in changes}
        )
    return ids


def current_heads(db: Database, keys: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """Head event ids of each (entity_id, field)."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    if not keys:
        return {}
    entity_ids = sorted({k[0] for k in keys})
    for start in range(0, len(entity_ids), 500):
        chunk = entity_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for eid, entity_id, field in db.execute(
            f"SELECT id, entity_id, field FROM events WHERE is_head = 1 AND entity_id IN ({marks})", chunk
        ):
            if (entity_id, field) in keys:
                out[(entity_id, field)].append(eid)
    return {k: tuple(v) for k, v in out.items()}


def _project(db: Database, items: Iterable[tuple[Change, str]]) -> None:
    """Write values into the derived tables, grouped into one executemany per (entity, field)."""
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for ch, hlc in items:
        table, ctx_cols = _check(ch)
        ctx = ch.ctx or {}
        value = ch.value
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        groups[(ch.entity, ch.field)].append((ch.entity_id, *[ctx.get(c) for c in ctx_cols], value, hlc))
    for (entity, field), rows in groups.items():
        table, ctx_cols, _ = ENTITIES[entity]
        cols = ["id", *ctx_cols, field, "updated"]
        marks = ",".join("?" * len(cols))
        db.conn.executemany(
            f"INSERT INTO {table}({', '.join(cols)}) VALUES ({marks}) "
            f"ON CONFLICT(id) DO UPDATE SET {field} = excluded.{field}, "
            f"updated = max(coalesce(updated, ''), excluded.updated)",
            rows,
        )
        if (entity, field) in DERIVED:
            _derive(db, entity, field, [r[0] for r in rows])


def _derive(db: Database, entity: str, field: str, ids: list[str]) -> None:
    """Write the columns kept beside a field (DERIVED) for these records."""
    table = ENTITIES[entity][0]
    column, make = DERIVED[(entity, field)]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = db.execute(f"SELECT id, {field} FROM {table} WHERE id IN ({marks})", chunk).fetchall()
        db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", [(make(v), i) for i, v in rows])


@dataclass(frozen=True, slots=True)
class HeadValue:
    """One current value of a field in conflict, with who set it, where and when."""

    event_id: str
    value: Any
    author: str
    device: str
    hlc: str

    @property
    def time(self) -> str:
        """Local wall time of the change, as its laptop's clock said."""
        ms, _ = _parse_hlc(self.hlc)
        return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ms / 1000))


@dataclass(frozen=True, slots=True)
class Conflict:
    """A field that two laptops changed concurrently to different values: its current values."""

    id: str
    inspection_id: str
    entity: str
    entity_id: str
    field: str
    heads: tuple[HeadValue, ...]


def conflict_id(entity_id: str, field: str) -> str:
    import uuid

    return str(uuid.uuid5(uuid.UUID(bytes=_NS_BYTES), f"conflict/{entity_id}/{field}"))[:8]


def _conflicted(alias: str = "") -> str:
    """The one definition of a conflict, as SQL over head events (is_head = 1) named `alias`:
    a field whose heads (the latest change of each laptop) hold different values."""
    p = f"{alias}." if alias else ""
    return f" GROUP BY {p}entity, {p}entity_id, {p}field HAVING count(DISTINCT {p}value) > 1"


# The fields in conflict are kept in the table `conflicts`, so that counting and listing them
# costs in proportion to the conflicts, not to the history: a change written here has every head
# of its field as parents (one head after it: no conflict; `record`), and a merge updates the
# fields it brought changes to (`update_conflicts`). `scan_conflicts` is the full look, for checks.


def update_conflicts(db: Database, keys_table: str) -> set[tuple[str, str]]:
    """After the heads of the fields in keys_table(entity_id, field) changed: keep the table
    `conflicts` right for them. Returns those of them that are in conflict now."""
    now = {
        (r[0], r[1]): (r[2], r[3])
        for r in db.execute(
            "SELECT e.entity_id, e.field, e.entity, min(e.inspection_id) FROM "
            f"(SELECT DISTINCT entity_id, field FROM {keys_table}) k "
            "JOIN events e ON e.entity_id = k.entity_id AND e.field = k.field AND e.is_head = 1" + _conflicted("e")
        )
    }
    db.execute(f"DELETE FROM conflicts WHERE (entity_id, field) IN (SELECT entity_id, field FROM {keys_table})")
    db.conn.executemany(
        "INSERT INTO conflicts(entity_id, field, entity, inspection_id) VALUES (?, ?, ?, ?)",
        [(k[0], k[1], *v) for k, v in now.items()],
    )
    return set(now)


def scan_conflicts(db: Database) -> set[tuple[str, str]]:
    """The fields in conflict, found by looking at every head (what the table `conflicts` must hold)."""
    return {(r[0], r[1]) for r in db.execute(f"SELECT entity_id, field FROM events WHERE is_head = 1{_CONFLICTED}")}


_CONFLICTED = _conflicted()


def conflicts(db: Database, inspection_id: str | None = None) -> list[Conflict]:
    """Fields whose heads hold different values."""
    sql = "SELECT entity, entity_id, field, inspection_id FROM conflicts" + (
        " WHERE inspection_id = ?" if inspection_id else ""
    )
    out = []
    for entity, entity_id, field, insp in db.execute(
        sql + " ORDER BY entity, entity_id, field", [inspection_id] if inspection_id else []
    ).fetchall():
        heads = tuple(
            HeadValue(r[0], json.loads(r[1]), r[2] or "", r[3], r[4])
            for r in db.execute(
                "SELECT id, value, author, device, hlc FROM events "
                "WHERE entity_id = ? AND field = ? AND is_head = 1 ORDER BY hlc, device, id",
                [entity_id, field],
            )
        )
        out.append(Conflict(conflict_id(entity_id, field), insp, entity, entity_id, field, heads))
    return out


def conflict_count(db: Database) -> int:
    """How many fields wait for a person to decide between values from two laptops."""
    return db.execute("SELECT count(*) FROM conflicts").fetchone()[0]


def history(db: Database, entity_id: str, field: str | None = None) -> list[dict]:
    """Every event of an entity (or one of its fields), oldest first."""
    sql = "SELECT id, field, value, author, device, hlc, reason FROM events WHERE entity_id = ?"
    args: list[Any] = [entity_id]
    if field:
        sql += " AND field = ?"
        args.append(field)
    return [
        {
            "id": r[0],
            "field": r[1],
            "value": json.loads(r[2]),
            "author": r[3],
            "device": r[4],
            "hlc": r[5],
            "reason": r[6],
        }
        for r in db.execute(sql + " ORDER BY hlc, device, id", args)
    ]


# ---- set-based heads and projection (merging packages) --------------------------------


def _json_text(value: str) -> str:
    """The text _project stores for a list or dict value."""
    return json.dumps(json.loads(value), ensure_ascii=False)


def _sql_value(col: str) -> str:
    """SQL giving the same stored value as _project does for the JSON text in col."""
    return (
        f"CASE WHEN json_type({col}) IN ('array', 'object') THEN _inspector_json_text({col}) "
        f"ELSE json_extract({col}, '$') END"
    )


def recompute_heads(db: Database, new_ids_table: str) -> None:
    """Fix is_head after events (ids in the temp table new_ids_table(id)) were inserted.

    An event is a head iff no event names it as a parent: the parents of the new events stop
    being heads, and a new event that some known event already names is not a head.
    """
    db.execute(
        "UPDATE events SET is_head = 0 WHERE is_head = 1 AND id IN ("
        f"SELECT p.parent FROM event_parents p WHERE p.child IN (SELECT id FROM {new_ids_table}))"
    )
    db.execute(
        f"UPDATE events SET is_head = 0 WHERE is_head = 1 AND id IN (SELECT id FROM {new_ids_table}) "
        "AND EXISTS (SELECT 1 FROM event_parents p WHERE p.parent = events.id)"
    )


def reproject_table(db: Database, keys_table: str, *, with_clocks: bool = False) -> int:
    """Recompute the derived value of every (entity, entity_id, field) in the temp table keys_table.

    The winner among a field's heads is the greatest (hlc, device, id). Clocks need not grow
    along parents (a laptop never adopts a clock far ahead of its own), so a row's `updated` is
    the greatest clock of any change it has seen: each change counts once, when it is written or
    arrives, and the result is the same on every laptop that holds the same changes. With
    with_clocks, keys_table has a column hlc holding the greatest clock among the changes that
    just arrived for that field; without it, every change of the field is looked at. Returns
    the number of fields projected.
    """
    db.conn.create_function("_inspector_json_text", 1, _json_text, deterministic=True)
    db.execute("DROP TABLE IF EXISTS temp._inspector_winners")
    seen = (
        "max(e.hlc, k.hlc)"
        if with_clocks
        else "(SELECT max(x.hlc) FROM events x WHERE x.entity_id = k.entity_id AND x.field = k.field)"
    )
    keys = keys_table if with_clocks else f"(SELECT DISTINCT entity_id, field FROM {keys_table})"
    # the winner of each field: one look-up in the index of heads per field
    db.execute(
        "CREATE TEMP TABLE _inspector_winners AS "
        f"SELECT e.entity, e.entity_id, e.field, e.value, e.ctx, {seen} AS hlc FROM {keys} k "
        "JOIN events e ON e.id = (SELECT x.id FROM events x WHERE x.entity_id = k.entity_id AND x.field = k.field "
        "AND x.is_head = 1 ORDER BY x.hlc DESC, x.device DESC, x.id DESC LIMIT 1)"
    )
    db.execute("CREATE INDEX temp._inspector_winners_ix ON _inspector_winners(entity, field)")
    groups = db.execute("SELECT DISTINCT entity, field FROM temp._inspector_winners").fetchall()
    total = 0
    for entity, field in groups:
        if entity not in ENTITIES or field not in ENTITIES[entity][2]:
            raise ValueError(f"unknown entity or field {entity}.{field}")
        table, ctx_cols, _ = ENTITIES[entity]
        cols = ["id", *ctx_cols, field, "updated"]
        exprs = ["entity_id", *[f"json_extract(ctx, '$.{c}')" for c in ctx_cols], _sql_value("value"), "hlc"]
        cur = db.execute(
            f"INSERT INTO {table}({', '.join(cols)}) SELECT {', '.join(exprs)} FROM temp._inspector_winners "
            "WHERE entity = ? AND field = ? "
            f"ON CONFLICT(id) DO UPDATE SET {field} = excluded.{field}, "
            "updated = max(coalesce(updated, ''), excluded.updated)",
            [entity, field],
        )
        total += cur.rowcount
        if (entity, field) in DERIVED:
            ids = db.execute(
                "SELECT entity_id FROM temp._inspector_winners WHERE entity = ? AND field = ?", [entity, field]
            ).fetchall()
            _derive(db, entity, field, [r[0] for r in ids])
    db.execute("DROP TABLE temp._inspector_winners")
    return total
