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


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else list(argv)
    gui, db_path = gui_database(args)
    if gui:
        return importlib.import_module("ui.app").run(db_path)  # Qt is loaded only for the window
    from inspector.cli import main as cli_main

    return cli_main(args)
