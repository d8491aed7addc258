"""Photos from real cameras and phones: upright, small, stored once, refused with a reason."""

from __future__ import annotations

import faulthandler
import io
import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageChops, ImageOps, ImageStat

from inspector import errors as E
from inspector import events
from inspector import inspections as ins
from inspector import photos as ph
from inspector.cli import cli
from tests.conftest import PHOTOS

pytestmark = pytest.mark.skipif(not PHOTOS.exists(), reason="../shared/real-photos is not beside the project")

ORIENT = PHOTOS / "jpg" / "orientation"


@pytest.fixture(autouse=True)
def _no_hang():
    faulthandler.dump_traceback_later(120, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def visit(demo_db):
    return next(v for v in ins.visits(demo_db) if v.commune == "Đồng Hóa")  # no demo photos there


def _image(data: bytes) -> Image.Image:
    im = Image.open(io.BytesIO(data))
    im.load()
    return im.convert("RGB")


def _difference(a: Image.Image, b: Image.Image) -> float:
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


TURNS = [None, *Image.Transpose]  # the picture as is, and its 7 rotations and mirror images


@pytest.mark.parametrize("shape", ["landscape", "portrait"])
def test_all_eight_orientations_come_out_upright(shape):
    """Each sample, after import, looks most like the Orientation=1 sample as it is, not like
    any rotation or mirror image of it (the samples differ in a printed digit only)."""
    upright = _image(ph.process_file(ORIENT / f"{shape}_1.jpg").data).resize(
        (120, 90) if shape == "landscape" else (90, 120)
    )
    for n in range(2, 9):
        got = _image(ph.process_file(ORIENT / f"{shape}_{n}.jpg").data)
        assert got.size == ((600, 450) if shape == "landscape" else (450, 600)), (n, got.size)
        got = got.resize(upright.size)
        scores = {}
        for t in TURNS:
            ref = upright if t is None else upright.transpose(t)
            if ref.size == got.size:
                scores[t] = _difference(got, ref)
        best = min(scores, key=scores.get)
        assert best is None, f"{shape}_{n} looks like the upright picture turned by {best}: {scores}"


def _looks_like(got: Image.Image, upright: Image.Image) -> object:
    """Which of the 8 orientations of `upright` the picture `got` is closest to (None: as it is)."""
    scores = {}
    for t in TURNS:
        ref = upright if t is None else upright.transpose(t)
        if abs(ref.size[0] / ref.size[1] - got.size[0] / got.size[1]) < 0.02:
            scores[t] = _difference(got.resize((64, 64)), ref.resize((64, 64)))
    return min(scores, key=scores.get), scores


def test_damaged_files_are_imported_upright_or_refused_by_name(demo_db, visit):
    files = (
        sorted((PHOTOS / "jpg" / "invalid").iterdir())
        + [PHOTOS / "jpg" / "corrupted.jpg"]
        + sorted((PHOTOS / "jpg" / "tests").iterdir())
    )
    report = ph.import_files(demo_db, visit.id, files, item_code="B1")
    names = {f.name for f in files}
    handled = {Path(a.source_name).name for a in report.imported} | {n for n, _, _ in report.rejected}
    assert handled == names, "every file is either imported or refused by name"
    for a in report.imported:
        src = Image.open(next(f for f in files if f.name == a.source_name))
        expected = ImageOps.exif_transpose(src).convert("RGB")  # Pillow's reading of the EXIF tag
        got = _image(ph.photo_bytes(demo_db, a.photo_sha256))
        assert (got.width >= got.height) == (expected.width >= expected.height) or abs(got.width - got.height) < 4
        best, scores = _looks_like(got, expected)
        assert best is None, f"{a.source_name} stored turned by {best}: {scores}"


def test_real_camera_photos_keep_their_orientation(demo_db, visit):
    """Photos from phones and cameras (with and without an orientation tag) stored as they are shown."""
    files = [
        PHOTOS / "jpg" / "Canon_40D.jpg",
        *sorted((PHOTOS / "jpg" / "mobile").glob("*.jpg")),
        *sorted((PHOTOS / "jpg" / "gps").glob("*.jpg"))[:3],
        *sorted(ORIENT.glob("portrait_*.jpg")),
    ]
    for f in files:
        src = Image.open(f)
        expected = ImageOps.exif_transpose(src).convert("RGB")
        got = _image(ph.process_file(f).data)
        assert abs(got.width / got.height - expected.width / expected.height) < 0.02, f.name
        best, scores = _looks_like(got, expected)
        assert best is None, f"{f.name} stored turned by {best}: {scores}"


# Built independently of the app's table, from the EXIF definition: how the camera stored the
# pixels of an upright picture for each value of the Orientation tag (0x0112).
STORED_AS = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,  # mirrored
    3: Image.Transpose.ROTATE_180,  # upside down
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,  # phone held upright, camera sensor landscape: shown turned 90° clockwise
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,  # shown turned 90° counter-clockwise
}
CORNERS = {"top left": (255, 0, 0), "top right": (0, 200, 0), "bottom left": (0, 0, 255), "bottom right": (255, 255, 0)}


