"""Checklists: the data file format, its validation, and the items of a version."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import db as dbmod
from .db import Database
from .errors import ChecklistError, NotFound
from .paths import checklist_dir
from .text import clean, clean_line

TYPES = ("assessment", "yesno", "count", "ratio", "text")
GROUP_ORDER = "ABCDEFG"
DEFAULT_VERSION = "CCHC-XA-2025.1"
CODE_RE = re.compile(r"^[A-Z][A-Z]?\d{1,3}$")


@dataclass(frozen=True, slots=True)
class Item:
    """One criterion of a criteria set: its code, its words in both languages, its type and points."""

    version_id: str
    code: str
    group: str
    position: int
    text_vi: str
    text_en: str
    type: str
    unit: str
    photo_required: bool
    photo_suggested: bool
    basis: str
    evidence_hint: str
    points: float | None = None  # the most the item earns (negative: a penalty); None: not scored
    scoring: str = ""  # how it is scored ("Cách chấm", see scoring.py)
    points_kind: str = ""  # "" | "bonus" | "penalty": outside the maximum
    not_met: str = ""  # the sentence the minutes use when the item is not met
    guidance: str = ""  # how to check it ("Hướng dẫn")

    def text(self, lang: str = "vi") -> str:
        return self.text_en if lang == "en" and self.text_en else self.text_vi

    def ratio_labels(self) -> tuple[str, str]:
        """The two input labels of a ratio item: the criterion text split at " / "."""
        num, sep, den = self.text_vi.partition(" / ")
        return (num, den) if sep else ("Tử số", "Mẫu số")


@dataclass(frozen=True, slots=True)
class Group:
    """An area of a criteria set (A, B, …) and its title."""

    code: str
    title_vi: str
    title_en: str = ""


@dataclass(frozen=True, slots=True)
class Checklist:
    """A criteria set: its groups and items, in order."""

    id: str
    title: str
    date: str
    groups: tuple[Group, ...]
    items: tuple[Item, ...]
    data: dict
    _index: dict = field(default_factory=dict, compare=False, repr=False)
    classes: tuple[tuple[str, float], ...] = ()  # (name, lower bound of the index), e.g. ("Tốt", 80)
    info: dict = field(default_factory=dict)  # province, year, decision, sources

    @property
    def scored(self) -> bool:
        """True when the set gives points (communes are then scored, ranked and classified)."""
        return any(it.points is not None for it in self.items)

    def item(self, code: str) -> Item:
        try:
            return self.by_code[code]
        except KeyError:
            raise NotFound("checklist item", code) from None

    @property
    def by_code(self) -> dict[str, Item]:
        index = self._index.get("by_code")
        if index is None:
            index = self._index["by_code"] = {it.code: it for it in self.items}
        return index

    def group_title(self, code: str) -> str:
        for g in self.groups:
            if g.code == code:
                return g.title_vi
        return code


def parse(data: Any, source: str = "checklist") -> Checklist:
    """Validate a checklist's data and build it; raises ChecklistError naming the problem."""
    if not isinstance(data, dict):
        raise ChecklistError(source, "the file does not hold a checklist object")
    vid = clean_line(data.get("id"))
    if not vid:
        raise ChecklistError(source, "the version has no id")
    title = clean_line(data.get("title"))
    if not title:
        raise ChecklistError(source, "the version has no title")
    raw_groups = data.get("groups") or []
    groups = []
    for g in raw_groups:
        if not isinstance(g, dict) or not clean_line(g.get("code")) or not clean_line(g.get("title_vi")):
            raise ChecklistError(source, f"group {g!r} needs a code and a title_vi")
        groups.append(Group(clean_line(g["code"]), clean_line(g["title_vi"]), clean_line(g.get("title_en"))))
    group_codes = {g.code for g in groups}
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ChecklistError(source, "the version has no items")
    seen: set[str] = set()
    items = []
    for n, raw in enumerate(raw_items, 1):
        if not isinstance(raw, dict):
            raise ChecklistError(source, f"item {n} is not an object")
        code = clean_line(raw.get("code"))
        where = f"item {n}" + (f" ({code})" if code else "")
        if not code:
            raise ChecklistError(source, f"{where} has no code")
        if not CODE_RE.match(code):
            raise ChecklistError(source, f"{where}: code {code!r} is not of the form B3 or BL1")
        if code in seen:
            raise ChecklistError(source, f"duplicate code {code}")
        seen.add(code)
        typ = clean_line(raw.get("type"))
        if typ not in TYPES:
            raise ChecklistError(source, f"{where}: unknown type {typ!r} (expected one of {', '.join(TYPES)})")
        text_vi = clean_line(raw.get("text_vi"))
        if not text_vi:
            raise ChecklistError(source, f"{where} has empty text")
        group = clean_line(raw.get("group")) or code[0]
        if group_codes and group not in group_codes:
            raise ChecklistError(source, f"{where}: unknown group {group!r}")
        if raw.get("retired_in_version"):
            continue
        try:
            position = int(raw.get("position") or n)
        except (TypeError, ValueError):
            raise ChecklistError(source, f"{where}: position {raw.get('position')!r} is not a number") from None
        points, scoring, kind = _points(raw, where, typ, source)
        items.append(
            Item(
                vid,
                code,
                group,
                position,
                text_vi,
                clean_line(raw.get("text_en")),
                typ,
                clean_line(raw.get("unit")) if typ == "count" else "",
                bool(raw.get("photo_required")),
                bool(raw.get("photo_suggested")),
                clean_line(raw.get("basis")),
                clean(raw.get("evidence_hint") or "").strip(),
                points,
                scoring,
                kind,
                clean_line(raw.get("not_met")),
                clean(raw.get("guidance") or "").strip(),
            )
        )
    if not groups:
        groups = [Group(c, c) for c in sorted({i.group for i in items})]
    order = {g.code: k for k, g in enumerate(groups)}
    items.sort(key=lambda i: (order.get(i.group, 99), i.position, i.code))
    classes = _classes(data.get("classes"), source)
    info = {k: clean_line(str(data.get(k) or "")) for k in ("province", "year", "decision", "sources")}
    return Checklist(
        vid, title, clean_line(data.get("date")), tuple(groups), tuple(items), data, classes=classes, info=info
    )


