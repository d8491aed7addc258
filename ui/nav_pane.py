"""The navigation pane: inspections and their communes, with a filter that ignores diacritics.

It shows what it is given and says what the person chose: `visit_chosen(visit id)`,
`inspection_chosen(inspection id)` when a row becomes current, `visit_activated` and
`inspection_activated` on Enter or a double click. Files dropped on a row go to `on_drop(event)`.
Its words share the window's translation context ("MainWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from inspector import checklist as cl
from inspector import errors as E
from inspector import inspections as ins

from .widgets import FoldFilter

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 12  # "inspection" | "visit"
OrderRole = Qt.ItemDataRole.UserRole + 13  # a commune's place among its inspection's (ins.visit_order)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


def vn_date(iso: str) -> str:
    if len(iso or "") == 10:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"
    return iso or ""


class NavTree(QTreeView):
    """Files dropped on a row are handed to `on_drop(event)` (photos of that commune's visit).
    The view's own drag handlers receive its viewport's drag events, so the viewport is never
    touched here (asking PySide for it at start-up costs 14 ms of type loading)."""

    on_drop = None

    def dragEnterEvent(self, e) -> None:
        if e.mimeData().hasUrls():
            e.acceptProposedAction()

    def dragMoveEvent(self, e) -> None:
        self.dragEnterEvent(e)

    def dropEvent(self, e) -> None:
        if self.on_drop is not None:
            self.on_drop(e)


class FilterBox(QLineEdit):
    """The filter above the list: Down goes into the list (Enter is its returnPressed)."""

    down = Signal()

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Down and not e.modifiers():
            self.down.emit()
            return
        super().keyPressEvent(e)


class NavPane(QWidget):
    visit_chosen = Signal(str)
    inspection_chosen = Signal(str)
    visit_activated = Signal(str)
    inspection_activated = Signal(str)

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = QStandardItemModel(self)
        self.nav_filter = FoldFilter(self)
        self.nav_filter.setSourceModel(self.model)
        self.tree = NavTree()
        self.tree.setObjectName("nav")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.nav_filter)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.setAcceptDrops(True)
        self.filter_box = FilterBox()
        self.filter_box.setObjectName("nav_filter")
        self.filter_box.setPlaceholderText(_tr("Lọc xã, đợt kiểm tra…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.set_filter)
        self.filter_box.down.connect(self._into_list)  # typed a commune's name, then Down or Enter
        self.filter_box.returnPressed.connect(self._open_first)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 0, 4)
        lay.addWidget(self.filter_box)
        lay.addWidget(self.tree)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)

    # ---- what is shown ----------------------------------------------------------------------

    @staticmethod
    def visit_label(v: ins.Visit, done: int, total: int) -> str:
        mark = "✔ " if v.frozen else ""
        when = f" · {vn_date(v.date)[:5]}" if v.date else ""
        return f"{mark}{v.commune}{when} · {done}/{total}"

    def reload(self, select: str | None = None) -> bool:
        """Rebuild the tree of inspections and communes; select `select` (an inspection or visit
        id) again. False when it is gone."""
        self.model.clear()
        counts = ins.answered_counts(self.db)
        totals: dict[str, int] = {}
        for insp in ins.list_inspections(self.db):
            self.model.appendRow(self._inspection_row(insp, counts, totals))
        self.tree.expandAll()
        return bool(select) and self.select(select)

    def update(
        self,
        inspection_ids: set[str],
        select: str | None = None,
        *,
        changed: set[str] | None = None,
        visit_ids: set[str] | None = None,
    ) -> bool:
        """Update what a merge touched, the other rows untouched; the tree is then the one reload()
        makes. An inspection in `changed` (its own fields), new or gone is rebuilt with its
        communes; in the others, only the communes of visit_ids are (when None: all of them).
        Select `select` again; False when it is gone."""
        if not inspection_ids:
            return bool(select) and self.select(select)
        order = {
            insp.id: n for n, insp in enumerate(ins.list_inspections(self.db))
        }  # the inspections, not their visits
        rows = {self.model.item(r).data(IdRole): self.model.item(r) for r in range(self.model.rowCount())}
        rebuild = {i for i in inspection_ids if visit_ids is None or i in (changed or set()) or i not in rows}
        rebuild |= {i for i in inspection_ids if i not in order}  # deleted
        selection = self.tree.selectionModel()
        selection.blockSignals(True)  # rows removed here are not a choice of the person
        try:
            for r in reversed(range(self.model.rowCount())):
                if self.model.item(r).data(IdRole) in rebuild:
                    self.model.removeRow(r)
            totals: dict[str, int] = {}
            for iid in sorted((i for i in rebuild if i in order), key=order.__getitem__):
                insp = ins.get_inspection(self.db, iid)
                at = sum(
                    1
                    for r in range(self.model.rowCount())
                    if order.get(self.model.item(r).data(IdRole), -1) < order[iid]
                )
                row = self._inspection_row(insp, ins.answered_counts(self.db, iid), totals)
                self.model.insertRow(at, row)
                self.tree.expand(self.nav_filter.mapFromSource(row.index()))
            kept = {i: rows[i] for i in inspection_ids if i not in rebuild}
            if kept and visit_ids:
                self._update_visits(kept, visit_ids, totals)
        finally:
            selection.blockSignals(False)
        return bool(select) and self.select(select)

    def _update_visits(self, parents: dict[str, QStandardItem], visit_ids: set[str], totals: dict[str, int]) -> None:
        """The communes of visit_ids under these inspections' rows: changed, moved, added or gone."""
        current = {v.id: v for v in ins.visits(self.db, ids=visit_ids) if v.inspection_id in parents}
        counts = ins.answered_counts(self.db, visit_ids=current)
        for iid, parent in parents.items():
            for r in reversed(range(parent.rowCount())):
                if parent.child(r).data(IdRole) in visit_ids:
                    parent.removeRow(r)
            total = self._total(ins.get_inspection(self.db, iid).checklist_version, totals)
            for v in (v for v in current.values() if v.inspection_id == iid):
                key = ins.visit_order(v)
                at = sum(1 for r in range(parent.rowCount()) if parent.child(r).data(OrderRole) <= key)
                # the list form: PySide's QStandardItem.insertRow(int, item) leaves the item to
                # Python, which deletes it (an empty row) once its last reference goes
                parent.insertRow(at, [self._visit_row(v, counts.get(v.id, 0), total)])

    def _total(self, version: str, totals: dict[str, int]) -> int:
        """How many items a checklist version has (0 when it is unknown here), looked up once per version."""
        if version not in totals:
            try:
                totals[version] = cl.item_count(self.db, version)
            except E.InspectorError:
                totals[version] = 0
        return totals[version]

    def _visit_row(self, v: ins.Visit, done: int, total: int) -> QStandardItem:
        child = QStandardItem(self.visit_label(v, done, total))
        child.setData(v.id, IdRole)
        child.setData("visit", KindRole)
        child.setData(ins.visit_order(v), OrderRole)
        child.setToolTip(f"{v.commune}, {v.province}" if v.province else v.commune)
        return child

    def _inspection_row(self, insp: ins.Inspection, counts: dict[str, int], totals: dict[str, int]) -> QStandardItem:
        label = insp.title
        if insp.decision_no:
            label += f" ({insp.decision_no})"
        parent = QStandardItem(label)
        parent.setData(insp.id, IdRole)
        parent.setData("inspection", KindRole)
        parent.setToolTip(f"{insp.kind_label.capitalize()}: {insp.title}")
        total = self._total(insp.checklist_version, totals)
        for v in ins.visits(self.db, insp.id):
            parent.appendRow(self._visit_row(v, counts.get(v.id, 0), total))
        return parent

    def count(self) -> int:
        """How many inspections are listed."""
        return self.model.rowCount()

    def set_visit_count(self, visit: ins.Visit, done: int, total: int) -> None:
        """The progress shown beside a commune, after an answer changed."""
        for r in range(self.model.rowCount()):
            parent = self.model.item(r)
            for i in range(parent.rowCount()):
                child = parent.child(i)
                if child.data(IdRole) == visit.id:
                    child.setText(self.visit_label(visit, done, total))
                    return

    # ---- selection ----------------------------------------------------------------------------

    def select(self, entity_id: str) -> bool:
        """Make the inspection or visit with this id current; False when it is not listed."""
        for r in range(self.model.rowCount()):
            parent = self.model.item(r)
            candidates = [parent] + [parent.child(i) for i in range(parent.rowCount())]
            for it in candidates:
                if it.data(IdRole) == entity_id:
                    idx = self.nav_filter.mapFromSource(it.index())
                    if idx.isValid():
                        self.tree.setCurrentIndex(idx)
                        return True
        return False

    def select_first_visit(self) -> None:
        """The first commune the list shows, under whichever inspection it is."""
        for r in range(self.nav_filter.rowCount()):
            parent = self.nav_filter.index(r, 0)
            if self.nav_filter.rowCount(parent):
                self.tree.setCurrentIndex(self.nav_filter.index(0, 0, parent))
                return

    def select_first_child(self) -> None:
        """After filtering: from an inspection to its first matching commune."""
        idx = self.tree.currentIndex()
        if idx.isValid() and self.nav_filter.rowCount(idx):
            self.tree.setCurrentIndex(self.nav_filter.index(0, 0, idx))

    def current_inspection_id(self) -> str | None:
        """The inspection of the current row (itself, or the commune's), None when none is current."""
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        if idx.parent().isValid():
            return idx.parent().data(IdRole)
        return idx.data(IdRole)

    def _into_list(self) -> None:
        """From the filter into the list, on the first commune it shows (or the current one)."""
        if not self.tree.currentIndex().isValid():
            self.select_first_visit()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_first(self) -> None:
        """Enter in the filter: open the first commune it shows, as Enter in the list would."""
        self.select_first_visit()
        idx = self.tree.currentIndex()
        if idx.isValid() and idx.parent().isValid():
            self._activated(idx)

    def set_filter(self, text: str) -> None:
        self.nav_filter.set_text(text)
        self.tree.expandAll()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if current.isValid() and current.parent().isValid():
            self.visit_chosen.emit(current.data(IdRole))
        elif current.isValid():
            self.inspection_chosen.emit(current.data(IdRole))

    def _activated(self, idx: QModelIndex) -> None:
        if idx.parent().isValid():
            self.visit_activated.emit(idx.data(IdRole))
        else:
            self.inspection_activated.emit(idx.data(IdRole))


__all__ = ["FilterBox", "IdRole", "KindRole", "NavPane", "NavTree", "vn_date"]
