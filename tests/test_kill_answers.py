"""kill -9 while answers are written: what was acknowledged is stored, and the events and the
answers table agree (no event without its projected row, no row ahead of its events).

The kill is made to land at chosen points: the child traces its SQL and kills itself as a COMMIT
starts, for several consecutive COMMITs. An answer whose row were written in a transaction of its
own after its event's would leave, at one of these points, an event without its row; a random
kill would only find that window by luck.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap

import pytest

import inspector
from inspector import answers as ans
from inspector import inspections as ins


def answers_match_events(db) -> list[str]:
    """Every answer field's head event is in the answers table, and nothing else is: a list of
    the disagreements (empty when consistent)."""
    problems = []
    winner: dict[tuple[str, str], tuple] = {}
    for entity_id, field, value, hlc in db.execute(
        "SELECT entity_id, field, value, hlc FROM events WHERE entity = 'answer' AND is_head = 1 "
        "ORDER BY entity_id, field, hlc, device, id"
    ):
        winner[(entity_id, field)] = (json.loads(value), hlc)  # the greatest (clock, device, id) wins
    latest: dict[str, str] = {}
    for (entity_id, field), (value, hlc) in winner.items():
        latest[entity_id] = max(latest.get(entity_id, ""), hlc)
        row = db.execute(f"SELECT {field} FROM answers WHERE id = ?", [entity_id]).fetchone()
        if row is None:
            problems.append(f"event of {entity_id}.{field} = {value!r} without an answers row")
        elif str(row[0]) != str(value) and not (row[0] in (None, "") and value in (None, "")):
            problems.append(f"{entity_id}.{field}: row holds {row[0]!r}, its event {value!r}")
    for entity_id, updated in db.execute("SELECT id, updated FROM answers"):
        if entity_id not in latest:
            problems.append(f"answers row {entity_id} without events")
        elif updated != latest[entity_id]:
            problems.append(f"answers row {entity_id} updated {updated}, its last event {latest[entity_id]}")
    return problems


CHILD = textwrap.dedent("""
    import os, signal, sys
    import inspector
    from inspector import answers as ans
    db = inspector.open_db(sys.argv[1])
    visit, kill_at = sys.argv[2], int(sys.argv[3])
    commits = 0
    def trace(sql):
        global commits
        if sql.strip().upper().startswith(("COMMIT", "END")):
            commits += 1
            if commits == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)   # as the transaction's COMMIT starts
    db.conn.set_trace_callback(trace)
    i = 0
    while True:
        i += 1
        ans.set_answer(db, visit, "D11", str(i), note=f"lần {i}")
        ans.set_answer(db, visit, "A1", ("dat", "khong_dat")[i % 2])
        print(i, flush=True)
""")


@pytest.fixture
def visit_db(db_path):
    db = inspector.open_db(db_path)
    insp = ins.create_inspection(db, title="x")
    visit = ins.add_visit(db, insp.id, commune="Ninh Đa")
    db.conn.close()
    return db_path, visit.id


@pytest.mark.parametrize("kill_at", [7, 8, 9, 10, 11, 12])
def test_a_kill_at_any_commit_leaves_events_and_answers_consistent(visit_db, kill_at):
    db_path, visit = visit_db
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(db_path), visit, str(kill_at)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    acknowledged = [int(x) for x in proc.stdout.split()]
    last = acknowledged[-1] if acknowledged else 0
    db = inspector.open_db(db_path)
    try:
        assert inspector.db.integrity_errors(db) == []
        assert answers_match_events(db) == []
        a = ans.get_answer(db, visit, "D11")
        stored = int(a.value) if a else 0
        # every acknowledged pair is there; the pair in flight is there whole, in part or not at all
        assert last <= stored <= last + 1
        if stored:
            assert a.note == f"lần {stored}"
        if last:
            assert ans.get_answer(db, visit, "A1").value in ("dat", "khong_dat")
    finally:
        db.conn.close()


BURST = textwrap.dedent("""
    import sys
    import inspector
    from inspector import answers as ans
    db = inspector.open_db(sys.argv[1])
    i = 0
    while True:
        i += 1
        ans.set_answer(db, sys.argv[2], "D11", str(i), note=f"lần {i}")
        print(i, flush=True)
""")


def test_sigkill_during_a_burst_keeps_everything_acknowledged(visit_db):
    """A kill at a random moment: the bound is taken from every line the child printed before it
    died (read after the kill), not from the line that made us send it."""
    db_path, visit = visit_db
    proc = subprocess.Popen([sys.executable, "-c", BURST, str(db_path), visit], stdout=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if int(line) >= 150:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    last = int(line)
    for line in proc.stdout:  # acknowledged after the line we read, before the kill
        last = int(line)
    db = inspector.open_db(db_path)
    try:
        assert inspector.db.integrity_errors(db) == []
        assert answers_match_events(db) == []
        a = ans.get_answer(db, visit, "D11")
        stored = int(a.value)
        assert last <= stored <= last + 1
        assert a.note == f"lần {stored}"
        n_events = db.execute("SELECT count(*) FROM events WHERE entity = 'answer'").fetchone()[0]
        assert n_events == 2 * stored
    finally:
        db.conn.close()
