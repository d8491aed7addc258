"""What the window's commands do: suggestions from the last visit, inspections and visits made,
edited and deleted through their dialogs, settings and the summary. Each takes the window and
asks its dialogs; the window's menus call them. Its words share the window's translation
context ("MainWindow")."""

from __future__ import annotations

import time

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, Qt

from inspector import answers as ans
from inspector import errors as E
from inspector import inspections as ins

from . import errors, widgets, workers
from .nav_pane import vn_date as _vn_date


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


def confirm_current(w) -> None:
    if w.visit is None or w.item is None:
        return
    a = w.cl_model.answers.get(w.item.code)
    if a and a.suggested is not None and a.value is None:
        w.set_current_value(a.suggested)


def confirm_all(w) -> None:
    if w.visit is None:
        return
    n = sum(1 for a in w.cl_model.answers.values() if a.suggested is not None and a.value is None)
    from .dialogs import confirm

    if not n or not confirm(w, _tr("Xác nhận gợi ý"), _tr("Dùng %n kết quả của lần kiểm tra trước cho lần này?", n)):
        return
    try:
        ans.confirm_suggestions(w.db, w.visit.id)
    except E.InspectorError as exc:
        errors.show(w, exc)
        return
    w.undo.clear()
    w.saved_label.setText(_tr("Đã lưu %n kết quả lúc %s", n) % time.strftime("%H:%M:%S"))
    w._show_visit(w.visit.id, force=True)
    w._update_nav_count()


def start_from_previous(w) -> None:
    if w.visit is None or w.previous is None:
        return
    prev = w.previous
    from .dialogs import confirm

    if not confirm(
        w,
        _tr("Lấy kết quả lần trước"),
        _tr(
            "Lấy kết quả của lần kiểm tra xã %s ngày %s làm gợi ý? Các gợi ý chỉ được tính "
            "khi anh/chị xác nhận từng tiêu chí."
        )
        % (prev.commune, _vn_date(prev.date)),
    ):
        return
    visit_id = w.visit.id
    job = workers.Job(_start_from_previous_job, str(w.path), visit_id, prev.id)
    dialog = QtWidgets.QProgressDialog(_tr("Đang chép kết quả lần trước…"), _tr("Hủy"), 0, 0, w)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.canceled.connect(job.cancel)

    def done(n: int) -> None:
        dialog.close()
        w.saved_label.setText(_tr("Đã chép %n gợi ý lúc %s", n) % time.strftime("%H:%M:%S"))
        w._show_visit(visit_id, force=True)

    def failed(exc: BaseException) -> None:
        dialog.close()
        errors.show(w, exc)

    workers.start(job, on_done=done, on_error=failed)


# ---- dialogs --------------------------------------------------------------------------------


def new_inspection(w) -> None:
    from .dialogs import InspectionDialog

    d = InspectionDialog(w.db, None, w)
    if d.exec():
        w.reload(d.saved_id)
        w.nav.select_first_child()


def edit_inspection(w) -> None:
    iid = w.current_inspection_id()
    if iid is None:
        return
    from .dialogs import InspectionDialog

    d = InspectionDialog(w.db, iid, w)
    if d.exec():
        w.refresh()


def delete_inspection(w) -> None:
    iid = w.current_inspection_id()
    if iid is None:
        return
    from .dialogs import confirm

    insp = ins.get_inspection(w.db, iid)
    if confirm(
        w,
        _tr("Xóa đợt kiểm tra"),
        _tr("Xóa đợt «%s» cùng các xã và kết quả của nó? (Có thể khôi phục từ gói dữ liệu đã xuất.)") % insp.title,
    ):
        ins.delete_inspection(w.db, iid)
        w.visit = None
        w.reload()
        w._show_visit(None)


def edit_visit(w) -> None:
    if w.visit is None:
        return
    from .dialogs import VisitDialog

    d = VisitDialog(w.db, w.visit.id, w)
    if d.exec():
        w.refresh()


def delete_visit(w) -> None:
    if w.visit is None:
        return
    from .dialogs import confirm

    if confirm(w, _tr("Xóa xã"), _tr("Xóa xã %s khỏi đợt kiểm tra cùng các kết quả đã nhập?") % w.visit.commune):
        try:
            ins.delete_visit(w.db, w.visit.id)
        except E.InspectorError as exc:
            errors.show(w, exc)
            return
        iid = w.visit.inspection_id
        w.visit = None
        w.reload(iid)
        w._show_visit(None)


