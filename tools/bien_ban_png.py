"""Page 1 of a demo biên bản as a picture for the README (needs LibreOffice and poppler-utils).

uv run python tools/bien_ban_png.py docs/bien-ban-page1.png
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/bien-ban-page1.png")
    import inspector
    from inspector import demo
    from inspector import inspections as ins
    from inspector import minutes as mn

    with tempfile.TemporaryDirectory() as d:
        db = inspector.open_db(Path(d) / "demo.sqlite3")
        demo.create_demo(db)
        v = next(x for x in ins.visits(db) if x.commune == "Ninh Xuân")
        docx = mn.write_minutes(db, v.id, Path(d) / mn.default_filename(v))
        pdf = mn.to_pdf(docx)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out.with_suffix(""))],
            check=True,
        )
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
