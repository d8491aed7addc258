"""Inspections, their delegation members, the visits to communes, and findings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date as Date
from typing import Any

from . import checklist as cl
from . import events
from .db import Database
from .errors import Ambiguous, InvalidInput, NotFound, VisitFrozen
from .text import clean, clean_line, fold, sort_key
from .words import KINDS, ROLES  # re-exported: the words live in inspector.words

VISIT_STATUSES = ("planned", "in_progress", "done", "signed")
FINDING_KINDS = ("uu_diem", "ton_tai", "nguyen_nhan", "kien_nghi")


@dataclass(frozen=True, slots=True)
class Inspection:
    """An inspection (or supervision) and the decision that set it up."""

    id: str
    kind: str
    title: str
    decision_no: str
    decision_date: str
    legal_basis: str
    issuing_agency: str
    parent_agency: str
    home_office: str
    period: str
    checklist_version: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


@dataclass(frozen=True, slots=True)
class Member:
    """A member of the delegation."""

    id: str
    inspection_id: str
    name: str
    position: str
    agency: str
    role: str
    ord: int
    salutation: str = ""  # "Ông" | "Bà" | "" (the minutes then write "Ông (Bà)")


@dataclass(frozen=True, slots=True)
class Representative:
    """A person who received the delegation on the commune's side."""

    name: str
    position: str = ""
    salutation: str = ""


@dataclass(frozen=True, slots=True)
class Visit:
    """A delegation's working session at one commune."""

    id: str
    inspection_id: str
    commune: str
    province: str
    date: str
    start_time: str
    end_time: str
    place: str
    representatives: tuple[Representative, ...]
    opinion: str
    status: str
    signed_at: str
    version_code: str
    based_on: str
    checklist_version: str

    @property
    def frozen(self) -> bool:
        return self.status == "signed"

    def check_change(self, reason: str | None = None) -> None:
        """A signed visit changes only with a reason, which the history keeps."""
        if self.frozen and not (reason and reason.strip()):
            raise VisitFrozen(self.id, self.commune)


@dataclass(frozen=True, slots=True)
class Finding:
    """An advantage, shortcoming, cause or recommendation written for a visit."""

    id: str
    visit_id: str
    kind: str
    text: str
    responsible: str
    deadline: str
    items: str
    ord: int


# The fields a person edits: those events may set (events.ENTITIES), less the ones only their own
# functions write (deleting, signing).
INSPECTION_FIELDS = events.ENTITIES["inspection"][2] - {"deleted"}
VISIT_FIELDS = events.ENTITIES["visit"][2] - {"deleted", "signed_at", "version_code"}


def _date(value: Any, what: str) -> str:
    text = clean_line(value)
    if not text:
        return ""
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    try:
        d = Date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else Date.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{what}: {text!r} is not a date (use 2026-11-23 or 23/11/2026)") from None
    return d.isoformat()


def _time(value: Any, what: str) -> str:
    text = clean_line(value)
    if not text:
        return ""
    m = re.fullmatch(r"(\d{1,2})\s*[:hg]\s*(\d{2})?", text)
    if not m or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise InvalidInput(f"{what}: {text!r} is not a time (use 08:30)")
    return f"{int(m.group(1)):02d}:{int(m.group(2) or 0):02d}"


SALUTATIONS = {"ong": "Ông", "ba": "Bà"}


def salutation(value: Any) -> str:
    """ "Ông", "Bà" or "" (unknown); raises InvalidInput for anything else."""
    key = fold(clean_line(value or "")).rstrip(".")
    if not key:
        return ""
    if key not in SALUTATIONS:
        raise InvalidInput(f"salutation: {value!r} must be Ông or Bà")
    return SALUTATIONS[key]