def open_settings(w) -> None:
    from .settings import SettingsDialog

    before = str(w.settings.value("language", "vi"))
    SettingsDialog(w.db, w).exec()
    w.show_who()
    after = str(w.settings.value("language", "vi"))
    if after != before:
        w.offer_restart()


def offer_restart(w) -> None:
    """The interface's language changes on the next start: say so and offer to start again now
    (nothing is lost: every change is already saved)."""
    import sys

    from PySide6.QtCore import QProcess

    from .dialogs import confirm

    if confirm(
        w,
        _tr("Ngôn ngữ giao diện"),
        _tr("Ngôn ngữ mới được dùng từ lần mở Inspector sau. Mở lại Inspector ngay bây giờ?"),
    ):
        w._flush()
        # from source: python with the script and its arguments; a bundle: its program with the arguments
        QProcess.startDetached(sys.executable, sys.argv[1:] if getattr(sys, "frozen", False) else sys.argv)
        w.close()


def open_summary(w) -> None:
    iid = w.current_inspection_id()
    if iid is None:
        return
    from . import summary_view

    view = summary_view.SummaryView(w.db, db_path=w.path)
    view.setWindowFlag(Qt.WindowType.Window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.setWindowTitle(_tr("Tổng hợp kết quả các xã"))
    view.set_inspection(iid)
    view.answer_activated.connect(w.open_answer)
    widgets.fit_to_screen(view, 1200, 640)
    view.show()
    w._summary = view


def _start_from_previous_job(db_path: str, visit_id: str, previous_id: str, progress=None, cancelled=None) -> int:
    import inspector

    db = inspector.open_db(db_path)
    try:
        return ins.start_from_previous(db, visit_id, previous_id=previous_id, progress=progress, cancelled=cancelled)
    finally:
        db.conn.close()


class PointsDialog(QtWidgets.QDialog):
    """The points of one item set by hand: a text item's, or an override of what the answer gives
    (with its reason, shown beside the points everywhere); "Theo kết quả" clears them."""

    def __init__(self, item, answer, parent=None) -> None:
        super().__init__(parent)
        from inspector.scoring import points_text

        self.setWindowTitle(_tr("Chấm điểm tay — %s") % item.code)
        self.cleared = False
        low, high = sorted((0.0, item.points))
        self.points = QtWidgets.QDoubleSpinBox()
        self.points.setObjectName("points")
        self.points.setRange(low, high)
        self.points.setDecimals(2)
        self.points.setSingleStep(0.25)
        self.points.setValue(answer.points if answer is not None and answer.points is not None else high)
        self.reason = QtWidgets.QLineEdit(answer.points_reason if answer is not None else "")
        self.reason.setObjectName("points_reason")
        self.reason.setPlaceholderText(
            _tr("Không bắt buộc với tiêu chí văn bản") if item.type == "text" else _tr("Bắt buộc: vì sao chấm khác")
        )
        form = QtWidgets.QFormLayout(self)
        label = QtWidgets.QLabel(f"{item.code}. {item.text_vi}")
        label.setWordWrap(True)
        form.addRow(label)
        form.addRow(_tr("Điểm (%s đến %s):") % (points_text(low), points_text(high)), self.points)
        form.addRow(_tr("Lý do:"), self.reason)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        clear = buttons.addButton(_tr("Theo kết quả"), QtWidgets.QDialogButtonBox.ButtonRole.ResetRole)
        clear.setEnabled(answer is not None and answer.points is not None)
        clear.clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        widgets.fit_to_screen(self, 460, 200)

    def _clear(self) -> None:
        self.cleared = True
        self.accept()


def set_points(w) -> None:
    """Chấm điểm tay: the current item's points by hand, with a reason."""
    if w.visit is None or w.item is None or w.item.points is None:
        return
    code = w.item.code
    d = PointsDialog(w.item, w.cl_model.answers.get(code), w)
    if not d.exec():
        return
    try:
        a = ans.set_points(w.db, w.visit.id, code, None if d.cleared else d.points.value(), reason=d.reason.text())
    except E.InspectorError as exc:
        errors.show(w, exc)
        return
    w.cl_model.update_answer(code, a)
    w._show_progress()
    w.saved_label.setText(_tr("Đã lưu điểm %s lúc %s") % (code, time.strftime("%H:%M:%S")))


def criteria_sets(w) -> None:
    """Đợt kiểm tra → Bộ tiêu chí…: the sets, their versions; view, copy and edit, Excel."""
    from .criteria import CriteriaSetsDialog

    CriteriaSetsDialog(w.db, w).exec()
