"""Behaviour of inspector.answers that mutation testing found unchecked (see docs/mutation.md)."""

import pytest

from inspector import answers as ans
from inspector import checklist as cl
from inspector import events
from inspector import inspections as ins
from inspector.errors import InvalidValue, VisitFrozen

C = cl.default_checklist()


@pytest.fixture
def visit(db):
    insp = ins.create_inspection(db, title="Kiểm tra CCHC 2026")
    return ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="23/11/2026")


def _item(type_):
    return next(i for i in C.items if i.type == type_)


@pytest.mark.parametrize(
    "type_, raw, stored",
    [
        ("assessment", "Đạt", "dat"),
        ("assessment", "d", "dat"),
        ("assessment", "p", "dat_mot_phan"),
        ("assessment", "k", "khong_dat"),
        ("assessment", "na", "khong_ap_dung"),
        ("assessment", "Not met", "khong_dat"),
        ("assessment", "partly-met", "dat_mot_phan"),
        ("assessment", " khong  ap   dung ", "khong_ap_dung"),
        ("assessment", "khong_dat", "khong_dat"),
        ("assessment", "-dat-", "dat"),
        ("yesno", "co", "co"),
        ("yesno", "N", "khong"),
        ("yesno", "true", "co"),
        ("yesno", "0", "khong"),
        ("count", "007", "7"),
        ("count", " 12 ", "12"),
        ("count", "12.345.678", "12345678"),
        ("count", "KCSL", ans.NO_DATA),
        ("count", 5, "5"),
        ("count", "no data", ans.NO_DATA),
        ("ratio", "3 / 04", "3/4"),
        ("ratio", "Không có số liệu", ans.NO_DATA),
        ("ratio", "0/7", "0/7"),
        ("text", "  Ghi chú\r\ndòng 2 ", "Ghi chú\ndòng 2"),
        ("text", "khong", "khong"),
        ("count", "   ", None),
        ("text", None, None),
    ],
)
def test_each_type_accepts_its_words(type_, raw, stored):
    assert ans.parse_value(_item(type_), raw) == stored


@pytest.mark.parametrize(
    "type_, raw, message",
    [
        ("assessment", "tốt", "expected dat"),
        ("yesno", "có lẽ", "expected co or khong"),
        ("count", "1.2", "whole number"),
        ("count", "1.2345", "whole number"),
        ("ratio", "5/4", "numerator is larger"),
        ("ratio", "five", "two whole numbers"),
        ("ratio", "kcsl/2", "two whole"),
    ],
)
def test_refusals_name_what_was_expected(type_, raw, message):
    with pytest.raises(InvalidValue, match=message):
        ans.parse_value(_item(type_), raw)


def test_display_of_every_type_in_both_languages():
    a, y, c, r, t = (_item(x) for x in ("assessment", "yesno", "count", "ratio", "text"))
    assert ans.display(a, "khong_ap_dung") == "Không áp dụng"
    assert ans.display(a, "khong_dat", "en") == "Not met"
    assert ans.display(a, "weird") == "weird"
    assert ans.display(y, "khong", "en") == "No"
    assert ans.display(y, "co", "en") == "Yes"
    assert ans.display(c, ans.NO_DATA) == "Không có số liệu"
    assert ans.display(r, ans.NO_DATA, "en") == "No data"
    assert ans.display(r, "1/4", "en") == "1/4 (25.0%)"
    assert ans.display(r, "7") == "7"
    assert ans.display(t, "Ghi chú") == "Ghi chú"
    assert ans.display(t, None) == "" and ans.display(t, "") == ""


def test_unit_in_english_follows_the_number():
    d4 = C.item("D4")
    assert ans.unit(d4) == d4.unit == ans.unit(d4, "vi", "1")
    assert ans.unit(d4, "en", "1") == "machine"
    assert ans.unit(d4, "en", "2") == ans.unit(d4, "en") == "machines"
    no_english = cl.Item(**{**_as_dict(d4), "unit": "cái bàn"})
    assert ans.unit(no_english, "en", "2") == "cái bàn"


def _as_dict(item):
    import dataclasses

    return {f.name: getattr(item, f.name) for f in dataclasses.fields(item)}


def test_ratio_parts():
    assert ans.ratio_parts("118/120") == (118, 120)
    assert ans.ratio_parts(None) is None and ans.ratio_parts("") is None and ans.ratio_parts("12") is None


def test_failed_answers_are_not_met_partly_met_and_no():
    a, y, c = _item("assessment"), _item("yesno"), _item("count")
    assert [v for v in ("dat", "dat_mot_phan", "khong_dat", "khong_ap_dung", None) if ans.is_failed(a, v)] == [
        "dat_mot_phan",
        "khong_dat",
    ]
    assert ans.is_failed(y, "khong") and not ans.is_failed(y, "co")
    assert not ans.is_failed(c, "khong") and not ans.is_failed(c, "0")


