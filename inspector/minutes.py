"""The minutes (biên bản) of a visit, in Word, from a docxtpl template; PDF through LibreOffice.

The data for the template comes from `context()` (field names: docs/template-fields.md); a
template is checked before use (Jinja syntax, unknown fields, with the place named) and rendered
in a sandbox. An office's own template is untrusted input (inspector.templates): refused when it
links outside itself, holds macros or is a zip bomb, and checked and filled in a child process
with limits of time, memory and output; the shipped templates are filled in-process. The document
is written through files.atomic_write (a temporary file beside the target, renamed), so a failure
leaves nothing behind; a target open in Word is refused with another name suggested. The PDF is
made by LibreOffice from a copy without outside links, in a private profile that fetches nothing.
Photos go into the document as stored (downscaled) JPEGs, uncompressed in the zip: re-deflating
JPEG bytes costs time and saves nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import answers as ans
from . import checklist as cl
from . import events, scoring, words
from . import inspections as ins
from . import templates as tg
from .db import Database
from .errors import Cancelled, InspectorError, InvalidInput, OutputLocked, TemplateError
from .files import atomic_write
from .paths import RESOURCES
from .text import clean, clean_line, fold, slug

logger = logging.getLogger(__name__)

TEMPLATES = RESOURCES / "templates"
DEFAULT_TEMPLATE = {"kiem_tra": TEMPLATES / "bien-ban-kiem-tra.docx", "giam_sat": TEMPLATES / "bien-ban-giam-sat.docx"}
LAYOUTS = ("areas", "tables")  # the results: by area with the sheet as Phụ lục I, or tables in the body
DOTS = "…" * 31  # one line for a handwritten note: 31 × 14 pt fits 165 mm less the 1 cm first-line indent
TEXT_WIDTH_MM = 165
PHOTO_MAX_HEIGHT_MM = 105
LETTERS = "abcdđeghiklmnopqrstuvxy"  # Vietnamese point letters: no f, j, w, z; đ after d


# ---- words and dates --------------------------------------------------------------------------


def long_date(iso: str) -> str:
    """2026-02-05 → "ngày 05 tháng 02 năm 2026"; months 3–12 without a zero (NĐ 30/2020)."""
    if not iso:
        return "ngày … tháng … năm …"
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return f"ngày {d:02d} tháng {m:02d} năm {y}" if m <= 2 else f"ngày {d:02d} tháng {m} năm {y}"


def short_date(iso: str) -> str:
    """2026-02-05 → 05/02/2026; 2026-06-30 → 30/6/2026."""
    if not iso or len(iso) < 10:
        return iso or ""
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    return f"{d:02d}/{m:02d}/{y}" if m <= 2 else f"{d:02d}/{m}/{y}"


def _hm(t: str) -> tuple[str, str]:
    if not t:
        return "…", "…"
    h, _, m = t.partition(":")
    return h, m or "00"


def _upper(text: str) -> str:
    return clean_line(text).upper()


def _lines(text: str) -> list[str]:
    return [clean_line(x) for x in clean(text or "").splitlines() if clean_line(x)]


def _end(lines: list[str], last: str = ".") -> list[str]:
    """Each line ends with ";" and the last with "." (lists in official documents)."""
    out = []
    for n, line in enumerate(lines):
        line = line.rstrip(" ;,.")
        out.append(line + (last if n == len(lines) - 1 else ";"))
    return out


def default_filename(visit: ins.Visit) -> str:
    """BB_Ninh-Xuan_2026-11-23.docx: safe on every file system."""
    name = slug(visit.commune, "xa")
    return f"BB_{name}_{visit.date or datetime.now().date().isoformat()}.docx"


# ---- the version code ---------------------------------------------------------------------------


def version_code(db: Database, visit_id: str) -> str:
    """A short code of everything the minutes show; printed in the footer, stored when signed."""
    visit = ins.get_visit(db, visit_id)
    state = {
        "visit": {k: v for k, v in ins.to_json(visit).items() if k not in ("status", "signed_at", "version_code")},
        "inspection": ins.to_json(ins.get_inspection(db, visit.inspection_id)),
        "members": [ins.to_json(m) for m in ins.members(db, visit.inspection_id)],
        "answers": {c: [a.value, a.note] for c, a in sorted(ans.answers_for_visit(db, visit.id).items())},
        "findings": [ins.to_json(f) for f in ins.findings(db, visit.id)],
        "photos": [
            [a[0], a[1], a[2]]
            for a in db.execute(
                "SELECT photo_sha256, item_code, caption FROM attachments WHERE visit_id = ? AND coalesce(deleted, 0) = 0 "
                "ORDER BY item_code, ord, id",
                [visit.id],
            )
        ],
    }
    h = hashlib.sha256(json.dumps(state, ensure_ascii=False, sort_keys=True, default=str).encode()).hexdigest()
    return f"{h[:4]}-{h[4:8]}".upper()


def sign_visit(db: Database, visit_id: str, *, author: str | None = None) -> ins.Visit:
    """Mark the minutes signed: the visit is frozen (a later change needs a reason) and the code of
    what was printed is kept, to match paper to record."""
    visit = ins.get_visit(db, visit_id)
    visit.check_change()
    code = version_code(db, visit.id)
    ctx = {"inspection_id": visit.inspection_id}
    now = datetime.now().isoformat(timespec="seconds")
    events.record(
        db,
        [
            events.Change("visit", visit.id, "status", "signed", ctx),
            events.Change("visit", visit.id, "signed_at", now, ctx),
            events.Change("visit", visit.id, "version_code", code, ctx),
        ],
        inspection_id=visit.inspection_id,
        author=author,
    )
    return ins.get_visit(db, visit.id)


# ---- the data for the template --------------------------------------------------------------------


def header_names(insp: ins.Inspection, province: str) -> tuple[str, list[str]]:
    """The top left of a document: the parent body ("UBND TỈNH KHÁNH HÒA") and the delegation's
    name, on the lines the office typed or the usual two."""
    gs = insp.kind == "giam_sat"
    up = _upper(province)
    parent = _upper(insp.parent_agency) or (f"{'HĐND' if gs else 'UBND'} TỈNH" + (f" {up}" if up else ""))
    issuing = [_upper(x) for x in _lines(insp.issuing_agency)]
    if issuing and issuing[0].startswith("ĐOÀN"):
        return parent, issuing
    return parent, [f"ĐOÀN {'GIÁM SÁT' if gs else 'KIỂM TRA'} CÔNG TÁC", "CẢI CÁCH HÀNH CHÍNH"]


_ROLES = {  # one case style: each role as it follows the person's position
    "truong_doan": "Trưởng đoàn",
    "pho_truong_doan": "Phó Trưởng đoàn",
    "thanh_vien": "Thành viên",
    "thu_ky": "Thư ký",
}
_ROLE_ORDER = {"truong_doan": 0, "pho_truong_doan": 1, "thanh_vien": 2, "thu_ky": 3}


def member_lines(members: list[ins.Member], person: Callable[[str, str], str]) -> list[str]:
    """ "- Ông Nguyễn Văn A, Phó Giám đốc Sở Nội vụ, Trưởng đoàn;" … the last line ending in "."."""
    ordered = sorted(members, key=lambda mb: (_ROLE_ORDER.get(mb.role, 2), mb.ord))
    return _end(
        [
            person(mb.name, mb.salutation)
            + (f", {mb.position}" if mb.position else "")
            + f", {_ROLES.get(mb.role, 'Thành viên')}"
            for mb in ordered
        ]
    )


_FINDING_ITEM = {"uu_diem": "G1", "ton_tai": "G2", "nguyen_nhan": "G3", "kien_nghi": "G4"}


def finding_texts(
    finds: list[ins.Finding], answers: dict[str, ans.Answer], checklist: cl.Checklist, kind: str
) -> list[str]:
    """The texts of one kind of finding (uu_diem, ton_tai, nguyen_nhan): the lines typed under
    the shipped set's G item of that kind first (a province's set whose G is an area has none),
    then the findings."""
    typed = _lines(typed_text(answers, checklist, _FINDING_ITEM.get(kind, "")))
    return typed + [f.text for f in finds if f.kind == kind]


def typed_text(answers: dict[str, ans.Answer], checklist: cl.Checklist, code: str) -> str:
    """The text an inspector wrote under a G item of the shipped set (advantages, causes…);
    "" in a province's set whose G is an area like any other."""
    a = answers.get(code)
    item = checklist.by_code.get(code)
    return a.value if a and a.value and item is not None and item.type == "text" else ""


