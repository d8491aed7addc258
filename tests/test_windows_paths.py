"""The Windows-only code paths, run everywhere: PDF through Word's COM interface with a fake Word,
Word's lock files, the bundle's own program as the template sandbox's child, the version shown."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from inspector import minutes as mn
from inspector import templates as tg
from inspector import version as ver
from inspector import word_pdf
from inspector.errors import InvalidInput, OutputLocked


class FakeDoc:
    def __init__(self, word, path):
        self.word, self.path = word, path

    def ExportAsFixedFormat(self, out, fmt):
        self.word.calls.append(("export", out, fmt))
        if self.word.writes:
            Path(out).write_bytes(b"%PDF-1.7 fake")

    def Close(self, save):
        self.word.calls.append(("close", save))


class FakeWord:
    def __init__(self, writes=True, fails=False):
        self.writes, self.fails, self.calls = writes, fails, []
        self.Documents = self

    def Open(self, path, **kw):
        if self.fails:
            raise RuntimeError("(-2147352567, 'Word không mở được tệp')")
        self.calls.append(("open", path, kw["ReadOnly"]))
        return FakeDoc(self, path)

    def Quit(self):
        self.calls.append(("quit",))


def test_word_makes_the_pdf_read_only_and_quits(tmp_path):
    word = FakeWord()
    src, out = tmp_path / "bb.docx", tmp_path / "bb.pdf"
    src.write_bytes(b"PK")
    word_pdf.convert(src, out, dispatch=lambda: word)
    assert out.read_bytes().startswith(b"%PDF")
    assert word.calls == [("open", str(src), True), ("export", str(out), 17), ("close", 0), ("quit",)]
    assert word.Visible is False and word.DisplayAlerts == 0


def test_word_that_leaves_no_pdf_is_an_error_not_a_success(tmp_path):
    word = FakeWord(writes=False)
    with pytest.raises(InvalidInput, match="made no PDF"):
        word_pdf.convert(tmp_path / "bb.docx", tmp_path / "bb.pdf", dispatch=lambda: word)
    assert word.calls[-1] == ("quit",)  # Word is never left running


def test_word_that_fails_or_is_missing_gives_one_clear_line(tmp_path):
    word = FakeWord(fails=True)
    with pytest.raises(InvalidInput, match="Microsoft Word could not make the PDF") as e:
        word_pdf.convert(tmp_path / "bb.docx", tmp_path / "bb.pdf", dispatch=lambda: word)
    assert "\n" not in str(e.value) and word.calls == [("quit",)]

    def missing():
        raise ImportError("No module named 'win32com'")

    with pytest.raises(InvalidInput, match="could not be started"):
        word_pdf.convert(tmp_path / "bb.docx", tmp_path / "bb.pdf", dispatch=missing)
    assert word_pdf.available(lambda: True) and not word_pdf.available(lambda: False)
    assert not word_pdf.available(missing)
    assert not word_pdf.available()  # here: no pywin32, no registry (Word never started to find out)


def test_to_pdf_through_word_checks_the_file_it_made(written_docx, monkeypatch):
    monkeypatch.setattr(mn, "office_converter", lambda: "word")
    made = []
    monkeypatch.setattr(word_pdf, "_dispatch", lambda: made.append(FakeWord()) or made[-1])
    pdf = mn.to_pdf(written_docx)
    assert pdf == written_docx.with_suffix(".pdf") and pdf.read_bytes().startswith(b"%PDF")
    monkeypatch.setattr(word_pdf, "_dispatch", lambda: FakeWord(writes=False))
    pdf.unlink()
    with pytest.raises(InvalidInput):
        mn.to_pdf(written_docx)
    assert not pdf.exists()


def test_without_libreoffice_or_word_there_is_no_converter_and_the_window_opens_the_docx(monkeypatch):
    monkeypatch.setattr(mn.shutil, "which", lambda name: None)
    monkeypatch.setattr(mn, "Path", lambda p: type("P", (), {"exists": lambda self: False})())
    assert mn.office_converter() is None
    with pytest.raises(InvalidInput, match="no LibreOffice or Word"):
        mn.to_pdf("x.docx")


@pytest.mark.parametrize("name", ["BB_Ninh-Xuan_2026-11-17.docx", "bc.docx", "ab.docx"])
def test_word_lock_files_beside_a_document_refuse_it_with_a_free_name(tmp_path, name):
    target = tmp_path / name
    target.write_bytes(b"old")
    for lock in ("~$" + name, "~$" + name[2:]):
        (tmp_path / lock).write_text("lock")
        assert mn._locked(target)
        (tmp_path / lock).unlink()
    assert not mn._locked(target)
    (tmp_path / ("~$" + name[2:])).write_text("lock")
    assert mn.free_name(target).name == f"{Path(name).stem} (2).docx"
    with pytest.raises(OutputLocked):
        mn.write_minutes(None, "x", target)  # refused before anything is read


def test_a_bundle_runs_its_own_program_as_the_template_child(monkeypatch, tmp_path):
    seen = {}

    class Proc:
        returncode = 0

        def __init__(self, cmd, **kw):
            seen["cmd"] = cmd

        def communicate(self, data=None, timeout=None):
            return json.dumps({"ok": {}}).encode(), b""

    monkeypatch.setattr(tg.subprocess, "Popen", Proc)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert tg.run_isolated(tmp_path / "t.docx", "check", {}) == {}
    assert seen["cmd"] == [sys.executable, tg.CHILD_FLAG]
    monkeypatch.delattr(sys, "frozen")
    tg.run_isolated(tmp_path / "t.docx", "check", {})
    assert seen["cmd"] == [sys.executable, "-m", "inspector.templates"]


def test_the_version_says_source_or_the_bundles_build(monkeypatch, tmp_path):
    monkeypatch.setattr(ver, "BUILD_FILE", tmp_path / "_build.json")
    assert ver.build_info() == {} and ver.describe().endswith("(chạy từ mã nguồn)")
    (tmp_path / "_build.json").write_text(
        json.dumps({"version": "0.2.0", "commit": "3f2a1c9d0e", "date": "2026-11-29", "platform": "win32-amd64"})
    )
    assert ver.version() == "0.2.0"
    assert ver.describe() == "0.2.0 (bản dựng 3f2a1c9, 29/11/2026, win32-amd64)"
    (tmp_path / "_build.json").write_text("{not json")
    assert ver.build_info() == {}


def test_the_command_line_version_needs_no_package_metadata(tmp_path):
    """A bundle has no installed-package metadata: `inspector --version` reads the version module,
    in a fresh process with the metadata lookup made to fail."""
    code = (
        "import importlib.metadata as m, sys\n"
        "def hide(real):\n"
        "    def f(name, *a, **k):\n"
        "        if name == 'inspector': raise m.PackageNotFoundError(name)\n"
        "        return real(name, *a, **k)\n"
        "    return f\n"
        "m.version, m.distribution, m.metadata = hide(m.version), hide(m.distribution), hide(m.metadata)\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})\n"
        "from inspector.cli import main\n"
        "sys.exit(main(['--version']))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr[-1500:]
    assert out.stdout.strip() == f"Inspector {ver.describe()}"


@pytest.fixture
def written_docx(demo_db, tmp_path):
    from inspector import inspections as ins

    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    return mn.write_minutes(demo_db, v.id, tmp_path / "bb.docx")


def test_the_windows_version_resource_is_python_pyinstaller_reads(tmp_path):
    import ast
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build", Path(__file__).resolve().parent.parent / "tools" / "build.py"
    )
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    text = build.version_resource("1.2.3")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it as one expression
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text
    assert "filevers=(0, 0, 0, 0)" in build.version_resource("dev")


def test_the_sources_version_is_pyprojects():
    import tomllib

    import inspector

    root = Path(__file__).resolve().parent.parent
    assert inspector.__version__ == tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]


def test_com_is_set_up_on_the_converting_thread_and_released_after_word(tmp_path, monkeypatch):
    """The window converts on a worker thread, where COM is not initialised: convert() does it."""
    import types

    order = []
    fake = types.SimpleNamespace(
        CoInitialize=lambda: order.append("init"), CoUninitialize=lambda: order.append("uninit")
    )
    monkeypatch.setitem(sys.modules, "pythoncom", fake)
    word = FakeWord()
    word.Quit = lambda: order.append("quit")  # type: ignore[method-assign]
    word_pdf.convert(tmp_path / "bb.docx", tmp_path / "bb.pdf", dispatch=lambda: word)
    assert order == ["init", "quit", "uninit"]
    with pytest.raises(InvalidInput):
        word_pdf.convert(tmp_path / "bb.docx", tmp_path / "x.pdf", dispatch=lambda: FakeWord(fails=True))
    assert order[-1] == "uninit" and order.count("init") == order.count("uninit") == 2
