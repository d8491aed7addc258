"""The item panel: the selected item's criterion and guidance, the answer editor, the note, the
photos strip, who entered the answer and the changes made after signing.

It shows what it is given and emits nothing of its own: the window wires its editor and note.
Its words share the window's translation context ("MainWindow").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector import answers as ans
from inspector import checklist as cl

from .answer_editor import AnswerEditor


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


class ItemPanel(QWidget):
    """The selected item: its criterion and guidance, the answer editor, the note, the photos."""

    def __init__(self, parent=None, lang: str = "vi") -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("item_title")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.title.setFont(font)
        self.guidance = QLabel()
        self.guidance.setObjectName("guidance")
        self.guidance.setWordWrap(True)
        self.guidance.setStyleSheet("color: #555")
        self.guidance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.suggestion = QFrame()
        self.suggestion.setObjectName("suggestion")
        self.suggestion.setStyleSheet(
            "#suggestion { background: #fff6d5; border: 1px solid #e3c96b; border-radius: 4px; }"
        )
        s_lay = QHBoxLayout(self.suggestion)
        s_lay.setContentsMargins(6, 3, 6, 3)
        self.suggestion_text = QLabel()
        self.suggestion_text.setWordWrap(True)
        self.confirm_button = QPushButton(_tr("Xác nhận"))
        self.confirm_button.setToolTip(_tr("Dùng kết quả lần trước cho lần này (Ctrl+Enter)"))
        s_lay.addWidget(self.suggestion_text, 1)
        s_lay.addWidget(self.confirm_button)
        self.suggestion.hide()
        self.previous = QLabel()
        self.previous.setObjectName("previous")
        self.previous.setStyleSheet("color: #6b6b6b")
        self.previous.hide()
        self.editor = AnswerEditor(lang=lang)
        self.who = QLabel()
        self.who.setObjectName("who")
        self.who.setStyleSheet("color: #6b6b6b")
        self.amended = QLabel()  # changes after the minutes were signed: old → new, reason, who, when
        self.amended.setObjectName("amended")
        self.amended.setWordWrap(True)
        self.amended.setStyleSheet("color: #8a4b00")
        self.amended.hide()
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(_tr("Ghi chú, minh chứng (Enter từ danh sách để vào đây, Esc để quay lại)"))
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(60)
        self.photos_box = QVBoxLayout()
        self.photos_box.setContentsMargins(0, 0, 0, 0)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.title)
        lay.addWidget(self.guidance)
        lay.addWidget(self.suggestion)
        lay.addWidget(QLabel(_tr("Kết quả")))
        lay.addWidget(self.editor)
        lay.addWidget(self.who)
        lay.addWidget(self.amended)
        lay.addWidget(self.previous)
        lay.addWidget(QLabel(_tr("Ghi chú")))
        lay.addWidget(self.note, 1)
        lay.addLayout(self.photos_box)
        self.set_item(None, None, None)

    def refresh_answer(self, item: cl.Item, answer: ans.Answer | None, previous: str | None, lang: str = "vi") -> None:
        """After a write to the shown item: the buttons, the suggestion and the previous value."""
        value = answer.value if answer else None
        if item.type in ("assessment", "yesno") or not self.editor.currentWidget().hasFocus():
            self.editor.set_value(value)
        self._show_history(item, answer, previous, lang)

    def _show_history(self, item: cl.Item, answer: ans.Answer | None, previous: str | None, lang: str) -> None:
        value = answer.value if answer else None
        sugg = answer.suggested if answer else None
        if sugg is not None and value is None:
            self.suggestion_text.setText(_tr("Gợi ý từ lần kiểm tra trước: <b>%s</b>") % ans.display(item, sugg, lang))
            self.suggestion.show()
        else:
            self.suggestion.hide()
        if previous is not None and (sugg is None or value is not None):
            self.previous.setText(_tr("Lần kiểm tra trước: %s") % (ans.display(item, previous, lang) or "—"))
            self.previous.show()
        else:
            self.previous.hide()

    def show_who(self, author: str, when: str) -> None:
        """Who set the shown answer and when ("Nhập bởi Trần Thị Mai lúc 09:42 17/11")."""
        if not when:
            self.who.hide()
            return
        stamp = f"{when[11:16]} {when[8:10]}/{when[5:7]}"
        self.who.setText(_tr("Nhập bởi %s lúc %s") % (author, stamp) if author else _tr("Nhập lúc %s") % stamp)
        self.who.show()

    def set_item(self, item: cl.Item | None, answer: ans.Answer | None, previous: str | None, lang: str = "vi") -> None:
        enabled = item is not None
        for w in (self.editor, self.note):
            w.setEnabled(enabled)
        if item is None:
            self.title.setText(_tr("Chọn một tiêu chí trong danh sách."))
            self.guidance.setText("")
            self.editor.set_item(None, None)
            self.note.blockSignals(True)
            self.note.setPlainText("")
            self.note.blockSignals(False)
            self.suggestion.hide()
            self.previous.hide()
            self.who.hide()
            return
        self.title.setText(f"{item.code}. {item.text(lang)}")
        guide = []
        if item.evidence_hint:
            guide.append(item.evidence_hint)
        if item.basis:
            guide.append(_tr("Căn cứ: %s") % item.basis)
        if item.photo_required:
            guide.append(_tr("Cần ảnh minh chứng."))
        self.guidance.setText("\n".join(guide))
        self.guidance.setVisible(bool(guide))
        value = answer.value if answer else None
        self.editor.set_item(item, value)
        self.note.blockSignals(True)
        self.note.setPlainText(answer.note if answer else "")
        self.note.blockSignals(False)
        self._show_history(item, answer, previous, lang)


# ---- the main window -----------------------------------------------------------------------
