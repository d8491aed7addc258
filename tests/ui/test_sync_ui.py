"""The sync UI: conflicts widget (pick a value / type one), merge flow, drop, export, merge log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from test_sync_helpers import plan

import inspector
from inspector import answers as ans
from inspector import sync
from ui import sync as usync


@pytest.fixture
def two_laptops(tmp_path):
    """An office database and two laptop packages that disagree on B2 of the first commune."""
    office_path = tmp_path / "office.sqlite3"
    office = inspector.open_db(office_path)
    insp, visits = plan(office)
    sync.export_package(office, tmp_path / "plan.cchc", insp)
    for name, value in (("lan", "dat"), ("minh", "khong_dat")):
        lap = inspector.open_db(tmp_path / f"{name}.sqlite3")
        inspector.db.meta_set(lap, "author", name.capitalize())
        sync.merge_packages(lap, [tmp_path / "plan.cchc"])
        ans.set_answer(lap, visits[0], "B2", value)
        ans.set_answer(lap, visits[1 if name == "lan" else 2], "B3", "dat")
        sync.export_package(lap, tmp_path / f"{name}.cchc", insp)
        lap.conn.close()
    yield office, office_path, visits, [tmp_path / "lan.cchc", tmp_path / "minh.cchc"]
    office.conn.close()


def _merge_in_ui(qtbot, office, office_path, files, monkeypatch):
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], ""))
    monkeypatch.setattr(usync.MergeReportDialog, "exec", lambda self: shown.append(self) or 0)
    merged = []
    usync.merge_packages(None, office, office_path, on_merged=merged.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    return merged[0], shown[0]


def test_merge_flow_with_report_and_conflict(qtbot, two_laptops, monkeypatch, tmp_path):
    office, office_path, visits, files = two_laptops
    report, dialog = _merge_in_ui(qtbot, office, office_path, files, monkeypatch)
    qtbot.addWidget(dialog)
    assert report.added["answers"] == 3 and len(report.conflicts) == 1
    html = usync.report_html(report)
    assert "lan.cchc" in html and "xung đột" in html and "Ninh Xuân" in html
    assert dialog.conflicts_button is not None
    dialog.resize(700, 420)
    dialog.grab().save(str(tmp_path / "report.png"))
    # the merge log shows both files
    log = usync.MergeLogWidget(office)
    qtbot.addWidget(log)
    assert log.model_.rowCount() == 2
    assert {log.model_.item(r, 1).text() for r in range(2)} == {"lan.cchc", "minh.cchc"}


def test_conflicts_widget_pick_a_value(qtbot, two_laptops, tmp_path):
    office, _, visits, files = two_laptops
    sync.merge_packages(office, files)
    w = usync.ConflictsWidget(office)
    qtbot.addWidget(w)
    w.resize(820, 300)
    w.show()
    assert len(w.model.conflicts) == 1 and w.view.isVisible()
    top = w.model.item(0, 0)
    assert "Ninh Xuân" in top.text() and "B2" in top.text()
    assert {top.child(i, 0).text() for i in range(2)} == {"Đạt", "Không đạt"}
    assert {top.child(i, 1).text() for i in range(2)} == {"Lan", "Minh"}
    assert all(len(top.child(i, 2).text()) == 8 for i in range(2))
    w.grab().save(str(tmp_path / "conflicts.png"))
    assert not w.choose.isEnabled()
    row = [top.child(i, 0).text() for i in range(2)].index("Không đạt")
    w.select_value(0, row)
    assert w.choose.isEnabled()
    with qtbot.waitSignal(w.resolved):
        qtbot.mouseClick(w.choose, Qt.MouseButton.LeftButton)
    assert sync.conflicts(office) == []
    assert ans.get_answer(office, visits[0], "B2").value == "khong_dat"
    assert not w.view.isVisible() and w.empty.isVisible()


def test_conflicts_widget_type_a_new_value(qtbot, two_laptops, monkeypatch):
    office, _, visits, files = two_laptops
    sync.merge_packages(office, files)
    w = usync.ConflictsWidget(office)
    qtbot.addWidget(w)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    w.select_value(0, 0)
    w.new_value.setText("có lẽ")
    assert not w.write_new()
    assert warnings and "B2" in warnings[0] and len(sync.conflicts(office)) == 1
    w.new_value.setText("đạt một phần")
    assert w.write_new()
    assert ans.get_answer(office, visits[0], "B2").value == "dat_mot_phan"
    assert w.model.conflicts == []


def test_dropping_files_merges_them_and_bad_files_get_a_vietnamese_reason(qtbot, two_laptops, monkeypatch, tmp_path):
    office, office_path, _, files = two_laptops
    (tmp_path / "bien-ban.docx").write_bytes(b"PK\x03\x04" + b"\0" * 200)
    shown = []
    monkeypatch.setattr(usync.MergeReportDialog, "exec", lambda self: shown.append(self) or 0)
    win = QMainWindow()
    qtbot.addWidget(win)
    drop = usync.PackageDropFilter(win, office, office_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in [*files, tmp_path / "bien-ban.docx"]])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    assert drop.eventFilter(win, event) is True and event.isAccepted()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    report = shown[0].report
    assert len(report.packages) == 2 and [f for f, _ in report.rejected] == ["bien-ban.docx"]
    assert "tệp nén ZIP" in usync.report_html(report)
    qtbot.addWidget(shown[0])


def test_export_flow_writes_the_package(qtbot, two_laptops, monkeypatch, tmp_path):
    office, office_path, _, _ = two_laptops
    out = tmp_path / "out" / "van-phong"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    results = []
    usync.export_package(None, office_path, on_done=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10000)
    assert results[0].path.name == "van-phong.cchc" and results[0].path.exists()
    assert sync.verify_package(results[0].path).events == results[0].events


def test_menu_actions_and_rejection_message(qtbot, db, db_path):
    win = QMainWindow()
    qtbot.addWidget(win)
    menu = QMenu("Tệp", win)
    actions = usync.add_sync_actions(win, menu, db, db_path)
    assert [a.text() for a in menu.actions()] == [
        "Xuất gói dữ liệu…",
        "Hợp nhất gói dữ liệu…",
        "Xung đột cần quyết định…",
        "Nhật ký hợp nhất…",
    ]
    assert isinstance(actions["drop"], usync.PackageDropFilter)
    from ui import errors

    msg = errors.message(inspector.errors.PackageRejected("/x/a.cchc", "truncated", size=1, expected=2))
    assert msg.startswith("Gói dữ liệu a.cchc bị từ chối: tệp bị cắt cụt")


def test_the_main_window_shows_how_many_conflicts_wait(qtbot, two_laptops):
    from inspector import events
    from ui.mainwindow import MainWindow

    office, office_path, visits, files = two_laptops
    w = MainWindow(office, office_path)
    qtbot.addWidget(w)
    qtbot.waitUntil(lambda: w.conflicts_button.text() != "", timeout=5000)
    assert not w.conflicts_button.isVisibleTo(w)
    sync.merge_packages(office, files)
    w.refresh()
    assert events.conflict_count(office) == len(sync.conflicts(office)) == 1
    assert w.conflicts_button.isVisibleTo(w) and "1 xung đột" in w.conflicts_button.text()
