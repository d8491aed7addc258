"""The status bar's lasting part: who is entering, an open amendment of signed minutes (with the
button that ends it), the conflicts waiting for a decision (a click opens them), the visit's
progress and the last save. It shows what it is told; `conflicts_clicked` and `end_amendment`
say what the person asked for. Its words share the window's translation context ("MainWindow").
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


class StatusPane(QObject):
    conflicts_clicked = Signal()
    end_amendment = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.progress_label = QLabel()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("conflicts_button")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet("color: #b3261e; font-weight: bold")
        self.conflicts_button.hide()
        self.conflicts_button.clicked.connect(self.conflicts_clicked)
        self.amend_label = QLabel()
        self.amend_label.setStyleSheet("color: #8a4b00")
        self.amend_close = QPushButton(_tr("Kết thúc điều chỉnh"))
        self.amend_close.setToolTip(_tr("Thay đổi sau đó lại hỏi lý do điều chỉnh."))
        self.amend_close.clicked.connect(self.end_amendment)
        self.who_label = QLabel()
        for w in (
            self.amend_label,
            self.amend_close,
            self.who_label,
            self.conflicts_button,
            self.progress_label,
            self.saved_label,
        ):
            bar.addPermanentWidget(w)
        self.amend_label.hide()
        self.amend_close.hide()

    def show_amendment(self, reason: str | None) -> None:
        """The banner of an open amendment: its reason and the button that ends it."""
        self.amend_label.setText(_tr("Đang điều chỉnh biên bản đã ký — lý do: %s") % reason if reason else "")
        self.amend_label.setVisible(bool(reason))
        self.amend_close.setVisible(bool(reason))

    def show_who(self, text: str) -> None:
        self.who_label.setText(text)

    def show_conflicts(self, n: int) -> None:
        self.conflicts_button.setText(_tr("⚠ %n xung đột cần quyết định", n))
        self.conflicts_button.setToolTip(_tr("Cùng một nội dung được sửa khác nhau trên hai máy; bấm để quyết định."))
        self.conflicts_button.setVisible(n > 0)

    def show_progress(self, done: int | None, total: int = 0) -> None:
        self.progress_label.setText(_tr("Đã trả lời %d/%d") % (done, total) if done is not None else "")

    def saved(self, text: str) -> None:
        """What was saved, with the time: "Đã lưu B2 lúc 09:42:10"."""
        self.saved_label.setText(text % time.strftime("%H:%M:%S") if "%s" in text else text)


def who_text(db) -> str:
    """ "Người nhập: Nguyễn Thị Lan (Thư ký)" for the status bar."""
    from inspector import db as dbm
    from inspector import words

    name = dbm.meta_get(db, "author")
    if not name:
        return _tr("Người nhập: chưa ghi tên (Sửa → Cài đặt…)")
    role = dbm.meta_get(db, "author_role")
    from . import errors

    return _tr("Người nhập: %s") % name + (f" ({words.word('role', role, errors.LANG)})" if role in words.ROLES else "")


__all__ = ["StatusPane", "who_text"]
