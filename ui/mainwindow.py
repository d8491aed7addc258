"""The main window: inspections and their communes on the left, the selected visit's checklist in
the middle, the selected item (guidance, answer, note, photos) on the right.

Every change is written at once through the core (no Save button); the status bar says when.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector import answers as ans
from inspector import checklist as cl
from inspector import demo, words
from inspector import errors as E
from inspector import inspections as ins

from . import amend, commands, errors, menus, widgets, workers
from .checklist_model import ChecklistFilter, ItemRole
from .checklist_pane import ChecklistPane
from .item_editing import ItemEditing
from .item_panel import ItemPanel
from .nav_pane import IdRole, NavPane
from .nav_pane import vn_date as _vn_date
from .photo_pane import PhotoPane
from .status_pane import StatusPane
from .widgets import roomy_tabs

logger = logging.getLogger(__name__)


def _tr(text: str, n: int = -1) -> str:
    """The interface's words in the chosen language; with n, "%n" in text is the count n and the
    translation has a singular and a plural form."""
    return QCoreApplication.translate("MainWindow", text, None, n)


# ---- the tree of inspections and communes ----------------------------------------------------

# ---- the checklist view: keyboard first ------------------------------------------------------


# ---- undo ---------------------------------------------------------------------------------


class MainWindow(QMainWindow):
    visit_changed = Signal(object)  # visit id or None

    def __init__(self, db, path: Path) -> None:
        super().__init__()
        self.db = db
        self.path = Path(path)
        self.settings = QSettings()
        self.lang = str(self.settings.value("language", "vi"))
        self.visit: ins.Visit | None = None
        self.checklist: cl.Checklist | None = None
        self.previous_answers: dict[str, ans.Answer] = {}
        self.previous: ins.Visit | None = None
        self.item: cl.Item | None = None
        self.undo = QUndoStack(self)
        self.setWindowTitle(_tr("Inspector — %s") % self.path.name)

        # left: inspections and communes (ui/nav_pane.py)
        self.nav = left = NavPane(db)
        self.model, self.nav_filter, self.tree, self.filter_box = (
            self.nav.model,
            self.nav.nav_filter,
            self.nav.tree,
            self.nav.filter_box,
        )
        self.tree.on_drop = self._tree_drop  # photos dropped on a commune go to that visit

        # middle: the checklist (ui/checklist_pane.py)
        self.checklist_pane = checklist_page = ChecklistPane(self.lang)
        cp = self.checklist_pane
        self.cl_model, self.cl_filter, self.view, self.search, self.mode_buttons = (
            cp.cl_model,
            cp.cl_filter,
            cp.view,
            cp.search,
            cp.mode_buttons,
        )
        cp.mode_chosen.connect(self._set_mode)
        self.visit_title = QLabel(_tr("Chọn một xã ở danh sách bên trái."))
        self.visit_title.setObjectName("visit_title")
        f = self.visit_title.font()
        f.setBold(True)
        self.visit_title.setFont(f)
        self.middle_tabs = roomy_tabs(QTabWidget())
        self.middle_tabs.setObjectName("middle_tabs")
        self.middle_tabs.setDocumentMode(True)
        self.middle_tabs.addTab(checklist_page, _tr("Bảng kiểm tra"))
        self.photos = PhotoPane(self)  # ui/photo_pane.py: the strip and the gallery, built when first needed
        self.middle_tabs.addTab(self.photos.gallery, _tr("Ảnh của xã"))
        self.middle_tabs.currentChanged.connect(self.photos.tab_changed)
        middle = QWidget()
        m_lay = QVBoxLayout(middle)
        m_lay.setContentsMargins(0, 4, 0, 4)
        m_lay.addWidget(self.visit_title)
        m_lay.addWidget(self.middle_tabs)

        # right: the item
        self.panel = ItemPanel(lang=self.lang)
        self.panel.setMinimumWidth(360)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)

        split = QSplitter()
        split.setObjectName("split")
        split.addWidget(left)
        split.addWidget(middle)
        split.addWidget(scroll)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 2)
        split.setSizes([250, 640, 430])
        split.setChildrenCollapsible(False)
        self.split = split
        self.setCentralWidget(split)

        self.status = StatusPane(self.statusBar())  # ui/status_pane.py
        st = self.status
        self.saved_label, self.progress_label, self.conflicts_button = (
            st.saved_label,
            st.progress_label,
            st.conflicts_button,
        )
        self.amend_label, self.amend_close, self.who_label = st.amend_label, st.amend_close, st.who_label
        st.end_amendment.connect(lambda: amend.close(self.visit.id if self.visit else None))
        amend.listen(self._show_amendment)
        self.show_who()

        self.editing = ItemEditing(self)  # ui/item_editing.py: keys, editors and the note write answers
        self.panel.confirm_button.clicked.connect(self.confirm_current)
        self.nav.visit_chosen.connect(self._visit_chosen)
        self.nav.inspection_chosen.connect(self._inspection_chosen)
        self.nav.visit_activated.connect(lambda _id: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.nav.inspection_activated.connect(lambda _id: self.edit_inspection())
        self.view.selectionModel().currentChanged.connect(self._item_changed)

        self._build_actions()
        self.status.conflicts_clicked.connect(self.act_conflicts.trigger)
        widgets.fit_to_screen(self, 1366, 768, maximize_when_small=True)
        self.reload()
        self._update_actions()
        QTimer.singleShot(0, self._show_conflicts)  # after the first paint

    # ---- optional parts (photos, documents, sync) --------------------------------------------

    @property
    def photo_strip(self):
        return self.photos.strip

    @property
    def gallery(self):
        return self.photos.gallery

    def _photos_changed(self) -> None:
        self.photos.changed()

    # ---- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
        return menus.action(self, text, slot, shortcut, name)

    def _build_actions(self) -> None:
        menus.build(self)

    # ---- dropping files on the window ----------------------------------------------------------

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls() and any(u.isLocalFile() for u in e.mimeData().urls()):
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:
        self.dragEnterEvent(e)

    def dropEvent(self, e) -> None:
        files = [u.toLocalFile() for u in e.mimeData().urls() if u.isLocalFile() and u.toLocalFile()]
        if not files:
            return
        e.acceptProposedAction()
        packages = [f for f in files if f.lower().endswith(".cchc")]
        others = [f for f in files if f not in packages]
        if packages:
            from . import sync as s

            s.merge_packages(self, self.db, self.path, packages, self.refresh)
        if others:
            self.import_photos(others)

    def _tree_drop(self, event) -> bool:
        """Files dropped on a commune in the tree: photos of that visit (packages are merged).
        NavTree accepts the drag itself; this handles the drop."""
        mime = event.mimeData()
        if not mime.hasUrls():
            return False
        idx = self.tree.indexAt(event.position().toPoint())
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]
        event.acceptProposedAction()
        if idx.isValid() and idx.parent().isValid() and not any(f.lower().endswith(".cchc") for f in files):
            self.photos.import_into(idx.data(IdRole), None, files)
            return True
        self.dropEvent(event)
        return True

    def import_photos(self, files: list[str]) -> None:
        """Files or folders dropped on the window: photos of the selected visit (and item)."""
        if self.visit is None:
            self.statusBar().showMessage(_tr("Chọn một xã trước khi thêm ảnh."), 6000)
            return
        self.photos.import_into(self.visit.id, self.item.code if self.item else None, files)

    def _update_actions(self) -> None:
        menus.update(self)

    # ---- the left tree ------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Rebuild the tree of inspections and communes, keeping (or moving to) a selection."""
        keep = select or (self.visit.id if self.visit else self.current_inspection_id())
        found = self.nav.reload(keep)
        self.statusBar().showMessage(_tr("%n đợt kiểm tra", self.nav.count()), 4000)
        if keep and not found:
            self._show_visit(None)

    def current_inspection_id(self) -> str | None:
        return self.nav.current_inspection_id() or (self.visit.inspection_id if self.visit else None)

    def _visit_chosen(self, visit_id: str) -> None:
        self._show_visit(visit_id)
        self._update_actions()

    def _inspection_chosen(self, inspection_id: str) -> None:
        self._show_visit(None, keep_inspection=True)
        self._update_actions()

    def _show_conflicts(self) -> None:
        from inspector import events

        n = events.conflict_count(self.db)
        self.status.show_conflicts(n)

    def refresh(self, merged=None) -> None:
        """After something outside the window changed the database (documents, a dialog): the whole
        tree; after a merge (its report given): only what the merge touched."""
        self._show_conflicts()
        vid = self.visit.id if self.visit else None
        if merged is None:
            self.reload(vid)
        else:
            keep = vid or self.current_inspection_id()
            found = self.nav.update(
                merged.inspection_ids, keep, changed=merged.inspections_changed, visit_ids=merged.visit_ids
            )
            if not found and keep:
                self._show_visit(None)
                vid = None
        if vid:
            self._show_visit(vid, force=True)

    # ---- the visit ----------------------------------------------------------------------------

    def _show_visit(self, visit_id: str | None, keep_inspection: bool = False, force: bool = False) -> None:
        if not force and self.visit is not None and visit_id == self.visit.id:
            return
        self._flush()
        if self.visit is not None and self.visit.id != visit_id:
            amend.close(self.visit.id)  # an amendment ends with its visit
        code = self.item.code if self.item else None
        self.item = None
        if visit_id is None:
            self.visit = None
            self.checklist = None
            self.previous, self.previous_answers = None, {}
            self.cl_model.set_visit(None, {})
            self.visit_title.setText(_tr("Chọn một xã ở danh sách bên trái."))
            self.status.show_progress(None)
        else:
            try:
                self.visit = ins.get_visit(self.db, visit_id)
                self.checklist = cl.get(self.db, self.visit.checklist_version)
            except E.InspectorError as exc:
                errors.show(self, exc)
                return
            self.previous = ins.previous_visit(self.db, self.visit.id)
            base = self.visit.based_on or (self.previous.id if self.previous else None)
            self.previous_answers = ans.answers_for_visit(self.db, base) if base else {}
            self.cl_model.set_visit(
                self.checklist,
                ans.answers_for_visit(self.db, self.visit.id),
                self.photos.counts(),
                self._amended_items(),
            )
            self.view.expandAll()
            self._show_title()
            target = self.cl_filter.mapFromSource(self.cl_model.index_of(code)) if (force and code) else QModelIndex()
            if not target.isValid():
                target = self._first_item()
            if target.isValid():
                self.view.setCurrentIndex(target)
        self._load_item()
        self.photos.visit_shown()
        self.visit_changed.emit(self.visit.id if self.visit else None)
        self._update_actions()

    def _show_title(self) -> None:
        v = self.visit
        if v is None:
            return
        parts = [v.commune]
        if v.province:
            parts[0] += f", {v.province}"
        if v.date:
            parts.append(_vn_date(v.date))
        if v.frozen:
            parts.append(_tr("đã ký biên bản"))
        self._title_parts = parts
        if self.checklist:  # which criteria set and version the commune is checked against
            self.middle_tabs.setTabText(0, _tr("Bảng kiểm tra · %s") % self.checklist.id)
        self.visit_title.setToolTip(
            _tr("Bộ tiêu chí: %s (%s)") % (self.checklist.title, self.checklist.id) if self.checklist else ""
        )
        self._show_progress()

    def _show_progress(self) -> None:
        done, total = self.cl_model.total_progress()
        self.status.show_progress(done, total)
        if self.visit is None:
            return
        parts = list(getattr(self, "_title_parts", [self.visit.commune]))
        score = self.cl_model.score
        if score is not None:  # the commune's total and class, as the answers stand
            from inspector.scoring import points_text

            text = _tr("%s/%s điểm") % (points_text(score.points), points_text(score.maximum))
            if score.index is not None and score.maximum != 100:
                text += _tr(" (chỉ số %s)") % points_text(score.index)
            if score.klass:
                text += f" · {score.klass}"
            parts.append(text)
        self.visit_title.setText(" — ".join(parts))

    def _first_item(self) -> QModelIndex:
        return self.checklist_pane.first_item()

    # ---- the item -----------------------------------------------------------------------------

    def _item_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if previous.isValid() and previous.data(ItemRole) is not None:
            self._flush()
        self._load_item()
        self._update_actions()

    def _load_item(self) -> None:
        idx = self.view.currentIndex()
        item = idx.data(ItemRole) if idx.isValid() else None
        if item is None and idx.isValid() and self.cl_filter.rowCount(idx):
            item = None
        self.item = item
        a = self.cl_model.answers.get(item.code) if item else None
        prev = self.previous_answers.get(item.code) if item else None
        self.panel.set_item(item, a, prev.value if prev else None, self.lang)
        self._show_who(a)
        self._show_amended()
        frozen = bool(self.visit and self.visit.frozen)
        self.panel.editor.setToolTip(_tr("Biên bản đã ký: sửa sẽ là điều chỉnh, cần ghi lý do.") if frozen else "")
        self.photos.set_item(self.visit.id if self.visit else None, item.code if item else None)

    def _show_amended(self) -> None:
        """On the item: each change made after the minutes were signed."""
        lines = []
        if self.visit is not None and self.item is not None and self.item.code in self.cl_model.amended:
            from inspector import minutes as mn

            item = self.item
            for a in mn.amendments(self.db, self.visit.id):
                if a.item_code != item.code:
                    continue
                if a.field == "note":
                    what = _tr("ghi chú")
                    old, new = a.old or "—", a.new or "—"
                else:
                    what = _tr("kết quả")
                    old = ans.display(item, a.old, self.lang) or "—"
                    new = ans.display(item, a.new, self.lang) or "—"
                lines.append(
                    _tr("Điều chỉnh %s sau khi ký: %s → %s; lý do: %s (%s, %s)")
                    % (what, old, new, words.reason_text(a.reason, self.lang), a.author, a.time)
                )
        self.panel.amended.setText("\n".join(lines))
        self.panel.amended.setVisible(bool(lines))

    def _show_who(self, answer: ans.Answer | None) -> None:
        from inspector import events

        if answer is None or (answer.value is None and not answer.note):
            self.panel.who.hide()
            return
        changes = [e for e in events.history(self.db, answer.id) if e["field"] in ("value", "note")]
        if not changes:
            self.panel.who.hide()
            return
        last = changes[-1]
        self.panel.show_who(last["author"] or "", events.hlc_time(last["hlc"]))

    def _select_near(self, group_row: int, row: int) -> None:
        self.checklist_pane.select_near(group_row, row)

    def _flush(self) -> None:
        self.editing.flush()

    def set_current_value(self, value) -> None:
        self.editing.set_current_value(value)

    def write_answer(self, visit_id: str, code: str, value, note, *, undoable: bool = True) -> bool:
        """Write one answer (value, and the note unless None) now; the status bar confirms it."""
        return self.editing.write_answer(visit_id, code, value, note, undoable=undoable)

    def _update_nav_count(self) -> None:
        if self.visit is not None:
            self.nav.set_visit_count(self.visit, *self.cl_model.total_progress())

    def _focus_search(self) -> None:
        self.checklist_pane.focus_search()

    def _set_mode(self, mode: int, from_menu: bool = False) -> None:
        self.checklist_pane.set_mode(mode, self.item.code if self.item else None)

    def next_unanswered(self) -> None:
        if self.checklist is None:
            return
        codes = [it.code for its in self.cl_model.items for it in its]
        start = codes.index(self.item.code) + 1 if self.item and self.item.code in codes else 0
        for code in codes[start:] + codes[:start]:
            a = self.cl_model.answers.get(code)
            if a is None or a.value is None:
                idx = self.cl_filter.mapFromSource(self.cl_model.index_of(code))
                if not idx.isValid():
                    self._set_mode(ChecklistFilter.ALL)
                    idx = self.cl_filter.mapFromSource(self.cl_model.index_of(code))
                self.view.setCurrentIndex(idx)
                self.view.setFocus()
                return
        self.statusBar().showMessage(_tr("Đã trả lời hết các tiêu chí."), 4000)

    # ---- suggestions from the previous visit ---------------------------------------------------

    def confirm_current(self) -> None:
        commands.confirm_current(self)

    def confirm_all(self) -> None:
        commands.confirm_all(self)

    def start_from_previous(self) -> None:
        commands.start_from_previous(self)

    def new_inspection(self) -> None:
        commands.new_inspection(self)

    def edit_inspection(self) -> None:
        commands.edit_inspection(self)

    def delete_inspection(self) -> None:
        commands.delete_inspection(self)

    def edit_visit(self) -> None:
        commands.edit_visit(self)

    def delete_visit(self) -> None:
        commands.delete_visit(self)

    def open_settings(self) -> None:
        commands.open_settings(self)

    def offer_restart(self) -> None:
        commands.offer_restart(self)

    def open_summary(self) -> None:
        commands.open_summary(self)

    def open_answer(self, visit_id: str, code: str) -> None:
        """Select a commune and one of its items (from the summary view)."""
        self.nav.select(visit_id)
        self._show_visit(visit_id)
        self._set_mode(ChecklistFilter.ALL)
        idx = self.cl_filter.mapFromSource(self.cl_model.index_of(code))
        if idx.isValid():
            self.view.setCurrentIndex(idx)
        self.raise_()
        self.activateWindow()

    def show_keys(self) -> None:
        from .keys import keys_text

        QtWidgets.QMessageBox.information(self, _tr("Phím tắt"), keys_text())

    def show_about(self) -> None:
        """The version and build, the database, the criteria set of the shown commune, the data
        and log folders: what a person reads out when asking for help."""
        from inspector import paths
        from inspector import version as ver

        checklist = ""
        if self.visit is not None:
            try:
                c = cl.get(self.db, self.visit.checklist_version)
                checklist = f"{c.title} ({c.id})"
            except E.InspectorError:
                checklist = self.visit.checklist_version
        text = _tr(
            "Inspector — kiểm tra, giám sát cải cách hành chính cấp xã.\n"
            "Làm việc không cần mạng; mọi thay đổi được lưu ngay vào tệp.\n\n"
            "Phiên bản: %1\nCơ sở dữ liệu: %2\nBộ tiêu chí: %3\nThư mục dữ liệu: %4\nNhật ký: %5"
        )
        for n, value in enumerate(
            (ver.describe(), str(self.path), checklist or "—", str(paths.data_dir()), str(paths.log_dir())), 1
        ):
            text = text.replace(f"%{n}", value)
        QtWidgets.QMessageBox.about(self, _tr("Giới thiệu Inspector"), text)

    def open_log_folder(self) -> None:
        """The folder of the log files, in the system's file manager (to send them to support)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from inspector import paths

        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    # ---- demo and closing ---------------------------------------------------------------------------

    def _amended_items(self) -> set[str]:
        """The items of the shown visit changed after its minutes were signed (marked in the list)."""
        if self.visit is None or not self.visit.frozen:
            return set()
        from inspector import minutes as mn  # loaded only for signed minutes

        return mn.amended_items(self.db, self.visit.id)

    def _show_amendment(self) -> None:
        """The banner of an open amendment: its reason and the button that ends it."""
        reason = amend.current(self.visit.id if self.visit else None)
        self.status.show_amendment(reason)

    def show_who(self) -> None:
        """Who is entering, in the status bar (changed in Settings)."""
        from .status_pane import who_text

        self.status.show_who(who_text(self.db))

    def offer_demo_if_empty(self) -> None:
        if self.model.rowCount():
            return
        from .dialogs import confirm

        if confirm(
            self, _tr("Dữ liệu mẫu"), _tr("Cơ sở dữ liệu còn trống. Tạo một đợt kiểm tra mẫu (5 xã) để dùng thử?")
        ):
            demo.create_demo(self.db)
            self.reload()
            self._select_first_visit()

    def _select_first_visit(self) -> None:
        self.nav.select_first_visit()

    def closeEvent(self, e) -> None:
        self._flush()
        amend.close()
        workers.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/split", self.split.saveState())
        super().closeEvent(e)
        # every other window of the app (summary, preview…) goes with the main one: nothing is
        # unsaved anywhere, so nothing asks, and the process ends
        for w in QtWidgets.QApplication.topLevelWidgets():
            if w is not self and w.isWindow() and w.isVisible():
                w.close()

    def restore_layout(self) -> None:
        geo = self.settings.value("window/geometry")
        if geo is not None:
            self.restoreGeometry(geo)
        state = self.settings.value("window/split")
        if state is not None:
            self.split.restoreState(state)


__all__ = ["MainWindow"]
