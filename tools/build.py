"""Build Inspector for a laptop without Python: a one-folder bundle made by PyInstaller from
packaging/inspector.spec, on the machine it runs on (Linux here and in CI; Windows through
tools/build-windows.ps1, which calls this script).

    uv run --group build python tools/build.py            # dist/inspector/, its size printed
    uv run --group build python tools/build.py --check    # then run the checks from the bundle alone

The checks run the bundle's own programs from a temporary folder with no project source on the
path and no uv or Python of ours in the environment: every module the app loads at run time
imports (`inspector --check-imports`), the window shows on the demo database (offscreen, and
under Xvfb when xvfb-run is present), `demo`, `minutes --pdf` (PDF when LibreOffice is present),
`export` and `merge` exit 0 with the expected files. Exit status 1 when one fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "inspector"
EXE = ".exe" if os.name == "nt" else ""


def project_version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def head_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_build_info() -> dict[str, str]:
    info = {
        "version": project_version(),
        "commit": head_commit(),
        "date": date.today().isoformat(),
        "platform": f"{sys.platform}-{platform.machine().lower()}",
    }
    (ROOT / "inspector" / "_build.json").write_text(json.dumps(info), encoding="utf-8")
    return info


def size_mb(folder: Path) -> float:
    """The bundle's size on disk: each file once (links not followed)."""
    return sum(f.lstat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink()) / 2**20


def build() -> float:
    info = write_build_info()
    t0 = time.monotonic()
    try:
        _pyinstaller()
    finally:  # the bundle has its copy; the sources, run as they are, are no build
        (ROOT / "inspector" / "_build.json").unlink(missing_ok=True)
    seconds = time.monotonic() - t0
    print(
        f"build: {BUNDLE} ({info['version']}, {info['commit'][:7]}) in {seconds:.0f} s, {size_mb(BUNDLE):.0f} MB",
        flush=True,
    )
    return seconds


def _pyinstaller() -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(ROOT / "packaging" / "inspector.spec"),
        ],
        cwd=ROOT,
        check=True,
    )


