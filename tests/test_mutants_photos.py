"""Tests that kill the mutants of inspector/photos.py a mutation run left alive (tools/mutation.py):
putting a stored photo on a visit, finding a photo by a short id, who changed a photo and why,
the JSON of the command line, refusals by size, distances, and TIFF structure checks."""

from __future__ import annotations

import io
import struct
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from inspector import errors as E
from inspector import events
from inspector import inspections as ins
from inspector import photos as ph
from tests.conftest import PHOTOS

pytestmark = pytest.mark.skipif(not PHOTOS.exists(), reason="../shared/real-photos is not beside the project")

GPS = PHOTOS / "jpg" / "gps"


@pytest.fixture
def visit(demo_db):
    return next(v for v in ins.visits(demo_db) if v.commune == "Đồng Hóa")  # no demo photos there


def _changes(db, attachment_id: str) -> list[dict]:
    return events.history(db, attachment_id)


# ---- attach, visit_count ---------------------------------------------------------------------------


def test_a_stored_photo_is_put_on_another_visit_and_item_without_new_bytes(demo_db, visit):
    first = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"], item_code="B5").imported[0]
    other = next(v for v in ins.visits(demo_db) if v.id != visit.id and v.inspection_id == visit.inspection_id)
    photos_before = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]
    a = ph.attach(demo_db, other.id, first.photo_sha256, item_code="B6", author="Lan")
    assert demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == photos_before
    assert (a.visit_id, a.item_code, a.photo_sha256, a.confirmed, a.deleted) == (
        other.id,
        "B6",
        first.photo_sha256,
        False,
        False,
    )
    assert a.caption.startswith("B6 – ") and a.caption.endswith("chụp lúc 16 giờ 38 ngày 22/10/2008")
    assert a.ord == max((x.ord for x in ph.attachments(demo_db, other.id, "B6") if x.id != a.id), default=0) + 1
    assert {e["author"] for e in _changes(demo_db, a.id)} == {"Lan"}
    again = ph.attach(demo_db, other.id, first.photo_sha256, item_code="B6", caption="  Bảng  niêm yết ")
    assert again.caption == "Bảng niêm yết" and again.ord == a.ord + 1
    on_visit = ph.attach(demo_db, other.id, first.photo_sha256)  # the visit itself, no item
    assert on_visit.item_code is None and on_visit.caption == "Ảnh chụp lúc 16 giờ 38 ngày 22/10/2008"
    with pytest.raises(E.NotFound) as nf:
        ph.attach(demo_db, other.id, "f" * 64)
    assert (nf.value.what, nf.value.key) == ("photo", "f" * 64)


def test_attaching_to_a_signed_visit_needs_a_reason_and_records_it(demo_db, visit):
    sha = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported[0].photo_sha256
    ins.update_visit(demo_db, visit.id, status="signed")
    with pytest.raises(E.VisitFrozen):
        ph.attach(demo_db, visit.id, sha, item_code="B1")
    a = ph.attach(demo_db, visit.id, sha, item_code="B1", reason="bổ sung ảnh")
    assert {e["reason"] for e in _changes(demo_db, a.id)} == {"bổ sung ảnh"}


def test_the_visit_count_holds_photos_on_items_and_on_the_visit_but_not_removed_ones(demo_db, visit):
    assert ph.visit_count(demo_db, visit.id) == 0
    atts = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg", GPS / "DSCN0025.jpg"], item_code="B5").imported
    ph.import_files(demo_db, visit.id, [GPS / "DSCN0027.jpg"])  # on the visit itself
    assert ph.visit_count(demo_db, visit.id) == 3
    ph.remove(demo_db, atts[0].id)
    assert ph.visit_count(demo_db, visit.id) == 2
    other = next(v for v in ins.visits(demo_db) if v.id != visit.id and v.commune != visit.commune)
    assert ph.visit_count(demo_db, other.id) == len(ph.attachments(demo_db, other.id))


# ---- who and why, on a signed visit -----------------------------------------------------------------


def test_every_change_of_a_photo_on_a_signed_visit_needs_a_reason_and_keeps_author_and_reason(demo_db, visit):
    atts = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg", GPS / "DSCN0025.jpg"], item_code="B5").imported
    ins.update_visit(demo_db, visit.id, status="signed")
    a, b = atts[0].id, atts[1].id
    steps = [
        ("caption", lambda **k: ph.set_caption(demo_db, a, "Ảnh mới", **k)),
        ("move", lambda **k: ph.move(demo_db, a, "B6", **k)),
        ("remove", lambda **k: ph.remove(demo_db, b, **k)),
        ("restore", lambda **k: ph.restore(demo_db, b, **k)),
        ("confirm", lambda **k: ph.confirm(demo_db, b, **k)),
        ("reorder", lambda **k: ph.reorder(demo_db, [b, a], **k)),
    ]
    for name, step in steps:
        n = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
        with pytest.raises(E.VisitFrozen):
            step()
        assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == n, name
        step(author="Minh", reason=f"sửa: {name}")
        newest = demo_db.execute("SELECT author, reason FROM events ORDER BY rowid DESC LIMIT 1").fetchone()
        assert tuple(newest) == ("Minh", f"sửa: {name}"), name
    got = ph.get_attachment(demo_db, b)
    assert got.confirmed is True and got.deleted is False and got.ord == 1
    assert demo_db.execute("SELECT confirmed FROM attachments WHERE id = ?", [b]).fetchone()[0] == 1


def test_reordering_refuses_photos_of_two_visits_by_the_first_ones_visit(demo_db, visit):
    mine = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported[0]
    other = next(v for v in ins.visits(demo_db) if v.id != visit.id)
    theirs = ph.attach(demo_db, other.id, mine.photo_sha256)
    ins.update_visit(demo_db, other.id, status="signed")
    with pytest.raises(E.InvalidInput) as err:  # the first photo's visit is open: no reason asked
        ph.reorder(demo_db, [mine.id, theirs.id])
    assert str(err.value) == "photos of one visit only"
    ph.reorder(demo_db, [])  # nothing to do


# ---- find_photo -------------------------------------------------------------------------------------


def test_a_photo_is_found_by_attachment_id_or_sha_or_a_prefix_in_any_case(demo_db, visit):
    a = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported[0]
    sha = a.photo_sha256
    assert ph.find_photo(demo_db, a.id) == sha
    assert ph.find_photo(demo_db, "  " + a.id[:8].upper() + " ") == sha
    assert ph.find_photo(demo_db, sha.upper()) == sha
    assert ph.find_photo(demo_db, sha[:6]) == sha
    for short in ("", None, sha[:3]):
        with pytest.raises(E.NotFound) as nf:
            ph.find_photo(demo_db, short)
        assert nf.value.what == "photo"
    with pytest.raises(E.NotFound) as nf:
        ph.find_photo(demo_db, "zzzzzzzz")
    assert (nf.value.what, nf.value.key) == ("photo", "zzzzzzzz")


def test_a_prefix_shared_by_two_photos_or_two_attachments_is_ambiguous(demo_db, visit):
    a = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported[0]
    b = ph.attach(demo_db, visit.id, a.photo_sha256, item_code="B1")  # same photo, second attachment
    demo_db.execute("UPDATE attachments SET id = 'abcd' || substr(id, 5) WHERE id IN (?, ?)", [a.id, b.id])
    demo_db.conn.commit()
    with pytest.raises(E.Ambiguous) as am:
        ph.find_photo(demo_db, "abcd")
    assert (am.value.what, am.value.count) == ("photo", 2)
    assert ph.find_photo(demo_db, "abcd" + a.id[4:]) == a.photo_sha256  # the whole id is one
    for n in (1, 2):  # two stored photos whose hashes begin alike, on no attachment
        demo_db.execute("CREATE TEMP TABLE t AS SELECT * FROM photos WHERE sha256 = ?", [a.photo_sha256])
        demo_db.execute("UPDATE t SET sha256 = ? || substr(sha256, 6)", [f"eeee{n}"])
        demo_db.execute("INSERT INTO photos SELECT * FROM t")
        demo_db.execute("DROP TABLE t")
    demo_db.conn.commit()
    with pytest.raises(E.Ambiguous) as am:
        ph.find_photo(demo_db, "eeee")
    assert (am.value.what, am.value.count) == ("photo", 2)
    assert ph.find_photo(demo_db, "eeee2") == "eeee2" + a.photo_sha256[5:]


