"""Time from process start to the main window shown on the demo database, against a bare
QApplication + QMainWindow shown, both as fresh processes in the same run.

Each child prints the wall-clock time at which its window is shown and painted; the parent
subtracts the time it started the child. Runs alternate so machine noise hits both alike.
Run: uv run python bench/startup.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

BARE = """
import time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1366, 768)
w.show()
app.processEvents()
print(time.time())
"""

# The real start: the `inspector` entry point on a database (which loads the core package, then
# the window), with the event loop replaced by "paint once, print the time, leave".
OURS = """
import sys, time
sys.path.insert(0, {root!r})
from inspector.launch import main   # as the `inspector` entry point does: the core first, then Qt
from PySide6.QtWidgets import QApplication
def _shown(self=None):
    QApplication.processEvents()
    print(time.time())
    return 0
QApplication.exec = _shown
sys.argv = ["inspector", "--db", {db!r}]
main()
"""


def child(code: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app runs from compiled bytecode
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - t0


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import inspector
    from inspector import demo

    with tempfile.TemporaryDirectory() as d:
        db_path = Path(d) / "demo.sqlite3"
        db = inspector.open_db(db_path)
        demo.create_demo(db)
        db.conn.close()
        ours_code = OURS.format(root=str(ROOT), db=str(db_path))
        child(BARE), child(ours_code)  # warm the file cache
        bare, ours = [], []
        for _ in range(RUNS):
            bare.append(child(BARE))
            ours.append(child(ours_code))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"startup: bare QApplication + QMainWindow shown: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"startup: Inspector main window on the demo database: {o * 1000:.0f} ms")
    print(f"startup: ratio {o / b:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
