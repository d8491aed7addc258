"""A province's criteria set as an Excel workbook an office fills by hand, read and written.

Sheet "Tiêu chí": one row per criterion, columns (any order; extra columns ignored; header names
matched without diacritics or case): Mã, Lĩnh vực, Nội dung, Loại (đánh giá | có/không | số
lượng | tỷ lệ | văn bản), Điểm tối đa, Cách chấm, Tài liệu kiểm chứng, Hướng dẫn, Cần ảnh (x),
Khi không đạt, Đơn vị, Nội dung (English), Thưởng/trừ (thưởng | trừ). Sheet "Thông tin": the
set's code, version, name, province, year, issuing decision, sources (label in column A, value in
B). Sheet "Xếp loại": class names and the lowest index of each.

The workbook is untrusted input: its size and rows are bounded, and every problem is reported
with its sheet, row and column in one list; nothing is loaded until the file is clean.
"""

from __future__ import annotations

import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import checklist as cl
from .errors import InspectorError
from .scoring import number, parse_rule
from .text import clean, clean_line, fold

logger = logging.getLogger(__name__)

MAX_FILE = 20 * 2**20  # bytes of the workbook
MAX_UNPACKED = 100 * 2**20  # bytes of its parts, unpacked
MAX_ROWS = 2000
MAX_COLS = 60

SHEET_ITEMS, SHEET_INFO, SHEET_CLASSES = "Tiêu chí", "Thông tin", "Xếp loại"

# column key -> header as written (the reader matches fold(header))
COLUMNS = {
    "code": "Mã",
    "area": "Lĩnh vực",
    "text_vi": "Nội dung",
    "type": "Loại",
    "points": "Điểm tối đa",
    "scoring": "Cách chấm",
    "evidence_hint": "Tài liệu kiểm chứng",
    "guidance": "Hướng dẫn",
    "photo_required": "Cần ảnh",
    "not_met": "Khi không đạt",
    "unit": "Đơn vị",
    "text_en": "Nội dung (English)",
    "points_kind": "Thưởng/trừ",
}
REQUIRED = ("code", "area", "text_vi", "type")
TYPES = {
    "assessment": "đánh giá",
    "yesno": "có/không",
    "count": "số lượng",
    "ratio": "tỷ lệ",
    "text": "văn bản",
}
_TYPE_WORDS = {fold(v): k for k, v in TYPES.items()} | {k: k for k in TYPES} | {"co khong": "yesno", "yes/no": "yesno"}
_KIND_WORDS = {"": "", "thuong": "bonus", "diem thuong": "bonus", "tru": "penalty", "diem tru": "penalty"}
_KIND_WORDS |= {"bonus": "bonus", "penalty": "penalty"}
KIND_NAMES = {"bonus": "thưởng", "penalty": "trừ", "": ""}
INFO = {
    "id": "Mã bộ tiêu chí",
    "version": "Phiên bản",
    "title": "Tên bộ tiêu chí",
    "province": "Tỉnh, thành phố",
    "year": "Năm",
    "decision": "Quyết định ban hành",
    "sources": "Nguồn",
}
_INFO_WORDS = {fold(v): k for k, v in INFO.items()} | {"ten": "title", "tinh": "province", "ma": "id"}
_YES = {"x", "co", "1", "yes", "true", "v", "✓"}


@dataclass(frozen=True, slots=True)
class Problem:
    sheet: str
    row: int  # 0: the sheet itself
    column: str  # "" for the whole row or sheet
    message: str
    message_vi: str = ""  # the same in Vietnamese, for the window

    def __str__(self) -> str:
        where = self.sheet + (f", row {self.row}" if self.row else "") + (f", {self.column}" if self.column else "")
        return f"{where}: {self.message}" if where else self.message

    def vi(self) -> str:
        where = (
            self.sheet + (f", dòng {self.row}" if self.row else "") + (f", cột {self.column}" if self.column else "")
        )
        text = self.message_vi or self.message
        return f"{where}: {text}" if where else text


