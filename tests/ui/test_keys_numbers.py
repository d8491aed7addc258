"""No key or wheel silently changes a saved number: the scenario of a delegation member who types
a count, presses Enter, Esc, then the arrow keys (they move between items, never step a figure)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from test_mainwindow import _select_visit, _window

from inspector import answers as ans


def _current_code(w) -> str:
    return w.view.currentIndex().data(Qt.ItemDataRole.UserRole + 3)


def test_count_enter_esc_then_arrows_move_between_items(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "C2")
    w.view.setFocus()
    qtbot.keyClicks(w.view, "6")
    spin = w.panel.editor.count.spin
    assert spin.hasFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.keyClick(spin, Qt.Key.Key_Escape)
    assert w.view.hasFocus() and _current_code(w) == "C2"
    qtbot.keyClick(w.view, Qt.Key.Key_Down)
    qtbot.keyClick(w.view, Qt.Key.Key_Down)
    assert _current_code(w) not in ("C2", None)
    assert ans.get_answer(demo_db, w.visit.id, "C2").value == "6"


def test_arrow_keys_in_a_number_box_move_to_the_next_item_and_keep_the_number(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "C2")
    w.view.setFocus()
    qtbot.keyClicks(w.view, "6")
    spin = w.panel.editor.count.spin
    qtbot.keyClick(spin, Qt.Key.Key_Down)  # typed, then ↓: saved as typed, and the next item
    assert ans.get_answer(demo_db, w.visit.id, "C2").value == "6"
    assert _current_code(w) != "C2" and w.view.hasFocus()
    w.open_answer(w.visit.id, "C2")
    spin.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_PageDown):
        spin.setFocus()
        qtbot.keyClick(spin, key)
    assert ans.get_answer(demo_db, w.visit.id, "C2").value == "6"


def test_ratio_esc_and_arrow_keep_the_saved_figures(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "B1")
    r = w.panel.editor.ratio
    r.num.setFocus()
    r.num.lineEdit().setText("117")
    qtbot.keyClick(r.num, Qt.Key.Key_Tab)
    r.den.lineEdit().setText("120")
    qtbot.keyClick(r.den, Qt.Key.Key_Escape)
    assert ans.get_answer(demo_db, w.visit.id, "B1").value == "117/120"
    assert w.view.hasFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Down)
    w.open_answer(w.visit.id, "B1")
    r.den.setFocus()
    qtbot.keyClick(r.den, Qt.Key.Key_Down)
    assert ans.get_answer(demo_db, w.visit.id, "B1").value == "117/120"


def test_the_mouse_wheel_never_changes_a_number(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "C2")
    spin = w.panel.editor.count.spin
    spin.setValue(6)
    before = spin.value()
    ev = QWheelEvent(
        QPointF(5, 5),
        QPointF(spin.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(spin, ev)
    spin.stepBy(3)
    assert spin.value() == before
