"""Settings: the interface language (Vietnamese by default, English), the name that signs changes."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from inspector import db as dbm

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


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
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555")
        form = QFormLayout()
        form.addRow(_tr("Ngôn ngữ giao diện"), self.language)
        form.addRow(_tr("Tên người nhập (ghi vào mỗi thay đổi)"), self.author)
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
        name = self.author.text().strip()
        if name != (dbm.meta_get(self.db, "author") or ""):
            dbm.meta_set(self.db, "author", name)
        super().accept()
