"""Photos in the window: a strip of thumbnails for the selected item, a gallery of the whole
visit, a viewer, and importing (file dialog, dropped files or folders, pasted images) in a worker
with progress, cancel and the list of refused files at the end.

Thumbnails are decoded only when a row is painted and kept in QPixmapCache (bounded), so a visit
with hundreds of photos scrolls smoothly and memory does not grow with what was shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
    QPixmapCache,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QProgressDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from inspector import checklist as cl
from inspector import errors as E
from inspector import inspections as ins
from inspector import photos as ph

from . import errors, widgets, workers

AttachmentRole = Qt.ItemDataRole.UserRole + 1
THUMB = 112
QPixmapCache.setCacheLimit(48 * 1024)  # KB: a few hundred thumbnails at most, whatever the visit holds

FILTER = "Ảnh (*.jpg *.jpeg *.jpe *.png *.heic *.heif *.hif *.tif *.tiff *.webp);;Tất cả các tệp (*)"


def _tr(text: str, n: int = -1) -> str:
    """The interface's words in the chosen language; with n, "%n" in text is the count n and the
    translation has a singular and a plural form."""
    return QCoreApplication.translate("photos", text, None, n)


def _N(text: str) -> str:
    return text


FLAGS_VI = {"date": _N("chụp khác ngày làm việc"), "gps": _N("chụp xa nơi chụp các ảnh khác")}


def reason_vi(code: str) -> str:
    """Why a file was not imported, in the interface's language (the core has both)."""
    return ph.reason_text(code, errors.LANG)


# ---- the model ---------------------------------------------------------------------------------


class PhotoModel(QAbstractListModel):
    def __init__(self, db, parent=None, *, show_item: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[ph.Attachment] = []
        self.show_item = show_item

    def load(self, visit_id: str | None, item_code: str | None = ...) -> None:  # type: ignore[assignment]
        self.beginResetModel()
        if visit_id is None:
            self.rows = []
        elif item_code is ...:
            self.rows = ph.attachments(self.db, visit_id)
        else:
            self.rows = ph.attachments(self.db, visit_id, item_code)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index) -> Qt.ItemFlag:
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
            if index.isValid()
            else Qt.ItemFlag.NoItemFlags
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        a = self.rows[index.row()]
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(a.photo_sha256)
        if role == Qt.ItemDataRole.DisplayRole:
            mark = "⚠ " if a.flags else ""
            prefix = f"{a.item_code or _tr('Chung')} · " if self.show_item else ""
            return f"{mark}{prefix}{a.caption}"
        if role == Qt.ItemDataRole.EditRole:
            return a.caption
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [a.caption, f"{a.width}×{a.height}"]
            if a.taken_at:
                lines.append(_tr("Chụp lúc %s") % a.taken_at.replace("T", " "))
            if a.camera:
                lines.append(a.camera)
            if a.gps_lat is not None:
                lines.append(f"GPS {a.gps_lat:.5f}, {a.gps_lon:.5f}")
            lines.append(_tr("Tệp gốc: %s") % a.source_name)
            for f in a.flags:
                lines.append("⚠ " + _tr(FLAGS_VI.get(f, f)))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.BackgroundRole and a.flags:
            return QBrush(QColor("#fde7e4"))
        if role == AttachmentRole:
            return a
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        a = self.rows[index.row()]
        text = str(value).strip()
        if not text or text == a.caption:
            return False
        try:
            self.rows[index.row()] = ph.set_caption(self.db, a.id, text, reason=_amend_reason(self.db, a.visit_id))
        except E.InspectorError as exc:
            errors.show(None, exc)
            return False
        self.dataChanged.emit(index, index)
        return True

    def thumbnail(self, sha: str) -> QPixmap:
        key = f"thumb:{sha}"
        pm = QPixmapCache.find(key)
        if pm is None or pm.isNull():
            pm = QPixmap()
            pm.loadFromData(ph.thumb_bytes(self.db, sha))
            if not pm.isNull():
                pm = pm.scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            QPixmapCache.insert(key, pm)
        return pm


def _amend_reason(db, visit_id: str) -> str | None:
    """A change of signed minutes carries the reason of the open amendment (asked if none is open;
    VisitFrozen when the person gives none): see ui/amend.py."""
    from . import amend

    return amend.reason_for(None, db, visit_id)


# ---- undo of photo changes -------------------------------------------------------------------------


class _PhotoCommand(QUndoCommand):
    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None], after: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo, self._after = do, undo, after
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._do()
        self._after()

    def undo(self) -> None:
        self._undo()
        self._after()


# ---- the strip and the gallery ----------------------------------------------------------------------


