"""Tests that kill the mutants of inspector/events.py a mutation run left alive (tools/mutation.py):
history's records, hlc_time, the receiving clock's rules, conflict ids and conflicted keys."""

from __future__ import annotations

import re
import time

from test_sync_helpers import plan

import inspector
from inspector import answers as ans
from inspector import db as dbmod
from inspector import events
from inspector import inspections as ins


def test_history_records_every_change_oldest_first_with_its_fields(db):
    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat", author="Lan")
    ans.set_answer(db, v, "B2", "khong_dat", note="Thiếu bảng", author="Minh")
    aid = events.answer_id(v, "B2")
    all_ = events.history(db, aid)
    assert [e["field"] for e in all_] == ["value", "value", "note"]
    assert [e["value"] for e in all_] == ["dat", "khong_dat", "Thiếu bảng"]
    assert set(all_[0]) == {"id", "field", "value", "author", "device", "hlc", "reason"}
    assert all_[0]["author"] == "Lan" and all_[1]["author"] == "Minh"
    assert all_[0]["device"] == dbmod.device_id(db) and all_[0]["reason"] is None
    assert [e["hlc"] for e in all_] == sorted(e["hlc"] for e in all_)
    assert [e["value"] for e in events.history(db, aid, "note")] == ["Thiếu bảng"]


def test_hlc_time_shows_the_local_time_and_nothing_for_an_unreadable_value():
    ms = int(time.mktime((2026, 11, 17, 9, 42, 0, 0, 0, -1)) * 1000)
    assert events.hlc_time(f"{ms:013d}.000003") == "2026-11-17 09:42"
    for bad in ("", "x.y", "abc", None):
        assert events.hlc_time(bad) == ""


def test_the_clock_adopts_a_value_a_little_ahead_exactly_and_never_goes_back(db):
    now = int(time.time() * 1000)
    ahead = f"{now + 60_000:013d}.000007"  # a minute ahead: within the margin
    with inspector.atomic(db):
        events.observe_hlc(db, ahead)
    assert dbmod.meta_get(db, "hlc") == ahead
    with inspector.atomic(db):
        events.observe_hlc(db, f"{now - 3_600_000:013d}.000000")  # an older value: ignored
        events.observe_hlc(db, "not a clock")
    assert dbmod.meta_get(db, "hlc") == ahead
    with inspector.atomic(db):
        events.observe_hlc(db, f"{now + 10 * 86_400_000:013d}.000005")  # days ahead: capped, counter reset
    capped = dbmod.meta_get(db, "hlc")
    ms, counter = int(capped[:13]), capped[14:]
    assert now + events.CLOCK_MARGIN_MS <= ms <= int(time.time() * 1000) + events.CLOCK_MARGIN_MS
    assert counter == "000000"
    with inspector.atomic(db):
        nxt = events.next_hlcs(db, 1)[0]
    assert nxt > capped and re.fullmatch(r"\d{13}\.\d{6}", nxt)


def test_a_fresh_database_adopts_the_first_clock_it_sees(db):
    assert dbmod.meta_get(db, "hlc") is None or dbmod.meta_get(db, "hlc") < "0000000000002"
    db.execute("DELETE FROM meta WHERE key = 'hlc'")
    with inspector.atomic(db):
        events.observe_hlc(db, "0000000000000.000001")
    assert dbmod.meta_get(db, "hlc") == "0000000000000.000001"


def test_conflict_ids_are_short_stable_and_distinct():
    a = events.conflict_id("11111111-1111-4111-8111-111111111111", "value")
    assert re.fullmatch(r"[0-9a-f]{8}", a) and a == events.conflict_id("11111111-1111-4111-8111-111111111111", "value")
    assert a != events.conflict_id("11111111-1111-4111-8111-111111111111", "note")


def test_update_conflicts_keeps_the_fields_whose_heads_differ(db):
    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat")
    ans.set_answer(db, v, "B3", "dat")
    b2, b3 = events.answer_id(v, "B2"), events.answer_id(v, "B3")
    db.execute("CREATE TEMP TABLE k (entity_id, field)")
    db.conn.executemany("INSERT INTO k VALUES (?, ?)", [(b2, "value"), (b3, "value")])
    assert events.update_conflicts(db, "temp.k") == set()
    # a second head of B2 with another value, as a merge from another laptop leaves it
    ctx = {"visit_id": v, "item_code": "B2"}
    with inspector.atomic(db):
        eid = events.new_id()
        db.execute(
            "INSERT INTO events(id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, is_head) "
            "SELECT ?, inspection_id, entity, entity_id, field, '\"khong_dat\"', ?, 'x', ?, hlc, 1 FROM events "
            "WHERE entity_id = ? AND field = 'value'",
            [eid, events.dump(ctx), events.new_id(), b2],
        )
    assert events.conflict_count(db) == 0  # the table is kept by record and merge, not by a scan
    assert events.scan_conflicts(db) == {(b2, "value")}
    assert events.update_conflicts(db, "temp.k") == {(b2, "value")}
    assert events.conflict_count(db) == 1
    assert [c.entity_id for c in events.conflicts(db)] == [b2]


