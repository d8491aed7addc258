"""Merging a package of 30 communes × 70 answers × 40 photos, against copying its rows.

Lower bound (same run, same machine): ATTACH the package and copy its events, parents,
checklist and photos with INSERT OR IGNORE … SELECT in one transaction. The merge does that
plus verification (integrity check, every photo's SHA-256, structure), heads, projection into
the record tables, conflict detection and the merge log. Target: ratio ≤ 3.

Run: uv run python bench/merge.py
"""

from __future__ import annotations

import hashlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import logging

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import events, sync
from inspector import inspections as ins

COMMUNES, ANSWERS, PHOTOS = 30, 70, 40
RUNS = 5  # best of: the disk of a shared machine is noisy


def jpeg(rng: random.Random, w: int = 160, h: int = 120) -> bytes:
    from PIL import Image

    img = Image.frombytes("RGB", (w, h), rng.randbytes(w * h * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


def build_source(path: Path) -> str:
    db = inspector.open_db(path)
    rng = random.Random(7)
    insp = ins.create_inspection(db, title="Bench")
    items = [i for i in cl.get(db, None).items if i.type != "text"][:ANSWERS]
    values = {"assessment": "dat", "yesno": "co", "count": "12", "ratio": "118/120"}
    batch = {}
    for c in range(COMMUNES):
        v = ins.add_visit(db, insp.id, commune=f"Xã {c:02d}", province="Khánh Hòa", date="2026-11-17")
        batch[v.id] = [ans.AnswerInput(i.code, values[i.type]) for i in items]
    ans.set_many(db, batch)
    with inspector.atomic(db):
        for vid in batch:
            changes = []
            for p in range(PHOTOS):
                data = jpeg(rng)
                sha = hashlib.sha256(data).hexdigest()
                db.execute(
                    "INSERT INTO photos(sha256, data, thumb, width, height, imported_at) "
                    "VALUES (?, ?, ?, 160, 120, datetime('now'))",
                    [sha, data, data[:512]],
                )
                aid = events.new_id()
                ctx = {"visit_id": vid}
                changes += [
                    events.Change("attachment", aid, "photo_sha256", sha, ctx),
                    events.Change("attachment", aid, "item_code", items[p % len(items)].code, ctx),
                    events.Change("attachment", aid, "ord", p, ctx),
                ]
            events.record(db, changes, inspection_id=insp.id)
    # a second round of edits so that events have parents
    ans.set_many(
        db, {vid: [ans.AnswerInput(i.code, "khong_dat") for i in items[:10] if i.type == "assessment"] for vid in batch}
    )
    db.conn.close()
    return insp.id


def lower_bound(target: Path, package: Path) -> float:
    db = inspector.open_db(target)
    conn = db.conn
    t = time.perf_counter()
    conn.execute("ATTACH DATABASE ? AS pkg", [str(package)])
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT OR IGNORE INTO checklist_versions SELECT * FROM pkg.checklist_versions")
    conn.execute("INSERT OR IGNORE INTO checklist_items SELECT * FROM pkg.checklist_items")
    conn.execute(f"INSERT OR IGNORE INTO photos({sync._PHOTO_COLS}) SELECT {sync._PHOTO_COLS} FROM pkg.photos")
    conn.execute("INSERT OR IGNORE INTO event_parents(child, parent) SELECT child, parent FROM pkg.event_parents")
    conn.execute(f"INSERT OR IGNORE INTO events({sync._EVENT_COLS}) SELECT {sync._EVENT_COLS} FROM pkg.events")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t
    conn.execute("DETACH DATABASE pkg")
    conn.close()
    return elapsed


def merge(target: Path, package: Path) -> tuple[float, sync.MergeReport]:
    db = inspector.open_db(target)
    t = time.perf_counter()
    report = sync.merge_packages(db, [package])
    elapsed = time.perf_counter() - t
    assert not report.rejected
    db.conn.close()
    return elapsed, report


def main() -> None:
    logging.disable(logging.WARNING)  # "copied or moved" notes of the copied targets
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        t = time.perf_counter()
        insp = build_source(d / "source.sqlite3")
        src = inspector.open_db(d / "source.sqlite3")
        package = d / "bench.cchc"
        t_build = time.perf_counter() - t
        t = time.perf_counter()
        sync.export_package(src, package, insp)
        t_export = time.perf_counter() - t
        n_events = src.execute("SELECT count(*) FROM events").fetchone()[0]
        src.conn.close()
        # empty targets with the checklist installed, as on a fresh laptop
        template = d / "empty.sqlite3"
        e = inspector.open_db(template)
        cl.ensure_default(e)
        e.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        e.conn.close()
        bounds, merges = [], []
        report = None
        for run in range(RUNS):
            for name, fn, out in (("copy", lower_bound, bounds), ("merge", merge, merges)):
                target = d / f"{name}{run}.sqlite3"
                target.write_bytes(template.read_bytes())
                r = fn(target, package)
                if isinstance(r, tuple):
                    r, report = r
                out.append(r)
        again = inspector.open_db(d / "merge0.sqlite3")
        t = time.perf_counter()
        sync.merge_packages(again, [package])
        t_again = time.perf_counter() - t
        again.conn.close()
        best_copy, best_merge = min(bounds), min(merges)
        size = package.stat().st_size
        print(
            f"package: {COMMUNES} communes × {ANSWERS} answers × {PHOTOS} photos = {n_events} events, "
            f"{report.added['photos']} photos, {size / 1e6:.1f} MB (built in {t_build:.1f} s, exported in {t_export:.2f} s)"
        )
        print(f"lower bound, INSERT OR IGNORE … SELECT: {best_copy * 1000:.0f} ms (best of {RUNS})")
        print(f"merge_packages (verify + apply):        {best_merge * 1000:.0f} ms (best of {RUNS})")
        print(f"same package again (adds nothing):      {t_again * 1000:.0f} ms")
        print(f"ratio merge / lower bound: {best_merge / best_copy:.2f} (target ≤ 3)")


if __name__ == "__main__":
    main()