class _PhotoList(QWidget):
    """Shared by the strip (one item) and the gallery (the whole visit)."""

    changed = Signal()

    def __init__(self, db, db_path, parent=None, *, gallery: bool = False) -> None:
        super().__init__(parent)
        self.db, self.db_path = db, Path(db_path)
        self.visit_id: str | None = None
        self.item_code: str | None = None
        self.undo_stack = None
        self.model = PhotoModel(db, self, show_item=gallery)
        self.view = QListView()
        self.view.setObjectName("photo_view")
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(QSize(THUMB, THUMB))
        self.view.setGridSize(QSize(THUMB + 34, THUMB + 44))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)
        self.view.setBatchSize(40)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(self.open_viewer)
        self.view.setAcceptDrops(True)
        self.view.viewport().setAcceptDrops(True)
        self.view.setDropIndicatorShown(False)
        self.view.dragEnterEvent = self._drag_enter  # type: ignore[method-assign]
        self.view.dragMoveEvent = self._drag_enter  # type: ignore[method-assign]
        self.view.dropEvent = self._drop  # type: ignore[method-assign]
        if not gallery:
            self.view.setFlow(QListView.Flow.LeftToRight)
            self.view.setWrapping(False)
            self.view.setFixedHeight(THUMB + 62)
            self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.add_button = QPushButton(_tr("Thêm ảnh…"))
        self.add_button.setObjectName("add_photos")
        self.add_button.setToolTip(_tr("Chọn ảnh từ máy; cũng có thể kéo thả tệp, thư mục hoặc dán ảnh (Ctrl+V)"))
        self.add_button.clicked.connect(self.choose_files)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #555")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.count_label, 1)
        top.addWidget(self.add_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.view)
        self._actions()
        self._enable()

    def _actions(self) -> None:
        def act(text, slot, key=None) -> QAction:
            a = QAction(text, self.view)
            if key:
                a.setShortcut(QKeySequence(key))
                a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            a.triggered.connect(slot)
            self.view.addAction(a)
            return a

        self.act_open = act(_tr("Xem ảnh"), lambda: self.open_viewer(self.view.currentIndex()))
        self.act_caption = act(_tr("Sửa chú thích"), lambda: self.view.edit(self.view.currentIndex()), "F2")
        self.act_move = act(_tr("Chuyển sang tiêu chí khác…"), self.move_selected)
        self.act_earlier = act(_tr("Đưa lên trước"), lambda: self.shift(-1), "Ctrl+Left")
        self.act_later = act(_tr("Đưa ra sau"), lambda: self.shift(1), "Ctrl+Right")
        self.act_confirm = act(_tr("Xác nhận ảnh hợp lệ"), self.confirm_selected)
        self.act_remove = act(_tr("Gỡ ảnh"), self.remove_selected, QKeySequence.StandardKey.Delete)
        self.act_paste = act(_tr("Dán ảnh"), self.paste, QKeySequence.StandardKey.Paste)

    def _enable(self) -> None:
        on = self.visit_id is not None
        self.add_button.setEnabled(on)
        self.setAcceptDrops(on)

    def reload(self) -> None:
        self.model.load(self.visit_id, self.item_code) if not isinstance(self, GalleryWidget) else self.model.load(
            self.visit_id
        )
        n = self.model.rowCount()
        self.count_label.setText(_tr("%n ảnh", n) if n else _tr("Chưa có ảnh — kéo thả ảnh vào đây"))
        self._enable()

    def selected(self) -> list[ph.Attachment]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()})
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _menu(self, pos) -> None:
        atts = self.selected()
        menu = QMenu(self)
        if atts:
            menu.addAction(self.act_open)
            menu.addAction(self.act_caption)
            menu.addAction(self.act_move)
            menu.addAction(self.act_earlier)
            menu.addAction(self.act_later)
            if any(a.flags for a in atts):
                menu.addAction(self.act_confirm)
            menu.addSeparator()
            menu.addAction(self.act_remove)
        if self.visit_id:
            menu.addAction(self.act_paste)
            self.act_paste.setEnabled(
                QGuiApplication.clipboard().mimeData().hasImage() or QGuiApplication.clipboard().mimeData().hasUrls()
            )
        if menu.actions():
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(_PhotoCommand(text, do, undo, self._after_change))

    def _run(self, fn: Callable[[], None]) -> bool:
        try:
            fn()
        except E.InspectorError as exc:
            errors.show(self, exc)
            return False
        return True

    def remove_selected(self) -> None:
        atts = self.selected()
        if not atts or self.visit_id is None:
            return
        try:
            reason = _amend_reason(self.db, self.visit_id)
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        ids = [a.id for a in atts]

        def do() -> None:
            for i in ids:
                ph.remove(self.db, i, reason=reason)

        def undo() -> None:
            for i in ids:
                ph.restore(self.db, i, reason=reason)

        if self._run(do):
            self._push(_tr("gỡ %n ảnh", len(ids)), do, undo)
            self._after_change()

    def move_selected(self) -> None:
        atts = self.selected()
        if not atts or self.visit_id is None:
            return
        visit = ins.get_visit(self.db, self.visit_id)
        items = cl.get(self.db, visit.checklist_version).items
        labels = [_tr("(Ảnh chung của buổi làm việc)")] + [f"{it.code} – {it.text_vi[:70]}" for it in items]
        current = 0
        if atts[0].item_code:
            current = next((n + 1 for n, it in enumerate(items) if it.code == atts[0].item_code), 0)
        label, ok = QInputDialog.getItem(self, _tr("Chuyển ảnh"), _tr("Chuyển sang tiêu chí:"), labels, current, False)
        if not ok:
            return
        code = None if labels.index(label) == 0 else items[labels.index(label) - 1].code
        try:
            reason = _amend_reason(self.db, self.visit_id)
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        olds = [(a.id, a.item_code) for a in atts]

        def do() -> None:
            for i, _ in olds:
                ph.move(self.db, i, code, reason=reason)

        def undo() -> None:
            for i, old in olds:
                ph.move(self.db, i, old, reason=reason)

        if self._run(do):
            self._push(_tr("chuyển %n ảnh", len(olds)), do, undo)
            self._after_change()

    def shift(self, step: int) -> None:
        atts = self.selected()
        if len(atts) != 1 or self.visit_id is None:
            return
        a = atts[0]
        same = [x for x in self.model.rows if x.item_code == a.item_code]
        i = next(n for n, x in enumerate(same) if x.id == a.id)
        j = i + step
        if not 0 <= j < len(same):
            return
        before = [x.id for x in same]
        after = before[:]
        after[i], after[j] = after[j], after[i]
        try:
            reason = _amend_reason(self.db, self.visit_id)
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        if self._run(lambda: ph.reorder(self.db, after, reason=reason)):
            self._push(
                _tr("đổi thứ tự ảnh"),
                lambda: ph.reorder(self.db, after, reason=reason),
                lambda: ph.reorder(self.db, before, reason=reason),
            )
            self._after_change()
            row = next(n for n, x in enumerate(self.model.rows) if x.id == a.id)
            self.view.setCurrentIndex(self.model.index(row))

    def confirm_selected(self) -> None:
        atts = [a for a in self.selected() if a.flags]
        if not atts:
            return
        if self._run(lambda: [ph.confirm(self.db, a.id, reason=_amend_reason(self.db, a.visit_id)) for a in atts]):
            self._after_change()

    # ---- adding photos ----------------------------------------------------------------------------

    def choose_files(self) -> None:
        if self.visit_id is None:
            return
        files, _ = QFileDialog.getOpenFileNames(self, _tr("Chọn ảnh"), "", _tr(FILTER))
        if files:
            self.import_paths(files)

    def import_paths(self, paths: list[str]) -> None:
        if self.visit_id is None:
            return
        import_photos(
            self, self.db, self.db_path, self.visit_id, self.item_code, paths, on_done=lambda _r: self._after_change()
        )

    def paste(self) -> None:
        if self.visit_id is None:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime.hasUrls():
            files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if files:
                self.import_paths(files)
                return
        if mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if image.isNull():
                return
            data = _png_bytes(image)
            try:
                ph.import_one(
                    self.db,
                    self.visit_id,
                    data,
                    "clipboard.png",
                    item_code=self.item_code,
                    reason=_amend_reason(self.db, self.visit_id),
                )
            except E.InspectorError as exc:
                errors.show(self, exc)
                return
            self._after_change()

    def _drag_enter(self, e) -> None:
        if self.visit_id is not None and e.mimeData().hasUrls():
            e.acceptProposedAction()
        else:
            e.ignore()

    def _drop(self, e) -> None:
        files = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile()]
        if files and self.visit_id is not None:
            e.acceptProposedAction()
            self.import_paths(files)

    # ---- viewing ---------------------------------------------------------------------------------

    def open_viewer(self, index: QModelIndex) -> None:
        if index.isValid():
            PhotoViewer(self.db, self.model.rows, index.row(), self).exec()


