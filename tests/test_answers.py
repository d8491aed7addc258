import pytest

from inspector import answers as ans
from inspector import checklist as cl
from inspector import events
from inspector import inspections as ins
from inspector.errors import InvalidValue, NotFound, VisitFrozen


@pytest.fixture
def visit(db):
    insp = ins.create_inspection(db, title="Kiểm tra CCHC 2026")
    return ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="23/11/2026")


C = cl.default_checklist()


@pytest.mark.parametrize(
    "code, raw, stored",
    [
        ("B3", "dat", "dat"),
        ("B3", "dat-mot-phan", "dat_mot_phan"),
        ("B3", "Đạt một phần", "dat_mot_phan"),
        ("B3", "KHÔNG ĐẠT", "khong_dat"),
        ("B3", "khong-ap-dung", "khong_ap_dung"),
        ("B3", "4", "khong_ap_dung"),
        ("B7", "có", "co"),
        ("B7", "Không", "khong"),
        ("B7", "yes", "co"),
        ("D2", "12", "12"),
        ("D2", "0", "0"),
        ("D2", "1.200", "1200"),
        ("D2", "không có số liệu", ans.NO_DATA),
        ("C7", "118/120", "118/120"),
        ("C7", " 0 / 0 ", "0/0"),
        ("C7", "120/120", "120/120"),
        ("G1", "Có nhiều mô hình hay", "Có nhiều mô hình hay"),
        ("B3", "", None),
    ],
)
def test_values_are_parsed_by_type(code, raw, stored):
    assert ans.parse_value(C.item(code), raw) == stored


@pytest.mark.parametrize(
    "code, raw",
    [
        ("B3", "tốt"),
        ("B7", "maybe"),
        ("D2", "-1"),
        ("D2", "3.5"),
        ("D2", "mười"),
        ("C7", "121/120"),
        ("C7", "98%"),
        ("C7", "1/2/3"),
    ],
)
def test_wrong_values_are_refused(code, raw):
    with pytest.raises(InvalidValue):
        ans.parse_value(C.item(code), raw)


def test_display_follows_the_minutes_format():
    assert ans.display(C.item("C7"), "118/120") == "118/120 (98,3%)"
    assert ans.display(C.item("C7"), "0/0") == "0/0 (—)"
    assert ans.display(C.item("D4"), "3") == "3 máy"
    assert ans.display(C.item("B3"), "dat_mot_phan") == "Đạt một phần"
    assert ans.display(C.item("B7"), "co") == "Có"


def test_english_counts_have_english_units():
    assert ans.display(C.item("D4"), "1", "en") == "1 machine"
    assert ans.display(C.item("D4"), "3", "en") == "3 machines"
    assert ans.display(C.item("C2"), "8", "en") == "8 people"
    assert ans.display(C.item("D1"), "113", "en") == "113 m²"
    assert ans.display(C.item("C7"), "118/120", "en") == "118/120 (98.3%)"  # a decimal point in English
    units = {i.unit for i in C.items if i.type == "count" and i.unit}
    assert units <= set(ans.UNITS_EN), units - set(ans.UNITS_EN)  # every unit of the checklist has its English


def test_answer_is_stored_with_an_event(db, visit):
    a = ans.set_answer(db, visit.id, "B3", "dat", note="Đã cập nhật theo QĐ 1520")
    assert (a.value, a.note) == ("dat", "Đã cập nhật theo QĐ 1520")
    assert a.id == events.answer_id(visit.id, "B3")
    hist = events.history(db, a.id)
    assert [(h["field"], h["value"]) for h in hist] == [("value", "dat"), ("note", "Đã cập nhật theo QĐ 1520")]
    a2 = ans.set_answer(db, visit.id, "B3", "khong_dat")
    assert a2.value == "khong_dat" and a2.note == "Đã cập nhật theo QĐ 1520"
    heads = db.execute(
        "SELECT count(*) FROM events WHERE entity_id = ? AND field = 'value' AND is_head = 1", [a.id]
    ).fetchone()[0]
    assert heads == 1
    parents = db.execute("SELECT count(*) FROM event_parents").fetchone()[0]
    assert parents >= 1


