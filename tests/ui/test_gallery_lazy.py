"""A gallery of 300 different photos: thumbnails are decoded only for the rows painted.

(test_photos_ui's 300-row gallery reuses 4 photos, and the pixmap cache is keyed by the photo's
hash, so decoding every row when the model loads would cost only 4 decodes there.)"""

from __future__ import annotations

import hashlib
import io
import random

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication

import inspector
from inspector import inspections as ins
from inspector import photos as ph
from ui.photos import GalleryWidget

N = 300


def _tiny_jpeg(seed: int) -> bytes:
    from PIL import Image

    rng = random.Random(seed)
    img = Image.frombytes("RGB", (16, 12), rng.randbytes(16 * 12 * 3))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


@pytest.fixture
def many_photos(demo_db):
    visit = next(v for v in ins.visits(demo_db) if v.commune == "Đồng Hóa")
    shas = []
    with inspector.atomic(demo_db):
        for n in range(N):
            data = _tiny_jpeg(n)
            sha = hashlib.sha256(data).hexdigest()
            demo_db.execute(
                "INSERT INTO photos(sha256, data, thumb, width, height, source_name, imported_at) "
                "VALUES (?, ?, ?, 16, 12, ?, datetime('now'))",
                [sha, data, data, f"IMG_{n:04d}.jpg"],
            )
            shas.append(sha)
    for n, sha in enumerate(shas):
        ph.attach(demo_db, visit.id, sha, item_code="B1", caption=f"Ảnh {n + 1}")
    assert len(set(shas)) == N
    return visit, shas


def test_three_hundred_different_photos_decode_only_the_visible_thumbnails(
    qtbot, demo_db, demo_path, many_photos, monkeypatch
):
    visit, shas = many_photos
    decoded: list[str] = []
    real = ph.thumb_bytes
    monkeypatch.setattr(ph, "thumb_bytes", lambda db, sha: decoded.append(sha) or real(db, sha))
    QPixmapCache.clear()
    gallery = GalleryWidget(demo_db, demo_path)
    qtbot.addWidget(gallery)
    gallery.resize(800, 500)
    gallery.show()
    gallery.set_visit(visit.id)
    QApplication.processEvents()
    assert gallery.model.rowCount() == N
    first = len(set(decoded))
    assert 0 < first < 80, f"{first} of {N} different thumbnails decoded for one screen"
    order = [a.photo_sha256 for a in gallery.model.rows]
    rows = sorted(order.index(s) for s in set(decoded))
    # the first screen (Qt's list view may also ask the last row for its size when laying out)
    assert len([r for r in rows if r >= 120]) <= 2, f"rows decoded at load: {rows}"
    assert order[150] not in decoded

    # scrolling decodes what comes into view, no more
    bar = gallery.view.verticalScrollBar()
    qtbot.waitUntil(
        lambda: bar.maximum() > 0 and gallery.view.visualRect(gallery.model.index(N - 1)).isValid(), timeout=5000
    )  # the batched layout has reached the end
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: order[-5] in decoded, timeout=3000)
    after = set(decoded)
    shown = sorted(order.index(s) for s in after - set(order[:120]))
    assert order[-5] in after and order[-15] in after, f"the last rows are decoded when shown: {shown}"
    assert order[150] not in after, "rows scrolled past are not decoded"
    assert len(after) < 2 * 80, f"{len(after)} decoded after showing the top and the bottom"
    pm = gallery.model.index(N - 1).data(Qt.ItemDataRole.DecorationRole)
    assert not pm.isNull()
