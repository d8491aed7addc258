"""The minutes (biên bản) in Word: the numbers of bien-ban-format.md read back from the XML."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import errors as E
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import photos as ph
from inspector.cli import cli
from tests.conftest import PHOTOS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def _ninh_xuan(db):
    return next(v for v in ins.visits(db) if v.commune == "Ninh Xuân")


@pytest.fixture
def written(demo_db, tmp_path):
    v = _ninh_xuan(demo_db)
    out = mn.write_minutes(demo_db, v.id, tmp_path / mn.default_filename(v))
    return demo_db, v, out


def _xml(path: Path, part: str = "word/document.xml"):
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(part))


def _text(el) -> str:
    return "".join(t.text or "" for t in el.iter(W + "t"))


def _val(el, path: str):
    found = el.find(path, NS)
    return None if found is None else found.get(W + "val")


def test_file_name_is_safe_and_from_commune_and_date(demo_db):
    v = _ninh_xuan(demo_db)
    assert mn.default_filename(v) == "BB_Ninh-Xuan_2026-11-17.docx"


def test_page_margins_and_page_numbers_from_page_two(written):
    _, _, out = written
    doc = _xml(out)
    sects = doc.findall(".//w:sectPr", NS)
    assert sects
    for s in sects:
        pg = s.find("w:pgSz", NS)
        assert abs(int(pg.get(W + "w")) - 11906) <= 2 and abs(int(pg.get(W + "h")) - 16838) <= 2
        assert pg.get(W + "orient") in (None, "portrait")
        mar = s.find("w:pgMar", NS)
        assert [int(mar.get(W + k)) for k in ("top", "bottom", "left", "right")] == [1134, 1134, 1701, 850]
        assert s.find("w:titlePg", NS) is not None
    rels = _xml(out, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    refs = {
        h.get(W + "type"): target[h.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
        for h in sects[-1].findall("w:headerReference", NS)
    }
    first = _xml(out, "word/" + refs["first"])
    assert "PAGE" not in etree.tostring(first).decode() and not re.search(r"\d", _text(first))
    default = _xml(out, "word/" + refs["default"])
    xml = etree.tostring(default).decode()
    assert "PAGE" in xml
    p = default.find(".//w:p", NS)
    assert _val(p, "w:pPr/w:jc") == "center"
    assert _val(default, ".//w:sz") in ("26", "28")


def test_times_new_roman_black_vietnamese_no_caps_tricks(written):
    _, _, out = written
    styles = _xml(out, "word/styles.xml")
    rpr = styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    assert all(fonts.get(W + k) == "Times New Roman" for k in ("ascii", "hAnsi", "cs", "eastAsia"))
    assert rpr.find("w:lang", NS).get(W + "val") == "vi-VN"
    for part in ("word/styles.xml", "word/document.xml"):
        root = _xml(out, part)
        for f in root.iter(W + "rFonts"):
            assert not any(f.get(W + a) for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))
            assert all(f.get(W + a) in (None, "Times New Roman") for a in ("ascii", "hAnsi", "cs", "eastAsia"))
        for c in root.iter(W + "color"):
            assert c.get(W + "val") in ("000000", "auto")
        assert not list(root.iter(W + "highlight"))
        assert not list(root.iter(W + "caps")) and not list(root.iter(W + "smallCaps"))


def test_header_table_borderless_with_number_and_zero_padded_date(written):
    _, _, out = written
    doc = _xml(out)
    body = doc.find("w:body", NS)
    first = body[0]
    assert first.tag == W + "tbl", "the document starts with the header table"
    cols = [int(g.get(W + "w")) for g in first.findall("w:tblGrid/w:gridCol", NS)]
    assert abs(cols[0] - 3402) <= 170 and abs(cols[1] - 5953) <= 300
    borders = first.find("w:tblPr/w:tblBorders", NS)
    assert all(e.get(W + "val") in ("nil", "none") for e in borders)
    assert not list(first.iter(W + "tcBorders"))
    rows = first.findall("w:tr", NS)
    row2 = [_text(tc) for tc in rows[1].findall("w:tc", NS)]
    assert re.match(r"Số:\s+/BB-ĐKT$", row2[0])
    assert row2[1] == "Khánh Hòa, ngày 17 tháng 11 năm 2026"
    right = rows[0].findall("w:tc", NS)[1]
    texts = [_text(p) for p in right.findall("w:p", NS)]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts and "Độc lập - Tự do - Hạnh phúc" in texts
    for p in right.findall("w:p", NS):
        if _text(p) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM":
            assert _val(p, "w:r/w:rPr/w:sz") == "24" and p.find("w:r/w:rPr/w:b", NS) is not None
        if _text(p) == "Độc lập - Tự do - Hạnh phúc":
            assert _val(p, "w:r/w:rPr/w:sz") == "26"


def _rules(doc):
    out = []
    for p in doc.iter(W + "p"):
        if p.find("w:pPr/w:pBdr/w:top", NS) is not None:
            ind = p.find("w:pPr/w:ind", NS)
            tc = p.getparent()
            width = int(tc.find("w:tcPr/w:tcW", NS).get(W + "w")) if tc.tag == W + "tc" else 9355
            prev = p.getprevious()
            out.append(
                (
                    _text(prev),
                    width - int(ind.get(W + "left")) - int(ind.get(W + "right")),
                    int(prev.find(".//w:sz", NS).get(W + "val")) / 2,
                )
            )
    return out


def test_short_lines_under_name_tieu_ngu_and_subject(written):
    _, _, out = written
    rules = _rules(_xml(out))
    assert len(rules) == 3
    for above, length, size in rules:
        text_w = min(mn.text_width(above, size), 9355)
        if above == "Độc lập - Tự do - Hạnh phúc":
            assert 0.95 <= length / text_w <= 1.05
        else:
            assert 1 / 3 <= length / min(text_w, 3402 if size == 12 else 9355) <= 1 / 2, above


def test_title_body_paragraphs_and_closing(written):
    _, _, out = written
    doc = _xml(out)
    body = doc.find("w:body", NS)
    paras = [p for p in body.findall("w:p", NS)]
    texts = [_text(p) for p in paras]
    i = texts.index("BIÊN BẢN")
    for p in (paras[i], paras[i + 1]):
        assert _val(p, "w:pPr/w:jc") == "center" and _val(p, "w:r/w:rPr/w:sz") == "28"
        assert p.find("w:r/w:rPr/w:b", NS) is not None
    # the commune's name is held together (no-break spaces): the subject line never breaks inside it
    assert texts[i + 1].startswith(
        "Kiểm tra công tác cải cách hành chính năm 2026 tại Ủy ban nhân dân xã\u00a0Ninh\u00a0Xuân"
    )
    body_paras = [p for p, t in zip(paras, texts) if t and _val(p, "w:pPr/w:jc") == "both"]
    assert len(body_paras) > 15
    for p in body_paras:
        assert p.find("w:pPr/w:ind", NS).get(W + "firstLine") in ("567", "720")
        sp = p.find("w:pPr/w:spacing", NS)
        assert int(sp.get(W + "after")) >= 120 and 240 <= int(sp.get(W + "line")) <= 360
        assert sp.get(W + "lineRule") == "auto"
        assert _val(p, "w:r/w:rPr/w:sz") == "28"
    for heading in (
        "I. THÀNH PHẦN",
        "II. NỘI DUNG KIỂM TRA",
        "III. KẾT QUẢ KIỂM TRA",
        "IV. NHẬN XÉT, ĐÁNH GIÁ CHUNG",
        "V. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC",
        "VI. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA",
    ):
        assert heading in texts and heading == heading.upper()
    sig = next(t for t in body.findall("w:tbl", NS) if "TRƯỞNG ĐOÀN KIỂM TRA" in _text(t))
    before = sig.getprevious()
    assert _text(before).endswith("./.")
    assert before.find("w:pPr/w:keepNext", NS) is not None
    assert all(e.get(W + "val") in ("nil", "none") for e in sig.find("w:tblPr/w:tblBorders", NS))
    names = [p for p in sig.iter(W + "p") if _text(p) in ("Nguyễn Văn Hùng", "Phạm Thu Hà", "Hoàng Văn Nam")]
    assert len(names) == 3
    for p in names:
        assert int(p.find("w:pPr/w:spacing", NS).get(W + "before")) >= 1418
        assert p.find("w:r/w:rPr/w:b", NS) is not None and _val(p, "w:r/w:rPr/w:sz") == "28"
    # Nơi nhận
    k = texts.index("Nơi nhận:")
    assert paras[k].find("w:r/w:rPr/w:b", NS) is not None and paras[k].find("w:r/w:rPr/w:i", NS) is not None
    assert _val(paras[k], "w:r/w:rPr/w:sz") == "24"
    recipients = []
    for p in paras[k + 1 :]:
        if not texts[paras.index(p)].startswith("- "):
            break
        recipients.append(p)
    assert len(recipients) >= 3
    for p in recipients[:-1]:
        assert _text(p).endswith(";") and _val(p, "w:r/w:rPr/w:sz") == "22"
    assert _text(recipients[-1]).startswith("- Lưu:") and _text(recipients[-1]).endswith(".")


def test_every_answer_printed_and_dates_zero_padded(written):
    db, v, out = written
    doc = _xml(out)
    full = "\n".join(_text(p) for p in doc.iter(W + "p"))
    checklist = cl.get(db, v.checklist_version)
    answers = ans.answers_for_visit(db, v.id)
    result_rows = {}
    for tbl in doc.iter(W + "tbl"):
        for tr in tbl.findall("w:tr", NS):
            cells = [_text(tc) for tc in tr.findall("w:tc", NS)]
            if len(cells) == 5 and re.fullmatch(r"[A-F]\d+", cells[1]):
                result_rows[cells[1]] = cells[3]
    for it in checklist.items:
        if it.group == "G":
            continue
        a = answers.get(it.code)
        expected = ans.display(it, a.value, document=True) if a and a.value else "—"
        assert result_rows[it.code] == expected, it.code
    assert "1.076/1.179 (91,3%)" in result_rows.values()  # thousands grouped with dots, as documents write them
    for m in re.finditer(r"ngày (\S+) tháng (\S+) năm (\w+)", full):
        assert re.fullmatch(
            r"(0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm [0-9]{4}",
            f"{m.group(1)} tháng {m.group(2)} năm {m.group(3)}",
        ) or "…" in m.group(0), m.group(0)
    for t in doc.iter(W + "t"):
        assert t.text is None or unicodedata.normalize("NFC", t.text) == t.text
        assert t.text is None or not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", t.text)


def _expected_dates(day: int, month: int, year: int) -> tuple[str, str]:
    """NĐ 30/2020: days 01–09 with a zero; months 01 and 02 with a zero, months 3–12 without."""
    d = f"{day:02d}"
    m = f"{month:02d}" if month <= 2 else str(month)
    return f"ngày {d} tháng {m} năm {year}", f"{d}/{m}/{year}"


def test_every_day_of_a_leap_year_is_padded_by_the_decree():
    import datetime

    day = datetime.date(2028, 1, 1)
    while day.year == 2028:
        long, short = _expected_dates(day.day, day.month, day.year)
        assert mn.long_date(day.isoformat()) == long, day
        assert mn.short_date(day.isoformat()) == short, day
        day += datetime.timedelta(days=1)
    assert mn.long_date("2026-02-05") == "ngày 05 tháng 02 năm 2026"
    assert mn.long_date("2026-03-09") == "ngày 09 tháng 3 năm 2026"
    assert mn.short_date("2026-06-30") == "30/6/2026"
    assert mn.short_date("2026-01-01") == "01/01/2026"
    assert mn.long_date("") == "ngày … tháng … năm …"


@pytest.mark.parametrize("date", ["2026-02-05", "2026-03-09", "2026-10-01", "2026-01-31"])
def test_the_document_writes_short_days_and_months_by_the_decree(demo_db, tmp_path, date):
    """The demo visit's date (17/11) needs no padding; these dates do, in the header (place and
    date) and the opening paragraph."""
    v = _ninh_xuan(demo_db)
    ins.update_visit(demo_db, v.id, date=date)
    out = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx")
    full = "\n".join(_text(p) for p in _xml(out).iter(W + "p"))
    y, m, d = (int(x) for x in date.split("-"))
    long, _ = _expected_dates(d, m, y)
    assert f"Khánh Hòa, {long}" in full
    assert "Hôm nay, vào hồi" in full and f", {long}, tại" in full
    found = re.findall(r"ngày (\S+) tháng (\S+) năm (\d{4})", full)
    assert len(found) >= 2
    for day, month, _ in found:
        assert re.fullmatch(r"0[1-9]|[12][0-9]|3[01]", day), found
        assert re.fullmatch(r"0[12]|[3-9]|1[0-2]", month), found


def test_one_image_per_photo_in_an_appendix_numbered_from_one(written):
    db, v, out = written
    doc = _xml(out)
    atts = ph.attachments(db, v.id)
    assert len(atts) == 4
    assert len(list(doc.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))) == len(atts)
    sects = doc.findall(".//w:sectPr", NS)
    assert len(sects) == 3  # the body, Phụ lục I (the sheet), Phụ lục II (the photos)
    assert sects[0].find("w:pgNumType", NS) is None
    for s in sects[1:]:  # each appendix numbered from 1
        assert _val(s, "w:pgNumType") is None and s.find("w:pgNumType", NS).get(W + "start") == "1"
    assert _val(sects[-1], "w:type") in (None, "nextPage")
    captions = [t for t in (_text(p) for p in doc.iter(W + "p")) if t.startswith("Ảnh ")]
    assert captions[0].startswith("Ảnh 1. B1 –") and len(captions) == 4
    with zipfile.ZipFile(out) as z:
        media = [i for i in z.infolist() if i.filename.startswith("word/media/")]
        assert len(media) == 4 and all(i.compress_type == zipfile.ZIP_STORED for i in media)
        stored = {ph.photo_bytes(db, a.photo_sha256) for a in atts}
        assert {z.read(i) for i in media} == stored, "the stored downscaled photos, never the originals"


def test_same_visit_gives_the_same_document_xml(written, tmp_path):
    db, v, out = written
    again = mn.write_minutes(db, v.id, tmp_path / "again.docx")
    with zipfile.ZipFile(out) as a, zipfile.ZipFile(again) as b:
        assert a.read("word/document.xml") == b.read("word/document.xml")


def test_giam_sat_words(demo_db, tmp_path):
    v = _ninh_xuan(demo_db)
    ins.update_inspection(demo_db, v.inspection_id, kind="giam_sat")
    out = mn.write_minutes(demo_db, v.id, tmp_path / "gs.docx")
    text = _text(_xml(out))
    assert "BB-ĐGS" in text and "TRƯỞNG ĐOÀN GIÁM SÁT" in text and "KẾT QUẢ GIÁM SÁT" in text
    assert "yêu cầu khắc phục" not in text.lower()
    assert "Làm việc của Đoàn giám sát với Ủy ban nhân dân xã\u00a0Ninh\u00a0Xuân" in text
    assert "Nội dung giám sát" in text and "Nội dung kiểm tra" not in text  # the tables' heading too


def test_the_header_names_the_province_and_the_appendix_names_the_minutes(demo_db, tmp_path):
    v = _ninh_xuan(demo_db)
    ins.update_inspection(demo_db, v.inspection_id, parent_agency="")
    doc = _xml(mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx"))
    paragraphs = ["".join(t.text or "" for t in p.iter(W + "t")) for p in doc.iter(W + "p")]
    assert "UBND TỈNH KHÁNH HÒA" in paragraphs and "UBND TỈNH" not in paragraphs
    assert any(p.startswith("(Kèm theo Biên bản số") and "/BB-ĐKT ngày 17 tháng 11 năm 2026" in p for p in paragraphs)
    ins.update_visit(demo_db, v.id, province="")
    ctx = mn.context(demo_db, v.id)
    assert ctx["co_quan_chu_quan"] == ["UBND TỈNH"]  # nothing to name: the bare header, never a stray space
    # the result table's first column is wide enough for "STT" on one line
    grid = [int(c.get(W + "w")) for c in doc.iter(W + "gridCol")]
    assert 700 in grid and 600 not in grid


def _broken(src: Path, out: Path, old: str, new: str) -> Path:
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(out, "w") as o:
        for i in z.infolist():
            d = z.read(i.filename)
            if i.filename == "word/document.xml":
                d = d.replace(old.encode(), new.encode(), 1)
            o.writestr(i, d)
    return out


@pytest.mark.parametrize(
    "old,new,words",
    [
        ("{{ mo_dau }}", "{{ mo_dau }} {{ ten_chu_tich }}", ["ten_chu_tich", "paragraph"]),
        ("{{ ket_thuc }}", "{{ ket_thuc }", ["never closed", "paragraph"]),
        ("{{ mo_dau }}", "{{ mo_dau.__class__.__mro__ }}", ["__class__"]),
    ],
)
def test_a_template_with_an_error_is_refused_naming_it_and_nothing_is_written(demo_db, tmp_path, old, new, words):
    tpl = _broken(mn.DEFAULT_TEMPLATE["kiem_tra"], tmp_path / "mau.docx", old, new)
    v = _ninh_xuan(demo_db)
    out = tmp_path / "out" / "bb.docx"
    with pytest.raises(E.TemplateError) as err:
        mn.write_minutes(demo_db, v.id, out, template=tpl)
    for w in words:
        assert w in str(err.value)
    assert not out.exists() and not any((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True


def test_an_office_template_copy_renders(demo_db, tmp_path):
    tpl = tmp_path / "mau-so-noi-vu.docx"
    shutil.copy(mn.DEFAULT_TEMPLATE["kiem_tra"], tpl)
    v = _ninh_xuan(demo_db)
    out = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx", template=tpl)
    assert "Ninh Xuân" in _text(_xml(out))


def test_a_file_open_in_word_is_not_overwritten(demo_db, tmp_path):
    v = _ninh_xuan(demo_db)
    out = tmp_path / "BB.docx"
    out.write_bytes(b"old")
    (tmp_path / "~$BB.docx").write_bytes(b"lock")
    with pytest.raises(E.OutputLocked) as err:
        mn.write_minutes(demo_db, v.id, out)
    assert out.read_bytes() == b"old"
    assert err.value.suggestion.endswith("BB (2).docx")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_signing_freezes_the_visit_and_keeps_the_printed_code(written):
    db, v, out = written
    footer_code = re.search(
        r"Mã đối chiếu: (\S+)",
        "\n".join(_text(_xml(out, n)) for n in zipfile.ZipFile(out).namelist() if n.startswith("word/footer")),
    )
    signed = mn.sign_visit(db, v.id)
    assert signed.frozen and signed.version_code == footer_code.group(1)
    with pytest.raises(E.VisitFrozen):
        ans.set_answer(db, v.id, "B2", "khong_dat")
    ans.set_answer(db, v.id, "B2", "khong_dat", reason="Sửa sau khi ký: đoàn kiểm tra lại")
    assert mn.version_code(db, v.id) != signed.version_code, "an amendment changes the code on the next print"


def test_cli_minutes_and_sign(demo_path, tmp_path):
    db = inspector.open_db(demo_path)
    vid = _ninh_xuan(db).id
    db.close()
    out = tmp_path / "bb.docx"
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "minutes", vid[:8], "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert out.exists()
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "minutes", vid[:8], "-o", str(tmp_path / "x.pdf")])
    assert isinstance(r.exception, E.InvalidInput) and ".docx" in str(r.exception)
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "sign", vid[:8]])
    assert r.exit_code == 0 and "mã đối chiếu" in r.output


def test_word_opens_it_without_repair_schema_validation(written):
    """The .docx is valid against the Office Open XML schemas (openxml-audit)."""
    from openxml_audit import OpenXmlValidator

    _, _, out = written
    result = OpenXmlValidator().validate(str(out))
    assert result.error_count == 0, [(e.part_uri, e.path, str(e)) for e in result.errors][:5]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_libreoffice_makes_a_pdf_with_the_vietnamese_text(written):
    _, _, out = written
    pdf = mn.to_pdf(out)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 6 <= pages <= 14
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    text = unicodedata.normalize("NFC", text)
    for s in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "BIÊN BẢN",
        "Ủy ban nhân dân xã Ninh Xuân",
        "Nguyễn Văn Hùng",
        "HÌNH ẢNH KIỂM TRA",
    ):
        assert s in text, s


@pytest.mark.skipif(not PHOTOS.exists(), reason="no real photos")
def test_forty_photos_at_print_size_file_not_much_bigger_than_them(demo_db, tmp_path):
    v = next(x for x in ins.visits(demo_db) if x.commune == "Đồng Hóa")
    files = sorted((PHOTOS / "jpg" / "gps").glob("*.jpg")) + sorted((PHOTOS / "jpg" / "orientation").glob("*.jpg"))
    ph.import_files(demo_db, v.id, files, item_code="B1")
    atts = ph.attachments(demo_db, v.id)
    out = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx")
    photo_bytes = sum(a.size for a in atts)
    assert out.stat().st_size <= photo_bytes + 100_000


def test_a_photo_of_another_day_says_so_in_the_appendix_and_a_photo_without_a_date_never_takes_the_import_time(
    demo_db, tmp_path
):
    """The demo visit is on 17/11/2026; a camera photo from 2008 is marked in the appendix until
    the inspector confirms it; a picture whose file holds no date says "không rõ thời gian chụp"."""
    import io

    from PIL import Image

    from inspector import photos as ph
    from tests.conftest import PHOTOS

    v = _ninh_xuan(demo_db)
    old = ph.import_files(demo_db, v.id, [PHOTOS / "jpg" / "gps" / "DSCN0021.jpg"], item_code="B5").imported[0]
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 200)).save(buf, "JPEG")
    undated = tmp_path / "scan.jpg"
    undated.write_bytes(buf.getvalue())
    plain = ph.import_files(demo_db, v.id, [undated], item_code="B6").imported[0]
    assert plain.caption.endswith(", không rõ thời gian chụp") and ":" not in plain.caption.split(",")[-1]
    captions = [a[1] for g in mn._photo_groups(demo_db, v.id, cl.get(demo_db, None)) for a in g["anh"]]
    marked = next(c for c in captions if c.startswith(old.caption))
    assert marked.endswith("[ảnh chụp ngày 22/10/2008, khác ngày làm việc]")
    ph.confirm(demo_db, old.id)
    captions = [a[1] for g in mn._photo_groups(demo_db, v.id, cl.get(demo_db, None)) for a in g["anh"]]
    assert not any("khác ngày làm việc" in c for c in captions)


def test_the_founding_document_is_named_by_its_kind(demo_db, tmp_path):
    """A giám sát set up by a resolution of the People's Council: "Nghị quyết", not "Quyết định"."""
    import docx

    from inspector import summary as sm

    v = _ninh_xuan(demo_db)
    ins.update_inspection(demo_db, v.inspection_id, kind="giam_sat", decision_no="12/NQ-HĐND", legal_basis="")
    assert mn.context(demo_db, v.id)["can_cu"][0].startswith("Căn cứ Nghị quyết số 12/NQ-HĐND ngày 30 tháng 10")
    out = sm.write(demo_db, v.inspection_id, tmp_path / "bc.docx")
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert "Thực hiện Nghị quyết số 12/NQ-HĐND" in text and "Quyết định số 12/NQ" not in text


