import hashlib
import shutil
import sqlite3

import pytest

import inspector
from inspector import db as dbmod


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_the_house_settings(db, db_path):
    conn = db.conn
    assert conn.execute("PRAGMA application_id").fetchone()[0] == dbmod.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert dbmod.device_id(db)
    assert db_path.exists()


def test_default_database_is_created_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(tmp_path / "data"))
    d = inspector.open_db()
    assert (tmp_path / "data" / "inspector.sqlite3").exists()
    d.conn.close()


def test_reopen_keeps_device_id(db_path):
    d = inspector.open_db(db_path)
    dev = dbmod.device_id(d)
    d.conn.close()
    d = inspector.open_db(db_path)
    assert dbmod.device_id(d) == dev
    d.conn.close()


def test_copied_file_gets_a_new_device_id(db_path, tmp_path):
    d = inspector.open_db(db_path)
    dev = dbmod.device_id(d)
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.close()
    copy = tmp_path / "copy.sqlite3"
    shutil.copy2(db_path, copy)
    d2 = inspector.open_db(copy)
    assert dbmod.device_id(d2) != dev
    d2.conn.close()


def test_text_file_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("hello, this is not a database\n" * 10)
    before = _sha(path)
    with pytest.raises(inspector.NotOurFile, match="not a SQLite database"):
        inspector.open_db(path)
    assert _sha(path) == before


def test_other_applications_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(inspector.NotOurFile, match="another application"):
        inspector.open_db(path)
    assert _sha(path) == before


def test_newer_schema_is_refused_untouched(db_path):
    d = inspector.open_db(db_path)
    d.conn.execute("PRAGMA user_version = 99")
    d.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    d.conn.close()
    before = _sha(db_path)
    with pytest.raises(inspector.SchemaTooNew, match="newer version"):
        inspector.open_db(db_path)
    assert _sha(db_path) == before


def test_atomic_rolls_back_on_error(db):
    with pytest.raises(RuntimeError):
        with dbmod.atomic(db):
            dbmod.meta_set(db, "x", "1")
            raise RuntimeError("boom")
    assert dbmod.meta_get(db, "x") is None


def test_a_version_1_file_is_migrated_with_its_photos_and_a_backup(tmp_path):
    """Version 2 puts a photo's small columns before its pictures; a version 1 file keeps
    every photo and attachment, and a copy of the old file stays beside it."""
    import sqlite3

    from inspector import db as dbmod
    from tests.conftest import make_v1_database

    path = tmp_path / "old.sqlite3"
    make_v1_database(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "INSERT INTO photos(sha256, data, thumb, width, height, source_name) VALUES ('ab', x'ffd8', x'ff', 4, 3, 'a.jpg')"
    )
    conn.execute("INSERT INTO inspections(id, title) VALUES ('i1', 'Kiểm tra')")
    conn.execute("INSERT INTO visits(id, inspection_id, commune) VALUES ('v1', 'i1', 'Ninh Xuân')")
    conn.execute("INSERT INTO attachments(id, visit_id, photo_sha256, item_code) VALUES ('a1', 'v1', 'ab', 'B1')")
    conn.close()
    d = dbmod.open_db(path)
    assert d.execute("PRAGMA user_version").fetchone()[0] == dbmod.SCHEMA_VERSION
    cols = [r[1] for r in d.execute("PRAGMA table_info(photos)")]
    assert cols.index("width") < cols.index("thumb") < cols.index("data")
    assert d.execute("SELECT width, height, source_name, data FROM photos").fetchone() == (4, 3, "a.jpg", b"\xff\xd8")
    assert d.execute("SELECT photo_sha256 FROM attachments").fetchone() == ("ab",)
    assert not d.execute("PRAGMA foreign_key_check").fetchall()
    assert d.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert (tmp_path / "old.sqlite3.v1.bak").exists()
    d.close()
