"""Editing lists in the dialogs: an editable table with add/remove/move buttons, a choice
delegate, and a completer that ignores diacritics ("ninh xuan" completes to "Ninh Xuân").
Loaded with the dialogs, not at start-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.text import fold

from .widgets import FoldRole, KeyRole


def _tr(text: str) -> str:
    return QCoreApplication.translate("widgets", text)


class FoldCompleter(QCompleter):
    """Completes from a list of strings, matching without diacritics or case, anywhere in the text."""

    def __init__(self, values: list[str], parent=None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for v in values:
            it = QStandardItem(v)
            it.setData(fold(v), FoldRole)
            model.appendRow(it)
        self.setModel(model)
        self.setCompletionRole(FoldRole)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex) -> str:
        return index.data(Qt.ItemDataRole.DisplayRole)


@dataclass
class Column:
    title: str
    width: int = 0  # 0: stretch
    choices: dict[str, str] = field(default_factory=dict)  # key -> label, for a drop-down column
    default: Callable[[list[str]], str] | None = None  # the key of a new row, from the column's keys so far
    completions: list[str] = field(default_factory=list)
    placeholder: str = ""


class ChoiceDelegate(QStyledItemDelegate):
    def __init__(self, choices: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        for k, label in self.choices.items():
            box.addItem(label, k)
        return box

    def setEditorData(self, editor: QComboBox, index) -> None:
        i = editor.findData(index.data(KeyRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        model.setData(index, editor.currentData(), KeyRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class CompleterDelegate(QStyledItemDelegate):
    def __init__(self, values: list[str], placeholder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.values = values
        self.placeholder = placeholder

    def createEditor(self, parent, option, index):
        edit = QLineEdit(parent)
        if self.values:
            edit.setCompleter(FoldCompleter(self.values, edit))
        edit.setPlaceholderText(self.placeholder)
        return edit


class EditableTable(QWidget):
    """A table of rows the user adds, edits in place, removes and reorders."""

    changed = Signal()

    def __init__(self, columns: list[Column], parent=None, *, add_text: str | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.model = QStandardItemModel(0, len(columns), self)
        self.model.setHorizontalHeaderLabels([c.title for c in columns])
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        for i, c in enumerate(columns):
            if c.choices:
                self.view.setItemDelegateForColumn(i, ChoiceDelegate(c.choices, self.view))
            elif c.completions or c.placeholder:
                self.view.setItemDelegateForColumn(i, CompleterDelegate(c.completions, c.placeholder, self.view))
            if c.width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(i, c.width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(add_text or _tr("Thêm"))
        self.remove_button = QPushButton(_tr("Xóa"))
        self.up_button = QPushButton(_tr("Lên"))
        self.down_button = QPushButton(_tr("Xuống"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self._buttons = buttons
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.model.dataChanged.connect(lambda *a: self.changed.emit())
        self.removed_ids: list[str] = []

    def add_button_after(self, button: QPushButton) -> None:
        """Another command beside Add, Remove, Up and Down (before the stretch)."""
        self._buttons.insertWidget(self._buttons.count() - 1, button)

    def column_keys(self, col: int) -> list[str]:
        """The stored keys of a drop-down column, row by row."""
        out = []
        for r in range(self.model.rowCount()):
            it = self.model.item(r, col)
            out.append(str(it.data(KeyRole) or "") if it else "")
        return out

    def add_row(self, values: list[str | None] | None = None, row_id: str | None = None, edit: bool = True) -> int:
        values = values or [None] * len(self.columns)
        items = []
        for c, v in zip(self.columns, values):
            it = QStandardItem()
            if c.choices:
                if v in c.choices:
                    key = v
                elif c.default is not None:
                    key = c.default(self.column_keys(self.columns.index(c)))
                else:
                    key = next(iter(c.choices))
                it.setData(key, KeyRole)
                it.setText(c.choices[key])
            else:
                it.setText(v or "")
            items.append(it)
        items[0].setData(row_id, KeyRole + 10)
        self.model.appendRow(items)
        row = self.model.rowCount() - 1
        if edit and row_id is None and not any(values):
            idx = self.model.index(row, 0)
            self.view.setCurrentIndex(idx)
            self.view.edit(idx)
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.view.currentIndex().row()
        if row < 0:
            return
        rid = self.row_id(row)
        if rid:
            self.removed_ids.append(rid)
        self.model.removeRow(row)
        self.changed.emit()

    def move_current(self, step: int) -> None:
        row = self.view.currentIndex().row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        items = self.model.takeRow(row)
        self.model.insertRow(target, items)
        self.view.setCurrentIndex(self.model.index(target, 0))
        self.changed.emit()

    def row_id(self, row: int) -> str | None:
        return self.model.item(row, 0).data(KeyRole + 10)

    def rows(self) -> list[tuple[str | None, list[str]]]:
        """(row id or None for a new row, [cell values: the key of a choice column, else the text])."""
        out = []
        for r in range(self.model.rowCount()):
            cells = []
            for c, col in enumerate(self.columns):
                it = self.model.item(r, c)
                cells.append((it.data(KeyRole) if col.choices else it.text()).strip() if it else "")
            out.append((self.row_id(r), cells))
        return out