def _clean_env(work: Path) -> dict[str, str]:
    """The bundle's environment: no PYTHONPATH, no virtual environment, no uv, a data folder of its own."""
    keep = ("HOME", "LANG", "LC_ALL", "DISPLAY", "XAUTHORITY", "TMPDIR", "SYSTEMROOT", "USERPROFILE", "APPDATA")
    env = {k: os.environ[k] for k in keep if k in os.environ}
    env["PATH"] = os.pathsep.join(
        p
        for p in os.environ.get("PATH", "").split(os.pathsep)
        if p and not (Path(p) / f"uv{EXE}").exists() and not (Path(p) / f"python3{EXE}").exists()
    )
    env["INSPECTOR_DATA_DIR"] = str(work / "data")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def check() -> bool:
    cli, gui = BUNDLE / f"inspector{EXE}", BUNDLE / f"inspector-gui{EXE}"
    commit = head_commit()
    ok = True
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        env = _clean_env(work)

        def run(name: str, cmd: list[str], *, expect: list[Path] = (), extra_env: dict | None = None) -> str:
            nonlocal ok
            t0 = time.monotonic()
            r = subprocess.run(
                cmd, cwd=work, env={**env, **(extra_env or {})}, capture_output=True, text=True, timeout=600
            )
            missing = [str(p.name) for p in expect if not p.exists()]
            good = r.returncode == 0 and not missing
            ok &= good
            print(f"check: {'ok  ' if good else 'FAIL'} {name} ({time.monotonic() - t0:.1f} s)", flush=True)
            if not good:
                print((r.stdout + r.stderr)[-3000:] + (f"\nmissing: {missing}" if missing else ""), flush=True)
            return r.stdout

        db = work / "demo.sqlite3"
        run("every run-time module imports", [str(cli), "--check-imports"])
        said = run("--version", [str(cli), "--version"])
        if f"bản dựng {commit[:7]}" not in said:  # the bundle knows its build (inspector/_build.json)
            ok = False
            print(f"check: FAIL --version names the build {commit[:7]}: {said.strip()!r}", flush=True)
        run("demo", [str(cli), "--db", str(db), "demo"], expect=[db])
        listing = json.loads(run("list --json", [str(cli), "--db", str(db), "list", "--json"]) or "[]")
        insp = listing[0] if listing else {}
        visit = (insp.get("visits") or [{}])[0]
        bb = work / "bien-ban.docx"
        # LibreOffice, or on Windows Word (the route a laptop without LibreOffice takes)
        pdf = shutil.which("soffice") or shutil.which("libreoffice") or ("word" if os.name == "nt" else None)
        env_lo = {"PATH": env["PATH"] + os.pathsep + str(Path(pdf).parent)} if pdf and pdf != "word" else {}
        run(
            "minutes" + (" --pdf" if pdf else ""),
            [str(cli), "--db", str(db), "minutes", str(visit.get("id", "")), "-o", str(bb)]
            + (["--pdf"] if pdf else []),
            expect=[bb] + ([bb.with_suffix(".pdf")] if pdf else []),
            extra_env=env_lo,
        )
        bc = work / "bao-cao.docx"
        run(
            "summary -o .docx (template filled)",
            [str(cli), "--db", str(db), "summary", str(insp.get("id", "")), "-o", str(bc)],
            expect=[bc],
        )
        pkg = work / "goi.cchc"
        run("export", [str(cli), "--db", str(db), "export", str(insp.get("id", "")), "-o", str(pkg)], expect=[pkg])
        office = work / "office.sqlite3"
        run("merge", [str(cli), "--db", str(office), "merge", str(pkg)], expect=[office])
        run("the window shows (offscreen)", [str(gui), "--db", str(db)], extra_env={"INSPECTOR_SMOKE_TEST": "1"})
        if shutil.which("xvfb-run"):
            run(
                "the window shows (Xvfb)",
                ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", str(gui), "--db", str(db)],
                extra_env={
                    "INSPECTOR_SMOKE_TEST": "1",
                    "QT_QPA_PLATFORM": "xcb",
                    "PATH": env["PATH"] + os.pathsep + str(Path(shutil.which("xvfb-run")).parent),
                },
            )
    return ok


def version_resource(version: str) -> str:
    """The Windows programs' version resource in PyInstaller's format (File properties -> Details)."""
    nums = [int(x) for x in (version.split(".") + ["0", "0", "0"])[:4] if x.isdigit()] + [0, 0, 0, 0]
    four = tuple(nums[:4])
    strings = {
        "CompanyName": "Inspector",
        "FileDescription": "Inspector — kiểm tra công tác cải cách hành chính cấp xã",
        "FileVersion": version,
        "InternalName": "inspector",
        "OriginalFilename": "inspector.exe",
        "ProductName": "Inspector",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={four}, prodvers={four}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([StringTable('042a04b0', [\n"  # Vietnamese, Unicode
        f"{entries}\n"
        "    ])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x042a, 1200])])\n"
        "  ]\n"
        ")\n"
    )


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--check", action="store_true", help="after building, run the checks from the bundle alone")
    p.add_argument("--no-build", action="store_true", help="check the bundle already in dist/")
    p.add_argument("--version-file", type=Path, help="write the Windows version resource to this file")
    p.add_argument("--no-bundle", action="store_true", help="with --version-file: only write it")
    a = p.parse_args()
    if a.version_file:
        a.version_file.write_text(version_resource(project_version()), encoding="utf-8")
        if a.no_bundle:
            return 0
    t0 = time.monotonic()
    if not a.no_build:
        build()
    ok = check() if a.check or a.no_build else True
    print(f"build: {'passed' if ok else 'FAILED'} in {time.monotonic() - t0:.0f} s in all")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
