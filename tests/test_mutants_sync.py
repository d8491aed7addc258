"""Deciding conflicts of every kind of field (found by mutation testing of sync.py): a value picked
from the heads is kept exactly; a value typed anew is read as its field reads it (an answer by its
item in the inspection's own set, whole numbers, points, lists of names, one-line or multi-line
text); a bad one is refused and nothing is written."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_criteria import workbook

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import criteria_xlsx as cx
from inspector import errors, events, sync
from inspector import inspections as ins


def _pair(tmp_path, *, checklist: str | None = None):
    """Two laptops with the same plan (one commune, one member, one finding)."""
    a = inspector.open_db(tmp_path / "a.sqlite3")
    b = inspector.open_db(tmp_path / "b.sqlite3")
    if checklist == "KH":
        version, _ = cl.add_version(a, cx.read(workbook(tmp_path / "kh.xlsx")))
        checklist = version.id
    insp = ins.create_inspection(a, title="Kiểm tra 2026", checklist_version=checklist)
    m = ins.add_member(a, insp.id, name="Nguyễn Văn An")
    v = ins.add_visit(a, insp.id, commune="Ninh Xuân", province="Khánh Hòa")
    sync.export_package(a, tmp_path / "plan.cchc")
    sync.merge_packages(b, [tmp_path / "plan.cchc"])
    return a, b, insp, m, v


def _meet(tmp_path, a, b) -> list[sync.ConflictInfo]:
    sync.export_package(a, tmp_path / "a.cchc")
    return sync.merge_packages(b, [tmp_path / "a.cchc"]).conflicts


def _state(db):
    return db.execute("SELECT count(*) FROM events").fetchone()[0], events.conflict_count(db)


def test_an_answer_typed_anew_is_read_by_its_item_in_the_inspections_own_set(tmp_path):
    a, b, insp, m, v = _pair(tmp_path, checklist="KH")
    ans.set_answer(a, v.id, "A3", "90/100")  # A3 is a ratio in the province's set only
    ans.set_answer(b, v.id, "A3", "70/100")
    (c,) = _meet(tmp_path, a, b)
    assert {h["display"] for h in c.heads} == {"90/100 (90,0%)", "70/100 (70,0%)"}
    assert c.item_text == "Tỷ lệ hồ sơ đúng hạn / tổng số hồ sơ"
    before = _state(b)
    with pytest.raises(inspector.InvalidValue):
        sync.resolve(b, c.id, "dat")  # not a ratio
    assert _state(b) == before
    sync.resolve(b, c.id, " 85 / 100 ")
    assert ans.get_answer(b, v.id, "A3").value == "85/100" and events.conflict_count(b) == 0


def test_a_suggestion_in_conflict_is_read_as_an_answer(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    for db, value in ((a, "dat"), (b, "khong_dat")):
        ans.set_answers(db, v.id, [ans.AnswerInput("B2", value)], suggested=True)
    (c,) = _meet(tmp_path, a, b)
    assert c.field == "suggested" and c.field_label == "Gợi ý từ lần trước"
    assert sorted(h["display"] for h in c.heads) == ["Không đạt", "Đạt"]
    sync.resolve(b, c.id, "đạt một phần")
    assert ans.get_answer(b, v.id, "B2").suggested == "dat_mot_phan"


def _numbers_in_conflict(tmp_path):
    """A member's order, an item's points and reason, and the representatives, in conflict."""
    a, b, insp, m, v = _pair(tmp_path, checklist="KH")
    ins.update_member(a, m.id, ord=2)
    ins.update_member(b, m.id, ord=3)
    ans.set_answer(a, v.id, "A1", "dat")
    sync.export_package(a, tmp_path / "a0.cchc")
    sync.merge_packages(b, [tmp_path / "a0.cchc"])
    ans.set_points(a, v.id, "A1", 4, reason="Ban hành muộn")
    ans.set_points(b, v.id, "A1", 3, reason="Ban hành muộn 2 tháng")
    ins.update_visit(a, v.id, representatives=[{"name": "Lê Hoa", "position": "Chủ tịch"}])
    ins.update_visit(b, v.id, representatives=[{"name": "Lê Hòa", "position": "Chủ tịch"}])
    _meet(tmp_path, a, b)
    return a, b, insp, m, v, {c.field: c for c in sync.conflicts(b)}


def test_whole_numbers_points_and_names_are_read_as_their_fields_read_them(tmp_path):
    a, b, insp, m, v, found = _numbers_in_conflict(tmp_path)
    assert {"ord", "points", "points_reason", "representatives"} <= set(found)
    before = _state(b)
    for field, bad in (("ord", "hai"), ("points", "bốn"), ("representatives", "[Lê Hoa")):
        with pytest.raises(inspector.InvalidInput):
            sync.resolve(b, found[field].id, bad)
    assert _state(b) == before
    sync.resolve(b, found["ord"].id, " 5 ")
    sync.resolve(b, found["points"].id, "3,5")
    sync.resolve(b, found["representatives"].id, '[{"name": "Lê Thị Hoa", "position": "Chủ tịch UBND xã"}]')
    assert [x.ord for x in ins.members(b, insp.id)] == [5]
    assert ans.get_answer(b, v.id, "A1").points == 3.5
    assert [r.name for r in ins.get_visit(b, v.id).representatives] == ["Lê Thị Hoa"]


def test_a_whole_number_or_points_may_be_cleared(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ins.update_member(a, m.id, ord=2)
    ins.update_member(b, m.id, ord=3)
    (c,) = _meet(tmp_path, a, b)
    sync.resolve(b, c.id, "")
    assert b.execute("SELECT ord FROM members WHERE id = ?", [m.id]).fetchone()[0] is None


def test_a_value_picked_from_the_heads_is_kept_exactly_and_text_typed_anew_is_cleaned(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ins.update_visit(a, v.id, opinion="UBND xã thống nhất.\nSẽ khắc phục trong tháng 12.")
    ins.update_visit(b, v.id, opinion="UBND xã thống nhất với biên bản.")
    ins.update_inspection(a, insp.id, title="Kiểm tra CCHC 2026")
    ins.update_inspection(b, insp.id, title="Kiểm tra CCHC năm 2026")
    found = {c.field: c for c in _meet(tmp_path, a, b)}
    picked = next(h["value"] for h in found["opinion"].heads if "\n" in h["value"])
    sync.resolve(b, found["opinion"].id, picked)
    assert ins.get_visit(b, v.id).opinion == "UBND xã thống nhất.\nSẽ khắc phục trong tháng 12."
    sync.resolve(b, found["title"].id, "Kiểm tra\tCCHC\u0007 năm 2026\n")
    assert ins.get_inspection(b, insp.id).title == "Kiểm tra CCHC năm 2026"


def test_finding_a_conflict_by_a_prefix_of_its_id(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    for db, value in ((a, "dat"), (b, "khong_dat")):
        ans.set_answer(db, v.id, "B2", value)
        ans.set_answer(db, v.id, "B3", value)
    got = _meet(tmp_path, a, b)
    assert len(got) == 2
    assert sync.find_conflict(b, got[0].id[:6].upper()).id == got[0].id
    with pytest.raises(inspector.NotFound):
        sync.find_conflict(b, "ffffffff")
    with pytest.raises(inspector.NotFound):
        sync.find_conflict(b, "  ")
    common = next((k for k in range(1, 8) if got[0].id[:k] != got[1].id[:k]), 8) - 1
    if common:
        with pytest.raises(inspector.Ambiguous):
            sync.find_conflict(b, got[0].id[:common])


def test_the_merge_report_as_json_and_one_line(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ans.set_answer(a, v.id, "B2", "dat")
    ans.set_answer(b, v.id, "B2", "khong_dat")
    sync.export_package(a, tmp_path / "a.cchc")
    (tmp_path / "note.cchc").write_text("not a package")
    report = sync.merge_packages(b, [tmp_path / "a.cchc", tmp_path / "note.cchc"])
    j = report.to_json()
    assert j["added"]["events"] == report.added["events"] >= 1 and j["updated"]["answers"] == 1
    assert j["rejected"][0]["file"] == "note.cchc" and j["rejected"][0]["reason"]
    label = report.conflicts[0].label
    assert j["conflicts"][0]["label"] == label and label.startswith("Ninh Xuân: B2 Niêm yết") and label.endswith("…")
    assert len(label) == len("Ninh Xuân: B2 ") + 70  # a long criterion is cut at 70 characters
    assert j["packages"][0]["file"] == "a.cchc" and j["known_events"] == report.known_events
    line = report.summary()
    assert line.startswith("1 package(s) merged: ") and "1 new conflict(s)" in line and "1 file(s) rejected" in line
    again = sync.merge_packages(b, [tmp_path / "a.cchc"])
    assert again.summary().startswith("1 package(s) merged: nothing new;") and again.packages[0].already_merged
    log = sync.merge_log(b)
    assert [e.file_name for e in log] == ["a.cchc", "a.cchc", "plan.cchc"] and log[0].counts["known_events"] >= 1


def test_conflicts_on_a_photo_and_a_long_finding_are_labelled_with_their_text(tmp_path):
    from test_sync_helpers import add_photo

    from inspector import photos as ph

    a, b, insp, m, v = _pair(tmp_path)
    add_photo(a, v.id, insp.id, seed=3)
    long_text = "Chưa niêm yết số điện thoại đường dây nóng của Chủ tịch UBND xã tại bộ phận một cửa và trên cổng"
    f = ins.add_finding(a, v.id, kind="ton_tai", text=long_text)
    sync.export_package(a, tmp_path / "a0.cchc")
    sync.merge_packages(b, [tmp_path / "a0.cchc"])
    (att,) = ph.attachments(a, v.id)
    ph.set_caption(a, att.id, "Bảng niêm yết TTHC")
    ph.set_caption(b, att.id, "Bảng niêm yết thủ tục")
    ins.update_finding(a, f.id, responsible="Văn phòng UBND xã")
    ins.update_finding(b, f.id, responsible="Công chức Văn phòng - Thống kê")
    found = {c.entity: c for c in _meet(tmp_path, a, b)}
    photo, finding = found["attachment"], found["finding"]
    assert photo.commune == "Ninh Xuân" and photo.field_label.startswith("Ảnh Bảng niêm yết")
    assert photo.field_label.endswith(" — Chú thích") or "—" in photo.field_label
    assert finding.field_label == "Nhận xét " + long_text[:60].strip() + " — Đơn vị thực hiện"  # cut at 60
    assert {h["display"] for h in finding.heads} == {"Văn phòng UBND xã", "Công chức Văn phòng - Thống kê"}
    assert finding.item_code == "" and finding.item_text == ""


def test_check_names_a_missing_parent_and_a_head_followed_by_a_change(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ans.set_answer(a, v.id, "B2", "dat")
    ans.set_answer(a, v.id, "B2", "khong_dat")
    steps = []
    assert sync.check_database(a, progress=lambda n, total: steps.append((n, total))) == []
    first = a.execute(
        "SELECT p.parent FROM event_parents p JOIN events e ON e.id = p.child WHERE e.field = 'value'"
    ).fetchone()[0]
    a.execute("UPDATE events SET is_head = 1 WHERE id = ?", [first])
    assert sync.check_database(a) == [
        "events: 1 change(s) marked current although a later change follows them",
        "conflicts: 1 field(s) listed wrongly in the table of conflicts",  # two heads, two values: unlisted
    ]
    a.execute("UPDATE events SET is_head = 0 WHERE id = ?", [first])
    a.execute("PRAGMA foreign_keys = OFF")
    a.execute("INSERT INTO findings(id, visit_id, kind, text) VALUES ('f1', 'no-such-visit', 'ton_tai', 'x')")
    problems = sync.check_database(a)
    assert (
        len(problems) == 1
        and problems[0].startswith("foreign key: findings row ")
        and "names a missing visits" in problems[0]
    )


def test_text_typed_anew_keeps_its_lines_in_the_fields_of_several_lines_only(tmp_path):
    """A finding's text, the commune's opinion, an answer's note and the inspection's legal basis
    keep their lines; a one-line field (the title) is made one line."""
    a, b, insp, m, v = _pair(tmp_path)
    (f,) = ins.findings(a, v.id) or [ins.add_finding(a, v.id, kind="ton_tai", text="Chưa niêm yết")]
    sync.export_package(a, tmp_path / "a0.cchc")
    sync.merge_packages(b, [tmp_path / "a0.cchc"])
    for db, n in ((a, 1), (b, 2)):
        ins.update_finding(db, f.id, text=f"Chưa niêm yết {n}")
        ins.update_visit(db, v.id, opinion=f"Thống nhất {n}")
        ans.set_answer(db, v.id, "B2", "dat", note=f"Ghi chú {n}")
        ins.update_inspection(db, insp.id, legal_basis=f"Kế hoạch {n}", title=f"Kiểm tra {n}")
    found = {c.field: c for c in _meet(tmp_path, a, b)}
    assert {"text", "opinion", "note", "legal_basis", "title"} <= set(found)
    typed = "  Dòng một\u0007\nDòng hai  "
    for field in ("text", "opinion", "note", "legal_basis", "title"):
        sync.resolve(b, found[field].id, typed)
    got_insp = ins.get_inspection(b, insp.id)
    assert ins.findings(b, v.id)[0].text == "Dòng một\nDòng hai"
    assert ins.get_visit(b, v.id).opinion == "Dòng một\nDòng hai"
    assert ans.get_answer(b, v.id, "B2").note == "Dòng một\nDòng hai"
    assert got_insp.legal_basis == "Dòng một\nDòng hai"
    assert got_insp.title == "Dòng một Dòng hai"
    assert events.conflict_count(b) == 0


def test_a_new_value_is_kept_when_one_side_had_cleared_the_field_and_none_clears_it(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ins.update_member(a, m.id, ord=2)
    sync.export_package(a, tmp_path / "a0.cchc")
    sync.merge_packages(b, [tmp_path / "a0.cchc"])
    ins.update_member(a, m.id, ord=None)  # cleared on one laptop
    ins.update_member(b, m.id, ord=4)
    (c,) = _meet(tmp_path, a, b)
    assert sorted([h["value"] for h in c.heads], key=str) == [4, None]
    sync.resolve(b, c.id, "5")
    assert b.execute("SELECT ord FROM members WHERE id = ?", [m.id]).fetchone()[0] == 5
    ins.update_member(a, m.id, ord=6)
    ins.update_member(b, m.id, ord=7)
    (c,) = _meet(tmp_path, a, b)
    sync.resolve(b, c.id, None)  # None clears: it is not one of the heads' values
    assert b.execute("SELECT ord FROM members WHERE id = ?", [m.id]).fetchone()[0] is None


def test_points_may_be_cleared_and_bad_values_are_named_in_the_refusal(tmp_path):
    a, b, insp, m, v, found = _numbers_in_conflict(tmp_path)
    for field, bad, words in (
        ("ord", "hai", ["expected a whole number", "'hai'"]),
        ("points", "bốn", ["expected a number", "'bốn'"]),
        ("representatives", "[Lê Hoa", []),
    ):
        with pytest.raises(inspector.InvalidInput) as e:
            sync.resolve(b, found[field].id, bad)
        assert all(w in str(e.value) for w in words), str(e.value)
        if field == "representatives":
            assert str(e.value) == "representatives: expected a JSON list"
        else:
            assert str(e.value).startswith(found[field].field_label + ": ")
    sync.resolve(b, found["points"].id, "")
    assert ans.get_answer(b, v.id, "A1").points is None


def test_a_signed_visits_own_field_needs_a_reason_but_its_status_does_not(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    for db, n in ((a, 1), (b, 2)):
        ins.update_visit(db, v.id, opinion=f"Thống nhất {n}")
    found = {c.field: c for c in _meet(tmp_path, a, b)}
    b.execute("UPDATE visits SET status = 'signed' WHERE id = ?", [v.id])
    b.conn.commit()
    before = _state(b)
    with pytest.raises(inspector.VisitFrozen):
        sync.resolve(b, found["opinion"].id, "Thống nhất 3")
    assert _state(b) == before
    sync.resolve(b, found["opinion"].id, "Thống nhất 3", reason="Sửa theo ý kiến xã")
    assert ins.get_visit(b, v.id).opinion == "Thống nhất 3"


def test_the_status_of_a_signed_visit_in_conflict_is_decided_without_a_reason(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ins.update_visit(a, v.id, status="done")
    ins.update_visit(b, v.id, status="in_progress")
    (c,) = _meet(tmp_path, a, b)
    assert c.field == "status"
    b.execute("UPDATE visits SET status = 'signed' WHERE id = ?", [v.id])
    b.conn.commit()
    sync.resolve(b, c.id, "done")  # no reason asked
    assert ins.get_visit(b, v.id).status == "done" and events.conflict_count(b) == 0


def test_the_default_package_name_says_what_which_laptop_and_when(tmp_path, monkeypatch):
    import re

    from inspector import db as dbm

    a, b, insp, m, v = _pair(tmp_path)
    dbm.meta_set(a, "laptop_name", "Máy của Phòng Cải cách hành chính tỉnh Khánh Hòa số 2")
    ins.update_inspection(a, insp.id, title="Kiểm tra công tác cải cách hành chính năm 2026 tại các xã")
    name = sync.default_package_name(a, insp.id)
    title, laptop, when = re.fullmatch(r"(.+)_(.+)_(\d{8}-\d{6})\.cchc", name).groups()
    assert title == "Kiem-tra-cong-tac-cai-cach-hanh-chinh-na"[:40] and len(title) == 40
    assert laptop == "May-cua-Phong-Cai-cach-hanh-ch" and len(laptop) == 30
    assert sync.default_package_name(a).startswith("tat-ca_May-cua-Phong")
    ins.update_inspection(a, insp.id, title="!!!")
    dbm.meta_set(a, "laptop_name", "???")
    name = sync.default_package_name(a, insp.id)
    assert name.startswith(f"dot-kiem-tra_{dbm.device_id(a)[:8]}_") and len(dbm.device_id(a)) > 8


def test_check_names_at_most_20_broken_links_each_damaged_photo_and_reports_progress(tmp_path):
    from test_sync_helpers import add_photo

    a, b, insp, m, v = _pair(tmp_path)
    shas = [add_photo(a, v.id, insp.id, seed=n) for n in range(120)]
    a.execute("UPDATE photos SET data = x'00' WHERE sha256 = ?", [shas[7]])
    a.execute("PRAGMA foreign_keys = OFF")
    for n in range(25):
        a.execute(
            "INSERT INTO members(id, inspection_id, name) VALUES (?, ?, ?)", [events.new_id(), f"gone-{n}", f"M{n}"]
        )
    a.conn.commit()
    steps = []
    problems = sync.check_database(a, progress=lambda n, total: steps.append((n, total)))
    assert sum(p.startswith("foreign key: members row ") for p in problems) == 20
    assert f"photo {shas[7][:12]}: stored bytes do not match the SHA-256" in problems
    assert steps == [(0, 120), (50, 120), (100, 120)]


def test_a_merge_that_brings_nothing_says_so_and_one_that_brings_something_counts_it(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    sync.export_package(a, tmp_path / "same.cchc")
    assert sync.merge_packages(b, [tmp_path / "same.cchc"]).summary().startswith("1 package(s) merged: nothing new; ")
    ans.set_answer(a, v.id, "B2", "dat")
    ans.set_answer(a, v.id, "B3", "khong_dat")
    sync.export_package(a, tmp_path / "more.cchc")
    line = sync.merge_packages(b, [tmp_path / "more.cchc"]).summary()
    assert re.match(r"1 package\(s\) merged: 2 answers, \d+ events; \d+ change\(s\) already known; 0 new", line), line


def test_every_kind_of_conflict_is_labelled_for_a_person_and_sorted(tmp_path):
    """Conflicts on an answer (a cleared value, a note), the inspection, members (one named, one
    without a name, one whose row is gone), the visit (a cleared opinion), findings (one long, one
    whose row is gone) and a photo without a caption, in two inspections: the words a person
    reads, the empty value shown as "(trống)", the order (by inspection, commune, answers first),
    and the filter by inspection."""
    from test_sync_helpers import add_photo

    from inspector import photos as ph

    a, b, insp, m, v = _pair(tmp_path)
    other = ins.create_inspection(a, title="Giám sát 2026")
    m2 = ins.add_member(a, insp.id, name="Trần Bình")
    m3 = ins.add_member(a, insp.id, name="Lê Chi")
    v2 = ins.add_visit(a, other.id, commune="Ninh Đa", province="Khánh Hòa")
    long_text = "Chưa niêm yết số điện thoại đường dây nóng của Chủ tịch UBNDxã tại bộ phận một cửa"
    f = ins.add_finding(a, v.id, kind="ton_tai", text=long_text)
    f2 = ins.add_finding(a, v.id, kind="kien_nghi", text="Bổ sung máy lấy số")
    add_photo(a, v.id, insp.id, seed=3)
    ans.set_answer(a, v.id, "B2", "dat")
    ins.update_visit(a, v.id, opinion="Thống nhất")
    sync.export_package(a, tmp_path / "p.cchc")
    sync.merge_packages(b, [tmp_path / "p.cchc"])
    (att,) = ph.attachments(a, v.id)
    for db, n in ((a, 1), (b, 2)):
        ans.set_answer(db, v.id, "B2", None if n == 1 else "khong_dat", note=f"ghi {n}")
        ans.set_answer(db, v2.id, "B3", "dat" if n == 1 else "khong_dat")
        ins.update_inspection(db, insp.id, title=f"Kiểm tra {n}")
        ins.update_visit(db, v.id, opinion="" if n == 1 else "Thống nhất với biên bản")
        for member in (m, m2, m3):
            ins.update_member(db, member.id, position=f"Chức vụ {n}")
        for finding in (f, f2):
            ins.update_finding(db, finding.id, responsible=f"Đơn vị {n}")
        ph.set_caption(db, att.id, f"Chú thích {n}")
    _meet(tmp_path, a, b)
    b.execute("PRAGMA foreign_keys = OFF")  # rows gone or emptied under their conflicts
    b.execute("DELETE FROM members WHERE id = ?", [m2.id])
    b.execute("UPDATE members SET name = NULL WHERE id = ?", [m3.id])
    b.execute("DELETE FROM findings WHERE id = ?", [f2.id])
    b.execute("UPDATE attachments SET caption = NULL WHERE id = ?", [att.id])
    b.conn.commit()
    b2 = "Niêm yết đầy đủ các bộ phận của TTHC: trình tự, cách thức, thành phần…"
    units = ["Đơn vị 1", "Đơn vị 2"]
    expected = [
        ("Giám sát 2026", "Ninh Đa", "answer", "B3", "Kết quả", ["Không đạt", "Đạt"]),
        ("Kiểm tra 2", "", "member", "", "Thành viên Nguyễn Văn An — Chức vụ", ["Chức vụ 1", "Chức vụ 2"]),
        ("Kiểm tra 2", "", "member", "", "Thành viên — Chức vụ", ["Chức vụ 1", "Chức vụ 2"]),
        ("Kiểm tra 2", "", "member", "", "Thành viên — Chức vụ", ["Chức vụ 1", "Chức vụ 2"]),
        ("Kiểm tra 2", "", "inspection", "", "Tên đợt", ["Kiểm tra 1", "Kiểm tra 2"]),
        ("Kiểm tra 2", "Ninh Xuân", "answer", "B2", "Ghi chú", ["ghi 1", "ghi 2"]),
        ("Kiểm tra 2", "Ninh Xuân", "answer", "B2", "Kết quả", ["(trống)", "Không đạt"]),
        ("Kiểm tra 2", "Ninh Xuân", "attachment", "", "Ảnh — Chú thích", ["Chú thích 1", "Chú thích 2"]),
        ("Kiểm tra 2", "Ninh Xuân", "visit", "", "Ý kiến", ["(trống)", "Thống nhất với biên bản"]),
        ("Kiểm tra 2", "Ninh Xuân", "finding", "", "Nhận xét " + long_text[:60] + " — Đơn vị thực hiện", units),
        ("Kiểm tra 2", "Ninh Xuân", "finding", "", "Nhận xét — Đơn vị thực hiện", units),
    ]
    got = sync.conflicts(b)
    rows = [
        (c.inspection, c.commune, c.entity, c.item_code, c.field_label, sorted(h["display"] for h in c.heads))
        for c in got
    ]
    assert [r[:4] for r in rows] == [e[:4] for e in expected]  # the order (within a kind: by id)
    assert sorted(rows) == sorted(expected)
    assert {
        "Kiểm tra 2: Thành viên Nguyễn Văn An — Chức vụ",
        "Kiểm tra 2: Thành viên — Chức vụ",
        f"Ninh Xuân: B2 {b2} (Ghi chú)",
        f"Ninh Xuân: B2 {b2}",
        "Ninh Xuân: Ý kiến",
        "Kiểm tra 2: Tên đợt",
    } <= {c.label for c in got}
    assert [c.item_text for c in got if c.entity != "answer"] == [""] * 8
    for c in got:
        assert all(set(h) == {"event_id", "value", "display", "author", "device", "hlc", "time"} for h in c.heads)
        assert all(h["hlc"] and h["device"] for h in c.heads)
    assert [c.entity for c in sync.conflicts(b, other.id)] == ["answer"]
    assert sync.conflicts(b, insp.id) == got[1:]


def test_finding_a_conflict_names_what_is_missing_or_ambiguous(tmp_path, monkeypatch):
    from types import SimpleNamespace

    a, b, insp, m, v = _pair(tmp_path)
    fake = [SimpleNamespace(id=i) for i in ("abc1", "abc2", "abd3")]
    monkeypatch.setattr(sync, "conflicts", lambda db, inspection_id=None: fake)
    assert sync.find_conflict(b, " ABD ").id == "abd3"
    for key, count in (("abc", 2), ("ab", 3)):
        with pytest.raises(inspector.Ambiguous) as amb:
            sync.find_conflict(b, key)
        assert (amb.value.what, amb.value.key, amb.value.count) == ("conflict", key, count)
    for key in (None, "", "abe"):
        with pytest.raises(inspector.NotFound) as e:
            sync.find_conflict(b, key)
        assert (e.value.what, e.value.key) == ("conflict", key)


def test_a_sqlite_error_during_a_merge_is_the_disk_or_a_damaged_package(tmp_path):
    import sqlite3

    from inspector.errors import CannotWrite, PackageRejected

    a, b, insp, m, v = _pair(tmp_path)
    pkg = tmp_path / "x.cchc"
    full = sync._merge_error(b, pkg, sqlite3.OperationalError("database or disk is full"))
    assert isinstance(full, CannotWrite) and full.code == "disk_full"
    assert Path(full.path) == tmp_path / "b.sqlite3"
    for message in ("unable to open database file", "file is not a database"):
        got = sync._merge_error(b, pkg, sqlite3.DatabaseError(message))
        assert isinstance(got, PackageRejected) and got.code == "damaged"
        assert Path(got.path).name == "x.cchc" and got.params["detail"] == message, (got.path, got.params)


def test_deciding_records_who_decided_and_refuses_a_conflict_changed_meanwhile(tmp_path, monkeypatch):
    a, b, insp, m, v = _pair(tmp_path)
    for db, value in ((a, "dat"), (b, "khong_dat")):
        ans.set_answer(db, v.id, "B2", value)
    (stale,) = _meet(tmp_path, a, b)
    ans.set_answer(a, v.id, "B2", "dat_mot_phan")  # a new head arrives after the conflict was read
    _meet(tmp_path, a, b)
    with monkeypatch.context() as mp:
        mp.setattr(sync, "find_conflict", lambda db, cid: stale)
        with pytest.raises(inspector.InvalidInput) as e:
            sync.resolve(b, stale.id, "dat")
    assert str(e.value) == "the conflict changed meanwhile; look at it again"
    (fresh,) = sync.conflicts(b)
    event_id = sync.resolve(b, fresh.id, "dat", author="Phạm Thu Hà")
    assert b.execute("SELECT author FROM events WHERE id = ?", [event_id]).fetchone()[0] == "Phạm Thu Hà"


def test_a_signed_visit_refuses_a_decision_without_reason_naming_the_commune(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    for db, n in ((a, 1), (b, 2)):
        ins.update_visit(db, v.id, opinion=f"Thống nhất {n}")
        db.execute("UPDATE visits SET signed_at = ?, version_code = ? WHERE id = ?", [f"2026-11-2{n}", f"V{n}", v.id])
        db.conn.commit()
    b.execute("UPDATE visits SET status = 'signed' WHERE id = ?", [v.id])
    b.conn.commit()
    with pytest.raises(inspector.VisitFrozen) as e:
        sync.resolve(b, next(c.id for c in _meet(tmp_path, a, b) if c.field == "opinion"), "Thống nhất 3")
    assert (e.value.visit_id, e.value.commune) == (v.id, "Ninh Xuân")


def test_two_laptops_signing_one_visit_decide_its_signing_fields_without_a_reason(tmp_path, monkeypatch):
    from datetime import datetime

    from inspector import minutes

    a, b, insp, m, v = _pair(tmp_path)
    for db, n in ((a, 1), (b, 2)):
        ins.update_visit(db, v.id, opinion=f"Thống nhất {n}")

        class Clock(datetime):
            @classmethod
            def now(cls, tz=None, n=n):
                return datetime(2026, 11, 20 + n, 9, 0, 0)

        monkeypatch.setattr(minutes, "datetime", Clock)
        minutes.sign_visit(db, v.id)
    found = {c.field: c for c in _meet(tmp_path, a, b)}
    assert {"signed_at", "version_code", "opinion"} <= set(found)
    for field in ("signed_at", "version_code"):  # the signing's own fields: no reason asked
        sync.resolve(b, found[field].id, found[field].heads[0]["value"])
    with pytest.raises(inspector.VisitFrozen):
        sync.resolve(b, found["opinion"].id, "Thống nhất 3")
    assert {c.field for c in sync.conflicts(b)} == {"opinion"}


def test_the_merge_log_gives_each_merge_and_survives_a_damaged_row(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ans.set_answer(a, v.id, "B2", "dat")
    sync.export_package(a, tmp_path / "a.cchc")
    sync.merge_packages(b, [tmp_path / "a.cchc"])
    newest = sync.merge_log(b)[0]
    assert newest.file_name == "a.cchc" and len(newest.id) == 36 and newest.id != newest.file_name
    assert newest.sha256 == sync.verify_package(tmp_path / "a.cchc").sha256 and len(newest.sha256) == 64
    assert newest.merged_at[:4] == "2026" or newest.merged_at[:2] == "20"
    nothing = dict.fromkeys(sync.KINDS, 0)
    assert newest.counts == {
        "added": {**nothing, "answers": 1, "events": 1},
        "updated": nothing,
        "known_events": sync.verify_package(tmp_path / "plan.cchc").events,  # the plan b had already
        "conflicts": 0,
    }
    b.execute(
        "INSERT INTO merges(id, file_name, sha256, merged_at, counts) VALUES ('x', NULL, NULL, '9999-12-31', '{bad')"
    )
    b.execute("INSERT INTO merges(id, file_name, sha256, merged_at, counts) VALUES ('y', '', '', '9999-12-30', NULL)")
    b.conn.commit()
    first, second = sync.merge_log(b)[:2]
    assert (first.id, first.file_name, first.sha256, first.merged_at, first.counts) == ("x", "", "", "9999-12-31", {})
    assert (second.id, second.counts) == ("y", {})
    b.execute("INSERT INTO merges(id, file_name, sha256, merged_at, counts) VALUES ('z', 'f', 's', NULL, '{}')")
    b.conn.commit()
    last = sync.merge_log(b)[-1]
    assert (last.id, last.merged_at) == ("z", "")


def test_a_package_brings_its_criteria_set_and_the_receiver_keeps_the_built_in_one(tmp_path):
    a, b, insp, m, v = _pair(tmp_path, checklist="KH")
    fresh = inspector.open_db(tmp_path / "c.sqlite3")
    report = sync.merge_packages(fresh, [tmp_path / "plan.cchc"])
    assert report.added["checklists"] == 1 and "1 checklists" in report.summary()
    assert {r[0] for r in fresh.execute("SELECT id FROM checklist_versions")} == {
        cl.DEFAULT_VERSION,
        insp.checklist_version,
    }
    again = sync.merge_packages(fresh, [tmp_path / "plan.cchc"])
    assert again.added["checklists"] == 0


def test_export_refuses_an_unknown_inspection_an_empty_database_and_a_transaction(tmp_path):
    empty = inspector.open_db(tmp_path / "empty.sqlite3")
    with pytest.raises(inspector.InvalidInput) as e:
        sync.export_package(empty, tmp_path / "x.cchc")
    assert str(e.value) == "there is no inspection to export"
    a, b, insp, m, v = _pair(tmp_path)
    with pytest.raises(inspector.NotFound) as nf:
        sync.export_package(a, tmp_path / "x.cchc", "ffffffff")
    assert nf.value.what == "inspection"
    a.execute("BEGIN")
    try:
        with pytest.raises(RuntimeError) as rt:
            sync.export_package(a, tmp_path / "x.cchc")
        assert str(rt.value) == "export_package cannot run inside a transaction"
    finally:
        a.execute("ROLLBACK")
    assert not (tmp_path / "x.cchc").exists()


def test_export_reports_its_six_steps_and_carries_the_built_in_set(tmp_path):
    import sqlite3

    db = inspector.open_db(tmp_path / "new.sqlite3")  # the built-in set not stored yet
    ins.create_inspection(db, title="Kiểm tra 2026")
    steps = []
    sync.export_package(db, tmp_path / "x.cchc", progress=lambda n, total: steps.append((n, total)))
    assert {t for _, t in steps} == {6} and steps[-1] == (6, 6) and len(steps) >= 5
    assert [n for n, _ in steps] == sorted(n for n, _ in steps) and steps[0][0] == 0
    c = sqlite3.connect(tmp_path / "x.cchc")
    assert [r[0] for r in c.execute("SELECT id FROM checklist_versions")] == [cl.DEFAULT_VERSION]
    c.close()


def test_a_merge_result_names_what_it_touched_and_what_was_known(tmp_path):
    import re

    a, b, insp, m, v = _pair(tmp_path)
    n_plan = sync.verify_package(tmp_path / "plan.cchc").events
    first = sync.merge_packages(inspector.open_db(tmp_path / "c.sqlite3"), [tmp_path / "plan.cchc"]).packages[0]
    assert first.known_events == 0 and first.already_merged == ""
    assert first.inspections_changed == (insp.id,) and first.visit_ids == (v.id,)
    ans.set_answer(a, v.id, "B2", "dat")
    sync.export_package(a, tmp_path / "a.cchc")
    got = sync.merge_packages(b, [tmp_path / "a.cchc"]).packages[0]
    assert got.known_events == n_plan and got.inspections_changed == () and got.visit_ids == (v.id,)
    again = sync.merge_packages(b, [tmp_path / "a.cchc"]).packages[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", again.already_merged)
    log = sync.merge_log(b)[0]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}", log.merged_at)
    assert set(log.counts) == {"added", "updated", "known_events", "conflicts"}
    assert log.counts["known_events"] == n_plan + 1 and log.counts["conflicts"] == 0


def test_a_conflict_met_again_in_a_third_package_is_not_new(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    c = inspector.open_db(tmp_path / "c.sqlite3")
    sync.merge_packages(c, [tmp_path / "plan.cchc"])
    for db, value in ((a, "dat"), (b, "khong_dat"), (c, "dat_mot_phan")):
        ans.set_answer(db, v.id, "B2", value)
    assert len(_meet(tmp_path, a, b)) == 1
    sync.export_package(c, tmp_path / "c.cchc")
    third = sync.merge_packages(b, [tmp_path / "c.cchc"])
    assert third.conflicts == [] and third.packages[0].conflicts == []
    (conflict,) = sync.conflicts(b)
    assert len(conflict.heads) == 3


def test_export_reports_each_step_once_in_order_and_checks_for_cancel_at_each(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    steps: list[tuple[int, int]] = []
    asked: list[int] = []
    sync.export_package(
        a,
        tmp_path / "x.cchc",
        progress=lambda n, total: steps.append((n, total)),
        cancelled=lambda: asked.append(1) and False,
    )
    assert steps == [(0, 6), (1, 6), (2, 6), (3, 6), (4, 6), (6, 6)]
    assert len(asked) == 4  # after the events, the parents, the package's record and its digest (no photo)
    for stop_at in range(1, len(asked) + 1):  # cancelled at each check: nothing written
        calls: list[int] = []
        with pytest.raises(errors.Cancelled):
            sync.export_package(a, tmp_path / "y.cchc", cancelled=lambda c=calls, k=stop_at: c.append(1) or len(c) >= k)
        assert len(calls) == stop_at and not (tmp_path / "y.cchc").exists()
    with pytest.raises(errors.Cancelled) as e:
        sync.export_package(a, tmp_path / "y.cchc", cancelled=lambda: True)
    assert str(e.value) == "cancelled"


def test_a_package_carries_every_criteria_set_its_inspections_ever_named(tmp_path):
    import sqlite3

    a, b, insp, m, v = _pair(tmp_path)
    kh, _ = cl.add_version(a, cx.read(workbook(tmp_path / "kh.xlsx")))
    ins.update_inspection(a, insp.id, checklist_version=kh.id)
    ins.update_inspection(a, insp.id, checklist_version=cl.DEFAULT_VERSION)  # back: the events still name KH
    sync.export_package(a, tmp_path / "x.cchc")
    c = sqlite3.connect(tmp_path / "x.cchc")
    try:
        assert {r[0] for r in c.execute("SELECT id FROM checklist_versions")} == {cl.DEFAULT_VERSION, kh.id}
        assert c.execute("SELECT count(*) FROM checklist_items WHERE version_id = ?", [kh.id]).fetchone()[0] > 0
    finally:
        c.close()


def test_export_stores_the_built_in_set_when_a_database_lacks_it(tmp_path):
    import sqlite3

    a, b, insp, m, v = _pair(tmp_path)  # its inspection uses the built-in set
    a.execute("DELETE FROM checklist_items WHERE version_id = ?", [cl.DEFAULT_VERSION])
    a.execute("DELETE FROM checklist_versions WHERE id = ?", [cl.DEFAULT_VERSION])  # as an older version left it
    a.conn.commit()
    sync.export_package(a, tmp_path / "x.cchc")
    c = sqlite3.connect(tmp_path / "x.cchc")
    try:
        assert [r[0] for r in c.execute("SELECT id FROM checklist_versions")] == [cl.DEFAULT_VERSION]
        assert c.execute("SELECT count(*) FROM checklist_items").fetchone()[0] > 0
    finally:
        c.close()
    assert (
        a.execute("SELECT count(*) FROM checklist_items WHERE version_id = ?", [cl.DEFAULT_VERSION]).fetchone()[0] > 0
    )


def test_a_batch_of_packages_reports_each_step_and_each_refusal_in_order(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    ans.set_answer(a, v.id, "B2", "dat")
    sync.export_package(a, tmp_path / "a.cchc")
    (tmp_path / "bad.cchc").write_bytes(b"not a package at all")
    (tmp_path / "worse.cchc").write_bytes(b"")
    fresh = inspector.open_db(tmp_path / "c.sqlite3")
    steps: list[tuple[int, int]] = []
    report = sync.merge_packages(
        fresh,
        [tmp_path / "bad.cchc", tmp_path / "plan.cchc", tmp_path / "worse.cchc", tmp_path / "a.cchc"],
        progress=lambda n, total: steps.append((n, total)),
    )
    assert steps == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]
    assert [name for name, _ in report.rejected] == ["bad.cchc", "worse.cchc"]
    assert [r.reason for r in report.refusals] == [reason for _, reason in report.rejected]
    assert len(report.packages) == 2 and report.added["answers"] == 1


def test_when_every_package_fails_the_first_refusal_is_raised_with_every_files_reason(tmp_path):
    db = inspector.open_db(tmp_path / "c.sqlite3")
    (tmp_path / "bad.cchc").write_bytes(b"not a package at all")
    (tmp_path / "worse.cchc").write_bytes(b"")
    with pytest.raises(errors.PackageRejected) as err:
        sync.merge_packages(db, [tmp_path / "bad.cchc", tmp_path / "worse.cchc"])
    assert err.value.path == "bad.cchc"
    assert [name for name, _ in err.value.report.rejected] == ["bad.cchc", "worse.cchc"]


def test_merging_is_refused_inside_a_transaction_and_cancelled_before_the_first_package(tmp_path):
    a, b, insp, m, v = _pair(tmp_path)
    fresh = inspector.open_db(tmp_path / "c.sqlite3")
    fresh.execute("BEGIN")
    try:
        with pytest.raises(RuntimeError) as rt:
            sync.merge_packages(fresh, [tmp_path / "plan.cchc"])
        assert str(rt.value) == "merge_packages cannot run inside a transaction"
    finally:
        fresh.execute("ROLLBACK")
    with pytest.raises(errors.Cancelled) as c:
        sync.merge_packages(fresh, [tmp_path / "plan.cchc"], cancelled=lambda: True)
    assert c.value.report.packages == [] and not ins.list_inspections(fresh)


def test_a_package_records_what_it_holds_and_who_made_it(tmp_path):
    import json
    import sqlite3

    from inspector import db as dbmod
    from inspector import photos as ph
    from tests.conftest import PHOTOS

    a, b, insp, m, v = _pair(tmp_path)
    second = ins.create_inspection(a, title="Giám sát năm 2026 ở Đồng Hóa", kind="giam_sat")
    dbmod.set_author(a, "Lê Văn Tâm")
    photo = PHOTOS / "jpg" / "orientation" / "landscape_1.jpg"
    n_photos = 0
    if photo.exists():
        ph.import_files(a, v.id, [photo, PHOTOS / "jpg" / "orientation" / "portrait_1.jpg"])
        n_photos = 2
    asked: list[int] = []
    result = sync.export_package(a, tmp_path / "x.cchc", cancelled=lambda: asked.append(1) and False)
    assert len(asked) == 4 + (1 if n_photos else 0)  # and once per 200 photos
    c = sqlite3.connect(tmp_path / "x.cchc")
    try:
        info = dict(c.execute("SELECT key, value FROM package WHERE key != 'digest'"))
        n_events = c.execute("SELECT count(*) FROM events").fetchone()[0]
        assert c.execute("SELECT count(*) FROM photos").fetchone()[0] == n_photos
    finally:
        c.close()
    assert set(info) == {"created", "device", "author", "inspections", "titles", "events", "photos"}
    assert (info["device"], info["author"]) == (dbmod.device_id(a), "Lê Văn Tâm")
    assert sorted(json.loads(info["inspections"])) == sorted([insp.id, second.id])
    assert json.loads(info["titles"]) == ["Giám sát năm 2026 ở Đồng Hóa", "Kiểm tra 2026"]  # by title
    assert "Giám sát" in info["titles"]  # kept as written, not escaped
    assert (info["events"], info["photos"]) == (str(n_events), str(n_photos))
    assert (result.events, result.photos, result.inspections) == (n_events, n_photos, tuple(json.loads(info["titles"])))
    assert result.size == (tmp_path / "x.cchc").stat().st_size and info["created"][:2] == "20"


def test_a_package_counts_its_photos_over_several_batches(tmp_path):
    import hashlib

    from inspector import photos as ph

    a, b, insp, m, v = _pair(tmp_path)
    with inspector.atomic(a):
        for n in range(205):  # more than one batch of 200
            sha = hashlib.sha256(str(n).encode()).hexdigest()
            a.execute(
                "INSERT INTO photos(sha256, data, thumb, width, height, source_sha256, source_name) "
                "VALUES (?, ?, ?, 4, 3, ?, ?)",
                [sha, b"jpeg", b"thumb", sha, f"{n}.jpg"],
            )
    for n in range(205):
        ph.attach(a, v.id, hashlib.sha256(str(n).encode()).hexdigest(), caption=f"Ảnh {n}")
    asked: list[int] = []
    result = sync.export_package(a, tmp_path / "x.cchc", cancelled=lambda: asked.append(1) and False)
    assert result.photos == 205 and len(asked) == 4 + 2  # one check per batch of photos


def test_a_package_whose_text_is_not_utf8_is_refused_as_damaged(tmp_path):
    import sqlite3

    a, b, insp, m, v = _pair(tmp_path)
    sync.export_package(a, tmp_path / "x.cchc")
    c = sqlite3.connect(tmp_path / "x.cchc")
    c.execute("UPDATE events SET value = CAST(X'22FF22' AS TEXT) WHERE field = 'title'")
    c.commit()
    c.close()
    fresh = inspector.open_db(tmp_path / "c.sqlite3")
    with pytest.raises(errors.PackageRejected) as err:
        sync.merge_packages(fresh, [tmp_path / "x.cchc"])
    assert (err.value.path, err.value.code) == ("x.cchc", "damaged") and "UTF-8" in err.value.params["detail"]
    assert err.value.reason and not ins.list_inspections(fresh)
