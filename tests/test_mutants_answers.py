"""Behaviour of inspector.answers that mutation testing found unchecked (see docs/mutation.md)."""

import pytest

from inspector import answers as ans
from inspector import checklist as cl
from inspector import events
from inspector import inspections as ins
from inspector.db import author as db_author
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


# ---- points set by hand (scored sets) ---------------------------------------------------------


@pytest.fixture
def scored(db, tmp_path):
    """A visit of a province's set with points: H4 a text item (4), I2 a penalty (-3), A1 (5)."""
    from inspector import criteria_xlsx as cx
    from tests.test_criteria import workbook

    c, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    insp = ins.create_inspection(db, title="Kiểm tra 2026", checklist_version=c.id)
    return ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-23")


def test_points_by_hand_stay_within_the_items_bounds(db, scored):
    from inspector.errors import InvalidInput

    v = scored.id
    assert ans.set_points(db, v, "A1", 0, reason="r").points == 0
    assert ans.set_points(db, v, "A1", "5", reason="r").points == 5
    for bad in ("5.5", "-0.5", "năm"):
        with pytest.raises(InvalidValue) as e:
            ans.set_points(db, v, "A1", bad, reason="r")
        assert (e.value.item, e.value.value, e.value.reason) == ("A1", bad, "expected points from 0 to 5")
    assert ans.set_points(db, v, "I2", -3, reason="r").points == -3  # a penalty: its points … 0
    with pytest.raises(InvalidValue) as e:
        ans.set_points(db, v, "I2", "1", reason="r")
    assert e.value.reason == "expected points from -3 to 0"
    insp0 = ins.create_inspection(db, title="Không chấm điểm")  # the shipped set has no points
    v0 = ins.add_visit(db, insp0.id, commune="Ninh Đa", province="Khánh Hòa", date="2026-11-23")
    with pytest.raises(InvalidInput) as e:
        ans.set_points(db, v0.id, "A1", 1, reason="r")
    assert str(e.value) == f"A1 gives no points in checklist {v0.checklist_version}"


def test_an_override_needs_a_reason_a_text_items_points_do_not(db, scored):
    from inspector.errors import InvalidInput

    v = scored.id
    with pytest.raises(InvalidInput) as e:
        ans.set_points(db, v, "A1", 3, reason="  ")
    assert str(e.value) == "A1: points set by hand need a reason"
    assert ans.get_answer(db, v, "A1") is None  # nothing written
    a = ans.set_points(db, v, "H4", 3)
    assert (a.points, a.points_reason) == (3, "")


def test_points_are_recorded_with_author_and_amendment_and_cleared_with_their_reason(db, scored):
    v = scored.id
    a = ans.set_points(db, v, "A1", 2, reason="Kế hoạch ban hành muộn", author="Lan")
    assert (a.points, a.points_reason) == (2, "Kế hoạch ban hành muộn")
    aid = events.answer_id(v, "A1")
    assert [(e["field"], e["author"]) for e in events.history(db, aid)] == [("points", "Lan"), ("points_reason", "Lan")]
    n = len(events.history(db, aid))
    ans.set_points(db, v, "A1", "2", reason="Kế hoạch ban hành muộn")  # the same: nothing recorded
    assert len(events.history(db, aid)) == n
    ans.set_points(db, v, "A1", 2, reason="Lý do khác")  # the reason alone changes
    assert [e["field"] for e in events.history(db, aid)][n:] == ["points_reason"]
    from inspector import minutes as mn

    mn.sign_visit(db, v)
    with pytest.raises(VisitFrozen):
        ans.set_points(db, v, "A1", None)
    a = ans.set_points(db, v, "A1", "", amendment="chấm lại theo ý kiến Trưởng đoàn")
    assert (a.points, a.points_reason) == (None, "")  # cleared: the points follow the answer again
    last = events.history(db, aid)[-2:]
    assert [(e["field"], e["value"], e["reason"]) for e in last] == [
        ("points", None, "chấm lại theo ý kiến Trưởng đoàn"),
        ("points_reason", "", "chấm lại theo ý kiến Trưởng đoàn"),
    ]
    n = len(events.history(db, aid))
    ans.set_points(db, v, "A1", None, amendment="x")  # nothing to clear: nothing recorded
    assert len(events.history(db, aid)) == n


def test_to_json_carries_points_only_when_set(db, scored):
    v = scored.id
    ans.set_answer(db, v, "A1", "dat")
    assert "points" not in ans.to_json(ans.get_answer(db, v, "A1"))
    j = ans.to_json(ans.set_points(db, v, "A1", 4, reason="thiếu biên bản"))
    assert (j["item"], j["value"], j["points"], j["points_reason"]) == ("A1", "dat", 4, "thiếu biên bản")
    assert set(j) == {"item", "value", "note", "suggested", "author", "updated", "points", "points_reason"}


def test_clearing_points_clears_the_reason_whatever_reason_is_given(db, scored):
    v = scored.id
    a = ans.set_points(db, v, "A1", 2, reason="thiếu biên bản")
    assert a.points_reason == "thiếu biên bản"
    a = ans.set_points(db, v, "A1", None, reason="lý do không còn dùng")
    assert (a.points, a.points_reason) == (None, "")
    aid = events.answer_id(v, "A1")
    assert events.history(db, aid, "points_reason")[-1]["value"] == ""
    n = len(events.history(db, aid))
    ans.set_points(db, v, "A1", "", reason="lại lý do khác")  # nothing set, nothing to clear
    assert len(events.history(db, aid)) == n


