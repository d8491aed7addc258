"""The báo cáo of an inspection (summary -o x.docx): an administrative document in NĐ 30/2020
format, read back from its XML, its sections in order, its figures summed from the communes."""

from __future__ import annotations

import re
import unicodedata
import zipfile

import pytest

from inspector import answers as ans
from inspector import checklist as cl
from inspector import errors as E
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import report as rp
from inspector import summary as sm
from inspector.text import fold
from tests.test_minutes import NS, W, _rules, _text, _xml

ON = "2026-11-30"


def _insp(db):
    return ins.list_inspections(db)[0]


@pytest.fixture
def report(demo_db, tmp_path):
    insp = _insp(demo_db)
    return demo_db, insp, rp.write_report(demo_db, insp.id, tmp_path / "bao-cao.docx", on=ON)


def _paragraphs(path) -> list[str]:
    """The body's paragraphs outside tables, in order."""
    body = _xml(path).find("w:body", NS)
    return [_text(p) for p in body.findall("w:p", NS)]


def _all_text(path) -> str:
    return "\n".join(_text(p) for p in _xml(path).iter(W + "p"))


def test_page_fonts_and_page_numbers_as_the_minutes(report):
    _, _, out = report
    doc = _xml(out)
    sects = doc.findall(".//w:sectPr", NS)
    for s in sects:
        mar = s.find("w:pgMar", NS)
        assert [int(mar.get(W + k)) for k in ("top", "bottom", "left", "right")] == [1134, 1134, 1701, 850]
        assert s.find("w:titlePg", NS) is not None  # page numbers from page 2
    styles = _xml(out, "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    assert rpr.find("w:rFonts", NS).get(W + "ascii") == "Times New Roman"
    assert rpr.find("w:lang", NS).get(W + "val") == "vi-VN"
    core = zipfile.ZipFile(out).read("docProps/core.xml").decode()
    assert "<dc:language>vi-VN</dc:language>" in core and "<dc:title>Báo cáo kết quả kiểm tra" in core
    assert "2013" not in core


def test_header_block_number_place_and_date(report):
    _, _, out = report
    first = _xml(out).find("w:body", NS)[0]
    assert first.tag == W + "tbl"
    rows = first.findall("w:tr", NS)
    left, right = (_text(tc) for tc in rows[0].findall("w:tc", NS))
    assert left.startswith("UBND TỈNH KHÁNH HÒA") and "ĐOÀN KIỂM TRA" in left
    assert right.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and "Độc lập - Tự do - Hạnh phúc" in right
    number, place = (_text(tc) for tc in rows[1].findall("w:tc", NS))
    assert re.match(r"Số:\s+/BC-ĐKT$", number)
    assert place == "Khánh Hòa, ngày 30 tháng 11 năm 2026"  # the province of the body above the delegation
    borders = first.find("w:tblPr/w:tblBorders", NS)
    assert all(e.get(W + "val") in ("nil", "none") for e in borders)
    rules = _rules(_xml(out))
    assert [r[0] for r in rules] == [
        "CẢI CÁCH HÀNH CHÍNH",
        "Độc lập - Tự do - Hạnh phúc",
        "Kết quả kiểm tra công tác cải cách hành chính năm 2026",
    ]


def test_sections_in_order_and_the_title_said_once(report):
    db, insp, out = report
    paras = _paragraphs(out)
    order = [
        "BÁO CÁO",
        "Kết quả kiểm tra công tác cải cách hành chính năm 2026",
        "I. KHÁI QUÁT CHUNG",
        "II. KẾT QUẢ KIỂM TRA",
        "III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "1. Tồn tại, hạn chế",
        "2. Nguyên nhân",
        "IV. KIẾN NGHỊ, ĐỀ XUẤT",
    ]
    where = [paras.index(h) for h in order]
    assert where == sorted(where)
    text = _all_text(out)
    assert text.count("Kiểm tra công tác cải cách hành chính năm 2026") == 0  # never "Kết quả …: Kiểm tra …"
    # the areas in the checklist's order, between II and III
    checklist = cl.get(db, insp.checklist_version)
    areas = [f"{n}. {g.title_vi}" for n, g in enumerate((g for g in checklist.groups if g.code != "G"), 1)]
    found = [paras.index(a) for a in areas]
    assert found == sorted(found) and where[3] < found[0] and found[-1] < where[4]
    # signature and Nơi nhận after the body
    assert "TM. ĐOÀN KIỂM TRA" in text and "TRƯỞNG ĐOÀN" in text and "Nguyễn Văn Hùng" in text
    assert "- Chủ tịch UBND tỉnh Khánh Hòa (để báo cáo);" in text and "- Sở Nội vụ (để tổng hợp);" in text
    assert "- Lưu: VT, Hồ sơ Đoàn." in text
    assert unicodedata.normalize("NFC", text) == text
    assert "Tổng số kết quả đã chấm" not in text  # machine language


def test_rates_sum_the_numerators_and_denominators_of_the_finished_communes_only(report):
    db, insp, out = report
    text = _all_text(out)
    m = sm.matrix(db, insp.id)
    (unfinished,) = m.unfinished
    assert f"xã {unfinished.commune} (" in text and "không tính vào các số liệu" in text
    checked = 0
    for it in (it for it in m.items if it.type == "ratio"):
        parts = [ans.ratio_parts(m.cells[v.id][it.code].value) for v in m.visits if v.id in m.complete]
        parts = [p for p in parts if p]
        if not parts:
            continue
        num, den = sum(p[0] for p in parts), sum(p[1] for p in parts)
        expected = f"{it.text_vi}: {ans.grouped(num)}/{ans.grouped(den)} ("
        assert expected in text, expected
        every = ans.ratio_parts(m.cells[unfinished.id][it.code].value)
        if every:  # the same sum with the unfinished commune would read otherwise
            assert f"{ans.grouped(num + every[0])}/{ans.grouped(den + every[1])} (" not in text
        checked += 1
    assert checked >= 10


def test_the_communes_that_fail_an_item_are_named_under_its_area(report):
    db, insp, out = report
    text = _all_text(out)
    m = sm.matrix(db, insp.id)
    failing = [t for t in m.totals.values() if t.failed]
    assert failing
    for t in failing:
        assert f"{t.sentence} ({t.item.code}): " + ", ".join("xã " + c for c in t.failed_communes) + "." in text


def test_the_same_finding_of_several_communes_is_said_once_with_them(report):
    db, insp, out = report
    text = _all_text(out)
    m = sm.matrix(db, insp.id)
    by_text: dict[str, list[str]] = {}
    for v in m.visits:
        if v.id in m.complete:
            for f in m.findings[v.id]:
                if f.kind == "ton_tai":
                    by_text.setdefault(f.text, []).append(v.commune)
    assert any(len(c) > 1 for c in by_text.values())
    for t, communes in by_text.items():
        assert text.count(t) == 1
        assert f"- {t} (xã {', '.join(communes)})." in text


def test_a_giam_sat_report_uses_its_own_words(demo_db, tmp_path):
    insp = _insp(demo_db)
    ins.update_inspection(demo_db, insp.id, kind="giam_sat", author="t")
    out = rp.write_report(demo_db, insp.id, tmp_path / "gs.docx", on=ON)
    text = _all_text(out)
    assert "/BC-ĐGS" in text and "II. KẾT QUẢ GIÁM SÁT" in text and "TM. ĐOÀN GIÁM SÁT" in text
    assert "Thường trực HĐND tỉnh Khánh Hòa (để báo cáo)" in text and "KIỂM TRA" not in text.replace("ĐOÀN KIỂM", "")


def test_a_set_with_points_ranks_the_communes_in_a_table(demo_db, tmp_path):
    from inspector import demo

    c26 = cl.get(demo_db, "CCHC-XA-2026.1")
    insp = ins.create_inspection(demo_db, title="Kiểm tra năm 2026", checklist_version=c26.id, author="t")
    for k, name in enumerate(("Ninh Xuân", "Ninh Đa", "Ninh Hòa")):
        v = ins.add_visit(demo_db, insp.id, commune=name, province="Khánh Hòa", date=f"2026-11-1{k}", author="t")
        import random

        rng = random.Random(k)
        ans.set_answers(
            demo_db,
            v.id,
            [ans.AnswerInput(it.code, demo._value(it, rng)) for it in c26.items if it.type != "text"],
            author="t",
        )
        ins.update_visit(demo_db, v.id, status="done", author="t")
    m = sm.matrix(demo_db, insp.id)
    assert len(m.scores) == 3
    out = rp.write_report(demo_db, insp.id, tmp_path / "xh.docx", on=ON)
    tables = _xml(out).findall(".//w:body/w:tbl", NS)
    ranking = next(t for t in tables if _text(t.find("w:tr", NS)).startswith("Hạng"))
    rows = [[_text(tc) for tc in tr.findall("w:tc", NS)] for tr in ranking.findall("w:tr", NS)[1:]]
    assert [r[1] for r in rows] == [v.commune for v in m.ranking()]
    assert [r[0] for r in rows] == [str(m.ranks[v.id]) for v in m.ranking()]
    assert ranking.find("w:tr/w:trPr/w:tblHeader", NS) is not None  # its heading repeats on a new page
    assert "Kết quả chấm điểm, xếp hạng" in _all_text(out)


def test_an_office_copy_of_the_template_renders_and_a_broken_one_is_refused(demo_db, tmp_path):
    insp = _insp(demo_db)
    copy = tmp_path / "mau.docx"
    copy.write_bytes(rp.TEMPLATE.read_bytes())
    out = rp.write_report(demo_db, insp.id, tmp_path / "a.docx", template=copy, on=ON)
    assert "IV. KIẾN NGHỊ, ĐỀ XUẤT" in _all_text(out)
    data = zipfile.ZipFile(copy).read("word/document.xml").decode()
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(copy) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = data.replace("{{ ket_thuc }}", "{{ ket_thuc_khac }}").encode()
            dst.writestr(info, blob)
    with pytest.raises(E.TemplateError) as err:
        rp.write_report(demo_db, insp.id, tmp_path / "b.docx", template=bad, on=ON)
    assert "ket_thuc_khac" in str(err.value)
    assert not (tmp_path / "b.docx").exists()
    rp.check_template(copy)
    with pytest.raises(E.TemplateError):
        rp.check_template(bad)


def test_a_report_open_in_word_is_not_overwritten(demo_db, tmp_path):
    insp = _insp(demo_db)
    out = tmp_path / "bc.docx"
    out.write_bytes(b"old")
    (tmp_path / "~$bc.docx").write_text("lock")
    with pytest.raises(E.OutputLocked) as err:
        sm.write(demo_db, insp.id, out)
    assert out.read_bytes() == b"old" and err.value.suggestion.endswith("bc (2).docx")


def test_no_sentence_of_the_report_reads_a_negated_criterion_backwards(demo_db, tmp_path):
    """Every judged item of both shipped sets failed somewhere: no sentence puts "chưa" or "không
    đạt" before the item's own negation (a double negative); such criteria are quoted."""
    checked = negated = 0
    for version in ("CCHC-XA-2025.1", "CCHC-XA-2026.1"):
        c = cl.get(demo_db, version)
        insp = ins.create_inspection(demo_db, title=f"Kiểm tra {version}", checklist_version=c.id, author="t")
        v = ins.add_visit(demo_db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-17", author="t")
        bad = {"assessment": "khong_dat", "yesno": "khong"}
        ans.set_answers(
            demo_db, v.id, [ans.AnswerInput(it.code, bad[it.type]) for it in c.items if it.type in bad], author="t"
        )
        ins.update_visit(demo_db, v.id, status="done", author="t")
        text = _all_text(rp.write_report(demo_db, insp.id, tmp_path / f"{version}.docx", on=ON))
        for sentence in re.split(r"(?<=[.;])\s+|\n", text):
            s = re.sub(r"«[^»]*»", "«»", fold(sentence))  # a quoted criterion reads as a name
            assert not re.search(r"\b(chua|chua dat|khong dat):? (khong|chua)\b", s), sentence
        checked += sum(1 for it in c.items if it.type in bad)
        negated += sum(1 for it in c.items if it.type in bad and fold(it.text_vi).startswith(("khong ", "chua ")))
    assert checked > 50 and negated >= 1  # the sets hold criteria worded as a negation


def test_recommendations_are_addressed_to_their_communes_once(report):
    db, insp, out = report
    text = _all_text(out)
    m = sm.matrix(db, insp.id)
    by_text: dict[str, list[str]] = {}
    for v in (v for v in m.visits if v.id in m.complete):
        for f in m.findings[v.id]:
            if f.kind == "kien_nghi":
                by_text.setdefault(f.text, []).append(v.commune)
    assert any(len(c) > 1 for c in by_text.values())
    for t, communes in by_text.items():
        assert f"- Xã {', '.join(communes)}: {t[0].lower() + t[1:]}" in text


def test_no_sentence_of_the_minutes_reads_a_negated_criterion_backwards(demo_db, tmp_path):
    """The biên bản's account of each area, with every judged item of both shipped sets failed or
    partly met: no "chưa"/"không đạt" before the item's own negation."""
    checked = 0
    for version in ("CCHC-XA-2025.1", "CCHC-XA-2026.1"):
        c = cl.get(demo_db, version)
        insp = ins.create_inspection(demo_db, title=f"Kiểm tra {version}", checklist_version=c.id, author="t")
        v = ins.add_visit(demo_db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-17", author="t")
        judged = [it for it in c.items if it.type in ("assessment", "yesno")]
        values = [
            "khong" if it.type == "yesno" else ("khong_dat" if n % 2 else "dat_mot_phan") for n, it in enumerate(judged)
        ]
        ans.set_answers(demo_db, v.id, [ans.AnswerInput(it.code, x) for it, x in zip(judged, values)], author="t")
        out = mn.write_minutes(demo_db, v.id, tmp_path / f"bb-{version}.docx")
        body = _all_text(out).split("Phụ lục I")[0]
        for it in judged:
            assert f"({it.code})" in body, it.code
        for sentence in re.split(r"(?<=[.;])\s+|\n", body):
            s = re.sub(r"«[^»]*»", "«»", fold(sentence))
            assert not re.search(r"\b(chua|chua dat|khong dat):? (khong|chua)\b", s), sentence
        checked += len(judged)
    assert checked > 50
