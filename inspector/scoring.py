"""Points: each province scores its communes against its own criteria set, and ranks them.

Per item, by type (the set's "Cách chấm" column holds the rule):
  assessment  Đạt = the item's points, Đạt một phần = the rule's number (default half), Không đạt = 0
  yesno       Có = the item's points, Không = 0
  ratio       bands on the percentage, "≥95%: 2; ≥80%: 1; <80%: 0"
  count       bands on the number, "≥3: 2; ≥1: 1; <1: 0"
  text        the points the inspector enters (0 … the item's points)
Không áp dụng takes the item out of the maximum. A bonus item (thưởng) adds its points without
adding to the maximum; a penalty item (trừ, negative points) takes them away. The inspector may
override an item's points, with a reason. A commune's index = score / applicable maximum × 100,
one decimal; its class is the highest class whose lower bound the index reaches.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .checklist import Checklist, Item

NOT_APPLICABLE = "khong_ap_dung"
NO_DATA = "khong_co_so_lieu"

_OPS = {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "==": "="}
_BAND = re.compile(r"^\s*(>=|<=|>|<|=)\s*(-?\d+(?:[.,]\d+)?)\s*(%?)\s*:\s*(-?\d+(?:[.,]\d+)?)\s*$")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def number(text: Any) -> float | None:
    """A number as an office types it ("1,5", "2", 2.0); None when it is not one."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    if isinstance(text, str) and re.fullmatch(r"\s*-?\d+(?:[.,]\d+)?\s*", text):
        return float(text.strip().replace(",", "."))
    return None


@dataclass(frozen=True, slots=True)
class Band:
    """A range of a figure (an operator and a bound) and the points it earns."""

    op: str  # >=, >, <=, <, =
    bound: float
    points: float

    def holds(self, x: float) -> bool:
        b = self.bound
        return {">=": x >= b, ">": x > b, "<=": x <= b, "<": x < b, "=": x == b}[self.op]

    def __str__(self) -> str:
        return f"{self.op.replace('>=', '≥').replace('<=', '≤')}{_fmt(self.bound)}"


@dataclass(frozen=True, slots=True)
class Rule:
    """How an item earns points."""

    partial: float | None = None  # assessment: Đạt một phần
    bands: tuple[Band, ...] = ()


