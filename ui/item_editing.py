"""Item editing in the window: the answer editors, the keys on the checklist (1–4, digits, Enter,
Delete), the note and undo write the answer of the shown item; every change after signing
carries its amendment's reason (ui/amend.py). Its words share the window's translation context."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QUndoCommand

from inspector import answers as ans
from inspector import errors as E

from . import amend, errors
from .checklist_model import ItemRole


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("MainWindow", text, None, n)


class AnswerCommand(QUndoCommand):
    """One answer change already written; undo writes the previous value and note back."""

    def __init__(self, window, visit_id: str, code: str, old: tuple, new: tuple) -> None:
        super().__init__(_tr("%s: sửa kết quả") % code)
        self.window, self.visit_id, self.code, self.old, self.new = window, visit_id, code, old, new
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.window.write_answer(self.visit_id, self.code, *self.new, undoable=False)

    def undo(self) -> None:
        self.window.write_answer(self.visit_id, self.code, *self.old, undoable=False)


class ItemEditing(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = w = window
        self._note_timer = QTimer(self, singleShot=True, interval=700)
        self._note_timer.timeout.connect(self.save_note)
        w.panel.note.textChanged.connect(self._note_timer.start)
        w.panel.note.installEventFilter(self)
        w.panel.editor.committed.connect(self.editor_committed)
        w.panel.editor.leave.connect(self.editor_left)
        w.view.choice_key.connect(self.choice_key)
        w.view.enter_key.connect(self.focus_note)
        w.view.clear_key.connect(lambda: self.set_current_value(None))

    def flush(self) -> None:
        """Write what is typed and not yet saved (note, number, text) before moving on."""
        w = self.w
        if self._note_timer.isActive():
            self.save_note()
        w.panel.editor.flush()

    def editor_committed(self, value) -> None:
        w = self.w
        if w.item is not None:
            self.set_current_value(value)

    def set_current_value(self, value) -> None:
        w = self.w
        if w.visit is None or w.item is None:
            return
        a = w.cl_model.answers.get(w.item.code)
        if (a.value if a else None) == value:
            return
        self.write_answer(w.visit.id, w.item.code, value, None)

    def save_note(self) -> None:
        w = self.w
        self._note_timer.stop()
        if w.visit is None or w.item is None:
            return
        note = w.panel.note.toPlainText()
        a = w.cl_model.answers.get(w.item.code)
        if note.strip() == (a.note if a else ""):
            return
        self.write_answer(w.visit.id, w.item.code, a.value if a else None, note)

    def write_answer(self, visit_id: str, code: str, value, note, *, undoable: bool = True) -> bool:
        """Write one answer (value, and the note unless None) now; the status bar confirms it."""
        w = self.w
        before = ans.get_answer(w.db, visit_id, code)
        try:
            reason = amend.reason_for(w, w.db, visit_id)  # signed minutes: this change's reason
        except E.VisitFrozen:
            self.show_item_again()
            return False
        try:
            after = ans.set_answer(w.db, visit_id, code, value, note=note, reason=reason)
        except E.InspectorError as exc:
            w.statusBar().showMessage(errors.message(exc), 8000)
            errors.show(w, exc)
            self.show_item_again()
            return False
        if undoable:
            old = (before.value if before else None, before.note if before else "")
            new = (after.value if after else None, after.note if after else "")
            if old != new:
                w.undo.push(AnswerCommand(w, visit_id, code, old, new))
        if w.visit is not None and w.visit.id == visit_id:
            pos = w.view.currentIndex()
            place = (pos.parent().row(), pos.row()) if pos.isValid() and pos.parent().isValid() else None
            w.cl_model.update_answer(code, after, amended=reason is not None)
            now = w.view.currentIndex()
            if place is not None and (not now.isValid() or now.data(ItemRole) is None):
                w._select_near(*place)  # the item left a filtered list: go on with the next one
            if not undoable or (w.item is None or w.item.code != code):
                self.reveal(code)
            elif w.item is not None and w.item.code == code:
                prev = w.previous_answers.get(code)
                w.panel.refresh_answer(w.item, after, prev.value if prev else None, w.lang)
                w._show_who(after)
                w._show_amended()
            w._show_progress()
            w._update_nav_count()
        w.saved_label.setText(_tr("Đã lưu %s lúc %s") % (code, time.strftime("%H:%M:%S")))
        w._update_actions()
        return True

    def show_item_again(self) -> None:
        w = self.w
        w._load_item()

    def reveal(self, code: str) -> None:
        """After an undo: select the changed item so the user sees what came back."""
        w = self.w
        idx = w.cl_filter.mapFromSource(w.cl_model.index_of(code))
        if idx.isValid():
            w.view.setCurrentIndex(idx)
        if w.item is not None and w.item.code == code:
            w._load_item()

    def editor_left(self, key: int) -> None:
        """A value box was left with a key (what was typed is kept): Esc goes back to the list,
        Up/Down (and Page Up/Down) also move to the item above or below, as in the list."""
        w = self.w
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent
        from PySide6.QtWidgets import QApplication

        w.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if key != int(Qt.Key.Key_Escape):
            QApplication.sendEvent(w.view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key(key), Qt.KeyboardModifier.NoModifier))

    def choice_key(self, n: int) -> None:
        w = self.w
        choice = w.panel.editor.choice_for_key(n)
        if choice is False:
            w.panel.editor.focus_input(str(n))
            return
        self.set_current_value(choice)

    def focus_note(self) -> None:
        w = self.w
        if w.item is not None:
            w.panel.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
            w.panel.note.moveCursor(w.panel.note.textCursor().MoveOperation.End)

    def eventFilter(self, obj, event) -> bool:
        w = self.w
        from PySide6.QtCore import QEvent

        if obj is w.panel.note:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.save_note()
                w.view.setFocus()
                return True
            if event.type() == QEvent.Type.FocusOut:
                self.save_note()
        return super().eventFilter(obj, event)


__all__ = ["AnswerCommand", "ItemEditing"]