class CriteriaFileError(InspectorError):
    """A criteria workbook with problems: every one of them, by sheet, row and column."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source, self.problems = source, problems
        first = str(problems[0]) if problems else ""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"criteria file {source}: {first}{more}")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return clean_line(str(v))


def _open(path: Path):
    """The workbook, after its size and its parts' sizes were checked."""
    from openpyxl import load_workbook

    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise CriteriaFileError(
            name, [Problem("", 0, "", f"cannot be read ({why})", f"không đọc được tệp ({why})")]
        ) from None
    if size > MAX_FILE:
        mb = MAX_FILE // 2**20
        raise CriteriaFileError(name, [Problem("", 0, "", f"is larger than {mb} MB", f"tệp lớn hơn {mb} MB")])
    try:
        with zipfile.ZipFile(path) as z:
            if sum(i.file_size for i in z.infolist()) > MAX_UNPACKED:
                raise CriteriaFileError(
                    name, [Problem("", 0, "", "unpacks to more than 100 MB", "giải nén ra hơn 100 MB")]
                )
        return load_workbook(path, read_only=True, data_only=True)
    except CriteriaFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a file that is not a workbook
        logger.info("%s: not read as a workbook (%s: %s)", path, type(exc).__name__, exc)
        raise CriteriaFileError(
            name,
            [
                Problem(
                    "",
                    0,
                    "",
                    f"is not an Excel workbook (.xlsx) ({type(exc).__name__})",
                    "không phải tệp Excel (.xlsx) hoặc tệp bị hỏng",
                )
            ],
        ) from None


def _rows(ws) -> list[tuple[Any, ...]]:
    out = []
    for n, row in enumerate(ws.iter_rows(max_col=MAX_COLS, values_only=True)):
        if n >= MAX_ROWS:
            break
        out.append(tuple(row))
    return out


def _sheet(wb, title: str):
    for ws in wb.worksheets:
        if fold(ws.title) == fold(title):
            return ws
    return None


def read(path: str | Path) -> cl.Checklist:
    """The criteria set in a workbook, checked; raises CriteriaFileError listing every problem."""
    path = Path(path)
    wb = _open(path)
    try:
        problems: list[Problem] = []
        info = _read_info(wb, problems)
        classes = _read_classes(wb, problems)
        groups, items = _read_items(wb, problems)
    finally:
        wb.close()
    if problems:
        raise CriteriaFileError(path.name, problems)
    info.setdefault("id", clean_line(path.stem).upper())
    return build(info, classes, groups, items, path.name)


def build(
    info: dict[str, str], classes: list[tuple[str, float]], groups: list[dict], items: list[dict], source: str
) -> cl.Checklist:
    """The set from checked parts (see check_rows); raises CriteriaFileError for a rule of the whole."""
    set_id = info.get("id") or "BO-TIEU-CHI"
    version = info.get("version") or "1"
    data = {
        "id": f"{set_id}.{version}" if not set_id.endswith(f".{version}") else set_id,
        "title": info.get("title") or set_id,
        "date": "",
        "province": info.get("province", ""),
        "year": info.get("year", ""),
        "decision": info.get("decision", ""),
        "sources": info.get("sources", ""),
        "groups": groups,
        "items": items,
        "classes": [{"name": n, "min": m} for n, m in classes],
    }
    try:
        return cl.parse(data, source)
    except InspectorError as exc:  # a rule of the set as a whole (checked again by parse)
        raise CriteriaFileError(source, [Problem(SHEET_ITEMS, 0, "", str(exc), str(exc))]) from None


