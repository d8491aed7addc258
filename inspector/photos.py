"""Photos: imported upright and small, stored once by content, attached to a visit or an item.

A photo row (table `photos`) is immutable and addressed by the SHA-256 of its stored bytes: the
camera's picture turned upright (EXIF orientation), at most `max_edge` pixels on its long edge,
JPEG quality 85, with a 256-pixel thumbnail and the metadata kept (time taken, GPS, camera,
original file name). The same source file imported twice is found by the SHA-256 of its bytes and
never processed or stored again. An attachment (entity "attachment", synced by events) puts a
photo on a visit, optionally on one checklist item, with a caption and an order.

Decoding uses Pillow's draft mode (a JPEG is decoded at a reduced scale straight away) and runs
on a pool of threads: Pillow releases the GIL while decoding, resizing and encoding.
"""

from __future__ import annotations

import hashlib
import io
import logging
import math
import re
import statistics
import struct
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import checklist as cl
from . import events
from .db import Database, atomic
from .errors import InspectorError, InvalidInput, NotFound
from .messages import REASONS as MESSAGES
from .messages import text as message_text
from .text import clean_line

logger = logging.getLogger(__name__)

MAX_EDGE = 2000
THUMB_EDGE = 256
QUALITY = 85
MAX_PIXELS = 100_000_000  # a 40000 × 40000 "photo" is a decompression bomb, not a camera
MAX_FILE_BYTES = 300 * 1024 * 1024
EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".hif", ".tif", ".tiff", ".webp"}
FORMATS = {"JPEG", "MPO", "PNG", "HEIF", "TIFF", "WEBP"}
FAR_METRES = 2000  # a photo this far from the others of the visit is flagged

# Why a file was refused: a code (report, JSON, the UI's own words) whose English and Vietnamese
# sentences are in inspector.messages under "photo_" + code (see message_code).
CODES = (
    "missing",
    "empty",
    "folder_empty",
    "not_image",
    "unsupported",
    "truncated",
    "too_large",
    "file_too_big",
    "unreadable",
)


def message_code(code: str) -> str:
    """The inspector.messages key of a refusal code ("missing": "photo_not_found", the package
    reason "photo_missing" being taken)."""
    return "photo_not_found" if code == "missing" else "photo_" + code


def reason_text(code: str, lang: str = "en") -> str:
    """The sentence of a refusal code in English ("en") or Vietnamese ("vi")."""
    key = message_code(code)
    return message_text(key, lang) if key in MESSAGES else code


_heif_registered = False


def _pillow():
    """Pillow with HEIC/HEIF support; the bomb limit is ours (checked before decoding)."""
    global _heif_registered
    from PIL import Image

    if not _heif_registered:
        try:
            import pillow_heif

            pillow_heif.register_heif_opener()
        except ImportError:  # pragma: no cover - a dependency
            logger.warning("pillow-heif missing: HEIC photos cannot be imported")
        Image.MAX_IMAGE_PIXELS = None  # we refuse large images ourselves, with a clear reason
        _heif_registered = True
    return Image


