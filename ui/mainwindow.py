"""The main window: inspections and their visits on the left, the selected visit on the right."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTreeView

from inspector import demo, inspections as ins

IdRole = Qt.ItemDataRole.UserRole + 1


class MainWindow(QMainWindow):
    def __init__(self, db, path: Path) -> None:
        super().__init__()
        self.db = db
        self.path = path
        self.setWindowTitle(self.tr("Inspector — %s") % path.name)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.model)
        self.detail = QLabel(self.tr("Chọn một xã để xem bảng kiểm tra."))
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.detail)
        split.setStretchFactor(1, 3)
        self.setCentralWidget(split)
        self.resize(1280, 720)
        self.reload()

    def reload(self) -> None:
        self.model.clear()
        for insp in ins.list_inspections(self.db):
            parent = QStandardItem(insp.title)
            parent.setData(insp.id, IdRole)
            parent.setEditable(False)
            for v in ins.visits(self.db, insp.id):
                child = QStandardItem(f"{v.commune} ({v.date})" if v.date else v.commune)
                child.setData(v.id, IdRole)
                child.setEditable(False)
                parent.appendRow(child)
            self.model.appendRow(parent)
        self.tree.expandAll()
        self.statusBar().showMessage(self.tr("%n đợt kiểm tra", "", self.model.rowCount()))

    def offer_demo_if_empty(self) -> None:
        if self.model.rowCount():
            return
        answer = QMessageBox.question(
            self, self.tr("Dữ liệu mẫu"),
            self.tr("Cơ sở dữ liệu còn trống. Tạo một đợt kiểm tra mẫu (5 xã) để dùng thử?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            demo.create_demo(self.db)
            self.reload()
