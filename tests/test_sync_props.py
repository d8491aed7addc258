"""Property tests: three laptops edit, export and merge at random, with clocks days apart.

The test keeps its own model of the event graph (which changes each laptop knows, and the
parents each new change must have), and checks against it after every step: merging is
idempotent, commutative and associative; laptops that saw the same changes hold the same
state; nothing is lost; a conflict exists exactly when concurrent changes of a field differ.
"""

from __future__ import annotations

import shutil
import tempfile
import time as _time
from pathlib import Path

from hypothesis import HealthCheck, event, settings, target
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from test_sync_helpers import copy_db, plan, state

import inspector
from inspector import answers as ans
from inspector import events, sync

ITEMS = ("B2", "B3")
VALUES = ("dat", "khong_dat", "dat_mot_phan")
N = 3

# Counted over the runs of one test_laptops call: runs, runs whose model held a conflict at some
# check, runs where two laptops reached the same value concurrently (heads agreeing, no conflict).
STATS = {"runs": 0, "conflict_runs": 0, "agreeing_runs": 0, "conflict_checks": 0, "checks": 0}


class FakeClock:
    """Stands in for the time module inside inspector.events: each laptop has its own offset."""

    def __init__(self) -> None:
        self.offset = [0.0] * N
        self.current = 0

    def time(self) -> float:
        return _time.time() + self.offset[self.current]

    def __getattr__(self, name):
        return getattr(_time, name)