def area_account(items: list[cl.Item], answers: dict[str, ans.Answer]) -> list[str]:
    """A few sentences on one area of one commune, drafted from its answers, as real minutes give
    them: how many criteria are met, each one not met or partly met named in the item's own
    words with the inspector's note, the figures with their units, what was not applicable or has
    no result yet."""

    def note(it: cl.Item) -> str:
        a = answers.get(it.code)
        return f": {a.note.rstrip(' .;')}" if a and a.note else ""

    def value(it: cl.Item) -> str | None:
        a = answers.get(it.code)
        return a.value if a and a.value else None

    judged = [it for it in items if it.type in ("assessment", "yesno")]
    rated = [it for it in judged if value(it) not in (None, "khong_ap_dung")]
    failed = [it for it in rated if ans.is_failed(it, value(it))]
    out = []
    if rated:
        out.append(f"Đạt {len(rated) - len(failed)}/{len(rated)} tiêu chí được đánh giá.")
    for it in failed:
        if value(it) == "dat_mot_phan":
            text = it.text_vi.split(" / ")[0]
            out.append(f"- Đạt một phần tiêu chí «{text}» ({it.code}){note(it)}.")
        else:
            phrase = words.not_met_phrase(it.text_vi, it.type, it.not_met)
            out.append(f"- {phrase[0].upper() + phrase[1:]} ({it.code}){note(it)}.")
    for it in items:
        if it.type in ("ratio", "count") and value(it):
            text = it.text_vi.split(" / ")[0] if it.type == "count" else it.text_vi
            a = answers[it.code]
            out.append(
                f"- {text}: {ans.display(it, value(it), document=True)}"
                + (f"; {a.note.rstrip(' .;')}" if a.note else "")
                + "."
            )
    not_applicable = [it.code for it in judged if value(it) == "khong_ap_dung"]
    if not_applicable:
        out.append(f"Không áp dụng: {', '.join(not_applicable)}.")
    missing = [it.code for it in items if it.type != "text" and value(it) is None]
    if missing:
        out.append(f"Chưa có kết quả: {', '.join(missing)}.")
    return out or ["Không có kết quả."]


