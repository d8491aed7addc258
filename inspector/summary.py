"""The home office's summary of an inspection: communes × items, totals per item, the shortcomings
shared by many communes; as an Excel workbook and a Word report."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import answers as ans
from . import checklist as cl
from . import inspections as ins
from . import scoring, words
from .db import Database
from .errors import Cancelled, InvalidInput, OutputLocked
from .files import atomic_write
from .text import sort_key


@dataclass(frozen=True, slots=True)
class Cell:
    value: str | None
    text: str  # as printed: "Đạt", "118/120 (98,3%)", "" when unanswered
    failed: bool
    partly: bool
    note: str
    number: float | None  # a count, or a ratio as a fraction (0.983), for Excel


@dataclass
class ItemTotal:
    item: cl.Item
    answered: int = 0
    failed: int = 0
    failed_communes: list[str] = field(default_factory=list)

    @property
    def sentence(self) -> str:
        """ "5/12 xã còn yêu cầu thêm thành phần hồ sơ ngoài quy định": the item's own words for
        "not met" when the set has them; else the criterion quoted, so that a criterion worded as
        a negation never reads as its opposite ("chưa đạt tiêu chí «Không yêu cầu …»")."""
        return f"{self.failed}/{self.answered} xã " + words.not_met_phrase(
            self.item.text_vi, self.item.type, self.item.not_met
        )


@dataclass
class Matrix:
    inspection: ins.Inspection
    checklist: cl.Checklist
    visits: list[ins.Visit]
    items: list[cl.Item]
    cells: dict[str, dict[str, Cell]]  # visit id → item code → cell
    totals: dict[str, ItemTotal]
    findings: dict[str, list[ins.Finding]]
    scores: dict[str, scoring.VisitScore] = field(default_factory=dict)  # visit id -> score (scored sets)
    ranks: dict[str, int] = field(default_factory=dict)  # visit id -> rank by index
    complete: set[str] = field(default_factory=set)  # the visits finished: counted in rates and ranks

    @property
    def unfinished(self) -> list[ins.Visit]:
        """The visits not finished yet, left out of rates, ranks and totals."""
        return [v for v in self.visits if v.id not in self.complete]

    def ranking(self) -> list[ins.Visit]:
        """The communes by rank (scored sets), ties in commune order."""
        return sorted(self.visits, key=lambda v: (self.ranks.get(v.id, 10**6), sort_key(v.commune)))

    def area_averages(self) -> dict[str, tuple[float, float]]:
        """Per area: the mean points of the communes and the area's mean maximum."""
        out: dict[str, tuple[float, float]] = {}
        if not self.scores:
            return out
        for g in self.checklist.groups:
            parts = [s.groups[g.code] for s in self.scores.values() if g.code in s.groups and s.groups[g.code].items]
            if parts:
                out[g.code] = (sum(p.points for p in parts) / len(parts), sum(p.maximum for p in parts) / len(parts))
        return out

    def common_shortcomings(self) -> list[ItemTotal]:
        """Items failed by at least one commune, the most widespread first."""
        out = [t for t in self.totals.values() if t.failed]
        return sorted(out, key=lambda t: (-t.failed, -t.failed / max(t.answered, 1), t.item.position, t.item.code))


def _cell(item: cl.Item, a: ans.Answer | None) -> Cell:
    value = a.value if a else None
    number = None
    if value not in (None, ans.NO_DATA):
        if item.type == "count":
            number = float(value)
        elif item.type == "ratio":
            n, d = ans.ratio_parts(value) or (0, 0)
            number = n / d if d else None
    return Cell(
        value,
        ans.display(item, value) if value else "",
        ans.is_failed(item, value),
        value == "dat_mot_phan",
        a.note if a else "",
        number,
    )


def finished(v: ins.Visit, answered: int | None = None, total: int | None = None) -> bool:
    """A visit whose inspection is finished (marked done, its minutes signed, or every item
    answered): the only ones the rates, ranks and totals count; the others are listed apart."""
    return v.status in ("done", "signed") or (answered is not None and total is not None and answered >= total)


