"""A province's year in one database: does anything at the home office grow with the whole database?

Builds three home-office databases the way an office does: a plan (one inspection, its communes)
exported; laptops of up to 25 communes each merge it and fill, per commune, 70 answers (half with
a note), 4 findings and 40 photos with captions, then send their packages, which the office
merges; a reviewer's laptop that changed three answers of the first commune makes three
conflicts. Photos are small synthetic JPEGs (the counts of events, visits and photos are those of
a real office; their bytes are not). Sizes: 5, 50 and 300 communes.

Then, on each database, in the same run, it measures:
  start      process start to the window shown and the conflicts counted (fresh process, median)
  switch     choosing another commune in the window (median over communes)
  conflicts  events.conflict_count (best of many)
  refresh    the window's update after a merge of a late laptop's package (median of 3)
  list       `inspector list --json` (fresh process, median)
  summary    `inspector summary ID -o x.xlsx` (fresh process, median) and its peak memory
  merge      merging one package of another inspection of 25 communes (best of 2)
and prints the ratio of the 300-commune figure to the 5-commune one (summary: also 300 / 50).
Targets (issue 14): start, switch, conflicts <= 1.2; refresh <= 2; summary 300/50 <= 6 and its
memory at 300 <= 1.3 x at 5.

Run: uv run python bench/scale.py [--sizes 5,50,300] [--keep DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import inspector
from inspector import answers as ans
from inspector import checklist as cl
from inspector import events, sync
from inspector import inspections as ins

sys.path.insert(0, str(Path(__file__).resolve().parent))
from merge import jpeg  # small random JPEGs, as the merge bench makes them

PER_LAPTOP, PHOTOS, FINDINGS = 25, 40, 4
NAMES = [
    "Ninh Xuân", "Đồng Hóa", "Tòng Bạt", "Hòa Thắng", "Ea Kao", "Quảng Phú", "Tân Lập", "Hương Trà",
    "Đông Hòa", "Cam Lâm", "Vạn Ninh", "Diên Khánh", "Khánh Sơn", "Bắc Ái", "Thuận Nam", "Phước Hậu",
]  # fmt: skip


def commune(n: int) -> str:
    return f"{NAMES[n % len(NAMES)]} {n // len(NAMES) + 1}"


def fill(db, visit_ids: list[str], rng: random.Random, insp_id: str) -> None:
    """What a laptop enters at each commune: answers (half with a note), findings, photos."""
    items = cl.get(db, None).items
    values = {"assessment": "dat", "yesno": "co", "count": "12", "ratio": "118/120", "text": "Có niêm yết"}
    ans.set_many(
        db,
        {
            vid: [
                ans.AnswerInput(it.code, values[it.type], note="Đã xem hồ sơ tại bộ phận một cửa" if k % 2 else None)
                for k, it in enumerate(items)
            ]
            for vid in visit_ids
        },
    )
    for vid in visit_ids:
        for k in range(FINDINGS):
            ins.add_finding(db, vid, kind=("uu_diem", "ton_tai", "nguyen_nhan", "kien_nghi")[k], text=f"Nội dung {k}")
        changes = []
        with inspector.atomic(db):
            for p in range(PHOTOS):
                data = jpeg(rng)
                sha = hashlib.sha256(data).hexdigest()
                db.execute(
                    "INSERT OR IGNORE INTO photos(sha256, data, thumb, width, height, taken_at, imported_at) "
                    "VALUES (?, ?, ?, 160, 120, '2026-11-17T09:05:00', '2026-11-17T12:00:00')",
                    [sha, data, jpeg(rng, 40, 30)],
                )
                aid = events.new_id()
                ctx = {"visit_id": vid}
                changes += [
                    events.Change("attachment", aid, "photo_sha256", sha, ctx),
                    events.Change("attachment", aid, "item_code", items[p % len(items)].code, ctx),
                    events.Change("attachment", aid, "caption", f"Ảnh {p + 1}", ctx),
                    events.Change("attachment", aid, "ord", p, ctx),
                ]
            events.record(db, changes, inspection_id=insp_id)
        ins.update_visit(db, vid, status="done")


def laptop(path: Path, plan: Path, author: str):
    db = inspector.open_db(path)
    inspector.db.set_author(db, author, "thanh_vien")
    sync.merge_packages(db, [plan])
    return db


def build_office(d: Path, communes: int) -> tuple[Path, str, list[str], Path]:
    """The office database; returns (path, inspection id, visit ids, plan package)."""
    path = d / f"office-{communes}.sqlite3"
    office = inspector.open_db(path)
    inspector.db.set_author(office, "Phạm Thu Hà", "thu_ky")
    insp = ins.create_inspection(
        office,
        title="Kiểm tra công tác cải cách hành chính năm 2026",
        decision_no="245/QĐ-UBND",
        decision_date="2026-10-30",
    )
    for name, role in (("Nguyễn Văn An", "truong_doan"), ("Lê Thị Bình", "thanh_vien"), ("Phạm Thu Hà", "thu_ky")):
        ins.add_member(office, insp.id, name=name, role=role, position="Chuyên viên", agency="Sở Nội vụ")
    vids = [
        ins.add_visit(office, insp.id, commune=commune(n), province="Khánh Hòa", date=f"2026-11-{1 + n % 28:02d}").id
        for n in range(communes)
    ]
    plan = d / f"plan-{communes}.cchc"
    sync.export_package(office, plan, insp.id)
    rng = random.Random(communes)
    for k in range(0, communes, PER_LAPTOP):
        chunk = vids[k : k + PER_LAPTOP]
        lap = laptop(d / f"lap-{communes}-{k}.sqlite3", plan, f"Cán bộ {k}")
        fill(lap, chunk, rng, insp.id)
        pkg = d / f"lap-{communes}-{k}.cchc"
        sync.export_package(lap, pkg, insp.id)
        lap.conn.close()
        (d / f"lap-{communes}-{k}.sqlite3").unlink()
        sync.merge_packages(office, [pkg])
        pkg.unlink()
    # a reviewer changed three answers of the first commune without seeing the laptop's: conflicts
    rev = laptop(d / f"rev-{communes}.sqlite3", plan, "Người rà soát")
    judged = [it.code for it in cl.get(rev, None).items if it.type == "assessment"][:3]
    ans.set_answers(rev, vids[0], [ans.AnswerInput(c, "khong_dat") for c in judged])
    sync.export_package(rev, d / f"rev-{communes}.cchc", insp.id)
    rev.conn.close()
    sync.merge_packages(office, [d / f"rev-{communes}.cchc"])
    office.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    office.conn.close()
    return path, insp.id, vids, plan


def late_packages(d: Path, communes: int, plan: Path, insp_id: str, vids: list[str], n: int = 3) -> list[Path]:
    """Packages of a laptop that comes back late: each changes one more commune's answers."""
    out = []
    lap = laptop(d / f"late-{communes}.sqlite3", plan, "Cán bộ đến sau")
    items = cl.get(lap, None).items
    for k in range(n):
        ans.set_answers(
            lap, vids[1 + k], [ans.AnswerInput(it.code, "khong_dat") for it in items if it.type == "assessment"]
        )
        p = d / f"late-{communes}-{k}.cchc"
        sync.export_package(lap, p, insp_id)
        out.append(p)
    lap.conn.close()
    return out


