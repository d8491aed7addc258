"""Import the phone and camera photos (JPEG and HEIC) into a visit, against the lower bound of
Pillow opening, draft-decoding, resizing and saving the same files in a plain loop (no EXIF,
no turning upright, no thumbnail, no hashing, no database: the import does all of these).

Prints, in one run: the bound, the import with one thread (ratio, target <= 1.3) and with two
threads (wall time, target: below the bound).
Run: uv run python bench/photos.py
"""

from __future__ import annotations

import io
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import inspector
from inspector import inspections as ins
from inspector import photos as ph

PHOTOS = ROOT.parent / "shared" / "real-photos"
FILES = sorted(
    [
        *(PHOTOS / "jpg" / "mobile").glob("*.jpg"),
        *(PHOTOS / "jpg" / "hdr").glob("*.jpg"),
        *(PHOTOS / "heic").rglob("*.HEIC"),
        *(PHOTOS / "heic" / "mobile").glob("*.heif"),
    ]
)
RUNS = 5


def bound() -> float:
    """The bare work: open, draft, resize, save."""
    Image = ph._pillow()

    t = time.perf_counter()
    for f in FILES:
        im = Image.open(f)
        w, h = im.size
        s = min(1.0, ph.MAX_EDGE / max(w, h))
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", (math.ceil(w * s), math.ceil(h * s)))
        im = im.convert("RGB")
        im.thumbnail((ph.MAX_EDGE, ph.MAX_EDGE), Image.Resampling.BICUBIC, reducing_gap=2.0)
        im.save(io.BytesIO(), "JPEG", quality=ph.QUALITY)
    return time.perf_counter() - t


def ours(tmp: Path, k: int, workers: int) -> float:
    db = inspector.open_db(tmp / f"p{k}-{workers}.sqlite3")
    insp = ins.create_inspection(db, title="Bench")
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân")
    t = time.perf_counter()
    report = ph.import_files(db, v.id, FILES, workers=workers)
    dt = time.perf_counter() - t
    assert len(report.imported) == len(FILES), report.rejected
    db.close()
    return dt


def main() -> None:
    if not FILES:
        raise SystemExit(f"no photos in {PHOTOS}")
    size = sum(f.stat().st_size for f in FILES) / 1e6
    bound(), ours(Path(tempfile.mkdtemp()), 99, 1)  # warm up: file cache, HEIF decoder
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        b, one, two = [], [], []
        for k in range(RUNS):  # interleaved, so noise hits all alike
            b.append(bound())
            one.append(ours(tmp, k, 1))
            two.append(ours(tmp, k, 2))
    b, one, two = statistics.median(b), statistics.median(one), statistics.median(two)
    print(f"photos: {len(FILES)} phone photos ({size:.1f} MB; JPEG and HEIC)")
    print(f"photos: bound, Pillow open + draft + resize + save in a loop: {b * 1000:.0f} ms")
    print(f"photos: import, one thread:  {one * 1000:.0f} ms, ratio {one / b:.2f} (target <= 1.3)")
    print(f"photos: import, two threads: {two * 1000:.0f} ms, ratio {two / b:.2f} (target < 1)")


if __name__ == "__main__":
    main()
