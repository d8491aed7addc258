"""One helper for slow work: a plain core function run on a thread pool, reporting back to the UI.

The core function receives `progress(done, total)` and `cancelled()` keyword arguments when it
accepts them. Workers get ids and paths, never widgets or connections: a function that needs
the database opens its own connection (inspector.open_db(path)).
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Run fn(*args, **kwargs) off the UI thread; emit finished(result) or failed(exc)."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the Job object is kept by its owner until finished
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            params = {}
        if "progress" in params:
            self.kwargs.setdefault("progress", self.signals.progress.emit)
        if "cancelled" in params:
            self.kwargs.setdefault("cancelled", self._cancel.is_set)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # boundary: log it, then hand it to the UI
            logger.exception("job %s failed", getattr(self.fn, "__name__", self.fn))
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_writer: QThreadPool | None = None
_running: set[Job] = set()


def writer_pool() -> QThreadPool:
    """One thread for everything that writes the database, so writes never overlap."""
    global _writer
    if _writer is None:
        _writer = QThreadPool()
        _writer.setMaxThreadCount(1)
    return _writer


def start(
    job: Job,
    *,
    writes: bool = True,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Job:
    """Queue a job (on the writer pool if it writes); callbacks run on the UI thread."""
    _running.add(job)

    def _finish(_: Any = None) -> None:
        _running.discard(job)

    if on_progress:
        job.signals.progress.connect(on_progress)
    if on_done:
        job.signals.finished.connect(on_done)
    if on_error:
        job.signals.failed.connect(on_error)
    job.signals.finished.connect(_finish)
    job.signals.failed.connect(_finish)
    (writer_pool() if writes else QThreadPool.globalInstance()).start(job)
    return job


def shutdown(timeout_ms: int = 10000) -> None:
    """On quit: cancel what runs and wait for it (the only place that waits)."""
    for job in list(_running):
        job.cancel()
    if _writer is not None:
        _writer.waitForDone(timeout_ms)
    QThreadPool.globalInstance().waitForDone(timeout_ms)