def test_same_value_twice_writes_no_event(db, visit):
    ans.set_answer(db, visit.id, "D2", "4")
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    ans.set_answer(db, visit.id, "D2", "4")
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n


def test_a_bad_value_in_a_batch_writes_nothing(db, visit):
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(InvalidValue):
        ans.set_answers(db, visit.id, [ans.AnswerInput("B3", "dat"), ans.AnswerInput("C7", "5/4")])
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert ans.answers_for_visit(db, visit.id) == {}


def test_unknown_item_and_visit(db, visit):
    with pytest.raises(NotFound, match="checklist item"):
        ans.set_answer(db, visit.id, "Z9", "dat")
    with pytest.raises(NotFound, match="visit"):
        ans.set_answer(db, "00000000-dead", "B3", "dat")


def test_nfd_text_is_stored_as_nfc(db, visit):
    import unicodedata

    a = ans.set_answer(db, visit.id, "G2", unicodedata.normalize("NFD", "Niêm yết chưa đầy đủ"))
    assert a.value == "Niêm yết chưa đầy đủ"


def test_signed_visit_needs_an_amendment_reason(db, visit):
    ans.set_answer(db, visit.id, "B3", "dat")
    db.execute("UPDATE visits SET status = 'signed' WHERE id = ?", [visit.id])
    with pytest.raises(VisitFrozen):
        ans.set_answer(db, visit.id, "B3", "khong_dat")
    a = ans.set_answer(db, visit.id, "B3", "khong_dat", reason="Bổ sung sau khi kiểm tra lại hồ sơ")
    assert a.value == "khong_dat"
    assert events.history(db, a.id, "value")[-1]["reason"] == "Bổ sung sau khi kiểm tra lại hồ sơ"


def test_start_from_previous_visit_suggests_old_answers(db):
    old_insp = ins.create_inspection(db, title="Kiểm tra 2025")
    old = ins.add_visit(db, old_insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2025-10-01")
    ans.set_answers(db, old.id, [ans.AnswerInput("B3", "khong_dat"), ans.AnswerInput("C7", "90/100")])
    new_insp = ins.create_inspection(db, title="Kiểm tra 2026")
    new = ins.add_visit(db, new_insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-23")
    assert ins.previous_visit(db, new.id).id == old.id
    assert ins.start_from_previous(db, new.id) == 2
    got = ans.answers_for_visit(db, new.id)
    assert got["B3"].suggested == "khong_dat" and got["B3"].value is None
    assert ins.progress(db, new.id)["B"][0] == 0  # suggestions are not answers yet
    ans.set_answer(db, new.id, "B3", "dat")
    got = ans.answers_for_visit(db, new.id)
    assert got["B3"].value == "dat" and got["B3"].suggested is None
    assert ans.confirm_suggestions(db, new.id) == 1
    assert ans.answers_for_visit(db, new.id)["C7"].value == "90/100"
    assert ins.get_visit(db, new.id).based_on == old.id


def test_batch_of_many_answers_is_one_transaction(db, visit):
    inputs = [ans.AnswerInput(i.code, "1" if i.type == "count" else None) for i in C.items]
    inputs = [i for i in inputs if i.value is not None]
    ans.set_answers(db, visit.id, inputs)
    assert len(ans.answers_for_visit(db, visit.id)) == len(inputs)
    assert ins.progress(db, visit.id)["D"][0] == sum(1 for i in C.items if i.group == "D" and i.type == "count")


def test_documents_group_thousands_with_dots_and_the_window_does_not(db):
    from inspector import checklist as cl

    c = cl.get(db, None)
    ratio = next(it for it in c.items if it.type == "ratio")
    count = next(it for it in c.items if it.type == "count")
    assert ans.display(ratio, "1076/1179", document=True) == "1.076/1.179 (91,3%)"
    assert ans.display(ratio, "1076/1179") == "1076/1179 (91,3%)"
    assert ans.display(count, "12500", document=True).startswith("12.500")
    assert ans.display(count, "7", document=True).startswith("7")
    assert ans.grouped(1234567) == "1.234.567" and ans.grouped("999") == "999"
