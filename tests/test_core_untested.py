"""Core functions that no other test called: deleting inspections, visits and members (the derived
tables, the event log, the command line's list, and sync to a second database); photos moved,
reordered, pasted, removed and restored; and the small public helpers found unexecuted by coverage."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

import inspector
from inspector import answers as ans
from inspector import events, minutes, package, paths, sync

try:  # the start of the program moved above both faces (it loads no Qt)
    from ui import launch
except ImportError:  # pragma: no cover - older layout
    from inspector import launch  # type: ignore[no-redef]
from inspector import db as dbmod
from inspector import inspections as ins
from inspector import photos as ph
from inspector.cli import cli
from inspector.errors import InvalidInput, NotFound, PhotoRejected, VisitFrozen

# ---- helpers ------------------------------------------------------------------------------------


def _plan(db):
    """An inspection with two members and two visits (one answered)."""
    insp = ins.create_inspection(db, title="Kiểm tra CCHC 2026", decision_no="12/QĐ-UBND")
    m1 = ins.add_member(db, insp.id, name="Nguyễn Văn An", role="truong_doan")
    m2 = ins.add_member(db, insp.id, name="Trần Thị Bình", role="thu_ky")
    v1 = ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2026-11-23")
    v2 = ins.add_visit(db, insp.id, commune="Đồng Hóa", province="Ninh Bình", date="2026-11-24")
    ans.set_answer(db, v1.id, "A1", "dat")
    return insp, (m1, m2), (v1, v2)


def _cli_list(path: Path) -> list[dict]:
    r = CliRunner().invoke(cli, ["--db", str(path), "list", "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def _sync(src, dst, tmp_path: Path, name: str):
    """Export everything from src, merge it into dst; returns the merge report."""
    pkg = tmp_path / f"{name}.cchc"
    sync.export_package(src, pkg)
    return sync.merge_packages(dst, [pkg])


@pytest.fixture
def two(tmp_path):
    """Two laptops' databases: a and b (b is empty)."""
    a = inspector.open_db(tmp_path / "a.sqlite3")
    b = inspector.open_db(tmp_path / "b.sqlite3")
    yield a, b
    a.conn.close()
    b.conn.close()


def _png(color: tuple[int, int, int], size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def _ids(atts) -> list[str]:
    return [a.id for a in atts]


# ---- delete_inspection ------------------------------------------------------------------------


def test_delete_inspection_hides_it_marks_the_row_and_is_one_event(db, db_path):
    insp, _, _ = _plan(db)
    other = ins.create_inspection(db, title="Giám sát khác", kind="giam_sat")
    assert {d["id"] for d in _cli_list(db_path)} == {insp.id, other.id}
    n_events = db.execute("SELECT count(*) FROM events").fetchone()[0]

    ins.delete_inspection(db, insp.id[:8], author="Lan")  # a unique prefix is enough

    assert [i.id for i in ins.list_inspections(db)] == [other.id]
    assert [d["id"] for d in _cli_list(db_path)] == [other.id]
    # the derived row is kept, marked deleted (the record can still be read by id)
    assert db.execute("SELECT deleted FROM inspections WHERE id = ?", [insp.id]).fetchone()[0] == 1
    assert ins.get_inspection(db, insp.id).title == "Kiểm tra CCHC 2026"
    # exactly one new event: inspection.deleted = 1, by the author, a head
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n_events + 1
    (e,) = events.history(db, insp.id, "deleted")
    assert (e["value"], e["author"]) == (1, "Lan")
    row = db.execute("SELECT entity, inspection_id, is_head FROM events WHERE id = ?", [e["id"]]).fetchone()
    assert tuple(row) == ("inspection", insp.id, 1)
    # the other inspection is untouched
    assert db.execute("SELECT coalesce(deleted, 0) FROM inspections WHERE id = ?", [other.id]).fetchone()[0] == 0


def test_delete_inspection_of_an_unknown_id_changes_nothing(db):
    _plan(db)
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(NotFound):
        ins.delete_inspection(db, "ffffffff")
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert len(ins.list_inspections(db)) == 1


def test_deleting_an_inspection_syncs_to_another_laptop(tmp_path, two):
    a, b = two
    insp, _, _ = _plan(a)
    first = _sync(a, b, tmp_path, "plan")
    assert first.added["inspections"] == 1
    assert [i.id for i in ins.list_inspections(b)] == [insp.id]

    ins.delete_inspection(a, insp.id)
    second = _sync(a, b, tmp_path, "after-delete")

    assert not second.conflicts
    assert ins.list_inspections(b) == []
    assert b.execute("SELECT deleted FROM inspections WHERE id = ?", [insp.id]).fetchone()[0] == 1
    (ea,) = events.history(a, insp.id, "deleted")
    (eb,) = events.history(b, insp.id, "deleted")
    assert eb["id"] == ea["id"] and eb["value"] == 1, "the same event, not a copy of the value"
    assert _cli_list(tmp_path / "b.sqlite3") == []


# ---- delete_visit -----------------------------------------------------------------------------


def test_delete_visit_hides_it_everywhere_and_is_one_event(db, db_path):
    insp, _, (v1, v2) = _plan(db)
    assert ins.answered_counts(db, insp.id) == {v1.id: 1}
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]

    ins.delete_visit(db, v1.id, author="Minh")

    assert [v.id for v in ins.visits(db, insp.id)] == [v2.id]
    assert [v.id for v in ins.visits(db)] == [v2.id]
    assert ins.known_communes(db) == [("Đồng Hóa", "Ninh Bình")]
    assert ins.answered_counts(db, insp.id) == {}, "its answers no longer count"
    (d,) = _cli_list(db_path)
    assert [v["id"] for v in d["visits"]] == [v2.id]
    assert db.execute("SELECT deleted FROM visits WHERE id = ?", [v1.id]).fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n + 1
    (e,) = events.history(db, v1.id, "deleted")
    assert (e["value"], e["author"]) == (1, "Minh")
    ctx, insp_id = db.execute("SELECT ctx, inspection_id FROM events WHERE id = ?", [e["id"]]).fetchone()
    assert json.loads(ctx) == {"inspection_id": insp.id} and insp_id == insp.id
    # the answers themselves are kept (the visit can be brought back from its events)
    assert ans.get_answer(db, v1.id, "A1").value == "dat"


