"""The window's start from the entry point: a package double-clicked is merged once the window
shows; the smoke test of a bundle shows the window and leaves; the log file is written."""

from __future__ import annotations

import pytest

import inspector
import ui.app
import ui.sync
from inspector import db as dbm
from inspector import logfile, paths


@pytest.fixture(autouse=True)
def _no_log_file_left():
    """run() adds a log file to the root logger: removed after each test."""
    import logging

    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for h in root.handlers[:]:
        if h not in before:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)


def test_a_package_given_at_start_is_merged_in_the_window(qtbot, db_path, tmp_path, monkeypatch):
    d = inspector.open_db(db_path)
    dbm.set_author(d, "Lan", "thu_ky")
    d.conn.close()
    pkg = tmp_path / "xa.cchc"
    pkg.write_bytes(b"x")
    merged = []
    monkeypatch.setattr(ui.sync, "merge_packages", lambda win, db, path, files, done: merged.append((path, files)))

    def exec_(self=None):
        qtbot.waitUntil(lambda: bool(merged), timeout=5000)
        return 0

    monkeypatch.setattr(ui.app.QApplication, "exec", exec_)
    assert ui.app.run(db_path, packages=[str(pkg)]) == 0
    assert merged == [(db_path, [str(pkg)])]


def test_the_smoke_test_shows_the_window_and_leaves_and_the_log_says_so(qtbot, db_path, monkeypatch, capsys):
    monkeypatch.setenv("INSPECTOR_SMOKE_TEST", "1")
    monkeypatch.setattr(ui.app.QApplication, "exec", lambda self=None: 1)  # never reached
    assert ui.app.run(db_path) == 0
    assert capsys.readouterr().out.startswith("shown: ")
    log = paths.log_dir() / logfile.LOG_FILE
    assert log.exists() and "Inspector" in log.read_text(encoding="utf-8")


def test_the_window_loads_its_core_modules_and_log_before_qt(tmp_path):
    """Modules imported after PySide pay its import hook: what the window needs of the core at
    start is loaded before Qt (ui/launch.py WINDOW_CORE), and the log file's first line is written
    then. Checked in a fresh process started like the `inspector` entry point."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "x.sqlite3"
    d = inspector.open_db(db)
    dbm.set_author(d, "Lan", "thu_ky")
    d.conn.close()
    # the bundle's smoke test mode: shown, painted, closed; the import order printed at exit
    code = f"""
import atexit, json, sys
sys.path.insert(0, {str(root)!r})
order = []
class Watch:
    def find_spec(self, name, path=None, target=None):
        order.append(name)
        return None
sys.meta_path.insert(0, Watch())
atexit.register(lambda: print(json.dumps(order)))
import ui.launch
sys.exit(ui.launch.main(["--db", {str(db)!r}]))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", INSPECTOR_DATA_DIR=str(tmp_path / "data"))
    env["INSPECTOR_SMOKE_TEST"] = "1"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    order = json.loads(out.stdout.strip().splitlines()[-1])
    first_qt = order.index("PySide6")
    late = [m for m in order[first_qt:] if m == "inspector" or m.startswith("inspector.")]
    assert late == [], f"core modules loaded after Qt at start: {late}"
    assert (tmp_path / "data" / "logs" / logfile.LOG_FILE).exists()
