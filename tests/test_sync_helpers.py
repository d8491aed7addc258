"""Shared helpers of the sync tests: laptops as database files, photos, snapshots of the state."""

from __future__ import annotations

import hashlib
import io
import random
import shutil
from pathlib import Path

import inspector
from inspector import events
from inspector import inspections as ins


def jpeg(seed: int, size: int = 64) -> bytes:
    """A small JPEG with noise in it (so every seed gives different bytes)."""
    from PIL import Image

    rng = random.Random(seed)
    img = Image.frombytes("RGB", (size, size), rng.randbytes(size * size * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def add_photo(db, visit_id: str, inspection_id: str, seed: int, item_code: str = "B1") -> str:
    """Store a photo blob and attach it to a visit, as the photos feature does."""
    data = jpeg(seed)
    sha = hashlib.sha256(data).hexdigest()
    with inspector.atomic(db):
        db.execute(
            "INSERT OR IGNORE INTO photos(sha256, data, thumb, width, height, source_name, imported_at) "
            "VALUES (?, ?, ?, 64, 64, ?, datetime('now'))",
            [sha, data, data[:200], f"IMG_{seed:04d}.jpg"],
        )
        aid = events.new_id()
        ctx = {"visit_id": visit_id}
        events.record(
            db,
            [
                events.Change("attachment", aid, "photo_sha256", sha, ctx),
                events.Change("attachment", aid, "item_code", item_code, ctx),
                events.Change("attachment", aid, "caption", f"Ảnh {seed}", ctx),
            ],
            inspection_id=inspection_id,
        )
    return sha


def plan(db, communes=("Ninh Xuân", "Ninh Đa", "Đồng Hóa")) -> tuple[str, list[str]]:
    insp = ins.create_inspection(db, title="Kiểm tra CCHC 2026", decision_no="12/QĐ-SNV")
    visits = [ins.add_visit(db, insp.id, commune=c, province="Khánh Hòa").id for c in communes]
    return insp.id, visits


TABLES = {
    "inspections": "*",
    "members": "*",
    "visits": "*",
    "findings": "*",
    "attachments": "*",
    "answers": "id, visit_id, item_code, value, note, suggested, updated",
    "photos": "sha256, length(data), width, height",
    "checklist_versions": "id",
    "events": "id, inspection_id, entity, entity_id, field, value, ctx, author, device, hlc, reason, is_head",
    "event_parents": "child, parent",
}


def state(db) -> dict:
    """Everything that must be equal on two laptops that saw the same changes."""
    out = {t: sorted(db.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in TABLES.items()}
    out["conflicts"] = sorted((c.id, tuple(sorted(h.event_id for h in c.heads))) for c in events.conflicts(db))
    return out


def copy_db(db, dest: Path):
    """A copy of a database file, opened (it gets its own device id: another path)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    src = Path(db.execute("PRAGMA database_list").fetchone()[2])
    shutil.copy2(src, dest)
    return inspector.open_db(dest)


def reseal(path) -> None:
    """Write a package's digest anew after a test changed its rows, as a crafted package would:
    the digest catches damage, the value checks must catch what is crafted."""
    import sqlite3

    from inspector import package

    c = sqlite3.connect(path)
    c.execute("DELETE FROM package WHERE key = 'digest'")
    c.execute(
        "INSERT INTO package(key, value) VALUES ('digest', ?)", [package.digest_text(package.content_digest(c, "main"))]
    )
    c.commit()
    c.close()
