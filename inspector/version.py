"""The app's own version and build: from inspector/_build.json when tools/build.py made a bundle
(version, commit, date, platform), else the installed package's version and "source"."""

from __future__ import annotations

import json
from pathlib import Path

BUILD_FILE = Path(__file__).resolve().parent / "_build.json"


def version() -> str:
    """The bundle's version, else the sources' (inspector.__version__, kept equal to pyproject's by
    a test); no package metadata is read (that scans the whole path, slowly, at every start)."""
    info = build_info()
    if info.get("version"):
        return str(info["version"])
    from . import __version__

    return __version__


def build_info() -> dict[str, str]:
    """{"version", "commit", "date", "platform"} of a bundle; {} when running from the sources."""
    try:
        data = json.loads(BUILD_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def describe() -> str:
    """ "0.1.0 (bản dựng 3f2a1c9, 29/11/2026, linux-x86_64)" or "0.1.0 (chạy từ mã nguồn)"."""
    info = build_info()
    if not info:
        return f"{version()} (chạy từ mã nguồn)"
    day = info.get("date", "")
    shown = f"{day[8:10]}/{day[5:7]}/{day[:4]}" if len(day) >= 10 else day
    parts = [f"bản dựng {info.get('commit', '?')[:7]}", shown, info.get("platform", "")]
    return f"{version()} (" + ", ".join(p for p in parts if p) + ")"
