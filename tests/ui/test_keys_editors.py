"""Each key of the contract (ui/keys.py) in each editor, pressed as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_mainwindow import _select_visit, _window

from inspector import answers as ans


def _at(qtbot, w, code: str):
    w.open_answer(w.visit.id, code)
    w.view.setFocus()
    return w


def test_assessment_keys_one_to_four_and_delete(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    for key, value in (("1", "dat"), ("2", "dat_mot_phan"), ("3", "khong_dat"), ("4", "khong_ap_dung")):
        _at(qtbot, w, "B2")
        qtbot.keyClicks(w.view, key)
        assert ans.get_answer(demo_db, w.visit.id, "B2").value == value, key
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    a = ans.get_answer(demo_db, w.visit.id, "B2")
    assert a is None or a.value is None


def test_yes_no_keys(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    for key, value in (("1", "co"), ("2", "khong")):
        _at(qtbot, w, "B7")
        qtbot.keyClicks(w.view, key)
        assert ans.get_answer(demo_db, w.visit.id, "B7").value == value, key
    _at(qtbot, w, "B7")
    qtbot.keyClicks(w.view, "3")  # not a yes/no key: nothing changes
    assert ans.get_answer(demo_db, w.visit.id, "B7").value == "khong"


def test_enter_writes_a_note_and_esc_keeps_it_and_returns_to_the_list(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    _at(qtbot, w, "B2")
    qtbot.keyClick(w.view, Qt.Key.Key_Return)
    note = w.panel.note
    assert note.hasFocus()
    qtbot.keyClicks(note, "Bang niem yet da cu")
    qtbot.keyClick(note, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is w.view
    assert ans.get_answer(demo_db, w.visit.id, "B2").note.endswith("Bang niem yet da cu")
    qtbot.keyClick(w.view, Qt.Key.Key_Down)  # the list moves on; the note stays saved
    assert w.item.code != "B2"
    assert ans.get_answer(demo_db, w.visit.id, "B2").note.endswith("Bang niem yet da cu")