class Rejected(InspectorError):
    """A file refused as a photo: `code` (see CODES) and `detail` (what the decoder said, if
    anything); str() is the English sentence, `reason_vi` the Vietnamese one."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code, self.detail = code, detail
        more = f" ({detail})" if detail else ""
        self.reason_vi = reason_text(code, "vi") + more
        super().__init__(reason_text(code) + more)


@dataclass(slots=True)
class Processed:
    """A camera file turned into what is stored."""

    source_name: str
    source_sha256: str
    sha256: str
    data: bytes
    thumb: bytes
    width: int
    height: int
    taken_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    camera: str | None
    original: bytes | None


# ---- reading a file ------------------------------------------------------------------------

# What Pillow's EXIF reading and our parsing of its values raise on a damaged or odd block
_EXIF_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    OSError,
    SyntaxError,
    ZeroDivisionError,
    OverflowError,
    struct.error,
)


def _exif_meta(im, name: str = "") -> tuple[int, str | None, float | None, float | None, str | None]:
    """(orientation, taken_at ISO, lat, lon, camera) from EXIF; anything unreadable is left out
    (and logged with the file's name): a damaged EXIF block never stops an import."""

    def unreadable(what: str, exc: Exception) -> None:
        logger.info("%s: EXIF %s unreadable (%s: %s)", name or "photo", what, type(exc).__name__, exc)

    orientation, taken, lat, lon, camera = 1, None, None, None, None
    try:
        exif = im.getexif()
    except _EXIF_ERRORS as exc:  # damaged EXIF must not stop the import
        unreadable("block", exc)
        return orientation, taken, lat, lon, camera
    try:
        o = int(exif.get(0x0112, 1) or 1)
        orientation = o if 1 <= o <= 8 else 1
    except _EXIF_ERRORS as exc:
        unreadable("orientation", exc)
    try:
        ifd = exif.get_ifd(0x8769)
        raw = ifd.get(0x9003) or ifd.get(0x9004) or exif.get(0x0132)
        if isinstance(raw, bytes):
            raw = raw.decode("ascii", "ignore")
        if raw:
            taken = datetime.strptime(str(raw).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S").isoformat(timespec="seconds")
    except _EXIF_ERRORS as exc:
        unreadable("date", exc)
        taken = None
    try:
        gps = exif.get_ifd(0x8825)
        if gps and 2 in gps and 4 in gps:

            def deg(v) -> float:
                d, m, s = (float(x) for x in v)
                return d + m / 60 + s / 3600

            la, lo = deg(gps[2]), deg(gps[4])
            if str(gps.get(1, "N")).upper().startswith("S"):
                la = -la
            if str(gps.get(3, "E")).upper().startswith("W"):
                lo = -lo
            if -90 <= la <= 90 and -180 <= lo <= 180 and not (la == 0 and lo == 0) and math.isfinite(la + lo):
                lat, lon = round(la, 7), round(lo, 7)
    except _EXIF_ERRORS as exc:
        unreadable("GPS position", exc)
        lat = lon = None
    try:
        make = str(exif.get(0x010F, "") or "").strip("\x00 ")
        model = str(exif.get(0x0110, "") or "").strip("\x00 ")
        if model and make and not model.lower().startswith(make.lower().split()[0]):
            model = f"{make} {model}"
        camera = clean_line(model or make) or None
    except _EXIF_ERRORS as exc:
        unreadable("camera", exc)
        camera = None
    return orientation, taken, lat, lon, camera


# ---- is the file whole? ------------------------------------------------------------------------
#
# A decoder handed an incomplete file may fill in what is missing instead of failing: libjpeg
# (through Pillow, which silences its warnings) paints grey every block after a scan that a marker
# cut short, libheif paints green the tiles whose bytes lie past the end of the file, libtiff
# warns and goes on. So whether a file is whole is decided here, from its structure, before and
# apart from decoding: every chunk, box, segment or strip it declares must lie inside the file, and
# a JPEG's last scan must be followed by its end marker. Only headers are read (and, in a JPEG,
# one C-speed search for the marker that ends each scan): the cost is negligible beside decoding.


class _Cut(Exception):
    """The file ends before what its structure declares."""


def _be(data: bytes, pos: int, size: int) -> int:
    if pos < 0 or pos + size > len(data):
        raise _Cut
    return int.from_bytes(data[pos : pos + size], "big")


def _le(data: bytes, pos: int, size: int) -> int:
    if pos < 0 or pos + size > len(data):
        raise _Cut
    return int.from_bytes(data[pos : pos + size], "little")


# The end of a scan's entropy-coded data: a marker, i.e. 0xFF followed by neither a stuffed zero,
# a restart marker (RST0-7: part of the scan) nor a fill 0xFF.
_SCAN_END = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_JPEG_SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # frame headers (DHT, JPG, DAC are not)


@dataclass(frozen=True, slots=True)
class _JpegLayout:
    scan_end: int  # where the entropy-coded data of the last scan ends (its end marker follows)
    scans: int
    sof: int  # 0xC0 baseline, 0xC1 extended, 0xC2 progressive, 0xC9… arithmetic


def _jpeg_layout(data: bytes) -> _JpegLayout | None:
    """The scans of the first image of a JPEG file, up to its end marker (EOI): raises _Cut when
    the file ends first, in a segment or a scan. What comes after the EOI (an MPO's second
    picture, a phone's trailer) is not looked at. None: no scan before the EOI (the decoder will
    say what is wrong)."""
    n = len(data)
    pos, scans, scan_end, sof = 2, 0, 0, 0
    while True:
        i = data.find(b"\xff", pos)  # like libjpeg, skip stray bytes between segments
        if i < 0:
            raise _Cut
        j = i + 1
        while j < n and data[j] == 0xFF:  # fill bytes
            j += 1
        if j >= n:
            raise _Cut
        marker, pos = data[j], j + 1
        if marker == 0xD9:  # EOI
            return _JpegLayout(scan_end, scans, sof) if scans else None
        if marker == 0x00 or 0xD0 <= marker <= 0xD8 or marker == 0x01:
            continue  # stuffed byte, RSTn, SOI, TEM: no length
        length = _be(data, pos, 2)
        if length < 2:
            return None
        end = pos + length
        if end > n:
            raise _Cut
        if marker in _JPEG_SOF and not sof:
            sof = marker
        if marker == 0xDA:  # SOS: the entropy-coded data runs to the next marker
            scans += 1
            m = _SCAN_END.search(data, end)
            if m is None:
                raise _Cut
            scan_end = m.start()
            while scan_end > end and data[scan_end - 1] == 0xFF:
                scan_end -= 1
            pos = m.start()
        else:
            pos = end


def _check_png(data: bytes) -> None:
    """Every chunk whole, up to IEND."""
    pos = 8
    while True:
        length, kind = _be(data, pos, 4), data[pos + 4 : pos + 8]
        pos += 12 + length
        if pos > len(data):
            raise _Cut
        if kind == b"IEND":
            return


def _check_webp(data: bytes) -> None:
    """The RIFF container holds as many bytes as it declares."""
    if len(data) < 8 + _le(data, 4, 4):
        raise _Cut


def _check_heif(data: bytes) -> None:
    """Every top-level box whole, and every extent of every item (iloc: the picture's tiles, its
    EXIF…) inside the file."""
    n, pos, meta = len(data), 0, None
    while pos < n:
        size, kind, head = _be(data, pos, 4), data[pos + 4 : pos + 8], 8
        if size == 1:
            size, head = _be(data, pos + 8, 8), 16
        elif size == 0:
            size = n - pos
        if size < head:
            return  # damaged: libheif will say so
        if pos + size > n:
            raise _Cut
        if kind == b"meta":
            meta = (pos + head + 4, pos + size)  # a full box: version and flags first
        pos += size
    if meta is None:
        return
    pos, end = meta
    while pos + 8 <= end:
        size, kind = _be(data, pos, 4), data[pos + 4 : pos + 8]
        if size < 8 or pos + size > end:
            return
        if kind == b"iloc":
            _check_iloc(data, pos + 8, pos + size)
            return
        pos += size


def _check_iloc(data: bytes, pos: int, end: int) -> None:
    """Every extent stored in the file itself (construction method 0) ends inside the file."""
    box = data[:end]  # reads past the box's end are a malformed box, not a cut file

    def num(at: int, size: int) -> int:
        return _be(box, at, size) if size else 0

    try:
        version = box[pos]
        sizes = num(pos + 4, 2)
        off_size, len_size, base_size = sizes >> 12, (sizes >> 8) & 15, (sizes >> 4) & 15
        index_size = sizes & 15 if version in (1, 2) else 0
        id_size = 4 if version == 2 else 2
        count, p = num(pos + 6, id_size), pos + 6 + id_size
        for _ in range(count):
            p += id_size
            method = 0
            if version in (1, 2):
                method, p = num(p, 2) & 15, p + 2
            ref, base = num(p, 2), num(p + 2, base_size)
            extents, p = num(p + 2 + base_size, 2), p + 4 + base_size
            for _ in range(extents):
                p += index_size
                offset, length = num(p, off_size), num(p + off_size, len_size)
                p += off_size + len_size
                if method == 0 and ref == 0 and base + offset + length > len(data):
                    raise _Cut("an item's bytes lie past the end of the file")
    except _Cut as exc:
        if exc.args:
            raise
    except IndexError:
        pass


_TIFF_TYPE_SIZE = {
    1: 1,
    2: 1,
    3: 2,
    4: 4,
    5: 8,
    6: 1,
    7: 1,
    8: 2,
    9: 4,
    10: 8,
    11: 4,
    12: 8,
    13: 4,
    16: 8,
    17: 8,
    18: 8,
}


def _check_tiff_header(data: bytes) -> None:
    """The first directory (IFD) and the values its tags point to lie inside the file (Pillow
    skips a tag whose value is cut off, with a warning only)."""
    get = _le if data[:2] == b"II" else _be
    if get(data, 2, 2) != 42:
        return  # BigTIFF or not a TIFF: Pillow decides
    n = len(data)
    ifd = get(data, 4, 4)
    entries = get(data, ifd, 2)
    if ifd + 2 + 12 * entries + 4 > n:
        raise _Cut
    for k in range(entries):
        e = ifd + 2 + 12 * k
        size = _TIFF_TYPE_SIZE.get(get(data, e + 2, 2), 0) * get(data, e + 4, 4)
        if size > 4 and get(data, e + 8, 4) + size > n:
            raise _Cut


def _check_tiff_strips(im, size: int) -> None:
    """Every strip or tile of the first picture lies inside the file."""
    tags = getattr(im, "tag_v2", None)
    if not tags:
        return
    for offsets_tag, counts_tag in ((273, 279), (324, 325)):
        offsets, counts = tags.get(offsets_tag), tags.get(counts_tag)
        if offsets is None or counts is None:
            continue
        offsets = offsets if isinstance(offsets, (tuple, list)) else (offsets,)
        counts = counts if isinstance(counts, (tuple, list)) else (counts,)
        if any(int(o) + int(c) > size for o, c in zip(offsets, counts)):
            raise _Cut


def _check_whole(data: bytes) -> _JpegLayout | None:
    """Raise Rejected("truncated") when the file ends before what its structure declares; the
    layout of a JPEG's scans (for _load_jpeg)."""
    try:
        if data[:3] == b"\xff\xd8\xff":
            return _jpeg_layout(data)
        if data[:8] == b"\x89PNG\r\n\x1a\n":
            _check_png(data)
        elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            _check_webp(data)
        elif data[4:8] == b"ftyp":
            _check_heif(data)
        elif data[:4] in (b"II*\x00", b"MM\x00*"):
            _check_tiff_header(data)
    except _Cut:
        raise Rejected("truncated", f"{len(data)} bytes") from None
    except Exception as exc:  # a structure too odd to follow: the decoder decides  # pragma: no cover
        logger.info("photo structure not checked: %r", exc)
    return None


def _load_jpeg(Image, im, data: bytes, layout: _JpegLayout | None, draft: tuple[int, int] | None):
    """Decode a JPEG so that a scan cut short is refused, not painted grey.

    libjpeg meeting a marker before a scan's last block fills the rest with zeros and only warns
    (Pillow discards the warning). So the decoder is given the file up to the end of its last
    scan followed by a few zero bytes and no marker: a whole scan is decoded before they are
    needed (they only let libjpeg read ahead), while a scan cut short runs out of bytes, the
    decoder waits for more and Pillow raises "image file is truncated". A file of several scans
    (progressive) needs its end marker before any pixel comes out, so it is decoded as it is and
    once more with stray bytes in place of its end: a whole last scan never reaches them, and the
    two pictures are the same.
    """
    from PIL.JpegImagePlugin import JpegImageFile

    def decode(stream: bytes):
        one = JpegImageFile(io.BytesIO(stream))
        if draft:
            one.draft("RGB", draft)
        one.load()
        return one

    if layout is None:
        if draft:
            im.draft("RGB", draft)
        im.load()
        return im
    head = data[: layout.scan_end]
    if layout.scans == 1 and layout.sof in (0xC0, 0xC1):  # sequential Huffman: one decode
        im.close()
        return decode(head + _JPEG_PAD)
    if draft:
        im.draft("RGB", draft)
    im.load()
    other = decode(head + _JPEG_STRAY + b"\xff\xd9")
    if other.size != im.size or other.tobytes() != im.tobytes():
        raise OSError("image file is truncated (the last scan ends early)")
    return im


_JPEG_PAD = bytes(8)  # what libjpeg reads ahead (57 bits) past the last block, no more
_JPEG_STRAY = b"\x5a\xa5" * 32  # bits that decode differently from the zeros libjpeg fills in


_TRANSPOSE = {
    2: "FLIP_LEFT_RIGHT",
    3: "ROTATE_180",
    4: "FLIP_TOP_BOTTOM",
    5: "TRANSPOSE",
    6: "ROTATE_270",
    7: "TRANSVERSE",
    8: "ROTATE_90",
}


def process_file(
    path: str | Path, *, max_edge: int = MAX_EDGE, keep_original: bool = False, data: bytes | None = None
) -> Processed:
    """Read a camera file and produce the stored photo. Raises Rejected with a reason."""
    path = Path(path)
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise Rejected("missing") from None
        if size == 0:
            raise Rejected("empty")
        if size > MAX_FILE_BYTES:
            raise Rejected("file_too_big", f"{size // (1024 * 1024)} MB")
        data = path.read_bytes()
    if not data:
        raise Rejected("empty")
    source_sha = hashlib.sha256(data).hexdigest()
    return _process_bytes(path.name, data, source_sha, max_edge=max_edge, keep_original=keep_original)


def _process_bytes(name: str, data: bytes, source_sha: str, *, max_edge: int, keep_original: bool) -> Processed:
    Image = _pillow()
    from PIL import ImageFile, UnidentifiedImageError

    if ImageFile.LOAD_TRUNCATED_IMAGES:  # would let a cut file through, painted grey: never for evidence
        logger.warning("PIL.ImageFile.LOAD_TRUNCATED_IMAGES was set; photo import turns it off")
        ImageFile.LOAD_TRUNCATED_IMAGES = False
    layout = _check_whole(data)
    try:
        im = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise Rejected("not_image") from None
    except Exception as exc:  # a reader that chokes on the header: refuse this file only
        logger.info("photo %s refused: %r", name, exc)
        raise Rejected("unreadable", type(exc).__name__) from None
    try:
        fmt = (im.format or "").upper()
        if fmt not in FORMATS:
            raise Rejected("unsupported", fmt or "?")
        w, h = im.size
        if w <= 0 or h <= 0:
            raise Rejected("unreadable", "no size")
        if w * h > MAX_PIXELS:
            raise Rejected("too_large", f"{w}×{h}")
        if fmt == "TIFF":
            try:
                _check_tiff_strips(im, len(data))
            except _Cut:
                raise Rejected("truncated", f"{len(data)} bytes") from None
        orientation, taken, lat, lon, camera = _exif_meta(im, name)
        scale = min(1.0, max_edge / max(w, h))
        try:
            if fmt in ("JPEG", "MPO"):
                draft = (max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))) if scale < 1 else None
                im = _load_jpeg(Image, im, data, layout, draft)
            else:
                im.load()
        except OSError as exc:
            text = str(exc).lower()
            raise Rejected(
                "truncated" if "truncat" in text or "broken" in text else "unreadable", str(exc)[:80]
            ) from None
        except (SyntaxError, ValueError, MemoryError, EOFError) as exc:
            raise Rejected("unreadable", type(exc).__name__) from None
        im = _to_rgb(im)
        if orientation != 1:
            im = im.transpose(getattr(Image.Transpose, _TRANSPOSE[orientation]))
        if max(im.size) > max_edge:
            im.thumbnail((max_edge, max_edge), Image.Resampling.BICUBIC, reducing_gap=2.0)
        out = io.BytesIO()
        im.save(out, "JPEG", quality=QUALITY)
        stored = out.getvalue()
        t = im.copy()
        t.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.BILINEAR)
        tout = io.BytesIO()
        t.save(tout, "JPEG", quality=80)
        return Processed(
            name,
            source_sha,
            hashlib.sha256(stored).hexdigest(),
            stored,
            tout.getvalue(),
            im.size[0],
            im.size[1],
            taken,
            lat,
            lon,
            camera,
            data if keep_original else None,
        )
    except Rejected:
        raise
    except MemoryError:
        raise Rejected("too_large") from None
    except Exception as exc:  # whatever a damaged file makes a decoder raise: refuse this file only
        logger.info("photo %s refused: %r", name, exc)
        raise Rejected("unreadable", type(exc).__name__) from None
    finally:
        try:
            im.close()
        except OSError:
            pass


