"""The README's `uv run inspector` on a real X11 display (Xvfb), not the offscreen platform the
other tests use: Qt's xcb plugin must load (it needs system libraries the offscreen one does not),
the window must open on a database created in the user's data folder, offer demo data and show
it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
sys.path.insert(0, {root!r})
from ui.launch import main
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
import ui.dialogs
import ui.settings
from ui.mainwindow import MainWindow

asked = []
ui.dialogs.confirm = lambda parent, title, text: asked.append(title) or True   # yes to the demo data

def who(self):  # the first start asks who enters: a name is typed and OK pressed
    self.name.setText("Nguyễn Thị Lan")
    self.accept()
    return 1

ui.settings.WhoDialog.exec = who

def shown(self=None):
    QApplication.processEvents()
    w = next(t for t in QApplication.topLevelWidgets() if isinstance(t, MainWindow))
    print(w.who_label.text())
    print(QGuiApplication.platformName(), w.isVisible(), len(asked), w.model.rowCount(), w.windowTitle())
    return 0

QApplication.exec = shown
sys.argv = ["inspector"]
raise SystemExit(main())
"""


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (installed by .ci/run)")
def test_the_window_opens_on_an_x11_display_with_the_default_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "INSPECTOR_DB", "INSPECTOR_DATA_DIR")}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="xcb",
    )
    out = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-c", CHILD.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    platform, visible, asked, inspections, title = out.stdout.strip().splitlines()[-1].split(" ", 4)
    assert (platform, visible) == ("xcb", "True"), out.stdout
    assert (asked, inspections) == ("1", "1"), out.stdout  # the empty database offered the demo, which was made
    assert "inspector.sqlite3" in title
    assert "Nguyễn Thị Lan (Thành viên)" in out.stdout.strip().splitlines()[-2]  # who enters, in the status bar
    assert (tmp_path / "data" / "Inspector" / "inspector.sqlite3").exists()
