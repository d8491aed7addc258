"""Turning core exceptions into one readable Vietnamese message (never a traceback)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

import inspector
from inspector import errors as E

logger = logging.getLogger(__name__)


LANG = "vi"  # the interface's language, set when the translations are installed


def reason(exc: BaseException) -> str:
    """The reason a core refusal gives, in the interface's language (the core has both)."""
    if LANG != "vi" or not hasattr(exc, "reason_vi"):
        return str(getattr(exc, "reason", exc))
    return exc.reason_vi  # type: ignore[attr-defined]


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


_MESSAGES: dict[type, Callable[[BaseException], str]] = {
    E.NotOurFile: lambda e: _tr("Tệp %s không phải cơ sở dữ liệu của Inspector.") % e.path,
    E.SchemaTooNew: lambda e: _tr("Tệp %s được tạo bởi phiên bản Inspector mới hơn; hãy cập nhật phần mềm.") % e.path,
    E.InvalidValue: lambda e: _tr("%s: giá trị «%s» không hợp lệ (%s).") % (e.item, e.value, e.reason),
    E.VisitFrozen: lambda e: _tr("Biên bản của xã %s đã ký; muốn sửa phải ghi lý do điều chỉnh.") % e.commune,
    E.PhotoRejected: lambda e: _tr("%s: không nhập được ảnh (%s).") % (e.name, reason(e)),
    E.OutputLocked: lambda e: (
        _tr("Tệp %s đang mở trong chương trình khác (Word?). Hãy đóng tệp hoặc chọn tên khác.") % e.path
    ),
    E.PackageRejected: lambda e: _tr("Gói dữ liệu %s bị từ chối: %s. Không có gì bị thay đổi.") % (e.path, reason(e)),
    E.CannotWrite: lambda e: _tr("Không ghi được tệp %s: %s.") % (e.path, reason(e)),
    E.Cancelled: lambda e: _tr("Đã hủy. Phần đã hoàn thành được giữ lại."),
}


def register(cls: type, make: Callable[[BaseException], str]) -> None:
    """Let a module add the message for its own exception class."""
    _MESSAGES[cls] = make


def message(exc: BaseException) -> str:
    for cls in type(exc).__mro__:
        if cls in _MESSAGES:
            return _MESSAGES[cls](exc)
    if isinstance(exc, inspector.InspectorError):
        return str(exc)
    if isinstance(exc, sqlite3.Error):
        return _tr("Lỗi cơ sở dữ liệu: %s") % exc
    if isinstance(exc, OSError):
        return _tr("Lỗi tệp %s: %s") % (exc.filename or "", exc.strerror or exc)
    logger.error("unexpected error", exc_info=exc)
    return _tr("Lỗi không mong đợi: %s") % exc


def show(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QtWidgets.QMessageBox.warning(parent, title or _tr("Inspector"), message(exc))
