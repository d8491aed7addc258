"""Editing an inspection (its delegation and communes) and a visit (the working session, the
commune's representatives, findings and recommendations, the commune's opinion).

A dialog collects everything and writes it when the user presses OK, in one transaction: a bad
date or an empty name gets a one-line message in the dialog and nothing is written.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector import checklist as cl
from inspector import db as dbm
from inspector import errors as E
from inspector import inspections as ins
from inspector import words

from . import errors, widgets
from .table_editor import Column, EditableTable, FoldCompleter
from .widgets import roomy_tabs


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def _N(text: str) -> str:
    """Marks a label for translation where it is defined; _tr() translates it where it is shown."""
    return text


KIND_LABELS = {"kiem_tra": _N("Kiểm tra"), "giam_sat": _N("Giám sát")}
ROLE_LABELS = {
    "truong_doan": _N("Trưởng đoàn"),
    "pho_truong_doan": _N("Phó Trưởng đoàn"),
    "thanh_vien": _N("Thành viên"),
    "thu_ky": _N("Thư ký"),
}
FINDING_LABELS = {
    "uu_diem": _N("Ưu điểm"),
    "ton_tai": _N("Tồn tại, hạn chế"),
    "nguyen_nhan": _N("Nguyên nhân"),
    "kien_nghi": _N("Kiến nghị"),
}
STATUS_LABELS = {"planned": _N("Dự kiến"), "in_progress": _N("Đang làm việc"), "done": _N("Đã xong")}


def _vn_date(iso: str) -> str:
    """2026-11-23 → 23/11/2026 (how dates are typed and read here)."""
    d = QDate.fromString(iso or "", "yyyy-MM-dd")
    return d.toString("dd/MM/yyyy") if d.isValid() else (iso or "")


def _plain(widget: QPlainTextEdit, height: int = 70) -> QPlainTextEdit:
    widget.setTabChangesFocus(True)
    widget.setMaximumHeight(height)
    return widget


class _Dialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.tabs = roomy_tabs(QTabWidget())
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_tr("Lưu"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_tr("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        widgets.fit_to_screen(self, 760, 540)

    def fail(self, exc: BaseException) -> None:
        self.error.setText(errors.message(exc))
        self.error.show()

    def accept(self) -> None:
        try:
            self.save()
        except E.InspectorError as exc:
            self.fail(exc)
            return
        super().accept()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


SALUTATION_CHOICES = {"": "", "Ông": "Ông", "Bà": "Bà"}


def _remember_salutation(table, top, known: dict[str, str], name_col: int, sal_col: int) -> None:
    """A name typed that was entered before with Ông or Bà gets it again (when none is chosen)."""
    from inspector.text import fold

    from .widgets import KeyRole

    if top.column() != name_col:
        return
    name = table.model.item(top.row(), name_col)
    sal = table.model.item(top.row(), sal_col)
    if name is None or sal is None or sal.data(KeyRole):
        return
    found = known.get(fold(name.text().strip()))
    if found:
        sal.setData(found, KeyRole)
        sal.setText(found)


class InspectionDialog(_Dialog):
    """A new inspection, or an existing one, with its members and communes."""

    def __init__(self, db, inspection_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.inspection = ins.get_inspection(db, inspection_id) if inspection_id else None
        self.saved_id: str | None = None
        insp = self.inspection

        general = QWidget()
        form = QFormLayout(general)
        self.kind = QComboBox()
        for k, label in KIND_LABELS.items():
            self.kind.addItem(_tr(label), k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(insp.kind if insp else "kiem_tra")))
        self.title = QLineEdit(insp.title if insp else "")
        self.title.setPlaceholderText(_tr("Kiểm tra công tác cải cách hành chính năm 2026"))
        self.decision_no = QLineEdit(insp.decision_no if insp else "")
        self.decision_no.setPlaceholderText("125/QĐ-UBND")
        self.decision_date = QLineEdit(_vn_date(insp.decision_date) if insp else "")
        self.decision_date.setPlaceholderText(_tr("ngày/tháng/năm, ví dụ 10/11/2026"))
        self.legal_basis = _plain(QPlainTextEdit(insp.legal_basis if insp else ""), 80)
        self.issuing = QLineEdit(insp.issuing_agency if insp else "")
        self.parent_agency = QLineEdit(insp.parent_agency if insp else "")
        self.home_office = QLineEdit(insp.home_office if insp else "")
        self.period = QLineEdit(insp.period if insp else "")
        self.period.setPlaceholderText(_tr("ví dụ: từ 01/01/2026 đến 31/10/2026"))
        form.addRow(_tr("Loại"), self.kind)
        form.addRow(_tr("Tên đợt"), self.title)
        form.addRow(_tr("Số quyết định"), self.decision_no)
        form.addRow(_tr("Ngày quyết định"), self.decision_date)
        form.addRow(_tr("Căn cứ"), self.legal_basis)
        self.issuing_label = QLabel()
        form.addRow(self.issuing_label, self.issuing)
        form.addRow(_tr("Cơ quan chủ quản"), self.parent_agency)
        form.addRow(_tr("Cơ quan thường trực"), self.home_office)
        form.addRow(_tr("Thời kỳ"), self.period)
        # the criteria set: chosen when the inspection is made; locked once answers are entered
        self.checklist = QComboBox()
        self.checklist.setObjectName("checklist_version")
        for v in cl.list_versions(db):
            label = f"{v.id} — {v.title}"
            if v.points:
                label += _tr(" (%s điểm)") % f"{v.points:g}"
            self.checklist.addItem(label, v.id)
        current = insp.checklist_version if insp else cl.DEFAULT_VERSION
        self.checklist.setCurrentIndex(max(0, self.checklist.findData(current)))
        if insp and ins.answered_counts(db, insp.id):
            self.checklist.setEnabled(False)
            self.checklist.setToolTip(_tr("Đợt đã có kết quả chấm: không đổi được bộ tiêu chí."))
        form.addRow(_tr("Bộ tiêu chí"), self.checklist)
        self.tabs.addTab(general, _tr("Thông tin chung"))

        self.members = EditableTable(
            [
                Column(_tr("Họ và tên"), 190),
                Column(_tr("Chức vụ"), 170),
                Column(_tr("Cơ quan"), 0),
                Column(
                    _tr("Vai trò"),
                    140,
                    choices={k: _tr(ROLE_LABELS.get(k, v)) for k, v in ins.ROLES.items()},
                    # a delegation has one head: the first member added is the head, the next ones members
                    default=lambda roles: "thanh_vien" if "truong_doan" in roles else "truong_doan",
                ),
                Column(_tr("Danh xưng"), 80, choices=SALUTATION_CHOICES),
            ],
            add_text=_tr("Thêm thành viên"),
        )
        if insp:
            for m in ins.members(db, insp.id):
                self.members.add_row([m.name, m.position, m.agency, m.role, m.salutation], row_id=m.id, edit=False)
        self.tabs.addTab(self.members, _tr("Thành viên đoàn"))
        self._salutations = ins.known_salutations(db)
        self.members.model.dataChanged.connect(
            lambda top, *_: _remember_salutation(self.members, top, self._salutations, 0, 4)
        )

        known = ins.known_communes(db)
        self._province_of = {c: p for c, p in known}
        self.communes = EditableTable(
            [
                Column(_tr("Xã, phường"), 0, completions=[c for c, _ in known], placeholder=_tr("tên xã")),
                Column(_tr("Tỉnh, thành phố"), 170, completions=sorted({p for _, p in known if p})),
                Column(_tr("Ngày làm việc"), 130, placeholder="23/11/2026"),
            ],
            add_text=_tr("Thêm xã"),
        )
        if insp:
            for v in ins.visits(db, insp.id):
                self.communes.add_row([v.commune, v.province, _vn_date(v.date)], row_id=v.id, edit=False)
        self.communes.model.dataChanged.connect(self._fill_province)
        self.tabs.addTab(self.communes, _tr("Các xã được kiểm tra"))

        self.kind.currentIndexChanged.connect(self._kind_words)
        self._kind_words()

    def _kind_words(self) -> None:
        giam_sat = self.kind.currentData() == "giam_sat"
        noun = _tr("giám sát") if giam_sat else _tr("kiểm tra")
        self.setWindowTitle((_tr("Đợt %s") % noun) if self.inspection else (_tr("Đợt %s mới") % noun))
        self.issuing_label.setText(_tr("Đoàn giám sát") if giam_sat else _tr("Đoàn kiểm tra"))
        self.tabs.setTabText(2, _tr("Các xã được giám sát") if giam_sat else _tr("Các xã được kiểm tra"))

    def _fill_province(self, top, bottom, roles=()) -> None:
        if top.column() != 0:
            return
        m = self.communes.model
        commune = m.item(top.row(), 0).text().strip()
        prov = m.item(top.row(), 1)
        if prov is not None and not prov.text() and self._province_of.get(commune):
            prov.setText(self._province_of[commune])

    def save(self) -> None:
        fields = {
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "decision_no": self.decision_no.text(),
            "decision_date": self.decision_date.text(),
            "legal_basis": self.legal_basis.toPlainText(),
            "issuing_agency": self.issuing.text(),
            "parent_agency": self.parent_agency.text(),
            "home_office": self.home_office.text(),
            "period": self.period.text(),
        }
        if self.checklist.isEnabled():
            fields["checklist_version"] = self.checklist.currentData()
        with dbm.atomic(self.db):
            if self.inspection is None:
                insp = ins.create_inspection(self.db, **fields)
            else:
                insp = ins.update_inspection(self.db, self.inspection.id, **fields)
            current = {m.id: m for m in ins.members(self.db, insp.id)}
            for rid in self.members.removed_ids:
                if rid in current:
                    ins.remove_member(self.db, rid)
            for order, (rid, (name, position, agency, role, sal)) in enumerate(self.members.rows(), 1):
                if not name:
                    if rid:
                        raise E.InvalidInput(_tr("dòng %d của danh sách thành viên chưa có họ tên") % order)
                    continue
                if rid is None:
                    m = ins.add_member(
                        self.db, insp.id, name=name, position=position, agency=agency, role=role, salutation=sal
                    )
                    ins.update_member(self.db, m.id, ord=order)
                else:
                    old = current.get(rid)
                    new = {
                        "salutation": sal,
                        "name": name,
                        "position": position,
                        "agency": agency,
                        "role": role,
                        "ord": order,
                    }
                    changed = {k: v for k, v in new.items() if old is None or getattr(old, k) != v}
                    if changed:
                        ins.update_member(self.db, rid, **changed)
            existing = {v.id: v for v in ins.visits(self.db, insp.id)}
            for rid in self.communes.removed_ids:
                if rid in existing:
                    ins.delete_visit(self.db, rid)
            for n, (rid, (commune, province, day)) in enumerate(self.communes.rows(), 1):
                if not commune:
                    if rid:
                        raise E.InvalidInput(_tr("dòng %d của danh sách xã chưa có tên xã") % n)
                    continue
                if rid is None:
                    ins.add_visit(self.db, insp.id, commune=commune, province=province, date=day)
                else:
                    v = existing[rid]
                    new = {"commune": commune, "province": province, "date": day}
                    if (v.commune, v.province, _vn_date(v.date)) != (commune, province, day):
                        ins.update_visit(self.db, rid, reason=words.PLAN_EDIT if v.frozen else None, **new)
        self.saved_id = insp.id


class VisitDialog(_Dialog):
    """The working session at one commune: when, where, who, what was found, what was asked."""

    def __init__(self, db, visit_id: str, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        v = self.visit = ins.get_visit(db, visit_id)
        insp = ins.get_inspection(db, v.inspection_id)
        self.setWindowTitle(_tr("Buổi làm việc tại %s") % v.commune)

        general = QWidget()
        form = QFormLayout(general)
        self.commune = QLineEdit(v.commune)
        self.commune.setCompleter(FoldCompleter([c for c, _ in ins.known_communes(db)], self.commune))
        self.province = QLineEdit(v.province)
        self.date = QLineEdit(_vn_date(v.date))
        self.date.setPlaceholderText("23/11/2026")
        self.start = QLineEdit(v.start_time)
        self.start.setPlaceholderText("08:00")
        self.end = QLineEdit(v.end_time)
        self.end.setPlaceholderText("11:30")
        self.place = QLineEdit(v.place)
        self.place.setPlaceholderText(_tr("Trụ sở UBND xã …"))
        self.status = QComboBox()
        for k, label in STATUS_LABELS.items():
            self.status.addItem(_tr(label), k)
        if v.frozen:
            self.status.addItem(_tr("Đã ký biên bản"), "signed")
            self.status.setEnabled(False)
        self.status.setCurrentIndex(max(0, self.status.findData(v.status)))
        form.addRow(_tr("Xã, phường"), self.commune)
        form.addRow(_tr("Tỉnh, thành phố"), self.province)
        form.addRow(_tr("Ngày"), self.date)
        form.addRow(_tr("Bắt đầu lúc"), self.start)
        form.addRow(_tr("Kết thúc lúc"), self.end)
        form.addRow(_tr("Địa điểm"), self.place)
        form.addRow(_tr("Tình trạng"), self.status)
        self.tabs.addTab(general, _tr("Buổi làm việc"))

        self.reps = EditableTable(
            [
                Column(_tr("Họ và tên"), 220),
                Column(_tr("Chức vụ"), 0),
                Column(_tr("Danh xưng"), 80, choices=SALUTATION_CHOICES),
            ],
            add_text=_tr("Thêm người"),
        )
        for r in v.representatives:
            self.reps.add_row([r.name, r.position, r.salutation], row_id="", edit=False)
        self._salutations = ins.known_salutations(db)
        self.reps.model.dataChanged.connect(
            lambda top, *_: _remember_salutation(self.reps, top, self._salutations, 0, 2)
        )
        self.tabs.addTab(self.reps, _tr("Đại diện xã"))

        self.findings = EditableTable(
            [
                Column(_tr("Loại"), 130, choices={k: _tr(lbl) for k, lbl in FINDING_LABELS.items()}),
                Column(_tr("Nội dung"), 0),
                Column(_tr("Đơn vị thực hiện"), 140),
                Column(_tr("Thời hạn"), 110, placeholder="31/12/2026"),
            ],
            add_text=_tr("Thêm nội dung"),
        )
        self.findings.view.verticalHeader().setDefaultSectionSize(48)
        for f in ins.findings(db, v.id):
            self.findings.add_row([f.kind, f.text, f.responsible, f.deadline], row_id=f.id, edit=False)
        self.draft_button = QPushButton(_tr("Gợi ý từ tiêu chí không đạt"))
        self.draft_button.setToolTip(
            _tr("Thêm tồn tại và kiến nghị cho các tiêu chí không đạt chưa được nêu, để sửa lại trước khi lưu")
        )
        self.draft_button.clicked.connect(self.add_drafts)
        self.findings.add_button_after(self.draft_button)
        self.tabs.addTab(self.findings, _tr("Tồn tại, kiến nghị"))

        self.opinion = QPlainTextEdit(v.opinion)
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(_tr("Ý kiến của đại diện xã về kết quả kiểm tra…"))
        self.tabs.addTab(self.opinion, _tr("Ý kiến của xã"))
        if insp.kind == "giam_sat":
            self.tabs.setTabText(0, _tr("Buổi giám sát"))

    def add_drafts(self) -> None:
        """Rows drafted from the items not met that no finding names yet (none twice: a draft
        already in the table is not added again)."""
        from inspector import minutes as mn

        present = {text for _, (_, text, _, _) in self.findings.rows()}
        drafts = [(k, t) for k, t in mn.draft_findings(self.db, self.visit.id) if t not in present]
        for kind, text in drafts:
            self.findings.add_row([kind, text, "", ""], edit=False)
        if not drafts:
            self.draft_button.setText(_tr("Không còn tiêu chí không đạt chưa được nêu"))
            self.draft_button.setEnabled(False)

    def _reason(self) -> str | None:
        from . import amend

        return amend.reason_for(self, self.db, self.visit.id)  # signed minutes: the amendment's reason

    def save(self) -> None:
        reason = self._reason()
        reps = [{"name": n, "position": p, "salutation": sal} for _, (n, p, sal) in self.reps.rows() if n]
        fields = {
            "commune": self.commune.text(),
            "province": self.province.text(),
            "date": self.date.text(),
            "start_time": self.start.text(),
            "end_time": self.end.text(),
            "place": self.place.text(),
            "representatives": reps,
            "opinion": self.opinion.toPlainText(),
        }
        if not self.visit.frozen:
            fields["status"] = self.status.currentData()
        with dbm.atomic(self.db):
            ins.update_visit(self.db, self.visit.id, reason=reason, **fields)
            current = {f.id: f for f in ins.findings(self.db, self.visit.id)}
            for rid in self.findings.removed_ids:
                if rid in current:
                    ins.update_finding(self.db, rid, deleted=1, reason=reason)
            for n, (rid, (kind, text, responsible, deadline)) in enumerate(self.findings.rows(), 1):
                if not text:
                    if rid:
                        raise E.InvalidInput(_tr("dòng %d của bảng tồn tại, kiến nghị chưa có nội dung") % n)
                    continue
                if rid is None:
                    from inspector import minutes as mn

                    ins.add_finding(
                        self.db,
                        self.visit.id,
                        kind=kind,
                        text=text,
                        responsible=responsible,
                        deadline=deadline,
                        items=mn.item_codes(self.db, self.visit.id, text),  # "(B3)" in the text: related
                        reason=reason,
                    )
                else:
                    old = current[rid]
                    new = {"kind": kind, "text": text, "responsible": responsible, "deadline": deadline, "ord": n}
                    changed = {k: v for k, v in new.items() if getattr(old, k) != v}
                    if changed:
                        ins.update_finding(self.db, rid, reason=reason, **changed)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent
    )
    box.button(QMessageBox.StandardButton.Yes).setText(_tr("Đồng ý"))
    box.button(QMessageBox.StandardButton.No).setText(_tr("Không"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


__all__ = ["InspectionDialog", "Qt", "VisitDialog", "confirm"]