def _to_rgb(im):
    if im.mode == "RGB":
        return im
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        from PIL import Image

        rgba = im.convert("RGBA")
        bg = Image.new("RGB", rgba.size, (255, 255, 255))
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if im.mode.startswith("I;16") or im.mode == "I":  # 16-bit scans: scale down to 8 bits
        return im.convert("I").point(lambda v: v / 256).convert("L").convert("RGB")
    return im.convert("RGB")


# ---- files and folders ----------------------------------------------------------------------


def _is_dir(p: Path) -> bool:
    try:
        return p.is_dir()
    except OSError:  # a file whose details cannot be read is refused when it is read
        return False


def expand(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to import from files and folders (recursively, image extensions only), and folders
    that held none."""
    files: list[Path] = []
    empty: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for p in paths:
        p = Path(p)
        if _is_dir(p):
            found = sorted(
                (
                    q
                    for q in p.rglob("*")
                    if q.suffix.lower() in EXTENSIONS and not q.name.startswith(".") and not _is_dir(q)
                ),
                key=lambda q: str(q).lower(),
            )
            if not found:
                empty.append((p.name, "folder_empty"))
            candidates = found
        else:
            candidates = [p]
        for q in candidates:
            try:
                key = q.resolve()  # one file named two ways (a link, "..") is read once
            except OSError:  # not even its details can be read: the batch refuses it by name
                key = q
            if key not in seen:
                seen.add(key)
                files.append(q)
    return files, empty


# ---- attachments --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    visit_id: str
    photo_sha256: str
    item_code: str | None
    caption: str
    ord: int
    confirmed: bool
    deleted: bool
    width: int
    height: int
    taken_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    camera: str | None
    source_name: str
    source_sha256: str
    size: int
    flags: tuple[str, ...] = ()


_ATT_SQL = (
    "SELECT a.id, a.visit_id, a.photo_sha256, a.item_code, coalesce(a.caption, ''), coalesce(a.ord, 0), "
    "coalesce(a.confirmed, 0), coalesce(a.deleted, 0), p.width, p.height, p.taken_at, p.gps_lat, p.gps_lon, "
    "p.camera, coalesce(p.source_name, ''), coalesce(p.source_sha256, ''), length(p.data) "
    "FROM attachments a JOIN photos p ON p.sha256 = a.photo_sha256 "
)


def _att(r, flags: tuple[str, ...] = ()) -> Attachment:
    return Attachment(
        r[0],
        r[1],
        r[2],
        r[3] or None,
        r[4],
        r[5],
        bool(r[6]),
        bool(r[7]),
        r[8],
        r[9],
        r[10],
        r[11],
        r[12],
        r[13],
        r[14],
        r[15],
        r[16],
        flags,
    )


def attachments(
    db: Database,
    visit_id: str,
    item_code: str | None = ...,  # type: ignore[assignment]
    *,
    include_deleted: bool = False,
    with_flags: bool = True,
) -> list[Attachment]:
    """A visit's photos in order (by item, then position); item_code=None: photos of the visit
    itself; leave it out for all. Each carries its evidence flags ("date", "gps") unless confirmed."""
    sql = _ATT_SQL + "WHERE a.visit_id = ?"
    args: list = [visit_id]
    if not include_deleted:
        sql += " AND coalesce(a.deleted, 0) = 0"
    rows = db.execute(sql + " ORDER BY coalesce(a.item_code, ''), a.ord, a.id", args).fetchall()
    out = [_att(r) for r in rows]
    if with_flags and out:
        flags = evidence_flags(db, visit_id, out)
        out = [_att(r, flags.get(r[0], ())) for r in rows]
    if item_code is not ...:
        out = [a for a in out if a.item_code == item_code]
    return _checklist_order(db, visit_id, out)


def _checklist_order(db: Database, visit_id: str, atts: list[Attachment]) -> list[Attachment]:
    if not atts:
        return atts
    from .inspections import get_visit

    try:
        c = cl.get(db, get_visit(db, visit_id).checklist_version)
        pos = {it.code: n for n, it in enumerate(c.items)}
    except InspectorError:  # a visit or checklist gone meanwhile: the stored order
        pos = {}
    return sorted(atts, key=lambda a: (a.item_code is not None, pos.get(a.item_code or "", 10_000), a.ord, a.id))


def get_attachment(db: Database, attachment_id: str) -> Attachment:
    from .inspections import _resolve

    full = _resolve(db, "attachments", attachment_id, "photo")
    r = db.execute(_ATT_SQL + "WHERE a.id = ?", [full]).fetchone()
    if r is None:
        raise NotFound("photo", attachment_id)
    return _att(r)


def photo_bytes(db: Database, sha256: str) -> bytes:
    """The stored (upright, downscaled) JPEG of a photo."""
    r = db.execute("SELECT data FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    if r is None:
        raise NotFound("photo", sha256)
    return r[0]


def photos_bytes(db: Database, shas: list[str]) -> dict[str, bytes]:
    """The stored JPEGs of several photos in one query."""
    out: dict[str, bytes] = {}
    unique = list(dict.fromkeys(shas))
    for k in range(0, len(unique), 500):
        chunk = unique[k : k + 500]
        out.update(
            db.execute(
                f"SELECT sha256, data FROM photos WHERE sha256 IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        )
    return out


def thumb_bytes(db: Database, sha256: str) -> bytes:
    r = db.execute("SELECT thumb FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    if r is None:
        raise NotFound("photo", sha256)
    return r[0]


def original_bytes(db: Database, sha256: str) -> bytes | None:
    r = db.execute("SELECT original FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    return r[0] if r else None


def find_photo(db: Database, key: str) -> str:
    """A photo's sha256 from an attachment id, a sha256, or a unique prefix of either."""
    key = (key or "").strip().lower()
    if len(key) >= 4:
        r = db.execute(
            "SELECT photo_sha256 FROM attachments WHERE id = ? OR id LIKE ? || '%' LIMIT 2", [key, key]
        ).fetchall()
        if len(r) == 1:
            return r[0][0]
        r2 = db.execute("SELECT sha256 FROM photos WHERE sha256 LIKE ? || '%' LIMIT 2", [key]).fetchall()
        if len(r2) == 1 and not r:
            return r2[0][0]
        if len(r) > 1 or len(r2) > 1:
            from .errors import Ambiguous

            raise Ambiguous("photo", key, max(len(r), len(r2)))
    raise NotFound("photo", key)


def attachment_json(a: Attachment) -> dict:
    return {
        "id": a.id,
        "sha256": a.photo_sha256,
        "width": a.width,
        "height": a.height,
        "item": a.item_code,
        "caption": a.caption,
        "order": a.ord,
        "taken_at": a.taken_at,
        "gps": {"lat": a.gps_lat, "lon": a.gps_lon} if a.gps_lat is not None else None,
        "camera": a.camera,
        "source_name": a.source_name,
        "bytes": a.size,
        "flags": list(a.flags),
        "confirmed": a.confirmed,
    }


def default_caption(item: cl.Item | None, taken_at: str | None, now: str | None = None) -> str:
    """ "B5 – Số điện thoại đường dây nóng, chụp lúc 09 giờ 42 ngày 17/11/2026": the item and when
    the photo was taken, by its own clock; "không rõ thời gian chụp" when the file does not say
    (never the time it was imported: `now` is not used for the caption)."""
    when = "không rõ thời gian chụp"
    if taken_at and len(taken_at) >= 16:
        when = f"chụp lúc {taken_at[11:13]} giờ {taken_at[14:16]} ngày {taken_at[8:10]}/{taken_at[5:7]}/{taken_at[:4]}"
    if item is None:
        return f"Ảnh {when}"
    text = item.text_vi.split(" / ")[0]
    if len(text) > 60:
        text = text[:60].rsplit(" ", 1)[0] + "…"
    return f"{item.code} – {text}, {when}"


def _visit_for_change(db: Database, visit_id: str, reason: str | None):
    from .inspections import get_visit

    visit = get_visit(db, visit_id)
    visit.check_change(reason)
    return visit


def _next_ord(db: Database, visit_id: str, item_code: str | None) -> int:
    r = db.execute(
        "SELECT max(coalesce(ord, 0)) FROM attachments WHERE visit_id = ? AND coalesce(item_code, '') = ?",
        [visit_id, item_code or ""],
    ).fetchone()
    return (r[0] or 0) + 1


def _check_item(db: Database, visit, item_code: str | None) -> cl.Item | None:
    if not item_code:
        return None
    return cl.get(db, visit.checklist_version).item(item_code)


def attach(
    db: Database,
    visit_id: str,
    sha256: str,
    *,
    item_code: str | None = None,
    caption: str | None = None,
    author: str | None = None,
    reason: str | None = None,
) -> Attachment:
    """Put a stored photo on a visit (and item). Attaching it again elsewhere costs no bytes."""
    visit = _visit_for_change(db, visit_id, reason)
    item = _check_item(db, visit, item_code)
    r = db.execute("SELECT taken_at FROM photos WHERE sha256 = ?", [sha256]).fetchone()
    if r is None:
        raise NotFound("photo", sha256)
    text = clean_line(caption) if caption else default_caption(item, r[0], datetime.now().isoformat())
    aid = _record_attachment(db, visit, sha256, item.code if item else None, text, author=author, reason=reason)
    return get_attachment(db, aid)


def _record_attachment(db: Database, visit, sha256: str, item_code: str | None, caption: str, *, author, reason) -> str:
    """The events that put a stored photo on a visit, last in its item's order; returns the new id."""
    aid = events.new_id()
    ctx = {"visit_id": visit.id}
    values = {
        "photo_sha256": sha256,
        "item_code": item_code,
        "caption": caption,
        "ord": _next_ord(db, visit.id, item_code),
        "confirmed": 0,
        "deleted": 0,
    }
    events.record(
        db,
        [events.Change("attachment", aid, k, v, ctx) for k, v in values.items()],
        inspection_id=visit.inspection_id,
        author=author,
        reason=reason,
    )
    return aid


def _update(db: Database, attachment_id: str, values: dict, *, author: str | None, reason: str | None) -> Attachment:
    a = get_attachment(db, attachment_id)
    visit = _visit_for_change(db, a.visit_id, reason)
    ctx = {"visit_id": a.visit_id}
    events.record(
        db,
        [events.Change("attachment", a.id, k, v, ctx) for k, v in values.items()],
        inspection_id=visit.inspection_id,
        author=author,
        reason=reason,
    )
    return get_attachment(db, a.id)


def set_caption(
    db: Database, attachment_id: str, caption: str, *, author: str | None = None, reason: str | None = None
) -> Attachment:
    return _update(db, attachment_id, {"caption": clean_line(caption)}, author=author, reason=reason)


def move(
    db: Database, attachment_id: str, item_code: str | None, *, author: str | None = None, reason: str | None = None
) -> Attachment:
    """Move a photo to another item (None: the visit itself); it goes last there."""
    a = get_attachment(db, attachment_id)
    visit = _visit_for_change(db, a.visit_id, reason)
    item = _check_item(db, visit, item_code)
    code = item.code if item else None
    if code == a.item_code:
        return a
    return _update(db, a.id, {"item_code": code, "ord": _next_ord(db, a.visit_id, code)}, author=author, reason=reason)


def reorder(db: Database, attachment_ids: list[str], *, author: str | None = None, reason: str | None = None) -> None:
    """Give these attachments (of one visit and item) the order in which they are listed."""
    if not attachment_ids:
        return
    atts = [get_attachment(db, i) for i in attachment_ids]
    visit = _visit_for_change(db, atts[0].visit_id, reason)
    if any(a.visit_id != visit.id for a in atts):
        raise InvalidInput("photos of one visit only")
    changes = [
        events.Change("attachment", a.id, "ord", n, {"visit_id": visit.id}) for n, a in enumerate(atts, 1) if a.ord != n
    ]
    events.record(db, changes, inspection_id=visit.inspection_id, author=author, reason=reason)


def remove(db: Database, attachment_id: str, *, author: str | None = None, reason: str | None = None) -> Attachment:
    """Take a photo off its item (the stored photo stays; restore() undoes this)."""
    return _update(db, attachment_id, {"deleted": 1}, author=author, reason=reason)


def restore(db: Database, attachment_id: str, *, author: str | None = None, reason: str | None = None) -> Attachment:
    return _update(db, attachment_id, {"deleted": 0}, author=author, reason=reason)


def confirm(db: Database, attachment_id: str, *, author: str | None = None, reason: str | None = None) -> Attachment:
    """The inspector checked an evidence warning (old date, far position) and accepts the photo."""
    return _update(db, attachment_id, {"confirmed": 1}, author=author, reason=reason)


# ---- evidence checks ------------------------------------------------------------------------------


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6_371_000 * math.asin(min(1.0, math.sqrt(h)))


def evidence_flags(db: Database, visit_id: str, atts: list[Attachment] | None = None) -> dict[str, tuple[str, ...]]:
    """Warnings per attachment not yet confirmed: "date" (taken on another day than the visit),
    "gps" (more than 2 km from where the visit's other photos were taken)."""
    from .inspections import get_visit

    if atts is None:
        atts = attachments(db, visit_id, with_flags=False)
    day = get_visit(db, visit_id).date
    placed = [(a.gps_lat, a.gps_lon) for a in atts if a.gps_lat is not None and a.gps_lon is not None]
    centre = None
    if len(placed) >= 3:
        centre = (statistics.median(p[0] for p in placed), statistics.median(p[1] for p in placed))
    out: dict[str, tuple[str, ...]] = {}
    for a in atts:
        if a.confirmed:
            continue
        flags = []
        if day and a.taken_at and a.taken_at[:10] != day:
            flags.append("date")
        if (
            centre
            and a.gps_lat is not None
            and a.gps_lon is not None
            and _distance_m((a.gps_lat, a.gps_lon), centre) > FAR_METRES
        ):
            flags.append("gps")
        if flags:
            out[a.id] = tuple(flags)
    return out


# ---- import ----------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    imported: list[Attachment] = field(default_factory=list)  # new attachments
    duplicates: list[str] = field(default_factory=list)  # files already on this visit and item
    reused: int = 0  # files whose photo was already stored
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # (file name, reason code, text)
    cancelled: bool = False
    stored_bytes: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected

    def to_json(self) -> dict:
        return {
            "imported": [attachment_json(a) for a in self.imported],
            "duplicates": self.duplicates,
            "reused": self.reused,
            "cancelled": self.cancelled,
            "rejected": [{"file": n, "reason": code, "message": text} for n, code, text in self.rejected],
        }


def import_files(
    db: Database | str | Path,
    visit_id: str,
    paths: Iterable[str | Path],
    *,
    item_code: str | None = None,
    caption: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    workers: int = 2,
    keep_original: bool = False,
    max_edge: int = MAX_EDGE,
    author: str | None = None,
    reason: str | None = None,
) -> ImportReport:
    """Import photos (files or folders) into a visit, optionally onto one item.

    Bad files never stop the batch: each is listed in report.rejected with its reason. Every
    photo is written in its own transaction as soon as it is ready, so cancelling keeps what was
    completed and nothing half-stored. `db` may be a path: the function then opens (and closes)
    its own connection, as a worker thread must.
    """
    if isinstance(db, Database):
        conn, own = db, False
    else:
        from .db import open_db

        conn, own = open_db(db), True
    try:
        return _import(
            conn,
            visit_id,
            paths,
            item_code=item_code,
            caption=caption,
            progress=progress,
            cancelled=cancelled,
            workers=workers,
            keep_original=keep_original,
            max_edge=max_edge,
            author=author,
            reason=reason,
        )
    finally:
        if own:
            conn.close()


def _import(
    db: Database,
    visit_id: str,
    paths,
    *,
    item_code,
    caption,
    progress,
    cancelled,
    workers,
    keep_original,
    max_edge,
    author,
    reason,
) -> ImportReport:
    visit = _visit_for_change(db, visit_id, reason)
    item = _check_item(db, visit, item_code)
    code = item.code if item else None
    files, empty = expand(paths)
    report = ImportReport()
    for name, why in empty:
        report.rejected.append((name, why, reason_text(why)))
    total = len(files)
    if progress:
        progress(0, total)
    on_item = {
        r[0]
        for r in db.execute(
            "SELECT p.source_sha256 FROM attachments a JOIN photos p ON p.sha256 = a.photo_sha256 "
            "WHERE a.visit_id = ? AND coalesce(a.item_code, '') = ? AND coalesce(a.deleted, 0) = 0",
            [visit.id, code or ""],
        )
    }
    now = datetime.now().isoformat(timespec="seconds")

    def read(path: Path) -> tuple[bytes | None, str | None, str | None]:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            return None, None, "missing"
        except OSError:
            return None, None, "unreadable"
        if path.is_dir():
            return None, None, "not_image"
        if size == 0:
            return None, None, "empty"
        if size > MAX_FILE_BYTES:
            return None, None, "file_too_big"
        try:
            data = path.read_bytes()
        except OSError:
            return None, None, "unreadable"
        return data, hashlib.sha256(data).hexdigest(), None

    def work(path: Path, data: bytes, sha: str) -> Processed:
        return _process_bytes(path.name, data, sha, max_edge=max_edge, keep_original=keep_original)

    pool = ThreadPoolExecutor(max_workers=max(1, workers)) if workers > 1 and total > 1 else None
    pending: list[tuple[Path, str | None, Future | Processed | str | None]] = []
    try:
        # Submit lazily so memory holds only a few decoded files at a time.
        index = 0
        window = max(2, workers * 2)
        done = 0

        def submit_next() -> None:
            nonlocal index
            while index < total and len(pending) < window:
                path = files[index]
                index += 1
                data, sha, why = read(path)
                if why:
                    pending.append((path, None, why))
                    continue
                known = db.execute("SELECT sha256 FROM photos WHERE source_sha256 = ? LIMIT 1", [sha]).fetchone()
                if known:
                    pending.append((path, sha, ("known", known[0])))  # type: ignore[arg-type]
                elif pool is not None and data is not None and sha is not None:
                    pending.append((path, sha, pool.submit(work, path, data, sha)))
                else:
                    pending.append((path, sha, ("data", data)))  # type: ignore[arg-type]

        submit_next()
        while pending:
            if cancelled and cancelled():
                report.cancelled = True
                break
            path, sha, job = pending.pop(0)
            processed: Processed | None = None
            photo_sha: str | None = None
            try:
                if isinstance(job, str):
                    raise Rejected(job)
                if isinstance(job, tuple) and job[0] == "known":
                    photo_sha = job[1]
                    report.reused += 1
                elif isinstance(job, tuple) and job[0] == "data":
                    processed = work(path, job[1], sha)
                else:
                    processed = job.result()  # type: ignore[union-attr]
            except Rejected as exc:
                report.rejected.append((path.name, exc.code, str(exc)))
            else:
                if sha in on_item:
                    report.duplicates.append(path.name)
                else:
                    att = _store(db, visit, code, item, processed, photo_sha, caption, now, author, reason)
                    report.imported.append(att)
                    on_item.add(sha)
                    if processed is not None:
                        report.stored_bytes += len(processed.data) + len(processed.thumb)
            done += 1
            if progress:
                progress(done, total)
            submit_next()
    finally:
        if pool is not None:
            for _, _, job in pending:
                if isinstance(job, Future):
                    job.cancel()
            pool.shutdown(wait=True, cancel_futures=True)
    return report


def _store(
    db: Database,
    visit,
    code: str | None,
    item: cl.Item | None,
    processed: Processed | None,
    photo_sha: str | None,
    caption: str | None,
    now: str,
    author,
    reason,
) -> Attachment:
    """One photo and its attachment, in one transaction."""
    with atomic(db):
        if processed is not None:
            db.execute(
                "INSERT OR IGNORE INTO photos(sha256, data, thumb, width, height, source_sha256, source_name, taken_at,"
                " gps_lat, gps_lon, camera, original, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    processed.sha256,
                    processed.data,
                    processed.thumb,
                    processed.width,
                    processed.height,
                    processed.source_sha256,
                    processed.source_name,
                    processed.taken_at,
                    processed.gps_lat,
                    processed.gps_lon,
                    processed.camera,
                    processed.original,
                    now,
                ],
            )
            photo_sha = processed.sha256
        taken = (
            processed.taken_at
            if processed is not None
            else db.execute("SELECT taken_at FROM photos WHERE sha256 = ?", [photo_sha]).fetchone()[0]
        )
        text = clean_line(caption) if caption else default_caption(item, taken, now)
        assert photo_sha is not None  # given by the caller, or the photo just stored
        aid = _record_attachment(db, visit, photo_sha, code, text, author=author, reason=reason)
    return get_attachment(db, aid)