def known_salutations(db: Database) -> dict[str, str]:
    """What each person was called before (folded name -> "Ông" / "Bà"), members and the
    communes' representatives alike: entered once, offered again with the name."""
    out: dict[str, str] = {}
    for name, sal in db.execute("SELECT name, salutation FROM members WHERE coalesce(salutation, '') != ''"):
        out[fold(name)] = sal
    for (reps,) in db.execute("SELECT representatives FROM visits WHERE representatives LIKE '%salutation%'"):
        for r in json.loads(reps or "[]"):
            if isinstance(r, dict) and r.get("salutation") in ("Ông", "Bà"):
                out[fold(r.get("name", ""))] = r["salutation"]
    return out


def _normalise(fields: dict[str, Any], what: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in fields.items():
        if k in ("decision_date", "date", "deadline_date"):
            out[k] = _date(v, k)
        elif k in ("start_time", "end_time"):
            out[k] = _time(v, k)
        elif k == "kind":
            kind = {"kiem_tra": "kiem_tra", "giam_sat": "giam_sat"}.get(fold(v).replace(" ", "_"))
            if not kind:
                raise InvalidInput(f"kind: {v!r} must be kiem_tra or giam_sat")
            out[k] = kind
        elif k == "role":
            role = fold(v).replace(" ", "_")
            role = {fold(lbl).replace(" ", "_"): code for code, lbl in ROLES.items()}.get(role, role)
            if role not in ROLES:
                raise InvalidInput(f"role: {v!r} must be one of {', '.join(ROLES)}")
            out[k] = role
        elif k == "status":
            if v not in VISIT_STATUSES:
                raise InvalidInput(f"status: {v!r} must be one of {', '.join(VISIT_STATUSES)}")
            out[k] = v
        elif k == "representatives":
            reps = [
                Representative(
                    clean_line(r.get("name") if isinstance(r, dict) else r.name),
                    clean_line(r.get("position", "") if isinstance(r, dict) else r.position),
                    salutation(r.get("salutation", "") if isinstance(r, dict) else r.salutation),
                )
                for r in (v or [])
            ]
            out[k] = [{k2: v2 for k2, v2 in asdict(r).items() if v2 or k2 != "salutation"} for r in reps if r.name]
        elif k == "salutation":
            out[k] = salutation(v)
        elif k in ("ord", "deleted", "confirmed"):  # whole numbers, as every laptop stores them
            out[k] = None if v is None else int(v)
        elif k in ("legal_basis", "opinion", "text"):
            out[k] = clean(v).strip()
        else:
            out[k] = clean_line(v)
    return out


# ---- inspections ----------------------------------------------------------------------


def _inspection(r) -> Inspection:
    title, decision_no, decision_date, legal_basis, issuing, parent, home, period = (x or "" for x in r[2:10])
    return Inspection(
        r[0],
        r[1] or "kiem_tra",
        title,
        decision_no,
        decision_date,
        legal_basis,
        issuing,
        parent,
        home,
        period,
        r[10] or cl.DEFAULT_VERSION,
    )


_INSP_COLS = "id, kind, title, decision_no, decision_date, legal_basis, issuing_agency, parent_agency, home_office, period, checklist_version"


def create_inspection(
    db: Database,
    *,
    title: str,
    kind: str = "kiem_tra",
    checklist_version: str | None = None,
    author: str | None = None,
    **fields: Any,
) -> Inspection:
    """A new inspection (đợt kiểm tra / giám sát). Raises InvalidInput for a bad field."""
    if not clean_line(title):
        raise InvalidInput("an inspection needs a title")
    version = cl.get(db, checklist_version).id
    values = _normalise({"title": title, "kind": kind, **fields}, "inspection")
    values["checklist_version"] = version
    unknown = set(values) - INSPECTION_FIELDS
    if unknown:
        raise InvalidInput(f"unknown inspection field(s): {', '.join(sorted(unknown))}")
    iid = events.new_id()
    events.record(
        db, [events.Change("inspection", iid, k, v) for k, v in values.items()], inspection_id=iid, author=author
    )
    return get_inspection(db, iid)


def update_inspection(db: Database, inspection_id: str, *, author: str | None = None, **fields: Any) -> Inspection:
    insp = get_inspection(db, inspection_id)
    values = _normalise(fields, "inspection")
    unknown = set(values) - INSPECTION_FIELDS
    if unknown:
        raise InvalidInput(f"unknown inspection field(s): {', '.join(sorted(unknown))}")
    if "title" in values and not values["title"]:
        raise InvalidInput("an inspection needs a title")
    if values.get("checklist_version", insp.checklist_version) != insp.checklist_version:
        values["checklist_version"] = cl.get(db, values["checklist_version"]).id  # NotFound for an unknown set
        answered = db.execute(
            "SELECT count(*) FROM answers a JOIN visits v ON v.id = a.visit_id WHERE v.inspection_id = ?", [insp.id]
        ).fetchone()[0]
        if answered:
            raise InvalidInput(
                f"the inspection has {answered} answer(s) under {insp.checklist_version}; its criteria set cannot change"
            )
    current = asdict(insp)
    changes = [events.Change("inspection", insp.id, k, v) for k, v in values.items() if current.get(k) != v]
    events.record(db, changes, inspection_id=insp.id, author=author)
    return get_inspection(db, insp.id)


def get_inspection(db: Database, inspection_id: str) -> Inspection:
    full = _resolve(db, "inspections", inspection_id, "inspection")
    r = db.execute(f"SELECT {_INSP_COLS} FROM inspections WHERE id = ?", [full]).fetchone()
    return _inspection(r)


def list_inspections(db: Database) -> list[Inspection]:
    rows = db.execute(
        f"SELECT {_INSP_COLS} FROM inspections WHERE coalesce(deleted, 0) = 0 ORDER BY decision_date DESC, title"
    ).fetchall()
    return [_inspection(r) for r in rows]


def delete_inspection(db: Database, inspection_id: str, *, author: str | None = None) -> None:
    insp = get_inspection(db, inspection_id)
    events.record(db, [events.Change("inspection", insp.id, "deleted", 1)], inspection_id=insp.id, author=author)


# ---- members --------------------------------------------------------------------------


def add_member(
    db: Database,
    inspection_id: str,
    *,
    name: str,
    role: str = "thanh_vien",
    position: str = "",
    agency: str = "",
    salutation: str = "",
    author: str | None = None,
) -> Member:
    insp = get_inspection(db, inspection_id)
    if not clean_line(name):
        raise InvalidInput("a member needs a name")
    n = db.execute("SELECT count(*) FROM members WHERE inspection_id = ?", [insp.id]).fetchone()[0]
    fields = {"name": name, "role": role, "position": position, "agency": agency, "ord": n + 1}
    if salutation:
        fields["salutation"] = salutation
    values = _normalise(fields, "member")
    mid = events.new_id()
    ctx = {"inspection_id": insp.id}
    events.record(
        db, [events.Change("member", mid, k, v, ctx) for k, v in values.items()], inspection_id=insp.id, author=author
    )
    return [m for m in members(db, insp.id) if m.id == mid][0]


def update_member(db: Database, member_id: str, *, author: str | None = None, **fields: Any) -> None:
    full = _resolve(db, "members", member_id, "member")
    insp = db.execute("SELECT inspection_id FROM members WHERE id = ?", [full]).fetchone()[0]
    values = _normalise(fields, "member")
    ctx = {"inspection_id": insp}
    events.record(
        db, [events.Change("member", full, k, v, ctx) for k, v in values.items()], inspection_id=insp, author=author
    )


def remove_member(db: Database, member_id: str, *, author: str | None = None) -> None:
    update_member(db, member_id, author=author, deleted=1)


def members(db: Database, inspection_id: str) -> list[Member]:
    return [
        Member(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "thanh_vien", r[6] or 0, r[7] or "")
        for r in db.execute(
            "SELECT id, inspection_id, name, position, agency, role, ord, salutation FROM members "
            "WHERE inspection_id = ? AND coalesce(deleted, 0) = 0 ORDER BY ord, name",
            [inspection_id],
        )
    ]


# ---- visits ---------------------------------------------------------------------------

_VISIT_COLS = (
    "v.id, v.inspection_id, v.commune, v.province, v.date, v.start_time, v.end_time, v.place, "
    "v.representatives, v.opinion, v.status, v.signed_at, v.version_code, v.based_on, i.checklist_version"
)


def _visit(r) -> Visit:
    reps = tuple(
        Representative(x.get("name", ""), x.get("position", ""), x.get("salutation", ""))
        for x in json.loads(r[8] or "[]")
    )
    return Visit(
        r[0],
        r[1],
        r[2] or "",
        r[3] or "",
        r[4] or "",
        r[5] or "",
        r[6] or "",
        r[7] or "",
        reps,
        r[9] or "",
        r[10] or "planned",
        r[11] or "",
        r[12] or "",
        r[13] or "",
        r[14] or cl.DEFAULT_VERSION,
    )


def add_visit(db: Database, inspection_id: str, *, commune: str, author: str | None = None, **fields: Any) -> Visit:
    """A visit to one commune. Raises InvalidInput for an empty commune name or a bad date."""
    insp = get_inspection(db, inspection_id)
    if not clean_line(commune):
        raise InvalidInput("a visit needs a commune name")
    values = _normalise({"commune": commune, "status": "planned", **fields}, "visit")
    unknown = set(values) - VISIT_FIELDS
    if unknown:
        raise InvalidInput(f"unknown visit field(s): {', '.join(sorted(unknown))}")
    vid = events.new_id()
    ctx = {"inspection_id": insp.id}
    events.record(
        db, [events.Change("visit", vid, k, v, ctx) for k, v in values.items()], inspection_id=insp.id, author=author
    )
    return get_visit(db, vid)


def update_visit(
    db: Database, visit_id: str, *, author: str | None = None, reason: str | None = None, **fields: Any
) -> Visit:
    visit = get_visit(db, visit_id)
    visit.check_change(reason)
    values = _normalise(fields, "visit")
    unknown = set(values) - VISIT_FIELDS
    if unknown:
        raise InvalidInput(f"unknown visit field(s): {', '.join(sorted(unknown))}")
    if "commune" in values and not values["commune"]:
        raise InvalidInput("a visit needs a commune name")
    current = asdict(visit)
    current["representatives"] = [asdict(r) for r in visit.representatives]
    ctx = {"inspection_id": visit.inspection_id}
    changes = [events.Change("visit", visit.id, k, v, ctx) for k, v in values.items() if current.get(k) != v]
    events.record(db, changes, inspection_id=visit.inspection_id, author=author, reason=reason)
    return get_visit(db, visit.id)


def get_visit(db: Database, visit_id: str) -> Visit:
    full = _resolve(db, "visits", visit_id, "visit")
    r = db.execute(
        f"SELECT {_VISIT_COLS} FROM visits v LEFT JOIN inspections i ON i.id = v.inspection_id WHERE v.id = ?", [full]
    ).fetchone()
    return _visit(r)


def visits(db: Database, inspection_id: str | None = None, ids: Iterable[str] | None = None) -> list[Visit]:
    """The visits not deleted (of one inspection, or those of ids that are), by date then commune."""
    sql = (
        f"SELECT {_VISIT_COLS} FROM visits v LEFT JOIN inspections i ON i.id = v.inspection_id "
        "WHERE coalesce(v.deleted, 0) = 0 AND coalesce(i.deleted, 0) = 0"  # nor those of a deleted inspection
    )
    args: list[Any] = []
    if inspection_id:
        sql += " AND v.inspection_id = ?"
        args.append(inspection_id)
    if ids is None:
        out = [_visit(r) for r in db.execute(sql, args)]
    else:
        wanted = sorted(set(ids))
        out = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out += [_visit(r) for r in db.execute(sql + f" AND v.id IN ({marks})", [*args, *chunk])]
    out.sort(key=visit_order)
    return out


def visit_order(v: Visit) -> tuple:
    """Visits are listed by date (undated last), then commune in Vietnamese order."""
    return (v.date or "9999", sort_key(v.commune))


def delete_visit(db: Database, visit_id: str, *, author: str | None = None) -> None:
    visit = get_visit(db, visit_id)
    visit.check_change()
    events.record(
        db,
        [events.Change("visit", visit.id, "deleted", 1, {"inspection_id": visit.inspection_id})],
        inspection_id=visit.inspection_id,
        author=author,
    )


def known_communes(db: Database) -> list[tuple[str, str]]:
    """(commune, province) pairs already visited, for completion, in Vietnamese order."""
    rows = db.execute(
        "SELECT DISTINCT commune, coalesce(province, '') FROM visits WHERE coalesce(deleted, 0) = 0 AND commune != ''"
    ).fetchall()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: sort_key(r[0]))