def _read_info(wb, problems: list[Problem]) -> dict[str, str]:
    ws = _sheet(wb, SHEET_INFO)
    if ws is None:
        problems.append(
            Problem(
                SHEET_INFO,
                0,
                "",
                "the sheet is missing (the set's name, province, year…)",
                "thiếu trang này (tên bộ tiêu chí, tỉnh, năm…)",
            )
        )
        return {}
    out: dict[str, str] = {}
    for row in _rows(ws):
        if not row or row[0] is None:
            continue
        key = _INFO_WORDS.get(fold(_text(row[0])).rstrip(": "))
        if key:
            out[key] = clean(str(row[1])).strip() if len(row) > 1 and row[1] is not None else ""
            if isinstance(row[1], float) and row[1].is_integer():
                out[key] = str(int(row[1]))
    if not out.get("title"):
        problems.append(
            Problem(SHEET_INFO, 0, "", f"no {INFO['title']!r}: the set needs a name", "bộ tiêu chí cần có tên")
        )
    if out.get("id") and not all(ch.isalnum() or ch in "-_." for ch in out["id"]):
        problems.append(
            Problem(
                SHEET_INFO,
                0,
                INFO["id"],
                f"{out['id']!r}: letters, digits, - _ . only",
                f"«{out['id']}»: chỉ dùng chữ, số và - _ .",
            )
        )
    return out


def _read_classes(wb, problems: list[Problem]) -> list[tuple[str, float]]:
    ws = _sheet(wb, SHEET_CLASSES)
    if ws is None:
        return []
    out: list[tuple[str, float]] = []
    for n, row in enumerate(_rows(ws), 1):
        if n == 1 or not row or all(v in (None, "") for v in row[:2]):
            continue  # the header
        name = _text(row[0])
        lower = number(row[1]) if len(row) > 1 else None
        if not name:
            problems.append(Problem(SHEET_CLASSES, n, "A", "a class needs a name", "xếp loại cần có tên"))
        if lower is None or not 0 <= lower <= 100:
            problems.append(
                Problem(
                    SHEET_CLASSES,
                    n,
                    "B",
                    f"{_text(row[1] if len(row) > 1 else None)!r}: expected the lowest index of the class, 0 to 100",
                    f"«{_text(row[1] if len(row) > 1 else None)}»: ghi chỉ số thấp nhất của xếp loại, từ 0 đến 100",
                )
            )
        elif name:
            if any(lower == m for _, m in out):
                problems.append(
                    Problem(
                        SHEET_CLASSES,
                        n,
                        "B",
                        f"two classes start at {lower:g}",
                        f"hai xếp loại cùng bắt đầu từ {lower:g}",
                    )
                )
            out.append((name, lower))
    return out


def _read_items(wb, problems: list[Problem]) -> tuple[list[dict], list[dict]]:
    ws = _sheet(wb, SHEET_ITEMS)
    if ws is None:
        problems.append(Problem(SHEET_ITEMS, 0, "", "the sheet of criteria is missing", "thiếu trang tiêu chí"))
        return [], []
    rows = _rows(ws)
    header_at = next((n for n, r in enumerate(rows) if any(fold(_text(v)) == fold(COLUMNS["code"]) for v in r)), None)
    if header_at is None:
        problems.append(
            Problem(SHEET_ITEMS, 0, "", "no header row with a column 'Mã'", "không có dòng tiêu đề có cột «Mã»")
            if rows
            else Problem(SHEET_ITEMS, 0, "", "the sheet is empty", "trang trống")
        )
        return [], []
    wanted = {fold(v): k for k, v in COLUMNS.items()}
    cols: dict[str, int] = {}
    for j, v in enumerate(rows[header_at]):
        key = wanted.get(fold(_text(v)))
        if key and key not in cols:
            cols[key] = j
    letters = {k: _letter(j) for k, j in cols.items()}
    for key in REQUIRED:
        if key not in cols:
            problems.append(Problem(SHEET_ITEMS, header_at + 1, COLUMNS[key], "the column is missing", "thiếu cột"))
    if any(k not in cols for k in REQUIRED):
        return [], []
    table = [
        (n, {k: (row[j] if j < len(row) else None) for k, j in cols.items()})
        for n, row in enumerate(rows[header_at + 1 :], header_at + 2)
        if not all(v in (None, "") for v in row)
    ]
    return check_rows(table, problems, SHEET_ITEMS, letters)


