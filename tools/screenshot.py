"""Render the main window on the demo data to a PNG (offscreen), for the README.

uv run python tools/screenshot.py docs/screenshot.png [--size 1366x768] [--lang vi|en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _screen(size: str) -> None:
    """An offscreen screen of the laptop's size (the window fits itself to the screen it is on)."""
    import json

    w, h = (int(x) for x in size.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": "Laptop",
                        "x": 0,
                        "y": 0,
                        "width": w,
                        "height": h,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        )
    )
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", default="1366x768")
    ap.add_argument("--lang", default="vi")
    ap.add_argument("--commune", default="Ninh Xuân")
    ap.add_argument("--item", default="B3")
    args = ap.parse_args()
    _screen(args.size)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import inspector
    from inspector import demo
    from ui import app as app_mod
    from ui.mainwindow import MainWindow

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Inspector-screenshot")
    app.setOrganizationName("Inspector")
    QSettings().setValue("language", args.lang)
    app_mod.install_translations(app, args.lang)
    tmp = Path(tempfile.mkdtemp()) / "demo.sqlite3"
    db = inspector.open_db(tmp)
    demo.create_demo(db)
    inspector.db.set_author(db, "Phạm Thu Hà", "thu_ky")
    w, h = (int(x) for x in args.size.split("x"))
    win = MainWindow(db, tmp)
    win.resize(w, h)
    win.show()
    for v in inspector.inspections.visits(db):
        if v.commune == args.commune:
            win.open_answer(v.id, args.item)
    app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(args.out))
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
