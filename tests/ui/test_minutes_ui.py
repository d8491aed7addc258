"""The minutes from the window: written by a worker, previewed as PDF, signed."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

import ui.dialogs
import ui.minutes
from inspector import inspections as ins
from inspector import minutes as mn
from ui.mainwindow import MainWindow


def _window(qtbot, db, path):
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    return w


def test_actions_follow_the_selection(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    acts = w.minutes_actions
    assert not acts.make.isEnabled() and not acts.sign.isEnabled()
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    w.open_answer(v.id, "A1")
    assert acts.make.isEnabled() and acts.sign.isEnabled()
    names = [a.objectName() for a in w.visit_menu.actions()]
    assert names.index("minutes") < names.index("delete_visit")


def test_write_preview_and_sign(qtbot, demo_db, demo_path, tmp_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    w.open_answer(v.id, "A1")
    target = tmp_path / "BB.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(ui.minutes, "ask_about_gaps", lambda *a, **k: True)  # tests/ui/test_gaps.py
    shown = []
    monkeypatch.setattr(ui.minutes.PdfPreviewDialog, "exec", lambda self: shown.append(self.pages))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append("info"))
    monkeypatch.setattr(ui.minutes.QtGui.QDesktopServices, "openUrl", lambda url: shown.append(url.toLocalFile()))
    w.minutes_actions.make.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=120000)
    assert target.exists()
    if shutil.which("soffice"):
        assert isinstance(shown[0], int) and shown[0] >= 6, "the PDF preview shows the pages"
        assert target.with_suffix(".pdf").exists()
    else:
        assert shown[-1] == str(target)
    monkeypatch.setattr(ui.dialogs, "confirm", lambda *a, **k: True)
    w.minutes_actions.sign.trigger()
    signed = ins.get_visit(demo_db, v.id)
    assert signed.frozen and signed.version_code == mn.version_code(demo_db, v.id)
    assert "đã ký" in w.visit_title.text()
    assert not w.minutes_actions.sign.isEnabled()


def test_a_bad_office_template_is_refused_with_its_problem(qtbot, demo_db, demo_path, tmp_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    bad = tmp_path / "mau.docx"
    bad.write_text("not a docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    messages = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: messages.append(text))
    w.minutes_actions.template.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=20000)
    assert "mau.docx" in messages[0] and "không dùng được" in messages[0]
    assert w.minutes_actions.template_for("kiem_tra") is None


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_pdf_preview_dialog_opens_the_pages(qtbot, demo_db, tmp_path):
    v = next(x for x in ins.visits(demo_db) if x.commune == "Tòng Bạt")
    docx = mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx")
    pdf = mn.to_pdf(docx)
    d = ui.minutes.PdfPreviewDialog(str(pdf), str(docx))
    qtbot.addWidget(d)
    assert d.pages >= 5
    qtbot.waitUntil(
        lambda: d.page_labels[0].pixmap() is not None and not d.page_labels[0].pixmap().isNull(), timeout=30000
    )
    assert (
        d.page_labels[0].pixmap().width() == int(595 / 72 * d.PREVIEW_DPI)
        or abs(d.page_labels[0].pixmap().width() - 661) < 5
    )
    images = ui.minutes._page_images(str(pdf), 50, 0, 1)
    assert len(images) == 2 and not images[0].isNull() and images[0].width() > 300
    # a rendered page is not blank: the text of the minutes is dark on white
    gray = images[0].convertToFormat(images[0].Format.Format_Grayscale8)
    dark = sum(
        1 for y in range(0, gray.height(), 4) for x in range(0, gray.width(), 4) if gray.pixelColor(x, y).value() < 128
    )
    assert dark > 200


@pytest.mark.parametrize("layout", ["areas", "tables"])
def test_the_window_writes_the_layout_chosen_in_settings(qtbot, demo_db, demo_path, tmp_path, monkeypatch, layout):
    import zipfile

    from PySide6.QtCore import QSettings

    QSettings().setValue("minutes/layout", layout)
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    w.open_answer(v.id, "A1")
    target = tmp_path / "BB.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(ui.minutes, "ask_about_gaps", lambda *a, **k: True)
    monkeypatch.setattr(ui.minutes, "_minutes_job", _no_pdf(ui.minutes._minutes_job))
    done = []
    monkeypatch.setattr(ui.minutes.PdfPreviewDialog, "exec", lambda self: done.append("pdf"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: done.append("info"))
    monkeypatch.setattr(ui.minutes.QtGui.QDesktopServices, "openUrl", lambda url: done.append(url.toLocalFile()))
    w.minutes_actions.make.trigger()
    qtbot.waitUntil(lambda: bool(done), timeout=120000)
    xml = zipfile.ZipFile(target).read("word/document.xml").decode()
    assert ("Phụ lục I<" in xml) == (layout == "areas")
    assert ("tiêu chí được đánh giá" in xml) == (layout == "areas")


def _no_pdf(job):
    def run(db_path, visit_id, out, template, pdf, layout="areas", progress=None, cancelled=None):
        return job(db_path, visit_id, out, template, False, layout, progress=progress, cancelled=cancelled)

    return run