def test_noi_nhan_reports_to_the_body_that_set_the_delegation_up(demo_db):
    v = _ninh_xuan(demo_db)
    lines = mn.context(demo_db, v.id)["noi_nhan"]
    assert lines[1] == "- Chủ tịch UBND tỉnh Khánh Hòa (để báo cáo);" and lines[2] == "- Sở Nội vụ (để tổng hợp);"
    ins.update_inspection(demo_db, v.inspection_id, kind="giam_sat", home_office="")
    lines = mn.context(demo_db, v.id)["noi_nhan"]
    assert lines[1] == "- Thường trực HĐND tỉnh Khánh Hòa (để báo cáo);" and not any("tổng hợp" in x for x in lines)
    assert lines[-1].startswith("- Lưu:") and lines[-1].endswith(".")


def test_people_are_named_ong_or_ba_entered_once_and_roles_in_one_case(demo_db, tmp_path):
    """The demo's people carry Ông or Bà; a person entered without it is named so when the same
    name was entered with it before (another inspection, another commune); nobody known: Ông (Bà)."""
    v = _ninh_xuan(demo_db)
    ctx = mn.context(demo_db, v.id)
    assert ctx["thanh_vien"][0] == "- Ông Nguyễn Văn Hùng, Phó Giám đốc Sở Nội vụ, Trưởng đoàn;"
    assert ctx["thanh_vien"][-1] == "- Bà Phạm Thu Hà, Chuyên viên Sở Nội vụ, Thư ký."
    assert ctx["dai_dien"][0] == "- Ông Hoàng Văn Nam, Chủ tịch UBND xã Ninh Xuân;"
    assert not any("Ông (Bà)" in line for line in ctx["thanh_vien"] + ctx["dai_dien"])
    other = ins.create_inspection(demo_db, title="Giám sát 2026", kind="giam_sat")
    ins.add_member(demo_db, other.id, name="Trần Thị Mai", role="truong_doan")  # no salutation typed
    ins.add_member(demo_db, other.id, name="Vũ Văn Mới", role="thanh_vien")
    w = ins.add_visit(
        demo_db, other.id, commune="Ninh Xuân", representatives=[{"name": "Đỗ Thị Lan", "position": "Công chức"}]
    )
    ctx = mn.context(demo_db, w.id)
    assert ctx["thanh_vien"] == ["- Bà Trần Thị Mai, Trưởng đoàn;", "- Ông (Bà) Vũ Văn Mới, Thành viên."]
    assert ctx["dai_dien"] == ["- Bà Đỗ Thị Lan, Công chức."]
    with pytest.raises(E.InvalidInput):
        ins.add_member(demo_db, other.id, name="Lê Văn Sai", salutation="Ngài")
    assert ins.salutation(" bà ") == "Bà" and ins.salutation("ONG") == "Ông" and ins.salutation(None) == ""


