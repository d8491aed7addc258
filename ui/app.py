"""Starting the GUI: QApplication, the database, the main window."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

import inspector
from inspector import paths

logger = logging.getLogger(__name__)


def run(db_path: Path | None = None, argv: list[str] | None = None) -> int:
    """Open the main window on db_path (default: the user's database); returns the exit code."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    from .mainwindow import MainWindow

    path = Path(db_path) if db_path else paths.default_db_path()
    try:
        db = inspector.open_db(path)
    except inspector.InspectorError as exc:
        QMessageBox.critical(None, "Inspector", QApplication.translate("app", "Không mở được cơ sở dữ liệu:\n%s") % exc)
        return 1
    window = MainWindow(db, path)
    window.show()
    window.offer_demo_if_empty()
    return app.exec()
