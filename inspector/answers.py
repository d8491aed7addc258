"""Answers: parsing and checking values by item type, writing them, reading a visit's answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import checklist as cl
from . import events
from .db import Database
from .errors import InvalidValue
from .text import clean, fold, percent
from .words import (  # re-exported: the words live in inspector.words
    ASSESSMENT,
    ASSESSMENT_EN,
    UNITS_EN,
    YESNO,
    YESNO_EN,
)

NO_DATA = "khong_co_so_lieu"  # count or ratio: the commune could not give the figure


_ASSESS_WORDS = {fold(v).replace(" ", "_"): k for k, v in ASSESSMENT.items()} | {
    "d": "dat",
    "p": "dat_mot_phan",
    "k": "khong_dat",
    "kad": "khong_ap_dung",
    "na": "khong_ap_dung",
    "1": "dat",
    "2": "dat_mot_phan",
    "3": "khong_dat",
    "4": "khong_ap_dung",
    "met": "dat",
    "partly_met": "dat_mot_phan",
    "not_met": "khong_dat",
    "not_applicable": "khong_ap_dung",
}
_YESNO_WORDS = {
    "co": "co",
    "khong": "khong",
    "yes": "co",
    "no": "khong",
    "y": "co",
    "n": "khong",
    "c": "co",
    "k": "khong",
    "1": "co",
    "0": "khong",
    "true": "co",
    "false": "khong",
}


def unit(item: cl.Item, lang: str = "vi", value: str | None = None) -> str:
    """The unit of a count item in the language shown: "máy"; in English by the number ("1 machine")."""
    if lang == "vi" or item.unit not in UNITS_EN:
        return item.unit
    one, many = UNITS_EN[item.unit]
    return one if value == "1" else many


_RATIO = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*", re.ASCII)
_STORED = {"assessment": frozenset(ASSESSMENT), "yesno": frozenset(YESNO)}
_NO_DATA_WORDS = {"khong_co_so_lieu", "kcsl", "no_data", "nodata"}


def _key(text: str) -> str:
    return re.sub(r"[\s\-]+", "_", fold(text)).strip("_")


def parse_value(item: cl.Item, raw: str | int | None) -> str | None:
    """The stored form of a value typed by a person, or None to clear the answer.

    assessment: dat, dat-mot-phan, khong-dat, khong-ap-dung or the Vietnamese words;
    yesno: co/khong (có/không, yes/no); count: an integer ≥ 0; ratio: "118/120" with
    numerator ≤ denominator; count and ratio also accept "không có số liệu". Raises InvalidValue.
    """
    if raw is None:
        return None
    if type(raw) is str and raw in _STORED.get(item.type, ()):
        return raw  # already in stored form (batches copied from another visit)
    text = clean(str(raw)).strip()
    if text == "":
        return None
    if item.type == "text":
        return text
    if item.type == "count" and text.isdigit() and text.isascii():
        return str(int(text))
    if item.type == "ratio":
        m = _RATIO.fullmatch(text)
        if m:
            num, den = int(m.group(1)), int(m.group(2))
            if num > den:
                raise InvalidValue(item.code, text, "the numerator is larger than the denominator")
            return f"{num}/{den}"
    key = _key(text)
    if item.type == "assessment":
        if key in ASSESSMENT:
            return key
        if key in _ASSESS_WORDS:
            return _ASSESS_WORDS[key]
        raise InvalidValue(item.code, text, "expected dat, dat-mot-phan, khong-dat or khong-ap-dung")
    if item.type == "yesno":
        if key in _YESNO_WORDS:
            return _YESNO_WORDS[key]
        raise InvalidValue(item.code, text, "expected co or khong")
    if item.type in ("count", "ratio") and key in _NO_DATA_WORDS:
        return NO_DATA
    if item.type == "count":
        compact = text.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", text) else text
        if not re.fullmatch(r"\d+", compact):
            raise InvalidValue(item.code, text, "expected a whole number 0 or more")
        return str(int(compact))
    if item.type == "ratio":
        raise InvalidValue(item.code, text, "expected two whole numbers like 118/120")
    return text


def ratio_parts(value: str | None) -> tuple[int, int] | None:
    if not value or "/" not in value:
        return None
    a, _, b = value.partition("/")
    return int(a), int(b)


def grouped(n: int | str) -> str:
    """A whole number as a Vietnamese document writes it: 1076 -> "1.076"."""
    return f"{int(n):,}".replace(",", ".")


def display(item: cl.Item, value: str | None, lang: str = "vi", *, document: bool = False) -> str:
    """How a stored value is shown and printed: "Đạt", "12 máy", "118/120 (98,3%)"; in a
    document (document=True), thousands grouped with dots: "1.076/1.179 (91,3%)"."""
    if value is None or value == "":
        return ""
    if value == NO_DATA:
        return "Không có số liệu" if lang == "vi" else "No data"
    if item.type == "assessment":
        return (ASSESSMENT if lang == "vi" else ASSESSMENT_EN).get(value, value)
    if item.type == "yesno":
        return (YESNO if lang == "vi" else YESNO_EN).get(value, value)
    if item.type == "count":
        shown = grouped(value) if document and value.isdigit() else value
        return f"{shown} {unit(item, lang, value)}".strip()
    if item.type == "ratio":
        parts = ratio_parts(value)
        if parts:
            num, den = (grouped(parts[0]), grouped(parts[1])) if document else parts
            return f"{num}/{den} ({percent(*parts, lang)})"
    return value


def is_failed(item: cl.Item, value: str | None) -> bool:
    """An answer that counts as a shortcoming: not met, or 'no' to a yes/no criterion."""
    if item.type == "assessment":
        return value in ("khong_dat", "dat_mot_phan")
    if item.type == "yesno":
        return value == "khong"
    return False


@dataclass(frozen=True, slots=True)
class Answer:
    """A commune's answer to one criterion, with its note and who changed it last."""

    id: str
    visit_id: str
    item_code: str
    value: str | None
    note: str
    suggested: str | None
    author: str
    updated: str
    points: float | None = None  # points set by hand: an override (with its reason) or a text item's
    points_reason: str = ""


