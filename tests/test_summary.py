"""The summary across communes: Excel matrix with percentages and highlighted failures, Word report."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import inspector
from inspector import answers as ans
from inspector import errors as E
from inspector import inspections as ins
from inspector import summary as sm
from inspector.cli import cli


def _insp(db):
    return ins.list_inspections(db)[0]


def test_matrix_and_totals(demo_db):
    m = sm.matrix(demo_db, _insp(demo_db).id)
    assert [v.commune for v in m.visits] == ["Đại Cương", "Đồng Hóa", "Ninh Đa", "Ninh Xuân", "Tòng Bạt"]
    ninh_xuan = next(v for v in m.visits if v.commune == "Ninh Xuân")
    assert m.cells[ninh_xuan.id]["B1"].text == "1076/1179 (91,3%)"
    assert m.cells[ninh_xuan.id]["B1"].number == pytest.approx(1076 / 1179)
    # Tòng Bạt is still in progress (40 of 70 items): listed apart, out of every rate
    assert [v.commune for v in m.unfinished] == ["Tòng Bạt"] and len(m.complete) == 4
    for code, t in m.totals.items():
        failed = [v.commune for v in m.visits if v.id in m.complete and m.cells[v.id][code].failed]
        assert t.failed == len(failed) and t.failed_communes == failed and t.answered <= 4
    common = m.common_shortcomings()
    assert common[0].failed >= common[-1].failed


def test_sentence_names_how_many_communes(demo_db):
    insp = _insp(demo_db)
    vs = ins.visits(demo_db, insp.id)
    for v in vs:
        ans.set_answer(demo_db, v.id, "B7", "khong" if v.commune in ("Ninh Xuân", "Ninh Đa") else "co")
    t = sm.matrix(demo_db, insp.id).totals["B7"]
    assert t.sentence == "2/4 xã chưa niêm yết số điện thoại đường dây nóng của Chủ tịch UBND xã"  # 4 finished


def test_excel_workbook(demo_db, tmp_path):
    insp = _insp(demo_db)
    out = sm.write(demo_db, insp.id, tmp_path / "tong-hop.xlsx")
    wb = load_workbook(out)
    ws = wb["Tổng hợp"]
    header = [c.value for c in ws[1]]
    assert header[0] == "Xã, phường" and header[2].startswith("A1. ")
    rows = {r[0].value: r for r in ws.iter_rows(min_row=2) if r[0].value}
    assert set(rows) >= {"Ninh Xuân", "Tòng Bạt (chưa xong)", "Không đạt / đã chấm"}
    col = header.index(next(h for h in header if h and h.startswith("B1. ")))
    cell = rows["Ninh Xuân"][col]
    assert cell.value == pytest.approx(1076 / 1179) and cell.number_format == "0.0%"
    m = sm.matrix(demo_db, insp.id)
    v = next(x for x in m.visits if x.commune == "Ninh Xuân")
    for j, it in enumerate(m.items, 2):
        c = rows["Ninh Xuân"][j]
        red = c.fill.fgColor.rgb.endswith("F4C7C3")
        assert c.style in ("ô", "ô không đạt", "ô một phần", "ô trống")  # named styles, not one style per cell
        assert red == (m.cells[v.id][it.code].failed and not m.cells[v.id][it.code].partly), it.code
    totals = rows["Không đạt / đã chấm"]
    b3 = header.index(next(h for h in header if h and h.startswith("B3. ")))
    assert totals[b3].value == f"{m.totals['B3'].failed}/{m.totals['B3'].answered}"
    assert ws.freeze_panes == "C2"
    items = wb["Tiêu chí"]
    assert any(r[5].value and "xã chưa" in r[5].value for r in items.iter_rows(min_row=2))
    # the inspectors' notes, one row each, with the commune, the item and the answer beside them
    noted = [
        (v.commune, it.code, m.cells[v.id][it.code]) for v in m.visits for it in m.items if m.cells[v.id][it.code].note
    ]
    rows = [tuple(c.value for c in r) for r in wb["Ghi chú"].iter_rows(min_row=2)]
    assert noted and [(r[0], r[1], r[3], r[4]) for r in rows] == [(n, code, c.text, c.note) for n, code, c in noted]


def test_locked_output_and_wrong_extension(demo_db, tmp_path):
    insp = _insp(demo_db)
    out = tmp_path / "TH.xlsx"
    (tmp_path / "~$TH.xlsx").write_text("lock")
    with pytest.raises(E.OutputLocked):
        sm.write(demo_db, insp.id, out)
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))
    with pytest.raises(E.InvalidInput):
        sm.write(demo_db, insp.id, tmp_path / "TH.pdf")


def test_cli(demo_path, tmp_path):
    db = inspector.open_db(demo_path)
    iid = _insp(db).id
    db.close()
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "summary", iid[:8], "-o", str(tmp_path / "a.xlsx")])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "a.xlsx").exists()
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "summary", iid[:8]])
    assert r.exit_code == 0 and "xã chưa" in r.output


def test_no_sentence_turns_a_negated_criterion_around(demo_db):
    """Over every item of the shipped set: a criterion worded as a negation ("Không yêu cầu …") is
    quoted, never put after "chưa" or "chưa đạt:"; an item with its own not-met words uses them."""
    from dataclasses import replace

    from inspector import checklist as cl
    from inspector.text import fold

    checked = 0
    for it in cl.get(demo_db, None).items:
        t = sm.ItemTotal(it, answered=5, failed=4)
        negated = fold(it.text_vi).startswith(("khong ", "chua "))
        s = fold(t.sentence)
        assert not any(f"{a} {b}" in s for a in ("chua", "chua dat:") for b in ("khong", "chua")), t.sentence
        if negated:
            assert "«" in t.sentence
            checked += 1
        own = sm.ItemTotal(replace(it, not_met="còn yêu cầu thêm giấy tờ"), answered=5, failed=4)
        assert own.sentence == "4/5 xã còn yêu cầu thêm giấy tờ"
    assert checked >= 1  # the shipped set has such criteria


def test_documents_carry_their_own_properties_in_vietnamese(demo_db, tmp_path):
    """Not the 2013 date and "generated by python-docx" of the libraries' templates."""
    import zipfile

    from inspector import minutes as mn

    insp = _insp(demo_db)
    report = sm.write(demo_db, insp.id, tmp_path / "bc.docx")
    props = docx.Document(report).core_properties
    assert props.created.year >= 2026 and props.comments == "" and props.language == "vi-VN"
    assert 'w:val="vi-VN"' in zipfile.ZipFile(report).read("word/styles.xml").decode()
    v = ins.visits(demo_db, insp.id)[0]
    bb = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx")
    core = zipfile.ZipFile(bb).read("docProps/core.xml").decode()
    assert "2013" not in core and "<dc:language>vi-VN</dc:language>" in core and "Mã đối chiếu" in core
    props = docx.Document(bb).core_properties
    assert props.title.startswith("Biên bản Kiểm tra công tác cải cách hành chính") and props.created.year >= 2026