def test_a_photo_prefix_matching_one_photo_and_no_attachment_finds_it(demo_db, visit):
    sha = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported[0].photo_sha256
    demo_db.execute("UPDATE attachments SET id = 'ffff' || substr(id, 5) WHERE photo_sha256 = ?", [sha])
    demo_db.conn.commit()
    prefix = next(sha[:k] for k in range(4, 64) if not sha[:k].startswith("ffff"))
    assert ph.find_photo(demo_db, prefix) == sha


# ---- bytes ------------------------------------------------------------------------------------------


def test_bytes_of_an_unknown_photo_are_refused_by_name_or_none(demo_db):
    for get in (ph.photo_bytes, ph.thumb_bytes):
        with pytest.raises(E.NotFound) as nf:
            get(demo_db, "0" * 64)
        assert (nf.value.what, nf.value.key) == ("photo", "0" * 64)
    assert ph.original_bytes(demo_db, "0" * 64) is None
    assert ph.photos_bytes(demo_db, []) == {}


# ---- JSON -------------------------------------------------------------------------------------------


def test_an_attachment_and_an_import_report_as_json(demo_db, visit):
    ins.update_visit(demo_db, visit.id, date="2008-10-22")
    report = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg", ORIENT_1], item_code="B5")
    a = ph.attachments(demo_db, visit.id)[0]
    j = ph.attachment_json(a)
    assert set(j) == {
        "id",
        "sha256",
        "width",
        "height",
        "item",
        "caption",
        "order",
        "taken_at",
        "gps",
        "camera",
        "source_name",
        "bytes",
        "flags",
        "confirmed",
    }
    assert (j["order"], j["camera"], j["bytes"], j["flags"], j["confirmed"]) == (a.ord, a.camera, a.size, [], False)
    assert j["gps"] == {"lat": a.gps_lat, "lon": a.gps_lon} and a.gps_lat is not None
    no_gps = next(x for x in ph.attachments(demo_db, visit.id) if x.gps_lat is None)
    assert ph.attachment_json(no_gps)["gps"] is None and ph.attachment_json(no_gps)["flags"] == list(no_gps.flags)
    again = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"], item_code="B6")
    assert again.to_json()["reused"] == 1 and report.to_json()["reused"] == 0
    assert set(report.to_json()) == {"imported", "duplicates", "reused", "cancelled", "rejected"}


ORIENT_1 = PHOTOS / "jpg" / "orientation" / "landscape_1.jpg"


# ---- refusals ---------------------------------------------------------------------------------------


def test_refusals_name_their_code_and_detail(tmp_path, monkeypatch):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    for path, code in ((empty, "empty"), (tmp_path / "gone.jpg", "missing")):
        with pytest.raises(ph.Rejected) as r:
            ph.process_file(path)
        assert r.value.code == code and str(r.value) == ph.reason_text(code)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("pasted.png", data=b"")
    assert r.value.code == "empty"
    one = tmp_path / "one.jpg"
    one.write_bytes(b"\xff")
    with pytest.raises(ph.Rejected) as r:
        ph.process_file(one)
    assert r.value.code != "empty"
    big = tmp_path / "big.jpg"
    big.write_bytes(ORIENT_1.read_bytes())
    size = big.stat().st_size
    monkeypatch.setattr(ph, "MAX_FILE_BYTES", size)  # exactly at the limit: imported
    assert ph.process_file(big).width > 0
    monkeypatch.setattr(ph, "MAX_FILE_BYTES", size - 1)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file(big)
    assert (r.value.code, r.value.detail) == ("file_too_big", "0 MB")
    big.write_bytes(b"\0" * (3 * 1024 * 1024 + 5))
    with pytest.raises(ph.Rejected) as r:
        ph.process_file(big)
    assert (r.value.code, r.value.detail) == ("file_too_big", "3 MB")


def test_a_refusal_reads_with_its_detail_in_brackets_and_an_unknown_code_as_itself():
    r = ph.Rejected("truncated", "12 bytes")
    assert str(r) == ph.reason_text("truncated") + " (12 bytes)"
    assert r.reason_vi == ph.reason_text("truncated", "vi") + " (12 bytes)"
    plain = ph.Rejected("truncated")
    assert str(plain) == ph.reason_text("truncated") and plain.reason_vi == ph.reason_text("truncated", "vi")
    assert ph.reason_text("no-such-code") == "no-such-code"
    assert ph.message_code("missing") == "photo_not_found" and ph.message_code("empty") == "photo_empty"
    assert ph.reason_text("missing") != "missing" and ph.reason_text("missing", "vi") != ph.reason_text("missing")


def test_the_original_is_kept_only_when_asked():
    assert ph.process_file(ORIENT_1).original is None
    assert ph.process_file(ORIENT_1, keep_original=True).original == ORIENT_1.read_bytes()


# ---- a pasted image ---------------------------------------------------------------------------------