def matrix(db: Database, inspection_id: str) -> Matrix:
    insp = ins.get_inspection(db, inspection_id)
    checklist = cl.get(db, insp.checklist_version)
    visits = sorted(ins.visits(db, insp.id), key=lambda v: (sort_key(v.commune), v.date))
    items = [it for it in checklist.items if it.type != "text"]
    cells: dict[str, dict[str, Cell]] = {}
    scores: dict[str, scoring.VisitScore] = {}
    totals = {it.code: ItemTotal(it) for it in items}
    answers: dict[str, dict[str, ans.Answer]] = {}
    complete: set[str] = set()
    for n, v in enumerate(visits):
        if n % 50 == 0:  # the answers of 50 communes at a time: only their cells are kept
            answers = ans._answers_of(db, [x.id for x in visits[n : n + 50]])
        row = cells[v.id] = {}
        got = answers.get(v.id, {})
        answered = sum(1 for it in items if (a := got.get(it.code)) is not None and a.value is not None)
        done = finished(v, answered, len(items))
        if done:
            complete.add(v.id)
        if checklist.scored and done:
            scores[v.id] = scoring.score_visit(checklist, got)
        for it in items:
            c = row[it.code] = _cell(it, got.get(it.code))
            if c.value is not None and done:  # rates count the communes whose inspection is finished
                t = totals[it.code]
                t.answered += 1
                if c.failed:
                    t.failed += 1
                    t.failed_communes.append(v.commune)
    finds = {v.id: ins.findings(db, v.id) for v in visits}
    ranks = scoring.rank(scores) if scores else {}
    return Matrix(insp, checklist, visits, items, cells, totals, finds, scores, ranks, complete)


def _check_target(path: Path, suffix: str) -> None:
    from .minutes import _locked, free_name

    if path.suffix.lower() != suffix:
        raise InvalidInput(f"{path.name}: expected a {suffix} file name")
    if _locked(path):
        raise OutputLocked(str(path), str(free_name(path)))


@contextmanager
def _writing(path: Path):
    """files.atomic_write, with the target held by Word (PermissionError at the rename) refused as
    OutputLocked with a free name suggested; disk errors come out as CannotWrite."""
    from .minutes import free_name

    try:
        with atomic_write(path, durable=False) as tmp:  # made again from the database at any time
            yield tmp
    except PermissionError:
        raise OutputLocked(str(path), str(free_name(path))) from None


# ---- Excel ----------------------------------------------------------------------------------------