def other_package(d: Path) -> Path:
    """A package of another inspection (25 communes filled): the same for every office."""
    db = inspector.open_db(d / "other.sqlite3")
    insp = ins.create_inspection(db, title="Giám sát năm 2026", kind="giam_sat")
    vids = [ins.add_visit(db, insp.id, commune=commune(n), province="Khánh Hòa").id for n in range(PER_LAPTOP)]
    fill(db, vids, random.Random(99), insp.id)
    p = d / "other.cchc"
    sync.export_package(db, p, insp.id)
    db.conn.close()
    return p


# ---- measuring ---------------------------------------------------------------------------------

START = """
import sys, time
sys.path.insert(0, {root!r})
from ui.launch import main
from PySide6.QtWidgets import QApplication
def _shown(self=None):
    for _ in range(3):  # the first paint, then what the window does right after it (the conflict count)
        QApplication.processEvents()
    print(time.time())
    return 0
QApplication.exec = _shown
sys.argv = ["inspector", "--db", {db!r}]
main()
"""

# Peak memory from VmHWM, the high-water mark of this process's own memory (ru_maxrss would also
# count the parent's memory when the child was started by vfork).
CLI = """
import sys, time
sys.path.insert(0, {root!r})
t0 = time.time()
from inspector.cli import main
code = main({args!r})
elapsed = time.time() - t0
with open("/proc/self/status") as f:
    peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
print(elapsed, peak, code)
"""


def child(code: str) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return out.stdout.strip().splitlines()[-1].split()


def start_time(db: Path) -> float:
    t0 = time.time()
    return float(child(START.format(root=str(ROOT), db=str(db)))[0]) - t0


def cli_run(args: list[str]) -> tuple[float, int]:
    """(seconds, peak memory in KiB) of an `inspector` command in a fresh process."""
    t, rss, code = child(CLI.format(root=str(ROOT), args=args))
    assert code == "0", args
    return float(t), int(rss)


