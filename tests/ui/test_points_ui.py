"""A criteria set with points in the window: a points column, each area's "10/12", the commune's
total and class above its checklist, kept up to date as answers change; points set by hand."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_criteria import workbook

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import criteria_xlsx as cx
from inspector import inspections as ins
from ui import commands
from ui.checklist_model import POINTS_COLUMN
from ui.mainwindow import MainWindow


def _window(qtbot, tmp_path):
    path = tmp_path / "kh.sqlite3"
    db = inspector.open_db(path)
    inspector.db.set_author(db, "Phạm Thu Hà", "thu_ky")
    c, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    insp = ins.create_inspection(db, title="Kiểm tra CCHC năm 2026", checklist_version=c.id)
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-17")
    ans.set_answers(
        db, v.id, [ans.AnswerInput("A1", "dat"), ans.AnswerInput("A2", "co"), ans.AnswerInput("A3", "90/100")]
    )
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    w.nav.select(v.id)
    QApplication.processEvents()
    return w, db, v


def _cell(w, code: str, col: int = POINTS_COLUMN) -> str:
    m = w.cl_model
    if len(code) == 1:
        gi = next(i for i, g in enumerate(m.groups) if g.code == code)
        return m.index(gi, col).data() or ""
    return m.index_of(code).siblingAtColumn(col).data() or ""


def test_points_beside_items_areas_and_the_commune(qtbot, tmp_path):
    w, db, v = _window(qtbot, tmp_path)
    m = w.cl_model
    assert m.columnCount() == 4 and m.headerData(POINTS_COLUMN, Qt.Orientation.Horizontal) == "Điểm"
    assert (_cell(w, "A1"), _cell(w, "A3"), _cell(w, "A")) == ("5/5", "2/4", "10/12")
    assert _cell(w, "I2") == "0" and _cell(w, "I") == "0"
    assert w.visit_title.text().endswith("10/100 điểm · Yếu")
    assert "KH-XA-2026.1" in w.visit_title.toolTip() and w.middle_tabs.tabText(0) == "Bảng kiểm tra · KH-XA-2026.1"
    # an answer changes: the item, its area and the total follow at once
    w.write_answer(v.id, "B1", "dat", None)
    assert _cell(w, "B1") == "5/5" and _cell(w, "B") == "5/12" and "15/100 điểm" in w.visit_title.text()
    w.write_answer(v.id, "I2", "co", None)
    assert _cell(w, "I2") == "−3" and _cell(w, "I") == "−3" and "12/100 điểm" in w.visit_title.text()
    w.write_answer(v.id, "C1", "khong_ap_dung", None)
    assert _cell(w, "C1") == "—" and "12/95 điểm (chỉ số 12,6)" in w.visit_title.text()


def test_points_set_by_hand_with_a_reason(qtbot, tmp_path, monkeypatch):
    w, db, v = _window(qtbot, tmp_path)
    w.view.setCurrentIndex(w.cl_filter.mapFromSource(w.cl_model.index_of("A2")))
    assert w.act_points.isEnabled()

    def answer_dialog(dialog: commands.PointsDialog) -> int:
        dialog.points.setValue(1.5)
        dialog.reason.setText("Chỉ bố trí 1 người kiêm nhiệm")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(commands.PointsDialog, "exec", answer_dialog)
    w.act_points.trigger()
    stored = ans.get_answer(db, v.id, "A2")
    assert (stored.points, stored.points_reason) == (1.5, "Chỉ bố trí 1 người kiêm nhiệm")
    assert _cell(w, "A2") == "1,5*/3" and _cell(w, "A") == "8,5/12" and "8,5/100 điểm" in w.visit_title.text()
    assert "Chỉ bố trí 1 người" in w.cl_model.index_of("A2").siblingAtColumn(POINTS_COLUMN).data(3)  # tooltip

    def clear(dialog: commands.PointsDialog) -> int:
        dialog._clear()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(commands.PointsDialog, "exec", clear)
    w.act_points.trigger()
    assert ans.get_answer(db, v.id, "A2").points is None and _cell(w, "A2") == "3/3"


def test_a_set_without_points_shows_no_points_column(qtbot, demo_db, demo_path):
    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.show()
    w.nav.select(ins.visits(demo_db)[0].id)
    QApplication.processEvents()
    assert w.cl_model.columnCount() == 3 and "điểm" not in w.visit_title.text()
    assert not w.act_points.isEnabled()


def test_the_summary_shows_each_communes_index_class_and_rank(qtbot, tmp_path):
    from ui.summary_view import SummaryView

    w, db, v = _window(qtbot, tmp_path)
    other = ins.add_visit(db, v.inspection_id, commune="Đồng Hóa", province="Khánh Hòa", date="2026-11-18")
    ans.set_answers(db, other.id, [ans.AnswerInput(c, "dat") for c in ("A1", "B1", "C1")])
    for x in (v, other):
        ins.update_visit(db, x.id, status="done")
    view = SummaryView(db)
    qtbot.addWidget(view)
    view.set_inspection(v.inspection_id)
    heads = [view.model.headerData(r, Qt.Orientation.Vertical) for r in range(2)]
    assert heads == ["Đồng Hóa · 15 · Yếu", "Ninh Xuân · 10 · Yếu"]
    assert view.model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Hạng 1: 15/100 điểm"
    assert "KH-XA-2026.1" in view.title.text() and "cao nhất: Đồng Hóa" in view.title.text()
    assert "Bình quân theo lĩnh vực: A 7,5/12; B 2,5/12; C 2,5/12" in view.title.text()


def test_the_inspection_dialog_chooses_the_set_and_locks_it_once_answered(qtbot, tmp_path, db):
    from ui.dialogs import InspectionDialog

    d = InspectionDialog(db)
    qtbot.addWidget(d)
    ids = [d.checklist.itemData(i) for i in range(d.checklist.count())]
    assert ids[:2] == ["CCHC-XA-2025.1", "CCHC-XA-2026.1"] and d.checklist.currentData() == "CCHC-XA-2025.1"
    assert "100 điểm" in d.checklist.itemText(1)
    d.title.setText("Kiểm tra CCHC năm 2026")
    d.checklist.setCurrentIndex(1)
    d.save()
    insp = ins.get_inspection(db, d.saved_id)
    assert insp.checklist_version == "CCHC-XA-2026.1"
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân")
    ans.set_answer(db, v.id, "A1", "dat")
    again = InspectionDialog(db, insp.id)
    qtbot.addWidget(again)
    assert not again.checklist.isEnabled() and again.checklist.currentData() == "CCHC-XA-2026.1"
    again.save()
    assert ins.get_inspection(db, insp.id).checklist_version == "CCHC-XA-2026.1"
