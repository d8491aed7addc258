"""Where things live: the default database, logs, the bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Inspector"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user's data folder for Inspector (INSPECTOR_DATA_DIR overrides, for tests)."""
    override = os.environ.get("INSPECTOR_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when no folder is given

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """INSPECTOR_DB if set, else inspector.sqlite3 in the user's data folder."""
    env = os.environ.get("INSPECTOR_DB")
    return Path(env) if env else data_dir() / "inspector.sqlite3"


def log_dir() -> Path:
    """The log files' folder: logs/ in the data folder, so that the log travels and stays with the
    database (an uninstall keeps both)."""
    return data_dir() / "logs"


def checklist_dir() -> Path:
    return RESOURCES / "checklists"


def template_dir() -> Path:
    return RESOURCES / "templates"
