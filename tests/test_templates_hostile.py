"""An office's Word template is untrusted input: outside links, runaway expressions, zip bombs,
macros and damaged files each end in one TemplateError (one line), within bounded time and memory;
the PDF is made without fetching anything; a killed write leaves no temporary file for long."""

from __future__ import annotations

import http.server
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

from inspector import errors as E
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import templates as tg

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = mn.DEFAULT_TEMPLATE["kiem_tra"]
IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _ninh_xuan(db):
    return next(v for v in ins.visits(db) if v.commune == "Ninh Xuân")


def edited(
    out: Path, *, document=None, rels=None, extra: dict[str, bytes] | None = None, types=None, header=None
) -> Path:
    """A copy of the shipped template with parts changed: callables take and return the text."""
    with zipfile.ZipFile(SHIPPED) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as o:
        for i in z.infolist():
            d = z.read(i.filename)
            change = {
                "word/document.xml": document,
                "word/_rels/document.xml.rels": rels,
                "[Content_Types].xml": types,
                "word/header1.xml": header,
            }.get(i.filename)
            if change:
                d = change(d.decode("utf-8")).encode("utf-8")
            o.writestr(i.filename, d)
        for name, data in (extra or {}).items():
            o.writestr(name, data)
    return out


def linked_image(url: str, rid: str = "rIdEvil"):
    """Edits adding a picture linked (not embedded) to url, and a hyperlink to url."""
    pic = (
        f'<w:p><w:r><w:drawing><wp:inline xmlns:wp="{mn._WP}"><wp:extent cx="914400" cy="914400"/>'
        f'<wp:docPr id="77" name="logo"/><a:graphic xmlns:a="{mn._A}"><a:graphicData uri="{mn._PIC}">'
        f'<pic:pic xmlns:pic="{mn._PIC}"><pic:nvPicPr><pic:cNvPr id="77" name="logo.png"/><pic:cNvPicPr/>'
        f'</pic:nvPicPr><pic:blipFill><a:blip xmlns:r="{mn._R}" r:link="{rid}"/><a:stretch><a:fillRect/>'
        f'</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>'
        f"</a:graphic></wp:inline></w:drawing></w:r>"
        f'<w:hyperlink xmlns:r="{mn._R}" r:id="rIdLink"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>'
    )

    def document(x: str) -> str:
        return x.replace("<w:body>", "<w:body>" + pic, 1)

    def rels(x: str) -> str:
        return x.replace(
            "</Relationships>",
            f'<Relationship Id="{rid}" Type="{IMAGE_REL}" Target="{url}/logo.png" TargetMode="External"/>'
            f'<Relationship Id="rIdLink" Type="{HYPERLINK_REL}" Target="{url}/page" '
            'TargetMode="External"/></Relationships>',
        )

    return document, rels


def external_targets(docx: Path) -> list[str]:
    out = []
    with zipfile.ZipFile(docx) as z:
        for n in z.namelist():
            if n.endswith(".rels"):
                for _rid, kind, target in tg.external_relationships(n, z.read(n).decode()):
                    if kind != HYPERLINK_REL:
                        out.append(f"{n}: {target}")
    return out


@pytest.fixture
def low_limits(monkeypatch):
    """Small limits, for speed: the same code paths as the real ones. A coverage run measures the
    child process too, which then runs several times slower: more time, so that the bound that
    ends a runaway template is still the one the test names."""
    monkeypatch.setattr(tg, "TIME_LIMIT", 30 if "COVERAGE_PROCESS_CONFIG" in os.environ else 6)
    monkeypatch.setattr(tg, "MEMORY_LIMIT", 700 * 2**20)
    monkeypatch.setattr(tg, "MEMBER_LIMIT", 20 * 2**20)
    monkeypatch.setattr(tg, "TOTAL_LIMIT", 40 * 2**20)


