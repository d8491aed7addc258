"""The summary grid speaks the window's language: letters and yes/no in English there."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector import inspections as ins
from ui import errors
from ui.summary_view import SummaryView


def _cell(view, commune: str, code: str):
    m = view.model.m
    row = [v.commune for v in m.visits].index(commune)
    return view.model.index(row, [it.code for it in m.items].index(code))


def test_grid_cells_in_english_and_vietnamese(qtbot, demo_db, demo_path):
    view = SummaryView(demo_db, db_path=demo_path)
    qtbot.addWidget(view)
    view.set_inspection(ins.list_inspections(demo_db)[0].id)
    yesno = next(
        it.code
        for it in view.model.m.items
        if it.type == "yesno" and view.model.m.cells[view.model.m.visits[0].id][it.code].value is not None
    )
    commune = view.model.m.visits[0].commune
    errors.LANG = "vi"
    assert _cell(view, "Ninh Xuân", "A4").data() == "K"
    assert _cell(view, commune, yesno).data() in ("Có", "Không")
    errors.LANG = "en"
    assert _cell(view, "Ninh Xuân", "A4").data() == "N"
    assert _cell(view, commune, yesno).data() in ("Yes", "No")
    assert "Not met" in _cell(view, "Ninh Xuân", "A4").data(Qt.ItemDataRole.ToolTipRole)
