"""Changes to signed minutes are amendments, and each carries its reason.

The first change to a visit whose minutes were signed asks for the reason and opens an amendment;
every change of that visit (answers, notes, photos, findings, the session; undo and redo too)
carries that reason while it is open, and the window says so with a button to close it. Closing
it, choosing another visit or closing the window ends it: the next change asks again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from inspector import errors as E
from inspector import inspections as ins

_open: dict[str, str] = {}  # visit id -> the reason of its open amendment
_listeners: list[Callable[[], None]] = []


def _tr(text: str) -> str:
    return QCoreApplication.translate("amend", text)


def listen(callback: Callable[[], None]) -> None:
    """Call back when an amendment opens or closes (the window's banner)."""
    _listeners.append(callback)


def _changed() -> None:
    for cb in list(_listeners):
        try:
            cb()
        except RuntimeError:  # a window already deleted
            _listeners.remove(cb)


def current(visit_id: str | None) -> str | None:
    """The reason of the visit's open amendment, or None."""
    return _open.get(visit_id or "")


def ask(parent: QWidget | None, visit: ins.Visit) -> str | None:
    """The person's reason for amending signed minutes (None when they decline)."""
    text, ok = QInputDialog.getText(
        parent,
        _tr("Điều chỉnh biên bản đã ký"),
        _tr(
            "Biên bản của xã %s đã ký. Thay đổi từ bây giờ là điều chỉnh biên bản, được ghi lại và liệt kê "
            "khi in lại.\nLý do điều chỉnh:"
        )
        % visit.commune,
    )
    return text.strip() if ok and text.strip() else None


def reason_for(parent: QWidget | None, db, visit_id: str) -> str | None:
    """The reason a change of this visit carries: None when its minutes are not signed; the open
    amendment's reason; else asked (which opens an amendment). Raises VisitFrozen when the person
    gives no reason: nothing is changed then."""
    try:
        visit = ins.get_visit(db, visit_id)
    except E.InspectorError:
        return None
    if not visit.frozen:
        return None
    if visit_id in _open:
        return _open[visit_id]
    reason = ask(parent, visit)
    if not reason:
        raise E.VisitFrozen(visit.id, visit.commune)
    _open[visit_id] = reason
    _changed()
    return reason


def close(visit_id: str | None = None) -> None:
    """End the visit's amendment (all of them without a visit)."""
    if visit_id is None:
        if _open:
            _open.clear()
            _changed()
    elif _open.pop(visit_id, None) is not None:
        _changed()


__all__ = ["ask", "close", "current", "listen", "reason_for"]
