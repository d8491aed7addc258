"""Đợt kiểm tra → Bộ tiêu chí…: the sets and their use; a set in use opens read-only; a copy is
edited with the check running as one types and saved as the next version; Excel in and out."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_criteria import _rows, workbook

from inspector import checklist as cl
from inspector import criteria_xlsx as cx
from inspector import inspections as ins
from ui.criteria import CriteriaEditor, CriteriaSetsDialog


def _set_cell(editor: CriteriaEditor, row: int, key: str, text: str) -> None:
    from ui.criteria import KEYS

    editor.items.model.item(row, KEYS.index(key)).setText(text)


def test_the_sets_list_shows_use_and_a_set_in_use_is_read_only(qtbot, db, tmp_path):
    c, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    ins.create_inspection(db, title="Kiểm tra 2026", checklist_version=c.id)
    d = CriteriaSetsDialog(db)
    qtbot.addWidget(d)
    rows = {d.table.item(r, 0).text(): d.table.item(r, 4).text() for r in range(d.table.rowCount())}
    assert rows["KH-XA-2026.1"] == "1 đợt, khóa" and rows["CCHC-XA-2026.1"] == "chưa dùng"
    view = CriteriaEditor(db, c, editable=False)
    qtbot.addWidget(view)
    assert view.items.model.rowCount() == len(c.items) and not view.items.add_button.isVisible()
    assert view.title.isReadOnly() and "chỉ xem" in view.windowTitle()
    assert view.check.text().startswith("27 tiêu chí; tổng 100 điểm (A 12, B 12")


def test_a_copy_is_checked_as_one_types_and_saved_as_the_next_version(qtbot, db, tmp_path):
    c, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    ins.create_inspection(db, title="Kiểm tra 2026", checklist_version=c.id)
    editor = CriteriaEditor(db, c, editable=True)
    qtbot.addWidget(editor)
    assert editor.version.text() == "2" and editor.save_button.isEnabled()
    _set_cell(editor, 1, "code", "A1")  # a duplicate code
    _set_cell(editor, 2, "scoring", "≥95%: 4; ≥80%: 2")  # a gap under 80 %
    _set_cell(editor, 0, "scoring", "9")  # partial points above the item's 5
    text = editor.check.text()
    assert "Tiêu chí, dòng 2, cột Mã: A1 trùng mã với dòng 1" in text
    assert "các ngưỡng bỏ sót: 79,95% không được chấm điểm" in text and "vượt điểm tối đa 5" in text
    assert not editor.save_button.isEnabled()
    _set_cell(editor, 1, "code", "A2")
    _set_cell(editor, 2, "scoring", "≥95%: 4; ≥80%: 2; <80%: 0")
    _set_cell(editor, 0, "scoring", "2")
    _set_cell(editor, 0, "points", "6")
    assert "tổng 101 điểm (A 13," in editor.check.text() and editor.save_button.isEnabled()
    editor.save()
    assert editor.saved is not None and editor.saved.id == "KH-XA-2026.2"
    assert cl.get(db, "KH-XA-2026.2").item("A1").points == 6 and cl.get(db, c.id).item("A1").points == 5


def test_excel_in_and_out_from_the_sets_dialog(qtbot, db, tmp_path, monkeypatch):
    rows = _rows()
    rows[1][0] = "A1"
    bad = workbook(tmp_path / "bad.xlsx", rows)
    d = CriteriaSetsDialog(db)
    qtbot.addWidget(d)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    d.import_set()
    assert shown and "có 1 vấn đề; chưa nạp gì" in shown[0]
    assert "Tiêu chí, dòng 3, cột Mã (A): A1 trùng mã với dòng 2" in shown[0]
    assert "KH-XA-2026.1" not in {v.id for v in cl.list_versions(db)}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(workbook(tmp_path / "kh.xlsx")), ""))
    d.import_set()
    assert d.current().id == "KH-XA-2026.1"
    out = tmp_path / "xuat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    view = CriteriaEditor(db, cl.get(db, "KH-XA-2026.1"))
    qtbot.addWidget(view)
    view.export()
    assert cx.read(out).items == cl.get(db, "KH-XA-2026.1").items


def test_the_menu_opens_the_sets(qtbot, demo_db, demo_path, monkeypatch):
    from ui.mainwindow import MainWindow

    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    opened = []
    monkeypatch.setattr(CriteriaSetsDialog, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected)
    w.act_criteria.trigger()
    assert opened and opened[0].table.rowCount() >= 2
