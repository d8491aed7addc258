"""Every window and dialog fits a 1280×720 laptop screen, its buttons inside it.

The windows are opened in a child process whose (offscreen) screen is 1280×720, with window
frames simulated: the pytest process's own screen cannot be resized once Qt has started.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from PySide6.QtCore import QRect
from PySide6.QtGui import QPageSize, QPdfWriter, QPainter
from PySide6.QtWidgets import QAbstractButton, QApplication

app = QApplication(["t"])
import inspector
from inspector import demo, inspections as ins, photos as ph, sync
import ui.dialogs, ui.minutes, ui.photos, ui.settings, ui.summary_view, ui.sync
from ui.mainwindow import MainWindow

tmp = Path(tempfile.mkdtemp())
db = inspector.open_db(tmp / "demo.sqlite3")
demo.create_demo(db)
insp = ins.list_inspections(db)[0]
visit = ins.visits(db, insp.id)[0]

pdf = tmp / "a.pdf"   # a two-page PDF for the preview
w = QPdfWriter(str(pdf)); w.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
p = QPainter(w); p.drawText(100, 100, "1"); w.newPage(); p.drawText(100, 100, "2"); p.end()

screen = app.primaryScreen().availableGeometry()
problems = []

def check(name, widget):
    widget.show()
    for _ in range(3):
        app.processEvents()
    frame = widget.frameGeometry()
    if not screen.contains(frame):
        problems.append(f"{{name}}: window {{frame.getRect()}} outside {{screen.getRect()}}")
    for b in widget.findChildren(QAbstractButton):
        if not b.isVisible():
            continue
        r = QRect(b.mapToGlobal(b.rect().topLeft()), b.size())
        if not screen.contains(r):
            problems.append(f"{{name}}: button {{b.text()!r}} at {{r.getRect()}} outside {{screen.getRect()}}")
    widget.close()

main = MainWindow(db, tmp / "demo.sqlite3"); main.show(); app.processEvents()
check("MainWindow", main)
check("InspectionDialog", ui.dialogs.InspectionDialog(db, insp.id))
check("InspectionDialog (new)", ui.dialogs.InspectionDialog(db, None))
check("VisitDialog", ui.dialogs.VisitDialog(db, visit.id))
check("SettingsDialog", ui.settings.SettingsDialog(db))
check("WhoDialog", ui.settings.WhoDialog(db))
check("ConflictsDialog", ui.sync.ConflictsDialog(db))
check("MergeLogDialog", ui.sync.MergeLogDialog(db))
check("MergeReportDialog", ui.sync.MergeReportDialog(sync.MergeReport(), db))
check("ImportReportDialog", ui.photos.ImportReportDialog(ph.ImportReport()))
atts = ph.attachments(db, visit.id)
if atts:
    check("PhotoViewer", ui.photos.PhotoViewer(db, atts, 0))
check("PdfPreviewDialog", ui.minutes.PdfPreviewDialog(str(pdf)))
summary = ui.summary_view.SummaryView(db)
from PySide6.QtCore import Qt
summary.setWindowFlag(Qt.WindowType.Window)
ui.widgets.fit_to_screen(summary, 1200, 640)
summary.set_inspection(insp.id)
check("SummaryView", summary)
print("\n".join(problems) or "OK")
"""


def test_every_window_and_dialog_fits_1280x720(tmp_path):
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "Laptop",
                        "x": 0,
                        "y": 0,
                        "width": 1280,
                        "height": 720,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", INSPECTOR_DATA_DIR=str(tmp_path))
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(root=str(ROOT))], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.strip().splitlines()[-1] == "OK", out.stdout