def check_rows(
    rows: list[tuple[int, dict[str, Any]]], problems: list[Problem], sheet: str = SHEET_ITEMS, letters=None
) -> tuple[list[dict], list[dict]]:
    """The criteria of a table (row number, {column key: value}), checked: the areas and items of
    a set's data, and every problem appended to problems. The workbook and the window's editor
    both go through here."""
    letters = letters or {}
    groups: dict[str, str] = {}
    items: list[dict] = []
    seen: dict[str, int] = {}
    for n, values in rows:

        def get(key: str, values=values) -> Any:
            return values.get(key)

        found = len(problems)

        def bad(key: str, message: str, vi: str, n=n) -> None:
            where = f"{COLUMNS[key]} ({letters[key]})" if key in letters else COLUMNS[key]
            problems.append(Problem(sheet, n, where, message, vi))

        code = _text(get("code")).upper()
        if not code:
            bad("code", "the criterion has no code", "tiêu chí chưa có mã")
        elif not cl.CODE_RE.match(code):
            bad(
                "code",
                f"{code!r} is not a code like A1 or BL12 (letters of the area, then a number)",
                f"«{code}» không phải mã như A1 hay BL12 (chữ của lĩnh vực rồi đến số)",
            )
        elif code in seen:
            bad("code", f"{code} is also the code of row {seen[code]}", f"{code} trùng mã với dòng {seen[code]}")
        else:
            seen[code] = n
        typ = _TYPE_WORDS.get(fold(_text(get("type"))))
        if typ is None:
            bad(
                "type",
                f"{_text(get('type'))!r} is not a type ({', '.join(TYPES.values())})",
                f"«{_text(get('type'))}» không phải loại tiêu chí ({', '.join(TYPES.values())})",
            )
        text = clean_line(_text(get("text_vi")))
        if not text:
            bad("text_vi", "the criterion has no text", "tiêu chí chưa có nội dung")
        area = _text(get("area"))
        prefix = "".join(ch for ch in code if ch.isalpha())[:2]
        if not area:
            bad("area", "the criterion has no area", "tiêu chí chưa có lĩnh vực")
        elif prefix and groups.get(prefix, area) != area:
            bad(
                "area",
                f"{code} is in {area!r}, but other codes {prefix}… are in {groups[prefix]!r}",
                f"{code} thuộc «{area}» nhưng các mã {prefix}… khác thuộc «{groups[prefix]}»",
            )
        elif prefix and area in groups.values() and groups.get(prefix) != area:
            other = next(p for p, a in groups.items() if a == area)
            bad(
                "area",
                f"{area!r} already holds codes {other}…; {code} should start with {other}",
                f"«{area}» đã dùng mã {other}…; {code} phải bắt đầu bằng {other}",
            )
        elif prefix:
            groups[prefix] = area
        raw_points = get("points")
        points = None
        if raw_points not in (None, ""):
            points = number(raw_points)
            if points is None:
                bad(
                    "points",
                    f"{_text(raw_points)!r} is not a number of points",
                    f"«{_text(raw_points)}» không phải số điểm",
                )
        kind = _KIND_WORDS.get(fold(_text(get("points_kind"))))
        if kind is None:
            bad(
                "points_kind",
                f"{_text(get('points_kind'))!r}: expected thưởng or trừ (or nothing)",
                f"«{_text(get('points_kind'))}»: ghi thưởng hoặc trừ (hoặc để trống)",
            )
        scoring = _text(get("scoring"))
        if kind == "penalty" and points is not None:
            points = -abs(points)  # a penalty takes points away, whichever sign the office wrote
        if typ is not None and (points is not None or raw_points in (None, "")):
            for message in parse_rule(typ, scoring, points)[1]:
                bad("scoring", *message)
        photo = fold(_text(get("photo_required")))
        if photo and photo not in _YES and photo not in ("khong", "0", "no"):
            bad(
                "photo_required",
                f"{_text(get('photo_required'))!r}: write x when a photo is required",
                f"«{_text(get('photo_required'))}»: ghi x khi cần ảnh",
            )
        if len(problems) > found:
            continue
        items.append(
            {
                "code": code,
                "group": prefix,
                "position": len(items) + 1,
                "text_vi": text,
                "text_en": _text(get("text_en")),
                "type": typ,
                "unit": _text(get("unit")) if typ == "count" else "",
                "photo_required": photo in _YES,
                "photo_suggested": False,
                "basis": "",
                "evidence_hint": clean(str(get("evidence_hint") or "")).strip(),
                "guidance": clean(str(get("guidance") or "")).strip(),
                "points": points,
                "scoring": scoring,
                "points_kind": kind or "",
                "not_met": _text(get("not_met")),
            }
        )
    if not items and not problems:
        problems.append(Problem(sheet, 0, "", "the sheet holds no criteria", "trang chưa có tiêu chí nào"))
    return [{"code": p, "title_vi": a} for p, a in groups.items()], items


