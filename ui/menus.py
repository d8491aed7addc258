"""The window's menus and actions: built on the window (its act_* attributes), enabled by what is
current. Its words share the window's translation context ("MainWindow")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from . import commands
from .checklist_model import ChecklistFilter


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


def action(w, text: str, slot, shortcut=None, name: str | None = None) -> QAction:
    a = QAction(text, w)
    if shortcut is not None:
        a.setShortcut(QKeySequence(shortcut))
        a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    a.triggered.connect(slot)
    if name:
        a.setObjectName(name)
    return a


def build(w) -> None:
    """The menus and their actions (as attributes of the window: w.act_new, w.act_quit…)."""
    mb = w.menuBar()
    w.file_menu = mb.addMenu(_tr("&Tệp"))
    w.act_new = action(w, _tr("Đợt kiểm tra &mới…"), w.new_inspection, QKeySequence.StandardKey.New, "new")
    w.act_quit = action(w, _tr("&Thoát"), w.close, "Ctrl+Q", "quit")  # on every system (Windows binds none)
    w.file_menu.addAction(w.act_new)
    w.file_menu.addSeparator()
    w._sync_anchor = w.file_menu.addSeparator()
    add_sync(w)
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.act_quit)

    edit = mb.addMenu(_tr("&Sửa"))
    w.act_undo = w.undo.createUndoAction(w, _tr("&Hoàn tác"))
    w.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
    w.act_undo.setObjectName("undo")
    w.act_redo = w.undo.createRedoAction(w, _tr("&Làm lại"))
    w.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
    edit.addAction(w.act_undo)
    edit.addAction(w.act_redo)
    edit.addSeparator()
    w.act_find = action(w, _tr("&Tìm tiêu chí"), w._focus_search, QKeySequence.StandardKey.Find, "find")
    edit.addAction(w.act_find)
    w.act_confirm = action(
        w, _tr("Xác nhận &gợi ý của tiêu chí này"), w.confirm_current, QKeySequence("Ctrl+Return"), "confirm"
    )
    w.act_confirm_all = action(w, _tr("Xác nhận tất cả gợi ý"), w.confirm_all, None, "confirm_all")
    edit.addAction(w.act_confirm)
    edit.addAction(w.act_confirm_all)
    w.act_points = action(w, _tr("Chấm điểm &tay…"), lambda: commands.set_points(w), "Ctrl+Shift+D", "points")
    edit.addAction(w.act_points)
    edit.addSeparator()
    w.act_settings = action(w, _tr("&Cài đặt…"), w.open_settings, QKeySequence.StandardKey.Preferences, "settings")
    edit.addAction(w.act_settings)

    w.inspection_menu = mb.addMenu(_tr("Đợt &kiểm tra"))
    w.act_edit_inspection = action(
        w, _tr("&Sửa đợt kiểm tra, thành viên, các xã…"), w.edit_inspection, "Ctrl+Shift+E", "edit_inspection"
    )
    w.act_delete_inspection = action(w, _tr("&Xóa đợt kiểm tra…"), w.delete_inspection, None, "delete_inspection")
    w.inspection_menu.addAction(w.act_new)
    w.inspection_menu.addAction(w.act_edit_inspection)
    w.inspection_menu.addAction(w.act_delete_inspection)
    w.inspection_menu.addSeparator()
    w.act_criteria = action(w, _tr("&Bộ tiêu chí…"), lambda: commands.criteria_sets(w), None, "criteria")
    w.inspection_menu.addAction(w.act_criteria)

    w.visit_menu = mb.addMenu(_tr("&Xã"))
    w.act_edit_visit = action(
        w, _tr("&Buổi làm việc, đại diện xã, tồn tại, kiến nghị…"), w.edit_visit, "Ctrl+E", "edit_visit"
    )
    w.act_previous = action(
        w, _tr("Lấy &kết quả lần kiểm tra trước làm gợi ý"), w.start_from_previous, None, "start_from_previous"
    )
    w.act_delete_visit = action(w, _tr("&Xóa xã khỏi đợt kiểm tra…"), w.delete_visit, None, "delete_visit")
    w.visit_menu.addAction(w.act_edit_visit)
    w.visit_menu.addAction(w.act_previous)
    w.visit_menu.addSeparator()
    from . import minutes as minutes_ui

    w.minutes_actions = minutes_ui.add_minutes_actions(
        w, w.visit_menu, w.db, w.path, lambda: w.visit.id if w.visit else None, w.refresh
    )
    w.visit_menu.addSeparator()
    w.visit_menu.addAction(w.act_delete_visit)

    w.view_menu = mb.addMenu(_tr("&Xem"))
    w.act_next_unanswered = action(
        w, _tr("Tiêu chí &chưa trả lời tiếp theo"), w.next_unanswered, "F3", "next_unanswered"
    )
    w.view_menu.addAction(w.act_next_unanswered)
    for mode, text, key in (
        (ChecklistFilter.ALL, _tr("Tất cả tiêu chí"), "Alt+1"),
        (ChecklistFilter.UNANSWERED, _tr("Chỉ tiêu chí chưa trả lời"), "Alt+2"),
        (ChecklistFilter.FAILED, _tr("Chỉ tiêu chí không đạt"), "Alt+3"),
    ):
        w.view_menu.addAction(action(w, text, lambda _=False, m=mode: w._set_mode(m, True), key))
    w.act_summary = action(w, _tr("&Tổng hợp các xã…"), w.open_summary, "Ctrl+T", "summary")
    w.view_menu.addSeparator()
    w.view_menu.addAction(w.act_summary)

    help_menu = mb.addMenu(_tr("&Trợ giúp"))
    help_menu.addAction(action(w, _tr("&Phím tắt"), w.show_keys, QKeySequence.StandardKey.HelpContents))
    help_menu.addAction(action(w, _tr("Mở thư mục &nhật ký"), w.open_log_folder))
    help_menu.addAction(action(w, _tr("&Giới thiệu Inspector"), w.show_about))

    for a in (w.act_edit_visit, w.act_previous, w.act_edit_inspection):
        w.tree.addAction(a)


def add_sync(w) -> None:
    """Export, merge, conflicts, merge log (ui/sync.py, loaded when first used)."""

    def export() -> None:
        from . import sync as s

        s.export_package(w, w.path, w.current_inspection_id())

    def merge() -> None:
        from . import sync as s

        s.merge_packages(w, w.db, w.path, on_merged=w.refresh)

    def conflicts() -> None:
        from . import sync as s

        s.ConflictsDialog(w.db, w).exec()
        w.refresh()

    def merge_log() -> None:
        from . import sync as s

        s.MergeLogDialog(w.db, w).exec()

    w.act_export = action(w, _tr("&Xuất gói dữ liệu…"), export, None, "export")
    w.act_merge = action(w, _tr("&Hợp nhất gói dữ liệu…"), merge, None, "merge")
    w.act_conflicts = action(w, _tr("&Xung đột cần quyết định…"), conflicts, None, "conflicts")
    w.act_merge_log = action(w, _tr("&Nhật ký hợp nhất…"), merge_log, None, "merge_log")
    for a in (w.act_export, w.act_merge, w.act_conflicts, w.act_merge_log):
        w.file_menu.addAction(a)
    w.setAcceptDrops(True)


def update(w) -> None:
    """Enable what the current inspection, visit and item allow."""
    has_insp = w.current_inspection_id() is not None
    has_visit = w.visit is not None
    w.act_edit_inspection.setEnabled(has_insp)
    w.act_delete_inspection.setEnabled(has_insp)
    w.act_edit_visit.setEnabled(has_visit)
    w.act_delete_visit.setEnabled(has_visit and not w.visit.frozen)
    w.act_previous.setEnabled(has_visit and w.previous is not None and not w.visit.based_on and not w.visit.frozen)
    sugg = has_visit and any(a.suggested is not None and a.value is None for a in w.cl_model.answers.values())
    w.act_confirm_all.setEnabled(bool(sugg))
    a = w.cl_model.answers.get(w.item.code) if w.item else None
    w.act_confirm.setEnabled(bool(a and a.suggested is not None and a.value is None))
    w.act_points.setEnabled(bool(has_visit and w.item is not None and w.item.points is not None))
    w.act_next_unanswered.setEnabled(has_visit)
    if getattr(w, "minutes_actions", None) is not None:
        w.minutes_actions.update()
    w.act_summary.setEnabled(has_insp)