def test_a_pasted_image_is_stored_once_keeps_its_author_and_is_refused_with_its_detail(demo_db, visit):
    out = io.BytesIO()
    Image.effect_noise((80, 60), 50).convert("RGB").save(out, "PNG")
    data = out.getvalue()
    a = ph.import_one(demo_db, visit.id, data, "clip.png", item_code="B2", author="Lan")
    assert {e["author"] for e in _changes(demo_db, a.id)} == {"Lan"}
    assert ph.original_bytes(demo_db, a.photo_sha256) is None
    n = demo_db.execute("SELECT count(*) FROM photos").fetchone()[0]
    b = ph.import_one(demo_db, visit.id, data, "clip.png", item_code="B3")
    assert b.photo_sha256 == a.photo_sha256 and demo_db.execute("SELECT count(*) FROM photos").fetchone()[0] == n
    with pytest.raises(E.PhotoRejected) as r:
        ph.import_one(demo_db, visit.id, data[: len(data) // 2], "cut.png")
    assert r.value.code == "truncated" and r.value.detail


# ---- distance and evidence --------------------------------------------------------------------------


def test_distances_on_the_earth():
    assert ph._distance_m((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111_195, rel=1e-4)  # a degree of latitude
    assert ph._distance_m((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111_195, rel=1e-4)  # of longitude at the equator
    assert ph._distance_m((60.0, 10.0), (60.0, 11.0)) == pytest.approx(55_597, rel=1e-3)  # half as much at 60°
    hanoi, hcmc = (21.0285, 105.8542), (10.8231, 106.6297)
    assert ph._distance_m(hanoi, hcmc) == pytest.approx(1_137_000, rel=0.01)
    assert ph._distance_m(hcmc, hanoi) == pytest.approx(ph._distance_m(hanoi, hcmc))
    assert ph._distance_m((0.0, 0.0), (0.0, 180.0)) == pytest.approx(20_015_087, rel=1e-4)  # the far side
    assert ph._distance_m((1.0, 2.0), (1.0, 2.0)) == 0


def _place(db, attachment_id, lat, lon):
    db.execute(
        "UPDATE photos SET gps_lat = ?, gps_lon = ? WHERE sha256 = (SELECT photo_sha256 FROM attachments WHERE id = ?)",
        [lat, lon, attachment_id],
    )


def test_the_far_place_is_judged_from_three_placed_photos_and_a_confirmed_one_is_skipped(demo_db, visit):
    files = [GPS / "DSCN0021.jpg", GPS / "DSCN0025.jpg", ORIENT_1, PHOTOS / "jpg" / "orientation" / "portrait_1.jpg"]
    atts = ph.import_files(demo_db, visit.id, files, item_code="B5").imported
    ins.update_visit(demo_db, visit.id, date="")
    for a in atts:
        _place(demo_db, a.id, None, None)
    _place(demo_db, atts[0].id, 21.0, 105.0)
    _place(demo_db, atts[1].id, 21.0, 105.0)
    demo_db.conn.commit()
    assert ph.evidence_flags(demo_db, visit.id) == {}  # two placed photos: no centre yet
    _place(demo_db, atts[2].id, 21.0 + 2000 / 111_195 * 1.01, 105.0)  # just over 2 km north
    demo_db.conn.commit()
    assert ph.evidence_flags(demo_db, visit.id) == {atts[2].id: ("gps",)}  # three: the median is the centre
    ph.confirm(demo_db, atts[0].id)  # the first in order, confirmed: the others are still judged
    assert ph.evidence_flags(demo_db, visit.id) == {atts[2].id: ("gps",)}
    _place(demo_db, atts[2].id, 21.0 + 2000 / 111_195 * 0.99, 105.0)  # just under
    demo_db.conn.commit()
    assert ph.evidence_flags(demo_db, visit.id) == {}


def test_evidence_flags_of_photos_listed_without_their_flags(demo_db, visit, monkeypatch):
    ins.update_visit(demo_db, visit.id, date="2001-01-01")
    atts = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"]).imported
    calls = []
    real = ph.evidence_flags

    def counting(*a, **k):
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(ph, "evidence_flags", counting)
    assert real(demo_db, visit.id) == {atts[0].id: ("date",)}
    assert calls == []  # the list it reads is taken without flags (no second round of checks)
    assert ph.attachments(demo_db, visit.id, with_flags=False)[0].flags == () and calls == []
    assert ph.attachments(demo_db, visit.id)[0].flags == ("date",) and len(calls) == 1


# ---- binary readers and TIFF structure --------------------------------------------------------------


@pytest.mark.parametrize("read,order", [(ph._le, "little"), (ph._be, "big")])
def test_binary_reads_stop_exactly_at_the_end(read, order):
    data = b"\x01\x02\x03"
    assert read(data, 0, 2) == int.from_bytes(b"\x01\x02", order) and read(data, 2, 1) == 3
    assert read(data, 1, 2) == int.from_bytes(b"\x02\x03", order)
    for pos, size in ((2, 2), (-1, 1), (3, 1)):
        with pytest.raises(ph._Cut):
            read(data, pos, size)


def _tiff(extra: list[tuple[int, int, int, int]] = (), *, tiles: bool = False, cut: int = 0) -> bytes:
    """A little-endian RGB TIFF of 16×16 pixels, its directory first and its pixels last (so that
    cutting the end cuts the pixels only), with extra directory entries (tag, type, count, value)."""
    pixels = bytes(range(256)) * 3
    entries = [
        (256, 3, 1, 16),
        (257, 3, 1, 16),
        (258, 3, 3, 0),  # BitsPerSample 8,8,8: its offset is set below
        (259, 3, 1, 1),
        (262, 3, 1, 2),
        (277, 3, 1, 3),
    ]
    if tiles:
        entries += [(322, 3, 1, 16), (323, 3, 1, 16), (324, 4, 1, 0), (325, 4, 1, len(pixels))]
    else:
        entries += [(273, 4, 1, 0), (278, 3, 1, 16), (279, 4, 1, len(pixels))]
    entries += list(extra)
    entries.sort()
    ifd_size = 2 + 12 * len(entries) + 4
    bits_at = 8 + ifd_size
    data_at = bits_at + 6
    out = bytearray(b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", len(entries)))
    for tag, typ, count, value in entries:
        if tag == 258:
            value = bits_at
        elif tag in (273, 324):
            value = data_at
        out += struct.pack("<HHII", tag, typ, count, value)
    out += b"\0\0\0\0" + struct.pack("<HHH", 8, 8, 8) + pixels
    return bytes(out[: len(out) - cut])


def test_a_hand_made_tiff_imports_whole_and_is_refused_before_decoding_when_cut():
    for tiles in (False, True):
        whole = ph.process_file("t.tif", data=_tiff(tiles=tiles))  # its pixels end at the file's end
        assert (whole.width, whole.height) == (16, 16)
        with pytest.raises(ph.Rejected) as r:
            ph.process_file("t.tif", data=_tiff(tiles=tiles, cut=1))
        data_len = len(_tiff(tiles=tiles)) - 1
        assert (r.value.code, r.value.detail) == ("truncated", f"{data_len} bytes"), tiles  # the structure check's


def test_tiff_tags_the_check_does_not_know_or_holds_in_place_pass_and_a_cut_value_is_refused():
    unknown_type = (40000, 99, 100, 0xFFFF_FF00)  # Pillow skips a type it does not know
    inline_long = (40001, 4, 1, 0xFFFF_FF00)  # four bytes: held in the entry itself, not an offset
    for extra in ([unknown_type], [inline_long]):
        assert ph.process_file("t.tif", data=_tiff(extra)).width == 16, extra
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("t.tif", data=_tiff([(305, 2, 5, 0x00FF_FF00)]))  # five bytes of text, past the end
    assert r.value.code == "truncated"


def test_pasting_an_image_already_stored_does_not_decode_it_again(demo_db, visit, monkeypatch):
    data = ORIENT_1.read_bytes()
    first = ph.import_one(demo_db, visit.id, data, "clip.jpg", item_code="B2")
    decoded = []
    real = ph._process_bytes
    monkeypatch.setattr(ph, "_process_bytes", lambda *a, **k: decoded.append(1) or real(*a, **k))
    again = ph.import_one(demo_db, visit.id, data, "clip.jpg", item_code="B3")
    assert again.photo_sha256 == first.photo_sha256 and decoded == []


# ---- HEIF boxes and item locations --------------------------------------------------------------


def _box(kind: bytes, payload: bytes = b"") -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _iloc(version: int, items: list[tuple[int, int, int, list[tuple[int, int]]]], *, base: int = 0) -> bytes:
    """An iloc box (version 0, 1 or 2) with 4-byte offsets, lengths and bases (and 4-byte extent
    indexes from version 1): items as (construction method, data reference, base offset, extents
    as (offset, length))."""
    index_size = 4 if version in (1, 2) else 0
    sizes = (4 << 12) | (4 << 8) | (4 << 4) | index_size
    id_size = 4 if version == 2 else 2
    out = bytes([version, 0, 0, 0]) + struct.pack(">H", sizes) + len(items).to_bytes(id_size, "big")
    for n, (method, ref, item_base, extents) in enumerate(items, 1):
        out += n.to_bytes(id_size, "big")
        if version in (1, 2):
            out += struct.pack(">H", method)
        out += struct.pack(">HI", ref, item_base + base) + struct.pack(">H", len(extents))
        for offset, length in extents:
            out += (b"\0\0\0\x07" if index_size else b"") + struct.pack(">II", offset, length)
    return _box(b"iloc", out)


def _heif(iloc: bytes, *, before: bytes = b"", trailing: bytes = b"", mdat: int = 100) -> bytes:
    meta = _box(b"meta", b"\0\0\0\0" + before + iloc + trailing)
    return _box(b"ftyp", b"heic\0\0\0\0") + meta + _box(b"mdat", b"\x55" * mdat)


def _cut(data: bytes) -> bool:
    try:
        ph._check_heif(data)
    except ph._Cut:
        return True
    return False


@pytest.mark.parametrize("version", [0, 1, 2])
def test_an_item_extent_past_the_end_of_the_file_is_found_in_each_iloc_version(version):
    probe = _heif(_iloc(version, [(0, 0, 0, [(0, 10)])]))
    end = len(probe)
    fits = _heif(_iloc(version, [(0, 0, 0, [(0, 10)]), (0, 0, 0, [(end - 20, 20)])]))
    assert len(fits) == end + len(_iloc(version, [(0, 0, 0, [(0, 10)])] * 2)) - len(
        _iloc(version, [(0, 0, 0, [(0, 10)])])
    )
    whole = len(fits)
    assert not _cut(_heif(_iloc(version, [(0, 0, 0, [(0, 10)]), (0, 0, 0, [(whole - 20, 20)])])))  # ends at the end
    assert _cut(_heif(_iloc(version, [(0, 0, 0, [(0, 10)]), (0, 0, 0, [(whole - 20, 21)])])))  # one byte past
    assert _cut(_heif(_iloc(version, [(0, 0, whole - 20, [(0, 10), (10, 11)])])))  # base + offset + length
    assert _cut(_heif(_iloc(version, [(0, 0, 2**24, [(0, 10)])])))  # a base past 16 MB: its first byte counts
    with pytest.raises(ph._Cut) as e:
        ph._check_heif(_heif(_iloc(version, [(0, 0, 0, [(whole, 1)])])))
    assert str(e.value) == "an item's bytes lie past the end of the file"
    assert not _cut(_heif(_iloc(version, [(0, 1, 0, [(whole, 50)])])))  # in another file: not ours to check
    if version:
        assert not _cut(_heif(_iloc(version, [(1, 0, 0, [(whole, 50)])])))  # in the idat box, not the file
        assert not _cut(_heif(_iloc(version, [(2, 0, 0, [(whole, 50)])])))  # from another item


def test_heif_boxes_cut_or_damaged():
    good = _heif(_iloc(1, [(0, 0, 0, [(0, 10)])]))
    assert not _cut(good)
    assert _cut(good[:-1])  # the last box (mdat) cut short
    large = _box(b"ftyp", b"heic\0\0\0\0") + struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 16 + 40) + b"\0" * 40
    assert not _cut(large) and _cut(large[:-1])  # a box with a 64-bit size
    empty_first = _box(b"free") + good  # an empty box first: the ones after are still read
    assert not _cut(empty_first) and _cut(empty_first[:-1])
    assert not _cut(good + struct.pack(">I", 4) + b"free")  # a box shorter than its header: damaged, libheif says
    past = _heif(_iloc(1, [(0, 0, 0, [(10_000, 1)])]), before=_box(b"hdlr"))  # an empty box before the iloc
    assert _cut(past)
    assert _cut(_heif(_iloc(1, [(0, 0, 0, [(10_000, 1)])]), trailing=b"\0\0"))
    assert not _cut(_heif(_box(b"hdlr"), trailing=b"\0\0"))  # two bytes left in the meta box: nothing to read
    last = _box(b"ftyp", b"heic\0\0\0\0") + _box(b"meta", b"\0\0\0\0" + _box(b"hdlr") + b"\0\0")
    assert not _cut(last)  # the same at the very end of the file
    zero = _heif(_iloc(1, [(0, 0, 0, [(10_000, 1)])]), before=b"\0\0\0\0free")  # a child of size 0: stop there
    assert not _cut(zero)
    over = bytearray(_heif(_iloc(1, [(0, 0, 0, [(10_000, 1)])])))
    at = over.index(b"iloc") - 4
    over[at : at + 4] = struct.pack(">I", 4000)  # the iloc runs past its meta box: damaged, not read
    assert not _cut(bytes(over))


# ---- folders and batches ------------------------------------------------------------------------


def test_a_folder_gives_its_images_in_name_order_without_hidden_ones_and_each_file_once(tmp_path):
    src = ORIENT_1.read_bytes()
    (tmp_path / "sub").mkdir()
    for name in ("b.JPG", "A.jpg", "sub/c.jpeg", ".hidden.jpg", "notes.txt", "XX.XX.jpg", "_z.png"):
        (tmp_path / name).write_bytes(src)
    files, empty = ph.expand([tmp_path, tmp_path / "A.jpg", tmp_path / "sub" / ".." / "b.JPG"])
    assert [str(f.relative_to(tmp_path)) for f in files] == ["_z.png", "A.jpg", "b.JPG", "sub/c.jpeg", "XX.XX.jpg"]
    assert empty == []
    (tmp_path / "none").mkdir()
    files, empty = ph.expand([tmp_path / "none", tmp_path / "gone.jpg", tmp_path / "gone.jpg"])
    assert empty == [("none", "folder_empty")] and files == [tmp_path / "gone.jpg"]


def test_a_batch_by_path_with_its_caption_author_and_progress(demo_path, tmp_path):
    import inspector

    db = inspector.open_db(demo_path)
    visit = next(v for v in ins.visits(db) if v.commune == "Đồng Hóa")
    db.close()
    steps = []
    report = ph.import_files(
        demo_path,
        visit.id,
        [ORIENT_1, GPS / "DSCN0021.jpg"],
        caption="Bảng niêm yết",
        author="Lan",
        progress=lambda d, t: steps.append((d, t)),
    )
    assert steps[0] == (0, 2) and steps[-1] == (2, 2)
    db = inspector.open_db(demo_path)  # the function's own connection is closed: the file is whole
    got = ph.attachments(db, visit.id)
    assert [a.caption for a in got] == ["Bảng niêm yết", "Bảng niêm yết"]
    assert {e["author"] for a in report.imported for e in events.history(db, a.id)} == {"Lan"}
    db.close()


def test_photos_are_listed_in_the_checklists_order_visit_photos_first(demo_db, visit):
    for code in ("B6", "A1", "B5"):
        ph.import_files(demo_db, visit.id, [ORIENT_1], item_code=code)
    ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"])  # on the visit
    got = ph.attachments(demo_db, visit.id)
    assert [a.item_code for a in got] == [None, "A1", "B5", "B6"]
    demo_db.execute(
        "UPDATE attachments SET item_code = 'Z9' WHERE visit_id = ? AND item_code = 'A1'", [visit.id]
    )  # an item the set does not have: after the known ones
    demo_db.conn.commit()
    assert [a.item_code for a in ph.attachments(demo_db, visit.id)] == [None, "B5", "B6", "Z9"]
    assert ph.attachments(demo_db, "no-such-visit") == []


def test_a_batch_refuses_by_code_what_it_cannot_read_and_a_repeat_on_the_visit_itself(
    demo_db, visit, monkeypatch, tmp_path
):
    from pathlib import Path

    a, b, c = (tmp_path / n for n in ("a.jpg", "b.jpg", "c.jpg"))
    for p in (a, b, c):
        p.write_bytes(ORIENT_1.read_bytes())
    real_stat, real_read = Path.stat, Path.read_bytes

    def stat(self, *args, **kw):
        if self.name == "a.jpg":
            raise PermissionError(13, "denied")
        return real_stat(self, *args, **kw)

    def read_bytes(self):
        if self.name == "b.jpg":
            raise PermissionError(13, "denied")
        return real_read(self)

    monkeypatch.setattr(Path, "stat", stat)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(ph, "MAX_FILE_BYTES", c.stat().st_size)  # exactly at the limit: imported
    report = ph.import_files(demo_db, visit.id, [a, b, c], workers=1)
    assert [(n, code) for n, code, _ in report.rejected] == [("a.jpg", "unreadable"), ("b.jpg", "unreadable")]
    assert [x.source_name for x in report.imported] == ["c.jpg"]
    again = ph.import_files(demo_db, visit.id, [c], workers=1)  # on the visit itself again: a repeat
    assert again.duplicates == ["c.jpg"] and not again.imported
    monkeypatch.setattr(ph, "MAX_FILE_BYTES", c.stat().st_size - 1)
    over = ph.import_files(demo_db, visit.id, [c], item_code="B1", workers=1)
    assert [(n, code) for n, code, _ in over.rejected] == [("c.jpg", "file_too_big")]


# ---- a batch's report, progress and captions ----------------------------------------------------


def test_a_batch_counts_each_step_each_reuse_and_every_stored_byte(demo_db, visit):
    files = [GPS / "DSCN0021.jpg", GPS / "DSCN0025.jpg", ORIENT_1]
    first = ph.import_files(demo_db, visit.id, files, item_code="B5")
    stored = sum(
        len(ph.photo_bytes(demo_db, a.photo_sha256)) + len(ph.thumb_bytes(demo_db, a.photo_sha256))
        for a in first.imported
    )
    assert first.stored_bytes == stored and first.reused == 0
    steps = []
    again = ph.import_files(
        demo_db, visit.id, [*files, files[0]], item_code="B6", progress=lambda d, t: steps.append((d, t))
    )
    assert steps == [(0, 3), (1, 3), (2, 3), (3, 3)]  # the repeated file is one file
    assert again.reused == 3 and again.stored_bytes == 0 and len(again.imported) == 3


def test_the_same_photo_twice_in_one_batch_is_a_repeat_the_second_time(demo_db, visit, tmp_path):
    copy = tmp_path / "copy.jpg"
    copy.write_bytes(ORIENT_1.read_bytes())
    report = ph.import_files(demo_db, visit.id, [ORIENT_1, copy], item_code="B2")
    assert len(report.imported) == 1 and report.duplicates == ["copy.jpg"]


def test_a_batch_on_a_signed_visit_keeps_its_reason_on_every_change(demo_db, visit):
    ins.update_visit(demo_db, visit.id, status="signed")
    report = ph.import_files(demo_db, visit.id, [ORIENT_1], item_code="B2", reason="bổ sung ảnh", author="Lan")
    changes = _changes(demo_db, report.imported[0].id)
    assert {(e["author"], e["reason"]) for e in changes} == {("Lan", "bổ sung ảnh")}


def test_the_default_caption_names_the_item_in_its_own_words_and_when_the_photo_was_taken():
    item = SimpleNamespace(code="B5", text_vi="Niêm yết công khai / Public posting")
    assert ph.default_caption(item, "2026-11-17T09:42") == "B5 – Niêm yết công khai, chụp lúc 09 giờ 42 ngày 17/11/2026"
    assert ph.default_caption(item, "2026-11-17T09:4") == "B5 – Niêm yết công khai, không rõ thời gian chụp"
    assert ph.default_caption(None, None) == "Ảnh không rõ thời gian chụp"
    sixty = "một hai ba bốn năm sáu bảy tám chín mười một hai ba bốn năm sáu"[:60]
    assert len(sixty) == 60
    assert ph.default_caption(SimpleNamespace(code="A1", text_vi=sixty), None).startswith(f"A1 – {sixty},")
    long = sixty + "x bảy"  # longer than 60: cut at the last space before the 60th letter, with "…"
    words = sixty.rsplit(" ", 1)[0]
    assert ph.default_caption(SimpleNamespace(code="A1", text_vi=long), None) == (
        f"A1 – {words}…, không rõ thời gian chụp"
    )
    spaced = "Cán bộ một cửa có đeo thẻ và có bảng tên tại vị trí làm việc theo quy định hiện hành"
    got = ph.default_caption(SimpleNamespace(code="C2", text_vi=spaced), None)
    assert got == "C2 – Cán bộ một cửa có đeo thẻ và có bảng tên tại vị trí làm…, không rõ thời gian chụp"


# ---- JPEG decoding ----------------------------------------------------------------------------------


def _jpeg(tmp_path, name: str, size: tuple[int, int], **save) -> Path:
    p = tmp_path / name
    Image.effect_noise(size, 40).convert("RGB").save(p, "JPEG", quality=85, **save)
    return p


def test_a_large_jpeg_is_decoded_once_at_a_reduced_scale_and_a_progressive_one_twice(tmp_path, monkeypatch):
    from PIL.JpegImagePlugin import JpegImageFile

    drafts, loads = [], []
    real_draft, real_load = JpegImageFile.draft, JpegImageFile.load

    def draft(self, mode, size):
        drafts.append((mode, size))
        return real_draft(self, mode, size)

    def load(self):
        if all(im is not self for im in loads):  # each picture decoded (load is called again on a loaded one)
            loads.append(self)
        return real_load(self)

    monkeypatch.setattr(JpegImageFile, "draft", draft)
    monkeypatch.setattr(JpegImageFile, "load", load)
    base = ph.process_file(_jpeg(tmp_path, "base.jpg", (2400, 1600)), max_edge=600)
    assert (base.width, base.height) == (600, 400)
    assert drafts == [("RGB", (600, 400))] and len(loads) == 1 and max(loads[0].size) < 2400  # one decode, scaled
    drafts.clear(), loads.clear()
    prog = ph.process_file(_jpeg(tmp_path, "prog.jpg", (2400, 1600), progressive=True), max_edge=600)
    assert (prog.width, prog.height) == (600, 400)
    assert drafts == [("RGB", (600, 400))] * 2 and len(loads) == 2  # as it is, and with stray bytes at its end
    drafts.clear(), loads.clear()
    small = ph.process_file(_jpeg(tmp_path, "small.jpg", (300, 200)), max_edge=600)
    assert (small.width, small.height) == (300, 200) and drafts == [] and len(loads) == 1


def test_a_progressive_jpeg_whose_last_scan_lost_bytes_is_refused_as_truncated(tmp_path):
    data = _jpeg(tmp_path, "prog.jpg", (640, 480), progressive=True).read_bytes()
    last_sos = data.rindex(b"\xff\xda")
    length = int.from_bytes(data[last_sos + 2 : last_sos + 4], "big")
    start, end = last_sos + 2 + length, len(data) - 2  # the last scan's coded bytes, before EOI
    assert end - start > 400
    damaged = data[: start + 100] + data[end - 100 :]  # its middle gone, the end marker kept
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("prog.jpg", data=damaged)
    assert (r.value.code, r.value.detail) == ("truncated", "image file is truncated (the last scan ends early)")


# ---- EXIF -------------------------------------------------------------------------------------------


def _with_exif(tags: dict[int, object] | None = None, *, exif_ifd=None, gps=None) -> Image.Image:
    """A small JPEG carrying the given EXIF, opened again as a camera file would be."""
    exif = Image.Exif()
    for k, v in (tags or {}).items():
        exif[k] = v
    if exif_ifd:
        exif.get_ifd(0x8769).update(exif_ifd)
    if gps:
        exif.get_ifd(0x8825).update(gps)
    out = io.BytesIO()
    Image.new("RGB", (8, 6), "white").save(out, "JPEG", exif=exif.tobytes())
    return Image.open(io.BytesIO(out.getvalue()))


def test_orientation_outside_one_to_eight_reads_as_upright():
    for raw, want in ((6, 6), (8, 8), (1, 1), (0, 1), (9, 1)):
        assert ph._exif_meta(_with_exif({0x0112: raw}))[0] == want, raw
    assert ph._exif_meta(_with_exif())[0] == 1


def test_the_time_taken_comes_from_the_original_then_the_digitised_then_the_file_time():
    both = {0x9003: "2026:11:17 09:42:05", 0x9004: "2026:11:18 10:00:00"}
    assert ph._exif_meta(_with_exif(exif_ifd=both))[1] == "2026-11-17T09:42:05"
    assert ph._exif_meta(_with_exif(exif_ifd={0x9004: "2026:11:18 10:00:00"}))[1] == "2026-11-18T10:00:00"
    assert ph._exif_meta(_with_exif({0x0132: "2026:11:19 11:11:11"}))[1] == "2026-11-19T11:11:11"
    padded = _with_exif(exif_ifd={0x9003: "2026:11:17 09:42:05\x00 "})
    assert ph._exif_meta(padded)[1] == "2026-11-17T09:42:05"
    assert ph._exif_meta(_with_exif(exif_ifd={0x9003: "not a date"}))[1] is None
    assert ph._exif_meta(_with_exif())[1] is None


def test_a_gps_position_with_its_hemispheres_and_impossible_ones_left_out(caplog):
    caplog.set_level("INFO", logger="inspector.photos")

    def pos(lat, lat_ref, lon, lon_ref):
        return ph._exif_meta(_with_exif(gps={1: lat_ref, 2: lat, 3: lon_ref, 4: lon}))[2:4]

    hanoi = ((21.0, 1.0, 42.6), (105.0, 51.0, 15.12))
    assert pos(hanoi[0], "N", hanoi[1], "E") == (21.0285, 105.8542)
    assert pos(hanoi[0], "S", hanoi[1], "W") == (-21.0285, -105.8542)
    assert pos(hanoi[0], "s", hanoi[1], "w") == (-21.0285, -105.8542)
    assert pos((0.0, 0.0, 0.0), "N", (0.0, 0.0, 0.0), "E") == (None, None)  # a camera without a fix
    assert pos((91.0, 0.0, 0.0), "N", (10.0, 0.0, 0.0), "E") == (None, None)
    assert pos((10.0, 0.0, 0.0), "N", (181.0, 0.0, 0.0), "E") == (None, None)
    assert pos((90.0, 0.0, 0.0), "N", (180.0, 0.0, 0.0), "W") == (90.0, -180.0)  # the edges themselves
    only_lat = ph._exif_meta(_with_exif(gps={1: "N", 2: (21.0, 1.0, 42.6)}))
    assert only_lat[2:4] == (None, None)
    only_lon = ph._exif_meta(_with_exif(gps={3: "E", 4: (105.0, 51.0, 15.12)}))
    assert only_lon[2:4] == (None, None)
    no_ref = ph._exif_meta(_with_exif(gps={2: (21.0, 1.0, 42.6), 4: (105.0, 51.0, 15.12)}))
    assert no_ref[2:4] == (21.0285, 105.8542)  # no hemisphere: north and east
    assert not caplog.records  # a position the camera did not record is not an unreadable one


def test_the_camera_is_its_model_with_the_maker_in_front_unless_the_model_names_it():
    def cam(make=None, model=None):
        tags = {}
        if make is not None:
            tags[0x010F] = make
        if model is not None:
            tags[0x0110] = model
        return ph._exif_meta(_with_exif(tags))[4]

    assert cam("Canon", "Canon EOS 40D") == "Canon EOS 40D"
    assert cam("NIKON CORPORATION", "NIKON D70") == "NIKON D70"
    assert cam("Apple", "iPhone 13 Pro Max") == "Apple iPhone 13 Pro Max"
    assert cam("Samsung", None) == "Samsung"
    assert cam(None, "iPhone 13") == "iPhone 13"
    assert cam("  ", "\x00") is None
    assert cam() is None


# ---- decoding to the stored photo -------------------------------------------------------------------


def _png(im: Image.Image, **save) -> bytes:
    out = io.BytesIO()
    im.save(out, "PNG", **save)
    return out.getvalue()


def _stored(data: bytes, **kw) -> Image.Image:
    p = ph.process_file("x.png", data=data, **kw)
    got = Image.open(io.BytesIO(p.data))
    got.load()
    return got


def test_transparent_parts_become_white_and_other_modes_plain_rgb():
    rgba = Image.new("RGBA", (32, 32), (255, 0, 0, 0))
    rgba.paste((0, 0, 255, 255), (0, 0, 16, 32))  # the left half opaque blue
    got = _stored(_png(rgba)).convert("RGB")
    assert min(got.getpixel((28, 16))) > 235  # transparent: white, not red
    assert got.getpixel((4, 16))[2] > 200 and got.getpixel((4, 16))[0] < 60  # opaque blue stays blue
    la = Image.new("LA", (4, 4), (0, 0))
    assert min(_stored(_png(la)).getpixel((1, 1))) > 240
    p = Image.new("P", (4, 4), 0)
    p.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    assert min(_stored(_png(p, transparency=0)).getpixel((1, 1))) > 240  # palette colour 0 is transparent
    assert max(_stored(_png(p)).getpixel((1, 1))) < 15  # without transparency: black
    grey = Image.new("L", (4, 4), 100)
    assert _stored(_png(grey)).mode == "RGB"


def test_sixteen_bit_scans_are_scaled_to_eight_bits():
    im = Image.new("I;16", (4, 2))
    for x in range(4):
        im.putpixel((x, 0), 65535)
        im.putpixel((x, 1), 32768)
    got = _stored(_png(im)).convert("L")
    assert got.getpixel((0, 0)) > 245 and 120 <= got.getpixel((0, 1)) <= 136


def test_sizes_of_the_stored_photo_and_its_thumbnail_and_its_hash():
    p = ph.process_file("x.png", data=_png(Image.effect_noise((1000, 500), 30).convert("RGB")), max_edge=400)
    assert (p.width, p.height) == (400, 200) and Image.open(io.BytesIO(p.data)).size == (400, 200)
    assert Image.open(io.BytesIO(p.thumb)).size == (256, 128)
    import hashlib

    assert p.sha256 == hashlib.sha256(p.data).hexdigest() and p.source_name == "x.png"
    small = ph.process_file("y.png", data=_png(Image.new("RGB", (300, 100), "red")), max_edge=400)
    assert (small.width, small.height) == (300, 100) and Image.open(io.BytesIO(small.thumb)).size == (256, 85)


def test_formats_not_taken_and_files_too_large_in_pixels(monkeypatch):
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "BMP")
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.bmp", data=out.getvalue())
    assert (r.value.code, r.value.detail) == ("unsupported", "BMP")
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.txt", data=b"hello, not a picture at all")
    assert r.value.code == "not_image"
    png = _png(Image.new("RGB", (40, 30)))
    monkeypatch.setattr(ph, "MAX_PIXELS", 40 * 30)  # at the limit: taken
    assert ph.process_file("x.png", data=png).width == 40
    monkeypatch.setattr(ph, "MAX_PIXELS", 40 * 30 - 1)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.png", data=png)
    assert (r.value.code, r.value.detail) == ("too_large", "40×30")


def test_a_library_setting_that_lets_cut_files_through_is_turned_off(monkeypatch, caplog):
    from PIL import ImageFile

    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = _png(Image.effect_noise((64, 48), 40).convert("RGB"))
    with caplog.at_level("WARNING"), pytest.raises(ph.Rejected) as r:
        ph.process_file("cut.png", data=data[: len(data) - 40])
    assert r.value.code == "truncated" and ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert "LOAD_TRUNCATED_IMAGES" in caplog.text


def test_an_attachment_carries_every_field_of_its_photo(demo_db, visit):
    a = ph.import_files(demo_db, visit.id, [GPS / "DSCN0021.jpg"], item_code="B5", caption="Bảng").imported[0]
    row = demo_db.execute(
        "SELECT width, height, taken_at, gps_lat, gps_lon, camera, source_name, source_sha256, length(data) "
        "FROM photos WHERE sha256 = ?",
        [a.photo_sha256],
    ).fetchone()
    got = ph.get_attachment(demo_db, a.id)
    assert (got.id, got.visit_id, got.item_code, got.caption, got.ord) == (a.id, visit.id, "B5", "Bảng", 1)
    assert (got.confirmed, got.deleted, got.flags) == (False, False, ())
    assert (
        got.width,
        got.height,
        got.taken_at,
        got.gps_lat,
        got.gps_lon,
        got.camera,
        got.source_name,
        got.source_sha256,
        got.size,
    ) == tuple(row)
    assert got.width > got.height and got.camera and got.taken_at.startswith("2008-10-22")
    assert got.source_name == "DSCN0021.jpg" and len(got.source_sha256) == 64 and got.source_sha256 != got.photo_sha256
    demo_db.execute("UPDATE attachments SET item_code = '', confirmed = 1, deleted = 1 WHERE id = ?", [a.id])
    demo_db.conn.commit()
    again = ph.get_attachment(demo_db, a.id)
    assert again.item_code is None and again.confirmed is True and again.deleted is True


# ---- JPEG structure ---------------------------------------------------------------------------------


def _seg(marker: int, payload: bytes = b"") -> bytes:
    return b"\xff" + bytes([marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


SOI, EOI = b"\xff\xd8", b"\xff\xd9"
APP0 = _seg(0xE0, b"JFIF\0\1\1\0\0\1\0\1\0\0")
SOF0, SOF2 = _seg(0xC0, b"\x08\0\x10\0\x10\x01\x01\x11\0"), _seg(0xC2, b"\x08\0\x10\0\x10\x01\x01\x11\0")
SOS = _seg(0xDA, b"\x01\x01\0\0\x3f\0")
CODED = b"\x12\x34\xff\x00\x56"  # entropy-coded bytes, with a stuffed 0xFF


def _layout(data: bytes):
    got = ph._jpeg_layout(data)
    return None if got is None else (got.scan_end, got.scans, got.sof)


def test_the_layout_of_a_jpeg_its_last_scan_end_its_scan_count_and_frame_type():
    data = SOI + APP0 + SOF0 + SOS + CODED + EOI
    assert _layout(data) == (len(data) - 2, 1, 0xC0)
    two = SOI + SOF2 + SOS + CODED + SOS + CODED + b"\x77" + EOI
    assert _layout(two) == (len(two) - 2, 2, 0xC2)
    assert _layout(SOI + SOF0 + SOF2 + SOS + CODED + EOI)[2] == 0xC0  # the first frame header counts
    assert _layout(SOI + APP0 + SOS + CODED + EOI)[2] == 0  # no frame header at all
    assert _layout(SOI + APP0 + EOI) is None  # no scan: the decoder says what is wrong


def test_fill_bytes_stray_bytes_and_markers_without_a_length_are_stepped_over():
    tail = SOF0 + SOS + CODED + EOI
    for between in (b"\xff\xff\xff", b"stray", b"\xff\x01", b"\xff\xd0", b"\xff\xd7", b"\xff\xd8", b"\xff\x00"):
        data = SOI + APP0 + between + tail
        assert _layout(data) == (len(data) - 2, 1, 0xC0), between
    padded = SOI + SOF0 + b"\xff\xff\xff\xc4" + (2).to_bytes(2, "big") + SOS + CODED + EOI  # fill bytes, then DHT
    assert _layout(padded) == (len(padded) - 2, 1, 0xC0)
    empty_app = SOI + _seg(0xE1) + tail  # a segment of length 2 (no payload) is whole
    assert _layout(empty_app) == (len(empty_app) - 2, 1, 0xC0)
    assert _layout(SOI + b"\xff\xe1\x00\x01" + tail) is None  # a length under 2: not a JPEG to follow


def test_fill_bytes_at_the_end_of_the_last_scan_are_not_part_of_it():
    data = SOI + SOF0 + SOS + CODED + b"\xff\xff\xff" + EOI
    assert _layout(data) == (len(data) - 5, 1, 0xC0)


def test_a_jpeg_cut_anywhere_is_found():
    whole = SOI + APP0 + SOF0 + SOS + CODED + EOI
    for cut in range(3, len(whole)):
        with pytest.raises(ph._Cut):
            ph._jpeg_layout(whole[:cut])
    with pytest.raises(ph._Cut):
        ph._jpeg_layout(SOI + APP0 + b"\xff")  # a marker's first byte, then the end
    with pytest.raises(ph._Cut):
        ph._jpeg_layout(SOI + APP0 + b"\xff\xff\xff")  # fill bytes to the end
    with pytest.raises(ph._Cut):
        ph._jpeg_layout(SOI + APP0 + b"no marker after this")


class _Exif(dict):
    """What Image.getexif() gives, with chosen keys raising as a damaged block does."""

    def __init__(self, tags=None, ifds=None, broken=()):
        super().__init__(tags or {})
        self.ifds, self.broken = ifds or {}, set(broken)

    def get(self, key, default=None):
        if key in self.broken:
            raise ValueError(f"bad tag {key}")
        return super().get(key, default)

    def get_ifd(self, key):
        if key in self.broken:
            raise ValueError(f"bad directory {key}")
        return self.ifds.get(key, {})


def _meta(exif=None, error=None, name="IMG_1.jpg"):
    class Im:
        def getexif(self):
            if error:
                raise error
            return exif

    return ph._exif_meta(Im(), name)


def test_each_unreadable_part_of_the_exif_is_left_out_and_logged_with_the_files_name(caplog):
    with caplog.at_level("INFO", logger="inspector.photos"):
        assert _meta(error=SyntaxError("not exif")) == (1, None, None, None, None)
        assert _meta(error=ValueError("x"), name="") == (1, None, None, None, None)
        assert _meta(_Exif(broken={0x0112, 0x8769, 0x8825, 0x010F})) == (1, None, None, None, None)
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        "IMG_1.jpg: EXIF block unreadable (SyntaxError: not exif)",
        "photo: EXIF block unreadable (ValueError: x)",
        "IMG_1.jpg: EXIF orientation unreadable (ValueError: bad tag 274)",
        "IMG_1.jpg: EXIF date unreadable (ValueError: bad directory 34665)",
        "IMG_1.jpg: EXIF GPS position unreadable (ValueError: bad directory 34853)",
        "IMG_1.jpg: EXIF camera unreadable (ValueError: bad tag 271)",
    ]


def test_dates_given_as_bytes_with_padding_or_fractions_are_read():
    def taken(raw):
        return _meta(_Exif(ifds={0x8769: {0x9003: raw}}))[1]

    assert taken(b"2026:11:17 09:42:05") == "2026-11-17T09:42:05"
    assert taken(b"2026:11:17 09:42:05\xff\x00") == "2026-11-17T09:42:05"  # a byte that is not ASCII: dropped
    assert taken("\x00 2026:11:17 09:42:05") == "2026-11-17T09:42:05"
    assert taken("2026:11:17 09:42:05.123") == "2026-11-17T09:42:05"  # fractions of a second
    assert taken(b"") is None


def test_a_photo_goes_on_an_item_of_the_visits_own_criteria_set(tmp_path):
    import inspector
    from inspector import checklist as cl
    from inspector import criteria_xlsx as cx
    from tests.test_criteria import workbook

    db = inspector.open_db(tmp_path / "kh.sqlite3")
    version, _ = cl.add_version(db, cx.read(workbook(tmp_path / "kh.xlsx")))
    own = next(i.code for i in version.items if cl.get(db, None).by_code.get(i.code) is None)
    insp = ins.create_inspection(db, title="Kiểm tra 2026", checklist_version=version.id)
    v = ins.add_visit(db, insp.id, commune="Ninh Xuân", province="Khánh Hòa")
    a = ph.import_files(db, v.id, [ORIENT_1], item_code=own).imported[0]
    assert a.item_code == own


def test_photos_of_the_visit_itself_are_numbered_in_turn(demo_db, visit):
    first = ph.import_files(demo_db, visit.id, [ORIENT_1]).imported[0]
    second = ph.attach(demo_db, visit.id, first.photo_sha256)
    on_item = ph.attach(demo_db, visit.id, first.photo_sha256, item_code="B1")
    assert (first.ord, second.ord, on_item.ord) == (1, 2, 1)


def test_an_unknown_attachment_is_refused_as_a_photo(demo_db):
    with pytest.raises(E.NotFound) as nf:
        ph.get_attachment(demo_db, "ffffffff")
    assert nf.value.what == "photo"


def test_a_processed_photo_carries_its_source_and_what_its_exif_says():
    import hashlib

    src = GPS / "DSCN0021.jpg"
    p = ph.process_file(src)
    with Image.open(src) as im:
        orientation, taken, lat, lon, camera = ph._exif_meta(im)
    assert (p.source_name, p.source_sha256) == ("DSCN0021.jpg", hashlib.sha256(src.read_bytes()).hexdigest())
    assert (p.taken_at, p.gps_lat, p.gps_lon, p.camera) == (taken, lat, lon, camera)
    assert taken and lat is not None and lon is not None and camera and p.original is None


@pytest.mark.parametrize(
    "error,code,detail",
    [
        (
            OSError("image file is truncated (3 bytes not processed)"),
            "truncated",
            "image file is truncated (3 bytes not processed)",
        ),
        (
            OSError("broken data stream when reading image file"),
            "truncated",
            "broken data stream when reading image file",
        ),
        (OSError("decoder error -2 " + "x" * 100), "unreadable", ("decoder error -2 " + "x" * 100)[:80]),
        (ValueError("bad"), "unreadable", "ValueError"),
        (EOFError(), "unreadable", "EOFError"),
        (SyntaxError("bad"), "unreadable", "SyntaxError"),
        (MemoryError(), "too_large", ""),  # too many pixels for this machine
        (RuntimeError("odd"), "unreadable", "RuntimeError"),
    ],
)
def test_what_a_decoder_raises_becomes_a_refusal_with_its_code_and_detail(monkeypatch, error, code, detail):
    from PIL import PngImagePlugin

    def load(self):
        raise error

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", load)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.png", data=_png(Image.new("RGB", (8, 8))))
    assert (r.value.code, r.value.detail) == (code, detail)


def test_memory_running_out_after_decoding_is_a_photo_too_large(monkeypatch):
    def thumbnail(self, *a, **k):
        raise MemoryError

    monkeypatch.setattr(Image.Image, "thumbnail", thumbnail)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.png", data=_png(Image.new("RGB", (800, 600))), max_edge=400)
    assert (r.value.code, r.value.detail) == ("too_large", "")


def test_a_header_a_reader_chokes_on_is_refused_as_unreadable(monkeypatch):
    def choke(*a, **k):
        raise struct.error("unpack requires a buffer")

    monkeypatch.setattr(Image, "open", choke)
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("x.png", data=_png(Image.new("RGB", (8, 8))))
    assert (r.value.code, r.value.detail) == ("unreadable", "error")


def test_pillow_is_set_up_once_with_heic_and_without_its_own_pixel_limit(monkeypatch, caplog):
    import sys

    import pillow_heif

    calls = []
    monkeypatch.setattr(ph, "_heif_registered", False)
    monkeypatch.setattr(pillow_heif, "register_heif_opener", lambda: calls.append(1))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    assert ph._pillow() is Image and calls == [1] and Image.MAX_IMAGE_PIXELS is None
    assert ph._heif_registered is True
    ph._pillow()
    assert calls == [1]  # once
    monkeypatch.setattr(ph, "_heif_registered", False)
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # not installed
    with caplog.at_level("WARNING", logger="inspector.photos"):
        assert ph._pillow() is Image
    assert [r.getMessage() for r in caplog.records] == ["pillow-heif missing: HEIC photos cannot be imported"]


def test_a_riff_file_that_is_not_webp_is_not_checked_as_one():
    wav = b"RIFF" + (10_000).to_bytes(4, "little") + b"WAVEfmt " + b"\0" * 20  # declares more than it has
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("sound.jpg", data=wav)
    assert r.value.code == "not_image"
    webp = b"RIFF" + (10_000).to_bytes(4, "little") + b"WEBPVP8 " + b"\0" * 20
    with pytest.raises(ph.Rejected) as r:
        ph.process_file("cut.webp", data=webp)
    assert r.value.code == "truncated"


def test_a_structure_too_odd_to_follow_is_left_to_the_decoder_and_logged(monkeypatch, caplog):
    def odd(data):
        raise RuntimeError("odd chunk")

    monkeypatch.setattr(ph, "_check_png", odd)
    with caplog.at_level("INFO", logger="inspector.photos"):
        p = ph.process_file("x.png", data=_png(Image.new("RGB", (8, 6))))
    assert (p.width, p.height) == (8, 6)
    assert "photo structure not checked: RuntimeError('odd chunk')" in [r.getMessage() for r in caplog.records]


def test_a_refused_file_is_logged_with_its_name_and_the_error(monkeypatch, caplog):
    def choke(*a, **k):
        raise struct.error("unpack requires a buffer")

    monkeypatch.setattr(Image, "open", choke)
    with caplog.at_level("INFO", logger="inspector.photos"), pytest.raises(ph.Rejected):
        ph.process_file("IMG_7.png", data=_png(Image.new("RGB", (8, 8))))
    assert "photo IMG_7.png refused: error('unpack requires a buffer')" in [r.getMessage() for r in caplog.records]


def test_positions_at_the_poles_the_date_line_and_the_equator_and_seven_decimals():
    def pos(lat, lat_ref, lon, lon_ref):
        return ph._exif_meta(_with_exif(gps={1: lat_ref, 2: lat, 3: lon_ref, 4: lon}))[2:4]

    assert pos((90.0, 0.0, 0.0), "S", (180.0, 0.0, 0.0), "E") == (-90.0, 180.0)
    assert pos((90.0, 30.0, 0.0), "S", (10.0, 0.0, 0.0), "E") == (None, None)  # past the pole
    assert pos((10.0, 0.0, 0.0), "N", (180.0, 30.0, 0.0), "W") == (None, None)
    assert pos((0.0, 0.0, 0.0), "N", (105.0, 0.0, 0.0), "E") == (0.0, 105.0)  # on the equator: a place
    assert pos((21.0, 1.0, 42.61234), "N", (105.0, 51.0, 15.12345), "E") == (21.0285034, 105.8542010)


def test_camera_names_padded_with_nuls_and_makers_beginning_with_x():
    def cam(make, model):
        return ph._exif_meta(_with_exif({0x010F: make, 0x0110: model}))[4]

    assert cam("Canon\x00\x00", "\x00Canon EOS 40D\x00") == "Canon EOS 40D"
    assert cam("Xiaomi", "MI 9") == "Xiaomi MI 9"
    assert cam("XIAOMI", "Xiaomi 13T") == "Xiaomi 13T"


def test_a_one_pixel_image_is_a_photo_too():
    p = ph.process_file("dot.png", data=_png(Image.new("RGB", (1, 1), "red")))
    assert (p.width, p.height) == (1, 1)
    tall = ph.process_file("line.png", data=_png(Image.new("RGB", (1, 40), "red")))
    assert (tall.width, tall.height) == (1, 40)


def test_the_stored_photo_and_its_thumbnail_use_their_jpeg_qualities():
    def tables(quality: int) -> dict:
        out = io.BytesIO()
        Image.effect_noise((64, 64), 40).convert("RGB").save(out, "JPEG", quality=quality)
        return Image.open(io.BytesIO(out.getvalue())).quantization

    p = ph.process_file("x.png", data=_png(Image.effect_noise((600, 400), 40).convert("RGB")))
    assert Image.open(io.BytesIO(p.data)).quantization == tables(ph.QUALITY)
    assert Image.open(io.BytesIO(p.thumb)).quantization == tables(80)