def previous_visit(db: Database, visit_id: str) -> Visit | None:
    """The latest earlier visit of the same commune (any inspection), if any: one look-up in the
    index of folded commune names, whatever the number of visits of all years."""
    visit = get_visit(db, visit_id)
    rows = db.execute(
        f"SELECT {_VISIT_COLS} FROM visits v LEFT JOIN inspections i ON i.id = v.inspection_id "
        "WHERE v.commune_key = ? AND coalesce(v.date, '') <= ? AND v.id != ? AND v.inspection_id != ? "
        "AND coalesce(v.deleted, 0) = 0 AND coalesce(i.deleted, 0) = 0 "
        "ORDER BY coalesce(v.date, ''), v.id",
        [fold(visit.commune), visit.date or "9999", visit.id, visit.inspection_id],
    ).fetchall()
    province = fold(visit.province)
    candidates = [v for v in map(_visit, rows) if fold(v.province) == province]
    return candidates[-1] if candidates else None


def start_from_previous(
    db: Database,
    visit_id: str,
    *,
    previous_id: str | None = None,
    author: str | None = None,
    progress=None,
    cancelled=None,
) -> int:
    """Copy the previous visit's answers into this visit as suggestions; returns how many.

    The suggestions show beside the item until a person confirms them (answers.confirm_suggestions).
    """
    from .answers import AnswerInput, answers_for_visit, set_answers

    visit = get_visit(db, visit_id)
    prev = get_visit(db, previous_id) if previous_id else previous_visit(db, visit.id)
    if prev is None:
        return 0
    checklist = cl.get(db, visit.checklist_version)
    codes = {i.code for i in checklist.items}
    old = answers_for_visit(db, prev.id)
    inputs = [AnswerInput(c, a.value) for c, a in old.items() if a.value is not None and c in codes]
    if cancelled and cancelled():
        return 0
    set_answers(db, visit.id, inputs, author=author, suggested=True)
    if not visit.based_on:
        update_visit(db, visit.id, author=author, based_on=prev.id)
    if progress:
        progress(len(inputs), len(inputs))
    return len(inputs)