def write_xlsx(
    db: Database,
    inspection_id: str,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """One row per visited commune, one column per item; failed cells filled; totals per item.

    Written row by row (openpyxl's write-only mode) with named styles, one per kind of cell, so
    that time and memory grow with the cells written and nothing else."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.utils import get_column_letter

    path = Path(path)
    _check_target(path, ".xlsx")
    m = matrix(db, inspection_id)
    wb = Workbook(write_only=True)
    bold = Font(name="Times New Roman", bold=True, size=11)
    normal = Font(name="Times New Roman", size=11)
    thin = Side(style="thin", color="999999")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    centre = Alignment(horizontal="center", vertical="top", wrap_text=True)
    up = Alignment(text_rotation=90, wrap_text=True, vertical="bottom", horizontal="center")  # narrow columns
    for name, font, alignment, border, fill in (
        ("tên", bold, None, None, None),
        ("chữ", normal, None, None, None),
        ("chữ dài", normal, wrap, None, None),
        ("tiêu đề", bold, wrap, box, None),
        ("tiêu đề dọc", Font(name="Times New Roman", bold=True, size=9), up, box, None),
        ("tổng", bold, centre, box, None),
        ("ô", normal, centre, box, None),
        ("ô không đạt", normal, centre, box, "F4C7C3"),
        ("ô một phần", normal, centre, box, "FCE8B2"),
        ("ô trống", normal, centre, box, "EEEEEE"),
    ):
        style = NamedStyle(name, font=font)
        if alignment is not None:
            style.alignment = alignment
        if border is not None:
            style.border = border
        if fill is not None:
            style.fill = PatternFill("solid", fgColor=fill)
        wb.add_named_style(style)

    def cell(sheet, value, style: str | None = None, number_format: str | None = None):
        c = WriteOnlyCell(sheet, value)
        if style:
            c.style = style
        if number_format:
            c.number_format = number_format
        return c

    scored = bool(m.scores)
    lead = 2 + (4 if scored else 0)  # commune, date; with points: points, index, class, rank
    ws = wb.create_sheet("Tổng hợp")
    ws.freeze_panes = f"{get_column_letter(lead + 1)}2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(m.items) + lead)}{len(m.visits) + 1}"
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 11
    for j in range(3, lead + 1):
        ws.column_dimensions[get_column_letter(j)].width = 10
    for j in range(lead + 1, len(m.items) + lead + 1):
        ws.column_dimensions[get_column_letter(j)].width = 10
    ws.row_dimensions[1].height = 230  # the items' titles read upwards: ten columns to a page
    points_head = ["Điểm", "Chỉ số", "Xếp loại", "Thứ hạng"] if scored else []
    ws.append(
        [cell(ws, "Xã, phường", "tên"), cell(ws, "Ngày", "tên")]
        + [cell(ws, h, "tiêu đề") for h in points_head]
        + [cell(ws, f"{it.code}. {it.text_vi}", "tiêu đề dọc") for it in m.items]
    )
    notes: list[tuple[str, cl.Item, Cell]] = []  # a sheet of their own: comments print nowhere and cost
    for i, v in enumerate(m.visits, 2):  # memory per note at saving (openpyxl draws each one's box)
        name = v.commune if v.id in m.complete else f"{v.commune} (chưa xong)"  # left out of the totals
        row = [cell(ws, name, "tên"), cell(ws, v.date and f"{v.date[8:10]}/{v.date[5:7]}/{v.date[:4]}", "chữ")]
        if scored and v.id not in m.scores:
            row += [None] * 4
        elif scored:
            sc = m.scores[v.id]
            row += [
                cell(ws, round(sc.points, 2), "ô", "0.##"),
                cell(ws, sc.index, "ô", "0.0"),
                cell(ws, sc.klass or None, "ô"),
                cell(ws, m.ranks[v.id], "ô"),
            ]
        for it in m.items:
            c = m.cells[v.id][it.code]
            if c.failed and not c.partly:
                style = "ô không đạt"
            elif c.partly:
                style = "ô một phần"
            elif c.value is None:
                style = "ô trống"
            else:
                style = "ô"
            if it.type == "ratio" and c.number is not None:
                out = cell(ws, c.number, style, "0.0%")
            elif it.type == "count" and c.number is not None:
                out = cell(ws, int(c.number), style)
            else:
                out = cell(ws, c.text or None, style)
            if c.note:
                notes.append((v.commune, it, c))
            row.append(out)
        ws.append(row)
        if progress:
            progress(i - 1, len(m.visits) + 2)
        if cancelled and cancelled():
            raise Cancelled()
    ws.append(
        [cell(ws, "Không đạt / đã chấm", "tên"), None]
        + [None] * (lead - 2)
        + [
            cell(
                ws,
                f"{m.totals[it.code].failed}/{m.totals[it.code].answered}"
                if it.type in ("assessment", "yesno")
                else None,
                "tổng",
            )
            for it in m.items
        ]
    )
    sums = figures(m)
    ws.append(
        [cell(ws, "Tỷ lệ chung, tổng số", "tên"), None]
        + [None] * (lead - 2)
        + [
            cell(ws, sums[it.code].rate, "tổng", "0.0%")
            if it.type == "ratio" and it.code in sums
            else cell(ws, sums[it.code].numerator, "tổng")
            if it.code in sums
            else cell(ws, None, "tổng")
            for it in m.items
        ]
    )
    _figures_sheet(wb, m, cell)

    items = wb.create_sheet("Tiêu chí")
    items.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide (set before its rows)
    items.freeze_panes = "C2"
    for col, width in zip("ABCDEFG", (7, 60, 12, 12, 12, 60, 40)):
        items.column_dimensions[col].width = width
    items.append(
        [
            cell(items, title, "tên")
            for title in (
                "Mã",
                "Tiêu chí",
                "Số xã đã chấm",
                "Số xã chưa đạt",
                "Tỷ lệ chưa đạt",
                "Nhận xét",
                "Các xã chưa đạt",
            )
        ]
    )
    for it in m.items:
        t = m.totals[it.code]
        judged = it.type in ("assessment", "yesno")
        row = [it.code, cell(items, it.text_vi, "chữ dài"), t.answered, t.failed if judged else None]
        if judged and t.answered:
            row.append(cell(items, t.failed / t.answered, None, "0%"))
            if t.failed:
                row += [cell(items, t.sentence, "chữ dài"), cell(items, ", ".join(t.failed_communes), "chữ dài")]
        items.append(row)
    if scored:
        _ranking_sheet(wb, m, cell)
    sheet = wb.create_sheet("Ghi chú")
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide (set before its rows)
    sheet.freeze_panes = "A2"
    for col, width in zip("ABCDE", (20, 7, 50, 14, 60)):
        sheet.column_dimensions[col].width = width
    sheet.append([cell(sheet, t, "tên") for t in ("Xã, phường", "Mã", "Tiêu chí", "Kết quả", "Ghi chú")])
    for name, it, c in notes:
        sheet.append([name, it.code, cell(sheet, it.text_vi, "chữ dài"), c.text, cell(sheet, c.note, "chữ dài")])
    _print_setup(wb, m, lead)
    wb.properties.title = f"Tổng hợp: {m.inspection.title}"
    wb.properties.subject = f"Bộ tiêu chí: {m.checklist.title} ({m.checklist.id})"
    wb.properties.creator = "Inspector"
    with _writing(path) as tmp:
        wb.save(tmp)
    if progress:
        progress(len(m.visits) + 2, len(m.visits) + 2)
    return path


@dataclass(frozen=True, slots=True)
class Figure:
    """A ratio or count item summed over the finished communes: numerator (the count's total),
    denominator (ratios), and how many communes gave a figure."""

    numerator: int
    denominator: int | None
    communes: int

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


def figures(m: Matrix) -> dict[str, Figure]:
    """Item code -> its figure over the finished communes ("không có số liệu" left out); the
    province-wide rate of a ratio is the sum of numerators over the sum of denominators."""
    out: dict[str, Figure] = {}
    for it in m.items:
        if it.type not in ("ratio", "count"):
            continue
        values = [m.cells[v.id][it.code].value for v in m.visits if v.id in m.complete]
        values = [x for x in values if x not in (None, ans.NO_DATA)]
        if not values:
            continue
        if it.type == "ratio":
            parts = [ans.ratio_parts(x) or (0, 0) for x in values]
            out[it.code] = Figure(sum(p[0] for p in parts), sum(p[1] for p in parts), len(parts))
        else:
            out[it.code] = Figure(sum(int(x) for x in values if x), None, len(values))
    return out


def _figures_sheet(wb, m: Matrix, cell) -> None:
    """ "Số liệu": for each finished commune, each ratio's numerator, denominator and rate and each
    count, with the totals (sums, and the rate of the sums) as formulas an office can follow."""
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet("Số liệu")  # printed like "Tổng hợp": the commune column on every page
    quantities = [it for it in m.items if it.type in ("ratio", "count")]
    done = [v for v in m.visits if v.id in m.complete]
    ws.freeze_panes = "B2"
    ws.column_dimensions["A"].width = 20
    head = [cell(ws, "Xã, phường", "tiêu đề")]
    columns: list[tuple[cl.Item, str]] = []  # (item, "tu" | "mau" | "ty_le" | "so")
    for it in quantities:
        if it.type == "ratio":
            num, _, den = it.text_vi.partition(" / ")
            head += [
                cell(ws, f"{it.code} – tử số: {num}", "tiêu đề"),
                cell(ws, f"{it.code} – mẫu số: {den or it.text_vi}", "tiêu đề"),
                cell(ws, f"{it.code} – tỷ lệ", "tiêu đề"),
            ]
            columns += [(it, "tu"), (it, "mau"), (it, "ty_le")]
        else:
            head.append(cell(ws, f"{it.code} – {it.text_vi}" + (f" ({it.unit})" if it.unit else ""), "tiêu đề"))
            columns.append((it, "so"))
    for j, (_, kind) in enumerate(columns, 2):
        ws.column_dimensions[get_column_letter(j)].width = 9 if kind == "ty_le" else 14
    ws.row_dimensions[1].height = 160
    ws.append(head)
    last = len(done) + 1
    for i, v in enumerate(done, 2):
        row = [cell(ws, v.commune, "tên")]
        for j, (it, kind) in enumerate(columns, 2):
            value = m.cells[v.id][it.code].value
            value = None if value == ans.NO_DATA else value
            if kind == "ty_le":
                a, b = get_column_letter(j - 2), get_column_letter(j - 1)
                row.append(cell(ws, f'=IF(AND(ISNUMBER({b}{i}),{b}{i}>0),{a}{i}/{b}{i},"")', "ô", "0.0%"))
            elif kind in ("tu", "mau"):
                parts = ans.ratio_parts(value)
                row.append(cell(ws, parts[0 if kind == "tu" else 1] if parts else None, "ô", "#,##0"))
            else:
                row.append(cell(ws, int(value) if value else (0 if value == "0" else None), "ô", "#,##0"))
        ws.append(row)
    total = [cell(ws, f"Cộng ({len(done)} xã)", "tên")]
    for j, (_, kind) in enumerate(columns, 2):
        col = get_column_letter(j)
        if kind == "ty_le":
            a, b = get_column_letter(j - 2), get_column_letter(j - 1)
            total.append(cell(ws, f'=IF({b}{last + 1}>0,{a}{last + 1}/{b}{last + 1},"")', "tổng", "0.0%"))
        else:
            total.append(cell(ws, f"=SUM({col}2:{col}{last})" if done else None, "tổng", "#,##0"))
    ws.append(total)
    if m.unfinished:
        ws.append([])
        ws.append(
            [
                cell(
                    ws,
                    "Chưa xong, không tính vào các số liệu trên: " + ", ".join(v.commune for v in m.unfinished),
                    "chữ",
                )
            ]
        )


def _print_setup(wb, m: Matrix, lead: int) -> None:
    """Every sheet prints on A4 landscape with its heading row repeated and a title and page
    numbers on each page; the wide commune × item sheet repeats its commune columns on the pages
    across, the others fit one page wide."""
    from openpyxl.utils import get_column_letter

    insp = m.inspection
    word = "giám sát" if insp.kind == "giam_sat" else "kiểm tra"
    title = f"Tổng hợp kết quả {word}: {insp.title}"
    if insp.issuing_agency:
        title += f" — {insp.issuing_agency}"
    if insp.period:
        title += f" — kỳ số liệu {insp.period}"
    for ws in wb.worksheets:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        ws.print_title_rows = "1:1"
        ws.oddHeader.center.text = title.replace("&", "&&")
        ws.oddHeader.center.size = 10
        ws.oddFooter.center.text = "Trang &P/&N"
        if ws.title == "Tổng hợp":
            ws.print_title_cols = f"A:{get_column_letter(lead)}"
        elif ws.title == "Số liệu":
            ws.print_title_cols = "A:A"
        else:  # fitToPage is set when the sheet is made: write-only sheets write it first
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0


def _ranking_sheet(wb, m: Matrix, cell) -> None:
    """The communes by rank: points, maximum, index, class, and each area's points."""
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet("Xếp hạng")
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # one page wide (set before its rows)
    areas = [
        g for g in m.checklist.groups if any(g.code in s.groups and s.groups[g.code].items for s in m.scores.values())
    ]
    ws.freeze_panes = "C2"
    ws.append(
        [cell(ws, h, "tiêu đề") for h in ("Hạng", "Xã, phường", "Điểm", "Tối đa", "Chỉ số", "Xếp loại")]
        + [cell(ws, f"{g.code}. {g.title_vi}", "tiêu đề") for g in areas]
    )
    for v in (v for v in m.ranking() if v.id in m.scores):
        sc = m.scores[v.id]
        ws.append(
            [m.ranks[v.id], cell(ws, v.commune, "tên"), round(sc.points, 2), round(sc.maximum, 2), sc.index, sc.klass]
            + [round(sc.groups[g.code].points, 2) if g.code in sc.groups else None for g in areas]
        )
    means = m.area_averages()
    ws.append(
        [None, cell(ws, "Bình quân", "tên"), None, None, None, None]
        + [round(means[g.code][0], 2) if g.code in means else None for g in areas]
    )
    for j, width in enumerate((7, 22, 9, 9, 9, 12), 1):
        ws.column_dimensions[get_column_letter(j)].width = width
    for j in range(7, 7 + len(areas)):
        ws.column_dimensions[get_column_letter(j)].width = 14
    ws.row_dimensions[1].height = 90


# ---- Word -----------------------------------------------------------------------------------------


def write(db: Database, inspection_id: str, path: str | Path, **kw) -> Path:
    """Excel or Word by the file's extension."""
    suffix = Path(path).suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx(db, inspection_id, path, **kw)
    if suffix == ".docx":
        from . import report

        return report.write_report(db, inspection_id, path, **kw)
    raise InvalidInput(f"{Path(path).name}: the summary is written as .xlsx (Excel) or .docx (Word)")
