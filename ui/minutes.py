"""The minutes in the window: write the biên bản (worker with progress), preview the PDF (pages
rendered by PDFium) and print it with the system's print dialog, or open the .docx in the word
processor when no PDF converter is installed; mark the minutes signed; choose an office's own
template."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

# The window builds this module's menu at start-up; the classes needed only once a command runs
# are reached through their module (QtGui.QImage…), which PySide creates on first use.
import inspector
from inspector import errors as E
from inspector import inspections as ins

from . import errors, widgets, workers


def _tr(text: str, n: int = -1) -> str:
    """The interface's words in the chosen language; with n, "%n" in text is the count n and the
    translation has a singular and a plural form."""
    return QCoreApplication.translate("minutes", text, None, n)


def _mn():
    """inspector.minutes, loaded when the minutes are first used (not at start-up)."""
    from inspector import minutes

    return minutes


errors.register(
    E.TemplateError, lambda e: _tr("Mẫu %s không dùng được: %s") % (Path(str(e.path)).name, errors.reason(e))
)


# ---- jobs (run off the UI thread, with their own connection) -----------------------------------


def _minutes_job(
    db_path: str,
    visit_id: str,
    out: str,
    template: str | None,
    pdf: bool,
    layout: str = "areas",
    progress=None,
    cancelled=None,
) -> tuple[str, str | None]:
    db = inspector.open_db(db_path)
    try:
        written = _mn().write_minutes(
            db, visit_id, out, template=template, layout=layout, progress=progress, cancelled=cancelled
        )
    finally:
        db.close()
    pdf_path = None
    if pdf:
        if progress:
            progress(3, 4)
        pdf_path = str(_mn().to_pdf(written))
    return str(written), pdf_path


def _check_job(path: str) -> str:
    _mn().check_template(path)
    return path


def _page_images(pdf_path: str, dpi: int, first: int, last: int, cancelled=None, progress=None) -> list[QtGui.QImage]:
    """Pages of a PDF as images (PDFium), for the preview and for printing; run in a worker."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    images = []
    try:
        last = min(last, len(doc) - 1)
        total = last - first + 1
        for n in range(first, last + 1):
            if cancelled and cancelled():
                break
            page = doc[n]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes()
            image = QtGui.QImage(data, pil.width, pil.height, pil.width * 3, QtGui.QImage.Format.Format_RGB888).copy()
            images.append(image)
            bitmap.close()
            page.close()
            if progress:
                progress(n - first + 1, total)
    finally:
        doc.close()
    return images


def page_count(pdf_path: str) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf_path)
    try:
        return len(doc)
    finally:
        doc.close()


# ---- the PDF preview ---------------------------------------------------------------------------


