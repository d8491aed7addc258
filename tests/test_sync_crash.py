"""SIGKILL in the middle of a merge leaves the database as it was before, or fully merged."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from test_sync_helpers import add_photo, plan, state

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import sync

CHILD = textwrap.dedent("""
    import sys
    import inspector
    from inspector import sync
    db = inspector.open_db(sys.argv[1])
    print("go", flush=True)
    sync.merge_packages(db, [sys.argv[2]])
    print("done", flush=True)
""")


@pytest.fixture(scope="module")
def big_package(tmp_path_factory):
    d = tmp_path_factory.mktemp("crash")
    db = inspector.open_db(d / "source.sqlite3")
    insp, visits = plan(db, communes=tuple(f"Xã {i}" for i in range(8)))
    items = [i for i in cl.get(db, None).items if i.type == "assessment"]
    ans.set_many(db, {v: [ans.AnswerInput(i.code, "dat") for i in items] for v in visits})
    for n in range(240):
        add_photo(db, visits[n % len(visits)], insp, seed=n)
    sync.export_package(db, d / "big.cchc", insp)
    db.conn.close()
    return d / "big.cchc"


def test_sigkill_during_merge(tmp_path, big_package):
    base = tmp_path / "base.sqlite3"
    db = inspector.open_db(base)
    plan(db, communes=("Tòng Bạt",))  # some data of its own
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = state(db)
    db.conn.close()
    merged = tmp_path / "merged.sqlite3"
    shutil.copy2(base, merged)
    m = inspector.open_db(merged)
    sync.merge_packages(m, [big_package])
    after = state(m)
    m.conn.close()
    assert after != before

    outcomes = []
    for n, delay in enumerate([0.0, 0.005, 0.01, 0.02, 0.04, 0.08, 0.15, 0.3]):
        target = tmp_path / f"t{n}.sqlite3"
        shutil.copy2(base, target)
        proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), str(big_package)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout.readline().strip() == "go"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        t = inspector.open_db(target)
        assert inspector.db.integrity_errors(t) == []
        now = state(t)
        assert now in (before, after), f"partial merge after {delay} s"
        assert len(sync.merge_log(t)) == (1 if now == after else 0)
        outcomes.append(now == after)
        t.conn.close()
    print("merged after kill:", outcomes)
    assert False in outcomes  # at least one kill landed before the commit