class Laptops(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="sync-props-"))
        self.clock = FakeClock()
        events.time = self.clock
        self.dbs = [inspector.open_db(self.dir / f"laptop{i}.sqlite3") for i in range(N)]
        self.insp, self.visits = plan(self.dbs[0], communes=("Ninh Xuân", "Ninh Đa"))
        sync.export_package(self.dbs[0], self.dir / "plan.cchc", self.insp)
        for db in self.dbs[1:]:
            sync.merge_packages(db, [self.dir / "plan.cchc"])
        base = self._ids(self.dbs[0])
        self.known = [set(base) for _ in range(N)]
        self.created: set[str] = set()
        self.model: dict[str, tuple[tuple[str, str], str, frozenset[str]]] = {}  # id -> (key, value, parents)
        self.packages: list[tuple[Path, frozenset[str]]] = []
        self.n = 0
        self.most_conflicts = 0
        self.agreeing = False

    # ---- model ------------------------------------------------------------------------
    @staticmethod
    def _ids(db) -> set[str]:
        return {r[0] for r in db.execute("SELECT id FROM events")}

    def _heads(self, lap: int, key) -> set[str]:
        mine = [e for e in self.known[lap] if e in self.model and self.model[e][0] == key]
        named = {p for e in mine for p in self.model[e][2]}
        return {e for e in mine if e not in named}

    def _conflicts(self, lap: int) -> set[tuple[str, str]]:
        keys = {self.model[e][0] for e in self.known[lap] if e in self.model}
        return {k for k in keys if len({self.model[e][1] for e in self._heads(lap, k)}) > 1}

    def _agreeing(self, lap: int) -> set[tuple[str, str]]:
        """Fields with several heads that all hold one value: concurrent, but not a conflict."""
        keys = {self.model[e][0] for e in self.known[lap] if e in self.model}
        return {
            k
            for k in keys
            if len(self._heads(lap, k)) > 1 and len({self.model[e][1] for e in self._heads(lap, k)}) == 1
        }

    def _path(self) -> Path:
        self.n += 1
        return self.dir / f"p{self.n}.cchc"

    # ---- rules ------------------------------------------------------------------------
    @rule(
        lap=st.integers(0, N - 1), visit=st.integers(0, 1), item=st.sampled_from(ITEMS), value=st.sampled_from(VALUES)
    )
    def edit(self, lap, visit, item, value):
        self._edit(lap, visit, item, value)

    def _edit(self, lap, visit, item, value):
        db = self.dbs[lap]
        self.clock.current = lap
        vid = self.visits[visit]
        aid = events.answer_id(vid, item)
        before = self._ids(db)
        shown = ans.get_answer(db, vid, item)
        ans.set_answer(db, vid, item, value)
        new = self._ids(db) - before
        if shown is not None and shown.value == value:
            assert not new  # the same value again writes nothing
            return
        (eid,) = new
        key = (aid, "value")
        parents = frozenset(r[0] for r in db.execute("SELECT parent FROM event_parents WHERE child = ?", [eid]))
        assert parents == self._heads(lap, key)  # a change knows exactly the heads its laptop had
        self.model[eid] = (key, value, parents)
        self.known[lap].add(eid)
        self.created.add(eid)

    @rule(
        pair=st.permutations(range(N)),
        visit=st.integers(0, 1),
        item=st.sampled_from(ITEMS),
        value=st.sampled_from(VALUES),
        data=st.data(),
    )
    def concurrent_edits(self, pair, visit, item, value, data):
        """Two laptops change the same field without having seen each other's change (the second
        value differs from the first, or is the same value reached on both), then the first sends
        its package to the second."""
        a, b = pair[0], pair[1]
        other = data.draw(st.sampled_from([value, *(v for v in VALUES if v != value)]), label="second value")
        event("concurrent edits: " + ("same value" if other == value else "different values"))
        self._edit(a, visit, item, value)
        self._edit(b, visit, item, other)
        self._send(a, b)

    @rule(pair=st.permutations(range(N)))
    def send(self, pair):
        """One laptop exports everything it has and another merges that package."""
        self._send(pair[0], pair[1])

    def _send(self, a, b):
        path = self._path()
        sync.export_package(self.dbs[a], path)
        self.packages.append((path, frozenset(self.known[a])))
        self._merge(b, [len(self.packages) - 1])

    def _merge(self, lap, picks):
        self.clock.current = lap
        before = self._conflicts(lap)
        report = sync.merge_packages(self.dbs[lap], [self.packages[i][0] for i in picks])
        assert not report.rejected
        for i in picks:
            self.known[lap] |= self.packages[i][1]
        # the report names every conflict the merge made (the window shows them from it)
        reported = {(c.entity_id, c.field) for c in report.conflicts}
        assert self._conflicts(lap) - before <= reported

    @rule(lap=st.integers(0, N - 1), days=st.sampled_from([-2, 0, 0, 3, 6]))
    def set_clock(self, lap, days):
        self.clock.offset[lap] = days * 86400.0

    @rule(lap=st.integers(0, N - 1))
    def export(self, lap):
        path = self._path()
        sync.export_package(self.dbs[lap], path)
        self.packages.append((path, frozenset(self.known[lap])))

    @precondition(lambda self: self.packages)
    @rule(lap=st.integers(0, N - 1), data=st.data())
    def merge(self, lap, data):
        picks = data.draw(st.lists(st.integers(0, len(self.packages) - 1), min_size=1, max_size=3))
        self._merge(lap, picks)

    @precondition(lambda self: len(self.packages) >= 2)
    @rule(lap=st.integers(0, N - 1), data=st.data())
    def merging_is_order_free(self, lap, data):
        """Idempotent, commutative, associative, checked on copies of one laptop."""
        picks = data.draw(st.lists(st.integers(0, len(self.packages) - 1), min_size=2, max_size=3, unique=True))
        paths = [self.packages[i][0] for i in picks]
        self.clock.current = lap
        n = self.n = self.n + 1
        a = copy_db(self.dbs[lap], self.dir / f"a{n}.sqlite3")
        b = copy_db(self.dbs[lap], self.dir / f"b{n}.sqlite3")
        c = copy_db(self.dbs[lap], self.dir / f"c{n}.sqlite3")
        sync.merge_packages(a, paths)
        once = state(a)
        sync.merge_packages(a, paths[::-1])
        assert state(a) == once  # idempotent
        sync.merge_packages(b, paths[::-1])
        assert state(b) == once  # commutative
        # associative: P ⊕ (Q ⊕ R), the inner merge made on another laptop and exported
        other = inspector.open_db(self.dir / f"o{n}.sqlite3")
        sync.merge_packages(other, paths[1:])
        grouped = self._path()
        sync.export_package(other, grouped)
        sync.merge_packages(c, [paths[0], grouped])
        assert state(c) == once
        for d in (a, b, c, other):
            d.conn.close()

    # ---- invariants -------------------------------------------------------------------
    @invariant()
    def matches_the_model(self):
        for lap, db in enumerate(self.dbs):
            assert self._ids(db) == self.known[lap]
            expected = self._conflicts(lap)
            found = {(c.entity_id, c.field) for c in events.conflicts(db)}
            assert found == expected
            assert events.scan_conflicts(db) == found  # the kept table = looking at every head
            assert events.conflict_count(db) == len(expected)
            STATS["checks"] += 1
            if expected:
                STATS["conflict_checks"] += 1
            self.most_conflicts = max(self.most_conflicts, len(expected))
            if self._agreeing(lap):
                self.agreeing = True

    @invariant()
    def same_changes_same_state(self):
        for i in range(N):
            for j in range(i + 1, N):
                if self.known[i] == self.known[j]:
                    assert state(self.dbs[i]) == state(self.dbs[j])

    def teardown(self):
        STATS["runs"] += 1
        STATS["conflict_runs"] += self.most_conflicts > 0
        STATS["agreeing_runs"] += self.agreeing
        event(f"conflicts held at once (most): {min(self.most_conflicts, 3)}{'+' if self.most_conflicts > 3 else ''}")
        event("same value reached concurrently: " + ("yes" if self.agreeing else "no"))
        target(float(self.most_conflicts), label="conflicts held at once")
        try:
            # full exchange: every laptop sends its package to every other
            if self.created:
                paths = []
                for db in self.dbs:
                    p = self._path()
                    sync.export_package(db, p)
                    paths.append(p)
                for lap, db in enumerate(self.dbs):
                    self.clock.current = lap
                    sync.merge_packages(db, paths)
                first = state(self.dbs[0])
                for db in self.dbs:
                    assert self.created <= self._ids(db)  # nothing lost
                    assert state(db) == first  # converged
                    assert sync.check_database(db) == []
        finally:
            events.time = _time
            for db in self.dbs:
                db.conn.close()
            shutil.rmtree(self.dir, ignore_errors=True)


