"""Time from process start to the main window shown on the demo database, against the same
widgets in plain PySide (no database, no core, no models of ours): the ratio that counts (target
<= 1.15), since PySide's own share of such a window is not ours to cut. A bare QApplication +
QMainWindow is kept for reference. Each is a fresh process, in the same run.

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
RUNS = 15

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

# The same widgets as Inspector's window, counted by class in the window on the demo database
# (159 objects: 45 actions in 7 menus, 16 labels, 12 push buttons, 5 line edits, 3 spin boxes,
# 2 plain text edits, 2 stacked widgets, 2 tree views with their models and filters, a tab widget,
# a scroll area, a splitter, a status bar with its permanent labels), in plain PySide with no code
# of ours: no database, no core, no Python models. What PySide itself costs for such a window, so
# the remaining gap is ours.
SAME_WIDGETS = """
import time
from PySide6.QtWidgets import (QApplication, QMainWindow, QTreeView, QLineEdit, QLabel, QPushButton, QSplitter,
    QTabWidget, QVBoxLayout, QHBoxLayout, QWidget, QPlainTextEdit, QScrollArea, QButtonGroup, QSpinBox,
    QStackedWidget, QFrame, QToolButton)
from PySide6.QtGui import QStandardItemModel, QStandardItem, QAction, QKeySequence
from PySide6.QtCore import Qt, QSortFilterProxyModel
app = QApplication([])
w = QMainWindow()
nav = QStandardItemModel();
for i in range(3):
    it = QStandardItem(f"Đợt kiểm tra {i}")
    for j in range(4): it.appendRow(QStandardItem(f"Xã {j} — 12/70"))
    nav.appendRow(it)
px = QSortFilterProxyModel(); px.setSourceModel(nav)
tree = QTreeView(); tree.setModel(px); tree.setHeaderHidden(True); tree.expandAll()
cl = QStandardItemModel(0, 3)
for g in "ABCDEFG":
    gi = [QStandardItem(f"{g}. Nhóm tiêu chí {g}"), QStandardItem("3/10"), QStandardItem("")]
    for k in range(10):
        gi[0].appendRow([QStandardItem(f"{g}{k} Niêm yết công khai thủ tục hành chính tại bộ phận một cửa"), QStandardItem("Đạt"), QStandardItem("2")])
    cl.appendRow(gi)
px2 = QSortFilterProxyModel(); px2.setSourceModel(cl)
view = QTreeView(); view.setModel(px2); view.expandAll(); view.setAlternatingRowColors(True)
nav_filter = QLineEdit(); nav_filter.setClearButtonEnabled(True)
left = QWidget(); l = QVBoxLayout(left); l.addWidget(nav_filter); l.addWidget(tree)
mid = QWidget(); m = QVBoxLayout(mid); m.addWidget(QLabel("Xã Ninh Xuân")); m.addWidget(QLabel("12/70")); tabs = QTabWidget();
page = QWidget(); p = QVBoxLayout(page); top = QHBoxLayout(); search = QLineEdit(); search.setClearButtonEnabled(True)
top.addWidget(search)
bg = QButtonGroup(w)
for t in ("Tất cả", "Chưa trả lời", "Không đạt"):
    b = QPushButton(t); b.setCheckable(True); bg.addButton(b); top.addWidget(b)
p.addLayout(top); p.addWidget(view)
photos = QWidget(); ph = QVBoxLayout(photos); ph.addWidget(QLabel("Ảnh")); ph.addWidget(QPushButton("Thêm ảnh…"))
tabs.addTab(page, "Bảng kiểm tra"); tabs.addTab(photos, "Ảnh"); m.addWidget(tabs)
right = QWidget(); r = QVBoxLayout(right)
for t in ("B3", "Niêm yết công khai", "Hướng dẫn", "Minh chứng", "Căn cứ", "Người nhập", "Đã sửa sau ký"):
    lb = QLabel(t); lb.setWordWrap(True); r.addWidget(lb)
stack = QStackedWidget()
row = QWidget(); rl = QHBoxLayout(row)
for t in ("1 Đạt", "2 Một phần", "3 Không đạt", "4 KAD"):
    b = QPushButton(t); b.setCheckable(True); rl.addWidget(b)
stack.addWidget(row)
nums = QWidget(); nl = QHBoxLayout(nums)
for _ in range(3): nl.addWidget(QSpinBox())
stack.addWidget(nums)
text = QPlainTextEdit(); stack.addWidget(text)
r.addWidget(stack); r.addWidget(QLabel("Ghi chú")); r.addWidget(QPlainTextEdit())
for t in ("Xác nhận gợi ý", "Câu chưa trả lời tiếp", "Ảnh của câu này"):
    r.addWidget(QPushButton(t))
frame = QFrame(); frame.setFrameShape(QFrame.Shape.HLine); r.addWidget(frame)
sc = QScrollArea(); sc.setWidgetResizable(True); sc.setWidget(right)
sp = QSplitter(); sp.addWidget(left); sp.addWidget(mid); sp.addWidget(sc)
w.setCentralWidget(sp)
mb = w.menuBar()
for name in ("Tệp", "Sửa", "Đợt", "Xã", "Xem", "Trợ giúp"):
    menu = mb.addMenu(name)
    for k in range(7):
        a = QAction(f"{name} {k}", w); a.setShortcut(QKeySequence(f"Ctrl+Shift+{k}")); menu.addAction(a)
sub = menu.addMenu("Ngôn ngữ")
for t in ("Tiếng Việt", "English", "Tự động"):
    sub.addAction(QAction(t, w))
for t in ("Xung đột: 0", "Người nhập", "Đã lưu", "12/70"):
    w.statusBar().addPermanentWidget(QLabel(t))
w.statusBar().addPermanentWidget(QPushButton("Xung đột"))
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
from ui.launch import main   # as the `inspector` entry point does: the core first, then Qt
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
        inspector.db.set_author(db, "Phạm Thu Hà", "thu_ky")  # who enters is known: no first-start question
        db.conn.close()
        ours_code = OURS.format(root=str(ROOT), db=str(db_path))
        child(BARE), child(SAME_WIDGETS), child(ours_code)  # warm the file cache
        bare, same, ours = [], [], []
        for i in range(RUNS):  # interleaved, in a rotating order
            runs = [(bare, BARE), (same, SAME_WIDGETS), (ours, ours_code)]
            for times, code in runs[i % 3 :] + runs[: i % 3]:
                times.append(child(code))
    b, s, o = statistics.median(bare), statistics.median(same), statistics.median(ours)
    print(f"startup: bare QApplication + QMainWindow shown: {b * 1000:.0f} ms (median of {RUNS})")
    print(f"startup: the same widgets in plain PySide, no code of ours: {s * 1000:.0f} ms (ratio {s / b:.2f})")
    print(f"startup: Inspector main window on the demo database: {o * 1000:.0f} ms")
    print(f"startup: {o / b:.2f} x the bare window (for reference)")
    # The fastest of the runs is each start's own cost with the least of the machine's noise on
    # it (noise only adds time, and added time pulls the ratio of medians towards 1).
    print(f"startup: fastest runs: {min(bare) * 1000:.0f} / {min(same) * 1000:.0f} / {min(ours) * 1000:.0f} ms")
    print(f"startup: ratio of the medians {o / s:.2f}, of the fastest runs {min(ours) / min(same):.2f}")
    worst = max(o / s, min(ours) / min(same))
    print(f"startup: ratio {worst:.2f} x the same widgets in plain PySide (the larger of the two; target <= 1.15)")


if __name__ == "__main__":
    main()
