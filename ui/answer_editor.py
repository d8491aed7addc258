"""One editor per answer type: assessment and yes/no as toggle buttons, count as a spin box,
ratio as two numbers with the percentage shown live, text as a text box.

The editor emits `committed(value)` with the value in the form the core parses (None clears the
answer); it never writes anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from inspector import answers as ans
from inspector import checklist as cl
from inspector.text import percent

MAX_COUNT = 10_000_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("AnswerEditor", text)


class _NumberBox(QSpinBox):
    """A number typed with the keyboard, never stepped: Up/Down, Page Up/Down and the mouse wheel
    do not change it (they would silently change a saved figure). Esc, Up and Down leave the box
    with what was typed kept (`leave(key)`: the window goes back to the list, or to the item above
    or below); Enter keeps the value and the box."""

    leave = Signal(int)
    _LEAVING = (Qt.Key.Key_Escape, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel does not take the focus either

    def stepBy(self, steps: int) -> None:
        return  # no key, button or wheel steps a figure

    def wheelEvent(self, e) -> None:
        e.ignore()  # the list around it scrolls instead

    def keyPressEvent(self, e) -> None:
        if e.key() in self._LEAVING:
            self.interpretText()
            self.editingFinished.emit()  # what was typed is kept (committed once, by the editor)
            self.leave.emit(int(e.key()))
            e.accept()
            return
        super().keyPressEvent(e)


class _RowEditor(QWidget):
    """An answer editor laid out in one row; `committed` carries the new stored value, `leave`
    the key that left a value box (Esc, Up, Down…)."""

    committed = Signal(object)
    leave = Signal(int)
    lang = "vi"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)


class _Choice(_RowEditor):
    """A row of exclusive toggle buttons; clicking the checked one again clears the answer."""

    def __init__(self, choices: list[tuple[str, str]], parent=None) -> None:
        super().__init__(parent)
        lay = self.row
        lay.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QPushButton] = {}
        for n, (key, label) in enumerate(choices, 1):
            b = QPushButton(f"{n}  {label}")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            b.setToolTip(_tr("Phím %d") % n)
            b.setObjectName(f"choice_{key}")
            self.group.addButton(b)
            self.buttons[key] = b
            lay.addWidget(b)
            b.clicked.connect(lambda checked, k=key: self.committed.emit(k if checked else None))
        lay.addStretch(1)
        self.keys = [k for k, _ in choices]

    def set_value(self, value: str | None) -> None:
        for k, b in self.buttons.items():
            b.setChecked(k == value)


class _Count(_RowEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = self.row
        self.spin = _NumberBox()
        self.spin.leave.connect(self.leave)
        self.spin.setRange(-1, MAX_COUNT)
        self.spin.setSpecialValueText(_tr("chưa nhập"))
        self.spin.setMinimumWidth(110)
        self.spin.setGroupSeparatorShown(False)
        self.unit = QLabel()
        self.no_data = QToolButton()
        self.no_data.setText(_tr("Không có số liệu"))
        self.no_data.setCheckable(True)
        lay.addWidget(self.spin)
        lay.addWidget(self.unit)
        lay.addWidget(self.no_data)
        lay.addStretch(1)
        self.spin.editingFinished.connect(self._commit)
        self.no_data.clicked.connect(self._no_data)
        self._value: str | None = None

    def setup(self, item: cl.Item) -> None:
        self.unit.setText(ans.unit(item, self.lang))

    def set_value(self, value: str | None) -> None:
        self._value = value
        self.no_data.setChecked(value == ans.NO_DATA)
        self.spin.blockSignals(True)
        self.spin.setValue(int(value) if value and value.isdigit() else -1)
        self.spin.blockSignals(False)

    def value(self) -> str | None:
        return None if self.spin.value() < 0 else str(self.spin.value())

    def _commit(self) -> None:
        v = self.value()
        if v != self._value and not (v is None and self._value == ans.NO_DATA):
            self._value = v
            self.no_data.setChecked(False)
            self.committed.emit(v)

    def _no_data(self, checked: bool) -> None:
        self._value = ans.NO_DATA if checked else None
        self.spin.blockSignals(True)
        self.spin.setValue(-1)
        self.spin.blockSignals(False)
        self.committed.emit(self._value)


class _Ratio(_RowEditor):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        lay = self.row
        self.num = _NumberBox()
        self.den = _NumberBox()
        for s in (self.num, self.den):
            s.leave.connect(self._leave)
            s.setRange(-1, MAX_COUNT)
            s.setSpecialValueText("–")
            s.setMinimumWidth(90)
            s.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
            s.editingFinished.connect(self._commit)
            s.valueChanged.connect(self._show)
        self.num_label = QLabel()
        self.den_label = QLabel()
        self.result = QLabel()
        self.result.setObjectName("ratio_result")
        self.result.setMinimumWidth(160)
        self.no_data = QToolButton()
        self.no_data.setText(_tr("Không có số liệu"))
        self.no_data.setCheckable(True)
        self.no_data.clicked.connect(self._no_data)
        lay.addWidget(self.num)
        lay.addWidget(QLabel("/"))
        lay.addWidget(self.den)
        lay.addWidget(self.result)
        lay.addWidget(self.no_data)
        lay.addStretch(1)
        self._value: str | None = None

    def setup(self, item: cl.Item) -> None:
        a, b = item.ratio_labels()
        self.num.setToolTip(a)
        self.den.setToolTip(b)

    def set_value(self, value: str | None) -> None:
        self._value = value
        parts = ans.ratio_parts(value) if value != ans.NO_DATA else None
        for s, v in zip((self.num, self.den), parts or (-1, -1)):
            s.blockSignals(True)
            s.setValue(v)
            s.blockSignals(False)
        self.no_data.setChecked(value == ans.NO_DATA)
        self._show()

    def value(self) -> str | None:
        a, b = self.num.value(), self.den.value()
        if a < 0 or b < 0:
            return None
        return f"{a}/{b}"

    def _leave(self, key: int) -> None:
        self._commit(leaving=True)
        self.leave.emit(key)

    def valid(self) -> bool:
        a, b = self.num.value(), self.den.value()
        return not (a >= 0 and b >= 0 and a > b)

    def _show(self) -> None:
        a, b = self.num.value(), self.den.value()
        if a >= 0 and b >= 0:
            if a > b:
                self.result.setText(_tr("tử số lớn hơn mẫu số"))
                self.result.setStyleSheet("color: #b3261e")
            else:
                self.result.setText(f"{a}/{b} = {percent(a, b, self.lang)}")
                self.result.setStyleSheet("")
        else:
            self.result.setText("")
            self.result.setStyleSheet("")

    def _commit(self, leaving: bool = False) -> None:
        focus = QApplication.focusWidget()
        if not leaving and focus in (self.num, self.den) and focus is not self.sender():
            return  # moving from one number to the other is not the end of the entry
        v = self.value()
        if not self.valid() or v == self._value:
            return
        if v is None and (self.num.value() >= 0 or self.den.value() >= 0):
            return  # half entered: wait for the other number
        self._value = v
        self.no_data.setChecked(False)
        self.committed.emit(v)

    def _no_data(self, checked: bool) -> None:
        self.set_value(ans.NO_DATA if checked else None)
        self.committed.emit(self._value)


class _Text(QPlainTextEdit):
    committed = Signal(object)
    leave = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self._value: str | None = None
        self._timer = QTimer(self, singleShot=True, interval=800)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._timer.start)

    def setup(self, item: cl.Item) -> None:
        self.setPlaceholderText(_tr("Nhập kết quả…"))

    def set_value(self, value: str | None) -> None:
        self._value = value
        self.blockSignals(True)
        self.setPlainText(value or "")
        self.blockSignals(False)

    def focusOutEvent(self, e) -> None:
        self.commit()
        super().focusOutEvent(e)

    def keyPressEvent(self, e) -> None:
        if e.key() == Qt.Key.Key_Escape:  # back to the list, the text kept
            self.commit()
            self.leave.emit(int(e.key()))
            e.accept()
            return
        super().keyPressEvent(e)

    def commit(self) -> None:
        self._timer.stop()
        v = self.toPlainText().strip() or None
        if v != (self._value or None):
            self._value = v
            self.committed.emit(v)


class AnswerEditor(QStackedWidget):
    """Shows the editor that fits the selected item's type."""

    committed = Signal(object)
    leave = Signal(int)  # a key that left a value box: Esc, Up, Down, Page Up, Page Down

    def __init__(self, parent=None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.assessment = _Choice(list((ans.ASSESSMENT_EN if lang == "en" else ans.ASSESSMENT).items()))
        self.yesno = _Choice(list((ans.YESNO_EN if lang == "en" else ans.YESNO).items()))
        self.count = _Count()
        self.count.lang = lang
        self.ratio = _Ratio()
        self.ratio.lang = lang
        self.text = _Text()
        self.empty = QWidget()
        self.editors = {
            "assessment": self.assessment,
            "yesno": self.yesno,
            "count": self.count,
            "ratio": self.ratio,
            "text": self.text,
        }
        for w in (*self.editors.values(), self.empty):
            self.addWidget(w)
            if w is not self.empty:
                w.committed.connect(self.committed)
                w.leave.connect(self.leave)
        self.item: cl.Item | None = None
        self.setCurrentWidget(self.empty)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_item(self, item: cl.Item | None, value: str | None) -> None:
        self.item = item
        if item is None:
            self.setCurrentWidget(self.empty)
            return
        ed = self.editors.get(item.type, self.text)
        if hasattr(ed, "setup"):
            ed.setup(item)
        ed.set_value(value)
        self.setCurrentWidget(ed)
        self.updateGeometry()

    def sizeHint(self):
        return self.currentWidget().sizeHint()

    def minimumSizeHint(self):
        return self.currentWidget().minimumSizeHint()

    def set_value(self, value: str | None) -> None:
        if self.item is not None:
            self.editors.get(self.item.type, self.text).set_value(value)

    def flush(self) -> None:
        """Commit what is typed but not yet committed (before moving to another item)."""
        if self.item is None:
            return
        ed = self.editors.get(self.item.type)
        if ed is self.text:
            self.text.commit()
        elif ed is self.count:
            self.count._commit()
        elif ed is self.ratio:
            if self.ratio.valid() and self.ratio.value() is not None and self.ratio.value() != self.ratio._value:
                self.ratio._value = self.ratio.value()
                self.ratio.committed.emit(self.ratio._value)

    def choice_for_key(self, n: int) -> str | bool | None:
        """The value that key n (1–4) sets on the current item; False when the key does nothing."""
        if self.item is None:
            return False
        ed = self.editors.get(self.item.type)
        if isinstance(ed, _Choice) and 1 <= n <= len(ed.keys):
            return ed.keys[n - 1]
        return False

    def focus_input(self, text: str = "") -> bool:
        """Put the keyboard in the value box (count, ratio, text), optionally typing text into it."""
        if self.item is None:
            return False
        ed = self.editors.get(self.item.type)
        target: QWidget | None = {
            "count": self.count.spin if ed is self.count else None,
            "ratio": self.ratio.num if ed is self.ratio else None,
            "text": self.text if ed is self.text else None,
        }.get(self.item.type)
        if target is None:
            return False
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(target, QSpinBox):
            if text:
                target.lineEdit().setText(text)
            else:
                target.selectAll()
        elif text:
            target.insertPlainText(text)
        return True
