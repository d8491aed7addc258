"""The `inspector` entry point, above both faces: without a command it opens the window straight
away, without loading the command line's modules (a faster start); with a command it runs the CLI,
without loading Qt. The core (inspector/) never names the window, not even to start it."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path


def gui_database(args: list[str]) -> tuple[bool, Path | None]:
    """(True, db path or None) when the arguments only open the window: none, or --db PATH."""
    if not args:
        env = os.environ.get("INSPECTOR_DB")
        return True, Path(env) if env else None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, Path(args[1])
    if len(args) == 1 and args[0].startswith("--db=") and len(args[0]) > 5:
        return True, Path(args[0][5:])
    return False, None


def package_files(args: list[str]) -> list[str]:
    """The arguments when every one names a .cchc package (opened from the file manager); else [].
    A file that is gone is still the window's to report (a program without a console shows no
    command-line error)."""
    if not args or not all(a.lower().endswith(".cchc") and not a.startswith("-") for a in args):
        return []
    return list(args)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    if args[:1] == ["--template-child"]:  # a bundle's own program as the template sandbox's child
        from inspector import templates

        return templates._child()
    if args[:1] == ["--check-imports"]:  # a bundle checks that nothing it needs was left out
        return check_imports()
    packages = package_files(args)
    if packages:
        _core_before_qt()  # a package double-clicked (the file association of the installer): merged in the window
        return importlib.import_module("ui.app").run(None, packages=packages)
    gui, db_path = gui_database(args)
    if gui:
        _core_before_qt()
        return importlib.import_module("ui.app").run(db_path)  # Qt is loaded only for the window
    from inspector.cli import main as cli_main

    return cli_main(args)


# The core modules the window needs at start. Loaded before Qt: once PySide is loaded, its import
# hook runs for every import statement that follows, which cost the start about 10 ms.
WINDOW_CORE = (
    "inspector",
    "inspector.demo",
    "inspector.events",
    "inspector.inspections",
    "inspector.logfile",
    "inspector.paths",
    "inspector.scoring",
    "inspector.version",
    "inspector.words",
)


def _core_before_qt() -> None:
    """The core modules of the window, and the log file (whose first line is written then)."""
    import logging

    for name in WINDOW_CORE:
        importlib.import_module(name)
    from inspector import logfile

    logging.basicConfig(level=logging.INFO, format=logfile.FORMAT)
    logfile.to_file()


# What the app imports at run time, some only inside functions (the window, minutes, photos,
# merge, the summary, the PDF preview): a bundle that left one out fails here, not in the field.
RUNTIME_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PIL.Image",
    "PIL.ImageOps",
    "pillow_heif",
    "docx",
    "docxtpl",
    "docxtpl_lint",
    "jinja2.sandbox",
    "openpyxl",
    "pypdfium2",
    "sqlite_utils",
    "platformdirs",
    "lxml.etree",
    "click",
)


def check_imports() -> int:
    """Import every module of the app and every library it loads at run time; print what fails."""
    import pkgutil

    import inspector
    import ui

    names = list(RUNTIME_MODULES) + (["win32com.client", "pythoncom"] if sys.platform == "win32" else [])
    ours = [m.name for pkg in (inspector, ui) for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
    if len(ours) < 40:  # a bundle that hides its modules from the listing would check nothing of ours
        print(f"only {len(ours)} modules of inspector/ and ui/ found: the bundle's listing is broken")
        return 1
    names += ours
    failed = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed.append(f"{name}: {type(exc).__name__}: {exc}")
    print(f"{len(names) - len(failed)}/{len(names)} modules import")
    for line in failed:
        print("  " + line)
    return 1 if failed else 0