def test_get_answer_and_to_json(db, visit):
    assert ans.get_answer(db, visit.id, "B3") is None
    ans.set_answer(db, visit.id, "B3", "dat", note="  ghi chú  ", author="Lan")
    a = ans.get_answer(db, visit.id, "B3")
    assert (a.item_code, a.value, a.note, a.suggested, a.visit_id) == ("B3", "dat", "ghi chú", None, visit.id)
    j = ans.to_json(a)
    assert j == {
        "item": "B3",
        "value": "dat",
        "note": "ghi chú",
        "suggested": None,
        "author": a.author,
        "updated": a.updated,
    }
    assert a.updated


def test_set_many_counts_events_and_refuses_two_inspections(db, visit):
    other = ins.add_visit(db, ins.create_inspection(db, title="Khác").id, commune="Xã khác")
    with pytest.raises(ValueError):
        ans.set_many(db, {visit.id: [ans.AnswerInput("B3", "dat")], other.id: [ans.AnswerInput("B3", "dat")]})
    assert ans.answers_for_visit(db, visit.id) == {}
    same = ins.add_visit(db, visit.inspection_id, commune="Xã thứ hai")
    n = ans.set_many(db, {visit.id: [ans.AnswerInput("B3", "dat", "ghi")], same.id: [ans.AnswerInput("B7", "co")]})
    assert n == 3
    assert ans.set_many(db, {}) == 0
    assert ans.set_many(db, {visit.id: [ans.AnswerInput("B3", "dat", "ghi")]}) == 0  # nothing new
    assert ans.answers_for_visit(db, same.id)["B7"].value == "co"


def test_note_none_keeps_the_note_and_an_empty_note_clears_it(db, visit):
    ans.set_answer(db, visit.id, "B3", "dat", note="giữ")
    assert ans.set_answer(db, visit.id, "B3", "khong_dat").note == "giữ"
    assert ans.set_answer(db, visit.id, "B3", "khong_dat", note="").note == ""
    assert ans.set_answer(db, visit.id, "B3", None).value is None


def test_frozen_visit_refuses_a_blank_reason(db, visit):
    db.execute("UPDATE visits SET status = 'signed' WHERE id = ?", [visit.id])
    with pytest.raises(VisitFrozen):
        ans.set_answer(db, visit.id, "B3", "dat", reason="   ")
    assert ans.answers_for_visit(db, visit.id) == {}


def test_suggestions_go_to_their_own_field_and_a_value_clears_them(db, visit):
    ans.set_answers(
        db,
        visit.id,
        [ans.AnswerInput("B3", "khong_dat"), ans.AnswerInput("B7", "khong"), ans.AnswerInput("C7", "1/2")],
        suggested=True,
    )
    got = ans.answers_for_visit(db, visit.id)
    assert {k: (a.value, a.suggested) for k, a in got.items()} == {
        "B3": (None, "khong_dat"),
        "B7": (None, "khong"),
        "C7": (None, "1/2"),
    }
    # the same suggestion again writes nothing
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    ans.set_answers(db, visit.id, [ans.AnswerInput("B3", "khong_dat")], suggested=True)
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    # clearing a value keeps the suggestion; giving one clears it
    ans.set_answer(db, visit.id, "B7", None)
    assert ans.get_answer(db, visit.id, "B7").suggested == "khong"
    assert ans.confirm_suggestions(db, visit.id, ["B3"], author="Minh") == 1
    b3 = ans.get_answer(db, visit.id, "B3")
    assert (b3.value, b3.suggested) == ("khong_dat", None)
    assert events.history(db, b3.id, "value")[-1]["author"] == "Minh"
    assert ans.get_answer(db, visit.id, "C7").suggested == "1/2"
    hist = events.history(db, b3.id, "suggested")
    assert [h["value"] for h in hist] == ["khong_dat", None]


def test_set_answer_returns_none_when_nothing_is_stored(db, visit):
    assert ans.set_answer(db, visit.id, "B3", None) is None
    assert ans.set_answers(db, visit.id, []) == []


def test_answers_of_many_visits(db, visit):
    vids = [visit.id] + [ins.add_visit(db, visit.inspection_id, commune=f"Xã {k}").id for k in range(3)]
    ans.set_many(db, {v: [ans.AnswerInput("B3", "dat")] for v in vids})
    got = ans._answers_of(db, vids + ["missing"])
    assert set(got) == set(vids) and all(set(a) == {"B3"} for a in got.values())