KINDS = ("", "bonus", "penalty")


def _points(raw: dict, where: str, typ: str, source: str) -> tuple[float | None, str, str]:
    """An item's points, rule and kind (bonus, penalty), checked together."""
    from .scoring import number, parse_rule

    points = None
    if raw.get("points") not in (None, ""):
        points = number(raw.get("points"))
        if points is None or abs(points) > 1000:
            raise ChecklistError(source, f"{where}: points {raw.get('points')!r} is not a number")
    kind = clean_line(raw.get("points_kind"))
    if kind not in KINDS:
        raise ChecklistError(source, f"{where}: points_kind {kind!r} is not bonus or penalty")
    if points is not None and points < 0:
        kind = "penalty"
    if kind == "penalty" and points is not None and points > 0:
        points = -points  # a penalty takes points away
    scoring = clean_line(raw.get("scoring"))
    _, problems = parse_rule(typ, scoring, points)
    if problems:
        raise ChecklistError(source, f"{where}: {problems[0][0]}")
    return points, scoring, kind


def _classes(raw: Any, source: str) -> tuple[tuple[str, float], ...]:
    """The classes of the index ("Xuất sắc" from 90 …), highest first."""
    from .scoring import number

    if not raw:
        return ()
    if not isinstance(raw, list):
        raise ChecklistError(source, "classes must be a list of {name, min}")
    out = []
    for c in raw:
        name = clean_line(c.get("name")) if isinstance(c, dict) else ""
        lower = number(c.get("min")) if isinstance(c, dict) else None
        if not name or lower is None:
            raise ChecklistError(source, f"class {c!r} needs a name and a lower bound (min)")
        out.append((name, lower))
    if len({n for n, _ in out}) != len(out) or len({m for _, m in out}) != len(out):
        raise ChecklistError(source, "two classes have the same name or the same lower bound")
    return tuple(sorted(out, key=lambda c: -c[1]))


