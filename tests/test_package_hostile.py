"""Packages as a home office meets them: damaged on a USB stick, or crafted.

Every damaged package is refused or provably harmless (the database after merging it equals the
database after merging the intact one); crafted schema objects, values and clocks are refused or
cleaned; nothing can pin the receiver's clock, hang the merge or write to the package.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import time
import unicodedata
import zipfile
from pathlib import Path

import pytest
from test_sync_helpers import add_photo, copy_db, plan, reseal, state

import inspector
from inspector import answers as ans
from inspector import db as dbmod
from inspector import events, messages, package, sync
from inspector import inspections as ins
from inspector.errors import CannotWrite, PackageRejected

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def source(tmp_path):
    """An inspection with answers, a finding and two photos, exported as a package."""
    db = inspector.open_db(tmp_path / "office.sqlite3")
    insp, visits = plan(db, communes=("Ninh Xuân", "Đồng Hóa"))
    ans.set_answer(db, visits[0], "B2", "khong_dat")
    ans.set_answer(db, visits[0], "B2", "dat", note="Niêm yết đầy đủ")  # a second change: a parent link
    ans.set_answer(db, visits[0], "C2", "6")
    ins.add_finding(db, visits[0], kind="ton_tai", text="Chưa niêm yết số điện thoại đường dây nóng")
    add_photo(db, visits[0], insp, seed=1)
    add_photo(db, visits[1], insp, seed=2, item_code="B3")
    path = tmp_path / "good.cchc"
    sync.export_package(db, path, insp)
    yield db, insp, visits, path
    db.conn.close()


@pytest.fixture
def receiver_file(tmp_path) -> Path:
    """A fresh laptop database, closed, to be copied for each trial."""
    path = tmp_path / "receiver-template.sqlite3"
    db = inspector.open_db(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    return path


def _fresh(receiver_file: Path, dest: Path):
    shutil.copy2(receiver_file, dest)
    return inspector.open_db(dest)


def _craft(src: Path, dest: Path, *sql: str, seal: bool = True) -> Path:
    shutil.copy2(src, dest)
    c = sqlite3.connect(dest)
    for statement in sql:
        c.execute(statement)
    c.commit()
    c.close()
    if seal:
        reseal(dest)
    return dest


def _refused(db, path: Path, code: str) -> PackageRejected:
    before = state(db)
    with pytest.raises(PackageRejected) as e:
        sync.merge_packages(db, [path])
    assert e.value.code == code, e.value.reason
    assert state(db) == before and sync.merge_log(db) == []
    return e.value


# ---- damage ---------------------------------------------------------------------------------


def test_random_bit_flips_in_every_region_are_refused_or_harmless(tmp_path, source, receiver_file):
    _, _, _, good = source
    intact = _fresh(receiver_file, tmp_path / "intact.sqlite3")
    sync.merge_packages(intact, [good])
    expected = state(intact)
    intact.conn.close()
    data = good.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(20261129)
    # two flips in every page (header, b-tree pages of each table and index, photo overflow pages) …
    spots = [p * page + rng.randrange(page) for p in range(len(data) // page) for _ in range(2)]
    # … and more anywhere, 300 in all
    spots += [rng.randrange(len(data)) for _ in range(max(0, 300 - len(spots)))]
    refused, harmless = 0, 0
    base = _fresh(receiver_file, tmp_path / "base.sqlite3")
    before = state(base)
    for n, spot in enumerate(spots):
        damaged = bytearray(data)
        damaged[spot] ^= 1 << rng.randrange(8)
        bad = tmp_path / f"flip{n}.cchc"
        bad.write_bytes(bytes(damaged))
        try:
            sync.merge_packages(base, [bad])
        except PackageRejected:
            refused += 1
            assert state(base) == before, f"flip at byte {spot} changed the database although refused"
        else:
            harmless += 1
            assert state(base) == expected, f"flip at byte {spot} was merged with changed data"
            base.conn.close()
            base = _fresh(receiver_file, tmp_path / f"base{n}.sqlite3")
        bad.unlink()
    base.conn.close()
    print(f"{len(spots)} flips in {len(data)} bytes: {refused} refused, {harmless} harmless")
    assert refused + harmless == len(spots) >= 300
    assert refused > len(spots) // 2 and harmless > 0  # both kinds occurred: the test saw each case


def test_the_digest_covers_thumbnails_and_every_table(tmp_path, source, receiver_file):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    cases = {
        "photos": "UPDATE photos SET thumb = CAST(x'00' || thumb AS BLOB) WHERE rowid = 1",
        "events": "UPDATE events SET value = '\"dat_mot_phan\"' WHERE field = 'value' AND value = '\"dat\"'",
        "event_parents": "DELETE FROM event_parents WHERE (child, parent) = (SELECT child, parent FROM event_parents LIMIT 1)",
        "package": "UPDATE package SET value = 'someone else' WHERE key = 'author'",
        "checklist_versions": "UPDATE checklist_versions SET title = title || '!'",
    }
    for table, sql in cases.items():
        bad = _craft(good, tmp_path / f"{table}.cchc", sql, seal=False)
        e = _refused(db, bad, "digest")
        assert e.params["where"] == table


def test_a_package_without_its_digest_or_from_format_1_is_refused(tmp_path, source, receiver_file):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    _refused(
        db,
        _craft(good, tmp_path / "nodigest.cchc", "DELETE FROM package WHERE key = 'digest'", seal=False),
        "no_digest",
    )
    _refused(db, _craft(good, tmp_path / "v1.cchc", "PRAGMA user_version = 1"), "older")


# ---- crafted schema -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql, kind",
    [
        # a view that would show extra rows to a reader that attached the file under another name
        (
            ["ALTER TABLE events RENAME TO events_real", "CREATE VIEW events AS SELECT * FROM events_real"],
            "schema_object",
        ),
        (
            ["CREATE VIEW forever AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"],
            "schema_object",
        ),
        (["CREATE TRIGGER t AFTER INSERT ON events BEGIN DELETE FROM photos; END"], "schema_object"),
        (["CREATE TABLE extra (x)"], "schema_object"),
        (["CREATE INDEX events_by_value ON events(value)"], "schema_object"),
    ],
)
def test_schema_objects_export_does_not_make_are_refused(tmp_path, source, receiver_file, sql, kind, monkeypatch):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    bad = _craft(good, tmp_path / "crafted.cchc", *sql, seal=False)
    # a budget that ends a reading which ran the endless view: it would be refused as "timeout",
    # not as the schema object it is
    monkeypatch.setattr(package, "BUDGET_SECONDS", 20.0)
    monkeypatch.setattr(package, "BUDGET_SECONDS_PER_MB", 0.0)
    _refused(db, bad, kind)


def test_a_merge_that_runs_past_its_budget_is_refused(tmp_path, source, receiver_file, monkeypatch):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    monkeypatch.setattr(package, "BUDGET_SECONDS", 0.0)
    monkeypatch.setattr(package, "BUDGET_SECONDS_PER_MB", 0.0)
    e = _refused(db, good, "timeout")
    assert "longer than" in e.reason and "quá" in e.reason_vi


def test_the_package_is_opened_read_only_and_left_untouched(tmp_path, source, receiver_file):
    _, _, _, good = source
    before = good.read_bytes()
    conn = package.open_package(good)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM events")
    conn.close()
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    sync.merge_packages(db, [good])
    assert good.read_bytes() == before
    assert [p.name for p in good.parent.iterdir() if p.name.startswith(good.name)] == [good.name]  # no journal


# ---- crafted values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sql, code",
    [
        ("UPDATE events SET id = 'not-a-uuid' WHERE rowid = 1", "bad_id"),
        ("UPDATE events SET entity_id = 'x' || entity_id WHERE rowid = 1", "bad_id"),
        ("UPDATE events SET value = '\"seven\"' WHERE field = 'ord'", "invalid_data"),
        ("UPDATE events SET value = '{\"a\": 1}' WHERE field = 'title'", "invalid_data"),
        ("UPDATE events SET value = 'not json' WHERE rowid = 1", "invalid_data"),
        ("UPDATE events SET value = json_quote(printf('%.100001c', 'x')) WHERE field = 'title'", "too_long"),
        ("UPDATE events SET ctx = '{\"visit_id\": \"../../etc\"}' WHERE entity = 'answer'", "bad_id"),
        ("UPDATE events SET ctx = NULL WHERE entity = 'answer'", "lacks_ctx"),
        ("UPDATE events SET hlc = '1.2' WHERE rowid = 1", "invalid_clock"),
        ("UPDATE events SET entity = 'payment' WHERE rowid = 1", "unknown_entity"),
        ("UPDATE photos SET width = -5", "photo_invalid"),
        ("UPDATE photos SET data = CAST(x'00' || data AS BLOB)", "photo_damaged"),
        # records whose parent is nowhere: a visit that no package brings, a photo that is not in it
        (
            "UPDATE events SET ctx = json_set(ctx, '$.visit_id', '0d6f3c1e-7d8a-4d1b-9a43-0c3b6a1e2f55') "
            "WHERE entity = 'answer'",
            "record_missing",
        ),
        ("UPDATE events SET value = json_quote(printf('%.64c', 'a')) WHERE field = 'photo_sha256'", "photo_missing"),
        # how a person is addressed: Ông or Bà, nothing else
        (
            "UPDATE events SET field = 'representatives', "
            'value = \'[{"name": "Lê Hoa", "position": "Chủ tịch", "salutation": "Ngài"}]\' '
            "WHERE entity = 'visit' AND field = 'province'",
            "invalid_data",
        ),
    ],
)
def test_crafted_values_are_refused_by_their_checks(tmp_path, source, receiver_file, sql, code):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    e = _refused(db, _craft(good, tmp_path / "crafted.cchc", sql), code)
    assert e.reason_vi and e.reason_vi != e.reason


def test_text_arriving_by_merge_is_cleaned_and_the_minutes_stay_valid(tmp_path, source, receiver_file):
    db_src, _, visits, good = source
    nfd = unicodedata.normalize("NFD", "Chưa cập nhật thủ tục")
    raw = json.dumps(nfd + "\x00 ở bộ phận\x07 một cửa\x1b", ensure_ascii=True)  # NUL, BEL, ESC as \\u escapes
    bad = _craft(
        good,
        tmp_path / "dirty.cchc",
        f"UPDATE events SET value = '{raw}' WHERE entity = 'finding' AND field = 'text'",
        "UPDATE events SET author = char(110, 771, 0, 97) WHERE rowid = 1",
    )
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    sync.merge_packages(db, [bad])
    (finding,) = [f for f in ins.findings(db, visits[0]) if f.kind == "ton_tai"]
    assert finding.text == "Chưa cập nhật thủ tục ở bộ phận một cửa"
    assert unicodedata.is_normalized("NFC", finding.text)
    stored = db.execute("SELECT value FROM events WHERE entity = 'finding' AND field = 'text'").fetchone()[0]
    assert "\\u0000" not in stored and unicodedata.is_normalized("NFC", json.loads(stored))
    authors = [r[0] for r in db.execute("SELECT DISTINCT author FROM events")]
    assert all(a is None or (unicodedata.is_normalized("NFC", a) and "\x00" not in a) for a in authors)
    from lxml import etree

    from inspector import minutes

    out = minutes.write_minutes(db, visits[0], tmp_path / "BB.docx")
    with zipfile.ZipFile(out) as z:
        etree.fromstring(z.read("word/document.xml"))  # well-formed XML, so Word and LibreOffice open it


# ---- clocks ------------------------------------------------------------------------------------


def _export_other(tmp_path, db, name):
    path = tmp_path / f"{name}.cchc"
    sync.export_package(db, path)
    return path


@pytest.mark.parametrize("hlc", ["9999999999999.999999", "4070908800000.000000"])  # 2286, 2099
def test_clocks_far_ahead_are_refused_naming_the_laptop(tmp_path, source, receiver_file, hlc):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    bad = _craft(good, tmp_path / "future.cchc", f"UPDATE events SET hlc = '{hlc}' WHERE rowid = 1")
    e = _refused(db, bad, "clock_future")
    device = sqlite3.connect(bad).execute("SELECT device FROM events WHERE rowid = 1").fetchone()[0]
    assert device[:8] in e.reason and "đồng hồ" in e.reason_vi
    # the receiver's clock is untouched
    assert (dbmod.meta_get(db, "hlc") or "0")[:13] <= str(int(time.time() * 1000) + events.CLOCK_MARGIN_MS)


def test_a_clock_days_ahead_merges_but_is_not_adopted(tmp_path, source, receiver_file, monkeypatch):
    db_src, insp, visits, _ = source
    real = events.time
    from types import SimpleNamespace

    monkeypatch.setattr(
        events,
        "time",
        SimpleNamespace(time=lambda: real.time() + 3 * 86400, strftime=real.strftime, localtime=real.localtime),
    )
    ans.set_answer(db_src, visits[0], "B3", "khong_dat")  # a laptop whose clock is three days ahead
    monkeypatch.setattr(events, "time", real)
    ahead = tmp_path / "ahead.cchc"
    sync.export_package(db_src, ahead, insp)
    home = _fresh(receiver_file, tmp_path / "home.sqlite3")
    sync.merge_packages(home, [ahead])
    assert ans.get_answer(home, visits[0], "B3").value == "khong_dat"
    assert int(dbmod.meta_get(home, "hlc")[:13]) <= real.time() * 1000 + events.CLOCK_MARGIN_MS
    ans.set_answer(home, visits[0], "B3", "dat")  # a later decision at the home office still wins
    assert ans.get_answer(home, visits[0], "B3").value == "dat"
    out = tmp_path / "home.cchc"
    sync.export_package(home, out, insp)
    other = _fresh(receiver_file, tmp_path / "other.sqlite3")
    sync.merge_packages(other, [out])
    assert ans.get_answer(other, visits[0], "B3").value == "dat" and sync.conflicts(other) == []


def test_a_database_pinned_by_an_earlier_version_heals(tmp_path, source, receiver_file):
    db_src, insp, visits, _ = source
    dbmod.meta_set(db_src, "hlc", "9999999999999.999999")
    ans.set_answer(db_src, visits[0], "B3", "dat")
    last = db_src.execute(
        "SELECT max(hlc) FROM events WHERE field = 'value' AND entity_id = ?", [events.answer_id(visits[0], "B3")]
    ).fetchone()[0]
    assert re.fullmatch(r"\d{13}\.\d{6}", last) and int(last[:13]) <= time.time() * 1000 + events.CLOCK_MARGIN_MS
    out = tmp_path / "healed.cchc"
    sync.export_package(db_src, out, insp)
    other = _fresh(receiver_file, tmp_path / "other.sqlite3")
    sync.merge_packages(other, [out])  # accepted
    assert ans.get_answer(other, visits[0], "B3").value == "dat"


def test_the_counter_rolls_over_into_the_next_millisecond(db):
    dbmod.meta_set(db, "hlc", f"{int(time.time() * 1000) + 60_000:013d}.999998")
    with inspector.atomic(db):
        values = events.next_hlcs(db, 4)
    assert all(re.fullmatch(r"\d{13}\.\d{6}", v) for v in values) and values == sorted(values)
    assert len(set(values)) == 4


# ---- the receiving disk -----------------------------------------------------------------------


def test_a_full_disk_during_a_merge_is_named_and_changes_nothing(tmp_path, source, receiver_file):
    _, _, _, good = source
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    before = state(db)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up after two more pages
    with pytest.raises(CannotWrite) as e:
        sync.merge_packages(db, [good])
    assert e.value.code == "disk_full" and "rollback" not in str(e.value)
    assert Path(e.value.path) == tmp_path / "r.sqlite3"  # the receiving database, by name
    db.execute("PRAGMA max_page_count = 1073741823")
    assert state(db) == before
    sync.merge_packages(db, [good])  # with room again it merges
    assert sync.merge_log(db)


def test_export_into_a_missing_folder_or_full_disk_leaves_nothing(tmp_path, source, monkeypatch):
    db, insp, _, _ = source
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(CannotWrite):
        sync.export_package(db, blocker / "p.cchc", insp)
    import os

    real_replace = os.replace

    def full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(CannotWrite) as e:
        sync.export_package(db, tmp_path / "out" / "p.cchc", insp)
    monkeypatch.setattr(os, "replace", real_replace)
    assert e.value.code == "disk_full"
    assert list((tmp_path / "out").iterdir()) == []


def test_a_mistyped_db_path_is_refused_rather_than_created(tmp_path, capsys):
    from inspector.cli import main

    path = tmp_path / "no-such-folder" / "db.sqlite3"
    assert main(["--db", str(path), "list"]) == 1
    err = capsys.readouterr().err
    assert "folder does not exist" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not path.parent.exists()


# ---- every refusal in both languages -----------------------------------------------------------


def test_every_reason_has_english_and_vietnamese_with_the_same_fields():
    fields = re.compile(r"{(\w+)}")
    for code, (en, vi) in messages.REASONS.items():
        assert en and vi and en != vi, code
        assert sorted(fields.findall(en)) == sorted(fields.findall(vi)), code


def test_every_code_the_core_raises_has_its_text():
    raised = set()
    pattern = re.compile(r"(?:PackageRejected|CannotWrite|reject|_Bad)\(\s*(?:[\w.]+,\s*)?\"([a-z_]+)\"")
    for path in (ROOT / "inspector").rglob("*.py"):
        raised |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert raised and raised <= set(messages.REASONS), raised - set(messages.REASONS)
    assert {"digest", "clock_future", "schema_object", "timeout", "disk_full"} <= raised


def test_photo_file_names_from_a_mac_or_a_phone_merge_as_they_are(tmp_path, source, receiver_file):
    import unicodedata as ud

    _, _, _, good = source
    nfd = ud.normalize("NFD", "Ảnh  bảng niêm yết .jpg")  # decomposed, two spaces, a trailing space
    ok = _craft(good, tmp_path / "names.cchc", f"UPDATE photos SET source_name = '{nfd}'")
    db = _fresh(receiver_file, tmp_path / "r.sqlite3")
    sync.merge_packages(db, [ok])
    assert {r[0] for r in db.execute("SELECT source_name FROM photos")} == {nfd}
    bad = _craft(good, tmp_path / "ctrl.cchc", "UPDATE photos SET source_name = 'IMG' || char(0) || '.jpg'")
    _refused(_fresh(receiver_file, tmp_path / "r2.sqlite3"), bad, "photo_invalid")


def test_a_package_that_depends_on_changes_it_lacks_is_checked_against_the_laptop(tmp_path, source, receiver_file):
    """The first change of B2 taken out of the package: its second change then names a parent
    the package lacks. A laptop that knows that parent may read the package (the parent must be
    of the same field); one that does not refuses it ("depends"), with or without a database."""
    db, insp, visits, good = source
    first = db.execute(
        "SELECT p.parent FROM event_parents p JOIN events e ON e.id = p.child WHERE e.field = 'value'"
    ).fetchone()[0]
    lacking = _craft(
        good,
        tmp_path / "lacking.cchc",
        f"DELETE FROM event_parents WHERE child = '{first}'",
        f"DELETE FROM events WHERE id = '{first}'",
    )
    assert sync.verify_package(lacking, db).events >= 1  # the office knows the first change
    with pytest.raises(PackageRejected) as e:
        sync.verify_package(lacking)
    assert e.value.code == "depends"
    fresh = _fresh(receiver_file, tmp_path / "fresh.sqlite3")
    _refused(fresh, lacking, "depends")
    knowing = copy_db(db, tmp_path / "knowing.sqlite3")  # a merge reads the parents it knows
    assert sync.merge_packages(knowing, [lacking]).packages[0].known_events >= 1
    other = db.execute("SELECT id FROM events WHERE field = 'note'").fetchone()[0]
    twisted = _craft(
        good,
        tmp_path / "twisted.cchc",
        f"DELETE FROM event_parents WHERE child = '{first}'",
        f"DELETE FROM events WHERE id = '{first}'",
        f"UPDATE event_parents SET parent = '{other}' WHERE parent = '{first}'",
    )
    with pytest.raises(PackageRejected) as e:
        sync.verify_package(twisted, db)
    assert e.value.code == "parent_other_field"


def test_a_record_whose_parent_is_in_neither_the_package_nor_the_laptop_is_named(tmp_path, source, receiver_file):
    """The inspection's own changes taken out of the package: its visits then name an inspection
    that the receiving laptop has never seen."""
    db, insp, visits, good = source
    orphan = _craft(good, tmp_path / "orphan.cchc", "DELETE FROM events WHERE entity = 'inspection'")
    fresh = _fresh(receiver_file, tmp_path / "fresh.sqlite3")
    e = _refused(fresh, orphan, "record_missing")
    assert e.params["parent"] == "inspections"
    assert e.params["table"] in ("members", "visits") and Path(e.path).name == "orphan.cchc"
