"""Keep the English translation of the interface up to date.

    uv run python tools/i18n.py            # extract strings into resources/i18n/inspector_en.ts, compile .qm
    uv run python tools/i18n.py --check    # exit 1 when a string has no finished translation
    uv run python tools/i18n.py --import F.json   # take translations {context: {source: text}}

Vietnamese is the source language. Strings are found in ui/*.py as
`_tr("…")` or `_N("…")` (a label marked where it is defined; the module's own `_tr`, which calls QCoreApplication.translate with a fixed
context), `self.tr("…")` (context: the class), and `QCoreApplication.translate("ctx", "…")`.
A count in a sentence is `_tr("Đã nhập %n ảnh.", n)` (any string holding %n): Vietnamese has one form, English two
(Qt's numerus forms: "%n photo imported." / "%n photos imported."); in --import JSON such a
translation is a list [singular, plural].
Existing translations are kept; strings no longer in the code are marked obsolete. The .ts file
is what a translator opens in Qt Linguist; the .qm is what the app loads.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "inspector_en.ts"
QM = TS.with_suffix(".qm")


def _module_context(tree: ast.Module) -> str | None:
    """The context of a module's `_tr` helper: def _tr(text): return X.translate("ctx", text)."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for sub in ast.walk(node):
                if (
                    isinstance(sub, ast.Call)
                    and isinstance(sub.func, ast.Attribute)
                    and sub.func.attr == "translate"
                    and sub.args
                    and isinstance(sub.args[0], ast.Constant)
                ):
                    return sub.args[0].value
    return None


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" is one Constant; "a" + "b" too
        left, right = _literal(node.left), _literal(node.right)
        return left + right if left is not None and right is not None else None
    return None


def extract(paths: list[Path]) -> dict[str, dict[str, tuple[str, int, bool]]]:
    """{context: {source: (file, line, numerus)}} for every translatable string."""
    found: dict[str, dict[str, tuple[str, int, bool]]] = {}
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module_ctx = _module_context(tree)
        rel = path.relative_to(ROOT).as_posix()

        def visit(node: ast.AST, cls: str | None, module_ctx: str | None = module_ctx, rel: str = rel) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, child.name)
                    continue
                if isinstance(child, ast.Call):
                    f = child.func
                    ctx = text = None
                    if isinstance(f, ast.Name) and f.id in ("_tr", "_N") and child.args and module_ctx:
                        ctx, text = module_ctx, _literal(child.args[0])
                    elif isinstance(f, ast.Attribute) and f.attr == "tr" and child.args and cls:
                        ctx, text = cls, _literal(child.args[0])
                    elif isinstance(f, ast.Attribute) and f.attr == "translate" and len(child.args) >= 2:
                        ctx, text = _literal(child.args[0]), _literal(child.args[1])
                    if ctx and text:
                        numerus = "%n" in text  # a count: translated with a singular and a plural form
                        found.setdefault(ctx, {}).setdefault(text, (rel, child.lineno, numerus))
                visit(child, cls)

        visit(tree, None)
    return found


Translation = str | tuple[str, ...]  # numerus messages have one text per form


def load_ts(path: Path) -> dict[tuple[str, str], tuple[Translation, str]]:
    """{(context, source): (translation, type)} from an existing .ts file; a numerus message's
    translation is the tuple of its forms."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], tuple[Translation, str]] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None:
                text: Translation = ""
            elif msg.get("numerus") == "yes":
                text = tuple(f.text or "" for f in tr.iter("numerusform"))
            else:
                text = tr.text or ""
            out[(name, msg.findtext("source") or "")] = (text, tr.get("type", "") if tr is not None else "unfinished")
    return out


def finished(entry: tuple[Translation, str] | None, numerus: bool) -> bool:
    """A translation exists, is not marked unfinished, and has both forms where a count needs them."""
    if entry is None or entry[1] == "unfinished":
        return False
    text = entry[0]
    if numerus:
        return isinstance(text, tuple) and len(text) == 2 and all(text)
    return isinstance(text, str) and bool(text)


def write_ts(
    path: Path, found: dict[str, dict[str, tuple[str, int, bool]]], old: dict[tuple[str, str], tuple[Translation, str]]
) -> tuple[int, int]:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="vi_VN")
    missing = 0
    for ctx in sorted(found):
        c = ET.SubElement(root, "context")
        ET.SubElement(c, "name").text = ctx
        for source, (file, line, numerus) in found[ctx].items():
            m = ET.SubElement(c, "message", numerus="yes") if numerus else ET.SubElement(c, "message")
            ET.SubElement(m, "location", filename=f"../../{file}", line=str(line))
            ET.SubElement(m, "source").text = source
            entry = old.get((ctx, source))
            text = entry[0] if entry else ""
            t = ET.SubElement(m, "translation")
            if numerus:
                forms = text if isinstance(text, tuple) else (text, text) if text else ("", "")
                for form in (tuple(forms) + ("", ""))[:2]:
                    ET.SubElement(t, "numerusform").text = form
            else:
                t.text = text if isinstance(text, str) else (text[-1] if text else "")
            if not finished(entry, numerus):
                t.set("type", "unfinished")
                missing += 1
    total = sum(len(v) for v in found.values())
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode") + "\n",
        encoding="utf-8",
    )
    tmp.replace(path)
    return total, missing


def compile_qm() -> None:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(exe) if exe.exists() else "pyside6-lrelease", "-silent", str(TS), "-qm", str(QM)], check=True)
    qt_vi = TS.with_name("qt_vi.ts")  # Qt's own strings in Vietnamese, kept by hand
    subprocess.run(
        [str(exe) if exe.exists() else "pyside6-lrelease", "-silent", str(qt_vi), "-qm", str(qt_vi.with_suffix(".qm"))],
        check=True,
    )


def sources() -> list[Path]:
    return sorted((ROOT / "ui").glob("*.py"))


def main(argv: list[str]) -> int:
    found = extract(sources())
    old = load_ts(TS)
    if "--check" in argv:
        missing = [
            (ctx, s)
            for ctx, msgs in found.items()
            for s, (_, _, numerus) in msgs.items()
            if not finished(old.get((ctx, s)), numerus)
        ]
        for ctx, s in missing:
            print(f"untranslated [{ctx}] {s!r}")
        return 1 if missing else 0
    if "--import" in argv:
        import json

        given = json.loads(Path(argv[argv.index("--import") + 1]).read_text(encoding="utf-8"))
        for ctx, msgs in given.items():
            for source, text in msgs.items():
                if text:
                    old[(ctx, source)] = (tuple(text) if isinstance(text, list) else text, "")
    total, missing = write_ts(TS, found, old)
    compile_qm()
    print(f"{total} strings, {missing} without translation -> {TS.relative_to(ROOT)}, {QM.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