def test_a_conflicts_heads_carry_their_own_author_device_and_clock(db):
    """Each head of a conflict says who, on which laptop, when; a head without an author says ""."""
    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat", author="Lan")
    b2 = events.answer_id(v, "B2")
    other = events.new_id()
    with inspector.atomic(db):
        db.execute(
            "INSERT INTO events(id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, is_head) "
            "SELECT ?, inspection_id, entity, entity_id, field, '\"khong_dat\"', ctx, NULL, ?, hlc || '9', 1 "
            "FROM events WHERE entity_id = ? AND field = 'value'",
            [events.new_id(), other, b2],
        )
        db.execute("CREATE TEMP TABLE k2 (entity_id, field)")
        db.execute("INSERT INTO k2 VALUES (?, 'value')", [b2])
        events.update_conflicts(db, "temp.k2")
    (c,) = events.conflicts(db)
    mine, theirs = c.heads
    assert (mine.value, mine.author, mine.device) == ("dat", "Lan", dbmod.device_id(db))
    assert (theirs.value, theirs.author, theirs.device) == ("khong_dat", "", other)
    assert theirs.hlc == mine.hlc + "9" and mine.hlc < theirs.hlc


def test_a_clock_exactly_at_the_cap_keeps_its_counter(db, monkeypatch):
    now = 1_790_000_000_000
    monkeypatch.setattr(events.time, "time", lambda: now / 1000)
    cap = now + events.CLOCK_MARGIN_MS
    with inspector.atomic(db):
        events.observe_hlc(db, f"{cap:013d}.000005")
    assert dbmod.meta_get(db, "hlc") == f"{cap:013d}.000005"
    with inspector.atomic(db):
        events.observe_hlc(db, f"{cap + 1:013d}.000005")  # past the cap: the cap, counter 0
    assert dbmod.meta_get(db, "hlc") == f"{cap:013d}.000005"  # not greater than what it has


def test_reproject_table_says_how_many_fields_it_projected(db):
    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat")
    ans.set_answer(db, v, "B3", "khong_dat", note="Thiếu")
    b2, b3 = events.answer_id(v, "B2"), events.answer_id(v, "B3")
    with inspector.atomic(db):
        db.execute("CREATE TEMP TABLE k3 (entity_id, field)")
        db.conn.executemany("INSERT INTO k3 VALUES (?, ?)", [(b2, "value"), (b3, "value"), (b3, "note"), (b3, "note")])
        assert events.reproject_table(db, "temp.k3") == 3
        db.execute("DELETE FROM temp.k3")
        assert events.reproject_table(db, "temp.k3") == 0
    assert ans.get_answer(db, v, "B3").note == "Thiếu"


def test_reprojection_refuses_a_field_it_does_not_know_naming_it(db):
    import pytest

    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat")
    with inspector.atomic(db):
        db.execute(
            "INSERT INTO events(id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, is_head) "
            "SELECT ?, inspection_id, 'bogus', 'b-1', 'x', value, ctx, author, device, hlc, 1 FROM events LIMIT 1",
            [events.new_id()],
        )
        db.execute("CREATE TEMP TABLE k4 (entity_id, field)")
        db.execute("INSERT INTO k4 VALUES ('b-1', 'x')")
        with pytest.raises(ValueError, match=r"^unknown entity or field bogus\.x$"):
            events.reproject_table(db, "temp.k4")


def test_an_answers_id_is_the_uuid5_of_its_visit_and_item():
    import uuid

    ns = uuid.UUID(bytes=events._NS_BYTES)
    for visit_id, code in (("5afbd432-e3db-43d9-baa9-e9388901a52b", "B2"), ("x", "D11"), ("Ninh Xuân", "A1")):
        got = events.answer_id(visit_id, code)
        assert got == str(uuid.uuid5(ns, f"{visit_id}/{code}"))
        assert uuid.UUID(got).version == 5 and uuid.UUID(got).variant == uuid.RFC_4122


