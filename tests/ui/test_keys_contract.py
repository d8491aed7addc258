"""The keyboard contract is written once (ui/keys.py): the Help menu shows it, the README's guide
names every key of it, and the window's actions have the shortcuts it promises."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from test_mainwindow import _window

from ui.keys import KEYS

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_guide_names_every_key():
    guide = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    missing = [k for k, _ in KEYS for part in k.split(" / ") if part not in guide and k != "0–9"]
    assert not missing, missing


def test_the_help_menu_shows_the_same_list(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    w.show_keys()
    assert [line.split("   ")[0] for line in shown[0].splitlines()] == [k for k, _ in KEYS]


def test_the_window_has_the_promised_shortcuts(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    bound = {QKeySequence(s).toString() for a in w.findChildren(type(w.act_quit)) for s in a.shortcuts()}
    for key in (
        "Ctrl+E",
        "Ctrl+P",
        "Ctrl+N",
        "Ctrl+T",
        "Ctrl+Q",
        "Ctrl+F",
        "F3",
        "Ctrl+Z",
        "Ctrl+Y",
        "Alt+1",
        "Alt+2",
        "Alt+3",
    ):
        assert key in bound, (key, sorted(bound))