def context(db: Database, visit_id: str, *, tables_in_body: bool = False) -> dict[str, Any]:
    """Everything a template can print, as plain strings and lists (see docs/template-fields.md)."""
    visit = ins.get_visit(db, visit_id)
    insp = ins.get_inspection(db, visit.inspection_id)
    checklist = cl.get(db, visit.checklist_version)
    answers = ans.answers_for_visit(db, visit.id)
    members = ins.members(db, insp.id)
    finds = ins.findings(db, visit.id)
    gs = insp.kind == "giam_sat"
    doan = "Đoàn giám sát" if gs else "Đoàn kiểm tra"
    xa = visit.commune
    ubnd_xa = f"Ủy ban nhân dân xã {xa}"

    def value(code: str) -> str:
        return typed_text(answers, checklist, code)

    parent, ten_doan = header_names(insp, visit.province)
    ky_hieu = "BB-ĐGS" if gs else "BB-ĐKT"
    dia_danh = visit.province or xa
    xa_nb = f"xã\u00a0{xa.replace(' ', chr(0xA0))}"  # "xã Ninh Xuân" kept on one line
    trich_yeu_text = (
        (
            f"Làm việc của Đoàn giám sát với Ủy ban nhân dân {xa_nb} về việc thực hiện chính sách, "
            "pháp luật về cải cách hành chính"
        )
        if gs
        else f"{clean_line(insp.title) or 'Kiểm tra công tác cải cách hành chính'} tại Ủy ban nhân dân {xa_nb}"
    )

    can_cu = []
    for line in _lines(insp.legal_basis):
        can_cu.append(line if line.lower().startswith("căn cứ") else f"Căn cứ {line}")
    if not can_cu and insp.decision_no:
        can_cu.append(
            f"Căn cứ {words.document_kind(insp.decision_no)} số {insp.decision_no} {long_date(insp.decision_date)} "
            f"về việc thành lập {doan}"
        )
    h, m = _hm(visit.start_time)
    place = visit.place or f"trụ sở {ubnd_xa}"
    verb = "làm việc với" if gs else "tiến hành kiểm tra công tác cải cách hành chính tại"
    mo_dau = (
        f"Hôm nay, vào hồi {h} giờ {m} phút, {long_date(visit.date)}, tại {place[0].lower() + place[1:] if place.startswith('Trụ sở') else place}, "
        f"{doan} {verb} {ubnd_xa}."
    )

    members_sorted = sorted(members, key=lambda mb: (_ROLE_ORDER.get(mb.role, 2), mb.ord))
    # a person entered once as Ông or Bà is named so everywhere; looked up only when someone here lacks it
    unnamed = any(not m.salutation for m in members) or any(not r.salutation for r in visit.representatives)
    known = ins.known_salutations(db) if unnamed else {}

    def person(name: str, sal: str) -> str:
        return f"- {sal or known.get(fold(name)) or 'Ông (Bà)'} {name}"

    thanh_vien = member_lines(members_sorted, person) or [DOTS]
    dai_dien = _end(
        [person(r.name, r.salutation) + (f", {r.position}" if r.position else "") for r in visit.representatives]
    ) or [DOTS]

    # the shipped set's G holds texts that go to the findings; in a province's set G is an area
    score = scoring.score_visit(checklist, answers) if checklist.scored else None
    groups = [
        g
        for g in checklist.groups
        if not (g.code == "G" and all(it.type == "text" for it in checklist.items if it.group == "G"))
    ]
    noi_dung = (
        ("Kiểm tra" if not gs else "Giám sát")
        + " việc thực hiện các nội dung: "
        + "; ".join(
            g.title_vi[0].lower() + g.title_vi[1:] if not g.title_vi[:2].isupper() else g.title_vi for g in groups
        )
        + "."
    )
    if insp.period:
        noi_dung += f" Kỳ số liệu: {clean_line(insp.period)}."
    noi_dung += f" Bộ tiêu chí: {checklist.title} ({checklist.id})."

    ket_qua = []
    for n, g in enumerate(groups, 1):
        rows = []
        for k, it in enumerate((i for i in checklist.items if i.group == g.code), 1):
            a = answers.get(it.code)
            shown = ans.display(it, a.value, document=True) if a and a.value else "—"
            if score is not None and it.points is not None:
                shown += f" ({_points_of(score, it)})"
            rows.append(
                {
                    "stt": str(k),
                    "ma": it.code,
                    "noi_dung": it.text_vi,
                    "ket_qua": shown,
                    "ghi_chu": "; ".join(
                        x
                        for x in (
                            a.note if a else "",
                            f"Điểm chấm tay: {score.overridden[it.code]}"
                            if score is not None and score.overridden.get(it.code)
                            else "",
                        )
                        if x
                    ),
                    "dat": not ans.is_failed(it, a.value if a else None),
                }
            )
        gsc = score.groups.get(g.code) if score is not None else None
        diem_nhom = f" ({gsc.label})" if gsc is not None and gsc.items and gsc.maximum else ""
        ket_qua.append(
            {
                "so": str(n),
                "ma": g.code,
                "ten": g.title_vi,
                "diem": diem_nhom,
                "dong": rows,
                "tom_tat": area_account([i for i in checklist.items if i.group == g.code], answers),
            }
        )

    def texts(kind: str, code: str) -> list[str]:
        out = finding_texts(finds, answers, checklist, kind)
        return [("- " + t) if len(out) > 1 else t for t in out] or [DOTS]

    kien_nghi = [
        {"stt": str(n), "noi_dung": f.text, "don_vi": f.responsible or "…", "thoi_han": f.deadline or "…"}
        for n, f in enumerate((f for f in finds if f.kind == "kien_nghi"), 1)
    ]
    for line in _lines(value("G4")):
        parts = [p.strip() for p in line.split(";")]
        kien_nghi.append(
            {
                "stt": str(len(kien_nghi) + 1),
                "noi_dung": parts[0],
                "don_vi": parts[1] if len(parts) > 1 else "…",
                "thoi_han": parts[2] if len(parts) > 2 else "…",
            }
        )
    opinion = _lines(visit.opinion) or _lines(value("G5"))
    y_kien = opinion or [DOTS, DOTS, DOTS]
    eh, em = _hm(visit.end_time)
    holder = "cơ quan, đơn vị chịu sự giám sát" if gs else "đơn vị được kiểm tra"
    ket_thuc = (
        f"{'Buổi làm việc' if gs else 'Buổi kiểm tra'} kết thúc vào hồi {eh} giờ {em} phút cùng ngày. "
        "Biên bản đã được đọc lại cho những người tham dự cùng nghe, thống nhất nội dung và ký tên dưới đây. "
        f"Biên bản được lập thành 03 bản có giá trị như nhau: {holder} giữ 01 bản, {doan} giữ 02 bản./."
    )

    def first(role: str) -> str:
        return next((mb.name for mb in members_sorted if mb.role == role), "")

    rep = visit.representatives[0] if visit.representatives else None
    # "để báo cáo" goes to the body that set the delegation up (who signed its founding decision);
    # the office that gathers the results, when it is another, "để tổng hợp"
    tinh = f" tỉnh {visit.province}" if visit.province else " tỉnh"
    setter = f"Thường trực HĐND{tinh}" if gs else f"Chủ tịch UBND{tinh}"
    home = clean_line(insp.home_office)
    noi_nhan = _end(
        [
            f"- {ubnd_xa} (để thực hiện)",
            f"- {setter} (để báo cáo)",
            *([f"- {home} (để tổng hợp)"] if home and fold(home) != fold(setter) else []),
            f"- Thành viên {doan}",
            "- Lưu: VT, Hồ sơ Đoàn",
        ]
    )
    so = f"Số:        /{ky_hieu}"
    return {
        "loai": insp.kind,
        "giam_sat": gs,
        "co_quan_chu_quan": [parent],
        "ten_doan": ten_doan,
        "so_ky_hieu": so,
        "ky_hieu": ky_hieu,
        "dia_danh_ngay": f"{dia_danh}, {long_date(visit.date)}",
        "dia_danh": dia_danh,
        "ngay": long_date(visit.date),
        "ngay_ngan": short_date(visit.date),
        "trich_yeu": [trich_yeu_text],
        "can_cu": _end(can_cu) if can_cu else [],
        "mo_dau": mo_dau,
        "xa": xa,
        "tinh": visit.province,
        "dia_diem": place,
        "gio_bat_dau": visit.start_time,
        "gio_ket_thuc": visit.end_time,
        "thanh_vien": thanh_vien,
        "don_vi_duoc_kiem_tra": f"{holder[0].upper() + holder[1:]}: {ubnd_xa}",
        "dai_dien": dai_dien,
        "thanh_phan_khac": [],
        "noi_dung": noi_dung,
        "ket_qua": ket_qua,
        "uu_diem": texts("uu_diem", "G1"),
        "ton_tai": texts("ton_tai", "G2"),
        "nguyen_nhan": texts("nguyen_nhan", "G3"),
        "kien_nghi": kien_nghi,
        "khong_co_kien_nghi": "Không có kiến nghị.",
        "y_kien": y_kien,
        "ket_thuc": ket_thuc,
        "ky_ben_xa": f"ĐẠI DIỆN UBND XÃ {_upper(xa)}",
        "ten_ben_xa": rep.name if rep else "",
        "ten_truong_doan": first("truong_doan"),
        "ten_thu_ky": first("thu_ky"),
        "noi_nhan": noi_nhan,
        "kem_theo": f"(Kèm theo Biên bản số        /{ky_hieu} {long_date(visit.date)} của {doan} tại {ubnd_xa})",
        "bang_trong_than": tables_in_body,
        "phu_luc_anh": "Phụ lục" if tables_in_body else "Phụ lục II",
        "ma_doi_chieu": f"Mã đối chiếu: {version_code(db, visit.id)}",
        "bo_tieu_chi": f"{checklist.title} ({checklist.id})",
        "diem": _score_context(score, checklist) if score is not None else None,
        "dieu_chinh": _amendment_lines(db, visit) if visit.frozen else [],
        "anh": [],
    }


def _points_of(score: scoring.VisitScore, it: cl.Item) -> str:
    """ "5/5 điểm", "không tính điểm" (not applicable), "−3 điểm" (a penalty), "1,5/3 điểm, chấm tay"."""
    pts = score.items.get(it.code)
    if pts is None:
        return "không tính điểm"
    text = (
        f"{scoring.points_text(pts)} điểm"
        if it.points_kind
        else f"{scoring.points_text(pts)}/{scoring.points_text(it.points or 0)} điểm"
    )
    if it.code in score.overridden:
        text += ", chấm tay"  # the reason goes to the note column
    return text


def _score_context(score: scoring.VisitScore, checklist: cl.Checklist) -> dict[str, Any]:
    """The commune's points for the minutes: the sentence of the body and the table of areas."""
    idx = scoring.points_text(score.index) if score.index is not None else "—"
    sentence = (
        f"Tổng điểm: {scoring.points_text(score.points)}/{scoring.points_text(score.maximum)} điểm"
        + (f" (chỉ số {idx})" if score.maximum != 100 and score.index is not None else "")
        + (f", xếp loại {score.klass}" if score.klass else "")
        + f", theo {checklist.title} ({checklist.id})"
        + (f"; {score.unanswered} tiêu chí chưa chấm" if score.unanswered else "")
        + "."
    )
    return {
        "cau": sentence,
        "tong": scoring.points_text(score.points),
        "toi_da": scoring.points_text(score.maximum),
        "chi_so": idx,
        "xep_loai": score.klass,
        "linh_vuc": [
            {
                "ma": g.code,
                "ten": g.title,
                "diem": scoring.points_text(g.points),
                "toi_da": scoring.points_text(g.maximum),
            }
            for g in score.groups.values()
            if g.items
        ],
    }