# ---- findings -------------------------------------------------------------------------


def add_finding(
    db: Database,
    visit_id: str,
    *,
    kind: str,
    text: str,
    responsible: str = "",
    deadline: str = "",
    items: str = "",
    author: str | None = None,
    reason: str | None = None,
) -> Finding:
    visit = get_visit(db, visit_id)
    visit.check_change(reason)
    if kind not in FINDING_KINDS:
        raise InvalidInput(f"kind: {kind!r} must be one of {', '.join(FINDING_KINDS)}")
    if not clean(text).strip():
        raise InvalidInput("a finding needs a text")
    n = db.execute("SELECT count(*) FROM findings WHERE visit_id = ? AND kind = ?", [visit.id, kind]).fetchone()[0]
    values = {
        "kind": kind,
        "text": clean(text).strip(),
        "responsible": clean_line(responsible),
        "deadline": clean_line(deadline),
        "items": clean_line(items),
        "ord": n + 1,
    }
    fid = events.new_id()
    ctx = {"visit_id": visit.id}
    events.record(
        db,
        [events.Change("finding", fid, k, v, ctx) for k, v in values.items()],
        inspection_id=visit.inspection_id,
        author=author,
        reason=reason,
    )
    return [f for f in findings(db, visit.id) if f.id == fid][0]


