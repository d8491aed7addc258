"""Photos in the window: the strip of an item, the gallery, import with refusals, remove and undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QApplication

import ui.photos
from inspector import inspections as ins
from inspector import photos as ph
from tests.conftest import PHOTOS
from ui.mainwindow import MainWindow
from ui.photos import GalleryWidget, PhotoStrip

pytestmark = pytest.mark.skipif(not PHOTOS.exists(), reason="../shared/real-photos is not beside the project")


def _visit(db, commune="Ninh Xuân"):
    return next(v for v in ins.visits(db) if v.commune == commune)


def test_window_shows_the_photos_of_the_selected_item_and_counts_them(qtbot, demo_db, demo_path):
    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.show()
    v = _visit(demo_db)
    w.open_answer(v.id, "B7")
    strip = w.photo_strip
    assert strip.model.rowCount() == 1
    assert strip.model.index(0).data().startswith("B7 – Niêm yết số điện thoại đường dây nóng")
    pm = strip.model.index(0).data(Qt.ItemDataRole.DecorationRole)
    assert not pm.isNull() and max(pm.width(), pm.height()) <= ui.photos.THUMB
    assert w.cl_model.index_of("B7").siblingAtColumn(2).data() == "1"
    w.middle_tabs.setCurrentWidget(w.gallery)
    assert w.gallery.model.rowCount() == 4
    assert "(4)" in w.middle_tabs.tabText(1)


def test_import_through_the_worker_lists_refused_files(qtbot, demo_db, demo_path, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(ui.photos.ImportReportDialog, "exec", lambda self: shown.append(self.text.toPlainText()))
    v = _visit(demo_db, "Đồng Hóa")
    strip = PhotoStrip(demo_db, demo_path)
    qtbot.addWidget(strip)
    strip.set_item(v.id, "B1")
    bad = tmp_path / "bien-ban.jpg"
    bad.write_text("không phải ảnh", encoding="utf-8")
    done = []
    strip.changed.connect(lambda: done.append(1))
    strip.import_paths([str(PHOTOS / "jpg" / "gps" / "DSCN0010.jpg"), str(bad)])
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert strip.model.rowCount() == 1
    assert shown and "bien-ban.jpg: không phải tệp ảnh" in shown[0]


def test_remove_and_undo_through_the_window(qtbot, demo_db, demo_path):
    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.show()
    v = _visit(demo_db)
    w.open_answer(v.id, "D1")
    strip = w.photo_strip
    strip.view.setCurrentIndex(strip.model.index(0))
    strip.remove_selected()
    assert strip.model.rowCount() == 0
    assert ph.attachments(demo_db, v.id, "D1") == []
    assert w.cl_model.index_of("D1").siblingAtColumn(2).data() == "!"  # photo required, none left
    w.undo.undo()
    assert len(ph.attachments(demo_db, v.id, "D1")) == 1
    assert strip.model.rowCount() == 1


def test_caption_edit_in_place(qtbot, demo_db, demo_path):
    v = _visit(demo_db)
    strip = PhotoStrip(demo_db, demo_path)
    qtbot.addWidget(strip)
    strip.set_item(v.id, "B1")
    idx = strip.model.index(0)
    assert strip.model.setData(idx, "Bảng niêm yết TTHC tại Trung tâm")
    assert ph.attachments(demo_db, v.id, "B1")[0].caption == "Bảng niêm yết TTHC tại Trung tâm"


def test_three_hundred_photos_load_lazily_with_a_bounded_cache(qtbot, demo_db, demo_path):
    """A gallery of 300 photos: the model lists them all, thumbnails are decoded only for the rows
    painted, and the pixmap cache stays within its limit."""
    v = _visit(demo_db, "Đại Cương")
    base = ph.attachments(demo_db, _visit(demo_db).id)
    for n in range(300):
        ph.attach(demo_db, v.id, base[n % len(base)].photo_sha256, item_code="B1", caption=f"Ảnh {n + 1}")
    calls = []
    real = ph.thumb_bytes
    gallery = GalleryWidget(demo_db, demo_path)
    qtbot.addWidget(gallery)
    gallery.resize(800, 500)
    QPixmapCache.clear()
    import inspector.photos as core

    core.thumb_bytes = lambda db, sha: calls.append(sha) or real(db, sha)
    try:
        gallery.show()
        gallery.set_visit(v.id)
        QApplication.processEvents()
        assert gallery.model.rowCount() == 300
        assert len(calls) < 60, "only what is on screen is decoded"
        for _ in range(30):
            gallery.view.verticalScrollBar().setValue(gallery.view.verticalScrollBar().value() + 400)
            QApplication.processEvents()
    finally:
        core.thumb_bytes = real
    assert QPixmapCache.cacheLimit() <= 64 * 1024


def test_the_photo_size_setting_is_used(qtbot, demo_db, demo_path):
    from PySide6.QtCore import QSettings

    QSettings().setValue("photos/max_edge", 1000)
    v = _visit(demo_db, "Tòng Bạt")
    strip = PhotoStrip(demo_db, demo_path)
    qtbot.addWidget(strip)
    strip.set_item(v.id, "D1")
    done = []
    strip.changed.connect(lambda: done.append(1))
    strip.import_paths([str(PHOTOS / "jpg" / "mobile" / "jolla.jpg")])
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    a = ph.attachments(demo_db, v.id, "D1")[0]
    assert max(a.width, a.height) == 1000


def test_photos_dropped_on_a_commune_in_the_tree_go_to_that_visit(qtbot, demo_db, demo_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    w = MainWindow(demo_db, demo_path)
    qtbot.addWidget(w)
    w.show()
    calls = []
    monkeypatch.setattr(
        ui.photos,
        "import_photos",
        lambda parent, db, path, vid, item, files, on_done=None: calls.append((vid, item, files)),
    )
    parent = w.nav_filter.index(0, 0)
    target = w.nav_filter.index(2, 0, parent)
    rect = w.tree.visualRect(target)
    mime = QMimeData()
    photo = str(PHOTOS / "jpg" / "gps" / "DSCN0010.jpg")
    mime.setUrls([QUrl.fromLocalFile(photo)])
    drop = QDropEvent(
        QPointF(rect.center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    assert w._tree_drop(drop)
    assert calls == [(target.data(Qt.ItemDataRole.UserRole + 1), None, [photo])]