def test_a_dotted_line_for_handwriting_fits_one_line():
    """The dots under Ưu điểm or Ý kiến fill one line of the body, never wrapping into a stub."""
    assert mn.text_width(mn.DOTS, 14) <= 9355 - 567  # text width 165 mm, first-line indent 1 cm (twips)
    assert mn.text_width(mn.DOTS + "…", 14) > 9355 - 567 - 280  # and nearly fills it


def test_minutes_without_a_province_are_refused_on_the_command_line_and_asked_for_in_the_window(
    demo_db, demo_path, tmp_path
):
    from click.testing import CliRunner

    from inspector.cli import cli, main

    v = _ninh_xuan(demo_db)
    ins.update_visit(demo_db, v.id, province="")
    ins.update_inspection(demo_db, v.inspection_id, parent_agency="")
    g = mn.gaps(demo_db, v.id)
    assert g.essential == ("province",) and "province" in g.sections
    out = tmp_path / "bb.docx"
    assert main(["--db", str(demo_path), "minutes", v.id[:8], "-o", str(out)]) == 1 and not out.exists()
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "visit", v.id[:8], "--province", "Khánh Hòa"])
    assert r.exit_code == 0 and ins.get_visit(demo_db, v.id).province == "Khánh Hòa"
    assert mn.gaps(demo_db, v.id).essential == ()
    assert main(["--db", str(demo_path), "minutes", v.id[:8], "-o", str(out)]) == 0 and out.exists()


