"""Every interface string has its English translation, with the same placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import i18n


def test_every_ui_string_is_translated_with_the_same_placeholders():
    found = i18n.extract(i18n.sources())
    ts = i18n.load_ts(i18n.TS)
    missing = [
        (ctx, s)
        for ctx, msgs in found.items()
        for s, (_, _, numerus) in msgs.items()
        if not i18n.finished(ts.get((ctx, s)), numerus)
    ]
    assert not missing, f"run tools/i18n.py and translate: {missing[:5]}"
    marks = re.compile(r"%[sdn]|<[^>]+>|\\n")
    for (ctx, source), (text, _) in ts.items():
        if (ctx, source) in {(c, s) for c, m in found.items() for s in m}:
            for form in text if isinstance(text, tuple) else (text,):
                assert marks.findall(source) == marks.findall(form), (ctx, source, form)
                assert source.count("\n") == form.count("\n"), (ctx, source)
    assert i18n.QM.exists() and i18n.QM.stat().st_size > 1000


def test_counts_take_the_english_singular_and_plural(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ui import app as app_mod
    from ui import sync

    tr = QCoreApplication.translate
    assert tr("photos", "Đã nhập %n ảnh.", None, 3) == "Đã nhập 3 ảnh."  # Vietnamese: one form
    translators = app_mod.install_translations(QApplication.instance(), "en")
    try:
        assert tr("photos", "Đã nhập %n ảnh.", None, 1) == "1 photo imported."
        assert tr("photos", "Đã nhập %n ảnh.", None, 12) == "12 photos imported."
        assert tr("MainWindow", "Đã lưu %n kết quả lúc %s", None, 1) % "09:42:10" == "Saved 1 result at 09:42:10"
        assert sync.counts_text({"answers": 1, "photos": 4, "visits": 0}) == "1 answer, 4 photos"
    finally:
        for t in translators:
            QApplication.instance().removeTranslator(t)


def test_the_window_speaks_english_when_asked(qtbot, db, db_path):
    from PySide6.QtWidgets import QApplication

    from ui import app as app_mod
    from ui.mainwindow import MainWindow

    app = QApplication.instance()
    translators = app_mod.install_translations(app, "en")
    try:
        w = MainWindow(db, db_path)
        qtbot.addWidget(w)
        assert [a.text() for a in w.menuBar().actions()][:2] == ["&File", "&Edit"]
        assert w.mode_buttons.button(1).text() == "Unanswered"
    finally:
        for t in translators:
            app.removeTranslator(t)