def import_one(
    db: Database,
    visit_id: str,
    data: bytes,
    name: str,
    *,
    item_code: str | None = None,
    author: str | None = None,
    reason: str | None = None,
) -> Attachment:
    """A pasted image (bytes, e.g. PNG from the clipboard). Raises PhotoRejected."""
    from .errors import PhotoRejected

    visit = _visit_for_change(db, visit_id, reason)
    item = _check_item(db, visit, item_code)
    sha = hashlib.sha256(data).hexdigest()
    known = db.execute("SELECT sha256 FROM photos WHERE source_sha256 = ? LIMIT 1", [sha]).fetchone()
    processed = None
    if not known:
        try:
            processed = _process_bytes(name, data, sha, max_edge=MAX_EDGE, keep_original=False)
        except Rejected as exc:
            raise PhotoRejected(name, exc.code, exc.detail) from None
    return _store(
        db,
        visit,
        item.code if item else None,
        item,
        processed,
        known[0] if known else None,
        None,
        datetime.now().isoformat(timespec="seconds"),
        author,
        reason,
    )


def visit_count(db: Database, visit_id: str) -> int:
    """How many photos a visit has, on its items or on the visit itself (the gallery's count)."""
    return db.execute(
        "SELECT count(*) FROM attachments WHERE visit_id = ? AND coalesce(deleted, 0) = 0", [visit_id]
    ).fetchone()[0]


def counts_by_item(db: Database, visit_id: str) -> dict[str, int]:
    """How many photos each item of a visit has (for the checklist's photo column)."""
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT item_code, count(*) FROM attachments WHERE visit_id = ? AND coalesce(deleted, 0) = 0 "
            "AND item_code IS NOT NULL GROUP BY item_code",
            [visit_id],
        )
    }


__all__ = [
    "Attachment",
    "ImportReport",
    "Rejected",
    "attach",
    "attachment_json",
    "attachments",
    "confirm",
    "evidence_flags",
    "import_files",
    "move",
    "photo_bytes",
    "process_file",
    "remove",
    "reorder",
    "restore",
    "set_caption",
    "thumb_bytes",
    "visit_count",
]