def test_a_signed_visit_cannot_be_deleted(db):
    insp, _, (v1, _) = _plan(db)
    minutes.sign_visit(db, v1.id)
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(VisitFrozen) as err:
        ins.delete_visit(db, v1.id)
    assert err.value.visit_id == v1.id and err.value.commune == "Ninh Xuân"
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n, "nothing written"
    assert v1.id in [v.id for v in ins.visits(db, insp.id)]


def test_deleting_a_visit_syncs_to_another_laptop(tmp_path, two):
    a, b = two
    insp, _, (v1, v2) = _plan(a)
    _sync(a, b, tmp_path, "plan")
    assert [v.id for v in ins.visits(b, insp.id)] == [v1.id, v2.id]

    ins.delete_visit(b, v2.id)  # this time the other laptop deletes
    report = _sync(b, a, tmp_path, "from-b")

    assert not report.conflicts
    assert [v.id for v in ins.visits(a, insp.id)] == [v1.id]
    assert a.execute("SELECT deleted FROM visits WHERE id = ?", [v2.id]).fetchone()[0] == 1
    assert [e["value"] for e in events.history(a, v2.id, "deleted")] == [1]


# ---- remove_member ----------------------------------------------------------------------------


def test_remove_member_hides_only_that_member_and_is_one_event(db, db_path):
    insp, (m1, m2), _ = _plan(db)
    m3 = ins.add_member(db, insp.id, name="Lê Minh Đức")
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]

    ins.remove_member(db, m2.id[:8], author="Hà")

    assert [m.id for m in ins.members(db, insp.id)] == [m1.id, m3.id], "the others keep their order"
    (d,) = _cli_list(db_path)
    assert [m["name"] for m in d["members"]] == ["Nguyễn Văn An", "Lê Minh Đức"]
    assert db.execute("SELECT deleted FROM members WHERE id = ?", [m2.id]).fetchone()[0] == 1
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n + 1
    (e,) = events.history(db, m2.id, "deleted")
    assert e["author"] == "Hà" and e["value"] == 1
    ctx = db.execute("SELECT ctx FROM events WHERE id = ?", [e["id"]]).fetchone()[0]
    assert json.loads(ctx) == {"inspection_id": insp.id}