def _quadrants(w: int = 160, h: int = 120) -> Image.Image:
    im = Image.new("RGB", (w, h))
    for (_name, colour), box in zip(CORNERS.items(), [(0, 0), (w // 2, 0), (0, h // 2), (w // 2, h // 2)]):
        im.paste(colour, (*box, box[0] + w // 2, box[1] + h // 2))
    return im


def _corner_colours(im: Image.Image) -> dict[str, tuple]:
    w, h = im.size
    at = {
        "top left": (w // 4, h // 4),
        "top right": (3 * w // 4, h // 4),
        "bottom left": (w // 4, 3 * h // 4),
        "bottom right": (3 * w // 4, 3 * h // 4),
    }
    return {k: im.getpixel(p) for k, p in at.items()}


def _close(a, b) -> bool:
    return all(abs(x - y) <= 40 for x, y in zip(a, b))


@pytest.mark.parametrize("orientation", [1, 2, 3, 4, 5, 6, 7, 8])
def test_a_crafted_photo_with_an_orientation_tag_is_stored_upright(tmp_path, orientation):
    upright = _quadrants()
    stored = upright if orientation == 1 else upright.transpose(STORED_AS[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"o{orientation}.jpg"
    stored.save(path, "JPEG", quality=95, exif=exif.tobytes())
    assert Image.open(path).getexif()[0x0112] == orientation
    # the oracle agrees with Pillow's own reading of the tag
    assert all(_close(c, CORNERS[k]) for k, c in _corner_colours(ImageOps.exif_transpose(Image.open(path))).items())

    got = _image(ph.process_file(path).data)
    assert got.size == upright.size, (orientation, got.size)
    colours = _corner_colours(got)
    for corner, colour in CORNERS.items():
        assert _close(colours[corner], colour), (
            f"orientation {orientation}: {corner} is {colours[corner]}, not {colour}"
        )
    assert _close(_corner_colours(_image(ph.process_file(path).thumb))["top left"], CORNERS["top left"])


def _truncated_png_bomb(path: Path, w: int, h: int) -> None:
    """A PNG header claiming w × h pixels (decoding it would need gigabytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")
    )


def test_broken_files_are_refused_with_their_names_and_the_good_ones_imported(tmp_path, demo_db, visit):
    good = [PHOTOS / "jpg" / "gps" / "DSCN0010.jpg", PHOTOS / "jpg" / "hdr" / "iphone_hdr_YES.jpg"]
    whole = (PHOTOS / "jpg" / "mobile" / "jolla.jpg").read_bytes()
    (tmp_path / "half.jpg").write_bytes(whole[: len(whole) // 2])
    (tmp_path / "notes.jpg").write_text("biên bản họp, không phải ảnh", encoding="utf-8")
    (tmp_path / "empty.jpg").write_bytes(b"")
    _truncated_png_bomb(tmp_path / "bomb.png", 40000, 40000)
    files = [
        good[0],
        tmp_path / "half.jpg",
        tmp_path / "notes.jpg",
        tmp_path / "empty.jpg",
        tmp_path / "bomb.png",
        good[1],
        tmp_path / "missing.jpg",
    ]
    before = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]
    report = ph.import_files(demo_db, visit.id, files, item_code="B7")
    reasons = {n: code for n, code, _ in report.rejected}
    assert reasons == {
        "half.jpg": "truncated",
        "notes.jpg": "not_image",
        "empty.jpg": "empty",
        "bomb.png": "too_large",
        "missing.jpg": "missing",
    }
    assert sorted(a.source_name for a in report.imported) == ["DSCN0010.jpg", "iphone_hdr_YES.jpg"]
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == before + 2, "nothing half-stored"


def test_heic_from_iphones_and_android_phones_imports(demo_db, visit):
    files = sorted(p for p in (PHOTOS / "heic").rglob("*") if p.is_file())
    report = ph.import_files(demo_db, visit.id, files)
    assert not report.rejected, report.rejected
    assert len(report.imported) == len(files)
    for a in report.imported:
        im = _image(ph.photo_bytes(demo_db, a.photo_sha256))
        assert max(im.size) <= 2000 and im.size == (a.width, a.height)


def test_gps_time_and_camera_are_read(demo_db, visit):
    report = ph.import_files(demo_db, visit.id, [PHOTOS / "jpg" / "gps" / "DSCN0010.jpg"])
    a = report.imported[0]
    assert a.gps_lat == pytest.approx(43.46745, abs=1e-4) and a.gps_lon == pytest.approx(11.88513, abs=1e-4)
    assert a.taken_at == "2008-10-22T16:28:39"
    assert a.camera == "NIKON COOLPIX P6000"


def test_stored_small_upright_jpeg_with_thumbnail_not_the_original(demo_db, visit):
    src = PHOTOS / "jpg" / "mobile" / "HMD_Nokia_8.3_5G.jpg"
    a = ph.import_files(demo_db, visit.id, [src]).imported[0]
    data = ph.photo_bytes(demo_db, a.photo_sha256)
    im = Image.open(io.BytesIO(data))
    assert im.format == "JPEG" and max(im.size) == 2000
    assert len(data) < src.stat().st_size
    thumb = Image.open(io.BytesIO(ph.thumb_bytes(demo_db, a.photo_sha256)))
    assert max(thumb.size) <= 256
    assert ph.original_bytes(demo_db, a.photo_sha256) is None, "originals are off by default"
    b = ph.import_files(
        demo_db, visit.id, [PHOTOS / "jpg" / "hdr" / "canon_hdr_NO.jpg"], keep_original=True, max_edge=1024
    ).imported[0]
    assert ph.original_bytes(demo_db, b.photo_sha256) == (PHOTOS / "jpg" / "hdr" / "canon_hdr_NO.jpg").read_bytes()
    assert max(b.width, b.height) == 1024


def test_the_same_photo_is_stored_once_and_can_go_on_two_items(tmp_path, demo_db, visit):
    src = PHOTOS / "jpg" / "gps" / "DSCN0012.jpg"
    copy = tmp_path / "copy-of-DSCN0012.jpg"
    shutil.copy(src, copy)
    before = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]
    first = ph.import_files(demo_db, visit.id, [src], item_code="B7")
    again = ph.import_files(demo_db, visit.id, [copy], item_code="B7")
    assert len(first.imported) == 1 and again.duplicates == ["copy-of-DSCN0012.jpg"] and not again.imported
    other = ph.import_files(demo_db, visit.id, [copy], item_code="B8")
    assert len(other.imported) == 1 and other.reused == 1
    assert other.imported[0].photo_sha256 == first.imported[0].photo_sha256
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == before + 1
    assert {a.item_code for a in ph.attachments(demo_db, visit.id)} == {"B7", "B8"}


def test_caption_order_move_remove_and_restore(demo_db, visit):
    files = [PHOTOS / "jpg" / "gps" / f"DSCN00{n}.jpg" for n in ("21", "25", "27")]
    atts = ph.import_files(demo_db, visit.id, files, item_code="B5").imported
    assert (
        atts[0].caption == "B5 – Niêm yết mức thu phí, lệ phí kèm căn cứ quy định, chụp lúc 16 giờ 38 ngày 22/10/2008"
    )
    assert [a.ord for a in atts] == [1, 2, 3]
    ph.set_caption(demo_db, atts[0].id, "Bảng  niêm yết phí, lệ phí ")
    assert ph.get_attachment(demo_db, atts[0].id).caption == "Bảng niêm yết phí, lệ phí"
    ph.reorder(demo_db, [atts[2].id, atts[0].id, atts[1].id])
    assert [a.id for a in ph.attachments(demo_db, visit.id, "B5")] == [atts[2].id, atts[0].id, atts[1].id]
    ph.move(demo_db, atts[1].id, "B6")
    assert [a.id for a in ph.attachments(demo_db, visit.id, "B6")] == [atts[1].id]
    ph.remove(demo_db, atts[0].id)
    assert atts[0].id not in [a.id for a in ph.attachments(demo_db, visit.id)]
    ph.restore(demo_db, atts[0].id)
    assert atts[0].id in [a.id for a in ph.attachments(demo_db, visit.id)]
    assert any(e["field"] == "caption" for e in events.history(demo_db, atts[0].id)), "changes are events"


def test_evidence_warnings_for_another_day_and_a_far_place(demo_db, visit):
    near = [PHOTOS / "jpg" / "gps" / f"DSCN00{n}.jpg" for n in ("10", "12", "21", "25")]
    far = PHOTOS / "jpg" / "hdr" / "iphone_hdr_NO.jpg"  # Madrid, the others Tuscany
    ins.update_visit(demo_db, visit.id, date="2008-10-22")
    report = ph.import_files(demo_db, visit.id, near + [far], item_code="D1")
    flags = {a.source_name: a.flags for a in ph.attachments(demo_db, visit.id)}
    assert all(flags[f.name] == () for f in near)
    assert flags["iphone_hdr_NO.jpg"] == ("date", "gps")
    far_att = next(a for a in report.imported if a.source_name == "iphone_hdr_NO.jpg")
    ph.confirm(demo_db, far_att.id)
    assert ph.get_attachment(demo_db, far_att.id).confirmed
    assert all(not a.flags for a in ph.attachments(demo_db, visit.id))


def test_cancelling_keeps_what_was_completed_and_nothing_partial(demo_db, visit):
    files = sorted((PHOTOS / "jpg" / "gps").glob("*.jpg"))
    seen = []
    before = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]
    report = ph.import_files(
        demo_db, visit.id, files, progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) > 3, workers=2
    )
    assert report.cancelled
    n = len(report.imported)
    assert 0 < n < len(files)
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == before + n
    assert len(ph.attachments(demo_db, visit.id)) == n


def test_a_signed_visit_needs_a_reason(demo_db, visit):
    ins.update_visit(demo_db, visit.id, status="signed")
    before = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    with pytest.raises(E.VisitFrozen) as err:
        ph.import_files(demo_db, visit.id, [ORIENT / "landscape_1.jpg"])
    assert "signed" in str(err.value)
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == before
    assert ph.attachments(demo_db, visit.id) == []
    report = ph.import_files(demo_db, visit.id, [ORIENT / "landscape_1.jpg"], reason="bổ sung ảnh")
    assert len(report.imported) == 1


def test_folders_are_imported_recursively(demo_db, visit):
    report = ph.import_files(demo_db, visit.id, [PHOTOS / "jpg" / "orientation"], workers=2)
    assert len(report.imported) == 16 and not report.rejected


def test_cli_add_list_get(tmp_path, demo_path):
    import inspector

    db = inspector.open_db(demo_path)
    vid = next(v.id for v in ins.visits(db) if v.commune == "Đồng Hóa")
    db.close()
    bad = tmp_path / "bad.jpg"
    bad.write_text("not a photo")
    run = CliRunner().invoke
    r = run(
        cli,
        [
            "--db",
            str(demo_path),
            "photo",
            "add",
            vid[:8],
            "--item",
            "b7",
            str(PHOTOS / "jpg" / "gps" / "DSCN0010.jpg"),
            str(bad),
        ],
    )
    assert r.exit_code == 1, r.output
    assert "bad.jpg" in r.output and "not an image" in r.output
    r = run(cli, ["--db", str(demo_path), "photo", "list", vid[:8], "--json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert len(rows) == 1
    row = rows[0]
    assert {"id", "sha256", "width", "height", "item", "caption", "taken_at", "gps", "source_name"} <= set(row)
    assert row["item"] == "B7" and row["source_name"] == "DSCN0010.jpg" and row["gps"]["lat"] > 43
    out = tmp_path / "b7.jpg"
    r = run(cli, ["--db", str(demo_path), "photo", "get", row["id"][:8], "-o", str(out)])
    assert r.exit_code == 0, r.output
    import hashlib

    assert hashlib.sha256(out.read_bytes()).hexdigest() == row["sha256"]
    r = run(cli, ["--db", str(demo_path), "show", vid[:8], "--json"])
    assert json.loads(r.output)["photos"][0]["sha256"] == row["sha256"]
