"""Qt's own buttons and dialogs speak Vietnamese inside the Vietnamese window (Qt ships no
Vietnamese translation: the project supplies resources/i18n/qt_vi.ts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ui.app import I18N, install_translations


def test_standard_buttons_are_vietnamese(qtbot):
    app = QApplication.instance()
    installed = install_translations(app, "vi")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        texts = {b.text().replace("&", "") for b in box.buttons()}
        assert texts == {"Đồng ý", "Hủy"}, texts
        m = QMessageBox(
            QMessageBox.Icon.Question, "t", "x", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        )
        qtbot.addWidget(m)
        assert {b.text().replace("&", "") for b in m.buttons()} == {"Có", "Không"}
    finally:
        for t in installed:
            app.removeTranslator(t)


def test_the_compiled_file_is_made_from_its_source(tmp_path):
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("pyside6-lrelease")
    out = tmp_path / "qt_vi.qm"
    subprocess.run([str(exe), "-silent", str(I18N / "qt_vi.ts"), "-qm", str(out)], check=True)
    assert out.read_bytes() == (I18N / "qt_vi.qm").read_bytes(), "run: uv run python tools/i18n.py"