def test_signing_is_warned_of_an_item_not_met_that_no_finding_names(demo_db):
    v = _ninh_xuan(demo_db)
    for f in ins.findings(demo_db, v.id):
        ins.update_finding(demo_db, f.id, items="")
    failed = [
        code for code, a in ans.answers_for_visit(demo_db, v.id).items()
        if ans.is_failed(cl.get(demo_db, None).item(code), a.value)
    ]  # fmt: skip
    g = mn.gaps(demo_db, v.id)
    named_in_text = {c for c in failed if any(c in f.text for f in ins.findings(demo_db, v.id))}
    assert failed and set(g.unmentioned) == set(failed) - named_in_text
    first = next(c for c in failed if c not in named_in_text)
    ins.add_finding(demo_db, v.id, kind="ton_tai", text="Chưa khắc phục", items=f"{first}, ZZ9")
    assert first not in mn.gaps(demo_db, v.id).unmentioned
    ins.add_finding(demo_db, v.id, kind="kien_nghi", text="Khắc phục các tiêu chí " + ", ".join(failed))
    assert mn.gaps(demo_db, v.id).unmentioned == ()


def _body_paragraphs(doc) -> list[str]:
    return [_text(p) for p in doc.find("w:body", NS).findall("w:p", NS)]


def _result_tables(doc) -> list:
    return [t for t in doc.find("w:body", NS).findall("w:tbl", NS) if _text(t.find("w:tr", NS)).startswith("STTMã")]


