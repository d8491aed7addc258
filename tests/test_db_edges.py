"""The database's edges: which files need upgrading, a migration that fails changes nothing, a
commit that fails rolls back, the command line's one-line errors."""

from __future__ import annotations

import sqlite3

import pytest

import inspector
from inspector import db as dbmod
from inspector import errors as E
from inspector.cli import main as cli_main
from tests.conftest import make_v1_database


def test_which_files_need_an_upgrade(tmp_path):
    assert not dbmod.needs_migration(tmp_path / "missing.sqlite3")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert not dbmod.needs_migration(empty)
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database, just text that is long enough to have a header" * 3)
    assert not dbmod.needs_migration(text)
    old = tmp_path / "old.sqlite3"
    make_v1_database(old)
    assert dbmod.needs_migration(old)
    inspector.open_db(old).close()
    assert not dbmod.needs_migration(old)  # upgraded


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "new.sqlite3"
    path.write_bytes(b"")
    d = inspector.open_db(path)
    assert d.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    d.close()


def test_a_migration_that_fails_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    """A step that raises halfway: nothing of the upgrade stays, and the version is still 1."""
    old = tmp_path / "old.sqlite3"
    make_v1_database(old)

    def broken(conn):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(dbmod.AFTER_MIGRATION, 3, broken)
    with pytest.raises(sqlite3.OperationalError):
        inspector.open_db(old)
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "conflicts" not in tables and "photos" in tables
    conn.close()


def test_a_commit_that_fails_rolls_back_and_raises(db):
    """Deferred foreign keys are checked at COMMIT: the failure leaves no transaction open."""
    with pytest.raises(sqlite3.IntegrityError):
        with inspector.atomic(db):
            db.execute("INSERT INTO visits(id, inspection_id, commune) VALUES ('v', 'no-such-inspection', 'X')")
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM visits WHERE id = 'v'").fetchone()[0] == 0


def test_the_author_falls_back_to_the_user_of_the_machine(db, monkeypatch):
    import getpass

    db.execute("DELETE FROM meta WHERE key = 'author'")
    monkeypatch.setattr(getpass, "getuser", lambda: "hoa")
    assert dbmod.author(db) == "hoa"

    def no_user():
        raise KeyError("no user")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert dbmod.author(db) == "?"
    dbmod.set_author(db, "Lê Văn Hải")
    assert dbmod.author(db) == "Lê Văn Hải"


def test_the_laptop_name_is_the_setting_or_the_machine(db):
    import os

    assert dbmod.laptop_name(db) == os.uname().nodename
    dbmod.meta_set(db, "laptop_name", "Máy đoàn 2")
    assert dbmod.laptop_name(db) == "Máy đoàn 2"


def test_command_line_errors_are_one_line_with_status_1(tmp_path, capsys, monkeypatch):
    from inspector.cli import core

    def fails(exc):
        def raise_(*a, **k):
            raise exc

        return raise_

    path = tmp_path / "x.sqlite3"
    for exc, said in (
        (sqlite3.OperationalError("database is locked"), "Error: database: database is locked"),
        (PermissionError(13, "Permission denied", "/media/usb/x.xlsx"), "Error: /media/usb/x.xlsx: Permission denied"),
        (E.InvalidInput("a visit needs a commune name"), "Error: a visit needs a commune name"),
    ):
        monkeypatch.setattr(core.ins, "list_inspections", fails(exc))
        assert cli_main(["--db", str(path), "list"]) == 1
        err = capsys.readouterr().err.strip()
        assert err == said and "\n" not in err
    assert cli_main(["--db", str(path), "no-such-command"]) == 2
    assert "No such command" in capsys.readouterr().err
    assert cli_main(["--version"]) == 0
