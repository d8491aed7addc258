import ui.dialogs
from ui.mainwindow import MainWindow


def test_window_opens_on_an_empty_database(qtbot, db, db_path, monkeypatch):
    asked = []
    monkeypatch.setattr(ui.dialogs, "confirm", lambda *a, **k: asked.append(a) or False)
    w = MainWindow(db, db_path)
    qtbot.addWidget(w)
    w.show()
    w.offer_demo_if_empty()
    assert asked, "an empty database offers the demo data"
    assert w.model.rowCount() == 0


def test_accepting_the_demo_offer_fills_the_window(qtbot, db, db_path, monkeypatch):
    monkeypatch.setattr(ui.dialogs, "confirm", lambda *a, **k: True)
    w = MainWindow(db, db_path)
    qtbot.addWidget(w)
    w.show()
    w.offer_demo_if_empty()
    assert w.model.rowCount() == 1
    assert w.visit is not None, "the first commune opens"
    assert w.cl_model.rowCount() == 7, "groups A–G"


def test_window_shows_the_demo_inspection(qtbot, demo_db, demo_path):
    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.show()
    assert w.model.rowCount() == 1
    assert w.model.item(0).rowCount() == 5
    names = [w.model.item(0).child(i).text() for i in range(5)]
    assert any("Ninh Xuân" in n for n in names)


def test_an_old_database_is_upgraded_before_the_window_opens(tmp_path, monkeypatch, qtbot):
    from inspector import db as dbmod
    from tests.conftest import make_v1_database
    from ui import app as app_mod

    path = tmp_path / "old.sqlite3"
    make_v1_database(path)
    assert dbmod.needs_migration(path)
    app_mod._upgrade(path)
    assert not dbmod.needs_migration(path)
