"""PDF through Microsoft Word's COM interface, for Windows laptops with Word and no LibreOffice.

docx2pdf reports success even when Word is missing or failed; here the result file is what counts:
no file, or an empty one, is a clear error. The COM layer is one callable (`dispatch`), so the
route is tested everywhere with a fake Word.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import InvalidInput

WD_EXPORT_FORMAT_PDF = 17  # WdExportFormat.wdExportFormatPDF
WD_DO_NOT_SAVE_CHANGES = 0


def _dispatch() -> Any:
    """A new, invisible Word (DispatchEx: never the person's open Word)."""
    import win32com.client  # pywin32, Windows only

    return win32com.client.DispatchEx("Word.Application")


def available(dispatch: Callable[[], Any] | None = None) -> bool:
    """Word can be started through COM (pywin32 installed, Word registered)."""
    try:
        word = (dispatch or _dispatch)()
    except Exception:
        return False
    try:
        word.Quit()
    except Exception:
        pass
    return True


def convert(src: Path, out: Path, *, dispatch: Callable[[], Any] | None = None) -> None:
    """Word opens src read-only, exports out as PDF, closes it unchanged and quits. Raises
    InvalidInput when Word cannot be started, fails, or leaves no PDF."""
    try:
        word = (dispatch or _dispatch)()
    except Exception as exc:
        raise InvalidInput(f"Microsoft Word could not be started to make the PDF ({type(exc).__name__})") from None
    doc = None
    try:
        word.Visible = False
        word.DisplayAlerts = 0
        doc = word.Documents.Open(str(src), ConfirmConversions=False, ReadOnly=True, AddToRecentFiles=False)
        doc.ExportAsFixedFormat(str(out), WD_EXPORT_FORMAT_PDF)
    except Exception as exc:
        raise InvalidInput(f"Microsoft Word could not make the PDF ({str(exc)[:200]})") from None
    finally:
        try:
            if doc is not None:
                doc.Close(WD_DO_NOT_SAVE_CHANGES)
        finally:
            try:
                word.Quit()
            except Exception:
                pass
    if not out.exists() or out.stat().st_size == 0:
        raise InvalidInput("Microsoft Word reported no error but made no PDF")