def test_the_body_gives_an_account_of_each_area_and_the_full_sheet_is_phu_luc_i(written):
    db, v, out = written
    doc = _xml(out)
    paras = _body_paragraphs(doc)
    body_end = paras.index("Phụ lục I")
    assert paras[body_end + 1] == "PHIẾU KIỂM TRA" and paras[body_end + 2].startswith("(Kèm theo Biên bản số")
    assert paras.index("IV. NHẬN XÉT, ĐÁNH GIÁ CHUNG") < body_end and paras.index("Phụ lục II") > body_end
    # no table of results in the body: all of them after "Phụ lục I"
    body_children = list(doc.find("w:body", NS))
    pl1 = next(i for i, el in enumerate(body_children) if el.tag == W + "p" and _text(el) == "Phụ lục I")
    tables = _result_tables(doc)
    assert tables and all(body_children.index(t) > pl1 for t in tables)
    # each area's account in the body, drafted from the answers
    checklist = cl.get(db, v.checklist_version)
    answers = ans.answers_for_visit(db, v.id)
    failed = [
        it
        for it in checklist.items
        if it.group != "G" and ans.is_failed(it, answers[it.code].value if it.code in answers else None)
    ]
    assert failed
    body_text = "\n".join(paras[:body_end])
    for it in failed:
        assert f"({it.code})" in body_text, it.code
    ratio = next(it for it in checklist.items if it.type == "ratio" and it.code in answers)
    assert f"- {ratio.text_vi}: {ans.display(ratio, answers[ratio.code].value, document=True)}" in body_text
    rated = [it for it in checklist.items if it.group == "A" and it.type in ("assessment", "yesno")]
    met = sum(
        1 for it in rated if answers[it.code].value != "khong_ap_dung" and not ans.is_failed(it, answers[it.code].value)
    )
    counted = sum(1 for it in rated if answers[it.code].value != "khong_ap_dung")
    assert f"Đạt {met}/{counted} tiêu chí được đánh giá." in paras[: paras.index("2. " + checklist.groups[1].title_vi)]


