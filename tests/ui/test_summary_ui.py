from PySide6.QtCore import Qt

from inspector import inspections as ins
from ui.mainwindow import MainWindow
from ui.summary_view import COLOURS, SummaryView


def test_matrix_view_colours_and_click_opens_the_answer(qtbot, demo_db, demo_path):
    insp = ins.list_inspections(demo_db)[0]
    view = SummaryView(demo_db, db_path=demo_path)
    qtbot.addWidget(view)
    view.set_inspection(insp.id)
    m = view.model.m
    assert view.model.rowCount() == len(m.visits) + 1
    v = next(x for x in m.visits if x.commune == "Ninh Xuân")
    row = m.visits.index(v)
    col = [it.code for it in m.items].index("A4")  # không đạt in the demo
    idx = view.model.index(row, col)
    assert idx.data() == "K"
    assert idx.data(Qt.ItemDataRole.BackgroundRole).color().name() == COLOURS["failed"]
    hits = []
    view.answer_activated.connect(lambda vid, code: hits.append((vid, code)))
    view._clicked(idx)
    assert hits == [(v.id, "A4")]
    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.open_answer(*hits[0])
    assert w.visit.id == v.id and w.item.code == "A4"