def update_finding(
    db: Database, finding_id: str, *, author: str | None = None, reason: str | None = None, **fields: Any
) -> None:
    full = _resolve(db, "findings", finding_id, "finding")
    visit_id = db.execute("SELECT visit_id FROM findings WHERE id = ?", [full]).fetchone()[0]
    visit = get_visit(db, visit_id)
    visit.check_change(reason)
    values = {
        k: (clean(v).strip() if k == "text" else v if k in ("ord", "deleted") else clean_line(v))
        for k, v in fields.items()
    }
    ctx = {"visit_id": visit.id}
    events.record(
        db,
        [events.Change("finding", full, k, v, ctx) for k, v in values.items()],
        inspection_id=visit.inspection_id,
        author=author,
        reason=reason,
    )


def findings(db: Database, visit_id: str, kind: str | None = None) -> list[Finding]:
    sql = (
        "SELECT id, visit_id, kind, text, responsible, deadline, items, ord FROM findings "
        "WHERE visit_id = ? AND coalesce(deleted, 0) = 0"
    )
    args: list[Any] = [visit_id]
    if kind:
        sql += " AND kind = ?"
        args.append(kind)
    return [
        Finding(r[0], r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "", r[7] or 0)
        for r in db.execute(sql + " ORDER BY kind, ord", args)
    ]