def test_an_office_can_keep_the_full_tables_in_the_body(written, tmp_path):
    db, v, _ = written
    out = mn.write_minutes(db, v.id, tmp_path / "bang.docx", layout="tables")
    doc = _xml(out)
    paras = _body_paragraphs(doc)
    assert "Phụ lục I" not in paras and "Phụ lục II" not in paras and "Phụ lục" in paras
    body_children = list(doc.find("w:body", NS))
    iv = next(i for i, el in enumerate(body_children) if el.tag == W + "p" and _text(el).startswith("IV. NHẬN XÉT"))
    tables = _result_tables(doc)
    assert tables and all(body_children.index(t) < iv for t in tables)
    assert len(doc.findall(".//w:sectPr", NS)) == 2  # the body and the photos
    assert not any(p.startswith("Đạt ") and "tiêu chí được đánh giá" in p for p in paras)
    with pytest.raises(E.InvalidInput):
        mn.write_minutes(db, v.id, tmp_path / "x.docx", layout="khac")


def test_an_area_account_names_what_is_not_met_in_the_items_own_words():
    from dataclasses import replace

    def item(code, type_, text, not_met=""):
        return cl.Item(
            "V",
            code,
            "A",
            1,
            text,
            text,
            type_,
            "máy" if type_ == "count" else "",
            False,
            False,
            "",
            "",
            not_met=not_met,
        )

    def answer(code, value, note=""):
        return ans.Answer("x", "v", code, value, note, None, "t", "2026-11-17")

    items = [
        item("A1", "assessment", "Ban hành Kế hoạch CCHC năm"),
        item("A2", "assessment", "Không yêu cầu thêm giấy tờ"),
        item("A3", "yesno", "Niêm yết số điện thoại đường dây nóng"),
        item("A4", "assessment", "Có sổ theo dõi", not_met="chưa có sổ theo dõi hồ sơ"),
        item("A5", "assessment", "Họp giao ban"),
        item("A6", "count", "Số máy quét"),
        item("A7", "assessment", "Tổ công nghệ số"),
        item("A8", "assessment", "Hòm thư góp ý"),
    ]
    answers = {
        "A1": answer("A1", "khong_dat", "ban hành chậm 3 tháng."),
        "A2": answer("A2", "khong_dat"),
        "A3": answer("A3", "khong"),
        "A4": answer("A4", "khong_dat"),
        "A5": answer("A5", "dat_mot_phan"),
        "A6": answer("A6", "1076"),
        "A7": answer("A7", "khong_ap_dung"),
    }
    lines = mn.area_account(items, answers)
    assert lines == [
        "Đạt 0/5 tiêu chí được đánh giá.",
        "- Chưa đạt: ban hành Kế hoạch CCHC năm (A1): ban hành chậm 3 tháng.",
        "- Chưa đạt tiêu chí «Không yêu cầu thêm giấy tờ» (A2).",
        "- Chưa niêm yết số điện thoại đường dây nóng (A3).",
        "- Chưa có sổ theo dõi hồ sơ (A4).",
        "- Đạt một phần tiêu chí «Họp giao ban» (A5).",
        "- Số máy quét: 1.076 máy.",
        "Không áp dụng: A7.",
        "Chưa có kết quả: A8.",
    ]
    answers["A1"] = replace(answers["A1"], value="dat")
    assert mn.area_account(items[:1], answers) == ["Đạt 1/1 tiêu chí được đánh giá."]
    assert mn.area_account([], {}) == ["Không có kết quả."]


