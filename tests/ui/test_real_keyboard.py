"""The keyboard scenario of a delegation member, on a real X11 display with a window manager
(Xvfb + openbox), keys sent by xdotool as a keyboard would: type a count, Enter, Esc, ↓ ↓ — the
saved number stays what was typed (arrow keys once changed it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import subprocess, sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(["inspector"])
import inspector
from inspector import answers as ans, demo, inspections as ins
from ui.mainwindow import MainWindow

wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
tmp = Path(tempfile.mkdtemp())
db = inspector.open_db(tmp / "d.sqlite3")
demo.create_demo(db)
v = next(x for x in ins.visits(db) if x.commune == "Tòng Bạt")
w = MainWindow(db, tmp / "d.sqlite3")
w.show()

def keys(*args):
    subprocess.run(["xdotool", *args], check=True)

def wait(condition, then, tries=100):
    # poll every 100 ms (at most 10 s) until condition() holds, then call then(ok)
    if condition() or tries == 0:
        then(bool(condition()))
    else:
        QTimer.singleShot(100, lambda: wait(condition, then, tries - 1))

def start():
    w.activateWindow()
    wait(lambda: QApplication.activeWindow() is w, focused)

def focused(ok):
    w.open_answer(v.id, "C2")
    w.view.setFocus()
    keys("type", "--delay", "60", "6")
    spin = w.panel.editor.count.spin
    wait(lambda: spin.hasFocus() and spin.text() == "6", typed)

def typed(ok):
    keys("key", "--delay", "120", "Return", "Escape", "Down", "Down")
    wait(lambda: w.item is not None and w.item.code != "C2", lambda ok: QTimer.singleShot(300, finish))

def finish():
    a = ans.get_answer(db, v.id, "C2")
    current = w.item.code if w.item else None
    print("RESULT", a.value if a else None, current, type(QApplication.focusWidget()).__name__)
    wm.terminate()
    app.quit()

QTimer.singleShot(300, start)   # the window manager maps and focuses the window first
app.exec()
"""


@pytest.mark.skipif(
    not (shutil.which("xvfb-run") and shutil.which("openbox") and shutil.which("xdotool")),
    reason="needs xvfb-run, openbox and xdotool (installed by .ci/run)",
)
def test_count_enter_esc_arrows_on_a_real_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "INSPECTOR_DB")}
    env.update(HOME=str(tmp_path), QT_QPA_PLATFORM="xcb", INSPECTOR_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-c", CHILD.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    line = next(x for x in out.stdout.splitlines() if x.startswith("RESULT"))
    _, value, current, focus = line.split()
    assert value == "6", line  # Enter, Esc and the arrows did not change the number
    assert current not in ("C2", "None"), line  # ↓ ↓ moved on in the list
    assert focus == "ChecklistView", line
