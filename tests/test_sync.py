"""Sync by files: export, verify, merge, conflicts, resolve; round trip office ↔ laptops; bad files."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from types import SimpleNamespace

import pytest
from test_sync_helpers import add_photo, copy_db, jpeg, plan, reseal, state

import inspector
from inspector import answers as ans
from inspector import events, sync
from inspector import inspections as ins
from inspector.cli import main
from inspector.errors import InvalidValue, PackageRejected


@pytest.fixture
def office(tmp_path):
    db = inspector.open_db(tmp_path / "office.sqlite3")
    insp, visits = plan(db)
    yield db, insp, visits
    db.conn.close()


def laptop(tmp_path, name):
    return inspector.open_db(tmp_path / f"{name}.sqlite3")


def test_round_trip_office_two_laptops_one_conflict_then_resolved(tmp_path, office):
    db, insp, (v1, v2, v3) = office
    sync.export_package(db, tmp_path / "plan.cchc", insp)
    lan, minh = laptop(tmp_path, "lan"), laptop(tmp_path, "minh")
    for lap in (lan, minh):
        r = sync.merge_packages(lap, [tmp_path / "plan.cchc"])
        assert r.added["inspections"] == 1 and r.added["visits"] == 3 and not r.conflicts
    # Lan fills Ninh Xuân, Minh fills Ninh Đa; both answer B1 of Đồng Hóa, differently
    ans.set_answers(
        lan, v1, [ans.AnswerInput("B2", "dat"), ans.AnswerInput("B3", "khong_dat"), ans.AnswerInput("D1", "12")]
    )
    ans.set_answers(minh, v2, [ans.AnswerInput("B2", "dat_mot_phan"), ans.AnswerInput("C8", "3/120")])
    ans.set_answer(lan, v3, "B2", "dat")
    ans.set_answer(minh, v3, "B2", "khong_dat")
    ans.set_answer(lan, v3, "B3", "dat")
    ans.set_answer(minh, v3, "B3", "dat")  # same value on both laptops: not a conflict
    add_photo(lan, v1, insp, seed=1)
    sync.export_package(lan, tmp_path / "lan.cchc", insp)
    sync.export_package(minh, tmp_path / "minh.cchc", insp)

    office_b = copy_db(db, tmp_path / "office-b.sqlite3")
    ra = sync.merge_packages(db, [tmp_path / "lan.cchc", tmp_path / "minh.cchc"])
    rb = sync.merge_packages(office_b, [tmp_path / "minh.cchc", tmp_path / "lan.cchc"])
    assert state(db) == state(office_b)
    assert ra.added["answers"] == rb.added["answers"] == 7
    assert ra.added["photos"] == 1 and ra.added["attachments"] == 1
    assert len(ra.conflicts) == len(rb.conflicts) == 1
    (c,) = sync.conflicts(db)
    assert c.commune == "Đồng Hóa" and c.item_code == "B2" and c.field == "value"
    assert "Đồng Hóa" in c.label and "B2" in c.label
    assert sorted(h["value"] for h in c.heads) == ["dat", "khong_dat"]
    assert {h["display"] for h in c.heads} == {"Đạt", "Không đạt"}
    assert all(h["author"] and h["device"] and h["time"] for h in c.heads)

    with pytest.raises(InvalidValue):
        sync.resolve(db, c.id, "maybe")
    sync.resolve(db, c.id[:5], "đạt một phần")
    assert sync.conflicts(db) == []
    assert ans.get_answer(db, v3, "B2").value == "dat_mot_phan"
    sync.export_package(db, tmp_path / "decided.cchc", insp)
    # before the decision arrives, Lan's laptop sees the conflict too
    sync.merge_packages(lan, [tmp_path / "minh.cchc"])
    assert [x.id for x in sync.conflicts(lan)] == [c.id]
    sync.merge_packages(lan, [tmp_path / "decided.cchc"])
    assert sync.conflicts(lan) == []
    assert ans.get_answer(lan, v3, "B2").value == "dat_mot_phan"
    # once everyone has seen everything, every copy is the same
    sync.merge_packages(office_b, [tmp_path / "decided.cchc"])
    sync.merge_packages(minh, [tmp_path / "decided.cchc"])
    assert state(db) == state(office_b) == state(lan) == state(minh)
    assert sync.check_database(minh) == []
    for d in (lan, minh, office_b):
        d.conn.close()


def test_clock_skew_never_decides_silently(tmp_path, office, monkeypatch):
    db, insp, (v1, _, _) = office
    sync.export_package(db, tmp_path / "plan.cchc", insp)
    ahead, normal = laptop(tmp_path, "ahead"), laptop(tmp_path, "normal")
    for lap in (ahead, normal):
        sync.merge_packages(lap, [tmp_path / "plan.cchc"])
    real = events.time
    skewed = SimpleNamespace(time=lambda: real.time() + 5 * 86400, strftime=real.strftime, localtime=real.localtime)
    monkeypatch.setattr(events, "time", skewed)  # this laptop's clock is five days ahead
    ans.set_answer(ahead, v1, "B2", "dat")
    monkeypatch.setattr(events, "time", real)
    ans.set_answer(normal, v1, "B2", "khong_dat")  # written later, but its clock is behind
    sync.export_package(ahead, tmp_path / "ahead.cchc", insp)
    r = sync.merge_packages(normal, [tmp_path / "ahead.cchc"])
    assert len(r.conflicts) == 1  # shown to a person, whatever the clocks say
    # the skewed clock is not adopted: this laptop's next change keeps (nearly) its own time, and
    # the answer changed after the merge still follows the skewed one through its parents
    ans.set_answer(normal, v1, "B3", "dat")
    own = normal.execute("SELECT max(hlc) FROM events WHERE device = ?", [inspector.db.device_id(normal)]).fetchone()[0]
    assert int(own[:13]) <= real.time() * 1000 + events.CLOCK_MARGIN_MS
    skewed_event = ahead.execute("SELECT max(hlc) FROM events").fetchone()[0]
    assert own < skewed_event
    sync.resolve(normal, r.conflicts[0].id, "khong_dat")
    assert ans.get_answer(normal, v1, "B2").value == "khong_dat" and sync.conflicts(normal) == []


def test_same_value_on_two_laptops_is_not_a_conflict(tmp_path, office):
    db, insp, (v1, _, _) = office
    sync.export_package(db, tmp_path / "plan.cchc", insp)
    a, b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    for lap in (a, b):
        sync.merge_packages(lap, [tmp_path / "plan.cchc"])
        ans.set_answer(lap, v1, "D1", "7")
    sync.export_package(b, tmp_path / "b.cchc", insp)
    r = sync.merge_packages(a, [tmp_path / "b.cchc"])
    assert r.conflicts == [] and sync.conflicts(a) == []
    assert ans.get_answer(a, v1, "D1").value == "7"
    heads = a.execute("SELECT count(*) FROM events WHERE entity = 'answer' AND is_head = 1").fetchone()[0]
    assert heads == 2  # both kept; a later change follows both
    ans.set_answer(a, v1, "D1", "8")
    assert a.execute("SELECT count(*) FROM events WHERE entity = 'answer' AND is_head = 1").fetchone()[0] == 1


def test_same_package_twice_adds_nothing(tmp_path, demo_db):
    sync.export_package(demo_db, tmp_path / "demo.cchc")
    fresh = laptop(tmp_path, "fresh")
    first = sync.merge_packages(fresh, [tmp_path / "demo.cchc"])
    before = state(fresh)
    again = sync.merge_packages(fresh, [tmp_path / "demo.cchc", tmp_path / "demo.cchc"])
    assert state(fresh) == before
    assert all(v == 0 for v in again.added.values())
    assert again.packages[0].known_events == first.added["events"]
    assert again.packages[0].already_merged
    log = sync.merge_log(fresh)
    assert len(log) == 3 and {e.sha256 for e in log} == {first.packages[0].sha256}
    assert log[0].file_name == "demo.cchc" and log[-1].counts["added"]["answers"] == first.added["answers"]


def test_package_of_another_inspection_adds_it(tmp_path, office, demo_db):
    db, insp, _ = office
    sync.export_package(demo_db, tmp_path / "demo.cchc")
    r = sync.merge_packages(db, [tmp_path / "demo.cchc"])
    assert r.added["inspections"] == 1 and r.added["visits"] == 5
    assert {i.title for i in ins.list_inspections(db)} == {"Kiểm tra CCHC 2026", ins.list_inspections(demo_db)[0].title}
    # the export of one inspection holds only that one
    sync.export_package(db, tmp_path / "mine.cchc", insp)
    info = sync.verify_package(tmp_path / "mine.cchc")
    assert info.inspections == (insp,)


def test_copied_database_gets_a_new_device_and_merges_cleanly(tmp_path, office):
    db, insp, (v1, v2, _) = office
    ans.set_answer(db, v1, "B4", "dat")
    twin = copy_db(db, tmp_path / "copied-to-usb.sqlite3")  # the same file on a second laptop
    assert inspector.db.device_id(twin) != inspector.db.device_id(db)
    ans.set_answers(db, v1, [ans.AnswerInput("B2", "dat"), ans.AnswerInput("D1", "5")])
    ans.set_answers(twin, v2, [ans.AnswerInput("B2", "khong_dat"), ans.AnswerInput("D1", "9")])
    ids_a = {r[0] for r in db.execute("SELECT id FROM events")}
    ids_b = {r[0] for r in twin.execute("SELECT id FROM events")}
    devices = {r[0] for r in twin.execute("SELECT DISTINCT device FROM events WHERE entity = 'answer'")}
    assert len(devices) == 2  # the copy signs its own changes
    sync.export_package(db, tmp_path / "a.cchc")
    sync.export_package(twin, tmp_path / "b.cchc")
    sync.merge_packages(db, [tmp_path / "b.cchc"])
    sync.merge_packages(twin, [tmp_path / "a.cchc"])
    assert state(db) == state(twin)
    assert {r[0] for r in db.execute("SELECT id FROM events")} == ids_a | ids_b
    assert sync.conflicts(db) == []
    twin.conn.close()


# ---- bad files ---------------------------------------------------------------------------


@pytest.fixture
def with_photo(tmp_path, office):
    db, insp, (v1, _, _) = office
    sha = add_photo(db, v1, insp, seed=7)
    path = tmp_path / "good.cchc"
    sync.export_package(db, path, insp)
    return db, path, sha


def _rejected(db, tmp_path, path, words):
    target = laptop(tmp_path, "target")
    before = state(target)
    with pytest.raises(PackageRejected) as e:
        sync.merge_packages(target, [path])
    assert words in e.value.reason, e.value.reason
    assert "nothing was changed" in str(e.value)
    assert state(target) == before and sync.merge_log(target) == []
    target.conn.close()
    return e.value.reason


def test_flipped_byte_in_a_photo(tmp_path, with_photo):
    db, path, sha = with_photo
    data = bytearray(path.read_bytes())
    blob = db.execute("SELECT data FROM photos WHERE sha256 = ?", [sha]).fetchone()[0]
    at = bytes(data).find(blob[300:340])
    assert at > 0
    data[at + 5] ^= 0x01
    path.write_bytes(bytes(data))
    _rejected(db, tmp_path, path, "photo")


def test_truncated_package(tmp_path, with_photo):
    db, path, _ = with_photo
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _rejected(db, tmp_path, path, "truncated")


@pytest.mark.parametrize("kind", ["docx", "jpg", "empty", "text", "database", "other-sqlite"])
def test_files_that_are_not_packages(tmp_path, office, kind):
    db = office[0]
    path = tmp_path / f"file.{kind}"
    if kind == "docx":
        import docx

        docx.Document().save(path)
    elif kind == "jpg":
        path.write_bytes(jpeg(1))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("xin chào")
    elif kind == "database":
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path.write_bytes((tmp_path / "office.sqlite3").read_bytes())
    else:
        c = sqlite3.connect(path)
        c.execute("CREATE TABLE x(a)")
        c.commit()
        c.close()
    words = {
        "docx": "Word",
        "jpg": "JPEG",
        "empty": "empty",
        "text": "not an Inspector package",
        "database": "Inspector database",
        "other-sqlite": "another program",
    }[kind]
    _rejected(db, tmp_path, path, words)


def test_package_from_a_newer_version(tmp_path, with_photo):
    db, path, _ = with_photo
    c = sqlite3.connect(path)
    c.execute(f"PRAGMA user_version = {sync.PACKAGE_VERSION + 1}")
    c.commit()
    c.close()
    _rejected(db, tmp_path, path, "newer version")


def test_unknown_field_and_missing_parent(tmp_path, with_photo):
    db, path, _ = with_photo
    bad = tmp_path / "bad.cchc"
    bad.write_bytes(path.read_bytes())
    c = sqlite3.connect(bad)
    c.execute("UPDATE events SET field = 'colour' WHERE rowid = 1")
    c.commit()
    c.close()
    _rejected(db, tmp_path, bad, "check code")  # damaged …
    reseal(bad)
    _rejected(db, tmp_path, bad, "unknown field")  # … or crafted
    bad.write_bytes(path.read_bytes())
    c = sqlite3.connect(bad)
    c.execute("INSERT INTO event_parents SELECT id, '00000000-0000-4000-8000-000000000000' FROM events LIMIT 1")
    c.commit()
    c.close()
    _rejected(db, tmp_path, bad, "check code")  # damaged: the digest no longer matches
    reseal(bad)
    _rejected(db, tmp_path, bad, "does not have")  # crafted: the digest matches, the graph does not


def test_one_bad_file_among_good_ones(tmp_path, with_photo):
    db, path, _ = with_photo
    (tmp_path / "note.txt").write_text("hello")
    target = laptop(tmp_path, "t")
    r = sync.merge_packages(target, [tmp_path / "note.txt", path])
    assert [f for f, _ in r.rejected] == ["note.txt"] and len(r.packages) == 1
    assert r.added["photos"] == 1


def test_export_is_atomic_and_cancellable(tmp_path, office):
    db, insp, _ = office
    target = tmp_path / "out" / "p.cchc"
    with pytest.raises(inspector.errors.Cancelled):
        sync.export_package(db, target, insp, cancelled=lambda: True)
    assert list((tmp_path / "out").iterdir()) == []
    steps = []
    sync.export_package(db, target, insp, progress=lambda d, t: steps.append((d, t)))
    assert steps[-1][0] == steps[-1][1] and [p.name for p in (tmp_path / "out").iterdir()] == ["p.cchc"]
    c = sqlite3.connect(target)
    assert c.execute("PRAGMA application_id").fetchone()[0] == sync.PACKAGE_APPLICATION_ID
    assert c.execute("PRAGMA user_version").fetchone()[0] == sync.PACKAGE_VERSION
    c.close()


def test_check_database_finds_a_damaged_photo(tmp_path, with_photo):
    db, _, sha = with_photo
    assert sync.check_database(db) == []
    db.execute("UPDATE photos SET data = ? WHERE sha256 = ?", [b"broken", sha])
    assert any("photo" in p for p in sync.check_database(db))


def test_set_based_reprojection_rebuilds_the_tables(demo_db):
    keys = [(r[0], r[1], r[2]) for r in demo_db.execute("SELECT DISTINCT entity, entity_id, field FROM events")]
    before = state(demo_db)
    for t in ("answers", "visits", "findings", "members", "inspections"):
        demo_db.execute(f"UPDATE {t} SET updated = ''")
    demo_db.execute("DELETE FROM answers")
    with inspector.atomic(demo_db):
        demo_db.execute("CREATE TEMP TABLE k (entity, entity_id, field)")
        demo_db.conn.executemany("INSERT INTO k VALUES (?, ?, ?)", keys)
        events.reproject_table(demo_db, "temp.k")
    assert state(demo_db) == before


# ---- CLI ---------------------------------------------------------------------------------


def test_cli_export_merge_conflicts_resolve_check(tmp_path, office, capsys):
    db, insp, (v1, _, _) = office
    office_path = tmp_path / "office.sqlite3"
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    assert main(["--db", str(office_path), "export", insp[:6], "-o", str(tmp_path / "plan.cchc")]) == 0
    for p, value in ((a, "dat"), (b, "khong-dat")):
        assert main(["--db", str(p), "merge", str(tmp_path / "plan.cchc")]) == 0
        assert main(["--db", str(p), "answer", v1[:6], "B2", value]) == 0
        assert main(["--db", str(p), "export", "-o", str(tmp_path / f"{p.stem}.cchc")]) == 0
    capsys.readouterr()
    assert main(["--db", str(office_path), "merge", str(tmp_path / "a.cchc"), str(tmp_path / "b.cchc"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["added"]["answers"] == 1 and len(out["conflicts"]) == 1
    assert main(["--db", str(office_path), "conflicts", "--json"]) == 0
    (c,) = json.loads(capsys.readouterr().out)
    assert c["item_code"] == "B2" and c["commune"] == "Ninh Xuân"
    assert main(["--db", str(office_path), "conflicts"]) == 0
    assert "Không đạt" in capsys.readouterr().out
    assert main(["--db", str(office_path), "resolve", c["id"], "dat"]) == 0
    assert main(["--db", str(office_path), "conflicts"]) == 0
    assert "No conflicts" in capsys.readouterr().out
    assert main(["--db", str(office_path), "check"]) == 0
    assert capsys.readouterr().out.startswith("OK")
    assert main(["--db", str(office_path), "merge-log"]) == 0
    assert "a.cchc" in capsys.readouterr().out
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04rest")
    assert main(["--db", str(office_path), "merge", str(tmp_path / "x.docx")]) == 1
    err = capsys.readouterr().err
    assert "x.docx" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_cli_check_fails_on_a_damaged_photo(tmp_path, with_photo, capsys):
    db, _, sha = with_photo
    db.execute("UPDATE photos SET data = ? WHERE sha256 = ?", [b"broken", sha])
    assert main(["--db", str(tmp_path / "office.sqlite3"), "check"]) == 1
    assert "PROBLEMS" in capsys.readouterr().err


def test_zip_named_cchc_is_rejected(tmp_path, office):
    p = tmp_path / "looks-right.cchc"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.txt", "x")
    _rejected(office[0], tmp_path, p, "ZIP")


def test_deciding_a_conflict_on_signed_minutes_needs_a_reason(tmp_path, office):
    db, insp, (v1, _, _) = office
    sync.export_package(db, tmp_path / "plan.cchc", insp)
    other = laptop(tmp_path, "other")
    sync.merge_packages(other, [tmp_path / "plan.cchc"])
    ans.set_answer(db, v1, "B2", "dat")
    ans.set_answer(other, v1, "B2", "khong_dat")
    sync.export_package(other, tmp_path / "other.cchc", insp)
    (c,) = sync.merge_packages(db, [tmp_path / "other.cchc"]).conflicts
    ins.update_visit(db, v1, status="signed")
    with pytest.raises(inspector.errors.VisitFrozen):
        sync.resolve(db, c.id, "dat")
    sync.resolve(db, c.id, "dat", reason="Đối chiếu hồ sơ gốc")
    assert sync.conflicts(db) == []
    assert events.history(db, events.answer_id(v1, "B2"), "value")[-1]["reason"] == "Đối chiếu hồ sơ gốc"


def test_cancel_between_packages_keeps_what_was_merged(tmp_path, office, demo_db):
    db, insp, _ = office
    sync.export_package(demo_db, tmp_path / "demo.cchc")
    sync.export_package(db, tmp_path / "plan.cchc", insp)
    target = laptop(tmp_path, "t")

    def cancelled():  # the person presses Cancel once the first package is in
        return bool(sync.merge_log(target))

    with pytest.raises(inspector.errors.Cancelled) as e:
        sync.merge_packages(target, [tmp_path / "plan.cchc", tmp_path / "demo.cchc"], cancelled=cancelled)
    assert [p.file for p in e.value.report.packages] == ["plan.cchc"]
    assert [i.title for i in ins.list_inspections(target)] == ["Kiểm tra CCHC 2026"]
    assert len(sync.merge_log(target)) == 1 and inspector.db.integrity_errors(target) == []


def test_cancel_inside_a_package_changes_nothing(tmp_path, demo_db):
    sync.export_package(demo_db, tmp_path / "demo.cchc")
    target = laptop(tmp_path, "t")
    before = state(target)
    calls = []
    with pytest.raises(inspector.errors.Cancelled):
        sync.merge_packages(target, [tmp_path / "demo.cchc"], cancelled=lambda: calls.append(1) or len(calls) > 1)
    assert state(target) == before and sync.merge_log(target) == []