# ---- outside links ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "file:///etc/passwd", r"\\server\share\logo.png"])
def test_a_linked_image_is_refused_naming_the_part_and_target(tmp_path, url):
    document, rels = linked_image(url)
    tpl = edited(tmp_path / "mau.docx", document=document, rels=rels)
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    assert err.value.code == "tpl_external"
    assert "word/document.xml" in str(err.value) and url in str(err.value)
    assert err.value.reason_vi and "\n" not in str(err.value)


def test_a_link_in_a_header_is_refused_too(tmp_path):
    rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        f'2006/relationships"><Relationship Id="rId1" Type="{IMAGE_REL}" Target="http://evil.example/a.png" '
        'TargetMode="External"/></Relationships>'
    )
    tpl = edited(tmp_path / "mau.docx", extra={"word/_rels/header1.xml.rels": rels.encode()})
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    assert "word/header1.xml" in str(err.value) and "evil.example" in str(err.value)


def test_rendering_a_template_that_still_links_out_writes_no_outside_link(demo_db, tmp_path):
    document, rels = linked_image("http://127.0.0.1:9/x")
    tpl = edited(tmp_path / "mau.docx", document=document, rels=rels)
    v = _ninh_xuan(demo_db)
    groups = mn._photo_groups(demo_db, v.id, mn.cl.get(demo_db, v.checklist_version))
    out = tmp_path / "bb.docx"
    mn._render(tpl, mn.context(demo_db, v.id), demo_db, groups, out)  # the built-in path: no check
    assert external_targets(out) == []
    with zipfile.ZipFile(out) as z:
        assert 'r:link="rIdEvil"' not in z.read("word/document.xml").decode()


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):
        _Recorder.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    do_HEAD = do_GET

    def log_message(self, *a):
        pass


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_the_pdf_fetches_nothing(tmp_path, monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.seen = []
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        document, rels = linked_image(url)
        docx = edited(tmp_path / "-linked.docx", document=document, rels=rels)  # a name like an option
        assert external_targets(docx)
        monkeypatch.chdir(tmp_path)
        pdf = mn.to_pdf("-linked.docx")
        assert pdf == (tmp_path / "-linked.pdf") and pdf.stat().st_size > 1000
        time.sleep(0.5)
        assert _Recorder.seen == []
    finally:
        server.shutdown()


# ---- runaway and broken templates -----------------------------------------------------------------

RUNAWAY = {  # name: (expression, the code it must end with)
    "repeat": ("{{ 'A' * 2000000000 }}", "tpl_too_large"),
    "range": ("{% for i in range(10**9) %}x{% endfor %}", "tpl_range"),
    "nested": ("{% for i in range(9000) %}{% for j in range(9000) %}{% endfor %}{% endfor %}", "tpl_steps"),
    "power": ("{{ 10**5000 }}", "tpl_number"),
    "division": ("{{ 1/0 }}", "tpl_division"),
    "recursion": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "tpl_recursion"),
    "padding": ("{{ 'a'.center(2000000000) }}", "tpl_too_large"),
    "format": ("{{ '%2000000000d' % 1 }}", "tpl_too_large"),
    "brace format": ("{{ '{:>2000000000}'.format(1) }}", "tpl_too_large"),
    "filter": ("{{ 'a'|center(2000000000) }}", "tpl_too_large"),
}


@pytest.mark.parametrize("name", list(RUNAWAY))
def test_a_runaway_template_ends_fast_with_one_line(demo_db, tmp_path, low_limits, name):
    expr, code = RUNAWAY[name]
    tpl = edited(tmp_path / "mau.docx", document=lambda x: x.replace("{{ mo_dau }}", "{{ mo_dau }}" + expr, 1))
    out = tmp_path / "out" / "bb.docx"
    with pytest.raises(E.TemplateError) as err:  # the code says which bound ended it
        mn.write_minutes(demo_db, _ninh_xuan(demo_db).id, out, template=tpl)
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)
    assert err.value.code == code, str(err.value)
    assert "mau.docx" in str(err.value) and "word/document.xml" in str(err.value)
    assert not out.exists()


