"""Details a delegation meets: where the minutes are offered, the app closing as a whole, and the
head of a delegation being one person."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog
from test_mainwindow import _window

import ui.minutes
from inspector import inspections as ins


def test_minutes_are_offered_in_a_folder_of_the_inspection_never_where_photos_came_from(
    qtbot, demo_db, demo_path, monkeypatch
):
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    w.open_answer(v.id, "A1")
    monkeypatch.setattr(ui.minutes, "ask_about_gaps", lambda *a, **k: True)
    offered = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda parent, title, path, *a: offered.append(path) or ("", "")
    )
    w.settings.setValue("photos/last_folder", "/media/sdcard/DCIM")  # where the photos came from
    w.minutes_actions.make.trigger()
    (path,) = offered
    p = Path(path)
    assert p.name == f"BB_Ninh-Xuan_{v.date}.docx"
    assert p.parent.parent.name == "Inspector" and "DCIM" not in path
    assert p.parent.is_dir()


def test_closing_the_main_window_closes_the_others(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    w.open_answer(v.id, "A1")
    w.open_summary()
    others = [t for t in QApplication.topLevelWidgets() if t is not w and t.isVisible()]
    assert others, "the summary window is open"
    w.close()
    assert not any(t.isVisible() for t in others)


def test_a_delegation_has_one_head(qtbot, db):
    from ui.dialogs import InspectionDialog

    d = InspectionDialog(db, None)
    qtbot.addWidget(d)
    role = [c.title for c in d.members.columns].index(next(c.title for c in d.members.columns if c.choices))
    d.members.add_row(["Nguyễn Văn An", "", "", None], edit=False)
    d.members.add_row(["Trần Thị Bình", "", "", None], edit=False)
    assert d.members.column_keys(role) == ["truong_doan", "thanh_vien"]