# ---- ids ------------------------------------------------------------------------------


def _resolve(db: Database, table: str, key: str, what: str) -> str:
    """A full id from an id or a unique prefix of one (at least 4 characters)."""
    key = (key or "").strip()
    if not key:
        raise NotFound(what, key)
    row = db.execute(f"SELECT id FROM {table} WHERE id = ?", [key]).fetchone()
    if row:
        return row[0]
    if len(key) < 4:
        raise NotFound(what, key)
    rows = db.execute(f"SELECT id FROM {table} WHERE id LIKE ? || '%' LIMIT 2", [key.lower()]).fetchall()
    if not rows:
        raise NotFound(what, key)
    if len(rows) > 1:
        raise Ambiguous(what, key, len(rows))
    return rows[0][0]


def progress(db: Database, visit_id: str) -> dict[str, tuple[int, int]]:
    """Answered / total items per group of a visit's checklist."""
    visit = get_visit(db, visit_id)
    checklist = cl.get(db, visit.checklist_version)
    answered = {
        r[0] for r in db.execute("SELECT item_code FROM answers WHERE visit_id = ? AND value IS NOT NULL", [visit.id])
    }
    out: dict[str, list[int]] = {}
    for it in checklist.items:
        g = out.setdefault(it.group, [0, 0])
        g[1] += 1
        g[0] += it.code in answered
    return {k: (v[0], v[1]) for k, v in out.items()}


def to_json(obj) -> dict:
    d = asdict(obj)
    return d


def answered_counts(
    db: Database, inspection_id: str | None = None, visit_ids: Iterable[str] | None = None
) -> dict[str, int]:
    """How many items each visit has answered (for the progress shown beside each commune): of
    every visit, of one inspection's, or of the visits named."""
    sql = (
        "SELECT a.visit_id, count(*) FROM answers a JOIN visits v ON v.id = a.visit_id "
        "WHERE a.value IS NOT NULL AND coalesce(v.deleted, 0) = 0"
    )
    args: list[Any] = []
    if inspection_id:
        sql += " AND v.inspection_id = ?"
        args.append(inspection_id)
    if visit_ids is None:
        return {r[0]: r[1] for r in db.execute(sql + " GROUP BY a.visit_id", args)}
    out: dict[str, int] = {}
    ids = sorted(set(visit_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(db.execute(sql + f" AND v.id IN ({marks}) GROUP BY a.visit_id", [*args, *chunk]).fetchall())
    return out
