"""PDF through Microsoft Word's COM interface, for Windows laptops with Word and no LibreOffice.

docx2pdf reports success even when Word is missing or failed; here the result file is what counts:
no file, or an empty one, is a clear error. The COM layer is one callable (`dispatch`), so the
route is tested everywhere with a fake Word. COM is initialised on the calling thread (the window
converts on a worker thread) and whether Word is there is read from the registry, without
starting it.
"""

from __future__ import annotations

import sys
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


def _registered() -> bool:
    """Word is registered for COM (its ProgID in the registry): known without starting Word."""
    if sys.platform != "win32":
        return False
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, r"Word.Application\CLSID"):
            return True
    except OSError:
        return False


def available(registered: Callable[[], bool] | None = None) -> bool:
    """Word can make PDFs here: pywin32 importable and Word registered. Cheap: Word is not
    started. `registered` replaces the registry look-up (tests)."""
    if registered is None:
        try:
            import win32com.client  # noqa: F401  # pywin32
        except ImportError:
            return False
    try:
        return bool((registered or _registered)())
    except Exception:  # no registry (not Windows), or the look-up failed: no Word
        return False


class _Com:
    """COM set up for the calling thread and released after; nothing when pywin32 is absent
    (the tests' fake Word)."""

    def __enter__(self) -> _Com:
        try:
            import pythoncom

            pythoncom.CoInitialize()
            self.pythoncom: Any = pythoncom
        except ImportError:
            self.pythoncom = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pythoncom is not None:
            self.pythoncom.CoUninitialize()


def convert(src: Path, out: Path, *, dispatch: Callable[[], Any] | None = None) -> None:
    """Word opens src read-only, exports out as PDF, closes it unchanged and quits. Raises
    InvalidInput when Word cannot be started, fails, or leaves no PDF."""
    with _Com():
        _convert(src, out, dispatch or _dispatch)
    if not out.exists() or out.stat().st_size == 0:
        raise InvalidInput("Microsoft Word reported no error but made no PDF")


def _convert(src: Path, out: Path, dispatch: Callable[[], Any]) -> None:
    try:
        word = dispatch()
    except Exception as exc:  # no pywin32, or Word not installed
        raise InvalidInput(f"Microsoft Word could not be started to make the PDF ({type(exc).__name__})") from None
    doc = None
    try:
        word.Visible = False
        word.DisplayAlerts = 0
        doc = word.Documents.Open(str(src), ConfirmConversions=False, ReadOnly=True, AddToRecentFiles=False)
        doc.ExportAsFixedFormat(str(out), WD_EXPORT_FORMAT_PDF)
    except Exception as exc:  # any COM failure is one message
        raise InvalidInput(f"Microsoft Word could not make the PDF ({str(exc)[:200]})") from None
    finally:
        try:
            if doc is not None:
                doc.Close(WD_DO_NOT_SAVE_CHANGES)
        finally:
            try:
                word.Quit()
            except Exception:  # Word already gone
                pass
            doc = word = None  # the COM references released before COM is
