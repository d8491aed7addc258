"""The photos of the shown visit in the window: the strip under the item (built with the first
visit shown), the gallery tab (built when first opened), the counts in the checklist and on the
tab, and photos imported into the visit. Its words share the window's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QLabel, QWidget


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


class PhotoPane(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.strip = None  # built with the first visit shown
        self.gallery: QWidget = QWidget()  # a placeholder until the tab is first opened
        self._built = False
        self._stale = True

    # ---- building ------------------------------------------------------------------------------

    def _make_strip(self):
        from . import photos

        w = self.w
        strip = photos.PhotoStrip(w.db, w.path)
        strip.setObjectName("photo_strip")
        strip.undo_stack = w.undo
        strip.changed.connect(self.changed)
        w.panel.photos_box.addWidget(QLabel(_tr("Ảnh minh chứng")))
        w.panel.photos_box.addWidget(strip)
        return strip

    def _make_gallery(self):
        from . import photos

        gallery = photos.GalleryWidget(self.w.db, self.w.path)
        gallery.setObjectName("gallery")
        gallery.undo_stack = self.w.undo
        gallery.changed.connect(self.changed)
        return gallery

    # ---- what is shown -------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many photos each item of the shown visit has."""
        if self.w.visit is None:
            return {}
        from inspector import photos

        return photos.counts_by_item(self.w.db, self.w.visit.id)

    def set_item(self, visit_id: str | None, code: str | None) -> None:
        if self.strip is None and visit_id is not None:
            self.strip = self._make_strip()
        if self.strip is not None:
            self.strip.set_item(visit_id, code)

    def visit_shown(self) -> None:
        self._stale = True
        if self.w.middle_tabs.currentWidget() is self.gallery:
            self.show_gallery()
        self.update_tab()

    @Slot()
    def changed(self) -> None:
        """Photos changed (in the strip, the gallery or by an import): counts, the other view, the tab."""
        w = self.w
        w.cl_model.set_photo_counts(self.counts())
        if self.sender() is not self.strip and self.strip is not None:
            self.strip.reload()
        if self.sender() is not self.gallery:
            self._stale = True
            if w.middle_tabs.currentWidget() is self.gallery:
                self.show_gallery()
        self.update_tab()

    def show_gallery(self) -> None:
        if not self._built:
            return
        self._stale = False
        self.gallery.set_visit(self.w.visit.id if self.w.visit else None)
        self.update_tab()

    def tab_changed(self, index: int) -> None:
        tabs = self.w.middle_tabs
        if index == 1 and not self._built:
            self._built = True
            gallery = self._make_gallery()
            tabs.blockSignals(True)
            tabs.removeTab(1)
            tabs.insertTab(1, gallery, "")
            tabs.setCurrentIndex(1)
            tabs.blockSignals(False)
            self.gallery.deleteLater()
            self.gallery = gallery
            self.update_tab()
        if tabs.widget(index) is self.gallery and self._stale:
            self.show_gallery()

    def update_tab(self) -> None:
        from inspector import photos

        w = self.w
        n = photos.visit_count(w.db, w.visit.id) if w.visit else 0
        w.middle_tabs.setTabText(1, _tr("Ảnh của xã (%d)") % n if w.visit else _tr("Ảnh của xã"))

    # ---- importing -----------------------------------------------------------------------------

    def import_into(self, visit_id: str, code: str | None, files: list[str]) -> None:
        """Import files or folders into a visit (and item) with progress; then show them."""
        from . import photos

        w = self.w
        photos.import_photos(
            w,
            w.db,
            w.path,
            visit_id,
            code,
            files,
            on_done=lambda *_: self.changed() if w.visit and w.visit.id == visit_id else w.refresh(),
        )


__all__ = ["PhotoPane"]