def test_the_shipped_path_is_bounded_in_process_too(demo_db, tmp_path):
    """Built-in templates skip the child; the sandbox's bounds still hold there."""
    tpl = edited(tmp_path / "mau.docx", document=lambda x: x.replace("{{ mo_dau }}", "{{ 'A' * 2000000000 }}", 1))
    v = _ninh_xuan(demo_db)
    with pytest.raises(E.TemplateError) as err:
        mn._render(tpl, mn.context(demo_db, v.id), demo_db, [], tmp_path / "bb.docx")
    assert err.value.code == "tpl_too_large"


def test_the_child_process_bounds_time_beyond_the_sandbox(demo_db, tmp_path, low_limits, monkeypatch):
    """Loops over texts escape the sandbox's counting; the child's CPU limit still ends the fill."""
    monkeypatch.setattr(tg, "TIME_LIMIT", 3)
    expr = "{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    tpl = edited(tmp_path / "mau.docx", document=lambda x: x.replace("{{ mo_dau }}", expr, 1))
    with pytest.raises(E.TemplateError) as err:
        mn.write_minutes(demo_db, _ninh_xuan(demo_db).id, tmp_path / "bb.docx", template=tpl)
    assert err.value.code == "tpl_time"  # the child's time limit ended it


def test_a_zip_bomb_is_refused_before_it_inflates(demo_db, tmp_path, low_limits):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(SHIPPED) as z, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as o:
        for i in z.infolist():
            o.writestr(i.filename, z.read(i.filename))
        with o.open("word/media/huge.bin", "w") as f:  # 64 MB of zeros, ~64 KB packed
            chunk = b"\0" * 2**20
            for _ in range(64):
                f.write(chunk)
    assert bomb.stat().st_size < 2 * 2**20
    with pytest.raises(E.TemplateError) as err:
        mn.write_minutes(demo_db, _ninh_xuan(demo_db).id, tmp_path / "bb.docx", template=bomb)
    assert err.value.code in ("tpl_member_too_big", "tpl_ratio") and "word/media/huge.bin" in str(err.value)


def test_a_renamed_docm_is_refused(demo_db, tmp_path):
    tpl = edited(
        tmp_path / "mau.docx",
        types=lambda x: x.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"),
        extra={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 not really"},
    )
    with pytest.raises(E.TemplateError) as err:
        mn.write_minutes(demo_db, _ninh_xuan(demo_db).id, tmp_path / "bb.docx", template=tpl)
    assert err.value.code == "tpl_macros"


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 truncated"])
def test_a_damaged_file_is_one_message(tmp_path, content):
    tpl = tmp_path / "mau.docx"
    tpl.write_bytes(content)
    with pytest.raises(E.TemplateError) as err:
        mn.check_template(tpl)
    assert err.value.code == "tpl_not_docx"


def test_cli_prints_one_line_without_traceback(demo_path, tmp_path):
    import inspector

    db = inspector.open_db(demo_path)
    vid = _ninh_xuan(db).id
    db.conn.close()
    bad = edited(tmp_path / "bad.docx", document=lambda x: x.replace("{{ mo_dau }}", "{{ 1/0 }}", 1))
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(demo_path),
            "minutes",
            vid[:8],
            "-o",
            str(tmp_path / "bb.docx"),
            "--template",
            str(bad),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert r.returncode != 0
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "bad.docx" in lines[0] and "zero" in lines[0], r.stderr
    assert not (tmp_path / "bb.docx").exists()


# ---- temporary files ----------------------------------------------------------------------------

KILLED_WRITER = r"""
import sys, time
from pathlib import Path
from inspector import files
with files.atomic_write(Path(sys.argv[1])) as tmp:
    tmp.write_bytes(b"half a document")
    print(tmp, flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_a_tmp_that_the_next_minutes_sweep(demo_db, tmp_path):
    out = tmp_path / "bb.docx"
    p = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(out)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    tmp = Path(p.stdout.readline().strip())
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    assert tmp.exists() and tmp.parent == tmp_path
    mn.write_minutes(demo_db, _ninh_xuan(demo_db).id, out)
    assert out.exists()
    assert [x.name for x in tmp_path.iterdir() if x.name.endswith(".tmp")] == []
