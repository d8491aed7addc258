"""Every interface string has its English translation, with the same placeholders."""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import i18n  # noqa: E402


def test_every_ui_string_is_translated_with_the_same_placeholders():
    found = i18n.extract(i18n.sources())
    ts = i18n.load_ts(i18n.TS)
    missing = [(ctx, s) for ctx, msgs in found.items() for s in msgs
               if not ts.get((ctx, s), ("", "unfinished"))[0] or ts[(ctx, s)][1] == "unfinished"]
    assert not missing, f"run tools/i18n.py and translate: {missing[:5]}"
    marks = re.compile(r"%[sdn]|<[^>]+>|\\n")
    for (ctx, source), (text, _) in ts.items():
        if (ctx, source) in {(c, s) for c, m in found.items() for s in m}:
            assert marks.findall(source) == marks.findall(text), (ctx, source, text)
            assert source.count("\n") == text.count("\n"), (ctx, source)
    assert i18n.QM.exists() and i18n.QM.stat().st_size > 1000


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
