import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import inspector

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_loads_qt():
    names = [m.name for m in pkgutil.walk_packages(inspector.__path__, "inspector.")]
    assert "inspector.cli" in names and "inspector.db" in names
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


SQL = re.compile(
    r"\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER|PRAGMA|ATTACH|WITH)\b"
    r"[\s\S]*?\b(FROM|INTO|SET|TABLE|INDEX|VIEW|WHERE|VALUES|AS|DATABASE|\w+\s*=|\w+\s*\()",
    re.IGNORECASE,
)
DB_CALLS = {"execute", "executemany", "executescript", "cursor", "create_function", "set_trace_callback"}


def _texts(tree: ast.AST):
    """Every string the code holds, whole: adjacent literals are one constant already; f-strings and
    literals joined with + (across lines, in parentheses) are put together too."""

    def flat(node) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(flat(v) or " ? " for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return " ? "
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            left, right = flat(node.left), flat(node.right)
            if left is not None or right is not None:
                return (left or " ? ") + (right or " ? ")
        return None

    for node in ast.walk(tree):
        text = flat(node)
        if text is not None:
            yield node.lineno, text


def sql_in(source: str) -> list[str]:
    """The SQL found in Python source: string constants that read as SQL, and database calls."""
    tree = ast.parse(source)
    found = []
    for line, text in _texts(tree):
        # an SQL statement is upper-case keywords (as this project writes it) followed by its clause
        m = SQL.search(text)
        if m and m.group(1).isupper() and (m.group(2).split()[0].isupper() or "=" in m.group(2) or "(" in m.group(2)):
            found.append(f"line {line}: {text.strip()[:60]!r}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in DB_CALLS:
            found.append(f"line {node.lineno}: .{node.func.attr}(…)")
    return found


def test_the_sql_check_finds_sql_over_several_lines():
    assert sql_in('q = "SELECT id FROM answers"')
    assert sql_in('q = """\n    SELECT id,\n           value\n    FROM answers\n"""')
    assert sql_in('q = ("SELECT id, value "\n     "FROM answers "\n     "WHERE visit_id = ?")')
    assert sql_in('q = ("UPDATE answers "\n     + "SET value = ?")')
    assert sql_in('q = f"""DELETE\n FROM {table}\n WHERE id = ?"""')
    assert sql_in("self.db.execute(q, [1])")
    assert sql_in('x = "INSERT INTO photos(sha256) VALUES (?)"')
    # words of the interface are not SQL
    assert sql_in('label = "Select a photo from the list"') == []
    assert sql_in('tip = "Chọn ảnh để xóa (Delete)"') == []


def test_no_sql_in_ui():
    offenders = {}
    for p in sorted((ROOT / "ui").rglob("*.py")):
        found = sql_in(p.read_text(encoding="utf-8"))
        if found:
            offenders[p.name] = found
    assert offenders == {}


def test_the_core_never_names_the_window():
    """inspector/ does not load ui/, not even by name to start it (ui/launch.py starts both faces)."""
    import ast

    root = Path(__file__).resolve().parent.parent / "inspector"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [node.value] if node.value == "ui" or node.value.startswith("ui.") else []
            assert not any(n == "ui" or n.startswith("ui.") or n.startswith("PySide6") for n in names), (
                f"{path.relative_to(root.parent)}:{node.lineno} names {names}"
            )