def _photo_groups(db: Database, visit_id: str, checklist: cl.Checklist) -> list[dict]:
    """Photos grouped by item in checklist order: [{tieu_de, anh: [(n, caption, bytes, w, h)]}]."""
    from . import photos as ph

    atts = ph.attachments(db, visit_id)  # with the warnings not yet confirmed by the inspector
    groups: list[dict] = []
    n = 0
    for a in atts:
        key = a.item_code or ""
        if not groups or groups[-1]["ma"] != key:
            title = "Ảnh chung của buổi làm việc"
            if a.item_code:
                try:
                    it = checklist.item(a.item_code)
                    title = f"{it.code}. {it.text_vi}"
                except InspectorError:  # an item of another checklist version: its code alone
                    title = a.item_code
            groups.append({"ma": key, "tieu_de": title, "anh": []})
        n += 1
        caption = a.caption + (f" (mục {a.item_code})" if a.item_code and a.item_code not in a.caption[:4] else "")
        if "date" in a.flags and a.taken_at:  # a photo of another day is said to be so, unless confirmed
            caption += f" [ảnh chụp ngày {a.taken_at[8:10]}/{a.taken_at[5:7]}/{a.taken_at[:4]}, khác ngày làm việc]"
        if "gps" in a.flags:
            caption += " [ảnh chụp cách xa nơi làm việc]"
        groups[-1]["anh"].append((n, caption, a.photo_sha256, a.width, a.height))
    return groups


# ---- checking and rendering a template -------------------------------------------------------------


def _sandbox():
    """Jinja's sandbox with sizes, ranges, loop steps and time bounded (inspector.templates)."""
    return tg.sandbox()


def check_template(path: str | Path, sample: dict[str, Any] | None = None) -> None:
    """Refuse a template that cannot be used: not a .docx, a zip bomb, macros, a link to anything
    outside the file, a Jinja syntax error or a field we do not provide; the message names the
    problem and where it is (part, paragraph, table cell). The Jinja part of the check runs in a
    child process within the limits of inspector.templates. Raises TemplateError."""
    tg.read(path, strict=True)
    tg.run_isolated(path, "check", {"sample": sample})


def _lint(path: str | Path, data: bytes, sample: dict[str, Any] | None) -> None:
    """docxtpl-lint on the template's bytes (already read within bounds): syntax and unknown fields."""
    from docxtpl_lint import lint

    fields = sample if sample is not None else SAMPLE_FIELDS
    try:
        result = lint(data, fields, jinja_env=_sandbox(), autoescape=True)
    except (MemoryError, RecursionError):
        raise
    except Exception as exc:  # the linter could not read it
        raise TemplateError(str(path), "tpl_cannot_read", detail=tg.one_line(exc)) from None
    problems = [i for i in result.issues if getattr(i, "severity", "error") == "error"]
    if problems:
        first = problems[0]
        where = _where(first)
        message = first.message.replace(
            "is not present in the data file", "is not a field Inspector provides (see docs/template-fields.md)"
        )
        raise TemplateError(
            str(path),
            "tpl_field",
            detail=f"{message}{where}" + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""),
        )


def _isolated_job(path: str, job: str, payload: dict[str, Any]) -> dict[str, Any]:
    """What the child process of inspector.templates runs: "check" (lint) or "fill" (lint, then
    fill with payload["ctx"]; returns the filled XML of the document and of its headers/footers)."""
    src = tg.read(path, strict=True)
    _lint(path, src.data, payload.get("sample"))
    if job == "check":
        return {}
    compiled = _Compiled(Path(path), src)
    document, parts = _fill(compiled, payload["ctx"])
    return {"document": document, "parts": parts}


def _where(issue) -> str:
    loc = getattr(issue, "location", None)
    if loc is None:
        return ""
    part = getattr(loc, "part", "body")
    where = [] if part == "body" else [part]
    if getattr(loc, "paragraph", None) is not None:
        where.append(f"paragraph {loc.paragraph}")
    cells = getattr(loc, "cells", ()) or ()
    if cells:
        where.append("table cell " + " > ".join(str(c) for c in cells))
    return f" ({', '.join(where)})" if where else ""


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_IMAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
_EMU_PER_MM = 36000


class _Compiled:
    """A template read and compiled once: the Jinja templates of the body, headers and footers
    (after docxtpl's clean-up of Word's split runs) and every other part as it is."""

    def __init__(self, path: Path, source: tg.Source | None = None) -> None:
        import io

        from docxtpl import DocxTemplate

        source = source or tg.read(path, strict=False)  # bounded before python-docx opens it
        self.path = path
        try:
            tpl = DocxTemplate(io.BytesIO(source.data))
            tpl.init_docx()
        except TemplateError:
            raise
        except Exception as exc:  # python-docx could not open it
            raise tg.error(
                path,
                exc
                if isinstance(exc, (MemoryError, RecursionError))
                else TemplateError(str(path), "tpl_cannot_read", detail=tg.one_line(exc)),
            ) from None
        self.env = env = _sandbox()
        self.parts: dict[str, Any] = {}
        part = "word/document.xml"
        try:
            self.body = env.from_string(_prepare(tpl.patch_xml(tpl.get_xml())))
            for rel in tpl.docx.part.rels.values():
                if rel.reltype in (tpl.HEADER_URI, tpl.FOOTER_URI) and not rel.is_external:
                    p = rel.target_part
                    part = p.partname.lstrip("/")
                    self.parts[part] = env.from_string(_prepare(tpl.patch_xml(tpl.get_part_xml(p))))
            self.members = source.members
            doc = (source.member("word/document.xml") or b"").decode("utf-8")
            start = doc.index("<w:body")
            stop = doc.rindex("</w:body>") + len("</w:body>")
        except TemplateError:
            raise
        except Exception as exc:
            raise tg.error(path, exc, where=part) from None
        self.doc_head, self.doc_tail = doc[:start], doc[stop:]


_compiled: dict[tuple, _Compiled] = {}


def _prepare(xml: str) -> str:
    return xml


def _finish(xml: str) -> str:
    if "{_" in xml or "_}" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if ("\n" in xml or "\t" in xml) and re.search(r"<w:t(?: [^>]*)?>[^<]*[\n\t][^<]*</w:t>", xml):  # typed line breaks
        xml = re.sub(
            r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)",
            lambda m: (
                m.group(1)
                + m.group(2)
                .replace("\n", '</w:t><w:br/><w:t xml:space="preserve">')
                .replace("\t", '</w:t><w:tab/><w:t xml:space="preserve">')
                + m.group(3)
            ),
            xml,
        )
    return xml


def _template(path: Path) -> _Compiled:
    st = path.stat()
    key = (str(path.resolve()), st.st_mtime_ns, st.st_size)
    if key not in _compiled:
        _compiled[key] = _Compiled(path)
    return _compiled[key]


