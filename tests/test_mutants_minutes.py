"""Tests that kill the mutants of inspector/minutes.py a mutation run left alive (tools/mutation.py).

An office's template is checked and filled in a child process (inspector.templates); the tests of
that process are slow, so here the same job runs in this process: what is checked and filled is the
same code, only the bounds of the child are not there."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

from inspector import answers as ans
from inspector import checklist as cl
from inspector import errors as E
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import templates as tg

SHIPPED = mn.DEFAULT_TEMPLATE["kiem_tra"]


@pytest.fixture
def in_process(monkeypatch):
    """The child's job run here: mn._isolated_job, as inspector.templates' child runs it."""
    jobs: list[str] = []

    def run(path, job, payload):
        jobs.append(job)
        return mn._isolated_job(str(path), job, payload)

    monkeypatch.setattr(tg, "run_isolated", run)
    return jobs


def _ninh_xuan(db):
    return next(v for v in ins.visits(db) if v.commune == "Ninh Xuân")


def _edited(out: Path, old: str, new: str) -> Path:
    with zipfile.ZipFile(SHIPPED) as z, zipfile.ZipFile(out, "w") as o:
        for i in z.infolist():
            d = z.read(i.filename)
            if i.filename == "word/document.xml":
                assert old.encode() in d
                d = d.replace(old.encode(), new.encode(), 1)
            o.writestr(i, d)
    return out


def _document(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_an_office_copy_of_the_template_is_checked_and_filled_by_the_childs_job(demo_db, tmp_path, in_process):
    tpl = tmp_path / "mau-so-noi-vu.docx"
    shutil.copy(SHIPPED, tpl)
    mn.check_template(tpl)
    assert in_process == ["check"]
    assert mn._isolated_job(str(tpl), "check", {}) == {}
    v = _ninh_xuan(demo_db)
    out = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx", template=tpl)
    assert in_process == ["check", "fill"]
    text = _document(out)
    assert "Ninh Xuân" in text and "{{" not in text


def test_an_unknown_field_is_refused_with_the_fields_documentation_and_its_place(tmp_path, in_process):
    tpl = _edited(tmp_path / "mau.docx", "{{ mo_dau }}", "{{ mo_dau }} {{ ten_chu_tich }}")
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    e = err.value
    assert e.code == "tpl_field" and e.path == str(tpl)
    detail = e.params["detail"]
    assert "ten_chu_tich" in detail and "is not a field Inspector provides (see docs/template-fields.md)" in detail
    assert "is not present in the data file" not in detail
    assert "(paragraph " in detail and "more)" not in detail


def test_several_problems_are_counted_after_the_first(tmp_path, in_process):
    tpl = _edited(tmp_path / "mau.docx", "{{ mo_dau }}", "{{ mo_dau }} {{ ten_a }} {{ ten_b }} {{ ten_c }}")
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    assert err.value.params["detail"].endswith("(and 2 more)")


def test_a_field_the_sample_provides_passes_and_one_it_lacks_does_not(tmp_path, in_process):
    tpl = _edited(tmp_path / "mau.docx", "{{ mo_dau }}", "{{ mo_dau }} {{ ten_rieng }}")
    sample = dict(mn.SAMPLE_FIELDS, ten_rieng="x")
    mn.check_template(tpl, sample)
    with pytest.raises(E.TemplateError):
        mn.check_template(tpl)


def test_a_template_the_linter_cannot_read_is_one_message(tmp_path, in_process, monkeypatch):
    import docxtpl_lint

    tpl = tmp_path / "mau.docx"
    shutil.copy(SHIPPED, tpl)

    def broken(*a, **k):
        raise ValueError("bad\nzip")

    monkeypatch.setattr(docxtpl_lint, "lint", broken)
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    assert err.value.code == "tpl_cannot_read" and err.value.params["detail"] == "bad zip"

    def deep(*a, **k):
        raise RecursionError("deep")

    monkeypatch.setattr(docxtpl_lint, "lint", deep)
    with pytest.raises(RecursionError):  # the sandbox's bound, not a reading problem: it goes on up
        mn._lint(tpl, tpl.read_bytes(), None)


def test_where_names_the_part_paragraph_and_table_cells():
    def issue(**loc):
        return SimpleNamespace(location=SimpleNamespace(**loc) if loc else None)

    assert mn._where(issue()) == ""
    assert mn._where(issue(part="body", paragraph=None, cells=())) == ""
    assert mn._where(issue(part="body", paragraph=3, cells=())) == " (paragraph 3)"
    assert mn._where(issue(part="body", paragraph=0, cells=None)) == " (paragraph 0)"
    assert mn._where(issue(part="word/header1.xml", paragraph=2, cells=(1, 4))) == (
        " (word/header1.xml, paragraph 2, table cell 1 > 4)"
    )
    assert mn._where(SimpleNamespace(location=SimpleNamespace(cells=(2,)))) == " (table cell 2)"


def test_the_text_typed_under_a_g_item_only_when_it_is_a_text_item(demo_db):
    v = _ninh_xuan(demo_db)
    checklist = cl.get(demo_db, v.checklist_version)
    text_items = [i for i in checklist.items if i.type == "text"]
    other = next(i for i in checklist.items if i.type != "text")
    code = text_items[0].code
    answers = {
        code: ans.Answer("a1", v.id, code, "Đã niêm yết đầy đủ", "", None, "", ""),
        other.code: ans.Answer("a2", v.id, other.code, "dat", "", None, "", ""),
    }
    assert mn.typed_text(answers, checklist, code) == "Đã niêm yết đầy đủ"
    assert mn.typed_text(answers, checklist, other.code) == ""  # not a text item
    assert mn.typed_text(answers, checklist, "Z9") == ""  # no such item
    assert mn.typed_text({code: ans.Answer("a1", v.id, code, None, "", None, "", "")}, checklist, code) == ""
    assert mn.typed_text({code: ans.Answer("a1", v.id, code, "", "", None, "", "")}, checklist, code) == ""
    assert mn.typed_text({}, checklist, code) == ""


# ---- the top of the document, the delegation, findings ----------------------------------------------


def _insp(**kw) -> ins.Inspection:
    base = dict(
        id="i",
        kind="kiem_tra",
        title="Kiểm tra",
        decision_no="",
        decision_date="",
        legal_basis="",
        issuing_agency="",
        parent_agency="",
        home_office="",
        period="",
        checklist_version="",
    )
    return ins.Inspection(**{**base, **kw})


def test_the_header_names_the_province_body_and_the_delegation():
    assert mn.header_names(_insp(), "Khánh Hòa") == (
        "UBND TỈNH KHÁNH HÒA",
        ["ĐOÀN KIỂM TRA CÔNG TÁC", "CẢI CÁCH HÀNH CHÍNH"],
    )
    assert mn.header_names(_insp(kind="giam_sat"), "Khánh Hòa") == (
        "HĐND TỈNH KHÁNH HÒA",
        ["ĐOÀN GIÁM SÁT CÔNG TÁC", "CẢI CÁCH HÀNH CHÍNH"],
    )
    assert mn.header_names(_insp(), "")[0] == "UBND TỈNH"
    typed = _insp(parent_agency="Sở Nội vụ tỉnh Khánh Hòa", issuing_agency="Đoàn kiểm tra\nsố 12")
    assert mn.header_names(typed, "Khánh Hòa") == ("SỞ NỘI VỤ TỈNH KHÁNH HÒA", ["ĐOÀN KIỂM TRA", "SỐ 12"])
    not_a_delegation = _insp(issuing_agency="Sở Nội vụ")  # the issuing body, not a delegation's name
    assert mn.header_names(not_a_delegation, "Khánh Hòa")[1] == ["ĐOÀN KIỂM TRA CÔNG TÁC", "CẢI CÁCH HÀNH CHÍNH"]


def test_the_delegation_is_listed_by_role_then_order_each_line_ended_as_a_list():
    def m(name, role, ord_, position="", salutation=""):
        return ins.Member(name, "i", name, position, "", role, ord_, salutation)

    people = [
        m("Cường", "thu_ky", 1),
        m("Bình", "thanh_vien", 2, "Chuyên viên"),
        m("An", "truong_doan", 5, "Phó Giám đốc Sở Nội vụ", "Ông"),
        m("Dung", "other", 1),
        m("Em", "pho_truong_doan", 9, salutation="Bà"),
    ]
    lines = mn.member_lines(people, lambda name, sal: f"{sal or 'Ông (Bà)'} {name}")
    assert lines == [
        "Ông An, Phó Giám đốc Sở Nội vụ, Trưởng đoàn;",
        "Bà Em, Phó Trưởng đoàn;",
        "Ông (Bà) Dung, Thành viên;",
        "Ông (Bà) Bình, Chuyên viên, Thành viên;",
        "Ông (Bà) Cường, Thư ký.",
    ]


def test_findings_of_a_kind_follow_the_text_typed_under_its_g_item(demo_db):
    v = _ninh_xuan(demo_db)
    checklist = cl.get(demo_db, v.checklist_version)
    g2 = checklist.by_code.get("G2")
    assert g2 is not None and g2.type == "text"
    answers = {"G2": ans.Answer("a", v.id, "G2", "Chưa niêm yết đủ\n\n  Thiếu số điện thoại  ", "", None, "", "")}
    finds = [
        ins.Finding("f1", v.id, "ton_tai", "Máy lấy số hỏng", "", "", "", 1),
        ins.Finding("f2", v.id, "kien_nghi", "Sửa máy", "", "", "", 2),
        ins.Finding("f3", v.id, "ton_tai", "Thiếu ghế chờ", "", "", "", 3),
    ]
    assert mn.finding_texts(finds, answers, checklist, "ton_tai") == [
        "Chưa niêm yết đủ",
        "Thiếu số điện thoại",
        "Máy lấy số hỏng",
        "Thiếu ghế chờ",
    ]
    assert mn.finding_texts(finds, answers, checklist, "kien_nghi") == ["Sửa máy"]  # nothing typed under G4
    assert mn.finding_texts(finds, answers, checklist, "other") == []


def test_the_version_code_changes_with_everything_the_minutes_show_and_nothing_else(demo_db, tmp_path):
    import re

    from inspector import photos as ph
    from tests.conftest import PHOTOS

    v = _ninh_xuan(demo_db)
    codes = [mn.version_code(demo_db, v.id)]
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", codes[0])
    assert mn.version_code(demo_db, v.id) == codes[0]  # the same record, the same code

    def changed(step) -> None:
        step()
        code = mn.version_code(demo_db, v.id)
        assert code not in codes, step
        codes.append(code)

    changed(lambda: ans.set_answer(demo_db, v.id, "B2", "khong_dat"))
    changed(lambda: ans.set_answer(demo_db, v.id, "B2", "khong_dat", note="Thiếu bảng"))
    changed(lambda: ins.update_visit(demo_db, v.id, opinion="Thống nhất"))
    changed(lambda: ins.update_inspection(demo_db, v.inspection_id, title="Kiểm tra CCHC năm 2026 (bổ sung)"))
    m = ins.members(demo_db, v.inspection_id)[0]
    changed(lambda: ins.update_member(demo_db, m.id, position="Chuyên viên chính"))
    changed(lambda: ins.add_finding(demo_db, v.id, kind="ton_tai", text="Máy lấy số hỏng"))
    if PHOTOS.exists():
        photo = ph.import_files(demo_db, v.id, [PHOTOS / "jpg" / "orientation" / "landscape_1.jpg"]).imported[0]
        codes.append(mn.version_code(demo_db, v.id))
        assert len(set(codes)) == len(codes)
        changed(lambda: ph.set_caption(demo_db, photo.id, "Bảng niêm yết"))
        ph.remove(demo_db, photo.id)  # the photo gone: the minutes show what they showed before it
        assert mn.version_code(demo_db, v.id) == codes[-3]
    before = mn.version_code(demo_db, v.id)
    signed = mn.sign_visit(demo_db, v.id)
    assert signed.version_code == before == mn.version_code(demo_db, v.id)  # signing itself changes nothing shown


# ---- the document's parts ---------------------------------------------------------------------------


def test_typed_line_breaks_and_tabs_become_word_breaks_and_escaped_braces_come_back():
    assert mn._finish("<w:t>a</w:t>") == "<w:t>a</w:t>"
    assert mn._finish('<w:t xml:space="preserve">một\nhai\tba</w:t>') == (
        '<w:t xml:space="preserve">một</w:t><w:br/><w:t xml:space="preserve">hai</w:t><w:tab/>'
        '<w:t xml:space="preserve">ba</w:t>'
    )
    assert mn._finish("<w:t>{_{ x }_} {_% if %_}</w:t>") == "<w:t>{{ x }} {% if %}</w:t>"
    assert mn._finish("<w:p>\n<w:t>x</w:t>\n</w:p>") == "<w:p>\n<w:t>x</w:t>\n</w:p>"  # breaks between tags stay


def test_the_documents_properties_say_what_it_is_in_vietnamese_and_nothing_of_the_template():
    import re

    from lxml import etree

    xml = mn._core_xml(
        {"trich_yeu": ["Kiểm tra", "xã\u00a0Ninh Xuân"], "bo_tieu_chi": "Bộ 2026 <KH>", "ma_doi_chieu": "AB12-CD34"}
    )
    root = etree.fromstring(xml.encode())
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "cp": root.nsmap["cp"], "dcterms": "http://purl.org/dc/terms/"}

    def get(path):
        return root.find(path, ns).text

    assert get("dc:title") == "Biên bản Kiểm tra xã Ninh Xuân"  # a non-breaking space made plain
    assert (get("dc:subject"), get("dc:description"), get("dc:creator")) == ("Bộ 2026 <KH>", "AB12-CD34", "Inspector")
    assert (get("dc:language"), get("cp:revision")) == ("vi-VN", "1")
    created, modified = get("dcterms:created"), get("dcterms:modified")
    assert created == modified and re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ", created)
    assert "Biên bản Tổng hợp" in mn._core_xml({}, "Biên bản Tổng hợp")
    assert "<dc:title>Biên bản </dc:title>" in mn._core_xml({})


def test_a_photo_in_the_minutes_is_as_wide_as_the_text_or_as_high_as_its_limit(demo_db):
    from inspector import photos as ph
    from tests.conftest import PHOTOS

    if not PHOTOS.exists():
        pytest.skip("../shared/real-photos is not beside the project")
    v = _ninh_xuan(demo_db)
    land, port = (
        ph.import_files(demo_db, v.id, [PHOTOS / "jpg" / "orientation" / f"{n}_1.jpg"]).imported[0]
        for n in ("landscape", "portrait")
    )
    groups = [
        {"tieu_de": "B5", "anh": [(1, "Bảng", land.photo_sha256, 1600, 900), (2, "Ảnh", port.photo_sha256, 900, 1600)]}
    ]
    anh, media = mn._photo_context(demo_db, groups)
    assert [m[:2] for m in media] == [("rIdAnh1", "word/media/anh1.jpeg"), ("rIdAnh2", "word/media/anh2.jpeg")]
    assert media[0][2] == ph.photo_bytes(demo_db, land.photo_sha256)
    wide, tall = (x["hinh"] for x in anh[0]["anh"])
    cx = int(mn.TEXT_WIDTH_MM * 36000)  # a landscape photo: the text's width
    assert f'cx="{cx}" cy="{int(cx * 900 / 1600)}"' in wide
    cx2 = int(mn.PHOTO_MAX_HEIGHT_MM * 900 / 1600 * 36000)  # a portrait one: the height limit
    assert f'cx="{cx2}" cy="{int(cx2 * 1600 / 900)}"' in tall
    assert [x["chu_thich"] for x in anh[0]["anh"]] == ["Ảnh 1. Bảng", "Ảnh 2. Ảnh"] and anh[0]["tieu_de"] == "B5"


def test_the_context_of_a_supervision_with_its_own_wording(db):
    insp = ins.create_inspection(
        db,
        title="Giám sát CCHC",
        kind="giam_sat",
        legal_basis="Luật Hoạt động giám sát của Quốc hội và HĐND\nCăn cứ Nghị quyết số 12/NQ-HĐND",
        home_office="Văn phòng HĐND tỉnh",
        period="Năm 2026",
    )
    ins.add_member(db, insp.id, name="Trần Thị Bích", role="thu_ky", salutation="Bà")
    ins.add_member(
        db, insp.id, name="Nguyễn Văn An", role="truong_doan", salutation="Ông", position="Phó Chủ tịch HĐND"
    )
    v = ins.add_visit(
        db,
        insp.id,
        commune="Ninh Xuân",
        province="Khánh Hòa",
        date="2026-03-05",
        start_time="08:30",
        end_time="11:00",
        place="Trụ sở Đảng ủy xã",
        representatives=[{"name": "Lê Văn Cường", "position": "Chủ tịch UBND xã", "salutation": "Ông"}],
    )
    ctx = mn.context(db, v.id)
    assert (ctx["loai"], ctx["giam_sat"], ctx["ky_hieu"], ctx["so_ky_hieu"]) == (
        "giam_sat",
        True,
        "BB-ĐGS",
        "Số:        /BB-ĐGS",
    )
    assert ctx["co_quan_chu_quan"] == ["HĐND TỈNH KHÁNH HÒA"]
    assert ctx["trich_yeu"] == [
        "Làm việc của Đoàn giám sát với Ủy ban nhân dân xã\u00a0Ninh\u00a0Xuân về việc thực hiện chính sách, "
        "pháp luật về cải cách hành chính"
    ]
    assert ctx["can_cu"] == [
        "Căn cứ Luật Hoạt động giám sát của Quốc hội và HĐND;",
        "Căn cứ Nghị quyết số 12/NQ-HĐND.",
    ]
    assert ctx["mo_dau"] == (
        "Hôm nay, vào hồi 08 giờ 30 phút, ngày 05 tháng 3 năm 2026, tại trụ sở Đảng ủy xã, "
        "Đoàn giám sát làm việc với Ủy ban nhân dân xã Ninh Xuân."
    )
    assert (ctx["dia_danh_ngay"], ctx["ngay_ngan"]) == ("Khánh Hòa, ngày 05 tháng 3 năm 2026", "05/3/2026")
    assert ctx["thanh_vien"] == ["- Ông Nguyễn Văn An, Phó Chủ tịch HĐND, Trưởng đoàn;", "- Bà Trần Thị Bích, Thư ký."]
    assert ctx["dai_dien"] == ["- Ông Lê Văn Cường, Chủ tịch UBND xã."]
    assert ctx["don_vi_duoc_kiem_tra"] == "Cơ quan, đơn vị chịu sự giám sát: Ủy ban nhân dân xã Ninh Xuân"
    assert ctx["noi_dung"].startswith("Giám sát việc thực hiện các nội dung: ")
    assert " Kỳ số liệu: Năm 2026. Bộ tiêu chí: " in ctx["noi_dung"]
    assert ctx["ket_thuc"].startswith("Buổi làm việc kết thúc vào hồi 11 giờ 00 phút cùng ngày.")
    assert "cơ quan, đơn vị chịu sự giám sát giữ 01 bản, Đoàn giám sát giữ 02 bản./." in ctx["ket_thuc"]
    assert ctx["noi_nhan"] == [
        "- Ủy ban nhân dân xã Ninh Xuân (để thực hiện);",
        "- Thường trực HĐND tỉnh Khánh Hòa (để báo cáo);",
        "- Văn phòng HĐND tỉnh (để tổng hợp);",
        "- Thành viên Đoàn giám sát;",
        "- Lưu: VT, Hồ sơ Đoàn.",
    ]
    assert (ctx["ky_ben_xa"], ctx["ten_ben_xa"]) == ("ĐẠI DIỆN UBND XÃ NINH XUÂN", "Lê Văn Cường")
    assert (ctx["ten_truong_doan"], ctx["ten_thu_ky"]) == ("Nguyễn Văn An", "Trần Thị Bích")
    assert ctx["kem_theo"] == (
        "(Kèm theo Biên bản số        /BB-ĐGS ngày 05 tháng 3 năm 2026 của Đoàn giám sát tại Ủy ban nhân dân xã Ninh Xuân)"
    )
    assert ctx["uu_diem"] == [mn.DOTS] and ctx["y_kien"] == [mn.DOTS] * 3 and ctx["kien_nghi"] == []
    assert (ctx["phu_luc_anh"], ctx["bang_trong_than"], ctx["dieu_chinh"], ctx["anh"]) == ("Phụ lục II", False, [], [])
    assert mn.context(db, v.id, tables_in_body=True)["phu_luc_anh"] == "Phụ lục"


def test_the_context_of_an_inspection_with_little_filled_in(db):
    insp = ins.create_inspection(
        db, title="Kiểm tra CCHC năm 2026", decision_no="245/QĐ-UBND", decision_date="2026-11-10"
    )
    v = ins.add_visit(db, insp.id, commune="Đồng Hóa")
    ctx = mn.context(db, v.id)
    assert ctx["ky_hieu"] == "BB-ĐKT" and ctx["co_quan_chu_quan"] == ["UBND TỈNH"]
    assert ctx["trich_yeu"] == ["Kiểm tra CCHC năm 2026 tại Ủy ban nhân dân xã\u00a0Đồng\u00a0Hóa"]
    assert len(ctx["can_cu"]) == 1 and ctx["can_cu"][0].startswith("Căn cứ ")
    assert "số 245/QĐ-UBND ngày 10 tháng 11 năm 2026 về việc thành lập Đoàn kiểm tra." in ctx["can_cu"][0]
    assert ctx["mo_dau"] == (
        "Hôm nay, vào hồi … giờ … phút, ngày … tháng … năm …, tại trụ sở Ủy ban nhân dân xã Đồng Hóa, "
        "Đoàn kiểm tra tiến hành kiểm tra công tác cải cách hành chính tại Ủy ban nhân dân xã Đồng Hóa."
    )
    assert ctx["dia_danh"] == "Đồng Hóa" and ctx["thanh_vien"] == [mn.DOTS] and ctx["dai_dien"] == [mn.DOTS]
    assert ctx["noi_nhan"][1] == "- Chủ tịch UBND tỉnh (để báo cáo);" and len(ctx["noi_nhan"]) == 4
    assert ctx["ket_thuc"].startswith("Buổi kiểm tra kết thúc vào hồi … giờ … phút")
    assert (ctx["ten_ben_xa"], ctx["ten_truong_doan"], ctx["ten_thu_ky"]) == ("", "", "")
