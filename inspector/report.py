"""The báo cáo of an inspection: the results of all its communes as an administrative document
(NĐ 30/2020, "văn bản có tên loại"), from a docxtpl template like the minutes'.

Header block (parent body, delegation, Số/ký hiệu BC-ĐKT or BC-ĐGS, Quốc hiệu, place and date),
"BÁO CÁO / Kết quả kiểm tra …", I. Khái quát (what founded the delegation, when, who, which
communes), II. Kết quả by area (rates summed across communes with their numerators and
denominators, the communes that fail each item named, the communes ranked when the set has
points), III. Tồn tại, nguyên nhân, IV. Kiến nghị, đề xuất, the signature and Nơi nhận. Visits not
finished are listed apart and left out of every figure, and the text says so.

The shipped template is resources/templates/bao-cao.docx (tools/make_templates.py); an office's
own is checked and filled like an office's minutes template (inspector.templates).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from . import answers as ans
from . import inspections as ins
from . import minutes as mn
from . import scoring, words
from . import summary as sm
from .db import Database
from .errors import Cancelled, InvalidInput, OutputLocked
from .text import clean_line, fold, percent

TEMPLATE = mn.TEMPLATES / "bao-cao.docx"


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text and text[:2] != text[:2].upper() else text


def _dates(visits: list[ins.Visit]) -> str:
    days = sorted({v.date for v in visits if v.date})
    if not days:
        return ""
    if len(days) == 1:
        return f"ngày {mn.short_date(days[0])}"
    return f"từ ngày {mn.short_date(days[0])} đến ngày {mn.short_date(days[-1])}"


def _communes(visits: list[ins.Visit]) -> str:
    return ", ".join(v.commune for v in visits)


def _quantity_lines(m: sm.Matrix, items: list, done: list[ins.Visit]) -> list[str]:
    """Ratios summed across the communes ("1.076/1.179 (91,3%)") and counts summed (sm.figures),
    each with its range across the communes (which end is good depends on the item: none is
    called so)."""
    sums = sm.figures(m)
    out = []
    for it in items:
        fig = sums.get(it.code)
        if fig is None or (it.type == "ratio" and not fig.denominator):
            continue
        missing = len(done) - fig.communes
        tail = f"; {missing} xã không có số liệu" if missing else ""
        got = [(v.commune, m.cells[v.id][it.code].value) for v in done]
        got = [(c, x) for c, x in got if x not in (None, ans.NO_DATA)]
        if it.type == "ratio":
            parts = [(c, ans.ratio_parts(x) or (0, 0)) for c, x in got]
            rated = sorted(((n / d, c, n, d) for c, (n, d) in parts if d), key=lambda r: (r[0], r[1]))
            spread = (
                f"; từ {percent(rated[0][2], rated[0][3])} (xã {rated[0][1]}) đến "
                f"{percent(rated[-1][2], rated[-1][3])} (xã {rated[-1][1]})"
                if len(rated) > 1 and rated[0][0] != rated[-1][0]
                else ""
            )
            den = fig.denominator or 0
            out.append(
                f"- {it.text_vi}: {ans.grouped(fig.numerator)}/{ans.grouped(den)} ({percent(fig.numerator, den)}), "
                f"cộng {fig.communes} xã" + spread + tail + "."
            )
        else:
            unit = f" {it.unit}" if it.unit else ""
            values = sorted(((int(x or 0), c) for c, x in got))
            spread = (
                f"; từ {ans.grouped(values[0][0])}{unit} (xã {values[0][1]}) đến "
                f"{ans.grouped(values[-1][0])}{unit} (xã {values[-1][1]})"
                if len(values) > 1 and values[0][0] != values[-1][0]
                else ""
            )
            text = it.text_vi.split(" / ")[0]
            out.append(f"- {text}: tổng {ans.grouped(fig.numerator)}{unit} ở {fig.communes} xã" + spread + tail + ".")
    return out


def _area_lines(m: sm.Matrix, code: str, done: list[ins.Visit]) -> list[str]:
    items = [it for it in m.items if it.group == code]
    lines: list[str] = []
    if code in (means := m.area_averages()):
        pts, mx = means[code]
        lines.append(
            f"Điểm bình quân của lĩnh vực: {scoring.points_text(round(pts, 2))}/"
            f"{scoring.points_text(round(mx, 2))} điểm."
        )
    judged = [it for it in items if it.type in ("assessment", "yesno")]
    met = [it for it in judged if m.totals[it.code].answered and not m.totals[it.code].failed]
    failed = [m.totals[it.code] for it in judged if m.totals[it.code].failed]
    if met:
        lines.append(
            f"- {len(met)}/{len(judged)} tiêu chí đạt ở tất cả các xã có kết quả ({', '.join(it.code for it in met)})."
        )
    for t in failed:
        lines.append(f"- {t.sentence} ({t.item.code}): {', '.join('xã ' + c for c in t.failed_communes)}.")
    lines += _quantity_lines(m, [it for it in items if it.type in ("ratio", "count")], done)
    return lines or ["Không có kết quả."]


def _grouped_texts(pairs: list[tuple[str, str]], *, communes_first: bool = False) -> list[str]:
    """ "- Máy lấy số thứ tự hỏng (xã Ninh Đa, Ninh Xuân)." from (commune, text) pairs: the same
    text written for several communes said once, with the communes, in the order first met."""
    order: dict[str, tuple[str, list[str]]] = {}
    for commune, text in pairs:
        text = text.strip().rstrip(" .;")
        if text:
            order.setdefault(fold(text), (text, []))[1].append(commune)
    if communes_first:  # "- Xã Ninh Đa, Ninh Xuân: thực hiện …" (a recommendation is addressed)
        return [
            f"- Xã {', '.join(dict.fromkeys(communes))}: {text[0].lower() + text[1:] if text[1:2].islower() else text}."
            for text, communes in order.values()
        ]
    return [f"- {text} (xã {', '.join(dict.fromkeys(communes))})." for text, communes in order.values()]


def _commune_texts(
    m: sm.Matrix, visits: list[ins.Visit], answers: dict[str, dict[str, ans.Answer]], kind: str
) -> list[str]:
    """Each commune's findings of a kind (and the lines under the shipped set's G item of that
    kind), the same text for several communes said once."""
    pairs = []
    for v in visits:
        texts = mn.finding_texts(m.findings.get(v.id, []), answers.get(v.id, {}), m.checklist, kind)
        pairs += [(v.commune, t) for t in texts]
    return _grouped_texts(pairs)


def context(db: Database, inspection_id: str, *, on: str | None = None, m: sm.Matrix | None = None) -> dict[str, Any]:
    """Everything the report template prints (see docs/template-fields.md). on: the report's
    date (ISO), today by default."""
    m = m or sm.matrix(db, inspection_id)
    insp = m.inspection
    gs = insp.kind == "giam_sat"
    word = "giám sát" if gs else "kiểm tra"
    doan = "Đoàn giám sát" if gs else "Đoàn kiểm tra"
    done = [v for v in m.visits if v.id in m.complete]
    # the place of the report: the province of the body above the delegation, when it names one
    # of the visited provinces; else the province of most communes
    provinces = Counter(v.province for v in m.visits if v.province)
    named = [p for p in provinces if fold(p) in fold(insp.parent_agency)]
    province = named[0] if named else provinces.most_common(1)[0][0] if provinces else ""
    parent, ten_doan = mn.header_names(insp, province)
    on = on or date.today().isoformat()
    ky_hieu = "BC-ĐGS" if gs else "BC-ĐKT"

    title = clean_line(insp.title)
    if fold(title).startswith(("kiem tra", "giam sat")):
        subject = "Kết quả " + _lower_first(title)
    else:
        subject = f"Kết quả {word} công tác cải cách hành chính" + (f" ({title})" if title else "")

    founding = ""
    if insp.decision_no:
        founding = (
            f"Thực hiện {words.document_kind(insp.decision_no)} số {insp.decision_no} "
            f"{mn.long_date(insp.decision_date)} về việc thành lập {doan} công tác cải cách hành chính, "
        )
    when = _dates(done or m.visits)
    mo_dau = [
        (founding or "")
        + f"{doan} đã {word}"
        + f" công tác cải cách hành chính tại {len(done)} xã"
        + (f" {when}" if when else "")
        + f". {doan} báo cáo kết quả như sau:"
    ]
    mo_dau[0] = mo_dau[0][0].upper() + mo_dau[0][1:]

    members = ins.members(db, insp.id)
    known = ins.known_salutations(db) if any(not mb.salutation for mb in members) else {}
    team = mn.member_lines(members, lambda name, sal: f"- {sal or known.get(fold(name)) or 'Ông (Bà)'} {name}")
    groups = [
        g
        for g in m.checklist.groups
        if any(it.group == g.code for it in m.items)  # the shipped set's G (texts) goes to III and IV
    ]
    khai_quat = [
        f"1. Thời gian {word}: {when}." if when else f"1. Thời gian {word}: {mn.DOTS}",
        f"2. Thành phần {doan}:",
        *(team or [mn.DOTS]),
        f"3. Đơn vị được {word}: Ủy ban nhân dân {len(done)} xã" + (f" ({_communes(done)})." if done else "."),
    ]
    if m.unfinished:
        total = len(m.items)
        khai_quat.append(
            f"Chưa {word} xong, không tính vào các số liệu của báo cáo này: "
            + "; ".join(
                f"xã {v.commune} ({sum(1 for c in m.cells[v.id].values() if c.value is not None)}/{total} "
                "tiêu chí đã có kết quả)"
                for v in m.unfinished
            )
            + "."
        )
    khai_quat.append(
        f"4. Nội dung {word}: theo {m.checklist.title} ({m.checklist.id}), gồm {len(m.items)} tiêu chí "
        f"thuộc {len(groups)} lĩnh vực" + (f"; kỳ số liệu: {clean_line(insp.period)}" if insp.period else "") + "."
    )

    linh_vuc = [
        {"so": str(n), "ma": g.code, "ten": g.title_vi, "dong": _area_lines(m, g.code, done)}
        for n, g in enumerate(groups, 1)
    ]
    xep_hang = []
    if m.scores:
        for v in (v for v in m.ranking() if v.id in m.scores):
            sc = m.scores[v.id]
            xep_hang.append(
                {
                    "hang": str(m.ranks[v.id]),
                    "xa": v.commune,
                    "diem": f"{scoring.points_text(sc.points)}/{scoring.points_text(sc.maximum)}",
                    "chi_so": scoring.points_text(sc.index) if sc.index is not None else "—",
                    "xep_loai": sc.klass or "—",
                }
            )
    classes = Counter(r["xep_loai"] for r in xep_hang if r["xep_loai"] != "—")
    xep_hang_sau = ["Xếp loại: " + "; ".join(f"{k}: {n} xã" for k, n in classes.items()) + "."] if classes else []

    common = [t for t in m.common_shortcomings() if t.failed > 1]
    ton_tai = [f"- {t.sentence[0].upper() + t.sentence[1:]} ({t.item.code})." for t in common]
    answers = ans._answers_of(db, [v.id for v in done])  # read once for both kinds
    ton_tai += _commune_texts(m, done, answers, "ton_tai")
    nguyen_nhan = _commune_texts(m, done, answers, "nguyen_nhan")
    failing = [v.commune for v in done if any(c.failed for c in m.cells[v.id].values())]
    home = clean_line(insp.home_office)
    kien_nghi = []
    if failing:
        kien_nghi.append(
            f"1. Đề nghị Ủy ban nhân dân các xã {', '.join(failing)} khắc phục các tồn tại, hạn chế nêu tại "
            f"Mục III; báo cáo kết quả khắc phục về {home or doan} trước ngày {mn.DOTS[:12]}"
        )
    kien_nghi += _grouped_texts(
        [
            (v.commune, f.text.rstrip(" .;") + (f" ({f.responsible})" if f.responsible else ""))
            for v in done
            for f in m.findings.get(v.id, [])
            if f.kind == "kien_nghi"
        ],
        communes_first=True,
    )
    kien_nghi += [f"{2 if failing else 1}. Đề xuất:", mn.DOTS]

    tinh = f" tỉnh {province}" if province else " tỉnh"
    setter = f"Thường trực HĐND{tinh}" if gs else f"Chủ tịch UBND{tinh}"
    noi_nhan = mn._end(
        [
            f"- {setter} (để báo cáo)",
            *([f"- {home} (để tổng hợp)"] if home and fold(home) != fold(setter) else []),
            "- UBND các xã được " + word,
            f"- Thành viên {doan}",
            "- Lưu: VT, Hồ sơ Đoàn",
        ]
    )
    head = next((mb.name for mb in sorted(members, key=lambda mb: mb.ord) if mb.role == "truong_doan"), "")
    return {
        "loai": insp.kind,
        "giam_sat": gs,
        "doan": doan,
        "co_quan_chu_quan": [parent],
        "ten_doan": ten_doan,
        "so_ky_hieu": f"Số:        /{ky_hieu}",
        "ky_hieu": ky_hieu,
        "dia_danh_ngay": f"{province or '…'}, {mn.long_date(on)}",
        "dia_danh": province,
        "ngay": mn.long_date(on),
        "trich_yeu": [subject],
        "mo_dau": mo_dau,
        "khai_quat": khai_quat,
        "tieu_de_ket_qua": f"II. KẾT QUẢ {word.upper()}",
        "linh_vuc": linh_vuc,
        "tieu_de_xep_hang": f"{len(linh_vuc) + 1}. Kết quả chấm điểm, xếp hạng" if xep_hang else "",
        "xep_hang": xep_hang,
        "xep_hang_sau": xep_hang_sau,
        "ton_tai": ton_tai or ["Không phát hiện tồn tại, hạn chế."],
        "nguyen_nhan": nguyen_nhan or [mn.DOTS],
        "kien_nghi": kien_nghi,
        "ket_thuc": f"Trên đây là báo cáo kết quả {word} công tác cải cách hành chính của {doan}./.",
        "ky_thay_mat": f"TM. {doan.upper()}",
        "ky_chuc_vu": "TRƯỞNG ĐOÀN",
        "ten_nguoi_ky": head,
        "noi_nhan": noi_nhan,
        "bo_tieu_chi": f"{m.checklist.title} ({m.checklist.id})",
        "so_xa": str(len(done)),
        "ma_doi_chieu": "",
    }


SAMPLE_FIELDS: dict[str, Any] = {
    "loai": "kiem_tra",
    "giam_sat": False,
    "doan": "Đoàn kiểm tra",
    "co_quan_chu_quan": ["UBND TỈNH"],
    "ten_doan": ["ĐOÀN KIỂM TRA"],
    "so_ky_hieu": "Số: /BC-ĐKT",
    "ky_hieu": "BC-ĐKT",
    "dia_danh_ngay": "Khánh Hòa, ngày 30 tháng 11 năm 2026",
    "dia_danh": "Khánh Hòa",
    "ngay": "ngày 30 tháng 11 năm 2026",
    "trich_yeu": ["Kết quả"],
    "mo_dau": ["Thực hiện"],
    "khai_quat": ["1."],
    "tieu_de_ket_qua": "II. KẾT QUẢ KIỂM TRA",
    "linh_vuc": [{"so": "1", "ma": "A", "ten": "A", "dong": ["-"]}],
    "tieu_de_xep_hang": "",
    "xep_hang": [{"hang": "1", "xa": "X", "diem": "1/1", "chi_so": "100", "xep_loai": "Tốt"}],
    "xep_hang_sau": [""],
    "ton_tai": ["-"],
    "nguyen_nhan": ["-"],
    "kien_nghi": ["1."],
    "ket_thuc": "",
    "ky_thay_mat": "TM.",
    "ky_chuc_vu": "TRƯỞNG ĐOÀN",
    "ten_nguoi_ky": "",
    "noi_nhan": ["-"],
    "bo_tieu_chi": "",
    "so_xa": "1",
    "ma_doi_chieu": "",
}


def check_template(path: str | Path) -> None:
    """Refuse an office's report template that cannot be used (as minutes.check_template)."""
    mn.check_template(path, SAMPLE_FIELDS)