def test_clearing_points_of_an_item_never_answered_records_nothing(db, scored):
    v = scored.id
    aid = events.answer_id(v, "A2")
    assert ans.set_points(db, v, "A2", None) is None
    assert events.history(db, aid) == []


def test_a_refused_value_names_its_item_the_text_and_why():
    ratio, assess, yesno, count = (_item(t) for t in ("ratio", "assessment", "yesno", "count"))
    for item, raw, shown, why in (
        (ratio, " 121 / 120 ", "121 / 120", "the numerator is larger than the denominator"),
        (ratio, "118 trên 120", "118 trên 120", "expected two whole numbers like 118/120"),
        (assess, "tốt", "tốt", "expected dat, dat-mot-phan, khong-dat or khong-ap-dung"),
        (yesno, "có lẽ", "có lẽ", "expected co or khong"),
        (count, "-3", "-3", "expected a whole number 0 or more"),
        (count, "1.2.3", "1.2.3", "expected a whole number 0 or more"),
    ):
        with pytest.raises(InvalidValue) as e:
            ans.parse_value(item, raw)
        assert (e.value.item, e.value.value, e.value.reason) == (item.code, shown, why)
    assert ans.parse_value(count, "1.076") == "1076"  # thousands with dots, as documents write them


def test_answers_of_many_visits_are_read_in_chunks_to_the_last(db, visit):
    ans.set_answer(db, visit.id, "B2", "dat")
    ids = [f"khong-co-{n}" for n in range(1200)] + [visit.id]  # the real one past two chunks
    got = ans._answers_of(db, ids)
    assert list(got) == [visit.id] and got[visit.id]["B2"].value == "dat"


def test_set_many_refuses_visits_of_two_inspections_and_an_empty_note_is_no_change(db, visit):
    other = ins.create_inspection(db, title="Đợt khác")
    v2 = ins.add_visit(db, other.id, commune="Ninh Đa", province="Khánh Hòa", date="23/11/2026")
    with pytest.raises(ValueError, match=r"^set_many takes visits of one inspection$"):
        ans.set_many(db, {visit.id: [ans.AnswerInput("B2", "dat")], v2.id: [ans.AnswerInput("B2", "dat")]})
    assert ans.get_answer(db, visit.id, "B2") is None  # nothing written
    ans.set_many(db, {visit.id: [ans.AnswerInput("B3", "dat", note="")]})
    assert [e["field"] for e in events.history(db, events.answer_id(visit.id, "B3"))] == ["value"]


def test_display_of_an_empty_or_unknown_value_and_counts_grouped_only_in_documents():
    count, yesno = _item("count"), _item("yesno")
    assert ans.display(count, "") == "" and ans.display(count, None) == ""
    assert ans.display(yesno, "co_le") == "co_le" and ans.display(yesno, "co_le", "en") == "co_le"
    assert ans.display(count, "1076") == f"1076 {count.unit}".strip()
    assert ans.display(count, "1076", document=True) == f"1.076 {count.unit}".strip()


def test_a_count_is_grouped_in_documents_only_and_an_empty_value_shows_nothing():
    item = C.item("D2")
    assert ans.display(item, "2520") == "2520 quầy"
    assert ans.display(item, "2520", document=True) == "2.520 quầy"
    assert ans.display(item, "") == "" and ans.display(item, None) == ""
    assert ans.display(C.item("D1"), "12,5", document=True) == "12,5 m²"


def test_answers_of_many_visits_are_read_in_chunks_past_a_thousand(db, visit):
    ans.set_answer(db, visit.id, "B2", "dat")
    ids = [f"x{n}" for n in range(1200)] + [visit.id]
    got = ans._answers_of(db, ids)
    assert got[visit.id]["B2"].value == "dat"


def test_a_new_answer_with_no_note_records_no_note(db, visit):
    ans.set_many(db, {visit.id: [ans.AnswerInput("B2", "dat")]})
    fields = [r[0] for r in db.execute("SELECT field FROM events WHERE entity = 'answer'")]
    assert "value" in fields and "note" not in fields


def test_set_many_refuses_visits_of_two_inspections(db, visit):
    other = ins.create_inspection(db, title="Giám sát 2026")
    v2 = ins.add_visit(db, other.id, commune="Ninh Đa", province="Khánh Hòa")
    with pytest.raises(ValueError) as e:
        ans.set_many(db, {visit.id: [ans.AnswerInput("B2", "dat")], v2.id: [ans.AnswerInput("B2", "dat")]})
    assert str(e.value) == "set_many takes visits of one inspection"


def test_an_answer_names_who_changed_it_last(db, visit):
    v = visit.id
    ans.set_answer(db, v, "B2", "dat", author="Lan")
    assert ans.answers_for_visit(db, v)["B2"].author == "Lan"
    ans.set_answer(db, v, "B2", "dat", note="Đã kiểm tra lại", author="Minh")  # the note only
    got = ans.answers_for_visit(db, v)["B2"]
    assert got.author == "Minh" and ans.to_json(got)["author"] == "Minh"
    ans.set_answers(db, v, [ans.AnswerInput("B2", "khong_dat")], author="Hải", suggested=True)
    assert ans.answers_for_visit(db, v)["B2"].author == "Minh"  # a suggestion is not an answer
    ans.set_answer(db, v, "B3", "khong_dat")  # no name given: the database's own author
    assert ans.answers_for_visit(db, v)["B3"].author == db_author(db)
