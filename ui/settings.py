"""Settings: the interface language (Vietnamese by default, English), the name that signs changes,
photos, and how the minutes give the results."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from inspector import db as dbm

from .status_pane import who_text  # noqa: F401  (the status bar shows it; kept here for callers)

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def photo_max_edge() -> int:
    try:
        return int(QSettings().value("photos/max_edge", 2000))
    except (TypeError, ValueError):
        return 2000


LAYOUTS = ("areas", "tables")


def minutes_layout() -> str:
    """How the minutes give the results: "areas" (an account per area, the sheet as Phụ lục I,
    the default) or "tables" (the full tables in the body), as the office chose in Settings."""
    value = str(QSettings().value("minutes/layout", "areas"))
    return value if value in LAYOUTS else "areas"


def keep_originals() -> bool:
    return str(QSettings().value("photos/keep_original", "false")).lower() in ("true", "1")


class SettingsDialog(QDialog):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = QSettings()
        self.setWindowTitle(_tr("Cài đặt"))
        self.language = QComboBox()
        for k, label in LANGUAGES.items():
            self.language.addItem(label, k)
        self.language.setCurrentIndex(max(0, self.language.findData(str(self.settings.value("language", "vi")))))
        self.author = QLineEdit(dbm.meta_get(db, "author") or "")
        self.author.setPlaceholderText(dbm.author(db))
        self.max_edge = QSpinBox()
        self.max_edge.setRange(800, 6000)
        self.max_edge.setSingleStep(100)
        self.max_edge.setSuffix(" px")
        self.max_edge.setValue(photo_max_edge())
        self.keep_original = QCheckBox(_tr("Giữ cả tệp ảnh gốc (tệp dữ liệu lớn hơn nhiều)"))
        self.keep_original.setChecked(keep_originals())
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(_tr("Tóm tắt theo lĩnh vực; phiếu kiểm tra ở Phụ lục I"), "areas")
        self.layout_choice.addItem(_tr("Bảng kết quả đầy đủ trong thân biên bản"), "tables")
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(minutes_layout())))
        self.layout_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never cut
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        form = QFormLayout()
        form.addRow(_tr("Ngôn ngữ giao diện"), self.language)
        form.addRow(_tr("Tên người nhập (ghi vào mỗi thay đổi)"), self.author)
        form.addRow(_tr("Cạnh dài tối đa của ảnh lưu"), self.max_edge)
        form.addRow("", self.keep_original)
        form.addRow(_tr("Kết quả trong biên bản"), self.layout_choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.language.currentIndexChanged.connect(
            lambda: self.note.setText(_tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình."))
        )

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("photos/max_edge", self.max_edge.value())
        self.settings.setValue("photos/keep_original", self.keep_original.isChecked())
        self.settings.setValue("minutes/layout", self.layout_choice.currentData())
        name = self.author.text().strip()
        if name != (dbm.meta_get(self.db, "author") or ""):
            dbm.set_author(self.db, name)
        super().accept()


class WhoDialog(QDialog):
    """Who is entering on this laptop: a name and a role, asked on first start, kept in the
    database (every change carries the name) and changeable in Settings."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        from inspector import words

        self.db = db
        self.setWindowTitle(_tr("Người nhập trên máy này"))
        self.name = QLineEdit(dbm.meta_get(db, "author") or "")
        self.name.setPlaceholderText(_tr("Họ và tên, ví dụ Nguyễn Thị Lan"))
        self.role = QComboBox()
        from . import errors

        for code in words.ROLES:
            self.role.addItem(words.word("role", code, errors.LANG), code)
        self.role.setCurrentIndex(max(0, self.role.findData(dbm.meta_get(db, "author_role") or "thanh_vien")))
        form = QFormLayout()
        form.addRow(_tr("Họ và tên"), self.name)
        form.addRow(_tr("Vai trò trong đoàn"), self.role)
        note = QLabel(_tr("Mỗi thay đổi được ghi tên người nhập. Có thể sửa trong Sửa → Cài đặt…"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(bool(self.name.text().strip()))
        self.name.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance(self.name.placeholderText()) + 24)
        self.setMinimumWidth(440)  # the title and the example name read whole

    def accept(self) -> None:
        from inspector.text import clean_line

        name = clean_line(self.name.text())
        if not name:
            return
        dbm.set_author(self.db, name, self.role.currentData())
        super().accept()


def ask_who(db, parent=None) -> None:
    """On first start (no name stored yet), ask who is entering."""
    if not dbm.meta_get(db, "author"):
        WhoDialog(db, parent).exec()