def test_signing_is_warned_of_a_shortcoming_that_contradicts_its_related_answer(demo_db):
    """D6 answered "Có" (a queue machine) beside a tồn tại "the queue machine is broken" tied to D6:
    one of the two is wrong; an item not met, not applicable or unanswered is no contradiction."""
    v = _ninh_xuan(demo_db)
    for f in ins.findings(demo_db, v.id):
        ins.update_finding(demo_db, f.id, deleted=1)
    ans.set_answer(demo_db, v.id, "D6", "co")
    ans.set_answer(demo_db, v.id, "B3", "dat")
    ans.set_answer(demo_db, v.id, "B4", "khong_dat")
    ans.set_answer(demo_db, v.id, "B5", "khong_ap_dung")
    ans.set_answer(demo_db, v.id, "C7", "5/10")
    ins.add_finding(demo_db, v.id, kind="ton_tai", text="Máy lấy số thứ tự hỏng", items="d6")
    ins.add_finding(demo_db, v.id, kind="ton_tai", text="Niêm yết chưa kịp thời", items="B3, B4; B5 C7 ZZ9")
    ins.add_finding(demo_db, v.id, kind="kien_nghi", text="Sửa máy lấy số", items="D6")  # not a shortcoming
    g = mn.gaps(demo_db, v.id)
    assert g.contradicted == (("D6", "Máy lấy số thứ tự hỏng"), ("B3", "Niêm yết chưa kịp thời"))
    assert g
    ans.set_answer(demo_db, v.id, "D6", "khong")
    ans.set_answer(demo_db, v.id, "B3", "dat_mot_phan")
    assert mn.gaps(demo_db, v.id).contradicted == ()