def test_remove_member_records_deleted_as_the_whole_number_1(db):
    insp, (m1, _), _ = _plan(db)
    ins.remove_member(db, m1.id)
    assert [e["value"] for e in events.history(db, m1.id, "deleted")] == [1]


def test_remove_member_of_an_unknown_id_raises_and_changes_nothing(db):
    insp, _, _ = _plan(db)
    n = db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(NotFound):
        ins.remove_member(db, "0000ffff")
    assert db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert len(ins.members(db, insp.id)) == 2


def test_removing_a_member_syncs_to_another_laptop(tmp_path, two):
    a, b = two
    insp, (m1, m2), _ = _plan(a)
    _sync(a, b, tmp_path, "plan")
    assert len(ins.members(b, insp.id)) == 2
    ins.remove_member(a, m1.id)
    report = _sync(a, b, tmp_path, "after-remove")
    assert not report.conflicts
    assert [m.id for m in ins.members(b, insp.id)] == [m2.id]
    assert [e["value"] for e in events.history(b, m1.id, "deleted")] == [1]


# ---- photos: paste, move, reorder (shift), remove / restore ----------------------------------------


@pytest.fixture
def pvisit(demo_db):
    """Ninh Xuân of the demo: one photo on each of B1, B7, D1 and D6."""
    return next(v for v in ins.visits(demo_db) if v.commune == "Ninh Xuân")


def test_pasted_png_bytes_become_a_stored_jpeg_attachment_last_on_its_item(demo_db, pvisit):
    (old,) = ph.attachments(demo_db, pvisit.id, "B1")
    photos_before = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]

    a = ph.import_one(demo_db, pvisit.id, _png((200, 30, 30)), "clipboard.png", item_code="B1")

    assert (a.item_code, a.ord, a.visit_id) == ("B1", old.ord + 1, pvisit.id)
    assert a.caption.startswith("B1 – ")
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == [old.id, a.id]
    stored = ph.photo_bytes(demo_db, a.photo_sha256)
    assert stored[:2] == b"\xff\xd8", "stored as JPEG"
    assert Image.open(io.BytesIO(stored)).size == (64, 48) == (a.width, a.height)
    assert ph.thumb_bytes(demo_db, a.photo_sha256)[:2] == b"\xff\xd8"
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == photos_before + 1
    assert ph.counts_by_item(demo_db, pvisit.id)["B1"] == 2
    # pasting the same image again: a second attachment, no second stored photo
    again = ph.import_one(demo_db, pvisit.id, _png((200, 30, 30)), "clipboard.png", item_code="B1")
    assert again.photo_sha256 == a.photo_sha256 and again.id != a.id and again.ord == a.ord + 1
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == photos_before + 1


def test_pasted_bytes_that_are_no_image_are_refused_and_nothing_stored(demo_db, pvisit):
    n = demo_db.execute("SELECT count(*) FROM attachments").fetchone()[0]
    with pytest.raises(PhotoRejected) as err:
        ph.import_one(demo_db, pvisit.id, b"\x89PNG\r\n\x1a\nnot really", "clipboard.png", item_code="B1")
    assert err.value.name == "clipboard.png" and err.value.code
    assert demo_db.execute("SELECT count(*) FROM attachments").fetchone()[0] == n


def test_pasting_onto_a_signed_visit_needs_a_reason(demo_db, pvisit):
    minutes.sign_visit(demo_db, pvisit.id)
    with pytest.raises(VisitFrozen):
        ph.import_one(demo_db, pvisit.id, _png((1, 2, 3)), "clipboard.png", item_code="B1")
    a = ph.import_one(demo_db, pvisit.id, _png((1, 2, 3)), "clipboard.png", item_code="B1", reason="bổ sung ảnh")
    assert {e["reason"] for e in events.history(demo_db, a.id)} == {"bổ sung ảnh"}


