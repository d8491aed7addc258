"""A province's own criteria with points: the workbook an office fills, checked all at once;
versions that never change once used; scoring, classes and ranks; the command line end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import criteria_xlsx as cx
from inspector import inspections as ins
from inspector import scoring, sync
from inspector.cli import cli

HEADER = [
    "Mã",
    "Lĩnh vực",
    "Nội dung",
    "Loại",
    "Điểm tối đa",
    "Cách chấm",
    "Tài liệu kiểm chứng",
    "Hướng dẫn",
    "Cần ảnh",
    "Khi không đạt",
    "Đơn vị",
    "Nội dung (English)",
    "Thưởng/trừ",
]
AREAS = [
    "Công tác chỉ đạo, điều hành",
    "Cải cách thể chế",
    "Cải cách TTHC, một cửa",
    "Cải cách tổ chức bộ máy",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Chính quyền số",
    "Tác động của CCHC",
]


def _rows() -> list[list]:
    """8 areas of 12 points (assessment 5, yes/no 3, ratio or count 4), a text item of 4: 100
    points; then a bonus item (2) and a penalty item (3)."""
    rows = []
    letters = "ABCDEFGH"
    for n, area in enumerate(AREAS):
        g = letters[n]
        rows.append([f"{g}1", area, f"Ban hành kế hoạch của lĩnh vực {n + 1}", "đánh giá", 5, "2", "Kế hoạch", "", "x",
                     "chưa ban hành kế hoạch", "", "Plan issued", ""])  # fmt: skip
        rows.append([f"{g}2", area, f"Có bố trí đủ công chức {n + 1}", "có/không", 3, "", "", "", "", "", "", "", ""])
        rows.append([f"{g}3", area, "Tỷ lệ hồ sơ đúng hạn / tổng số hồ sơ", "tỷ lệ", 4,
                     "≥95%: 4; ≥80%: 2; <80%: 0", "", "", "", "", "", "", ""])  # fmt: skip
    rows[-1][3:6] = ["số lượng", 4, ">=3: 4; >=1: 2; <1: 0"]  # H3: a count
    rows[-1][2], rows[-1][10] = "Số sáng kiến CCHC được công nhận", "sáng kiến"
    rows.append(["H4", AREAS[-1], "Báo cáo đánh giá tác động", "văn bản", 4, "", "", "", "", "", "", "", ""])
    rows.append(["I1", "Điểm thưởng, điểm trừ", "Mô hình mới được tỉnh khen", "có/không", 2, "", "", "", "", "", "", "",
                 "thưởng"])  # fmt: skip
    rows.append(["I2", "Điểm thưởng, điểm trừ", "Có hồ sơ trễ hạn không xin lỗi", "có/không", 3, "", "", "", "", "",
                 "", "", "trừ"])  # fmt: skip
    return rows


def workbook(path: Path, rows: list[list] | None = None, *, header=None, info=True, classes=True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tiêu chí"
    ws.append(header or HEADER)
    for r in rows if rows is not None else _rows():
        ws.append(r)
    if info:
        i = wb.create_sheet("Thông tin")
        for k, v in (
            ("Mã bộ tiêu chí", "KH-XA-2026"),
            ("Phiên bản", 1),
            ("Tên bộ tiêu chí", "Bộ chỉ số CCHC cấp xã tỉnh Khánh Hòa năm 2026"),
            ("Tỉnh, thành phố", "Khánh Hòa"),
            ("Năm", 2026),
            ("Quyết định ban hành", "QĐ 123/QĐ-UBND ngày 15/01/2026"),
        ):
            i.append([k, v])
    if classes:
        c = wb.create_sheet("Xếp loại")
        c.append(["Xếp loại", "Từ"])
        for name, low in (("Xuất sắc", 90), ("Tốt", 80), ("Khá", 70), ("Trung bình", 50), ("Yếu", 0)):
            c.append([name, low])
    wb.save(path)
    return path


# ---- the workbook ----------------------------------------------------------------------------


def test_a_clean_workbook_loads_with_its_areas_points_bonus_and_penalty(tmp_path):
    c = cx.read(workbook(tmp_path / "kh.xlsx"))
    assert c.id == "KH-XA-2026.1" and c.title.startswith("Bộ chỉ số CCHC") and c.info["province"] == "Khánh Hòa"
    assert [g.title_vi for g in c.groups] == [*AREAS, "Điểm thưởng, điểm trừ"]
    assert {it.type for it in c.items} == {"assessment", "yesno", "ratio", "count", "text"}
    assert c.item("I1").points_kind == "bonus" and c.item("I2").points == -3 and c.item("I2").points_kind == "penalty"
    assert c.item("A1").photo_required and c.item("A1").not_met == "chưa ban hành kế hoạch"
    assert c.item("H3").unit == "sáng kiến" and c.classes[0] == ("Xuất sắc", 90)
    assert scoring.bounds(c) == (-3, 100 + 2)


def test_export_then_load_gives_the_same_set(tmp_path, db):
    c = cx.read(workbook(tmp_path / "kh.xlsx"))
    again = cx.read(cx.write(c, tmp_path / "copy.xlsx"))
    assert again.items == c.items and again.groups == c.groups and again.classes == c.classes
    shipped = cl.get(db, None)
    back = cx.read(cx.write(shipped, tmp_path / "shipped.xlsx"))
    assert back.id == shipped.id and [(i.code, i.type, i.text_vi) for i in back.items] == [
        (i.code, i.type, i.text_vi) for i in shipped.items
    ]


def _problems(path: Path) -> list[cx.Problem]:
    with pytest.raises(cx.CriteriaFileError) as e:
        cx.read(path)
    # the window shows each in Vietnamese: every problem has its Vietnamese sentence
    assert all(p.message_vi and p.message_vi != p.message for p in e.value.problems), e.value.problems
    return e.value.problems


def test_every_problem_is_listed_by_sheet_row_and_column_and_nothing_is_loaded(tmp_path, db):
    rows = _rows()
    rows[1][0] = "A1"  # duplicate code (row 3)
    rows[4][3] = "điểm số"  # unknown type (row 6)
    rows[5][4] = "hai"  # points not a number (row 7)
    rows[8][5] = "≥95%: 2; ≥80%: 1"  # a gap below 80 % (row 10)
    rows[11][5] = ">=80%: 1; >=95%: 2; <80%: 0"  # an overlap: ≥95 is never reached (row 13)
    got = _problems(workbook(tmp_path / "bad.xlsx", rows))
    where = {(p.sheet, p.row, p.column.split(" (")[0]) for p in got}
    assert {
        ("Tiêu chí", 3, "Mã"),
        ("Tiêu chí", 6, "Loại"),
        ("Tiêu chí", 7, "Điểm tối đa"),
        ("Tiêu chí", 10, "Cách chấm"),
        ("Tiêu chí", 13, "Cách chấm"),
    } <= where
    text = "\n".join(map(str, got))
    assert "A1 is also the code of row 2" in text and "'điểm số' is not a type" in text and "'hai'" in text
    assert "gap" in text and "overlap" in text
    assert "Tiêu chí, row 7, Điểm tối đa (E): 'hai' is not a number of points" in text
    assert cl.versions(db) == [] or "KH-XA-2026.1" not in dict(cl.versions(db))


@pytest.mark.parametrize(
    "case, expected",
    [
        ("missing column", ("Tiêu chí", 1, "Loại", "the column is missing")),
        ("empty sheet", ("Tiêu chí", 0, "", "the sheet is empty")),
        ("no criteria", ("Tiêu chí", 0, "", "the sheet holds no criteria")),
        ("not xlsx", ("", 0, "", "is not an Excel workbook")),
        ("no info", ("Thông tin", 0, "", "the sheet is missing")),
        ("bad class", ("Xếp loại", 2, "B", "expected the lowest index")),
        ("partial above max", ("Tiêu chí", 2, "Cách chấm", "exceed the item's 5")),
    ],
)
def test_broken_workbooks_are_refused_naming_the_place(tmp_path, case, expected):
    path = tmp_path / "bad.xlsx"
    if case == "missing column":
        workbook(path, [r[:3] + r[4:] for r in _rows()], header=HEADER[:3] + HEADER[4:])
    elif case == "empty sheet":
        wb = Workbook()
        wb.active.title = "Tiêu chí"
        wb.create_sheet("Thông tin").append(["Tên bộ tiêu chí", "X"])
        wb.save(path)
    elif case == "no criteria":
        workbook(path, [])
    elif case == "not xlsx":
        path.write_bytes(b"PK\x03\x04 this is not a workbook at all" * 10)
    elif case == "no info":
        workbook(path, info=False)
    elif case == "bad class":
        workbook(path)
        wb = load_workbook(path)
        wb["Xếp loại"]["B2"] = "chín mươi"
        wb.save(path)
    elif case == "partial above max":
        rows = _rows()
        rows[0][5] = "7"
        workbook(path, rows)
    got = _problems(path)
    sheet, row, column, words = expected
    assert any(p.sheet == sheet and p.row == row and p.column.startswith(column) and words in p.message for p in got), (
        got
    )


def test_headers_are_matched_without_diacritics_in_any_order_and_extra_columns_are_ignored(tmp_path):
    order = [12, 3, 0, 2, 1, 4, 5, 6, 7, 8, 9, 10, 11]
    header = ["THUONG/TRU", "loai", "ma", "noi dung", "Linh vuc", "diem toi da", "cach cham", "tai lieu kiem chung",
              "huong dan", "can anh", "khi khong dat", "don vi", "noi dung (english)"]  # fmt: skip
    rows = [[r[k] for k in order] + ["ghi chú riêng của tỉnh"] for r in _rows()]
    c = cx.read(workbook(tmp_path / "kh.xlsx", rows, header=[*header, "Ghi chú nội bộ"]))
    assert c.items == cx.read(workbook(tmp_path / "plain.xlsx")).items


# ---- versions -----------------------------------------------------------------------------------


def test_a_set_in_use_never_changes_a_changed_file_loads_as_the_next_version(tmp_path, db):
    path = workbook(tmp_path / "kh.xlsx")
    first, note = cl.add_version(db, cx.read(path))
    assert first.id == "KH-XA-2026.1" and note == ""
    insp = ins.create_inspection(db, title="Kiểm tra 2026", checklist_version=first.id)
    assert cl.in_use(db, first.id) == 1
    assert cl.add_version(db, cx.read(path))[1] == " (already in the database)"
    rows = _rows()
    rows[0][4] = 6  # A1 now gives 6 points
    second, note = cl.add_version(db, cx.read(workbook(tmp_path / "kh-sua.xlsx", rows)))
    assert second.id == "KH-XA-2026.2" and "KH-XA-2026.1 exists with other content" in note
    assert cl.get(db, first.id).item("A1").points == 5 and cl.get(db, second.id).item("A1").points == 6
    assert ins.get_inspection(db, insp.id).checklist_version == first.id


def test_the_plan_package_carries_the_set_to_a_laptop_that_never_saw_it(tmp_path):
    office = inspector.open_db(tmp_path / "office.sqlite3")
    c, _ = cl.add_version(office, cx.read(workbook(tmp_path / "kh.xlsx")))
    insp = ins.create_inspection(office, title="Kiểm tra 2026", checklist_version=c.id)
    v = ins.add_visit(office, insp.id, commune="Ninh Xuân", province="Khánh Hòa")
    sync.export_package(office, tmp_path / "plan.cchc", insp.id)
    laptop = inspector.open_db(tmp_path / "laptop.sqlite3")
    assert c.id not in dict(cl.versions(laptop))
    sync.merge_packages(laptop, [tmp_path / "plan.cchc"])
    cl._cache.clear()
    there = cl.get(laptop, c.id)
    assert there.items == c.items and there.classes == c.classes
    ans.set_answer(laptop, v.id, "A1", "dat")
    assert scoring.score_visit(there, ans.answers_for_visit(laptop, v.id)).items["A1"] == 5


def test_an_inspections_set_cannot_change_once_it_has_answers(tmp_path, db):
    c, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    insp = ins.create_inspection(db, title="Kiểm tra 2026")
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân")
    assert ins.update_inspection(db, insp.id, checklist_version=c.id).checklist_version == c.id
    ans.set_answer(db, v.id, "A1", "dat")
    with pytest.raises(inspector.InvalidInput, match="cannot change"):
        ins.update_inspection(db, insp.id, checklist_version=cl.DEFAULT_VERSION)
    with pytest.raises(inspector.NotFound):
        ins.update_inspection(db, insp.id, checklist_version="NO-SUCH.1")


# ---- scoring --------------------------------------------------------------------------------------


@pytest.fixture
def kh(tmp_path):
    return cx.read(workbook(tmp_path / "kh.xlsx"))


class A:
    def __init__(self, value, points=None, reason=""):
        self.value, self.points, self.points_reason = value, points, reason


@pytest.mark.parametrize(
    "code, value, expected",
    [
        ("A1", "dat", 5),
        ("A1", "dat_mot_phan", 2),  # the rule's number
        ("A1", "khong_dat", 0),
        ("A1", None, 0),
        ("A1", "khong_ap_dung", None),
        ("A2", "co", 3),
        ("A2", "khong", 0),
        ("A3", "95/100", 4),
        ("A3", "94/100", 2),
        ("A3", "80/100", 2),
        ("A3", "79/100", 0),
        ("A3", "0/0", None),  # no files: nothing to measure
        ("A3", "khong_co_so_lieu", 0),
        ("H3", "3", 4),
        ("H3", "1", 2),
        ("H3", "0", 0),
        ("H4", "Có báo cáo", 0),  # text: points by hand
        ("I1", "co", 2),  # bonus
        ("I2", "co", -3),  # penalty
        ("I2", "khong", 0),
    ],
)
def test_points_by_type_and_rule(kh, code, value, expected):
    assert scoring.item_points(kh.item(code), value) == expected


def test_half_points_by_default_and_a_penalty_rule_counts_down(tmp_path):
    rows = _rows()
    rows[0][5] = ""  # A1 partial: half of 5
    rows.append(["I3", "Điểm thưởng, điểm trừ", "Số văn bản bị phản ánh", "số lượng", 2, ">=2: 2; =1: 1; <1: 0",
                 "", "", "", "", "văn bản", "", "trừ"])  # fmt: skip
    c = cx.read(workbook(tmp_path / "kh.xlsx", rows))
    assert scoring.item_points(c.item("A1"), "dat_mot_phan") == 2.5
    assert [scoring.item_points(c.item("I3"), v) for v in ("0", "1", "5")] == [0, -1, -2]


def test_not_applicable_leaves_the_maximum_and_overrides_and_bonus_count(kh):
    all_met = {
        it.code: A("dat" if it.type == "assessment" else "co" if it.type == "yesno" else None) for it in kh.items
    }
    for it in kh.items:
        if it.type == "ratio":
            all_met[it.code] = A("100/100")
        if it.type == "count":
            all_met[it.code] = A("5")
        if it.type == "text":
            all_met[it.code] = A("Có báo cáo", points=4)
    all_met["I1"], all_met["I2"] = A("khong"), A("khong")
    s = scoring.score_visit(kh, all_met)
    assert (s.points, s.maximum, s.index, s.klass) == (100, 100, 100.0, "Xuất sắc")
    all_met["A1"] = A("khong_ap_dung")
    s = scoring.score_visit(kh, all_met)
    assert (s.points, s.maximum, s.index) == (95, 95, 100.0)
    all_met["B1"] = A("dat", points=1, reason="Kế hoạch ban hành muộn 3 tháng")
    all_met["I1"], all_met["I2"] = A("co"), A("co")
    s = scoring.score_visit(kh, all_met)
    assert s.points == 95 - 4 + 2 - 3 and s.maximum == 95 and s.bonus == -1
    assert s.overridden == {"B1": "Kế hoạch ban hành muộn 3 tháng"} and s.index == 94.7
    assert s.groups["B"].label == "8/12 điểm" and s.groups["A"].label == "7/7 điểm" and s.klass == "Xuất sắc"
    all_met["C1"] = A("khong_dat")
    assert scoring.score_visit(kh, all_met).klass == "Tốt"  # 85/95 = 89.5


def test_ranks_share_a_place_on_equal_indexes(kh):
    def score(index):
        return scoring.VisitScore(index=index)

    ranks = scoring.rank({"a": score(81.5), "b": score(92.0), "c": score(81.5), "d": score(None), "e": score(70.0)})
    assert ranks == {"b": 1, "a": 2, "c": 2, "e": 4, "d": 5}


ASSESS = st.sampled_from(["dat", "dat_mot_phan", "khong_dat", "khong_ap_dung", None])
YESNO = st.sampled_from(["co", "khong", None])


_KH: list[cl.Checklist] = []


def _kh() -> cl.Checklist:
    """The set of _rows(), read once for the property test."""
    import tempfile

    if not _KH:
        with tempfile.TemporaryDirectory() as d:
            _KH.append(cx.read(workbook(Path(d) / "kh.xlsx")))
    return _KH[0]


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_the_total_is_the_sum_of_the_areas_and_within_the_bounds(data):
    kh = _kh()
    answers = {}
    for it in kh.items:
        if it.type == "assessment":
            v = data.draw(ASSESS)
        elif it.type == "yesno":
            v = data.draw(YESNO)
        elif it.type == "ratio":
            den = data.draw(st.integers(0, 500))
            v = f"{data.draw(st.integers(0, den))}/{den}" if data.draw(st.booleans()) else None
        elif it.type == "count":
            v = str(data.draw(st.integers(0, 10)))
        else:
            v = "Có"
        override = None
        if it.points is not None and data.draw(st.integers(0, 9)) == 0:
            low, high = sorted((0.0, it.points))
            override = data.draw(st.floats(low, high, allow_nan=False))
        answers[it.code] = A(v, override)
    s = scoring.score_visit(kh, answers)
    assert abs(s.points - sum(g.points for g in s.groups.values())) < 1e-9
    low, high = scoring.bounds(kh)
    assert low - 1e-9 <= s.points <= high + 1e-9
    assert s.maximum <= 100
    if s.index is not None:
        assert s.klass == scoring.classify(kh, s.index)
    event(
        f"index {'none' if s.index is None else 'over 100' if s.index > 100 else 'negative' if s.index < 0 else 'in 0-100'}"
    )
    event(f"bonus/penalty {'+' if s.bonus > 0 else '-' if s.bonus < 0 else '0'}")
    event(f"overrides {'yes' if s.overridden else 'no'}")


# ---- end to end, from the command line ------------------------------------------------------------


def _run(args: list[str]):
    r = CliRunner().invoke(cli, args, catch_exceptions=False)
    return r


def test_from_a_workbook_to_ranked_communes_on_the_command_line(tmp_path):
    db_path = str(tmp_path / "office.sqlite3")
    r = _run(["--db", db_path, "checklist", "--load", str(workbook(tmp_path / "kh.xlsx"))])
    assert r.exit_code == 0 and "KH-XA-2026.1" in r.output
    r = _run(["--db", db_path, "inspection", "new", "--kind", "kiem-tra", "--title", "Kiểm tra CCHC 2026",
              "--checklist", "KH-XA-2026.1", "--decision", "245/QĐ-UBND", "--decision-date", "2026-10-30",
              "--commune", "Ninh Xuân", "--commune", "Đồng Hóa", "--commune", "Tòng Bạt",
              "--province", "Khánh Hòa", "--json"])  # fmt: skip
    made = json.loads(r.output)
    assert made["checklist"] == "KH-XA-2026.1" and [v["commune"] for v in made["visits"]] == [
        "Ninh Xuân",
        "Đồng Hóa",
        "Tòng Bạt",
    ]
    vids = {v["commune"]: v["id"] for v in made["visits"]}
    for commune, a1, a3 in (
        ("Ninh Xuân", "dat", "99/100"),
        ("Đồng Hóa", "khong-dat", "85/100"),
        ("Tòng Bạt", "dat", "99/100"),
    ):
        for item, value in (("A1", a1), ("A2", "co"), ("A3", a3)):
            assert _run(["--db", db_path, "answer", vids[commune], item, value]).exit_code == 0
    for vid in vids.values():  # the inspection of each commune is finished: the summary counts it
        assert _run(["--db", db_path, "visit", vid, "--status", "done"]).exit_code == 0
    r = _run(["--db", db_path, "points", vids["Đồng Hóa"], "A2", "1", "--reason", "Bố trí chưa đủ giờ"])
    assert r.exit_code == 0 and "1 điểm (Bố trí chưa đủ giờ)" in r.output
    show = json.loads(_run(["--db", db_path, "show", vids["Ninh Xuân"], "--json"]).output)
    assert show["checklist"]["id"] == "KH-XA-2026.1"
    assert show["score"]["points"] == 12 and show["score"]["groups"]["A"]["points"] == 12
    a1 = next(r for r in show["answers"] if r["item"] == "A1")
    assert (a1["points"], a1["max_points"]) == (5, 5)
    summary = json.loads(_run(["--db", db_path, "summary", made["id"], "--json"]).output)
    ranking = {r["commune"]: r for r in summary["ranking"]}
    assert ranking["Ninh Xuân"]["rank"] == ranking["Tòng Bạt"]["rank"] == 1 and ranking["Đồng Hóa"]["rank"] == 3
    assert ranking["Ninh Xuân"]["index"] == 12.0 and ranking["Ninh Xuân"]["class"] == "Yếu"
    assert ranking["Đồng Hóa"]["points"] == 3 and ranking["Đồng Hóa"]["groups"]["A"]["points"] == 3
    assert summary["checklist"]["id"] == "KH-XA-2026.1" and summary["areas"]["A"]["maximum"] == 12
    # the minutes and the Excel carry the same numbers
    import docx

    out = tmp_path / "bb.docx"
    assert _run(["--db", db_path, "minutes", vids["Đồng Hóa"], "-o", str(out)]).exit_code == 0
    text = "\n".join(p.text for p in docx.Document(out).paragraphs)
    assert (
        "Tổng điểm: 3/100 điểm, xếp loại Yếu, theo Bộ chỉ số CCHC cấp xã tỉnh Khánh Hòa năm 2026 (KH-XA-2026.1)" in text
    )
    assert "1. Công tác chỉ đạo, điều hành (3/12 điểm)" in text
    cells = [c.text for t in docx.Document(out).tables for r in t.rows for c in r.cells]
    assert "Không đạt (0/5 điểm)" in cells and "Có (1/3 điểm, chấm tay)" in cells
    assert "Điểm chấm tay: Bố trí chưa đủ giờ" in cells
    xlsx = tmp_path / "th.xlsx"
    assert _run(["--db", db_path, "summary", made["id"], "-o", str(xlsx)]).exit_code == 0
    wb = load_workbook(xlsx)
    rows = {r[0]: r for r in wb["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert rows["Đồng Hóa"][2:6] == (3, 3.0, "Yếu", 3) and rows["Ninh Xuân"][2:6] == (12, 12.0, "Yếu", 1)
    ranked = [r[:6] for r in wb["Xếp hạng"].iter_rows(min_row=2, values_only=True)]
    assert ranked[:3] == [
        (1, "Ninh Xuân", 12, 100, 12.0, "Yếu"),
        (1, "Tòng Bạt", 12, 100, 12.0, "Yếu"),
        (3, "Đồng Hóa", 3, 100, 3.0, "Yếu"),
    ]
    # a set in use: loading a changed file makes a new version, the inspection keeps its own
    rows = _rows()
    rows[0][4] = 6
    r = _run(["--db", db_path, "checklist", "--load", str(workbook(tmp_path / "kh2.xlsx", rows))])
    assert "as KH-XA-2026.2" in r.output
    listed = _run(["--db", db_path, "checklist", "--list"]).output
    assert "KH-XA-2026.1" in listed and "locked" in listed and "KH-XA-2026.2" in listed
    from inspector.cli import main

    assert main(["--db", db_path, "inspection", "edit", made["id"], "--checklist", "KH-XA-2026.2"]) == 1
    assert json.loads(_run(["--db", db_path, "list", "--json"]).output)[0]["checklist_version"] == "KH-XA-2026.1"


def test_a_broken_workbook_on_the_command_line_lists_every_problem_and_loads_nothing(tmp_path):
    rows = _rows()
    rows[1][0] = "A1"
    rows[5][4] = "hai"
    db_path = str(tmp_path / "office.sqlite3")
    r = CliRunner().invoke(cli, ["--db", db_path, "checklist", "--load", str(workbook(tmp_path / "bad.xlsx", rows))])
    assert r.exit_code == 1
    assert "2 problem(s); nothing was loaded" in r.output
    assert "Tiêu chí, row 3, Mã (A): A1 is also the code of row 2" in r.output
    assert "KH-XA-2026" not in _run(["--db", db_path, "checklist", "--list"]).output
    r = _run(["--db", db_path, "checklist", "export", "CCHC-XA-2025.1", "-o", str(tmp_path / "mau.xlsx")])
    assert r.exit_code == 0 and load_workbook(tmp_path / "mau.xlsx")["Tiêu chí"]["A1"].value == "Mã"


# ---- the 2026 starter set ------------------------------------------------------------------------


def test_the_2026_starter_set_comes_with_the_app_scores_to_100_and_names_its_sources(tmp_path, db):
    c = cl.get(db, "CCHC-XA-2026.1")
    assert sum(it.points for it in c.items if it.points and not it.points_kind) == 100
    assert [n for n, _ in c.classes] == ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]
    assert "NĐ 118/2025/NĐ-CP" in c.info["sources"] and "QĐ 766/QĐ-TTg" in c.info["sources"]
    assert {it.points_kind for it in c.items} == {"", "bonus", "penalty"}
    assert all(it.not_met for it in c.items if not it.points_kind)  # a sentence for the minutes, each
    # facts read only in secondary sources are marked to be checked, never cited as settled
    assert "cần đối chiếu" in c.item("B2").guidance.lower() or "Căn cứ cần đối chiếu" in c.item("B2").guidance
    assert "CCHC-XA-2026.1" in {v.id for v in cl.list_versions(db)}
    met = {
        it.code: A({"assessment": "dat", "yesno": "co", "ratio": "100/100", "count": "5"}[it.type])
        for it in c.items
        if not it.points_kind
    }
    s = scoring.score_visit(c, met)
    assert (s.points, s.maximum, s.klass) == (100, 100, "Xuất sắc")
    # an office's copy in Excel loads back as the same set
    again, note = cl.add_version(db, cx.read(cx.write(c, tmp_path / "bo.xlsx")))
    assert again.id == "CCHC-XA-2026.1" and note == " (already in the database)"