def test_the_excel_prints_landscape_with_titles_repeated_and_page_numbers(demo_db, tmp_path):
    insp = _insp(demo_db)
    wb = load_workbook(sm.write(demo_db, insp.id, tmp_path / "th.xlsx"))
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.print_title_rows == "$1:$1"
        assert ws.oddHeader.center.text.startswith("Tổng hợp kết quả kiểm tra: " + insp.title)
        assert ws.oddFooter.center.text == "Trang &P/&N"
    main = wb["Tổng hợp"]
    assert main.print_title_cols == "$A:$B"  # the commune and its date on every page across
    assert wb["Tiêu chí"].page_setup.fitToWidth == 1 and wb["Tiêu chí"].sheet_properties.pageSetUpPr.fitToPage


def test_the_excel_keeps_numerators_and_denominators_with_province_wide_totals(demo_db, tmp_path):
    """The office's leading figure ("tỷ lệ hồ sơ đúng hạn toàn tỉnh") is the sum of numerators over
    the sum of denominators of the finished communes, not a mean of percentages."""
    from openpyxl.utils import get_column_letter

    insp = _insp(demo_db)
    m = sm.matrix(demo_db, insp.id)
    wb = load_workbook(sm.write(demo_db, insp.id, tmp_path / "th.xlsx"))
    ws = wb["Số liệu"]
    head = [c.value for c in ws[1]]
    done = [v for v in m.visits if v.id in m.complete]
    assert [ws.cell(i, 1).value for i in range(2, len(done) + 2)] == [v.commune for v in done]
    total_row = len(done) + 2
    assert ws.cell(total_row, 1).value == f"Cộng ({len(done)} xã)"
    assert "Tòng Bạt" in ws.cell(total_row + 2, 1).value  # the unfinished commune named, not counted
    ratios = [it for it in m.items if it.type == "ratio"]
    assert ratios
    for it in ratios:
        j = head.index(next(h for h in head if h and h.startswith(f"{it.code} – tử số")))
        col, den_col = get_column_letter(j + 1), get_column_letter(j + 2)
        assert head[j + 1].startswith(f"{it.code} – mẫu số") and head[j + 2] == f"{it.code} – tỷ lệ"
        for i, v in enumerate(done, 2):
            parts = ans.ratio_parts(m.cells[v.id][it.code].value)
            assert (ws.cell(i, j + 1).value, ws.cell(i, j + 2).value) == (parts or (None, None))
        assert ws.cell(total_row, j + 1).value == f"=SUM({col}2:{col}{total_row - 1})"
        assert ws.cell(total_row, j + 3).value == (
            f'=IF({den_col}{total_row}>0,{col}{total_row}/{den_col}{total_row},"")'
        )
    # the matrix's last row: the same province-wide rates and sums as values
    sheet = wb["Tổng hợp"]
    names = [c.value for c in sheet[1]]
    last = [c.value for c in list(sheet.iter_rows(min_row=sheet.max_row, max_row=sheet.max_row))[0]]
    assert last[0] == "Tỷ lệ chung, tổng số"
    sums = sm.figures(m)
    for it in m.items:
        value = last[names.index(f"{it.code}. {it.text_vi}")]
        if it.type == "ratio":
            num = sum((ans.ratio_parts(m.cells[v.id][it.code].value) or (0, 0))[0] for v in done)
            den = sum((ans.ratio_parts(m.cells[v.id][it.code].value) or (0, 0))[1] for v in done)
            assert value == pytest.approx(num / den) and sums[it.code].rate == pytest.approx(num / den)
        elif it.type == "count":
            assert value == sum(int(m.cells[v.id][it.code].value) for v in done)
        else:
            assert value is None