def _fmt(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def parse_rule(item_type: str, text: str, points: float | None) -> tuple[Rule, list[tuple[str, str]]]:
    """The rule of "Cách chấm" for an item of this type, and its problems, each in English and
    Vietnamese (empty when sound)."""
    text = (text or "").strip()
    problems: list[tuple[str, str]] = []
    if points is None:
        if text:
            return Rule(), [
                (
                    f"a rule is given but the item has no points: {text!r}",
                    f"có cách chấm «{text}» nhưng chưa có điểm tối đa",
                )
            ]
        return Rule(), []
    top = abs(points)
    if item_type == "assessment":
        if not text:
            return Rule(partial=points / 2), []  # half, by default
        found = _NUMBER.findall(text)
        if len(found) != 1:
            return Rule(), [
                (
                    f"expected the points for Đạt một phần (one number), got {text!r}",
                    f"cần một số điểm cho Đạt một phần, không phải «{text}»",
                )
            ]
        partial = float(found[0].replace(",", "."))
        if abs(partial) > top or ((partial < 0) != (points < 0) and partial != 0):
            problems.append(
                (
                    f"the points for Đạt một phần ({_fmt(partial)}) exceed the item's {_fmt(points)}",
                    f"điểm Đạt một phần ({_fmt(partial)}) vượt điểm tối đa {_fmt(points)}",
                )
            )
        return Rule(partial=partial), problems
    if item_type in ("ratio", "count"):
        if not text:
            kind = ("ratio", "tỷ lệ") if item_type == "ratio" else ("count", "số lượng")
            return Rule(), [
                (f"a {kind[0]} item with points needs thresholds", f"tiêu chí {kind[1]} có điểm cần các ngưỡng chấm")
            ]
        bands = []
        for clause in re.split(r"[;\n]+", text):
            if not clause.strip():
                continue
            clause_n = clause
            for k, v in _OPS.items():
                clause_n = clause_n.replace(k, v)
            m = _BAND.match(clause_n)
            if not m:
                problems.append(
                    (
                        f"cannot read the threshold {clause.strip()!r} (expected e.g. ≥95%: 2)",
                        f"không đọc được ngưỡng «{clause.strip()}» (viết như ≥95%: 2)",
                    )
                )
                continue
            op, bound, pct, pts = m.group(1), float(m.group(2).replace(",", ".")), m.group(3), m.group(4)
            if pct and item_type == "count":
                problems.append(
                    (
                        f"{clause.strip()!r}: a count item's thresholds are numbers, not percentages",
                        f"«{clause.strip()}»: ngưỡng của tiêu chí số lượng là số, không phải phần trăm",
                    )
                )
            p = float(pts.replace(",", "."))
            if abs(p) > top:
                problems.append(
                    (
                        f"{clause.strip()!r}: {_fmt(p)} points exceed the item's {_fmt(points)}",
                        f"«{clause.strip()}»: {_fmt(p)} điểm vượt điểm tối đa {_fmt(points)}",
                    )
                )
            bands.append(Band(op, bound, p))
        if not problems:
            problems += _coverage(tuple(bands), item_type)
        return Rule(bands=tuple(bands)), problems
    if text:
        return Rule(), [
            (
                f"a {item_type} item takes no rule (its points are entered by hand): {text!r}",
                f"tiêu chí loại này không có cách chấm (điểm nhập tay): «{text}»",
            )
        ]
    return Rule(), []


def _coverage(bands: tuple[Band, ...], item_type: str) -> list[tuple[str, str]]:
    """Bands are read in order and the first that holds gives the points ("≥95%: 2; ≥80%: 1;
    <80%: 0"). Problems: a value no band takes (a gap), a band no value reaches because the
    bands before it take all its values (an overlap)."""
    bounds = sorted({b.bound for b in bands})
    if item_type == "ratio":
        probes = {0.0, 100.0}
        for b in bounds:
            probes |= {b, b - 0.05, b + 0.05}
        probes = {p for p in probes if 0 <= p <= 100}
    else:
        probes = {0.0, 10.0**9}
        for b in bounds:
            probes |= {math.floor(b) - 1, math.floor(b), math.ceil(b), math.ceil(b) + 1}
        probes = {p for p in probes if p >= 0}
    unit = "%" if item_type == "ratio" else ""
    problems: list[tuple[str, str]] = []
    reached: set[int] = set()
    for x in sorted(probes):
        first = next((k for k, b in enumerate(bands) if b.holds(x)), None)
        if first is None:
            at = f"{_fmt(round(x, 2))}{unit}"
            problems.append(
                (f"the thresholds leave a gap: no points for {at}", f"các ngưỡng bỏ sót: {at} không được chấm điểm")
            )
        else:
            reached.add(first)
    for k, band in enumerate(bands):
        if k not in reached:
            before = ", ".join(str(b) for b in bands[:k] if any(b.holds(x) and band.holds(x) for x in probes))
            problems.append(
                (
                    f"the thresholds overlap: {band}{unit} is never reached ({before}{unit} comes first)",
                    f"các ngưỡng chồng nhau: {band}{unit} không bao giờ được dùng ({before}{unit} đứng trước)",
                )
            )
    return problems[:3]  # the first ones say enough


@lru_cache(maxsize=4096)
def item_rule(item: Item) -> Rule:
    """The item's rule, read once (the window scores the commune again at every answer)."""
    rule, _ = parse_rule(item.type, item.scoring, item.points)
    return rule


def item_points(item: Item, value: str | None, override: float | None = None) -> float | None:
    """The points an answer earns; None when the item does not count (no points, not applicable)."""
    if item.points is None or value == NOT_APPLICABLE:
        return None
    if override is not None:
        return override
    if value is None or value == "":
        return 0.0
    sign = -1.0 if item.points < 0 else 1.0  # a penalty's rule is written in points taken away
    if item.type == "assessment":
        if value == "dat":
            return item.points
        if value == "dat_mot_phan":
            partial = item_rule(item).partial
            return sign * abs(partial) if partial is not None else item.points / 2
        return 0.0
    if item.type == "yesno":
        return item.points if value == "co" else 0.0
    if item.type in ("ratio", "count"):
        if value == NO_DATA:
            return 0.0
        if item.type == "ratio":
            num, _, den = value.partition("/")
            if not den or int(den) == 0:
                return None  # no files at all: nothing to measure
            x = int(num) / int(den) * 100
        else:
            x = float(value)
        for band in item_rule(item).bands:
            if band.holds(x):
                return sign * abs(band.points)
        return 0.0
    return 0.0  # text: entered by hand (an override) or not yet


@dataclass
class GroupScore:
    """Points of one area of one commune."""

    code: str
    title: str
    points: float = 0.0
    maximum: float = 0.0
    scored: int = 0  # items with points, answered
    items: int = 0  # items with points

    @property
    def label(self) -> str:
        """ "8,5/10 điểm"."""
        return f"{points_text(self.points)}/{points_text(self.maximum)} điểm"


@dataclass
class VisitScore:
    """Points of one commune, in total and by area."""

    points: float = 0.0
    maximum: float = 0.0
    bonus: float = 0.0  # bonus and penalty items together
    groups: dict[str, GroupScore] = field(default_factory=dict)
    items: dict[str, float | None] = field(default_factory=dict)
    overridden: dict[str, str] = field(default_factory=dict)  # item code -> reason
    unanswered: int = 0
    index: float | None = None
    klass: str = ""

    def to_json(self) -> dict:
        return {
            "points": round(self.points, 2),
            "maximum": round(self.maximum, 2),
            "bonus": round(self.bonus, 2),
            "index": self.index,
            "class": self.klass,
            "unanswered": self.unanswered,
            "groups": {
                g.code: {"title": g.title, "points": round(g.points, 2), "maximum": round(g.maximum, 2)}
                for g in self.groups.values()
            },
            "items": {k: v for k, v in self.items.items() if v is not None},
            "overridden": self.overridden,
        }


def points_text(x: float) -> str:
    """Points as a Vietnamese document writes them: "8,5", "10", "-2"."""
    return f"{round(x, 2):g}".replace(".", ",")


def classify(checklist: Checklist, index: float | None) -> str:
    if index is None:
        return ""
    for name, lower in sorted(checklist.classes, key=lambda c: -c[1]):
        if index >= lower:
            return name
    return ""


def score_visit(checklist: Checklist, answers: dict[str, Any]) -> VisitScore:
    """The commune's score from its answers (item code -> an object with .value, .points and
    .points_reason, as answers.Answer)."""
    s = VisitScore()
    for g in checklist.groups:
        s.groups[g.code] = GroupScore(g.code, g.title_vi)
    for it in checklist.items:
        if it.points is None:
            continue
        a = answers.get(it.code)
        value = a.value if a is not None else None
        override = getattr(a, "points", None) if a is not None else None
        pts = item_points(it, value, override)
        s.items[it.code] = pts
        if override is not None and a is not None and pts is not None and it.type != "text":
            s.overridden[it.code] = getattr(a, "points_reason", "") or ""
        if pts is None:
            continue
        gs = s.groups.setdefault(it.group, GroupScore(it.group, checklist.group_title(it.group)))
        gs.items += 1
        answered = value not in (None, "") or override is not None
        gs.scored += answered
        s.unanswered += not answered
        gs.points += pts
        s.points += pts
        if it.points_kind == "":
            gs.maximum += it.points
            s.maximum += it.points
        else:
            s.bonus += pts
    s.index = round(s.points / s.maximum * 100, 1) if s.maximum > 0 else None
    s.klass = classify(checklist, s.index)
    return s


def bounds(checklist: Checklist) -> tuple[float, float]:
    """The lowest and highest score any answers can give (all applicable)."""
    low = sum(it.points for it in checklist.items if it.points is not None and it.points < 0)
    high = sum(it.points for it in checklist.items if it.points is not None and it.points > 0)
    return low, high


def rank(scores: dict[str, VisitScore]) -> dict[str, int]:
    """Rank by index (highest first); equal indexes share a rank (1, 2, 2, 4); no index: last."""

    def by_index(k: str) -> float:
        idx = scores[k].index
        return -idx if idx is not None else 1e9

    order = sorted(scores, key=by_index)
    out: dict[str, int] = {}
    previous: float | None = None
    for n, key in enumerate(order, 1):
        idx = scores[key].index
        if n > 1 and idx == previous:
            out[key] = out[order[n - 2]]
        else:
            out[key] = n
        previous = idx
    return out


__all__ = [
    "Band",
    "GroupScore",
    "Rule",
    "VisitScore",
    "bounds",
    "classify",
    "item_points",
    "number",
    "parse_rule",
    "points_text",
    "rank",
    "score_visit",
]