def test_a_change_of_an_unknown_entity_or_field_is_refused_in_words(db):
    import pytest

    for change, words in (
        (events.Change("nope", "x", "title", "a", {}), "unknown entity 'nope'"),
        (events.Change("visit", "x", "nope", "a", {}), "visit has no field 'nope'"),
    ):
        with pytest.raises(ValueError) as e:
            events.record(db, [change], inspection_id="i")
        assert str(e.value) == words


def test_the_folded_commune_is_kept_for_over_a_thousand_visits_recorded_at_once(db):
    insp = ins.create_inspection(db, title="Kiểm tra CCHC 2026")
    ctx = {"inspection_id": insp.id}
    ids = events.new_ids(1100)
    with inspector.atomic(db):
        events.record(
            db,
            [events.Change("visit", i, "commune", f"Xã Ninh Xuân {n}", ctx) for n, i in enumerate(ids)],
            inspection_id=insp.id,
        )
    keys = dict(db.execute("SELECT id, commune_key FROM visits"))
    assert len(keys) == 1100 and keys[ids[-1]] == "xa ninh xuan 1099" and keys[ids[0]] == "xa ninh xuan 0"


def _clock(db, monkeypatch, now_ms: int, stored: str | None, n: int) -> list[str]:
    """n clock values asked of a database whose stored clock is `stored`, at a frozen time."""
    monkeypatch.setattr(events.time, "time", lambda: now_ms / 1000)
    with inspector.atomic(db):
        if stored is not None:
            dbmod.meta_set(db, "hlc", stored)
        out = events.next_hlcs(db, n)
    if out:
        assert dbmod.meta_get(db, "hlc") == out[-1]  # the next call goes on from the last value given
    return out


T = 1_790_000_000_000  # a fixed moment in 2026, in ms


def _h(ms: int, c: int) -> str:
    return f"{ms:013d}.{c:06d}"


def test_a_fresh_clock_starts_at_this_machines_time_and_counts_up(db, monkeypatch):
    assert _clock(db, monkeypatch, T, None, 3) == [_h(T, 0), _h(T, 1), _h(T, 2)]
    assert _clock(db, monkeypatch, T, None, 1) == [_h(T, 3)]  # the same millisecond: the counter goes on
    assert _clock(db, monkeypatch, T + 5, None, 1) == [_h(T + 5, 0)]  # time moved: the counter starts again
    assert _clock(db, monkeypatch, T + 5, None, 0) == []
    assert dbmod.meta_get(db, "hlc") == _h(T + 5, 0)


def test_a_clock_behind_this_machine_jumps_to_its_time(db, monkeypatch):
    assert _clock(db, monkeypatch, T, _h(T - 10, 3), 1) == [_h(T, 0)]
    assert _clock(db, monkeypatch, T, "not a clock", 1) == [_h(T, 0)]


def test_a_clock_ahead_within_the_margin_is_kept_and_beyond_it_is_pulled_back(db, monkeypatch):
    m = events.CLOCK_MARGIN_MS
    assert _clock(db, monkeypatch, T, _h(T + m, 5), 1) == [_h(T + m, 6)]  # at the margin: kept
    assert _clock(db, monkeypatch, T, _h(T + 1000, 5), 1) == [_h(T + 1000, 6)]
    assert _clock(db, monkeypatch, T, _h(T + m + 1000, 9), 2) == [_h(T + m, 1), _h(T + m, 2)]  # pulled back


def test_the_counter_rolls_over_into_the_next_millisecond(db, monkeypatch):
    top = events._MAX_COUNTER
    assert _clock(db, monkeypatch, T, _h(T, top - 2), 3) == [_h(T, top - 1), _h(T, top), _h(T + 1, 0)]
    assert _clock(db, monkeypatch, T, None, 2) == [_h(T + 1, 1), _h(T + 1, 2)]


def test_a_clock_value_without_a_counter_reads_as_counter_zero():
    assert events._parse_hlc("1790000000000") == (T, 0)
    assert events._parse_hlc(_h(T, 42)) == (T, 42)


def test_a_list_value_is_stored_as_readable_json_text(db):
    _, (v, *_) = plan(db)
    ins.update_visit(db, v, representatives=[{"name": "Nguyễn Văn Ánh", "position": "Chủ tịch"}])
    (raw,) = db.execute("SELECT representatives FROM visits WHERE id = ?", [v]).fetchone()
    assert "Nguyễn Văn Ánh" in raw and "\\u" not in raw