def _png_bytes(image: QImage) -> bytes:
    ba = QByteArray()
    buf = QBuffer(ba)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(ba.data())


class PhotoStrip(_PhotoList):
    """The photos of one checklist item, in a row under the item."""

    def __init__(self, db, db_path, parent=None) -> None:
        super().__init__(db, db_path, parent, gallery=False)

    def set_item(self, visit_id: str | None, item_code: str | None) -> None:
        self.visit_id, self.item_code = visit_id, item_code
        self.reload()


class GalleryWidget(_PhotoList):
    """Every photo of a visit, in checklist order, with the item each belongs to."""

    def __init__(self, db, db_path, parent=None) -> None:
        super().__init__(db, db_path, parent, gallery=True)

    def set_visit(self, visit_id: str | None) -> None:
        self.visit_id, self.item_code = visit_id, None
        self.reload()


class PhotoViewer(QDialog):
    """One photo large, with its caption; Left/Right for the previous and next."""

    def __init__(self, db, rows: list[ph.Attachment], row: int, parent=None) -> None:
        super().__init__(parent)
        self.db, self.rows, self.row = db, rows, row
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(320, 240)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Đóng"))
        buttons.rejected.connect(self.reject)
        prev = QPushButton("◀")
        nxt = QPushButton("▶")
        prev.clicked.connect(lambda: self.show_row(self.row - 1))
        nxt.clicked.connect(lambda: self.show_row(self.row + 1))
        bar = QHBoxLayout()
        bar.addWidget(prev)
        bar.addWidget(self.caption, 1)
        bar.addWidget(nxt)
        lay = QVBoxLayout(self)
        lay.addWidget(self.image, 1)
        lay.addLayout(bar)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 1000, 760)
        self._pixmap = QPixmap()
        self.show_row(row)

    def show_row(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        self.row = row
        a = self.rows[row]
        self._pixmap = QPixmap()
        self._pixmap.loadFromData(ph.photo_bytes(self.db, a.photo_sha256))
        self.caption.setText(f"{row + 1}/{len(self.rows)} — {a.caption}")
        self.setWindowTitle(a.caption)
        self._fit()

    def _fit(self) -> None:
        if not self._pixmap.isNull():
            self.image.setPixmap(
                self._pixmap.scaled(
                    self.image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )

    def resizeEvent(self, e) -> None:
        super().resizeEvent(e)
        self._fit()

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Left:
            self.show_row(self.row - 1)
        elif e.key() == Qt.Key.Key_Right:
            self.show_row(self.row + 1)
        else:
            super().keyPressEvent(e)


# ---- import in a worker ---------------------------------------------------------------------------


def import_photos(
    parent: QWidget | None,
    db,
    db_path,
    visit_id: str,
    item_code: str | None,
    paths: list[str],
    on_done: Callable[[ph.ImportReport], None] | None = None,
) -> workers.Job | None:
    """Import files or folders with a progress dialog (cancel keeps what is done); at the end,
    the refused files with their reasons."""
    try:
        reason = _amend_reason(db, visit_id)
    except E.InspectorError as exc:
        errors.show(parent, exc)
        return None
    from .settings import keep_originals, photo_max_edge

    job = workers.Job(
        ph.import_files,
        str(db_path),
        visit_id,
        [str(p) for p in paths],
        item_code=item_code,
        reason=reason,
        max_edge=photo_max_edge(),
        keep_original=keep_originals(),
    )
    dialog = QProgressDialog(_tr("Đang nhập ảnh…"), _tr("Dừng"), 0, 0, parent)
    dialog.setWindowTitle(_tr("Nhập ảnh"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.canceled.connect(job.cancel)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        dialog.setLabelText(_tr("Đang nhập ảnh %d/%d…") % (done, total))

    def done(report: ph.ImportReport) -> None:
        dialog.reset()
        dialog.close()
        if report.rejected or report.cancelled or report.duplicates:
            ImportReportDialog(report, parent).exec()
        if on_done:
            on_done(report)

    def failed(exc: BaseException) -> None:
        dialog.reset()
        dialog.close()
        errors.show(parent, exc)

    return workers.start(job, on_done=done, on_error=failed, on_progress=progress)


def report_html(report: ph.ImportReport) -> str:
    from html import escape

    parts = [f"<p>{escape(_tr('Đã nhập %n ảnh.', len(report.imported)))}</p>"]
    if report.cancelled:
        parts.append(f"<p>{escape(_tr('Đã dừng giữa chừng; các ảnh đã nhập được giữ lại.'))}</p>")
    if report.duplicates:
        parts.append(f"<p>{escape(_tr('Đã có từ trước, không thêm lại: %s') % ', '.join(report.duplicates))}</p>")
    if report.rejected:
        parts.append(f"<p><b>{escape(_tr('Không nhập được %n tệp:', len(report.rejected)))}</b></p><ul>")
        for name, code, _ in report.rejected:
            parts.append(f"<li>{escape(name)}: {escape(reason_vi(code))}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ImportReportDialog(QDialog):
    def __init__(self, report: ph.ImportReport, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Kết quả nhập ảnh"))
        self.text = QTextBrowser()
        self.text.setHtml(report_html(report))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_tr("Đóng"))
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 560, 360)


__all__ = ["GalleryWidget", "ImportReportDialog", "PhotoStrip", "PhotoViewer", "import_photos"]
