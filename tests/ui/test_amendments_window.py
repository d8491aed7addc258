"""After the minutes are signed, every change carries its reason: an amendment opens with the first
change (its reason asked), holds for the next ones until it is closed, and then the next change asks
again; undo is a change like any other; the amended items are marked and listed with old and new."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_mainwindow import _select_visit, _window

from inspector import answers as ans
from inspector import events
from inspector import inspections as ins
from inspector import minutes as mn
from ui import amend


@pytest.fixture
def signed(qtbot, demo_db, demo_path, monkeypatch):
    amend.close()
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    mn.sign_visit(demo_db, v.id)
    asked: list[str] = []
    reasons = iter(["Xã bổ sung hồ sơ", "Sửa lỗi nhập", "Theo ý kiến của xã", "Lần bốn"])
    monkeypatch.setattr(amend, "ask", lambda parent, visit: asked.append(visit.commune) or next(reasons))
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "✔ Ninh Xuân")  # signed: ticked in the tree
    yield w, v, asked
    amend.close()


_KEYS = {"1": "dat", "2": "dat_mot_phan", "3": "khong_dat"}


def _key(qtbot, w, code: str, key: str) -> None:
    """Press the assessment key on an item; a key that would not change the value is replaced by
    one that does (the demo's answers vary)."""
    now = ans.get_answer(w.db, w.visit.id, code)
    if now is not None and now.value == _KEYS[key]:
        key = next(k for k, v in _KEYS.items() if v != now.value)
    w.open_answer(w.visit.id, code)
    w.view.setFocus()
    qtbot.keyClicks(w.view, key)


def _reasons(db, visit_id: str, code: str, field: str = "value") -> list[str | None]:
    return [e["reason"] for e in events.history(db, events.answer_id(visit_id, code), field)]


def test_each_change_after_signing_carries_a_reason_and_an_amendment_holds_until_closed(qtbot, signed, demo_db):
    w, v, asked = signed
    _key(qtbot, w, "B2", "3")  # Không đạt
    assert asked == ["Ninh Xuân"] and len(_reasons(demo_db, v.id, "B2")) >= 1
    assert w.amend_label.isVisible() or "Xã bổ sung hồ sơ" in w.amend_label.text()
    _key(qtbot, w, "B3", "2")  # same amendment: not asked again
    assert asked == ["Ninh Xuân"]
    assert _reasons(demo_db, v.id, "B2")[-1] == _reasons(demo_db, v.id, "B3")[-1] == "Xã bổ sung hồ sơ"
    w.amend_close.click()  # closed: the next change asks again
    assert amend.current(v.id) is None
    _key(qtbot, w, "B3", "1")
    assert asked == ["Ninh Xuân", "Ninh Xuân"] and _reasons(demo_db, v.id, "B3")[-1] == "Sửa lỗi nhập"


def test_undo_after_signing_is_an_amendment_too(qtbot, signed, demo_db):
    w, v, asked = signed
    before = ans.get_answer(demo_db, v.id, "B2").value
    _key(qtbot, w, "B2", "3")
    w.amend_close.click()
    w.undo.undo()  # back to the signed value: asked again
    assert ans.get_answer(demo_db, v.id, "B2").value == before
    assert asked == ["Ninh Xuân", "Ninh Xuân"] and _reasons(demo_db, v.id, "B2")[-1] == "Sửa lỗi nhập"


def test_no_reason_no_change(qtbot, signed, demo_db, monkeypatch):
    w, v, _ = signed
    monkeypatch.setattr(amend, "ask", lambda parent, visit: None)
    before = ans.get_answer(demo_db, v.id, "B2").value
    n = len(events.history(demo_db, events.answer_id(v.id, "B2")))
    _key(qtbot, w, "B2", "3")
    assert ans.get_answer(demo_db, v.id, "B2").value == before
    assert len(events.history(demo_db, events.answer_id(v.id, "B2"))) == n


def test_amended_items_are_marked_and_listed_with_old_and_new(qtbot, signed, demo_db):
    w, v, _ = signed
    before = ans.get_answer(demo_db, v.id, "B2").value
    _key(qtbot, w, "B2", "3")
    w.open_answer(v.id, "B2")
    assert "B2 ✎" in w.view.currentIndex().data(Qt.ItemDataRole.DisplayRole)
    assert w.panel.amended.isVisible() or w.panel.amended.text()
    assert "→" in w.panel.amended.text() and "Xã bổ sung hồ sơ" in w.panel.amended.text()
    after = ans.get_answer(demo_db, v.id, "B2").value
    (a,) = [x for x in mn.amendments(demo_db, v.id) if x.item_code == "B2"]
    assert (a.old, a.new, a.reason) == (before, after, "Xã bổ sung hồ sơ") and after != before
    assert mn.version_code(demo_db, v.id) != ins.get_visit(demo_db, v.id).version_code  # the paper no longer matches


def test_choosing_another_visit_ends_the_amendment(qtbot, signed, demo_db):
    w, v, asked = signed
    _key(qtbot, w, "B2", "3")
    assert amend.current(v.id)
    _select_visit(w, "Ninh Đa")
    assert amend.current(v.id) is None


def test_photos_and_the_session_dialog_share_the_amendment(qtbot, signed, demo_db, monkeypatch):
    from inspector import photos as ph
    from ui import photos as uph

    w, v, asked = signed
    reason = uph._amend_reason(demo_db, v.id)  # a photo change asks first …
    assert reason == "Xã bổ sung hồ sơ" and asked == ["Ninh Xuân"]
    atts = ph.attachments(demo_db, v.id)
    if atts:
        ph.set_caption(demo_db, atts[0].id, "Bảng niêm yết (chụp lại)", reason=reason)
    assert uph._amend_reason(demo_db, v.id) == reason and asked == ["Ninh Xuân"]  # … then holds
    import ui.dialogs

    d = ui.dialogs.VisitDialog(demo_db, v.id)
    qtbot.addWidget(d)
    assert d._reason() == reason  # the session dialog uses the same one
    amend.close(v.id)
    assert d._reason() == "Sửa lỗi nhập" and asked == ["Ninh Xuân", "Ninh Xuân"]
    if atts:
        assert any(a.reason == "Xã bổ sung hồ sơ" and a.entity == "attachment" for a in mn.amendments(demo_db, v.id))