def test_drafted_findings_use_the_items_words_and_never_read_backwards(demo_db):
    v = _ninh_xuan(demo_db)
    for f in ins.findings(demo_db, v.id):
        ins.update_finding(demo_db, f.id, deleted=1)
    ans.set_answer(demo_db, v.id, "C13", "khong_dat", note="còn yêu cầu bản sao sổ hộ khẩu")
    ans.set_answer(demo_db, v.id, "B4", "dat_mot_phan")
    ans.set_answer(demo_db, v.id, "B8", "khong")
    drafts = dict(((k, t.split("(")[-1][:3].rstrip(")")), t) for k, t in mn.draft_findings(demo_db, v.id))
    c13 = cl.get(demo_db, None).item("C13").text_vi
    assert drafts[("ton_tai", "C13")] == f"Chưa đạt tiêu chí «{c13}» (C13): còn yêu cầu bản sao sổ hộ khẩu"
    assert drafts[("kien_nghi", "C13")] == f"Khắc phục để đạt tiêu chí «{c13}» (C13)"
    assert drafts[("ton_tai", "B4")].startswith("Mới đạt một phần tiêu chí «")
    assert drafts[("ton_tai", "B8")].startswith("Chưa niêm yết số điện thoại đường dây nóng")
    assert set(code for _, code in drafts) == set(mn.gaps(demo_db, v.id).unmentioned)
    assert mn.item_codes(demo_db, v.id, "Niêm yết (B3), B4 và ZZ9, b5") == "B3, B4"


def test_the_demo_contradicts_none_of_its_own_answers(demo_db):
    for v in ins.visits(demo_db):
        assert mn.gaps(demo_db, v.id).contradicted == (), v.commune