def _drawing(rid: str, n: int, cx: int, cy: int) -> str:
    """An inline picture, closing the text run it stands in and opening a new one after it."""
    return (
        "</w:t></w:r><w:r><w:drawing>"
        f'<wp:inline xmlns:wp="{_WP}" distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{1000 + n}" name="Ảnh {n}"/>'
        f'<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="{_A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic xmlns:a="{_A}"><a:graphicData uri="{_PIC}"><pic:pic xmlns:pic="{_PIC}">'
        f'<pic:nvPicPr><pic:cNvPr id="{1000 + n}" name="anh{n}.jpeg"/><pic:cNvPicPr/></pic:nvPicPr>'
        f'<pic:blipFill><a:blip xmlns:r="{_R}" r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>'
        '</wp:inline></w:drawing></w:r><w:r><w:t xml:space="preserve">'
    )


def _photo_context(db: Database, photo_groups: list[dict]) -> tuple[list[dict], list[tuple[str, str, bytes]]]:
    """The `anh` field (drawings as markup) and the media to add: [(rId, member name, bytes)]."""
    from markupsafe import Markup

    from . import photos as ph

    media: list[tuple[str, str, bytes]] = []
    blobs = ph.photos_bytes(db, [x[2] for g in photo_groups for x in g["anh"]])
    anh = []
    for g in photo_groups:
        items = []
        for n, caption, sha, w, h in g["anh"]:
            width_mm = min(TEXT_WIDTH_MM, PHOTO_MAX_HEIGHT_MM * w / max(h, 1))
            cx = int(width_mm * _EMU_PER_MM)
            cy = int(cx * h / max(w, 1))
            rid = f"rIdAnh{n}"
            media.append((rid, f"word/media/anh{n}.jpeg", blobs[sha]))
            items.append({"so": n, "hinh": Markup(_drawing(rid, n, cx, cy)), "chu_thich": f"Ảnh {n}. {caption}"})
        anh.append({"tieu_de": g["tieu_de"], "anh": items})
    return anh, media


def _well_formed(xml: str) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, load_dtd=False)
    etree.fromstring(xml.encode("utf-8"), parser)


def _fill(compiled: _Compiled, ctx: dict[str, Any], *, check_xml: bool = True) -> tuple[str, dict[str, str]]:
    """The filled XML of the document and of its headers and footers, within the sandbox's bounds;
    any failure is one TemplateError naming the part. check_xml: parse the result (an office's
    template may fill in markup that breaks the XML; the shipped ones are tested instead)."""
    from lxml import etree

    compiled.env.start()
    part = "word/document.xml"
    try:
        body = _finish(compiled.body.render(ctx))
        size = len(body)
        parts = {}
        for part, t in compiled.parts.items():
            parts[part] = _finish(t.render(ctx))
            size += len(parts[part])
        if size > tg.OUTPUT_LIMIT:
            raise tg.Limit("tpl_output", limit=f"{tg.OUTPUT_LIMIT / 2**20:.0f}")
        part = "word/document.xml"
        document = compiled.doc_head + _size_rules(body) + compiled.doc_tail
        if check_xml:
            _well_formed(document)
            for xml in parts.values():
                _well_formed(xml)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(str(compiled.path), "tpl_bad_xml", where=part, detail=tg.one_line(exc)) from None
    except TemplateError:
        raise
    except Exception as exc:
        raise tg.error(compiled.path, exc, where=part) from None
    return document, parts


def _render(
    template: Path,
    ctx: dict[str, Any],
    db: Database,
    photo_groups: list[dict],
    target: Path,
    *,
    isolated: bool = False,
    sample: dict[str, Any] | None = None,
    title: str | None = None,
) -> None:
    """Fill the template with the context and write the .docx (files.atomic_write). isolated: an
    office's template, already read with check (tg.read strict), filled in a bounded child process
    and checked against `sample` (the fields of the document; the minutes' by default). title: the
    document's title in its properties (the minutes': "Biên bản " and the trích yếu)."""
    anh, media = _photo_context(db, photo_groups)
    ctx = dict(ctx, anh=anh) if photo_groups or "anh" in ctx else ctx
    if isolated:
        source = tg.read(template, strict=True)
        done = tg.run_isolated(template, "fill", {"ctx": ctx, "sample": sample})
        document, parts, members = done["document"], done["parts"], source.members
        if not isinstance(document, str) or not isinstance(parts, dict):
            raise TemplateError(str(template), "tpl_crashed", detail="no document")
    else:
        compiled = _template(template)
        document, parts = _fill(compiled, ctx, check_xml=False)
        members = compiled.members
    parts = dict(parts, **{"docProps/core.xml": _core_xml(ctx, title)})
    _write_docx(target, members, document, parts, media)


def _core_xml(ctx: dict[str, Any], title: str | None = None) -> str:
    """The document's properties: what it is, the set it used, its version code, made now, in
    Vietnamese (never the template's own date or a library's leftovers)."""
    from xml.sax.saxutils import escape

    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    title = title or "Biên bản " + " ".join(str(x) for x in ctx.get("trich_yeu", []) or [])
    subject = str(ctx.get("bo_tieu_chi", ""))
    code = str(ctx.get("ma_doi_chieu", ""))
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title.replace(chr(0xA0), ' '))}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
        f"<dc:creator>Inspector</dc:creator><dc:description>{escape(code)}</dc:description>"
        "<dc:language>vi-VN</dc:language><cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _write_docx(
    target: Path,
    members: list[tuple[zipfile.ZipInfo, bytes]],
    document: str,
    parts: dict[str, str],
    media: list[tuple[str, str, bytes]],
) -> None:
    """The template's members with the filled parts and the photos, every outside link but
    hyperlinks removed (tg.strip_external), written atomically."""
    data: dict[str, bytes] = {}
    stored: set[str] = set()
    for info, blob in members:
        name = info.filename
        if name == "word/document.xml":
            blob = document.encode("utf-8")
        elif name in parts:
            blob = parts[name].encode("utf-8")
        elif name == "word/_rels/document.xml.rels" and media:
            rels = blob.decode("utf-8")
            extra = "".join(f'<Relationship Id="{rid}" Type="{_IMAGE_REL}" Target="{m[5:]}"/>' for rid, m, _ in media)
            blob = rels.replace("</Relationships>", extra + "</Relationships>").encode("utf-8")
        elif name == "[Content_Types].xml" and media and 'Extension="jpeg"' not in blob.decode("utf-8"):
            blob = (
                blob.decode("utf-8")
                .replace("<Default ", '<Default Extension="jpeg" ContentType="image/jpeg"/><Default ', 1)
                .encode("utf-8")
            )
        elif info.compress_type == zipfile.ZIP_STORED:
            stored.add(name)
        data[name] = blob
    data = tg.strip_external(data)
    stamp = (2026, 1, 1, 0, 0, 0)
    with atomic_write(target, durable=False) as tmp:  # made again from the database at any time
        with zipfile.ZipFile(tmp, "w") as z:

            def put(name: str, blob: bytes, is_stored: bool = False) -> None:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_STORED if is_stored else zipfile.ZIP_DEFLATED
                z.writestr(info, blob, compresslevel=None if is_stored else 1)

            for name, blob in data.items():
                put(name, blob, name in stored)
            for _, name, blob in media:
                put(name, blob, True)


_RULE = re.compile(r"<w:p(?: [^>]*)?><w:pPr>((?:(?!</w:pPr>).)*?<w:pBdr>(?:(?!</w:pPr>).)*?)</w:pPr>", re.S)
_PARA = re.compile(r"<w:p(?: [^>]*)?>(?:(?!</w:p>).)*</w:p>|<w:p(?: [^>]*)?/>", re.S)
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")
_SZ = re.compile(r'<w:sz w:val="(\d+)"')