def write_report(
    db: Database,
    inspection_id: str,
    out: str | Path,
    *,
    template: str | Path | None = None,
    on: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the báo cáo to `out` (.docx), atomically. Raises TemplateError, OutputLocked
    (open in Word; `suggestion` holds a free name), CannotWrite, Cancelled."""
    out = Path(out)
    if out.suffix.lower() != ".docx":
        raise InvalidInput(f"{out.name}: the report is a Word file; use a name ending in .docx")
    if mn._locked(out):
        raise OutputLocked(str(out), str(mn.free_name(out)))
    if progress:
        progress(0, 3)
    if template:
        mn.tg.read(Path(template), strict=True)  # the cheap refusals first (links, macros, zip bomb)
    ctx = context(db, inspection_id, on=on)
    if progress:
        progress(1, 3)
    if cancelled and cancelled():
        raise Cancelled()
    try:
        mn._render(
            Path(template) if template else TEMPLATE,
            ctx,
            db,
            [],
            out,
            isolated=bool(template),
            sample=SAMPLE_FIELDS,
            title="Báo cáo " + _lower_first(ctx["trich_yeu"][0]),
        )
    except PermissionError:
        raise OutputLocked(str(out), str(mn.free_name(out))) from None
    if progress:
        progress(3, 3)
    return out
