"""Page 1 of the demo documents as pictures for the README (needs LibreOffice Writer and Calc,
and poppler-utils): the biên bản, the báo cáo and the Excel summary's printout.

uv run python tools/bien_ban_png.py docs/     # docs/bien-ban-page1.png, bao-cao-page1.png, excel-page1.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    if folder.suffix == ".png":  # the old form: the biên bản's picture named
        folder = folder.parent
    import inspector
    from inspector import demo
    from inspector import inspections as ins
    from inspector import minutes as mn
    from inspector import report as rp
    from inspector import summary as sm

    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        db = inspector.open_db(work / "demo.sqlite3")
        insp = demo.create_demo(db)
        v = next(x for x in ins.visits(db) if x.commune == "Ninh Xuân")
        files = {
            "bien-ban-page1": mn.write_minutes(db, v.id, work / mn.default_filename(v)),
            "bao-cao-page1": rp.write_report(db, insp.id, work / "bao-cao.docx"),
            "excel-page1": sm.write(db, insp.id, work / "tong-hop.xlsx"),
        }
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if not soffice:
            print("LibreOffice is needed", file=sys.stderr)
            return 1
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(work),
                *(str(f) for f in files.values()),
            ],
            check=True,
            capture_output=True,
        )
        for name, f in files.items():
            pdf = Path(f).with_suffix(".pdf")
            out = folder / name
            subprocess.run(
                ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(out)], check=True
            )
            print(out.with_suffix(".png"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
