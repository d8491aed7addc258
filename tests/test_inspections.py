import pytest

from inspector import events
from inspector import inspections as ins
from inspector.errors import Ambiguous, InvalidInput, NotFound


def test_inspection_with_members_and_visits(db):
    insp = ins.create_inspection(
        db,
        title="Giám sát CCHC",
        kind="giám sát",
        decision_no="12/QĐ-HĐND",
        decision_date="05/11/2026",
        issuing_agency="Ban Pháp chế HĐND tỉnh",
    )
    assert insp.kind == "giam_sat" and insp.kind_label == "giám sát"
    assert insp.decision_date == "2026-11-05"
    ins.add_member(db, insp.id, name="Hoàng Xuân Hòa", role="Trưởng đoàn", position="Trưởng Ban Pháp chế")
    ins.add_member(db, insp.id, name="Phạm Thu Hà", role="thu_ky")
    assert [(m.name, m.role) for m in ins.members(db, insp.id)] == [
        ("Hoàng Xuân Hòa", "truong_doan"),
        ("Phạm Thu Hà", "thu_ky"),
    ]
    v = ins.add_visit(
        db,
        insp.id,
        commune="Đồng Hóa",
        province="Ninh Bình",
        date="2026-11-19",
        start_time="8h",
        end_time="11:30",
        representatives=[{"name": "Đỗ Văn A", "position": "Chủ tịch UBND xã"}],
    )
    assert (v.start_time, v.end_time) == ("08:00", "11:30")
    assert v.representatives[0].name == "Đỗ Văn A"
    v2 = ins.update_visit(db, v.id, place="Hội trường UBND xã")
    assert v2.place == "Hội trường UBND xã"
    assert [x.commune for x in ins.visits(db, insp.id)] == ["Đồng Hóa"]
    assert ("Đồng Hóa", "Ninh Bình") in ins.known_communes(db)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"title": ""},
        {"title": "x", "kind": "thanh tra"},
        {"title": "x", "decision_date": "31/02/2026"},
    ],
)
def test_bad_inspection_fields(db, kwargs):
    with pytest.raises(InvalidInput):
        ins.create_inspection(db, **kwargs)
    assert ins.list_inspections(db) == []


def test_bad_visit_fields(db):
    insp = ins.create_inspection(db, title="x")
    with pytest.raises(InvalidInput):
        ins.add_visit(db, insp.id, commune="  ")
    with pytest.raises(InvalidInput):
        ins.add_visit(db, insp.id, commune="Ninh Đa", start_time="25:00")


def test_ids_by_unique_prefix(db):
    insp = ins.create_inspection(db, title="x")
    assert ins.get_inspection(db, insp.id[:8]).id == insp.id
    with pytest.raises(NotFound):
        ins.get_inspection(db, "ffffffff")
    db.execute("INSERT INTO inspections(id, title) VALUES ('abcd0001', 'a'), ('abcd0002', 'b')")
    with pytest.raises(Ambiguous):
        ins.get_inspection(db, "abcd")


def test_findings(db):
    insp = ins.create_inspection(db, title="x")
    v = ins.add_visit(db, insp.id, commune="Tòng Bạt")
    f = ins.add_finding(
        db,
        v.id,
        kind="kien_nghi",
        text="Cập nhật niêm yết",
        responsible="UBND xã",
        deadline="trước ngày 31/12/2026",
        items="B1, B3",
    )
    assert f.ord == 1
    ins.update_finding(db, f.id, deleted=1)
    assert ins.findings(db, v.id) == []
    assert len(events.history(db, f.id)) == 7