# who changed the answer last: the author of the newest current change of its value or note, as
# the window shows it (the events keep every change and its author; the table's own author column
# is not written)
_COLS = (
    "id, visit_id, item_code, value, note, suggested, "
    "(SELECT e.author FROM events e WHERE e.entity_id = answers.id AND e.field IN ('value', 'note') "
    "AND e.is_head = 1 ORDER BY e.hlc DESC LIMIT 1), "
    "updated, points, points_reason"
)


def _row_to_answer(r) -> Answer:
    return Answer(r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6] or "", r[7] or "", r[8], r[9] or "")


def answers_for_visit(db: Database, visit_id: str) -> dict[str, Answer]:
    return {
        r[2]: _row_to_answer(r)
        for r in db.execute(
            f"SELECT {_COLS} FROM answers WHERE visit_id = ?",
            [visit_id],
        )
    }


def _answers_of(db: Database, visit_ids: list[str]) -> dict[str, dict[str, Answer]]:
    out: dict[str, dict[str, Answer]] = {}
    for start in range(0, len(visit_ids), 500):
        chunk = visit_ids[start : start + 500]
        for r in db.execute(
            f"SELECT {_COLS} FROM answers WHERE visit_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out.setdefault(r[1], {})[r[2]] = _row_to_answer(r)
    return out


def get_answer(db: Database, visit_id: str, item_code: str) -> Answer | None:
    r = db.execute(
        f"SELECT {_COLS} FROM answers WHERE id = ?",
        [events.answer_id(visit_id, item_code)],
    ).fetchone()
    return _row_to_answer(r) if r else None


@dataclass(frozen=True, slots=True)
class AnswerInput:
    """One answer to record: the item, its value and, when given, its note."""

    item_code: str
    value: str | int | None
    note: str | None = None  # None: leave the note as it is


_UNSET = object()


def set_answers(
    db: Database,
    visit_id: str,
    inputs: list[AnswerInput],
    *,
    author: str | None = None,
    reason: str | None = None,
    suggested: bool = False,
) -> list[Answer]:
    """Check and record several answers of one visit as one transaction.

    Every value is checked against its item's type before anything is written; a value
    equal to the stored one writes no event. With suggested=True the values go to the
    'suggested' field (taken from a previous visit, shown until a person confirms them).
    Raises InvalidValue, NotFound (visit or item) or VisitFrozen (signed minutes, no reason).
    """
    from .inspections import get_visit

    visit = get_visit(db, visit_id)
    set_many(db, {visit.id: inputs}, author=author, reason=reason, suggested=suggested)
    after = answers_for_visit(db, visit.id)
    return [after[i.item_code] for i in inputs if i.item_code in after]


def set_many(
    db: Database,
    batch: dict[str, list[AnswerInput]],
    *,
    author: str | None = None,
    reason: str | None = None,
    suggested: bool = False,
) -> int:
    """Record answers of several visits (of one inspection) in one transaction; returns events written.

    All values are checked first: one bad value and nothing is written.
    """
    from .inspections import get_visit

    changes: list[events.Change] = []
    inspection_id = None
    visits = {vid: get_visit(db, vid) for vid in batch}
    existing = _answers_of(db, [v.id for v in visits.values()])
    for visit_id, inputs in batch.items():
        visit = visits[visit_id]
        if inspection_id not in (None, visit.inspection_id):
            raise ValueError("set_many takes visits of one inspection")
        inspection_id = visit.inspection_id
        visit.check_change(reason)
        checklist = cl.get(db, visit.checklist_version)
        current = existing.get(visit.id, {})
        field = "suggested" if suggested else "value"
        for inp in inputs:
            item = checklist.item(inp.item_code)
            value = parse_value(item, inp.value)
            aid = events.answer_id(visit.id, item.code)
            ctx = {"visit_id": visit.id, "item_code": item.code}
            old = current.get(item.code)
            old_value = (old.suggested if suggested else old.value) if old else None
            if value != old_value:
                changes.append(events.Change("answer", aid, field, value, ctx))
            if not suggested and old is not None and old.suggested is not None and value is not None:
                changes.append(events.Change("answer", aid, "suggested", None, ctx))
            if inp.note is not None:
                note = clean(inp.note).strip()
                if note != (old.note if old else ""):
                    changes.append(events.Change("answer", aid, "note", note, ctx))
    if inspection_id is None:
        return 0
    events.record(db, changes, inspection_id=inspection_id, author=author, reason=reason)
    return len(changes)


def set_answer(
    db: Database,
    visit_id: str,
    item_code: str,
    value: str | int | None,
    *,
    note: str | None = None,
    author: str | None = None,
    reason: str | None = None,
) -> Answer | None:
    """Check and record one answer; returns the stored answer."""
    out = set_answers(db, visit_id, [AnswerInput(item_code, value, note)], author=author, reason=reason)
    return out[0] if out else None


def confirm_suggestions(
    db: Database, visit_id: str, item_codes: list[str] | None = None, *, author: str | None = None
) -> int:
    """Accept suggested values (from the previous visit) as answers; returns how many."""
    current = answers_for_visit(db, visit_id)
    inputs = [
        AnswerInput(code, a.suggested)
        for code, a in current.items()
        if a.suggested is not None and (item_codes is None or code in item_codes)
    ]
    set_answers(db, visit_id, inputs, author=author)
    return len(inputs)


def set_points(
    db: Database,
    visit_id: str,
    item_code: str,
    points: float | str | None,
    *,
    reason: str | None = None,
    author: str | None = None,
    amendment: str | None = None,
) -> Answer | None:
    """Set an item's points by hand, or clear them (None: the points follow the answer again).

    A text item's points are always entered by hand; any other item's are an override, which
    needs a reason (shown beside the points everywhere). Points stay within 0 … the item's
    points (a penalty: its points … 0). Raises InvalidValue, InvalidInput, VisitFrozen.
    """
    from .errors import InvalidInput
    from .inspections import get_visit
    from .scoring import number, points_text

    visit = get_visit(db, visit_id)
    visit.check_change(amendment)
    item = cl.get(db, visit.checklist_version).item(item_code)
    if item.points is None:
        raise InvalidInput(f"{item.code} gives no points in checklist {visit.checklist_version}")
    value = None
    if points is not None and str(points).strip() != "":
        value = number(points)
        low, high = sorted((0.0, item.points))
        if value is None or not low <= value <= high:
            raise InvalidValue(
                item.code, str(points), f"expected points from {points_text(low)} to {points_text(high)}"
            )
    why = clean(reason or "").strip()
    if value is not None and item.type != "text" and not why:
        raise InvalidInput(f"{item.code}: points set by hand need a reason")
    aid = events.answer_id(visit.id, item.code)
    ctx = {"visit_id": visit.id, "item_code": item.code}
    old = answers_for_visit(db, visit.id).get(item.code)
    changes = []
    if value != (old.points if old else None):
        changes.append(events.Change("answer", aid, "points", value, ctx))
    if (why if value is not None else "") != (old.points_reason if old else ""):
        changes.append(events.Change("answer", aid, "points_reason", why if value is not None else "", ctx))
    events.record(db, changes, inspection_id=visit.inspection_id, author=author, reason=amendment)
    return answers_for_visit(db, visit.id).get(item.code)


def to_json(a: Answer) -> dict:
    out: dict[str, object] = {
        "item": a.item_code,
        "value": a.value,
        "note": a.note,
        "suggested": a.suggested,
        "author": a.author,
        "updated": a.updated,
    }
    if a.points is not None:
        out |= {"points": a.points, "points_reason": a.points_reason}
    return out


__all__ = [
    "Answer",
    "AnswerInput",
    "answers_for_visit",
    "display",
    "grouped",
    "is_failed",
    "parse_value",
    "set_answer",
    "set_answers",
    "set_many",
    "set_points",
]
