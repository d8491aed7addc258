"""The checklist pane: the items of the visit in their groups, with a search that ignores
diacritics and the filters All / Unanswered / Not met. Keyboard first: Up/Down between items
(group rows skipped), 1–4 answer, digits type a number, Enter the note, Delete clears.

It keeps a current item whatever the filter does; `mode_chosen(mode)` says a filter button was
pressed. Its words share the window's translation context ("MainWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from .checklist_model import ChecklistFilter, ChecklistModel


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


class ChecklistView(QTreeView):
    """Up/Down move between items (group rows are skipped), 1–4 answer, Enter goes to the note,
    Delete clears the answer, digits on a number item start typing the number."""

    choice_key = Signal(int)
    enter_key = Signal()
    clear_key = Signal()
    type_key = Signal(str)

    def keyPressEvent(self, e) -> None:
        key, mods = e.key(), e.modifiers()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier))
        if plain and Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.choice_key.emit(key - Qt.Key.Key_0)
            return
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_key.emit()
            return
        if plain and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_key.emit()
            return
        super().keyPressEvent(e)

    def moveCursor(self, action, modifiers):
        idx = super().moveCursor(action, modifiers)
        if action not in (QAbstractItemView.CursorAction.MoveUp, QAbstractItemView.CursorAction.MoveDown):
            return idx
        seen = 0
        while idx.isValid() and not idx.parent().isValid() and seen < 50:  # a group row: step over it
            self.setCurrentIndex(idx)
            nxt = super().moveCursor(action, modifiers)
            if nxt == idx:
                break
            idx = nxt
            seen += 1
        return idx


class ChecklistPane(QWidget):
    mode_chosen = Signal(int)

    def __init__(self, lang: str = "vi", parent=None) -> None:
        super().__init__(parent)
        self.cl_model = ChecklistModel(self)
        self.cl_model.lang = lang
        self.cl_filter = ChecklistFilter(self)
        self.cl_filter.setSourceModel(self.cl_model)
        self.view = ChecklistView()
        self.view.setObjectName("checklist")
        self.view.setModel(self.cl_filter)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAllColumnsShowFocus(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 150)
        header.resizeSection(2, 44)
        header.sectionCountChanged.connect(self._points_column)  # a set with points: "8,5/10" beside each item
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(_tr("Tìm tiêu chí (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_items)
        self.search.returnPressed.connect(self._search_done)
        QShortcut(
            QKeySequence("Esc"), self.search, activated=self._search_done, context=Qt.ShortcutContext.WidgetShortcut
        )
        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setSpacing(2)
        for mode, label in (
            (ChecklistFilter.ALL, _tr("Tất cả")),
            (ChecklistFilter.UNANSWERED, _tr("Chưa trả lời")),
            (ChecklistFilter.FAILED, _tr("Không đạt")),
        ):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setChecked(mode == ChecklistFilter.ALL)
            b.setObjectName(f"mode_{mode}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.mode_buttons.addButton(b, mode)
            modes.addWidget(b)
        self.mode_buttons.idClicked.connect(self.mode_chosen)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addLayout(modes)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(top)
        lay.addWidget(self.view)
        self.cl_filter.rowsRemoved.connect(self._keep_a_current_item)

    # ---- the current item ----------------------------------------------------------------------

    def _points_column(self, _old: int, new: int) -> None:
        if new > 3:
            header = self.view.header()
            header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(3, 76)

    def first_item(self) -> QModelIndex:
        for r in range(self.cl_filter.rowCount()):
            g = self.cl_filter.index(r, 0)
            if self.cl_filter.rowCount(g):
                return self.cl_filter.index(0, 0, g)
        return QModelIndex()

    def select_near(self, group_row: int, row: int) -> None:
        """After the current item left a filtered list: the item now at its place, or the next one."""
        f = self.cl_filter
        for g in range(max(group_row, 0), f.rowCount()):
            parent = f.index(g, 0)
            n = f.rowCount(parent)
            if n:
                self.view.expand(parent)
                self.view.setCurrentIndex(f.index(min(row, n - 1) if g == group_row else 0, 0, parent))
                return
        idx = self.first_item()
        if idx.isValid():
            self.view.setCurrentIndex(idx)

    def _keep_a_current_item(self, *args) -> None:
        if not self.view.currentIndex().isValid():
            QTimer.singleShot(0, self._select_after_filter)

    def _select_after_filter(self) -> None:
        if not self.view.currentIndex().isValid():
            self.view.expandAll()
            idx = self.first_item()
            if idx.isValid():
                self.view.setCurrentIndex(idx)

    # ---- search and filters --------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_items(self, text: str) -> None:
        self.cl_filter.set_search(text)
        self.view.expandAll()
        if not self.view.currentIndex().isValid():
            idx = self.first_item()
            if idx.isValid():
                self.view.setCurrentIndex(idx)

    def _search_done(self) -> None:
        if not self.search.text():
            self.view.setFocus()
            return
        if self.sender() is not None and isinstance(self.sender(), QShortcut):
            self.search.clear()
        self.view.setFocus()

    def set_mode(self, mode: int, keep: str | None = None) -> None:
        """Show all items, the unanswered or the failed ones; the item `keep` stays current if shown."""
        self.mode_buttons.button(mode).setChecked(True)
        self.cl_filter.set_mode(mode)
        self.view.expandAll()
        idx = self.cl_filter.mapFromSource(self.cl_model.index_of(keep)) if keep else QModelIndex()
        self.view.setCurrentIndex(idx if idx.isValid() else self.first_item())
        self.view.setFocus()


__all__ = ["ChecklistPane", "ChecklistView"]
