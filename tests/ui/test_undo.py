"""Undo of an answer through the window: the value AND the note come back, in the database and on
screen; redo brings both forward again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from inspector import answers as ans
from ui.mainwindow import MainWindow


def _window(qtbot, db, path) -> MainWindow:
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    return w


def _open(w: MainWindow, db, commune: str, code: str) -> str:
    from inspector import inspections as ins

    visit = next(v for v in ins.visits(db) if v.commune == commune)
    w.open_answer(visit.id, code)
    assert w.item.code == code
    return visit.id


def _stored(db, visit_id, code):
    a = ans.get_answer(db, visit_id, code)
    return (a.value, a.note) if a else (None, "")


def _undo(qtbot, w):
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_undo_of_a_typed_note_and_value_restores_both(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    vid = _open(w, demo_db, "Ninh Xuân", "B2")
    first = _stored(demo_db, vid, "B2")
    assert first[0] == "dat"
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_3)  # Không đạt
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # → the note
    w.panel.note.selectAll()
    w.panel.note.insertPlainText("Chưa niêm yết thủ tục mới")
    qtbot.keyClick(w.panel.note, Qt.Key.Key_Escape)  # saves the note
    assert _stored(demo_db, vid, "B2") == ("khong_dat", "Chưa niêm yết thủ tục mới")
    assert w.undo.count() == 2

    _undo(qtbot, w)  # the note comes back, the value stays
    assert _stored(demo_db, vid, "B2") == ("khong_dat", first[1])
    assert w.panel.note.toPlainText() == first[1]
    _undo(qtbot, w)  # and the value
    assert _stored(demo_db, vid, "B2") == first
    assert w.panel.editor.assessment.buttons["dat"].isChecked()
    assert w.panel.note.toPlainText() == first[1]

    w.undo.redo()
    assert _stored(demo_db, vid, "B2") == ("khong_dat", first[1])
    w.undo.redo()
    assert _stored(demo_db, vid, "B2") == ("khong_dat", "Chưa niêm yết thủ tục mới")
    assert w.panel.note.toPlainText() == "Chưa niêm yết thủ tục mới"


def test_one_change_of_value_and_note_is_undone_as_one(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    vid = _open(w, demo_db, "Ninh Xuân", "B3")
    first = _stored(demo_db, vid, "B3")
    new_value = "khong_dat" if first[0] != "khong_dat" else "dat"
    assert w.write_answer(vid, "B3", new_value, "Ghi chú mới của đoàn")
    assert _stored(demo_db, vid, "B3") == (new_value, "Ghi chú mới của đoàn")
    assert w.undo.count() == 1
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Down)  # move away; undo brings B3 back
    _undo(qtbot, w)
    assert _stored(demo_db, vid, "B3") == first, "undo restores the value and the note"
    assert w.item.code == "B3"
    assert w.panel.note.toPlainText() == first[1]
    assert w.cl_model.answers["B3"].note == first[1]
    w.undo.redo()
    assert _stored(demo_db, vid, "B3") == (new_value, "Ghi chú mới của đoàn")