class PdfPreviewDialog(QDialog):
    """The minutes as they will print (pages rendered by PDFium in a worker); Print opens the
    system's print dialog."""

    PREVIEW_DPI = 80

    def __init__(self, pdf_path: str, docx_path: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QScrollArea

        self.pdf_path, self.docx_path = pdf_path, docx_path
        self.printed = False
        self.pages = page_count(pdf_path)
        self.setWindowTitle(_tr("Xem trước biên bản — %s") % Path(pdf_path).name)
        self.canvas = QWidget()
        self.canvas.setStyleSheet("background: #808080")
        self.column = QtWidgets.QVBoxLayout(self.canvas)
        self.column.setSpacing(12)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QtWidgets.QLabel] = []
        for _ in range(self.pages):
            label = QtWidgets.QLabel(_tr("Đang hiển thị trang…"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setMinimumSize(int(595 / 72 * self.PREVIEW_DPI), int(842 / 72 * self.PREVIEW_DPI))
            label.setStyleSheet("background: white")
            self.column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self.info = QtWidgets.QLabel(_tr("%n trang", self.pages))
        buttons = QtWidgets.QDialogButtonBox()
        self.print_button = buttons.addButton(_tr("In…"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.word_button = buttons.addButton(_tr("Mở bằng Word"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        self.word_button.setEnabled(bool(docx_path))
        self.folder_button = buttons.addButton(_tr("Mở thư mục"), QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(_tr("Đóng"), QtWidgets.QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_document)
        self.word_button.clicked.connect(
            lambda: QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(docx_path or ""))
        )
        self.folder_button.clicked.connect(
            lambda: QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(Path(pdf_path).parent)))
        )
        close.clicked.connect(self.reject)
        lay = QtWidgets.QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.info)
        lay.addWidget(buttons)
        widgets.fit_to_screen(self, 760, 900)
        self._job = workers.Job(_page_images, pdf_path, self.PREVIEW_DPI, 0, self.pages - 1)
        workers.start(self._job, writes=False, on_done=self._show_pages, on_error=lambda exc: errors.show(self, exc))

    def _show_pages(self, images: list[QtGui.QImage]) -> None:
        self.images = images
        for label, image in zip(self.page_labels, images):
            label.setPixmap(QtGui.QPixmap.fromImage(image))
            label.setMinimumSize(image.size())

    def done(self, result: int) -> None:
        self._job.cancel()
        super().done(result)

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self.pdf_path).stem)
        printer.setFromTo(1, self.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage() or 1, printer.toPage() or self.pages
        dpi = min(printer.resolution(), 300)
        job = workers.Job(_page_images, self.pdf_path, dpi, first - 1, last - 1)
        progress = QtWidgets.QProgressDialog(_tr("Đang chuẩn bị trang in…"), _tr("Hủy"), 0, last - first + 1, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.canceled.connect(job.cancel)

        def done(images: list[QtGui.QImage]) -> None:
            progress.close()
            if job.is_cancelled or not images:
                return
            painter = QtGui.QPainter()
            if not painter.begin(printer):
                QtWidgets.QMessageBox.warning(self, _tr("In biên bản"), _tr("Không mở được máy in."))
                return
            for k, image in enumerate(images):
                if k:
                    printer.newPage()
                rect = painter.viewport()
                scaled = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(rect.x(), rect.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(rect)
            painter.end()
            self.printed = True

        workers.start(
            job,
            writes=False,
            on_done=done,
            on_error=lambda exc: (progress.close(), errors.show(self, exc)),
            on_progress=lambda d, t: progress.setValue(d),
        )


# ---- the actions -----------------------------------------------------------------------------------


class MinutesActions:
    """Menu actions for the selected visit; `update()` enables them when they can work."""

    def __init__(
        self,
        window: QWidget,
        menu,
        db,
        db_path,
        current_visit: Callable[[], str | None],
        on_changed: Callable[[], None],
    ) -> None:
        self.window, self.db, self.db_path = window, db, Path(db_path)
        self.current_visit, self.on_changed = current_visit, on_changed
        self.settings = QSettings()

        def act(text: str, slot, key=None, name: str = "") -> QAction:
            a = QAction(text, window)
            if key is not None:
                a.setShortcut(QKeySequence(key))
            a.setObjectName(name)
            a.triggered.connect(slot)
            menu.addAction(a)
            return a

        self.make = act(_tr("&In biên bản…"), self.write, QKeySequence.StandardKey.Print, "minutes")
        self.sign = act(_tr("Đánh dấu biên bản &đã ký…"), self.mark_signed, None, "sign")
        self.template = act(_tr("Chọn &mẫu biên bản của cơ quan…"), self.choose_template, None, "choose_template")
        self.default_template = act(_tr("Dùng mẫu biên bản mặc định"), self.reset_template, None, "default_template")
        self.update()

    # which template: the office's own when chosen, per kind of delegation
    def _template_key(self, kind: str) -> str:
        return f"minutes/template/{kind}"

    def _kind(self) -> str:
        vid = self.current_visit()
        if not vid:
            return "kiem_tra"
        return ins.get_inspection(self.db, ins.get_visit(self.db, vid).inspection_id).kind

    def template_for(self, kind: str) -> str | None:
        path = self.settings.value(self._template_key(kind))
        return str(path) if path and Path(str(path)).exists() else None

    def update(self) -> None:
        vid = self.current_visit()
        visit = ins.get_visit(self.db, vid) if vid else None
        self.make.setEnabled(visit is not None)
        self.sign.setEnabled(visit is not None and not visit.frozen)
        self.template.setEnabled(True)
        self.default_template.setVisible(bool(visit) and self.template_for(self._kind()) is not None)

    # ---- writing ----------------------------------------------------------------------------------

    def write(self, _=False, target: str | None = None) -> None:
        vid = self.current_visit()
        if not vid:
            return
        visit = ins.get_visit(self.db, vid)
        if target is None and not ask_about_gaps(self.window, _mn().gaps(self.db, vid), signing=False):
            return
        if target is None:
            # a folder per inspection, in Documents (never where the photos last came from)
            key = f"minutes/folder/{visit.inspection_id}"
            folder = self.settings.value(key)
            if not folder:
                from inspector.text import slug

                docs = QtCore.QStandardPaths.writableLocation(
                    QtCore.QStandardPaths.StandardLocation.DocumentsLocation
                ) or str(Path.home())
                title = ins.get_inspection(self.db, visit.inspection_id).title
                folder = str(Path(docs) / "Inspector" / slug(title, "bien-ban"))
            try:
                Path(folder).mkdir(parents=True, exist_ok=True)
            except OSError:
                folder = str(Path.home())
            target, _ = QtWidgets.QFileDialog.getSaveFileName(
                self.window,
                _tr("Lưu biên bản"),
                str(Path(folder) / _mn().default_filename(visit)),
                _tr("Tài liệu Word (*.docx)"),
            )
            if not target:
                return
            if not target.lower().endswith(".docx"):
                target += ".docx"
            self.settings.setValue(key, str(Path(target).parent))
        pdf = _mn().office_converter() is not None
        from .settings import minutes_layout

        job = workers.Job(
            _minutes_job, str(self.db_path), vid, target, self.template_for(self._kind()), pdf, minutes_layout()
        )
        dialog = QtWidgets.QProgressDialog(_tr("Đang lập biên bản…"), _tr("Hủy"), 0, 4, self.window)
        dialog.setWindowTitle(_tr("Biên bản"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(job.cancel)

        def progress(done: int, total: int) -> None:
            dialog.setValue(done)
            if done == 3 and pdf:
                dialog.setLabelText(_tr("Đang chuyển sang PDF để xem trước…"))

        def done(result: tuple[str, str | None]) -> None:
            dialog.reset()
            dialog.close()
            docx_path, pdf_path = result
            if pdf_path:
                preview = PdfPreviewDialog(pdf_path, docx_path, self.window)
                preview.exec()
                if preview.printed:
                    self.offer_sign()
            else:
                QtWidgets.QMessageBox.information(
                    self.window,
                    _tr("Biên bản"),
                    _tr("Đã lưu %s.\nMáy chưa có LibreOffice để xem trước; biên bản sẽ mở bằng trình soạn thảo.")
                    % docx_path,
                )
                QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(docx_path))

        def failed(exc: BaseException) -> None:
            dialog.reset()
            dialog.close()
            if isinstance(exc, E.OutputLocked) and exc.suggestion:
                box = QtWidgets.QMessageBox(
                    QtWidgets.QMessageBox.Icon.Warning,
                    _tr("Tệp đang mở"),
                    _tr("Tệp %s đang mở trong Word nên không ghi đè được.\nLưu với tên %s?")
                    % (Path(str(exc.path)).name, Path(exc.suggestion).name),
                    parent=self.window,
                )
                yes = box.addButton(_tr("Lưu tên mới"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
                box.addButton(_tr("Hủy"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
                box.exec()
                if box.clickedButton() is yes:
                    self.write(target=exc.suggestion)
                return
            if isinstance(exc, E.Cancelled):
                return
            errors.show(self.window, exc)

        workers.start(job, writes=False, on_done=done, on_error=failed, on_progress=progress)

    # ---- signing ----------------------------------------------------------------------------------

    def offer_sign(self) -> None:
        vid = self.current_visit()
        if vid and not ins.get_visit(self.db, vid).frozen:
            self.mark_signed()

    def mark_signed(self) -> None:
        vid = self.current_visit()
        if not vid:
            return
        visit = ins.get_visit(self.db, vid)
        from .dialogs import confirm

        if not ask_about_gaps(self.window, _mn().gaps(self.db, vid), signing=True):
            return
        if not confirm(
            self.window,
            _tr("Biên bản đã ký"),
            _tr(
                "Hai bên đã ký biên bản xã %s?\nSau khi đánh dấu, mọi thay đổi kết quả của xã này là điều chỉnh "
                "biên bản và phải ghi lý do. Mã đối chiếu in ở chân trang sẽ được lưu lại."
            )
            % visit.commune,
        ):
            return
        try:
            signed = _mn().sign_visit(self.db, vid)
        except E.InspectorError as exc:
            errors.show(self.window, exc)
            return
        QtWidgets.QMessageBox.information(
            self.window,
            _tr("Biên bản đã ký"),
            _tr("Đã ghi nhận biên bản xã %s đã ký; mã đối chiếu %s.") % (signed.commune, signed.version_code),
        )
        self.on_changed()
        self.update()

    # ---- templates --------------------------------------------------------------------------------

    def choose_template(self) -> None:
        kind = self._kind()
        path, _ = QtWidgets.QFileDialog.getOpenFileName(
            self.window, _tr("Chọn mẫu biên bản (.docx)"), "", _tr("Tài liệu Word (*.docx)")
        )
        if not path:
            return
        job = workers.Job(_check_job, path)

        def ok(p: str) -> None:
            self.settings.setValue(self._template_key(kind), p)
            QtWidgets.QMessageBox.information(
                self.window,
                _tr("Mẫu biên bản"),
                _tr("Đã chọn mẫu %s cho các đợt %s.")
                % (Path(p).name, _tr("giám sát") if kind == "giam_sat" else _tr("kiểm tra")),
            )
            self.update()

        workers.start(job, writes=False, on_done=ok, on_error=lambda exc: errors.show(self.window, exc))

    def reset_template(self) -> None:
        self.settings.remove(self._template_key(self._kind()))
        self.update()


def gaps_text(g) -> str:
    """The gaps of a visit's minutes as lines a person reads."""
    lang = "en" if errors.LANG == "en" else "vi"
    words = _mn().SECTION_WORDS
    lines = []
    if g.unanswered:
        lines.append(
            _tr("%n tiêu chí chưa có kết quả: ", len(g.unanswered))
            + ", ".join(g.unanswered[:20])
            + ("…" if len(g.unanswered) > 20 else "")
        )
    if g.photos_missing:
        lines.append(
            _tr("%n tiêu chí bắt buộc có ảnh nhưng chưa có ảnh: ", len(g.photos_missing))
            + ", ".join(g.photos_missing[:20])
            + ("…" if len(g.photos_missing) > 20 else "")
        )
    if g.sections:
        lines.append(_tr("Biên bản còn trống: ") + ", ".join(words[s][1 if lang == "en" else 0] for s in g.sections))
    if getattr(g, "unmentioned", ()):
        lines.append(
            _tr("%n tiêu chí không đạt chưa được nêu trong tồn tại, kiến nghị: ", len(g.unmentioned))
            + ", ".join(g.unmentioned[:20])
            + ("…" if len(g.unmentioned) > 20 else "")
        )
    for code, text in getattr(g, "contradicted", ())[:10]:
        lines.append(_tr("Tồn tại «%s» gắn với tiêu chí %s, nhưng tiêu chí này được chấm đạt") % (text, code))
    return "\n".join(lines)


def ask_about_gaps(parent: QWidget | None, g, *, signing: bool) -> bool:
    """Before printing: the gaps listed, with "print anyway"; before marking signed, a stronger
    question whose default answer is no. True to go on."""
    if not g:
        return True
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Biên bản chưa đủ"))
    if signing:
        box.setText(
            _tr(
                "Biên bản này chưa đủ nội dung. Đánh dấu đã ký thì mọi bổ sung sau đó đều là điều chỉnh phải ghi lý do."
            )
        )
        go = box.addButton(_tr("Vẫn đánh dấu đã ký"), QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
    else:
        box.setText(_tr("Biên bản này chưa đủ nội dung."))
        go = box.addButton(_tr("Vẫn in"), QtWidgets.QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(_tr("Quay lại bổ sung"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.setInformativeText(gaps_text(g))
    box.exec()
    return box.clickedButton() is go


def add_minutes_actions(
    window: QWidget, menu, db, db_path, current_visit: Callable[[], str | None], on_changed: Callable[[], None]
) -> MinutesActions:
    return MinutesActions(window, menu, db, db_path, current_visit, on_changed)


__all__ = ["MinutesActions", "PdfPreviewDialog", "add_minutes_actions"]
