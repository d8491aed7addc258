"""Communes × items for the home office: a colour per result, a click opens the answer; export to
Excel or a Word report in a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import inspector
from inspector import answers as ans
from inspector import summary as sm
from inspector.scoring import points_text
from inspector.text import percent, slug

from . import errors, workers

COLOURS = {
    "dat": "#cdebd0",
    "co": "#cdebd0",
    "partly": "#fce8b2",
    "failed": "#f4c7c3",
    "na": "#e6e6e6",
    "none": "#ffffff",
    "number": "#f3f6fb",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("summary", text)


# The grid's one-letter assessments: Đạt, Đạt một phần, Không đạt, Không áp dụng (Met, Partly met, Not met)
LETTERS = {"dat": "Đ", "dat_mot_phan": "P", "khong_dat": "K", "khong_ap_dung": "–"}
LETTERS_EN = {"dat": "M", "dat_mot_phan": "P", "khong_dat": "N", "khong_ap_dung": "–"}


class SummaryModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.m: sm.Matrix | None = None

    def set_matrix(self, m: sm.Matrix | None) -> None:
        self.beginResetModel()
        self.m = m
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.m is None else len(self.m.visits) + 1

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.m is None else len(self.m.items)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if self.m is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            it = self.m.items[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return it.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{it.code}. {it.text_vi}"
        else:
            if section >= len(self.m.visits):
                return _tr("Chưa đạt") if role == Qt.ItemDataRole.DisplayRole else None
            v = self.m.visits[section]
            sc = self.m.scores.get(v.id)
            if v.id not in self.m.complete:  # not finished: left out of the totals, and said so
                if role == Qt.ItemDataRole.DisplayRole:
                    return _tr("%s (chưa xong)") % v.commune
                if role == Qt.ItemDataRole.ToolTipRole:
                    return _tr("Chưa kiểm tra xong: không tính vào dòng chưa đạt, tỷ lệ và xếp hạng")
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                if sc is None:
                    return v.commune
                idx = points_text(sc.index) if sc.index is not None else "—"
                return f"{v.commune} · {idx}" + (f" · {sc.klass}" if sc.klass else "")
            if role == Qt.ItemDataRole.ToolTipRole and sc is not None:
                return _tr("Hạng %s: %s/%s điểm") % (
                    self.m.ranks[v.id],
                    points_text(sc.points),
                    points_text(sc.maximum),
                )
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.m is None:
            return None
        it = self.m.items[index.column()]
        if index.row() == len(self.m.visits):  # totals
            t = self.m.totals[it.code]
            if role == Qt.ItemDataRole.DisplayRole and it.type in ("assessment", "yesno"):
                return f"{t.failed}/{t.answered}"
            if role == Qt.ItemDataRole.ToolTipRole and t.failed:
                return t.sentence + "\n" + ", ".join(t.failed_communes)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        v = self.m.visits[index.row()]
        c = self.m.cells[v.id][it.code]
        if role == Qt.ItemDataRole.DisplayRole:
            lang = errors.LANG
            if it.type == "ratio" and c.number is not None:
                return percent(round(c.number * 1000), 1000, lang)
            if it.type == "count" and c.number is not None:
                return str(int(c.number))
            if it.type == "assessment":
                return (LETTERS_EN if lang == "en" else LETTERS).get(c.value or "", c.text)
            return ans.display(it, c.value, lang) if c.value is not None else c.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(COLOURS[self.kind(it, c)]))
        if role == Qt.ItemDataRole.ToolTipRole:
            shown = ans.display(it, c.value, errors.LANG) if c.value is not None else ""
            tip = f"{v.commune} — {it.code}. {it.text(errors.LANG)}\n{shown or _tr('chưa trả lời')}"
            return tip + (f"\n{c.note}" if c.note else "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    @staticmethod
    def kind(it, c: sm.Cell) -> str:
        if c.value is None:
            return "none"
        if c.partly:
            return "partly"
        if c.failed:
            return "failed"
        if c.value == "khong_ap_dung":
            return "na"
        if c.value in ("dat", "co"):
            return "dat"
        return "number"


class SummaryView(QWidget):
    """The matrix of an inspection; answer_activated(visit_id, item_code) on click."""

    answer_activated = Signal(str, str)

    def __init__(self, db, parent=None, db_path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.db_path = Path(db_path) if db_path else None
        self.inspection_id: str | None = None
        self.model = SummaryModel(self)
        self.table = QTableView()
        self.table.setObjectName("summary_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setDefaultSectionSize(46)
        self.table.verticalHeader().setMinimumWidth(110)
        self.table.setWordWrap(False)
        self.table.clicked.connect(self._clicked)
        self.title = QLabel()
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        self.legend = QLabel(
            _tr("Đ: đạt · P: đạt một phần · K: không đạt · –: không áp dụng · ô đỏ: chưa đạt; bấm vào ô để mở kết quả")
        )
        self.legend.setStyleSheet("color: #555")
        self.excel = QPushButton(_tr("Xuất Excel…"))
        self.word = QPushButton(_tr("Xuất báo cáo Word…"))
        self.excel.clicked.connect(lambda: self.export(".xlsx"))
        self.word.clicked.connect(lambda: self.export(".docx"))
        # the office's own báo cáo template (checked before it is kept), or the default one
        self.template_button = QToolButton()
        self.template_button.setText(_tr("Mẫu báo cáo"))
        self.template_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.template_button)
        menu.addAction(_tr("Chọn mẫu báo cáo của cơ quan…"), self.choose_report_template)
        self.default_template_action = menu.addAction(_tr("Dùng mẫu mặc định"), self.reset_report_template)
        self.template_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.excel)
        top.addWidget(self.word)
        top.addWidget(self.template_button)
        self._show_template()
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.legend)

    def set_inspection(self, inspection_id: str | None) -> None:
        self.inspection_id = inspection_id
        m = sm.matrix(self.db, inspection_id) if inspection_id else None
        self.model.set_matrix(m)
        text = f"{m.inspection.title} — {len(m.visits)} xã — {m.checklist.id}" if m else ""
        if m is not None and m.scores:
            top = [v.commune for v in m.ranking() if m.ranks[v.id] == 1]
            text += " — " + _tr("cao nhất: %s") % ", ".join(top)
            means = m.area_averages()  # each area's mean points across the communes
            text += "\n" + _tr("Bình quân theo lĩnh vực: %s") % "; ".join(
                f"{code} {points_text(pts)}/{points_text(mx)}" for code, (pts, mx) in means.items()
            )
        self.title.setText(text)
        self.excel.setEnabled(bool(m and m.visits))
        self.word.setEnabled(bool(m and m.visits))

    # ---- the office's report template ---------------------------------------------------------

    @staticmethod
    def report_template() -> str | None:
        """The office's báo cáo template chosen here, while its file is still there."""
        path = QSettings().value("report/template")
        return str(path) if path and Path(str(path)).is_file() else None

    def _show_template(self) -> None:
        path = self.report_template()
        self.template_button.setToolTip(
            _tr("Mẫu báo cáo của cơ quan: %s") % Path(path).name if path else _tr("Mẫu báo cáo mặc định")
        )
        self.default_template_action.setEnabled(bool(path))

    def choose_report_template(self) -> None:
        """Pick a .docx; it is checked (fields, links, macros: inspector.templates) in a worker and
        kept only when it can be used."""
        path, _ = QFileDialog.getOpenFileName(
            self, _tr("Chọn mẫu báo cáo của cơ quan"), str(Path.home()), _tr("Tài liệu Word (*.docx)")
        )
        if not path:
            return

        def ok(_result) -> None:
            QSettings().setValue("report/template", path)
            self._show_template()
            QMessageBox.information(self, _tr("Mẫu báo cáo"), _tr("Đã chọn mẫu %s.") % Path(path).name)

        workers.start(
            workers.Job(_check_report_template, path),
            writes=False,
            on_done=ok,
            on_error=lambda exc: errors.show(self, exc),
        )

    def reset_report_template(self) -> None:
        QSettings().remove("report/template")
        self._show_template()

    def _clicked(self, index) -> None:
        m = self.model.m
        if m is None or index.row() >= len(m.visits):
            return
        self.answer_activated.emit(m.visits[index.row()].id, m.items[index.column()].code)

    def export(self, suffix: str) -> None:
        m = self.model.m
        if m is None:
            return
        settings = QSettings()
        folder = settings.value("summary/folder") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        name = f"{'TongHop' if suffix == '.xlsx' else 'BaoCao'}_{slug(m.inspection.title)[:40]}{suffix}"
        filt = _tr("Bảng tính Excel (*.xlsx)") if suffix == ".xlsx" else _tr("Tài liệu Word (*.docx)")
        target, _ = QFileDialog.getSaveFileName(self, _tr("Lưu bảng tổng hợp"), str(Path(folder) / name), filt)
        if not target:
            return
        if not target.lower().endswith(suffix):
            target += suffix
        settings.setValue("summary/folder", str(Path(target).parent))
        db_path = str(self.db_path) if self.db_path else None
        template = self.report_template() if suffix == ".docx" else None
        extra = {"template": template} if template else {}
        job = workers.Job(_summary_job, db_path, m.inspection.id, target, **extra) if db_path else None
        if job is None:  # no path to open a second connection: small enough to write here
            try:
                sm.write(self.db, m.inspection.id, target, **extra)
            except inspector.InspectorError as exc:
                errors.show(self, exc)
            return
        dialog = QProgressDialog(_tr("Đang lập bảng tổng hợp…"), _tr("Hủy"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def done(path) -> None:
            dialog.close()
            self.last_written = str(path)
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        workers.start(job, writes=False, on_done=done, on_error=lambda exc: (dialog.close(), errors.show(self, exc)))


def _summary_job(db_path: str, inspection_id: str, target: str, template=None, progress=None, cancelled=None):
    db = inspector.open_db(db_path)
    try:
        extra = {"template": template} if template else {}
        return sm.write(db, inspection_id, target, progress=progress, cancelled=cancelled, **extra)
    finally:
        db.close()


def _check_report_template(path: str) -> None:
    from inspector import report

    report.check_template(path)