def _size_rules(xml: str) -> str:
    """Set each short line's length from the title above it: 1/3–1/2 of the longest line of a
    name or subject, the full length of the Tiêu ngữ (bien-ban-format.md, section 3). A line is
    an empty paragraph with a top border and an exact 2 pt height; the document is not parsed,
    only these few paragraphs are found and changed."""
    from html import unescape

    out, last = [], 0
    for m in _RULE.finditer(xml):
        ppr = m.group(1)
        if 'w:lineRule="exact"' not in ppr or "<w:ind" not in ppr:
            continue
        before = xml[: m.start()]
        tc_open = max(before.rfind("<w:tc>"), before.rfind("<w:tc "))
        in_cell = tc_open > before.rfind("</w:tc>")
        container = 9355
        start = max(before.rfind("</w:tbl>"), before.rfind("<w:body"), 0)
        if in_cell:
            width = re.search(r'<w:tcW w:w="(\d+)"', before[tc_open : tc_open + 400])
            container = int(width.group(1)) if width else container
            start = tc_open
        above = []
        for para in reversed(_PARA.findall(before, start)):
            text = unescape("".join(_TEXT.findall(para)))
            if not text.strip():
                break
            size = _SZ.search(para)
            above.append((text, int(size.group(1)) / 2 if size else 14))
        if not above:
            continue
        if above[0][0].strip() == "Độc lập - Tự do - Hạnh phúc":
            length = text_width(above[0][0], above[0][1])  # as long as the Tiêu ngữ
        else:
            length = max(min(text_width(t, sz), container) for t, sz in above) * 0.4
        indent = max(0, round((container - length) / 2))
        new_ppr = re.sub(r"<w:ind [^>]*/>", f'<w:ind w:left="{indent}" w:right="{indent}"/>', ppr, count=1)
        out.append(xml[last : m.start(1)])
        out.append(new_ppr)
        last = m.end(1)
    out.append(xml[last:])
    return "".join(out)


_FONT_FILES = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman_Bold.ttf",
    "C:/Windows/Fonts/timesbd.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
    "/Library/Fonts/Times New Roman Bold.ttf",
)
_font: Any = None  # Pillow's FreeTypeFont once loaded, False when no font file is found


def text_width(text: str, size_pt: float) -> float:
    """Width in twips of a line in Times New Roman Bold (or metric-compatible Liberation Serif);
    without either, the estimate of bien-ban-format.md (0.72 em a capital, 0.5 a small letter)."""
    global _font
    if _font is None:
        _font = False
        try:
            from PIL import ImageFont

            for f in _FONT_FILES:
                if Path(f).exists():
                    _font = ImageFont.truetype(f, 1000)
                    break
        except ImportError:  # pragma: no cover
            pass
    if _font:
        return _font.getlength(text) / 1000 * size_pt * 20
    em = size_pt * 20
    return sum(0.72 * em if c.isupper() else 0.25 * em if c == " " else 0.5 * em for c in text)


# ---- writing the file --------------------------------------------------------------------------------


def _locked(path: Path) -> bool:
    """Word keeps "~$name.docx" (first two letters replaced for long names) beside an open file;
    on Windows an open file also cannot be opened for writing."""
    for lock in (path.with_name("~$" + path.name), path.with_name("~$" + path.name[2:])):
        if lock.exists():
            return True
    if path.exists():
        try:
            with open(path, "r+b"):
                pass
        except PermissionError:
            return True
    return False


def free_name(path: Path) -> Path:
    """BB_Ninh-Xuan_2026-11-23 (2).docx, the first such name not taken or locked."""
    n = 2
    while True:
        cand = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not cand.exists() and not _locked(cand):
            return cand
        n += 1


def write_minutes(
    db: Database,
    visit_id: str,
    out: str | Path,
    *,
    template: str | Path | None = None,
    layout: str = "areas",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the visit's minutes to `out` (.docx). `template`: an office's own template, checked and
    filled in a bounded child process (inspector.templates). layout: "areas" (a short account of
    each area in the body, the full sheet as Phụ lục I) or "tables" (the full tables in the body). Raises TemplateError (nothing
    written), OutputLocked (the file is open in Word; `suggestion` holds a free name), CannotWrite
    (disk full, read-only folder)."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"{out.name}: the minutes are a Word file; use a name ending in .docx")
    if _locked(out):
        raise OutputLocked(str(out), str(free_name(out)))
    visit = ins.get_visit(db, visit_id)
    insp = ins.get_inspection(db, visit.inspection_id)
    tpl_path = Path(template) if template else DEFAULT_TEMPLATE.get(insp.kind, DEFAULT_TEMPLATE["kiem_tra"])
    steps = 4
    if progress:
        progress(0, steps)
    if template:
        tg.read(tpl_path, strict=True)  # the cheap refusals first (links, macros, zip bomb)
    if layout not in LAYOUTS:
        raise InvalidInput(f"layout {layout!r}: expected one of {', '.join(LAYOUTS)}")
    ctx = context(db, visit.id, tables_in_body=layout == "tables")
    groups = _photo_groups(db, visit.id, cl.get(db, visit.checklist_version))
    if progress:
        progress(1, steps)
    if cancelled and cancelled():
        raise Cancelled()
    try:
        _render(tpl_path, ctx, db, groups, out, isolated=bool(template))
    except PermissionError:
        raise OutputLocked(str(out), str(free_name(out))) from None
    if progress:
        progress(steps, steps)
    return out


# ---- PDF ------------------------------------------------------------------------------------------------


def office_converter() -> str | None:
    """LibreOffice's soffice when installed, else "word" on Windows with Microsoft Word, else None
    (the window then opens the .docx itself)."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for p in (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    ):
        if Path(p).exists():
            return p
    if os.name == "nt":  # pragma: no cover - Windows: Microsoft Word through COM
        from . import word_pdf

        if word_pdf.available():
            return "word"
    return None


# LibreOffice's settings in the private profile of a conversion: links are never updated, linked
# pictures of untrusted documents never fetched, macros never run (values from officecfg's
# schemas: Writer Content/Update/Link 0 = never; Common Security/Scripting).
_LO_SETTINGS = (
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "0"),
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "int", "1"),
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks", "boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution", "boolean", "true"),
)


def _lo_profile(profile: Path) -> None:
    """A private LibreOffice profile whose settings fetch nothing (_LO_SETTINGS)."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse"><value>{value}</value></prop></item>\n'
        for path, name, _, value in _LO_SETTINGS
    )
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        + items
        + "</oor:items>\n",
        encoding="utf-8",
    )


def _without_links(src: Path, dst: Path) -> None:
    """A copy of a .docx with every outside relationship but hyperlinks removed (tg.strip_external)."""
    try:
        with zipfile.ZipFile(src) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > 4 * tg.TOTAL_LIMIT + 2**30:
                raise InvalidInput(f"{src.name} is too large to make a PDF of")
            data = {i.filename: z.read(i) for i in infos}
            kinds = {i.filename: i.compress_type for i in infos}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InvalidInput(f"{src.name} is not a Word document ({tg.one_line(exc)})") from None
    data = tg.strip_external(data)
    dst.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dst, "w") as z:
        for name, blob in data.items():
            z.writestr(name, blob, compress_type=kinds.get(name, zipfile.ZIP_DEFLATED))


