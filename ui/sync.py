"""Sync in the window: export a package, merge packages (dialog or drag-and-drop), the report
after merging, the conflicts view where a person decides, and the merge log.

Entry points for the main window (File menu):
    add_sync_actions(window, menu, db, db_path, on_changed)   # all of the below as menu actions
    export_package(parent, db_path, inspection_id=None)        # Tệp → Xuất gói dữ liệu…
    merge_packages(parent, db, db_path, paths=None, on_merged=None)  # Tệp → Hợp nhất gói dữ liệu…
    ConflictsDialog(db, parent).exec()                          # Tệp → Xung đột…
    MergeLogDialog(db, parent).exec()                           # Tệp → Nhật ký hợp nhất…
    PackageDropFilter(window, db, db_path, on_merged)           # drop .cchc files on the window
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTextBrowser,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

import inspector
from inspector import errors as E
from inspector import sync

from . import errors, widgets, workers

ConflictRole = Qt.ItemDataRole.UserRole + 1
ValueRole = Qt.ItemDataRole.UserRole + 2
FILTER = "Gói dữ liệu Inspector (*.cchc);;Tất cả các tệp (*)"


def _tr(text: str, n: int = -1) -> str:
    """The interface's words in the chosen language; with n, "%n" in text is the count n and the
    translation has a singular and a plural form."""
    return QCoreApplication.translate("sync", text, None, n)


# ---- messages --------------------------------------------------------------------------

errors.register(
    E.PackageRejected,
    lambda e: (
        _tr("Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.") % (Path(str(e.path)).name, errors.reason(e))
    ),
)


def _N(text: str) -> str:
    """Marks a label for translation where it is defined; translated where it is shown."""
    return text


KIND_LABELS = {
    "inspections": _N("%n đợt kiểm tra"),
    "members": _N("%n thành viên"),
    "visits": _N("%n xã"),
    "answers": _N("%n câu trả lời"),
    "findings": _N("%n nhận xét"),
    "attachments": _N("%n ảnh đính kèm"),
    "photos": _N("%n ảnh"),
    "checklists": _N("%n bảng kiểm tra"),
    "events": _N("%n thay đổi"),
}


def counts_text(counts: dict[str, int]) -> str:
    parts = [_tr(KIND_LABELS[k], n) for k, n in counts.items() if n and k in KIND_LABELS]
    return ", ".join(parts) if parts else _tr("không có gì mới")


# ---- jobs (each opens its own connection) ------------------------------------------------


def _export_job(db_path: str, out: str, inspection_id: str | None, progress=None, cancelled=None):
    db = inspector.open_db(db_path)
    try:
        return sync.export_package(db, out, inspection_id, progress=progress, cancelled=cancelled)
    finally:
        db.conn.close()


def _merge_job(db_path: str, paths: list[str], progress=None, cancelled=None):
    db = inspector.open_db(db_path)
    try:
        return sync.merge_packages(db, paths, progress=progress, cancelled=cancelled)
    finally:
        db.conn.close()


def _progress_dialog(parent: QWidget | None, text: str, job: workers.Job) -> QProgressDialog:
    dlg = QProgressDialog(text, _tr("Hủy"), 0, 0, parent)
    dlg.setWindowTitle(_tr("Inspector"))
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(300)
    dlg.canceled.connect(job.cancel)
    return dlg


def export_package(
    parent: QWidget | None,
    db_path: str | Path,
    inspection_id: str | None = None,
    default_name: str | None = None,
    on_done: Callable[[sync.ExportResult], None] | None = None,
) -> workers.Job | None:
    """Ask where to save, then write the package off the UI thread with progress."""
    if default_name is None:
        import inspector

        db = inspector.open_db(db_path)
        try:
            default_name = sync.default_package_name(db, inspection_id)
        finally:
            db.close()
    settings = QSettings()
    folder = (
        settings.value("export/folder")
        or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        or str(Path.home())
    )
    out, _ = QFileDialog.getSaveFileName(parent, _tr("Xuất gói dữ liệu"), str(Path(folder) / default_name), FILTER)
    if not out:
        return None
    if not out.lower().endswith(sync.SUFFIX):
        out += sync.SUFFIX
    settings.setValue("export/folder", str(Path(out).parent))
    job = workers.Job(_export_job, str(db_path), out, inspection_id)
    dlg = _progress_dialog(parent, _tr("Đang xuất gói dữ liệu…"), job)

    def done(result: sync.ExportResult) -> None:
        dlg.close()
        if on_done:
            on_done(result)
        else:
            QMessageBox.information(
                parent,
                _tr("Đã xuất gói dữ liệu"),
                _tr("Đã ghi %s: %d thay đổi, %d ảnh (%d KB).\nChép tệp này sang máy khác hoặc gửi về cơ quan.")
                % (result.path.name, result.events, result.photos, result.size // 1024),
            )

    def failed(exc: BaseException) -> None:
        dlg.close()
        errors.show(parent, exc, _tr("Xuất gói dữ liệu"))

    def step(done_: int, total: int) -> None:
        dlg.setMaximum(total)
        dlg.setValue(done_)

    return workers.start(job, writes=False, on_done=done, on_error=failed, on_progress=step)


def merge_packages(
    parent: QWidget | None,
    db,
    db_path: str | Path,
    paths: list[str] | None = None,
    on_merged: Callable[[sync.MergeReport], None] | None = None,
    show_report: bool = True,
) -> workers.Job | None:
    """Merge package files (asks for them when paths is None); then shows the report."""
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(parent, _tr("Hợp nhất gói dữ liệu"), str(Path.home()), FILTER)
    paths = [str(p) for p in paths or []]
    if not paths:
        return None
    job = workers.Job(_merge_job, str(db_path), paths)
    dlg = _progress_dialog(parent, _tr("Đang kiểm tra và hợp nhất %n tệp…", len(paths)), job)

    def done(report: sync.MergeReport) -> None:
        dlg.close()
        if on_merged:
            on_merged(report)
        if show_report:
            MergeReportDialog(report, db, parent).exec()

    def failed(exc: BaseException) -> None:
        dlg.close()
        partial = getattr(exc, "report", None)
        if partial is not None and on_merged:
            on_merged(partial)
        errors.show(parent, exc, _tr("Hợp nhất gói dữ liệu"))

    def step(done_: int, total: int) -> None:
        dlg.setMaximum(total)
        dlg.setValue(done_)

    return workers.start(job, writes=True, on_done=done, on_error=failed, on_progress=step)


# ---- drag and drop -----------------------------------------------------------------------


def _local_files(mime) -> list[str]:
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


class PackageDropFilter(QObject):
    """Install on a widget (the main window): dropping package files on it merges them."""

    def __init__(
        self, widget: QWidget, db, db_path: str | Path, on_merged: Callable[[sync.MergeReport], None] | None = None
    ) -> None:
        super().__init__(widget)
        self.widget, self.db, self.db_path, self.on_merged = widget, db, db_path, on_merged
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        t = event.type()
        if t in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif t == QEvent.Type.Drop:
            files = _local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                merge_packages(self.widget, self.db, self.db_path, files, self.on_merged)
                return True
        return False


class PackageDropArea(QLabel):
    """A visible target: "Kéo các tệp gói dữ liệu vào đây"; emits filesDropped(list)."""

    filesDropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(_tr("Kéo thả các tệp gói dữ liệu (.cchc) vào đây để hợp nhất"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(70)
        self.setStyleSheet("QLabel { border: 2px dashed #8a8a8a; border-radius: 6px; color: #555; padding: 12px; }")
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:
        if _local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        files = _local_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)


def _close_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox()
    buttons.addButton(_tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
    buttons.rejected.connect(dialog.reject)
    return buttons


# ---- the report after merging ------------------------------------------------------------


def report_html(report: sync.MergeReport) -> str:
    from html import escape

    out = []
    for p in report.packages:
        titles = "; ".join(p.titles)
        out.append(f"<p><b>{escape(p.file)}</b>" + (f" — {escape(titles)}" if titles else "") + "<br>")
        out.append(escape(_tr("Thêm mới: %s.") % counts_text(p.added)) + "<br>")
        upd = {k: v for k, v in p.updated.items() if k != "events"}
        if any(upd.values()):
            out.append(escape(_tr("Cập nhật: %s.") % counts_text(upd)) + "<br>")
        out.append(escape(_tr("Đã có từ trước: %n thay đổi.", p.known_events)))
        if p.already_merged:
            out.append(
                "<br><i>"
                + escape(_tr("Tệp này đã được hợp nhất lúc %s.") % p.already_merged.replace("T", " "))
                + "</i>"
            )
        out.append("</p>")
    for exc in report.refusals:
        out.append(
            f"<p style='color:#a00'><b>{escape(Path(str(exc.path)).name)}</b>: "
            + escape(_tr("bị từ chối — %s. Không có gì bị thay đổi.") % errors.reason(exc))
            + "</p>"
        )
    if report.conflicts:
        out.append("<p><b>" + escape(_tr("%n xung đột mới cần quyết định:", len(report.conflicts))) + "</b><ul>")
        for c in report.conflicts:
            values = " / ".join(f"{h['display']} ({h['author']})" for h in c.heads)
            out.append(f"<li>{escape(c.label)}: {escape(values)}</li>")
        out.append("</ul></p>")
    return "".join(out)


class MergeReportDialog(QDialog):
    """What a merge added, what was already known, what was refused, and the new conflicts."""

    def __init__(self, report: sync.MergeReport, db=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report, self.db = report, db
        self.setWindowTitle(_tr("Kết quả hợp nhất"))
        text = _tr("Đã hợp nhất %n gói: %s.", len(report.packages)) % counts_text(report.added)
        if report.rejected:
            text += " " + _tr("%n tệp bị từ chối.", len(report.rejected))
        if report.conflicts:
            text += " " + _tr("%n xung đột mới.", len(report.conflicts))
        head = QLabel(text)
        head.setWordWrap(True)
        body = QTextBrowser()
        body.setHtml(report_html(report))
        buttons = _close_buttons(self)
        self.conflicts_button = None
        if report.conflicts and db is not None:
            self.conflicts_button = buttons.addButton(
                _tr("Giải quyết xung đột…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.conflicts_button.clicked.connect(self._open_conflicts)
        lay = QVBoxLayout(self)
        lay.addWidget(head)
        lay.addWidget(body)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 640, 420)

    def _open_conflicts(self) -> None:
        ConflictsDialog(self.db, self).exec()


# ---- conflicts -----------------------------------------------------------------------------


class ConflictsModel(QStandardItemModel):
    """One row per conflict (where, what); under it one row per value: value, author, laptop, time."""

    HEADERS = ("Xung đột / giá trị", "Người sửa", "Máy", "Thời điểm")

    def __init__(self, db, inspection_id: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db, self.inspection_id = db, inspection_id
        self.conflicts: list[sync.ConflictInfo] = []
        self.reload()

    def reload(self) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([_tr(h) for h in self.HEADERS])
        self.conflicts = sync.conflicts(self.db, self.inspection_id)
        for c in self.conflicts:
            top = QStandardItem(c.label)
            font = top.font()
            font.setBold(True)
            top.setFont(font)
            top.setData(c.id, ConflictRole)
            top.setToolTip(c.label)
            rest = [QStandardItem(_tr("%n giá trị", len(c.heads))), QStandardItem(""), QStandardItem("")]
            for it in (top, *rest):
                it.setEditable(False)
            for h in c.heads:
                row = [
                    QStandardItem(h["display"]),
                    QStandardItem(h["author"]),
                    QStandardItem(sync.short_device(h["device"])),
                    QStandardItem(h["time"]),
                ]
                for it in row:
                    it.setEditable(False)
                    it.setData(c.id, ConflictRole)
                row[0].setData(h["value"], ValueRole)
                row[0].setData(True, ValueRole + 1)
                top.appendRow(row)
            self.appendRow([top, *rest])


class ConflictsWidget(QWidget):
    """The conflicts, and the person's decision: pick one of the values or type a new one."""

    resolved = Signal(str)  # conflict id

    def __init__(self, db, inspection_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = ConflictsModel(db, inspection_id, self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _: self.choose_selected())
        self.empty = QLabel(_tr("Không có xung đột nào. Mọi thay đổi đã thống nhất."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(
            _tr(
                "Cùng một nội dung được sửa khác nhau trên hai máy. Chọn giá trị đúng "
                "(nhấp đúp) hoặc nhập giá trị mới; quyết định sẽ được gửi kèm gói dữ liệu sau."
            )
        )
        self.hint.setWordWrap(True)
        self.choose = QPushButton(_tr("Chọn giá trị này"))
        self.choose.clicked.connect(self.choose_selected)
        self.new_value = QLineEdit()
        self.new_value.setPlaceholderText(_tr("hoặc nhập giá trị mới…"))
        self.new_value.returnPressed.connect(self.write_new)
        self.write = QPushButton(_tr("Lưu giá trị mới"))
        self.write.clicked.connect(self.write_new)
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addStretch(1)
        row.addWidget(self.new_value, 2)
        row.addWidget(self.write)
        lay = QVBoxLayout(self)
        lay.addWidget(self.hint)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.empty, 1)
        lay.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._refresh_view()

    def reload(self) -> None:
        self.model.reload()
        self._refresh_view()

    def _refresh_view(self) -> None:
        has = bool(self.model.conflicts)
        self.view.setVisible(has)
        self.empty.setVisible(not has)
        self.view.expandAll()
        for r in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(r, QModelIndex(), True)
        for col in range(1, 4):
            self.view.resizeColumnToContents(col)
        self._update()

    def _current(self):
        idx = self.view.currentIndex()
        if not idx.isValid():
            return None, None
        first = idx.siblingAtColumn(0)
        cid = first.data(ConflictRole)
        is_value = bool(first.data(ValueRole + 1))
        return cid, (first.data(ValueRole),) if is_value else None

    def _update(self) -> None:
        cid, picked = self._current()
        self.choose.setEnabled(picked is not None)
        self.new_value.setEnabled(cid is not None)
        self.write.setEnabled(cid is not None)

    def select_value(self, conflict_index: int, value_index: int) -> None:
        top = self.model.index(conflict_index, 0)
        self.view.setCurrentIndex(self.model.index(value_index, 0, top))

    def choose_selected(self) -> bool:
        cid, picked = self._current()
        if cid is None or picked is None:
            return False
        return self._resolve(cid, picked[0])

    def write_new(self) -> bool:
        cid, _ = self._current()
        text = self.new_value.text().strip()
        if cid is None or not text:
            return False
        if self._resolve(cid, text):
            self.new_value.clear()
            return True
        return False

    def _resolve(self, cid: str, value, reason: str | None = None) -> bool:
        try:
            sync.resolve(self.db, cid, value, reason=reason)
        except E.VisitFrozen as exc:
            if reason is None:
                text, ok = QInputDialog.getText(
                    self, _tr("Biên bản đã ký"), _tr("Biên bản của xã %s đã ký. Lý do điều chỉnh:") % exc.commune
                )
                if ok and text.strip():
                    return self._resolve(cid, value, text.strip())
                return False
            errors.show(self, exc, _tr("Giải quyết xung đột"))
            return False
        except E.InspectorError as exc:
            errors.show(self, exc, _tr("Giải quyết xung đột"))
            return False
        self.reload()
        self.resolved.emit(cid)
        return True


class ConflictsDialog(QDialog):
    def __init__(self, db, parent: QWidget | None = None, inspection_id: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Xung đột cần quyết định"))
        self.widget = ConflictsWidget(db, inspection_id, self)
        buttons = _close_buttons(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.widget)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 860, 480)


# ---- merge log ---------------------------------------------------------------------------


class MergeLogWidget(QTreeView):
    HEADERS = ("Thời điểm", "Tệp", "Mã SHA-256", "Thêm mới", "Cập nhật", "Xung đột")

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setRootIsDecorated(False)
        self.setAlternatingRowColors(True)
        self.reload()

    def reload(self) -> None:
        self.model_.clear()
        self.model_.setHorizontalHeaderLabels([_tr(h) for h in self.HEADERS])
        for e in sync.merge_log(self.db):
            added = {k: v for k, v in (e.counts.get("added") or {}).items() if k != "events"}
            row = [
                QStandardItem(e.merged_at.replace("T", " ")),
                QStandardItem(e.file_name),
                QStandardItem(e.sha256[:12]),
                QStandardItem(counts_text(added)),
                QStandardItem(
                    counts_text(e.counts.get("updated") or {}) if any((e.counts.get("updated") or {}).values()) else ""
                ),
                QStandardItem(str(e.counts.get("conflicts", 0))),
            ]
            row[2].setToolTip(e.sha256)
            for it in row:
                it.setEditable(False)
            self.model_.appendRow(row)
        for col in range(self.model_.columnCount()):
            self.resizeColumnToContents(col)


class MergeLogDialog(QDialog):
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Nhật ký hợp nhất"))
        self.log = MergeLogWidget(db, self)
        buttons = _close_buttons(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.log)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 820, 360)


# ---- menu ---------------------------------------------------------------------------------


def add_sync_actions(
    window: QWidget,
    menu,
    db,
    db_path: str | Path,
    on_changed: Callable[[], None] | None = None,
    current_inspection: Callable[[], str | None] | None = None,
) -> dict:
    """Add Export / Merge / Conflicts / Merge log to a menu and accept dropped packages."""

    def changed(_=None) -> None:
        if on_changed:
            on_changed()

    def do_export() -> None:
        export_package(window, db_path, current_inspection() if current_inspection else None)

    def do_conflicts() -> None:
        ConflictsDialog(db, window).exec()
        changed()

    actions = {
        "export": menu.addAction(_tr("Xuất gói dữ liệu…"), do_export),
        "merge": menu.addAction(
            _tr("Hợp nhất gói dữ liệu…"), lambda: merge_packages(window, db, db_path, on_merged=changed)
        ),
        "conflicts": menu.addAction(_tr("Xung đột cần quyết định…"), do_conflicts),
        "log": menu.addAction(_tr("Nhật ký hợp nhất…"), lambda: MergeLogDialog(db, window).exec()),
    }
    actions["drop"] = PackageDropFilter(window, db, db_path, changed)
    return actions
