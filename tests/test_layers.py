import pkgutil
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


def test_no_sql_in_ui():
    import re
    pattern = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b")
    offenders = [p.name for p in (ROOT / "ui").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
