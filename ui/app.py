"""Starting the GUI: QApplication, the language, the database, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6 import QtCore, QtWidgets
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

import inspector
from inspector import logfile, paths

logger = logging.getLogger(__name__)

I18N = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Vietnamese is the source language; English loads our .qm and Qt's own."""
    installed: list[QTranslator] = []
    from . import errors

    errors.LANG = lang
    if lang == "vi":
        QLocale.setDefault(QLocale("vi_VN"))
        # Qt ships no Vietnamese for its own buttons and dialogs (OK/Cancel, Yes/No, the file and
        # print dialogs it draws): the project's resources/i18n/qt_vi.ts has them.
        for name, folder in (
            ("qtbase_vi", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("qt_vi", str(I18N)),
        ):
            qt = QTranslator(app)
            if qt.load(name, folder):
                app.installTranslator(qt)
                installed.append(qt)
        return installed
    ours = QTranslator(app)
    if ours.load(f"inspector_{lang}", str(I18N)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        logger.warning("no translation for %s in %s", lang, I18N)
    return installed


def _upgrade_job(path: str) -> None:
    inspector.open_db(path).close()  # migrates, keeping a copy of the old file beside it


def _upgrade(path: Path) -> None:
    """Upgrade an older database off the UI thread, with a busy dialog (a copy is kept beside it)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from . import workers

    outcome: list[object] = []
    loop = QEventLoop()

    def finish(result: object) -> None:
        outcome.append(result)
        loop.quit()

    dialog = QProgressDialog(
        QCoreApplication.translate("app", "Đang nâng cấp cơ sở dữ liệu %s…") % path.name, None, 0, 0
    )
    dialog.setWindowTitle("Inspector")
    dialog.setMinimumDuration(200)
    workers.start(workers.Job(_upgrade_job, str(path)), on_done=finish, on_error=finish)
    if not outcome:
        loop.exec()
    dialog.close()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]


def run(db_path: Path | None = None, argv: list[str] | None = None, packages: list[str] | None = None) -> int:
    """Open the main window on db_path (default: the user's database); packages: files to merge
    once it is shown (a .cchc double-clicked). Returns the exit code."""
    logging.basicConfig(level=logging.INFO, format=logfile.FORMAT)
    logfile.to_file()  # done already, before Qt, when started by ui/launch.py
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Inspector")
    app.setOrganizationName("Inspector")
    app._translators = install_translations(app, str(QSettings().value("language", "vi")))  # type: ignore[attr-defined]
    from .mainwindow import MainWindow

    path = Path(db_path) if db_path else paths.default_db_path()
    try:
        if inspector.db.needs_migration(path):
            _upgrade(path)
        db = inspector.open_db(db_path)  # None: the default database, its folder made on first start
    except inspector.InspectorError as exc:
        from .errors import message

        text = QApplication.translate("app", "Không mở được cơ sở dữ liệu:\n%s") % message(exc)
        QtWidgets.QMessageBox.critical(None, "Inspector", text)
        return 1
    window = MainWindow(db, path)
    window.restore_layout()
    window.show()
    smoke = bool(os.environ.get("INSPECTOR_SMOKE_TEST"))  # a bundle's check (tools/build.py): no question
    if not smoke and not inspector.db.meta_get(
        db, "author"
    ):  # first start: who is entering (Settings loaded only then)
        from .settings import ask_who

        ask_who(db, window)
    window.show_who()
    if smoke:  # shown, painted, closed
        app.processEvents()
        print(f"shown: {window.windowTitle()} {window.width()}x{window.height()}", flush=True)
        window.close()
        return 0
    if packages:
        from . import sync as s

        QtCore.QTimer.singleShot(0, lambda: s.merge_packages(window, db, path, packages, window.refresh))
    else:
        window.offer_demo_if_empty()
    return app.exec()