def _letter(j: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(j + 1)


# ---- writing ---------------------------------------------------------------------------------


def write(checklist: cl.Checklist, path: str | Path) -> Path:
    """The set as a workbook in the format read() reads (an office starts from a copy)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from .files import atomic_write

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_ITEMS
    head = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    keys = list(COLUMNS)
    ws.append([COLUMNS[k] for k in keys])
    for c in ws[1]:
        c.font, c.fill = head, fill
        c.alignment = Alignment(wrap_text=True, vertical="top")
    wrap = Alignment(wrap_text=True, vertical="top")
    for it in checklist.items:
        values = {
            "code": it.code,
            "area": checklist.group_title(it.group),
            "text_vi": it.text_vi,
            "type": TYPES[it.type],
            "points": it.points,
            "scoring": it.scoring,
            "evidence_hint": it.evidence_hint,
            "guidance": it.guidance,
            "photo_required": "x" if it.photo_required else "",
            "not_met": it.not_met,
            "unit": it.unit,
            "text_en": it.text_en,
            "points_kind": KIND_NAMES[it.points_kind],
        }
        ws.append([values[k] for k in keys])
        for c in ws[ws.max_row]:
            c.alignment = wrap
            if isinstance(c.value, str) and c.value.startswith("="):
                c.data_type = "s"  # "=1: 1" is a threshold, not a formula
    for k, width in zip(keys, (7, 28, 60, 11, 9, 24, 30, 30, 8, 40, 9, 40, 10)):
        ws.column_dimensions[_letter(keys.index(k))].width = width
    ws.freeze_panes = "C2"
    types = DataValidation(type="list", formula1='"' + ",".join(TYPES.values()) + '"', allow_blank=False)
    types.add(f"{_letter(keys.index('type'))}2:{_letter(keys.index('type'))}{MAX_ROWS}")
    ws.add_data_validation(types)
    set_id, _, version = checklist.id.rpartition(".")
    if not set_id or not version.isdigit():
        set_id, version = checklist.id, "1"
    info = wb.create_sheet(SHEET_INFO)
    for key, label in INFO.items():
        value = {"id": set_id, "version": version, "title": checklist.title}.get(key, checklist.info.get(key, ""))
        info.append([label, value])
        info.cell(info.max_row, 1).font = head
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 80
    classes = wb.create_sheet(SHEET_CLASSES)
    classes.append(["Xếp loại", "Từ (chỉ số)"])
    for c in classes[1]:
        c.font, c.fill = head, fill
    for name, lower in checklist.classes:
        classes.append([name, lower])
    classes.column_dimensions["A"].width = 20
    classes.column_dimensions["B"].width = 14
    wb.properties.title = checklist.title
    wb.properties.creator = "Inspector"
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path


__all__ = ["CriteriaFileError", "Problem", "build", "check_rows", "read", "write"]