def test_move_puts_the_photo_last_on_the_other_item_and_back(demo_db, pvisit):
    (b1,) = ph.attachments(demo_db, pvisit.id, "B1")
    (b7,) = ph.attachments(demo_db, pvisit.id, "B7")
    n = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]

    moved = ph.move(demo_db, b1.id, "B7")

    assert (moved.item_code, moved.ord) == ("B7", b7.ord + 1)
    assert ph.attachments(demo_db, pvisit.id, "B1") == []
    assert _ids(ph.attachments(demo_db, pvisit.id, "B7")) == [b7.id, b1.id]
    assert ph.counts_by_item(demo_db, pvisit.id) == {"B7": 2, "D1": 1, "D6": 1}
    assert [e["value"] for e in events.history(demo_db, b1.id, "item_code")] == ["B1", "B7"]
    # moving to where it is already writes nothing
    n = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert ph.move(demo_db, b1.id, "B7").ord == moved.ord
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    # to the visit itself, then back (the inverse move is the undo): on B1 again
    general = ph.move(demo_db, b1.id, None)
    assert general.item_code is None and ph.attachments(demo_db, pvisit.id, None) == [general]
    assert ph.attachments(demo_db, pvisit.id)[0].id == b1.id, "the visit's own photos come first"
    back = ph.move(demo_db, b1.id, "B1")
    assert back.item_code == "B1" and _ids(ph.attachments(demo_db, pvisit.id, "B1")) == [b1.id]


def test_move_back_after_a_move_does_not_restore_the_old_position(demo_db, pvisit):
    """The inverse of a move (what the window's undo does) puts the photo last, not where it was."""
    extra = [ph.import_one(demo_db, pvisit.id, _png((c, c, c)), f"p{c}.png", item_code="B1") for c in (10, 20)]
    first = ph.attachments(demo_db, pvisit.id, "B1")[0]
    order = [first.id, extra[0].id, extra[1].id]
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == order
    ph.move(demo_db, first.id, "B7")
    ph.move(demo_db, first.id, "B1")
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == [extra[0].id, extra[1].id, first.id]


def test_move_to_an_unknown_item_is_refused(demo_db, pvisit):
    (b1,) = ph.attachments(demo_db, pvisit.id, "B1")
    with pytest.raises(NotFound):
        ph.move(demo_db, b1.id, "Z99")
    assert ph.get_attachment(demo_db, b1.id).item_code == "B1"


def test_reorder_and_shift_by_one_then_back(demo_db, pvisit):
    for c in (10, 20, 30):
        ph.import_one(demo_db, pvisit.id, _png((c, 0, 0)), f"p{c}.png", item_code="B1")
    atts = ph.attachments(demo_db, pvisit.id, "B1")
    before = _ids(atts)
    assert [a.ord for a in atts] == [1, 2, 3, 4]

    after = before[:]
    after[1], after[2] = after[2], after[1]  # the window's "later" on the second photo
    n = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    ph.reorder(demo_db, after)
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == after
    assert [a.ord for a in ph.attachments(demo_db, pvisit.id, "B1")] == [1, 2, 3, 4]
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == n + 2, "only the two that moved"
    # the other items keep their photos
    assert ph.counts_by_item(demo_db, pvisit.id) == {"B1": 4, "B7": 1, "D1": 1, "D6": 1}

    ph.reorder(demo_db, before)  # undo: the previous order again
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == before
    ph.reorder(demo_db, list(reversed(before)))
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == list(reversed(before))
    ph.reorder(demo_db, [])  # nothing to do
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == list(reversed(before))


def test_reorder_refuses_photos_of_two_visits_and_a_signed_visit_without_reason(demo_db, pvisit):
    other = next(v for v in ins.visits(demo_db) if v.commune == "Ninh Đa")
    mine = ph.attachments(demo_db, pvisit.id, "B1")[0]
    theirs = ph.import_one(demo_db, other.id, _png((5, 5, 5)), "x.png", item_code="B1")
    with pytest.raises(InvalidInput):
        ph.reorder(demo_db, [theirs.id, mine.id])
    assert ph.get_attachment(demo_db, mine.id).ord == 1
    extra = ph.import_one(demo_db, pvisit.id, _png((6, 6, 6)), "y.png", item_code="B1")
    minutes.sign_visit(demo_db, pvisit.id)
    with pytest.raises(VisitFrozen):
        ph.reorder(demo_db, [extra.id, mine.id])
    ph.reorder(demo_db, [extra.id, mine.id], reason="sắp xếp lại")
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == [extra.id, mine.id]