def _run_office(cmd: list[str], timeout: int) -> None:
    """Run LibreOffice; on timeout kill it with every process it started (soffice → soffice.bin)."""
    kwargs: dict[str, Any] = {}
    if os.name == "nt":  # pragma: no cover
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    try:
        proc.communicate(timeout=timeout)
    except BaseException:
        tg._kill(proc)
        proc.communicate()
        raise


def to_pdf(docx_path: str | Path, *, timeout: int = 180) -> Path:
    """Convert a .docx to PDF beside it (same name .pdf). LibreOffice is given absolute paths (a name
    starting with "-" is never an option), a copy without outside links, and a private profile that
    updates no link and runs no macro. Raises InvalidInput when no converter or it fails,
    OutputLocked when the PDF is open in another program, CannotWrite for a disk error."""
    src = Path(os.path.abspath(docx_path))
    exe = office_converter()
    if exe is None:
        raise InvalidInput("no LibreOffice or Word to make a PDF")
    if not src.is_file():
        raise InvalidInput(f"{src} does not exist")
    target = src.with_suffix(".pdf")
    if _locked(target):
        raise OutputLocked(str(target), str(free_name(target)))
    with tempfile.TemporaryDirectory(prefix="inspector-pdf-") as tmp:
        work = Path(tmp).resolve()
        clean = work / "in" / "document.docx"  # a plain name: nothing in it LibreOffice could misread
        _without_links(src, clean)
        outdir = work / "out"
        if exe == "word":  # Windows with Word: the result file is checked, not Word's word
            from . import word_pdf

            outdir.mkdir()
            out = outdir / "document.pdf"
            word_pdf.convert(clean, out)
        else:
            profile = work / "profile"
            _lo_profile(profile)
            cmd = [
                exe,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--nolockcheck",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(clean),
            ]
            try:
                _run_office(cmd, timeout)
            except subprocess.TimeoutExpired:
                raise InvalidInput("LibreOffice took too long to make the PDF") from None
            except OSError as exc:
                raise InvalidInput(f"LibreOffice could not be started ({tg.one_line(exc)})") from None
            out = outdir / "document.pdf"
        if not out.exists() or out.stat().st_size == 0:
            raise InvalidInput(f"{'Microsoft Word' if exe == 'word' else 'LibreOffice'} could not make the PDF")
        try:
            with atomic_write(target, durable=False) as staged:
                shutil.copyfile(out, staged)
        except PermissionError:
            raise OutputLocked(str(target), str(free_name(target))) from None
    return target


# ---- the fields a template may use ---------------------------------------------------------------

SAMPLE_FIELDS: dict[str, Any] = {
    "loai": "kiem_tra",
    "giam_sat": False,
    "co_quan_chu_quan": ["UBND TỈNH"],
    "ten_doan": ["ĐOÀN KIỂM TRA"],
    "so_ky_hieu": "Số: /BB-ĐKT",
    "ky_hieu": "BB-ĐKT",
    "dia_danh_ngay": "Khánh Hòa, ngày 17 tháng 11 năm 2026",
    "dia_danh": "Khánh Hòa",
    "ngay": "ngày 17 tháng 11 năm 2026",
    "ngay_ngan": "17/11/2026",
    "trich_yeu": ["Kiểm tra"],
    "can_cu": ["Căn cứ ."],
    "mo_dau": "Hôm nay",
    "xa": "Ninh Xuân",
    "tinh": "Khánh Hòa",
    "dia_diem": "trụ sở",
    "gio_bat_dau": "08:00",
    "gio_ket_thuc": "11:30",
    "thanh_vien": ["- Ông (Bà)"],
    "don_vi_duoc_kiem_tra": "Đơn vị",
    "dai_dien": ["- Ông (Bà)"],
    "thanh_phan_khac": ["- Ông (Bà)"],
    "noi_dung": "Kiểm tra",
    "ket_qua": [
        {
            "so": "1",
            "ma": "A",
            "ten": "Nhóm",
            "diem": " (10/12 điểm)",
            "dong": [{"stt": "1", "ma": "A1", "noi_dung": "Tiêu chí", "ket_qua": "Đạt", "ghi_chu": "", "dat": True}],
            "tom_tat": ["Đạt 1/1 tiêu chí."],
        }
    ],
    "bo_tieu_chi": "Bộ tiêu chí (MA.1)",
    "diem": {
        "cau": "Tổng điểm: 72,5/100 điểm, xếp loại Khá.",
        "tong": "72,5",
        "toi_da": "100",
        "chi_so": "72,5",
        "xep_loai": "Khá",
        "linh_vuc": [{"ma": "A", "ten": "Lĩnh vực", "diem": "10", "toi_da": "12"}],
    },
    "uu_diem": ["-"],
    "ton_tai": ["-"],
    "nguyen_nhan": ["-"],
    "kien_nghi": [{"stt": "1", "noi_dung": "Nội dung", "don_vi": "UBND xã", "thoi_han": "31/12/2026"}],
    "khong_co_kien_nghi": "Không có kiến nghị.",
    "y_kien": ["Ý kiến"],
    "ket_thuc": "Buổi kiểm tra kết thúc./.",
    "ky_ben_xa": "ĐẠI DIỆN UBND XÃ",
    "ten_ben_xa": "Tên",
    "ten_truong_doan": "Tên",
    "ten_thu_ky": "Tên",
    "noi_nhan": ["- Lưu: VT."],
    "kem_theo": "(Kèm theo)",
    "bang_trong_than": False,
    "phu_luc_anh": "Phụ lục II",
    "ma_doi_chieu": "Mã đối chiếu: 0000-0000",
    "dieu_chinh": ["- B2 (kết quả): Đạt → Không đạt; lý do: ; người điều chỉnh: , lúc ."],
    "anh": [{"tieu_de": "B1", "anh": [{"so": 1, "hinh": "", "chu_thich": "Ảnh 1."}]}],
}

__all__ = [
    "Amendment",
    "Gaps",
    "amended_items",
    "amendments",
    "check_template",
    "context",
    "default_filename",
    "free_name",
    "gaps",
    "long_date",
    "office_converter",
    "short_date",
    "sign_visit",
    "to_pdf",
    "version_code",
    "write_minutes",
]


# ---- before printing and signing ------------------------------------------------------------------


@dataclass(frozen=True)
class Gaps:
    """What the minutes of a visit would lack: items without an answer, items whose required
    photo is missing, and empty sections ("time", "place", "representatives", "findings")."""

    unanswered: tuple[str, ...]
    photos_missing: tuple[str, ...]
    sections: tuple[str, ...]
    unmentioned: tuple[str, ...] = ()  # items not met that no tồn tại or kiến nghị names
    # (item code, tồn tại): a shortcoming whose related item is answered as met (D6 "Có" beside
    # "máy lấy số hỏng"): one of the two is wrong
    contradicted: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.unanswered or self.photos_missing or self.sections or self.unmentioned or self.contradicted)

    @property
    def essential(self) -> tuple[str, ...]:
        """What the minutes cannot be printed without (the command line refuses; the window asks)."""
        return tuple(x for x in self.sections if x in ESSENTIAL)


