"""Photos that are damaged or crafted: refused by name, never stored with a part painted in.

A cut file is the usual case (a copy from a phone interrupted, a card pulled out): whatever the
decoder would make of it (libjpeg paints grey what is missing, libheif green), it is not evidence.
"""

from __future__ import annotations

import errno
import io
import os
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageFile

from inspector import errors, files, messages
from inspector import inspections as ins
from inspector import photos as ph
from inspector.cli import cli
from tests.conftest import PHOTOS

pytestmark = pytest.mark.skipif(not PHOTOS.exists(), reason="../shared/real-photos is not beside the project")

REAL = sorted(
    p for p in PHOTOS.rglob("*") if p.is_file() and p.suffix.lower() in ph.EXTENSIONS and p.name != "corrupted.jpg"
)  # corrupted.jpg: a bogus marker inside its scan (damaged)
CUTS = {"half": lambda d: d[: len(d) // 2], "90%": lambda d: d[: len(d) * 9 // 10], "minus2": lambda d: d[:-2]}


@pytest.fixture
def visit(demo_db):
    return next(v for v in ins.visits(demo_db) if v.commune == "Đồng Hóa")


def _count(db) -> int:
    return db.execute("SELECT count(*) FROM photos").fetchone()[0]


def _jpeg(size=(16, 16), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", quality=90, **save)
    return out.getvalue()


def _bomb_9999() -> bytes:
    """A 633-byte JPEG whose frame header says 9999 × 9999: a valid small JPEG, its size patched,
    its scan cut and its end marker put back (libjpeg paints the rest grey without a word)."""
    data = bytearray(_jpeg())
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 9999, 9999)
    data = bytes(data[:631]) + b"\xff\xd9"
    assert len(data) == 633 and data.rfind(b"\xff\xda") < 631
    return data


def _png(size=(64, 48)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, "PNG")
    return out.getvalue()


def _webp() -> bytes:
    out = io.BytesIO()
    Image.effect_noise((64, 48), 60).convert("RGB").save(out, "WEBP", quality=80)
    return out.getvalue()


# ---- truncated files ------------------------------------------------------------------------------


@pytest.mark.parametrize("cut", list(CUTS))
def test_every_real_photo_cut_short_is_refused_by_name_and_nothing_stored(tmp_path, demo_db, visit, cut):
    paths = []
    for n, src in enumerate(REAL):
        p = tmp_path / f"{n:02d}-{src.name}"
        p.write_bytes(CUTS[cut](src.read_bytes()))
        paths.append(p)
    before = _count(demo_db)
    report = ph.import_files(demo_db, visit.id, paths, item_code="B1", workers=2)
    assert not report.imported, [a.source_name for a in report.imported]
    assert {n: code for n, code, _ in report.rejected} == {p.name: "truncated" for p in paths}
    assert _count(demo_db) == before


def test_every_intact_real_photo_still_imports(demo_db, visit):
    formats = {Image.open(p).format for p in REAL}
    assert {"JPEG", "HEIF", "TIFF"} <= formats
    report = ph.import_files(demo_db, visit.id, REAL, workers=2)
    assert not report.rejected, report.rejected
    assert len(report.imported) + len(report.duplicates) == len(REAL)


def test_the_633_byte_jpeg_declaring_9999_by_9999_is_refused(tmp_path, demo_db, visit):
    bomb = tmp_path / "bomb-9999.jpg"
    bomb.write_bytes(_bomb_9999())
    before = _count(demo_db)
    report = ph.import_files(demo_db, visit.id, [bomb, PHOTOS / "jpg" / "gps" / "DSCN0010.jpg"])
    assert [(n, c) for n, c, _ in report.rejected] == [("bomb-9999.jpg", "truncated")]
    assert [a.source_name for a in report.imported] == ["DSCN0010.jpg"]
    assert _count(demo_db) == before + 1


@pytest.mark.parametrize("progressive", [False, True])
def test_a_jpeg_whose_scan_was_cut_and_end_marker_put_back_is_refused(progressive):
    """The case Pillow lets through: the scan ends early at a marker (EOI), libjpeg fills in."""
    src = Image.open(PHOTOS / "jpg" / "gps" / "DSCN0012.jpg")
    out = io.BytesIO()
    src.save(out, "JPEG", quality=85, progressive=progressive)
    whole = out.getvalue()
    end = whole.rindex(b"\xff\xd9")
    assert ph.process_file(Path("whole.jpg"), data=whole).width == 640
    for lost in (64, 1000, (end - 1000) // 2):
        with pytest.raises(ph.Rejected) as err:
            ph.process_file(Path("cut.jpg"), data=whole[: end - lost] + b"\xff\xd9")
        assert err.value.code == "truncated", lost


def test_data_after_the_end_marker_is_not_a_cut():
    """Phones append things after the picture's EOI (an MPO's second picture, Samsung trailers)."""
    whole = (PHOTOS / "jpg" / "gps" / "DSCN0021.jpg").read_bytes()
    trailer = whole + _jpeg() + b"SEFHSamsung trailer\x00\x01" * 20
    assert ph.process_file(Path("t.jpg"), data=trailer).sha256 == ph.process_file(Path("w.jpg"), data=whole).sha256
    with pytest.raises(ph.Rejected, match="truncated"):  # the last two bytes of the file are not what counts
        ph.process_file(Path("c.jpg"), data=whole[: len(whole) // 2] + _jpeg())


def test_pillow_alone_raises_on_these_cuts_only_without_load_truncated_images():
    """What the checks stand on: Pillow raises on a JPEG or PNG cut short, in draft mode too, as
    long as LOAD_TRUNCATED_IMAGES is off; and photo import keeps it off."""
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    jpeg = (PHOTOS / "jpg" / "mobile" / "jolla.jpg").read_bytes()
    im = Image.open(io.BytesIO(jpeg[: len(jpeg) * 9 // 10]))
    im.draft("RGB", (im.size[0] // 4, im.size[1] // 4))
    with pytest.raises(OSError, match="truncated"):
        im.load()
    png = _png()
    idat = png.index(b"IDAT")
    with pytest.raises((OSError, SyntaxError)):
        Image.open(io.BytesIO(png[: idat + 40])).load()


def test_load_truncated_images_set_elsewhere_does_not_let_a_cut_file_in(monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(ph.Rejected, match="truncated"):
        ph.process_file(Path("bomb.jpg"), data=_bomb_9999())
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("kind", ["png", "webp"])
def test_png_and_webp_cut_short_are_refused(tmp_path, demo_db, visit, kind):
    whole = _png() if kind == "png" else _webp()
    assert ph.process_file(Path(f"w.{kind}"), data=whole).width == 64
    paths = []
    for name, cut in CUTS.items():
        p = tmp_path / f"{name}.{kind}"
        p.write_bytes(cut(whole))
        paths.append(p)
    before = _count(demo_db)
    report = ph.import_files(demo_db, visit.id, paths)
    assert {n: c for n, c, _ in report.rejected} == {p.name: "truncated" for p in paths}
    assert not report.imported and _count(demo_db) == before


def test_heic_cut_inside_its_picture_is_refused_even_when_mdat_runs_to_the_end():
    """An mdat box of size 0 ("to the end of the file") hides the cut from a box walk: the item
    locations (iloc) still say where each tile ends."""
    data = bytearray((PHOTOS / "heic" / "IMG_5195.HEIC").read_bytes())
    pos = 0
    while data[pos + 4 : pos + 8] != b"mdat":
        pos += struct.unpack_from(">I", data, pos)[0]
    struct.pack_into(">I", data, pos, 0)  # size 0: to the end of the file
    data = bytes(data)
    assert ph.process_file(Path("whole.heic"), data=data).width > 0
    with pytest.raises(ph.Rejected) as err:
        ph.process_file(Path("cut.heic"), data=data[: len(data) * 3 // 4])
    assert err.value.code == "truncated"


# ---- the refusal: an InspectorError, in English and Vietnamese -----------------------------------


def test_rejected_is_an_inspector_error_with_code_detail_and_both_languages():
    exc = ph.Rejected("truncated", "9 bytes")
    assert isinstance(exc, errors.InspectorError)
    assert exc.code == "truncated" and exc.detail == "9 bytes"
    assert str(exc) == "the image is truncated or damaged (incomplete copy?) (9 bytes)"
    assert exc.reason_vi.startswith("ảnh bị cắt cụt")


def test_every_photo_refusal_code_has_english_and_vietnamese_text():
    used = set(ph.CODES)
    source = Path(ph.__file__).read_text(encoding="utf-8")
    import re

    used |= set(re.findall(r'Rejected\("(\w+)"', source)) | set(re.findall(r'return None, None, "(\w+)"', source))
    assert used == set(ph.CODES), "a refusal code raised but not listed in CODES"
    for code in used:
        key = ph.message_code(code)
        assert key.startswith("photo_") and key in messages.REASONS, code
        en, vi = messages.REASONS[key]
        assert en and vi and en != vi, code
        assert ph.reason_text(code, "vi") == vi
    assert ph.message_code("missing") != "photo_missing", "photo_missing is a package reason"


def test_photo_rejected_of_a_pasted_image_carries_code_and_both_sentences(demo_db, visit):
    with pytest.raises(errors.PhotoRejected) as err:
        ph.import_one(demo_db, visit.id, _bomb_9999(), "clipboard.jpg")
    e = err.value
    assert e.name == "clipboard.jpg" and e.code == "truncated"
    assert e.reason.startswith("the image is truncated") and e.reason_vi.startswith("ảnh bị cắt cụt")
    assert str(e).startswith("clipboard.jpg: the image is truncated")


# ---- photo get: written whole or not at all ---------------------------------------------------------


@pytest.fixture
def stored(demo_path):
    import inspector

    db = inspector.open_db(demo_path)
    vid = next(v.id for v in ins.visits(db) if v.commune == "Đồng Hóa")
    a = ph.import_files(db, vid, [PHOTOS / "jpg" / "gps" / "DSCN0010.jpg"]).imported[0]
    db.close()
    return demo_path, a


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".part")))


def test_photo_get_into_a_path_under_a_file_prints_one_line_and_leaves_nothing(tmp_path, stored):
    demo_path, a = stored
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "photo", "get", a.id[:8], "-o", str(blocker / "x.jpg")])
    assert r.exit_code == 1, r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "cannot write" in lines[0] and "Traceback" not in r.output, r.output
    assert _leftovers(tmp_path) == [] and blocker.read_text() == "x"


def test_photo_get_on_a_full_disk_leaves_no_partial_file(tmp_path, stored, monkeypatch):
    demo_path, a = stored
    out = tmp_path / "out" / "b7.jpg"
    out.parent.mkdir()
    out.write_bytes(b"the previous picture")
    real_write = Path.write_bytes

    def full(self, data):
        if self.parent == out.parent:  # whatever name the command writes to first
            with open(self, "wb") as f:
                f.write(data[:100])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "photo", "get", a.id[:8], "-o", str(out)])
    assert r.exit_code == 1, r.output
    lines = [ln for ln in r.output.splitlines() if ln.strip()]
    assert lines == [f"Error: cannot write {out}: the disk is full"], r.output
    assert out.read_bytes() == b"the previous picture", "the earlier file is untouched"
    assert _leftovers(out.parent) == [], "no temporary or .part file left"


def test_photo_get_sweeps_leftovers_of_a_killed_run_and_writes_whole(tmp_path, stored):
    demo_path, a = stored
    dead = tmp_path / ".b7.jpg.999999999.0badf00d.tmp"  # a pid that does not run
    dead.write_bytes(b"half")
    out = tmp_path / "b7.jpg"
    r = CliRunner().invoke(cli, ["--db", str(demo_path), "photo", "get", a.id[:8], "-o", str(out)])
    assert r.exit_code == 0, r.output
    import hashlib

    assert hashlib.sha256(out.read_bytes()).hexdigest() == a.photo_sha256
    assert not dead.exists() and _leftovers(tmp_path) == []
    assert files.sweep(tmp_path) == []


def test_a_camera_photo_with_a_garbled_exif_date_imports_without_it_and_says_why(tmp_path, demo_db, visit, caplog):
    """A real camera file whose EXIF dates were garbled (month 99): the photo still comes in, with
    no date taken (never the import time), and the log names the file and the field."""
    import logging

    data = (PHOTOS / "jpg" / "Canon_40D.jpg").read_bytes()
    assert data.count(b"2008:05:30 15:56:01") == 2 and data.count(b"2008:07:31 10:38:11") == 1
    garbled = tmp_path / "IMG_garbled.jpg"
    garbled.write_bytes(data.replace(b"2008:05:30", b"2008:99:30").replace(b"2008:07:31", b"2008:99:31"))
    with caplog.at_level(logging.INFO, logger="inspector.photos"):
        report = ph.import_files(demo_db, visit.id, [garbled])
    (att,) = report.imported
    photo = demo_db.execute("SELECT taken_at, camera, width FROM photos WHERE sha256 = ?", [att.photo_sha256])
    taken, camera, width = photo.fetchone()
    assert taken is None and camera == "Canon EOS 40D" and width > 0
    said = [r.getMessage() for r in caplog.records if "IMG_garbled.jpg" in r.getMessage()]
    assert any("EXIF date unreadable (ValueError" in m for m in said), said
