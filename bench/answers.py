"""Record 10,000 answers as one batch through the core (events included) vs a raw executemany.

Prints the time of each and their ratio; the lower bound is inserting the same answer rows
into the same schema with one executemany in one transaction, measured in the same run.
Run: uv run python bench/answers.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import events
from inspector import inspections as ins

N_VISITS = 143  # x 70 items = 10,010 answers


def setup(path: Path):
    db = inspector.open_db(path)
    insp = ins.create_inspection(db, title="Bench")
    visit_ids = [ins.add_visit(db, insp.id, commune=f"Xã {i}").id for i in range(N_VISITS)]
    return db, visit_ids


def values(checklist):
    v = {"assessment": "dat", "yesno": "co", "count": "7", "ratio": "45/48", "text": "Ghi nhận"}
    return [(i.code, v[i.type]) for i in checklist.items]


def run_core(tmp: Path, k: int) -> float:
    db, visit_ids = setup(tmp / f"core{k}.sqlite3")
    items = values(cl.get(db, None))
    batch = {vid: [ans.AnswerInput(code, val) for code, val in items] for vid in visit_ids}
    t = time.perf_counter()
    n = ans.set_many(db, batch)
    dt = time.perf_counter() - t
    assert n == len(visit_ids) * len(items), n
    db.conn.close()
    return dt


def run_raw(tmp: Path, k: int, with_events: bool) -> float:
    db, visit_ids = setup(tmp / f"raw{k}{with_events}.sqlite3")
    items = values(cl.get(db, None))
    pairs = [(v, code, val) for v in visit_ids for code, val in items]
    rows = [(events.answer_id(v, code), v, code, val, "x") for v, code, val in pairs]
    ids = events.new_ids(len(pairs))
    ev = [
        (
            eid,
            "i",
            "answer",
            r[0],
            "value",
            events.dump(val),
            events.dump({"visit_id": v, "item_code": code}),
            "a",
            "d",
            f"{n:020d}",
            None,
        )
        for eid, r, (v, code, val), n in zip(ids, rows, pairs, range(len(rows)))
    ]
    t = time.perf_counter()
    with inspector.atomic(db):
        if with_events:
            db.conn.executemany(
                "INSERT INTO events(id, inspection_id, entity, entity_id, field, value, ctx, author,"
                " device, hlc, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                ev,
            )
        db.conn.executemany("INSERT INTO answers(id, visit_id, item_code, value, updated) VALUES (?,?,?,?,?)", rows)
    dt = time.perf_counter() - t
    db.conn.close()
    return dt


def main() -> None:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        core, raw, raw_ev = [], [], []
        for k in range(5):  # interleaved, so noise hits all alike
            raw.append(run_raw(tmp, k, False))
            raw_ev.append(run_raw(tmp, k, True))
            core.append(run_core(tmp, k))
    c, r, re_ = statistics.median(core), statistics.median(raw), statistics.median(raw_ev)
    n = N_VISITS * 70
    print(f"answers: {n} answers through the core (checked, events included): {c * 1000:.1f} ms")
    print(f"answers: bound A, one raw executemany of the answer rows:         {r * 1000:.1f} ms")
    print(f"answers: bound B, raw executemany of the same event + answer rows: {re_ * 1000:.1f} ms")
    print(f"answers: ratio to A {c / r:.2f}; ratio to B {c / re_:.2f} (target <= 3)")


if __name__ == "__main__":
    main()
