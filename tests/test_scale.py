"""What keeps a province's year fast: the kept table of conflicts, the indexed commune name, the
migration that fills both, and the inspections a merge touched (the window updates only those)."""

from __future__ import annotations

import sqlite3

import inspector
from inspector import answers as ans
from inspector import db as dbmod
from inspector import events, sync
from inspector import inspections as ins


def _laptop(tmp_path, name: str):
    return inspector.open_db(tmp_path / f"{name}.sqlite3")


def _conflicting_pair(tmp_path):
    """Two laptops that answered B3 of the same visit differently; b has merged a's package."""
    a, b = _laptop(tmp_path, "a"), _laptop(tmp_path, "b")
    insp = ins.create_inspection(a, title="Kiểm tra 2026")
    v = ins.add_visit(a, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-17")
    sync.export_package(a, tmp_path / "plan.cchc")
    sync.merge_packages(b, [tmp_path / "plan.cchc"])
    ans.set_answer(a, v.id, "B3", "dat")
    ans.set_answer(b, v.id, "B3", "khong_dat")
    sync.export_package(a, tmp_path / "a.cchc")
    report = sync.merge_packages(b, [tmp_path / "a.cchc"])
    return a, b, insp, v, report


def _kept(db) -> set[tuple[str, str]]:
    return {(r[0], r[1]) for r in db.execute("SELECT entity_id, field FROM conflicts")}


def test_a_merge_keeps_the_conflict_and_a_local_decision_clears_it(tmp_path):
    a, b, insp, v, report = _conflicting_pair(tmp_path)
    key = (events.answer_id(v.id, "B3"), "value")
    assert _kept(b) == {key} == events.scan_conflicts(b)
    assert events.conflict_count(b) == 1 and [c.field for c in report.conflicts] == ["value"]
    assert [c.inspection_id for c in events.conflicts(b, insp.id)] == [insp.id]
    assert events.conflicts(b, "no-such-inspection") == []
    # the same package again brings nothing: the conflict stays, and is not new
    again = sync.merge_packages(b, [tmp_path / "a.cchc"])
    assert again.conflicts == [] and _kept(b) == {key}
    ans.set_answer(b, v.id, "B3", "dat_mot_phan")  # the person decides: one head again
    assert _kept(b) == set() == events.scan_conflicts(b) and events.conflict_count(b) == 0
    assert sync.check_database(b) == []


def test_check_names_a_table_of_conflicts_that_differs_from_the_changes(tmp_path):
    a, b, insp, v, _ = _conflicting_pair(tmp_path)
    assert sync.check_database(b) == []
    b.execute("DELETE FROM conflicts")
    assert sync.check_database(b) == ["conflicts: 1 field(s) listed wrongly in the table of conflicts"]
    b.execute("INSERT INTO conflicts VALUES ('x', 'value', 'answer', ?), ('y', 'note', 'answer', ?)", [insp.id] * 2)
    assert sync.check_database(b) == ["conflicts: 3 field(s) listed wrongly in the table of conflicts"]


def test_a_merge_names_the_inspections_it_touched(tmp_path):
    a, b, insp, v, report = _conflicting_pair(tmp_path)
    assert report.inspection_ids == {insp.id}
    other = ins.create_inspection(a, title="Giám sát 2026", kind="giam_sat")
    sync.export_package(a, tmp_path / "a2.cchc", other.id)
    assert sync.merge_packages(b, [tmp_path / "a2.cchc"]).inspection_ids == {other.id}
    assert sync.merge_packages(b, [tmp_path / "a2.cchc"]).inspection_ids == set()  # nothing new


def test_the_folded_commune_name_is_kept_beside_the_visit(db):
    insp = ins.create_inspection(db, title="Kiểm tra 2026")
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa")
    key = lambda: db.execute("SELECT commune_key FROM visits WHERE id = ?", [v.id]).fetchone()[0]  # noqa: E731
    assert key() == "ninh xuan"
    ins.update_visit(db, v.id, commune="Đồng Hới")
    assert key() == "dong hoi"


def test_the_previous_visit_is_the_latest_earlier_one_of_the_same_commune(db):
    def visit(title: str, commune: str, date: str, province: str = "Khánh Hòa"):
        i = ins.create_inspection(db, title=title)
        return ins.add_visit(db, i.id, commune=commune, province=province, date=date)

    v2024 = visit("2024", "NINH XUÂN", "2024-10-01")
    v2025 = visit("2025", "Ninh Xuan", "2025-10-01")
    visit("2025 bis", "Ninh Xuân", "2025-11-01", province="Quảng Trị")  # another province's commune
    visit("2025 ter", "Ninh Hòa", "2025-12-01")  # another commune
    later = visit("2027", "Ninh Xuân", "2027-01-01")  # after the visit: not before it
    now = visit("2026", "ninh xuân", "2026-11-17")
    assert ins.previous_visit(db, now.id).id == v2025.id
    ins.delete_visit(db, v2025.id)
    assert ins.previous_visit(db, now.id).id == v2024.id
    ins.delete_inspection(db, v2024.inspection_id)
    assert ins.previous_visit(db, now.id) is None
    same_insp = ins.add_visit(db, now.inspection_id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-01-01")
    assert ins.previous_visit(db, now.id) is None  # a visit of the same inspection is not "previous"
    assert ins.previous_visit(db, later.id).id == now.id
    assert same_insp.id != now.id


def test_a_version_2_file_gets_its_conflicts_and_commune_names_filled(tmp_path):
    """Version 3 keeps the conflicts and the folded commune names: an older file gets both."""
    a, b, insp, v, _ = _conflicting_pair(tmp_path)
    path = tmp_path / "b.sqlite3"
    b.execute("DROP TABLE conflicts")
    b.execute("DROP INDEX visits_commune")
    b.execute("DROP INDEX answers_answered")
    b.execute("ALTER TABLE answers DROP COLUMN points")
    b.execute("ALTER TABLE answers DROP COLUMN points_reason")
    b.execute("ALTER TABLE members DROP COLUMN salutation")
    b.execute("ALTER TABLE visits DROP COLUMN commune_key")
    b.execute("PRAGMA user_version = 2")
    b.close()
    d = dbmod.open_db(path)
    assert d.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION == 3
    assert _kept(d) == {(events.answer_id(v.id, "B3"), "value")}
    assert d.execute("SELECT commune_key FROM visits").fetchone()[0] == "ninh xuan"
    assert (tmp_path / "b.sqlite3.v2.bak").exists()
    plan = d.execute("EXPLAIN QUERY PLAN SELECT id FROM visits WHERE commune_key = 'x'").fetchall()
    assert "visits_commune" in str(plan)
    plan = d.execute("EXPLAIN QUERY PLAN SELECT visit_id, count(*) FROM answers WHERE value IS NOT NULL GROUP BY 1")
    assert "answers_answered" in str(plan.fetchall())
    assert ins.answered_counts(d) == {v.id: 1}
    d.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_conflicts_on_a_visit_a_member_and_a_finding_are_named_with_their_values(tmp_path):
    """Not only answers: the visit's representatives (a list), a member's name and a finding's text
    changed on two laptops are each a conflict with words a person reads, and deciding clears them."""
    a, b = _laptop(tmp_path, "a"), _laptop(tmp_path, "b")
    insp = ins.create_inspection(a, title="Kiểm tra 2026")
    m = ins.add_member(a, insp.id, name="Nguyễn Văn An", role="truong_doan")
    v = ins.add_visit(a, insp.id, commune="Ninh Xuân", province="Khánh Hòa")
    f = ins.add_finding(a, v.id, kind="ton_tai", text="Chưa niêm yết đường dây nóng")
    sync.export_package(a, tmp_path / "plan.cchc")
    sync.merge_packages(b, [tmp_path / "plan.cchc"])
    ins.update_visit(a, v.id, representatives=[{"name": "Lê Hoa", "position": "Chủ tịch"}])
    ins.update_visit(b, v.id, representatives=[{"name": "Lê Hòa", "position": "Chủ tịch UBND xã"}])
    ins.update_member(a, m.id, name="Nguyễn Văn Ân")
    ins.update_member(b, m.id, name="Nguyễn Văn Anh")
    ins.update_finding(a, f.id, text="Chưa niêm yết số điện thoại đường dây nóng")
    ins.update_finding(b, f.id, text="Đường dây nóng chưa công khai")
    sync.export_package(a, tmp_path / "a.cchc")
    report = sync.merge_packages(b, [tmp_path / "a.cchc"])
    found = {c.entity: c for c in report.conflicts}
    assert set(found) == {"visit", "member", "finding"} and events.conflict_count(b) == 3
    reps = found["visit"]
    assert reps.commune == "Ninh Xuân" and reps.label.startswith("Ninh Xuân: ")
    assert {h["display"] for h in reps.heads} == {
        '[{"name": "Lê Hoa", "position": "Chủ tịch"}]',
        '[{"name": "Lê Hòa", "position": "Chủ tịch UBND xã"}]',
    }
    assert {h["display"] for h in found["member"].heads} == {"Nguyễn Văn Ân", "Nguyễn Văn Anh"}
    assert "Nguyễn Văn Ân" in found["member"].field_label or "Nguyễn Văn Anh" in found["member"].field_label
    assert "Chưa niêm yết" in found["finding"].field_label or "Đường dây" in found["finding"].field_label
    for c in report.conflicts:
        sync.resolve(b, c.id, c.heads[0]["value"])
    assert events.conflict_count(b) == 0 and events.scan_conflicts(b) == set()