def in_window(db_path: Path, insp_id: str, vids: list[str], late: list[Path]) -> dict[str, float]:
    """Switching commune and the update after merges, in one window on a copy of the database."""
    from PySide6.QtWidgets import QApplication

    from ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    db = inspector.open_db(db_path)
    w = MainWindow(db, db_path)
    w.resize(1366, 768)
    w.show()
    app.processEvents()
    switches = []
    for vid in vids[:10] * 3:  # each switch goes to another commune
        t = time.perf_counter()
        w.nav.select(vid)
        app.processEvents()
        switches.append(time.perf_counter() - t)
        assert w.visit is not None and w.visit.id == vid
    counts = []
    for _ in range(20):
        t = time.perf_counter()
        for _ in range(50):
            events.conflict_count(db)
        counts.append((time.perf_counter() - t) / 50)
    refreshes = []
    for p in late:
        report = sync.merge_packages(db, [p])
        assert not report.rejected
        t = time.perf_counter()
        w.refresh(report)
        app.processEvents()
        refreshes.append(time.perf_counter() - t)
    w.close()
    w.deleteLater()
    app.processEvents()
    db.conn.close()
    return {"switch": statistics.median(switches), "conflicts": min(counts), "refresh": statistics.median(refreshes)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="5,50,300")
    ap.add_argument("--keep", type=Path, help="build (or reuse) the databases in this folder")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    sizes = [int(x) for x in a.sizes.split(",")]
    logging.disable(logging.WARNING)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = None
    if a.keep:
        d = a.keep
        d.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory()
        d = Path(tmp.name)
    offices = {}
    manifest = d / "manifest.json"
    known = json.loads(manifest.read_text()) if manifest.exists() else {}
    other = d / "other.cchc"
    if not other.exists():
        other_package(d)
    for n in sizes:
        if str(n) in known and Path(known[str(n)]["path"]).exists():
            offices[n] = known[str(n)]
            continue
        t = time.perf_counter()
        path, iid, vids, plan = build_office(d, n)
        late = late_packages(d, n, plan, iid, vids)
        offices[n] = {"path": str(path), "insp": iid, "vids": vids, "late": [str(p) for p in late]}
        known[str(n)] = offices[n]
        manifest.write_text(json.dumps(known))
        db = inspector.open_db(path)
        e, ph = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("events", "photos"))
        db.conn.close()
        print(
            f"built {n} communes: {path.stat().st_size / 1e6:.0f} MB, {e} events, {ph} photos "
            f"in {time.perf_counter() - t:.0f} s",
            flush=True,
        )
    results: dict[int, dict[str, float]] = {n: {} for n in sizes}
    starts: dict[int, list[float]] = {n: [] for n in sizes}
    lists: dict[int, list[float]] = {n: [] for n in sizes}
    sums: dict[int, list[float]] = {n: [] for n in sizes}
    mems: dict[int, list[int]] = {n: [] for n in sizes}
    for n in sizes:
        start_time(Path(offices[n]["path"]))  # warm the file cache
    for _ in range(a.runs):  # alternate sizes, so that the machine's noise hits each alike
        for n in sizes:
            o = offices[n]
            starts[n].append(start_time(Path(o["path"])))
            lists[n].append(cli_run(["--db", o["path"], "list", "--json"])[0])
            t, rss = cli_run(["--db", o["path"], "summary", o["insp"], "-o", str(d / f"summary-{n}.xlsx")])
            sums[n].append(t)
            mems[n].append(rss)
    for n in sizes:
        o = offices[n]
        results[n]["start"] = statistics.median(starts[n])
        results[n]["list"] = statistics.median(lists[n])
        results[n]["summary"] = statistics.median(sums[n])
        results[n]["summary_mem"] = statistics.median(mems[n]) / 1024
        work = d / f"work-{n}.sqlite3"
        shutil.copyfile(o["path"], work)
        results[n] |= in_window(work, o["insp"], o["vids"], [Path(p) for p in o["late"]])
        merges = []
        for _ in range(2):
            shutil.copyfile(o["path"], work)
            db = inspector.open_db(work)
            t = time.perf_counter()
            report = sync.merge_packages(db, [other])
            merges.append(time.perf_counter() - t)
            assert not report.rejected
            db.conn.close()
        results[n]["merge"] = min(merges)
        work.unlink()
    lo, hi = min(sizes), max(sizes)
    units = {"summary_mem": "MiB"}
    print(f"\n{'':12}" + "".join(f"{f'{n} communes':>14}" for n in sizes) + f"{f'{hi}/{lo}':>10}  target")
    targets = {"start": 1.2, "switch": 1.2, "conflicts": 1.2, "refresh": 2.0, "summary_mem": 1.3}
    for key in ("start", "switch", "conflicts", "refresh", "list", "summary", "summary_mem", "merge"):
        cells = "".join(
            f"{results[n][key]:>10.1f} {units[key]}" if key in units else f"{results[n][key] * 1000:>11.3g} ms"
            for n in sizes
        )
        ratio = results[hi][key] / results[lo][key]
        target = f"<= {targets[key]}" if key in targets else ""
        print(f"{key:12}{cells}{ratio:>10.2f}  {target}")
    if 50 in sizes and hi != 50:
        print(
            f"summary {hi}/50: {results[hi]['summary'] / results[50]['summary']:.2f} (target <= {hi / 50:.0f}, linear)"
        )
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