def test_remove_and_restore_keep_the_stored_photo_and_the_position(demo_db, pvisit):
    for c in (10, 20):
        ph.import_one(demo_db, pvisit.id, _png((0, c, 0)), f"p{c}.png", item_code="B1")
    order = _ids(ph.attachments(demo_db, pvisit.id, "B1"))
    middle = ph.get_attachment(demo_db, order[1])

    gone = ph.remove(demo_db, middle.id)
    assert gone.deleted and gone.ord == middle.ord
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == [order[0], order[2]]
    assert middle.id in _ids(ph.attachments(demo_db, pvisit.id, "B1", include_deleted=True))
    assert ph.counts_by_item(demo_db, pvisit.id)["B1"] == 2
    assert ph.photo_bytes(demo_db, middle.photo_sha256)[:2] == b"\xff\xd8", "the stored photo stays"

    assert not ph.restore(demo_db, middle.id).deleted
    assert _ids(ph.attachments(demo_db, pvisit.id, "B1")) == order, "back where it was"
    assert [e["value"] for e in events.history(demo_db, middle.id, "deleted")] == [0, 1, 0]


def test_photo_moves_and_removals_sync_to_another_laptop(tmp_path, demo_db, pvisit):
    other = inspector.open_db(tmp_path / "other.sqlite3")
    try:
        _sync(demo_db, other, tmp_path, "demo")
        b1 = ph.attachments(demo_db, pvisit.id, "B1")[0]
        d6 = ph.attachments(demo_db, pvisit.id, "D6")[0]
        ph.move(demo_db, b1.id, "B7")
        ph.remove(demo_db, d6.id)
        _sync(demo_db, other, tmp_path, "changes")
        assert [(a.id, a.item_code) for a in ph.attachments(other, pvisit.id)] == [
            (a.id, a.item_code) for a in ph.attachments(demo_db, pvisit.id)
        ]
        assert d6.id not in _ids(ph.attachments(other, pvisit.id))
    finally:
        other.conn.close()


# ---- public helpers that nothing called -------------------------------------------------------------


def test_answer_to_json(db):
    _, _, (v1, _) = _plan(db)
    a = ans.get_answer(db, v1.id, "A1")
    d = ans.to_json(a)
    assert d == {
        "item": "A1",
        "value": "dat",
        "note": a.note,
        "suggested": a.suggested,
        "author": a.author,
        "updated": a.updated,
    }
    assert d["updated"] and d["updated"] == events.history(db, a.id, "value")[-1]["hlc"]
    json.dumps(d)


def test_import_report_ok_and_to_json(tmp_path, demo_db, pvisit):
    good = tmp_path / "good.png"
    good.write_bytes(_png((9, 90, 200)))
    bad = tmp_path / "bad.jpg"
    bad.write_text("không phải ảnh", encoding="utf-8")
    report = ph.import_files(demo_db, pvisit.id, [good], item_code="B2")
    assert report.ok
    d = report.to_json()
    assert d["rejected"] == [] and d["duplicates"] == [] and d["cancelled"] is False
    assert [x["source_name"] for x in d["imported"]] == ["good.png"]
    assert d["imported"][0]["item"] == "B2" and d["imported"][0]["width"] == 64
    again = ph.import_files(demo_db, pvisit.id, [good, bad], item_code="B2")
    assert not again.ok
    d = again.to_json()
    assert d["duplicates"] == ["good.png"] and d["imported"] == []
    assert [(r["file"], r["reason"]) for r in d["rejected"]] == [("bad.jpg", "not_image")]
    assert d["rejected"][0]["message"]
    json.dumps(d)  # JSON-able


def test_cli_photo_add_json_uses_the_report(tmp_path, demo_path):
    db = inspector.open_db(demo_path)
    vid = next(v.id for v in ins.visits(db) if v.commune == "Đồng Hóa")
    db.close()
    good = tmp_path / "good.png"
    good.write_bytes(_png((9, 90, 200)))
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "photo", "add", vid[:8], "--item", "B3", str(good), "--json"])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert [x["item"] for x in d["imported"]] == ["B3"] and d["rejected"] == []


def test_default_package_name(db):
    """What, and when (the exact format is the sync module's: only its stable parts are checked)."""
    import time

    insp, _, _ = _plan(db)
    name = sync.default_package_name(db, insp.id)
    assert name.lower().startswith("kiem-tra-cchc-2026") and name.endswith(sync.SUFFIX)
    assert time.strftime("%Y%m%d") in name
    assert not set(name) & set("/\\ :"), "a plain file name"
    everything = sync.default_package_name(db)
    assert everything.startswith("tat-ca") and everything.endswith(sync.SUFFIX)
    assert time.strftime("%Y%m%d") in everything
    with pytest.raises(NotFound):
        sync.default_package_name(db, "ffffffff")


