from PySide6.QtCore import Qt

from inspector import inspections as ins
from ui.mainwindow import MainWindow
from ui.summary_view import COLOURS, SummaryView


def _summary_of_the_demo(qtbot, demo_db, demo_path) -> SummaryView:
    """The summary view of the demo's first inspection."""
    view = SummaryView(demo_db, db_path=demo_path)
    qtbot.addWidget(view)
    view.set_inspection(ins.list_inspections(demo_db)[0].id)
    return view


def test_matrix_view_colours_and_click_opens_the_answer(qtbot, demo_db, demo_path):
    view = _summary_of_the_demo(qtbot, demo_db, demo_path)
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


def test_the_office_report_template_is_checked_kept_and_used(qtbot, demo_db, demo_path, tmp_path, monkeypatch):
    import zipfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    import ui.errors
    import ui.summary_view as sv
    from inspector import report as rp

    view = _summary_of_the_demo(qtbot, demo_db, demo_path)
    assert view.report_template() is None and not view.default_template_action.isEnabled()
    # a broken template: refused with its problem, nothing kept
    bad = tmp_path / "hong.docx"
    with zipfile.ZipFile(rp.TEMPLATE) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            blob = src.read(info)
            if info.filename == "word/document.xml":
                blob = blob.replace(b"{{ ket_thuc }}", b"{{ khong_co }}")
            dst.writestr(info, blob)
    shown = []
    monkeypatch.setattr(ui.errors, "show", lambda parent, exc, *a: shown.append(str(exc)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    view.choose_report_template()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert "khong_co" in shown[0] and view.report_template() is None
    # a copy of the shipped one: kept, and used for the Word report
    good = tmp_path / "mau-bao-cao.docx"
    good.write_bytes(rp.TEMPLATE.read_bytes())
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    view.choose_report_template()
    qtbot.waitUntil(lambda: bool(told), timeout=60000)
    assert view.report_template() == str(good) and "mau-bao-cao.docx" in view.template_button.toolTip()
    used = []
    monkeypatch.setattr(sv, "_summary_job", lambda *a, **k: used.append(k.get("template")) or str(tmp_path / "x"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "bc.docx"), ""))
    monkeypatch.setattr(
        sv.QDesktopServices if hasattr(sv, "QDesktopServices") else sv, "openUrl", lambda u: None, raising=False
    )
    view.export(".docx")
    qtbot.waitUntil(lambda: bool(used), timeout=60000)
    assert used == [str(good)]
    view.reset_report_template()
    assert view.report_template() is None and QSettings().value("report/template") is None


def test_an_unfinished_commune_is_marked_as_left_out_of_the_totals(qtbot, demo_db, demo_path):
    view = _summary_of_the_demo(qtbot, demo_db, demo_path)
    m = view.model.m
    (tb,) = m.unfinished
    row = m.visits.index(tb)
    assert view.model.headerData(row, Qt.Orientation.Vertical) == "Tòng Bạt (chưa xong)"
    assert "không tính" in view.model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    done = next(v for v in m.visits if v.id in m.complete)
    assert view.model.headerData(m.visits.index(done), Qt.Orientation.Vertical) == done.commune
