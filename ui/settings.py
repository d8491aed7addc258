"""Settings: the interface language (Vietnamese by default, English), the name that signs changes."""
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

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def photo_max_edge() -> int:
    try:
        return int(QSettings().value("photos/max_edge", 2000))
    except (TypeError, ValueError):
        return 2000


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
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        form = QFormLayout()
        form.addRow(_tr("Ngôn ngữ giao diện"), self.language)
        form.addRow(_tr("Tên người nhập (ghi vào mỗi thay đổi)"), self.author)
        form.addRow(_tr("Cạnh dài tối đa của ảnh lưu"), self.max_edge)
        form.addRow("", self.keep_original)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.note)
        lay.addWidget(buttons)
        self.language.currentIndexChanged.connect(
            lambda: self.note.setText(_tr("Ngôn ngữ mới có hiệu lực khi mở lại chương trình.")))

    def accept(self) -> None:
        self.settings.setValue("language", self.language.currentData())
        self.settings.setValue("photos/max_edge", self.max_edge.value())
        self.settings.setValue("photos/keep_original", self.keep_original.isChecked())
        name = self.author.text().strip()
        if name != (dbm.meta_get(self.db, "author") or ""):
            dbm.meta_set(self.db, "author", name)
        super().accept()