ESSENTIAL = ("province",)  # the header would read "UBND TỈNH" with no name
SECTION_WORDS = {
    "province": ("tên tỉnh, thành phố (ở đầu biên bản)", "the province's name (at the head of the minutes)"),
    "time": ("giờ bắt đầu, kết thúc", "start and end time"),
    "place": ("địa điểm", "place"),
    "representatives": ("đại diện xã", "commune representatives"),
    "findings": ("tồn tại, kiến nghị", "findings and recommendations"),
}


def gaps(db: Database, visit_id: str) -> Gaps:
    """What is missing before the minutes of a visit are printed or marked signed."""
    from . import photos as ph

    visit = ins.get_visit(db, visit_id)
    checklist = cl.get(db, visit.checklist_version)
    answers = ans.answers_for_visit(db, visit.id)
    unanswered = tuple(
        it.code for it in checklist.items if not (answers.get(it.code) and answers[it.code].value not in (None, ""))
    )
    counts = ph.counts_by_item(db, visit.id)
    photos_missing = tuple(it.code for it in checklist.items if it.photo_required and not counts.get(it.code))
    sections = []
    if not visit.province and not clean_line(ins.get_inspection(db, visit.inspection_id).parent_agency):
        sections.append("province")
    if not (visit.start_time and visit.end_time):
        sections.append("time")
    if not visit.place:
        sections.append("place")
    if not visit.representatives:
        sections.append("representatives")
    finds = ins.findings(db, visit.id)
    if not any(f.kind in ("ton_tai", "kien_nghi", "uu_diem") for f in finds):
        sections.append("findings")
    # an item not met must appear in the findings: named in a tồn tại's or kiến nghị's related items,
    # or by its code in their text
    named = set()
    for f in finds:
        if f.kind in ("ton_tai", "kien_nghi", "nguyen_nhan"):
            named |= {c.strip().upper() for c in re.split(r"[,;\s]+", f.items or "") if c.strip()}
            named |= set(re.findall(r"\b[A-Z]{1,2}\d{1,3}\b", f.text or ""))
    unmentioned = tuple(
        it.code
        for it in checklist.items
        if (a := answers.get(it.code)) is not None and ans.is_failed(it, a.value) and it.code not in named
    )
    met = {"assessment": ("dat",), "yesno": ("co",)}
    contradicted = tuple(
        (code, f.text)
        for f in finds
        if f.kind == "ton_tai"
        for code in dict.fromkeys(c.strip().upper() for c in re.split(r"[,;\s]+", f.items or "") if c.strip())
        if code in checklist.by_code
        and (a := answers.get(code)) is not None
        and a.value in met.get(checklist.by_code[code].type, ())
    )
    return Gaps(unanswered, photos_missing, tuple(sections), unmentioned, contradicted)


def draft_findings(db: Database, visit_id: str) -> list[tuple[str, str]]:
    """Suggested tồn tại and kiến nghị, (kind, text), for the items not met that no finding names
    yet, in checklist order: the shortcoming in the item's own words with the inspector's note,
    and the matching recommendation. The inspector edits them before they are saved; each names
    its item's code, so it counts as mentioned."""
    g = gaps(db, visit_id)
    if not g.unmentioned:
        return []
    visit = ins.get_visit(db, visit_id)
    checklist = cl.get(db, visit.checklist_version)
    answers = ans.answers_for_visit(db, visit.id)
    out: list[tuple[str, str]] = []
    for code in g.unmentioned:
        it = checklist.by_code[code]
        a = answers.get(code)
        note = f": {a.note.rstrip(' .;')}" if a and a.note else ""
        text = it.text_vi.split(" / ")[0]
        if a and a.value == "dat_mot_phan":
            out.append(("ton_tai", f"Mới đạt một phần tiêu chí «{text}» ({code}){note}"))
        else:
            phrase = words.not_met_phrase(it.text_vi, it.type, it.not_met)
            out.append(("ton_tai", f"{phrase[0].upper() + phrase[1:]} ({code}){note}"))
        out.append(("kien_nghi", f"Khắc phục để đạt tiêu chí «{text}» ({code})"))
    return out


def item_codes(db: Database, visit_id: str, text: str) -> str:
    """The checklist codes a finding's text names ("… (B3), B4"), as its related items."""
    visit = ins.get_visit(db, visit_id)
    known = cl.get(db, visit.checklist_version).by_code
    return ", ".join(dict.fromkeys(c for c in re.findall(r"\b[A-Z]{1,2}\d{1,3}\b", text or "") if c in known))


# ---- amendments after signing ---------------------------------------------------------------------


@dataclass(frozen=True)
class Amendment:
    """A change made to a visit after its minutes were signed: every such change carries a reason."""

    entity: str  # answer, finding, attachment, visit
    item_code: str  # the checklist item, for answers and photos ("" otherwise)
    field: str
    old: Any
    new: Any
    reason: str
    author: str
    time: str  # local date and time of the change


def amendments(db: Database, visit_id: str) -> list[Amendment]:
    """The visit's changes made after signing (those with a reason), oldest first, each with the
    value it replaced."""
    rows = db.execute(
        "SELECT e.id, e.entity, e.field, e.value, e.ctx, e.reason, e.author, e.hlc, "
        " (SELECT p.value FROM event_parents ep JOIN events p ON p.id = ep.parent WHERE ep.child = e.id "
        "  ORDER BY p.hlc DESC LIMIT 1) "
        "FROM events e WHERE e.reason IS NOT NULL AND e.reason != '' AND ("
        " (e.entity = 'visit' AND e.entity_id = ?) OR json_extract(e.ctx, '$.visit_id') = ?) "
        "ORDER BY e.hlc, e.id",
        [visit_id, visit_id],
    ).fetchall()
    out = []
    for _eid, entity, fld, value, ctx, reason, author, hlc, old in rows:
        c = json.loads(ctx) if ctx else {}
        code = c.get("item_code", "") if entity == "answer" else ""
        out.append(
            Amendment(
                entity,
                code,
                fld,
                json.loads(old) if old else None,
                json.loads(value),
                reason,
                author or "",
                events.hlc_time(hlc),
            )
        )
    return out


def _amendment_lines(db: Database, visit: ins.Visit) -> list[str]:
    """The amendments as the reprinted minutes list them, one line each."""
    from . import words

    checklist = cl.get(db, visit.checklist_version)
    lines = []
    for a in amendments(db, visit.id):
        if a.entity == "answer" and a.item_code:
            try:
                item = checklist.item(a.item_code)
            except InspectorError:
                item = None
            what = f"{a.item_code} ({'ghi chú' if a.field == 'note' else 'kết quả'})"
            if a.field == "note" or item is None:
                old, new = clean_line(str(a.old or "")) or "…", clean_line(str(a.new or "")) or "…"
            else:
                old, new = ans.display(item, a.old) or "…", ans.display(item, a.new) or "…"
        else:
            what = words.word("entity", a.entity) + " (" + words.word("field", a.field).lower() + ")"
            old, new = (
                clean_line(json.dumps(x, ensure_ascii=False) if isinstance(x, (list, dict)) else str(x or ""))[:80]
                or "…"
                for x in (a.old, a.new)
            )
        when = a.time[11:16] + " " + short_date(a.time[:10]) if a.time else ""
        lines.append(
            f"- {what}: {old} → {new}; lý do: {words.reason_text(a.reason)}; người điều chỉnh: {a.author}, lúc {when}."
        )
    return lines


def amended_items(db: Database, visit_id: str) -> set[str]:
    """The checklist items of a visit whose answer was changed after signing."""
    return {a.item_code for a in amendments(db, visit_id) if a.item_code}