SETTINGS = settings(
    max_examples=30,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def test_laptops():
    """The state machine's runs, then a check that they met conflicts: a law checked only on runs
    without any conflict would pass whatever conflicts() returned."""
    for k in STATS:
        STATS[k] = 0
    run_state_machine_as_test(Laptops, settings=SETTINGS)
    print("sync property runs:", STATS)
    assert STATS["runs"] >= 10
    assert STATS["conflict_runs"] >= STATS["runs"] // 4, f"too few runs held a conflict: {STATS}"
    assert STATS["agreeing_runs"] >= 1, f"no run reached the same value on two laptops concurrently: {STATS}"


def _two_laptops(tmp_path):
    dbs = [inspector.open_db(tmp_path / f"laptop{i}.sqlite3") for i in range(2)]
    insp, visits = plan(dbs[0], communes=("Ninh Xuân",))
    sync.export_package(dbs[0], tmp_path / "plan.cchc", insp)
    sync.merge_packages(dbs[1], [tmp_path / "plan.cchc"])
    return dbs, visits[0]


def test_concurrent_different_values_are_a_conflict_and_the_same_value_is_not(tmp_path):
    """The law the machine checks, on one fixed history (fails fast if conflicts are never found)."""
    (a, b), visit = _two_laptops(tmp_path)
    ans.set_answer(a, visit, "B2", "dat")
    ans.set_answer(b, visit, "B2", "khong_dat")
    ans.set_answer(a, visit, "B3", "dat_mot_phan")
    ans.set_answer(b, visit, "B3", "dat_mot_phan")
    sync.export_package(a, tmp_path / "a.cchc")
    report = sync.merge_packages(b, [tmp_path / "a.cchc"])
    b2 = (events.answer_id(visit, "B2"), "value")
    assert {(c.entity_id, c.field) for c in report.conflicts} == {b2}
    (c,) = events.conflicts(b)
    assert (c.entity_id, c.field) == b2
    assert sorted(h.value for h in c.heads) == ["dat", "khong_dat"]
    # the other way round too, and the same value on both laptops (two heads) is no conflict
    sync.export_package(b, tmp_path / "b.cchc")
    sync.merge_packages(a, [tmp_path / "b.cchc"])
    assert [(x.entity_id, x.field) for x in events.conflicts(a)] == [b2]
    b3 = events.answer_id(visit, "B3")
    assert (
        a.execute(
            "SELECT count(*) FROM events WHERE entity_id = ? AND field = 'value' AND is_head = 1", [b3]
        ).fetchone()[0]
        == 2
    )
    assert state(a)["conflicts"] == state(b)["conflicts"]
    for d in (a, b):
        d.conn.close()