def load_file(path: str | Path) -> Checklist:
    """Read and validate a checklist file (JSON)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ChecklistError(path.name, f"cannot be read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ChecklistError(path.name, f"is not valid JSON ({exc})") from exc
    return parse(data, path.name)


# The sets that come with the app: the default (no points) and the 2026 starter set with points.
SHIPPED = {"CCHC-XA-2025.1": "cchc-xa-2025.1.json", "CCHC-XA-2026.1": "cchc-xa-2026.1.json"}


def default_checklist() -> Checklist:
    return load_file(checklist_dir() / SHIPPED[DEFAULT_VERSION])


def install_shipped(db: Database) -> None:
    """Store every set that comes with the app (those already stored are kept as they are)."""
    for vid, name in SHIPPED.items():
        if not db.execute("SELECT 1 FROM checklist_versions WHERE id = ?", [vid]).fetchone():
            install(db, load_file(checklist_dir() / name))


def install(db: Database, checklist: Checklist) -> None:
    """Store a checklist version in the database (a version already there is kept as is)."""
    with dbmod.atomic(db):
        exists = db.execute("SELECT 1 FROM checklist_versions WHERE id = ?", [checklist.id]).fetchone()
        if exists:
            return
        db.execute(
            "INSERT INTO checklist_versions(id, title, date, data) VALUES (?, ?, ?, ?)",
            [checklist.id, checklist.title, checklist.date, json.dumps(checklist.data, ensure_ascii=False)],
        )
        db.conn.executemany(
            "INSERT INTO checklist_items(version_id, code, grp, position, text_vi, text_en, type, unit,"
            " photo_required, photo_suggested, basis, evidence_hint) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    i.version_id,
                    i.code,
                    i.group,
                    i.position,
                    i.text_vi,
                    i.text_en,
                    i.type,
                    i.unit,
                    int(i.photo_required),
                    int(i.photo_suggested),
                    i.basis,
                    i.evidence_hint,
                )
                for i in checklist.items
            ],
        )


def ensure_default(db: Database) -> Checklist:
    cl = default_checklist()
    install(db, cl)
    return cl


_cache: dict[str, Checklist] = {}


def get(db: Database, version_id: str | None) -> Checklist:
    """The checklist version stored in the database (the default one when none is named).

    The default version is stored on first use. Parsed versions are cached by id: a version
    id always names the same content.
    """
    version_id = version_id or DEFAULT_VERSION
    row = db.execute("SELECT data FROM checklist_versions WHERE id = ?", [version_id]).fetchone()
    if row is None:
        if version_id not in SHIPPED:
            raise NotFound("checklist version", version_id)
        cl = load_file(checklist_dir() / SHIPPED[version_id])
        install(db, cl)
        _cache.setdefault(version_id, cl)
        return _cache[version_id]
    if version_id not in _cache:
        _cache[version_id] = parse(json.loads(row[0]), version_id)
    return _cache[version_id]


def item_count(db: Database, version_id: str | None) -> int:
    """How many items a version has, from its stored rows (no parsing); a shipped version not
    stored yet is read. Raises NotFound for an unknown version."""
    version_id = version_id or DEFAULT_VERSION
    if version_id in _cache:
        return len(_cache[version_id].items)
    n = db.execute("SELECT count(*) FROM checklist_items WHERE version_id = ?", [version_id]).fetchone()[0]
    return n or len(get(db, version_id).items)


def versions(db: Database) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.execute("SELECT id, title FROM checklist_versions ORDER BY id")]


@dataclass(frozen=True, slots=True)
class VersionInfo:
    """A stored criteria set as listed: its id, title, item count, points and the inspections using it."""

    id: str
    title: str
    items: int
    points: float  # the sum of the items' positive points, 0 when the set gives none
    inspections: int  # inspections that use it: the version is then locked

    @property
    def locked(self) -> bool:
        return self.inspections > 0


def in_use(db: Database, version_id: str) -> int:
    """How many inspections (not deleted) use this version; a version in use never changes."""
    return db.execute(
        "SELECT count(*) FROM inspections WHERE checklist_version = ? AND coalesce(deleted, 0) = 0", [version_id]
    ).fetchone()[0]


def list_versions(db: Database) -> list[VersionInfo]:
    """Every criteria set version in the database (and those that come with the app), with its use."""
    install_shipped(db)
    out = []
    for vid, title in versions(db):
        c = get(db, vid)
        total = sum(it.points for it in c.items if it.points is not None and it.points > 0 and not it.points_kind)
        out.append(VersionInfo(vid, title, len(c.items), total, in_use(db, vid)))
    return out


def _next_id(version_id: str, n: int) -> str:
    base, dot, last = version_id.rpartition(".")
    if dot and last.isdigit():
        return f"{base}.{int(last) + n}"
    return f"{version_id}.{n + 1}"


def _same(a: Checklist, b: Checklist) -> bool:
    """The same criteria, points, areas and classes (whatever the version id or the file's extra keys)."""
    from dataclasses import replace

    def items(c: Checklist) -> list[Item]:
        return [replace(it, version_id="") for it in c.items]

    def groups(c: Checklist) -> list[tuple[str, str]]:
        return [(g.code, g.title_vi) for g in c.groups]  # a workbook has no English area titles

    return (a.title, groups(a), a.classes, a.info, items(a)) == (b.title, groups(b), b.classes, b.info, items(b))


def add_version(db: Database, checklist: Checklist) -> tuple[Checklist, str]:
    """Store a set read from a file. A version id already stored is never changed: the same
    content is kept as it is; other content becomes the next free version (KH-2026.1 ->
    KH-2026.2), so inspections that use the old one keep it. Returns the stored set and a note
    for the person ("" or why the id changed)."""
    data = dict(checklist.data)
    for n in range(1, 1000):
        row = db.execute("SELECT data FROM checklist_versions WHERE id = ?", [data["id"]]).fetchone()
        if row is None:
            stored = parse(data, data["id"]) if data["id"] != checklist.id else checklist
            install(db, stored)
            note = "" if stored.id == checklist.id else f" as {stored.id}: {checklist.id} exists with other content"
            return stored, note
        if _same(parse(json.loads(row[0]), data["id"]), checklist):
            note = "" if data["id"] == checklist.id else f" (the same as {data['id']})"
            return get(db, data["id"]), note or " (already in the database)"
        data["id"] = _next_id(checklist.id, n)
    raise ChecklistError(checklist.id, "too many versions")