def test_short_device(db):
    assert sync.short_device("0123456789abcdef") == "01234567"
    assert sync.short_device(dbmod.device_id(db)) == dbmod.device_id(db)[:8]


@pytest.mark.parametrize(
    "args, expected",
    [
        ([], (True, None)),
        (["--db", "x.sqlite3"], (True, Path("x.sqlite3"))),
        (["--db=y.sqlite3"], (True, Path("y.sqlite3"))),
        (["--db="], (False, None)),
        (["--db", "-x"], (False, None)),
        (["list"], (False, None)),
        (["--db", "x.sqlite3", "list"], (False, None)),
    ],
)
def test_gui_database_tells_window_from_command(args, expected, monkeypatch):
    monkeypatch.delenv("INSPECTOR_DB", raising=False)
    assert launch.gui_database(args) == expected


def test_gui_database_without_arguments_takes_inspector_db(monkeypatch, tmp_path):
    monkeypatch.setenv("INSPECTOR_DB", str(tmp_path / "env.sqlite3"))
    assert launch.gui_database([]) == (True, tmp_path / "env.sqlite3")


def test_launch_main_runs_a_command_without_the_window(tmp_path, capsys, monkeypatch):
    import sys

    path = tmp_path / "cli.sqlite3"
    assert launch.main(["--db", str(path), "demo", "--communes", "1"]) == 0
    assert launch.main(["--db", str(path), "list", "--json"]) == 0
    out = capsys.readouterr().out
    listed = json.loads(out[out.index("\n[") + 1 :])
    assert [v["commune"] for v in listed[0]["visits"]] == ["Ninh Xuân"]
    assert launch.main(["--db", str(path), "show", "ffffffff"]) == 1
    assert "visit" in capsys.readouterr().err
    # argv=None reads sys.argv
    monkeypatch.setattr(sys, "argv", ["inspector", "--db", str(path), "list", "--json"])
    assert launch.main() == 0


def test_launch_main_opens_the_window_for_no_command(monkeypatch, tmp_path):
    import types

    opened = []
    fake = types.SimpleNamespace(run=lambda p: opened.append(p) or 7)
    real = launch.importlib.import_module
    monkeypatch.setattr(launch.importlib, "import_module", lambda name: fake if name == "ui.app" else real(name))
    assert launch.main(["--db", str(tmp_path / "w.sqlite3")]) == 7
    assert opened == [tmp_path / "w.sqlite3"]


def test_paths_of_logs_and_templates(monkeypatch, tmp_path):
    import platformdirs

    assert paths.log_dir() == paths.data_dir() / "logs"  # the tests' own data folder
    monkeypatch.delenv("INSPECTOR_DATA_DIR", raising=False)
    assert paths.log_dir() == Path(platformdirs.user_data_dir("Inspector", appauthor=False)) / "logs"
    assert paths.template_dir() == paths.RESOURCES / "templates"
    assert paths.template_dir().is_dir()
    assert paths.checklist_dir().parent == paths.template_dir().parent


def _event_row(db, **over):
    r = db.execute(
        "SELECT id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, reason "
        "FROM events WHERE entity = 'visit' AND field = 'commune' LIMIT 1"
    ).fetchone()
    row = dict(
        zip(("id", "insp", "entity", "entity_id", "field", "value", "ctx", "author", "device", "hlc", "reason"), r)
    )
    row.update(over)
    return tuple(row.values())


def test_check_event_accepts_a_real_event_and_refuses_bad_ones(db):
    _plan(db)
    far = 10**13
    good = _event_row(db)
    assert package.check_event(good, far)[:6] == good[:6]
    for bad, code in [
        (_event_row(db, entity="robot"), "unknown_entity"),
        (_event_row(db, field="password"), "unknown_field"),
        (_event_row(db, hlc="yesterday"), "invalid_clock"),
    ]:
        with pytest.raises(package._Bad) as err:
            package.check_event(bad, far)
        assert err.value.code == code
    with pytest.raises(package._Bad) as err:
        package.check_event(good, 0)  # a clock later than the limit
    assert err.value.code == "clock_future"
    with pytest.raises(package._Bad) as err:
        package.check_event(_event_row(db, id="not-a-uuid"), far)
    assert err.value.code == "bad_id"
    with pytest.raises(package._Bad) as err:
        package.check_event(_event_row(db, ctx=None), far)  # a visit names its inspection
    assert err.value.code == "lacks_ctx"
    # text is cleaned as typed input would be
    messy = package.check_event(_event_row(db, value=json.dumps("  Ninh   Xuân ", ensure_ascii=False)), far)
    assert json.loads(messy[5]) == "Ninh Xuân"


