from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
PHOTOS = ROOT.parent / "shared" / "real-photos"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """Never touch the user's real data folder."""
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))
    monkeypatch.delenv("INSPECTOR_DB", raising=False)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.sqlite3"


@pytest.fixture
def db(db_path):
    import inspector

    d = inspector.open_db(db_path)
    yield d
    d.conn.close()


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory) -> Path:
    import inspector
    from inspector import demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    d = inspector.open_db(path)
    demo.create_demo(d)
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.close()
    return path


@pytest.fixture
def demo_path(_demo_template, tmp_path) -> Path:
    """A fresh copy of a database holding the demo inspection (built once per session)."""
    path = tmp_path / "demo.sqlite3"
    shutil.copy2(_demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_path):
    import inspector

    d = inspector.open_db(demo_path)
    yield d
    d.conn.close()


def make_v1_database(path: Path) -> None:
    """A database as version 1 of the app left it (for the upgrade tests)."""
    import sqlite3

    from inspector import db as dbmod

    conn = sqlite3.connect(path, isolation_level=None)
    for statement in dbmod._split(dbmod.SCHEMA_V1):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {dbmod.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.close()
