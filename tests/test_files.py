"""Files the app writes: atomic, never half-written, leftovers of killed runs swept, names that
do not collide."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from inspector import db as dbmod
from inspector import files, sync
from inspector.errors import CannotWrite


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "BB.docx"
    target.write_bytes(b"signed version")
    with pytest.raises(RuntimeError), files.atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"signed version"
    assert [p.name for p in tmp_path.iterdir()] == ["BB.docx"]


def test_a_full_disk_is_named_and_nothing_is_left(tmp_path, monkeypatch):
    def full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(CannotWrite) as e:
        files.write_bytes(tmp_path / "x.jpg", b"data")
    assert e.value.code == "disk_full" and "disk is full" in str(e.value) and "đầy" in e.value.reason_vi
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_process_are_swept_and_nothing_else(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)
    mine = tmp_path / f".BB.docx.{os.getpid()}.0a1b2c3d.tmp"  # this process: still writing
    old = tmp_path / f".BB.docx.{pid}.0a1b2c3d.tmp"  # a killed run
    older = tmp_path / f".goi.cchc.{pid}.tmp-journal"  # an earlier version's name
    keep = [tmp_path / ".hidden.tmp", tmp_path / "BB.docx", tmp_path / f"note.{pid}.tmp"]
    for p in (mine, old, older, *keep):
        p.write_bytes(b"x")
    removed = files.sweep(tmp_path)
    assert sorted(removed) == sorted([old, older])
    assert mine.exists() and all(p.exists() for p in keep)


def test_package_names_say_what_which_laptop_and_when(db, tmp_path):
    from test_sync_helpers import plan

    insp, _ = plan(db)
    dbmod.meta_set(db, "laptop_name", "May Lan")
    name = sync.default_package_name(db, insp)
    assert name.startswith("Kiem-tra-CCHC-2026_May-Lan_") and name.endswith(".cchc")
    dbmod.meta_set(db, "laptop_name", "May Minh")
    assert sync.default_package_name(db, insp) != name


def test_export_without_output_writes_that_name_here(db_path, tmp_path, monkeypatch, capsys):
    from test_sync_helpers import plan

    import inspector
    from inspector.cli import main

    d = inspector.open_db(db_path)
    insp, _ = plan(d)
    d.close()
    here = tmp_path / "usb"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["--db", str(db_path), "export", insp[:8]]) == 0
    (written,) = here.iterdir()
    assert written.name.startswith("Kiem-tra-CCHC-2026_") and written.suffix == ".cchc"
    sync.verify_package(written)
