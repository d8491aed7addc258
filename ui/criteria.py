"""Đợt kiểm tra → Bộ tiêu chí…: the criteria sets of the database, their versions and use; a set
opened to view, or copied to a new version and edited in a table (areas, items, types, points,
scoring rules, evidence, guidance) with the check running as one types; import and export Excel.
A set an inspection uses opens read-only: it never changes (a copy becomes the next version).
Its words have the translation context "criteria"."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector import checklist as cl
from inspector import criteria_xlsx as cx
from inspector import errors as E
from inspector.scoring import number, points_text

from . import errors, widgets
from .table_editor import Column, EditableTable


def _tr(text: str) -> str:
    return QCoreApplication.translate("criteria", text)


KEYS = [
    "code",
    "area",
    "text_vi",
    "type",
    "points",
    "scoring",
    "evidence_hint",
    "guidance",
    "photo_required",
    "not_met",
    "unit",
    "points_kind",
]


def _columns() -> list[Column]:
    return [
        Column(_tr("Mã"), 54),
        Column(_tr("Lĩnh vực"), 150),
        Column(_tr("Nội dung"), 330),  # wide, not stretched: the table scrolls sideways instead
        Column(_tr("Loại"), 90, choices={k: _tr(v) for k, v in cx.TYPES.items()}),
        Column(_tr("Điểm tối đa"), 70),
        Column(_tr("Cách chấm"), 150, placeholder="≥95%: 2; ≥80%: 1; <80%: 0"),
        Column(_tr("Tài liệu kiểm chứng"), 130),
        Column(_tr("Hướng dẫn"), 130),
        Column(_tr("Cần ảnh"), 60, choices={"": "", "x": _tr("có")}),
        Column(_tr("Khi không đạt"), 150),
        Column(_tr("Đơn vị"), 60),
        Column(_tr("Thưởng/trừ"), 80, choices={"": "", "bonus": _tr("thưởng"), "penalty": _tr("trừ")}),
    ]


def _problems_message(e) -> str:
    lines = [p.vi() for p in e.problems[:12]]
    more = [_tr("… và %d vấn đề khác.") % (len(e.problems) - 12)] if len(e.problems) > 12 else []
    return "\n".join([_tr("Bộ tiêu chí %s có %d vấn đề; chưa nạp gì:") % (e.source, len(e.problems)), *lines, *more])


errors.register(cx.CriteriaFileError, _problems_message)


class CriteriaEditor(QDialog):
    """One set: read-only when it is in use (or shipped), else its copy being edited."""

    def __init__(self, db, checklist: cl.Checklist, parent=None, *, editable: bool = False) -> None:
        super().__init__(parent)
        self.db, self.source, self.editable = db, checklist, editable
        self.saved: cl.Checklist | None = None
        self.setWindowTitle(
            (_tr("Sửa bộ tiêu chí — %s") if editable else _tr("Bộ tiêu chí — %s (chỉ xem)")) % checklist.id
        )
        set_id, _, version = checklist.id.rpartition(".")
        if not set_id or not version.isdigit():
            set_id, version = checklist.id, "1"
        self.set_id = QLineEdit(set_id)
        self.set_id.setObjectName("set_id")
        self.version = QLineEdit(str(int(version) + 1) if editable else version)
        self.version.setObjectName("set_version")
        self.title = QLineEdit(checklist.title)
        self.province = QLineEdit(checklist.info.get("province", ""))
        self.year = QLineEdit(checklist.info.get("year", ""))
        self.decision = QLineEdit(checklist.info.get("decision", ""))
        self.sources = QLineEdit(checklist.info.get("sources", ""))
        head = QWidget()
        form = QFormLayout(head)
        ids = QHBoxLayout()
        ids.addWidget(self.set_id, 3)
        ids.addWidget(QLabel(_tr("phiên bản")))
        ids.addWidget(self.version, 1)
        form.addRow(_tr("Mã bộ tiêu chí"), ids)
        form.addRow(_tr("Tên"), self.title)
        form.addRow(_tr("Tỉnh, thành phố"), self.province)
        form.addRow(_tr("Năm"), self.year)
        form.addRow(_tr("Quyết định ban hành"), self.decision)
        form.addRow(_tr("Nguồn"), self.sources)

        self.items = EditableTable(_columns(), add_text=_tr("Thêm tiêu chí"))
        self.items.setObjectName("criteria_items")
        for it in checklist.items:
            self.items.add_row(
                [
                    it.code,
                    checklist.group_title(it.group),
                    it.text_vi,
                    it.type,
                    "" if it.points is None else points_text(abs(it.points) if it.points_kind else it.points),
                    it.scoring,
                    it.evidence_hint,
                    it.guidance,
                    "x" if it.photo_required else "",
                    it.not_met,
                    it.unit,
                    it.points_kind,
                ],
                edit=False,
            )
        self.classes = EditableTable(
            [Column(_tr("Xếp loại"), 0), Column(_tr("Từ (chỉ số)"), 110)], add_text=_tr("Thêm")
        )
        self.classes.setObjectName("criteria_classes")
        for name, low in checklist.classes:
            self.classes.add_row([name, points_text(low)], edit=False)
        tabs = QTabWidget()
        tabs.addTab(self.items, _tr("Tiêu chí"))
        tabs.addTab(head, _tr("Thông tin"))
        tabs.addTab(self.classes, _tr("Xếp loại"))
        self.check = QLabel()
        self.check.setObjectName("criteria_check")
        self.check.setWordWrap(True)
        self.check.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(_tr("Xuất ra Excel…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.export)
        if editable:
            self.save_button = buttons.addButton(_tr("Lưu phiên bản mới"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.save_button.clicked.connect(self.save)
        buttons.addButton(_tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        if not editable:
            banner = QLabel(
                _tr(
                    "Bộ tiêu chí đã dùng cho đợt kiểm tra hoặc đi kèm phần mềm: chỉ xem. Sao chép để sửa thành phiên bản mới."
                )
            )
            banner.setWordWrap(True)
            lay.addWidget(banner)
        lay.addWidget(tabs, 1)
        lay.addWidget(self.check)
        lay.addWidget(buttons)
        for w in (self.set_id, self.version, self.title, self.province, self.year, self.decision, self.sources):
            w.setReadOnly(not editable)
            w.textChanged.connect(self.run_check)
        for table in (self.items, self.classes):
            if not editable:
                table.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                for b in (table.add_button, table.remove_button, table.up_button, table.down_button):
                    b.setVisible(False)
            table.changed.connect(self.run_check)
        widgets.fit_to_screen(self, 1180, 640)
        self.run_check()

    # ---- the check, as one types -----------------------------------------------------------

    def parts(self) -> tuple[dict[str, str], list[tuple[str, float]], list[dict], list[dict], list[cx.Problem]]:
        problems: list[cx.Problem] = []
        rows = [
            (n, dict(zip(KEYS, cells))) for n, (_, cells) in enumerate(self.items.rows(), 1) if any(c for c in cells)
        ]
        groups, items = cx.check_rows(rows, problems, _tr("Tiêu chí"))
        classes: list[tuple[str, float]] = []
        for n, (_, (name, low)) in enumerate(self.classes.rows(), 1):
            value = number(low)
            if not name or value is None or not 0 <= value <= 100:
                text = _tr("cần tên và chỉ số thấp nhất từ 0 đến 100")
                problems.append(cx.Problem(_tr("Xếp loại"), n, "", text, text))
            else:
                classes.append((name, value))
        info = {
            "id": self.set_id.text().strip(),
            "version": self.version.text().strip(),
            "title": self.title.text().strip(),
            "province": self.province.text().strip(),
            "year": self.year.text().strip(),
            "decision": self.decision.text().strip(),
            "sources": self.sources.text().strip(),
        }
        if not info["title"]:
            text = _tr("bộ tiêu chí cần có tên")
            problems.append(cx.Problem(_tr("Thông tin"), 0, _tr("Tên"), text, text))
        if not info["version"].isdigit():
            text = _tr("phiên bản là một số: 1, 2, 3…")
            problems.append(cx.Problem(_tr("Thông tin"), 0, _tr("phiên bản"), text, text))
        return info, classes, groups, items, problems

    def run_check(self) -> None:
        _, _, _groups, items, problems = self.parts()
        sums: dict[str, float] = {}
        for it in items:
            if it["points"] is not None and not it["points_kind"]:
                sums[it["group"]] = sums.get(it["group"], 0) + it["points"]
        total = sum(sums.values())
        text = _tr("%d tiêu chí; tổng %s điểm") % (len(items), points_text(total))
        if sums:
            text += " (" + ", ".join(f"{g} {points_text(v)}" for g, v in sums.items()) + ")"
        if problems:
            shown = "<br>".join(escape(p.vi()) for p in problems[:6])
            more = _tr("<br>… và %d vấn đề khác") % (len(problems) - 6) if len(problems) > 6 else ""
            self.check.setText(f"{text}.<br><span style='color:#b3261e'>{shown}{more}</span>")
        else:
            self.check.setText(text + ". " + _tr("Không có lỗi."))
        if self.editable:
            self.save_button.setEnabled(not problems)
        self.problems = problems

    # ---- saving and files -------------------------------------------------------------------

    def current(self) -> cl.Checklist:
        info, classes, groups, items, problems = self.parts()
        if problems:
            raise cx.CriteriaFileError(self.source.id, problems)
        return cx.build(info, classes, groups, items, info["id"])

    def save(self) -> None:
        try:
            stored, _ = cl.add_version(self.db, self.current())
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        self.saved = stored
        self.accept()

    def export(self) -> None:
        try:
            c = self.current() if self.editable else self.source
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        start = Path(
            str(
                QSettings().value(
                    "criteria_folder",
                    QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation),
                )
            )
        )
        path, _ = QFileDialog.getSaveFileName(
            self, _tr("Xuất bộ tiêu chí"), str(start / f"{c.id}.xlsx"), "Excel (*.xlsx)"
        )
        if not path:
            return
        try:
            cx.write(c, path if path.lower().endswith(".xlsx") else path + ".xlsx")
        except E.InspectorError as exc:
            errors.show(self, exc)
            return
        QSettings().setValue("criteria_folder", str(Path(path).parent))


class CriteriaSetsDialog(QDialog):
    """The sets in the database with their versions and use."""

    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(_tr("Bộ tiêu chí"))
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("criteria_sets")
        self.table.setHorizontalHeaderLabels(
            [_tr("Mã, phiên bản"), _tr("Tên"), _tr("Tiêu chí"), _tr("Điểm"), _tr("Sử dụng")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setSectionResizeMode(1, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda *_: self.open_set())
        self.open_button = QPushButton(_tr("Mở…"))
        self.copy_button = QPushButton(_tr("Sao chép thành phiên bản mới…"))
        self.import_button = QPushButton(_tr("Nhập từ Excel…"))
        self.open_button.clicked.connect(self.open_set)
        self.copy_button.clicked.connect(self.copy_set)
        self.import_button.clicked.connect(self.import_set)
        row = QHBoxLayout()
        for b in (self.open_button, self.copy_button, self.import_button):
            row.addWidget(b)
        row.addStretch(1)
        close = QDialogButtonBox()
        close.addButton(_tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addWidget(close)
        widgets.fit_to_screen(self, 900, 420)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.versions = cl.list_versions(self.db)
        self.table.setRowCount(len(self.versions))
        for r, v in enumerate(self.versions):
            use = (_tr("%d đợt, khóa") % v.inspections) if v.inspections else _tr("chưa dùng")
            for c, text in enumerate((v.id, v.title, str(v.items), points_text(v.points) if v.points else "", use)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        ids = [v.id for v in self.versions]
        self.table.selectRow(ids.index(select) if select in ids else 0)

    def current(self) -> cl.VersionInfo | None:
        r = self.table.currentRow()
        return self.versions[r] if 0 <= r < len(self.versions) else None

    def open_set(self) -> None:
        v = self.current()
        if v is None:
            return
        editor = CriteriaEditor(self.db, cl.get(self.db, v.id), self, editable=False)
        editor.exec()

    def copy_set(self) -> None:
        v = self.current()
        if v is None:
            return
        editor = CriteriaEditor(self.db, cl.get(self.db, v.id), self, editable=True)
        if editor.exec() and editor.saved is not None:
            self.reload(editor.saved.id)

    def import_set(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Nhập bộ tiêu chí"), "", "Excel (*.xlsx)")
        if not path:
            return
        try:
            stored, _ = cl.add_version(self.db, cx.read(path))
        except E.InspectorError as exc:  # a workbook's problems, all of them, by sheet, row and column
            errors.show(self, exc)
            return
        self.reload(stored.id)


__all__ = ["CriteriaEditor", "CriteriaSetsDialog"]
