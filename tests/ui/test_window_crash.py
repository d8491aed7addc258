"""Killing the app while the inspector types: everything the status bar showed as saved is there."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from test_kill_answers import answers_match_events

import inspector
from inspector import answers as ans
from inspector import inspections as ins

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[3])
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    import inspector
    from ui.mainwindow import MainWindow
    app = QApplication([])
    db = inspector.open_db(sys.argv[1])
    w = MainWindow(db, sys.argv[1])
    w.show()
    w.open_answer(sys.argv[2], "A1")
    keys = [Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2]
    n = 0
    while True:
        item = w.item.code
        if w.item.type != "assessment":
            QTest.keyClick(w.view, Qt.Key.Key_Down)
            continue
        QTest.keyClick(w.view, keys[n % 3])
        print(item, w.cl_model.answers[item].value, w.saved_label.text(), flush=True)
        QTest.keyClick(w.view, Qt.Key.Key_Down)
        n += 1
""")


def test_sigkill_while_answering_in_the_window_keeps_what_was_shown_saved(db_path):
    db = inspector.open_db(db_path)
    insp = ins.create_inspection(db, title="Kiểm tra")
    visit = ins.add_visit(db, insp.id, commune="Ninh Xuân")
    db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db_path), visit.id, str(ROOT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    shown = {}
    for line in proc.stdout:
        code, value, *saved = line.split()
        assert "Đã lưu" in " ".join(saved)
        shown[code] = value
        if len(shown) >= 12:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for line in proc.stdout:  # shown as saved after the line that made us kill, before the kill landed
        code, value, *saved = line.split()
        assert "Đã lưu" in " ".join(saved)
        shown[code] = value
    assert len(shown) >= 12, "the window kept answering until killed"
    db = inspector.open_db(db_path)
    assert inspector.db.integrity_errors(db) == []
    assert answers_match_events(db) == [], "an event without its answers row, or a row ahead of its events"
    stored = ans.answers_for_visit(db, visit.id)
    for code, value in shown.items():
        assert stored[code].value == value, code
    db.close()