def test_cli_list_and_show_as_text(demo_path, tmp_path):
    inspector.open_db(demo_path).close()  # the copied database takes its new device id (a logged line) here
    run = CliRunner().invoke
    r = run(cli, ["--db", str(tmp_path / "empty.sqlite3"), "list"])
    assert r.exit_code == 0 and "No inspections yet" in r.output
    r = run(cli, ["--db", str(demo_path), "list"])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert "Kiểm tra công tác cải cách hành chính năm 2026" in lines[0] and "245/QĐ-UBND" in lines[0]
    assert sum("Khánh Hòa" in line for line in lines) == 2 and len(lines) == 6
    vid = lines[1].split()[0]
    r = run(cli, ["--db", str(demo_path), "show", vid])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Ninh Xuân, Khánh Hòa — 2026-11-17 (done)")
    assert "\nA. " in r.output and "  A1 " in r.output and "4 ảnh" in r.output
    r = run(cli, ["--db", str(demo_path), "checklist"])
    assert r.exit_code == 0 and "70 criteria" in r.output.splitlines()[0] and "[ảnh]" in r.output


def test_a_deleted_stored_as_text_by_an_earlier_version_still_merges(tmp_path, two):
    """Packages of databases where a removed member's deleted is the text "1" merge (as 1)."""
    from test_sync_helpers import reseal

    a, b = two
    insp, (m1, _m2), _ = _plan(a)
    _sync(a, b, tmp_path, "plan")
    ins.remove_member(a, m1.id)
    path = tmp_path / "old.cchc"
    sync.export_package(a, path, insp.id)
    import sqlite3

    c = sqlite3.connect(path)
    c.execute("UPDATE events SET value = '\"1\"' WHERE field = 'deleted'")
    c.commit()
    c.close()
    reseal(path)
    sync.merge_packages(b, [path])
    assert m1.id not in [m.id for m in ins.members(b, insp.id)]
    assert [e["value"] for e in events.history(b, m1.id, "deleted")] == [1]


def test_a_deleted_inspection_takes_its_visits_out_of_the_lists(db):
    insp, _, (v1, v2) = _plan(db)
    assert {v.id for v in ins.visits(db)} >= {v1.id, v2.id}
    ins.delete_inspection(db, insp.id)
    assert {v1.id, v2.id}.isdisjoint(v.id for v in ins.visits(db))


def test_a_member_salutation_arriving_by_package_is_checked():
    from inspector import package as pkg

    assert pkg.clean_value("salutation", "Bà") == "Bà" and pkg.clean_value("salutation", "") == ""
    with pytest.raises(pkg._Bad):
        pkg.clean_value("salutation", "Ngài")
    reps = pkg.clean_value("representatives", [{"name": "Lê Hoa", "position": "Chủ tịch", "salutation": "Bà"}])
    assert reps == [{"name": "Lê Hoa", "position": "Chủ tịch", "salutation": "Bà"}]


def test_package_files_opened_from_the_file_manager_go_to_the_window(tmp_path, monkeypatch):
    a, b = tmp_path / "xa-1.cchc", tmp_path / "XA-2.CCHC"
    a.write_bytes(b"x")
    b.write_bytes(b"x")
    assert launch.package_files([str(a), str(b)]) == [str(a), str(b)]
    assert launch.package_files([str(a), "list"]) == []
    assert launch.package_files([str(tmp_path / "gone.cchc")]) == [str(tmp_path / "gone.cchc")]  # the window says
    assert launch.package_files(["--db", "x.cchc"]) == []
    assert launch.package_files([]) == []
    seen = {}
    import ui.app

    monkeypatch.setattr(ui.app, "run", lambda db, packages=None: seen.setdefault("run", (db, packages)) and 0)
    assert launch.main([str(a)]) == 0
    assert seen["run"] == (None, [str(a)])
