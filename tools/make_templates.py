"""Build the default minutes templates in resources/templates/ (run after changing this file):

    uv run python tools/make_templates.py

Two templates, one per kind of delegation: bien-ban-kiem-tra.docx (People's Committee
inspection) and bien-ban-giam-sat.docx (People's Council oversight). They follow
../shared/domain/bien-ban-format.md (Nghị định 30/2020, Mẫu 1.9): A4, margins 20/20/30/15 mm,
Times New Roman, the borderless two-column header, page numbers from page 2, and so on. Every
run carries its size and weight explicitly, so Word, LibreOffice and the tests read the same
thing. The fields are docxtpl (Jinja) tags, listed in docs/template-fields.md; an office copies a
template, edits it in Word and keeps the tags.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Times New Roman"
TEXT_WIDTH = 9355  # 165 mm
LEFT_COL, RIGHT_COL = 3402, 5953
SIGN_COLS = (4677, 4678)

KIEM_TRA = {
    "doan": "Đoàn kiểm tra",
    "DOAN": "ĐOÀN KIỂM TRA",
    "ky_hieu": "BB-ĐKT",
    "don_vi": "đơn vị được kiểm tra",
    "Don_vi": "Đơn vị được kiểm tra",
    "ket_qua": "III. KẾT QUẢ KIỂM TRA",
    "noi_dung": "II. NỘI DUNG KIỂM TRA",
    "kien_nghi": "V. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC",
    "y_kien": "VI. Ý KIẾN CỦA ĐƠN VỊ ĐƯỢC KIỂM TRA",
    "truong_doan": "TRƯỞNG ĐOÀN KIỂM TRA",
    "buoi": "Buổi kiểm tra",
    "phu_luc": "HÌNH ẢNH KIỂM TRA",
    "phieu": "PHIẾU KIỂM TRA",
    "cot_noi_dung": "Nội dung kiểm tra",
}
GIAM_SAT = {
    "doan": "Đoàn giám sát",
    "DOAN": "ĐOÀN GIÁM SÁT",
    "ky_hieu": "BB-ĐGS",
    "don_vi": "cơ quan, đơn vị chịu sự giám sát",
    "Don_vi": "Cơ quan, đơn vị chịu sự giám sát",
    "ket_qua": "III. KẾT QUẢ GIÁM SÁT",
    "noi_dung": "II. NỘI DUNG GIÁM SÁT",
    "kien_nghi": "V. KIẾN NGHỊ",
    "y_kien": "VI. Ý KIẾN CỦA CƠ QUAN, ĐƠN VỊ CHỊU SỰ GIÁM SÁT",
    "truong_doan": "TRƯỞNG ĐOÀN GIÁM SÁT",
    "buoi": "Buổi làm việc",
    "phu_luc": "HÌNH ẢNH GIÁM SÁT",
    "phieu": "PHIẾU GIÁM SÁT",
    "cot_noi_dung": "Nội dung giám sát",
}


# ---- measuring text, for the short lines under titles ------------------------------------------


def text_width_twips(text: str, size_pt: float) -> float:
    """Width of a line of text in Times New Roman Bold (the generator measures the same way)."""
    from inspector.minutes import text_width

    return text_width(text, size_pt)


# ---- XML pieces ------------------------------------------------------------------------------------


def rpr(sz: int = 28, b: bool = False, i: bool = False) -> str:
    return (
        "<w:rPr>"
        + ("<w:b/><w:bCs/>" if b else "")
        + ("<w:i/><w:iCs/>" if i else "")
        + f'<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr>'
    )


def run(text: str, sz: int = 28, b: bool = False, i: bool = False, raw: bool = False) -> str:
    t = text if raw else escape(text)
    return f'<w:r>{rpr(sz, b, i)}<w:t xml:space="preserve">{t}</w:t></w:r>'


def ppr(
    jc: str = "both",
    first: int | None = 567,
    after: int = 120,
    before: int = 0,
    line: int = 276,
    keep_next: bool = False,
    left: int = 0,
    right: int = 0,
    sz: int = 28,
    b: bool = False,
    i: bool = False,
    extra: str = "",
) -> str:
    ind = ""
    if first is not None or left or right:
        ind = (
            "<w:ind"
            + (f' w:left="{left}"' if left else "")
            + (f' w:right="{right}"' if right else "")
            + (f' w:firstLine="{first}"' if first is not None else "")
            + "/>"
        )
    return (
        "<w:pPr>"
        + ("<w:keepNext/>" if keep_next else "")
        + extra
        + f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="auto"/>'
        + ind
        + f'<w:jc w:val="{jc}"/>'
        + rpr(sz, b, i)
        + "</w:pPr>"
    )


def para(*runs: str, **kw) -> str:
    return f"<w:p>{ppr(**kw)}{''.join(runs)}</w:p>"


def body(text: str, **kw) -> str:
    """A body paragraph: 14 pt, justified, first-line indent 1 cm, 6 pt after, 1.15 lines."""
    sz, b, i = kw.pop("sz", 28), kw.pop("b", False), kw.pop("i", False)
    return para(run(text, sz, b, i, raw=kw.pop("raw", False)), sz=sz, b=b, i=i, **kw)


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl block tag ({%p … %}); docxtpl removes the paragraph."""
    return f"<w:p>{ppr(first=None, after=0)}{run(text, raw=True)}</w:p>"


def rule(cell_width: int, length: float, after: int = 0) -> str:
    """A short solid line: an empty 2 pt paragraph with a top border, centred by equal indents."""
    ind = max(0, round((cell_width - length) / 2))
    return (
        '<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
        f'<w:spacing w:before="40" w:after="{after}" w:line="40" w:lineRule="exact"/>'
        f'<w:ind w:left="{ind}" w:right="{ind}"/><w:jc w:val="center"/>{rpr(4)}</w:pPr></w:p>'
    )


NO_BORDERS = (
    '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
    '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
)
BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        for e in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def table(widths: list[int], rows: list[str], borders: bool, cell_margin: int = 0) -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    mar = (
        f'<w:tblCellMar><w:left w:w="{cell_margin}" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/>'
        "</w:tblCellMar>"
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        + (BORDERS if borders else NO_BORDERS)
        + '<w:tblLayout w:type="fixed"/>'
        + mar
        + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
        'w:noHBand="0" w:noVBand="1"/></w:tblPr>' + f"<w:tblGrid>{grid}</w:tblGrid>" + "".join(rows) + "</w:tbl>"
    )


def row(cells: list[tuple[int, str]], header: bool = False, cant_split: bool = True) -> str:
    trpr = "<w:trPr>" + ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{content}</w:tc>' for w, content in cells)
    return f"<w:tr>{trpr}{tcs}</w:tr>"


def cell_para(
    text: str,
    jc: str = "left",
    sz: int = 26,
    b: bool = False,
    i: bool = False,
    raw: bool = False,
    before: int = 0,
    after: int = 0,
) -> str:
    return para(run(text, sz, b, i, raw=raw), jc=jc, first=None, after=after, before=before, line=240, sz=sz, b=b, i=i)


# ---- the document ------------------------------------------------------------------------------------


def header_block(title: str) -> list[str]:
    """The header of an administrative document (NĐ 30/2020): the borderless two-column table
    (agency and delegation, number; Quốc hiệu, Tiêu ngữ, place and date), the document's kind in
    capitals and its subject (trích yếu) with the short line under it."""
    parts: list[str] = []
    qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    tn = "Độc lập - Tự do - Hạnh phúc"
    left_row1 = (
        tag("{%p for dong in co_quan_chu_quan %}")
        + cell_para("{{ dong }}", jc="center", sz=24, raw=True)
        + tag("{%p endfor %}")
        + tag("{%p for dong in ten_doan %}")
        + cell_para("{{ dong }}", jc="center", sz=24, b=True, raw=True)
        + tag("{%p endfor %}")
        + rule(LEFT_COL, 1400)  # the generator sets its length from the name above it
    )
    right_row1 = (
        cell_para(qh, jc="center", sz=24, b=True)
        + cell_para(tn, jc="center", sz=26, b=True)
        + rule(RIGHT_COL, text_width_twips(tn, 13))
    )
    left_row2 = cell_para("{{ so_ky_hieu }}", jc="center", sz=26, raw=True, before=120)
    right_row2 = cell_para("{{ dia_danh_ngay }}", jc="center", sz=26, i=True, raw=True, before=120)
    parts.append(
        table(
            [LEFT_COL, RIGHT_COL],
            [
                row([(LEFT_COL, left_row1), (RIGHT_COL, right_row1)]),
                row([(LEFT_COL, left_row2), (RIGHT_COL, right_row2)]),
            ],
            borders=False,
        )
    )
    parts.append(para(run(""), first=None, after=0, jc="center"))
    parts.append(para(run(title, 28, b=True), jc="center", first=None, after=0, b=True))
    parts.append(tag("{%p for dong in trich_yeu %}"))
    parts.append(para(run("{{ dong }}", 28, b=True, raw=True), jc="center", first=None, after=0, b=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(rule(TEXT_WIDTH, 3000))  # length set by the generator from the trích yếu
    parts.append(para(run(""), first=None, after=0))
    return parts


def lines(field: str, **kw) -> list[str]:
    """One body paragraph per line of a list field."""
    return [tag(f"{{%p for dong in {field} %}}"), body("{{ dong }}", raw=True, **kw), tag("{%p endfor %}")]


def document_body(w: dict[str, str], section: str) -> str:
    parts = header_block("BIÊN BẢN")

    parts.append(tag("{%p for dong in can_cu %}"))
    parts.append(body("{{ dong }}", i=True, raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(body("{{ mo_dau }}", raw=True))

    parts.append(body("I. THÀNH PHẦN", b=True, keep_next=True))
    parts.append(body(f"1. {w['doan']}", b=True, keep_next=True))
    parts.append(tag("{%p for dong in thanh_vien %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(body("2. {{ don_vi_duoc_kiem_tra }}", b=True, raw=True, keep_next=True))
    parts.append(tag("{%p for dong in dai_dien %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p if thanh_phan_khac %}"))
    parts.append(body("3. Thành phần khác", b=True, keep_next=True))
    parts.append(tag("{%p for dong in thanh_phan_khac %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endif %}"))

    parts.append(body(w["noi_dung"], b=True, keep_next=True))
    parts.append(body("{{ noi_dung }}", raw=True))

    parts.append(body(w["ket_qua"], b=True, keep_next=True))
    cols = [700, 620, 4035, 1700, 2300]
    head = row(
        [
            (cols[0], cell_para("STT", "center", b=True)),
            (cols[1], cell_para("Mã", "center", b=True)),
            (cols[2], cell_para(w["cot_noi_dung"], "center", b=True)),
            (cols[3], cell_para("Kết quả", "center", b=True)),
            (cols[4], cell_para("Ghi chú", "center", b=True)),
        ],
        header=True,
    )
    loop_open = row([(sum(cols), cell_para("{%tr for r in nhom.dong %}", raw=True))])
    data = row(
        [
            (cols[0], cell_para("{{ r.stt }}", "center", raw=True)),
            (cols[1], cell_para("{{ r.ma }}", "center", raw=True)),
            (cols[2], cell_para("{{ r.noi_dung }}", "left", raw=True)),
            (cols[3], cell_para("{{ r.ket_qua }}", "center", raw=True)),
            (cols[4], cell_para("{{ r.ghi_chu }}", "left", raw=True)),
        ]
    )
    loop_close = row([(sum(cols), cell_para("{%tr endfor %}", raw=True))])
    results_table = table(cols, [head, loop_open, data, loop_close], borders=True, cell_margin=85)
    # by area: a short account of each area in the body and the full sheet as Phụ lục I; an office
    # that keeps the tables in the body (bang_trong_than) has no Phụ lục I
    parts.append(tag("{%p for nhom in ket_qua %}"))
    parts.append(body("{{ nhom.so }}. {{ nhom.ten }}{{ nhom.diem }}", b=True, raw=True, keep_next=True))
    parts.append(tag("{%p if bang_trong_than %}"))
    parts.append(results_table)
    parts.append(para(run("", 12), first=None, after=0, line=240, sz=12))
    parts.append(tag("{%p else %}"))
    parts.append(tag("{%p for dong in nhom.tom_tat %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endif %}"))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p if diem %}"))  # a set with points: the commune's total, index and class
    parts.append(body("{{ diem.cau }}", b=True, raw=True))
    parts.append(tag("{%p endif %}"))

    parts.append(body("IV. NHẬN XÉT, ĐÁNH GIÁ CHUNG", b=True, keep_next=True))
    for n, (title, field) in enumerate(
        (("Ưu điểm", "uu_diem"), ("Tồn tại, hạn chế", "ton_tai"), ("Nguyên nhân", "nguyen_nhan")), 1
    ):
        parts.append(body(f"{n}. {title}", b=True, keep_next=True))
        parts.append(tag(f"{{%p for dong in {field} %}}"))
        parts.append(body("{{ dong }}", raw=True))
        parts.append(tag("{%p endfor %}"))

    parts.append(body(w["kien_nghi"], b=True, keep_next=True))
    kcols = [680, 4675, 2400, 1600]
    khead = row(
        [
            (kcols[0], cell_para("STT", "center", b=True)),
            (kcols[1], cell_para("Nội dung", "center", b=True)),
            (kcols[2], cell_para("Đơn vị, người thực hiện", "center", b=True)),
            (kcols[3], cell_para("Thời hạn", "center", b=True)),
        ],
        header=True,
    )
    kopen = row([(sum(kcols), cell_para("{%tr for k in kien_nghi %}", raw=True))])
    kdata = row(
        [
            (kcols[0], cell_para("{{ k.stt }}", "center", raw=True)),
            (kcols[1], cell_para("{{ k.noi_dung }}", "left", raw=True)),
            (kcols[2], cell_para("{{ k.don_vi }}", "left", raw=True)),
            (kcols[3], cell_para("{{ k.thoi_han }}", "center", raw=True)),
        ]
    )
    kclose = row([(sum(kcols), cell_para("{%tr endfor %}", raw=True))])
    parts.append(tag("{%p if kien_nghi %}"))
    parts.append(table(kcols, [khead, kopen, kdata, kclose], borders=True, cell_margin=85))
    parts.append(para(run("", 12), first=None, after=0, line=240, sz=12))
    parts.append(tag("{%p else %}"))
    parts.append(body("{{ khong_co_kien_nghi }}", raw=True))
    parts.append(tag("{%p endif %}"))

    parts.append(body(w["y_kien"], b=True, keep_next=True))
    parts.append(tag("{%p for dong in y_kien %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    # printed again after signing: what was amended, with its reason (none on the first printing)
    parts.append(tag("{%p if dieu_chinh %}"))
    parts.append(body("VII. ĐIỀU CHỈNH SAU KHI KÝ BIÊN BẢN", b=True, keep_next=True))
    parts.append(tag("{%p for dong in dieu_chinh %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endif %}"))
    parts.append(body("{{ ket_thuc }}", raw=True, keep_next=True))

    # signatures
    def sign_cell(title_expr: str, name_expr: str, width: int) -> str:
        return cell_para(title_expr, "center", sz=28, b=True, raw=True) + para(
            run(name_expr, 28, b=True, raw=True), jc="center", first=None, before=1418, after=240, line=240, b=True
        )

    parts.append(
        table(
            list(SIGN_COLS),
            [
                row(
                    [
                        (SIGN_COLS[0], sign_cell("{{ ky_ben_xa }}", "{{ ten_ben_xa }}", SIGN_COLS[0])),
                        (SIGN_COLS[1], sign_cell(w["truong_doan"], "{{ ten_truong_doan }}", SIGN_COLS[1])),
                    ]
                ),
                row(
                    [
                        (SIGN_COLS[0], cell_para("", "center")),
                        (SIGN_COLS[1], sign_cell("THƯ KÝ", "{{ ten_thu_ky }}", SIGN_COLS[1])),
                    ]
                ),
            ],
            borders=False,
        )
    )

    parts.append(
        para(
            run("Nơi nhận:", 24, b=True, i=True),
            jc="left",
            first=None,
            after=0,
            before=240,
            line=240,
            sz=24,
            b=True,
            i=True,
        )
    )
    parts.append(tag("{%p for dong in noi_nhan %}"))
    parts.append(para(run("{{ dong }}", 22, raw=True), jc="left", first=None, after=0, line=240, sz=22))
    parts.append(tag("{%p endfor %}"))

    # Phụ lục I, the full sheet: a new section, numbered from 1
    parts.append(tag("{%p if not bang_trong_than %}"))
    parts.append(f"<w:p><w:pPr>{section.format(extra='')}</w:pPr></w:p>")
    parts.append(para(run("Phụ lục I", 28, b=True), jc="center", first=None, after=0, b=True))
    parts.append(para(run(w["phieu"], 28, b=True), jc="center", first=None, after=0, b=True))
    parts.append(para(run("{{ kem_theo }}", 28, i=True, raw=True), jc="center", first=None, after=240, i=True))
    parts.append(tag("{%p for nhom in ket_qua %}"))
    parts.append(body("{{ nhom.so }}. {{ nhom.ten }}{{ nhom.diem }}", b=True, raw=True, keep_next=True))
    parts.append(results_table)
    parts.append(para(run("", 12), first=None, after=0, line=240, sz=12))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endif %}"))

    # photo appendix: a new section, numbered from 1
    parts.append(tag("{%p if anh %}"))
    parts.append(tag("{%p if bang_trong_than %}"))  # the section that ends here: the body's
    parts.append(f"<w:p><w:pPr>{section.format(extra='')}</w:pPr></w:p>")
    parts.append(tag("{%p else %}"))  # Phụ lục I's, numbered from 1
    restart = section.format(extra='<w:pgNumType w:start="1"/>')
    parts.append(f"<w:p><w:pPr>{restart}</w:pPr></w:p>")
    parts.append(tag("{%p endif %}"))
    parts.append(para(run("{{ phu_luc_anh }}", 28, b=True, raw=True), jc="center", first=None, after=0, b=True))
    parts.append(para(run(w["phu_luc"], 28, b=True), jc="center", first=None, after=0, b=True))
    parts.append(para(run("{{ kem_theo }}", 28, i=True, raw=True), jc="center", first=None, after=240, i=True))
    parts.append(tag("{%p for muc in anh %}"))
    parts.append(body("{{ muc.tieu_de }}", b=True, raw=True, keep_next=True))
    parts.append(tag("{%p for a in muc.anh %}"))
    parts.append(para(run("{{ a.hinh }}", raw=True), jc="center", first=None, after=60, line=240, keep_next=True))
    parts.append(
        para(
            run("{{ a.chu_thich }}", 26, i=True, raw=True), jc="center", first=None, after=240, line=240, sz=26, i=True
        )
    )
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endif %}"))
    return "".join(parts)


def report_body() -> str:
    """The báo cáo of an inspection (summary of the communes): NĐ 30's "văn bản có tên loại".
    The words that differ between an inspection and an oversight are fields (`doan`, `DOAN`…)."""
    parts = header_block("BÁO CÁO")
    parts += lines("mo_dau")
    for heading, field in (
        ("I. KHÁI QUÁT CHUNG", "khai_quat"),
        ("{{ tieu_de_ket_qua }}", None),
    ):
        parts.append(body(heading, b=True, keep_next=True, raw=True))
        if field:
            parts += lines(field)
    parts.append(tag("{%p for lv in linh_vuc %}"))
    parts.append(body("{{ lv.so }}. {{ lv.ten }}", b=True, raw=True, keep_next=True))
    parts.append(tag("{%p for dong in lv.dong %}"))
    parts.append(body("{{ dong }}", raw=True))
    parts.append(tag("{%p endfor %}"))
    parts.append(tag("{%p endfor %}"))
    # a set with points: the communes ranked
    cols = [900, 3655, 1700, 1300, 1800]
    head = row(
        [
            (cols[0], cell_para("Hạng", "center", b=True)),
            (cols[1], cell_para("Xã", "center", b=True)),
            (cols[2], cell_para("Điểm", "center", b=True)),
            (cols[3], cell_para("Chỉ số", "center", b=True)),
            (cols[4], cell_para("Xếp loại", "center", b=True)),
        ],
        header=True,
    )
    loop_open = row([(sum(cols), cell_para("{%tr for r in xep_hang %}", raw=True))])
    data = row(
        [
            (cols[0], cell_para("{{ r.hang }}", "center", raw=True)),
            (cols[1], cell_para("{{ r.xa }}", "left", raw=True)),
            (cols[2], cell_para("{{ r.diem }}", "center", raw=True)),
            (cols[3], cell_para("{{ r.chi_so }}", "center", raw=True)),
            (cols[4], cell_para("{{ r.xep_loai }}", "center", raw=True)),
        ]
    )
    loop_close = row([(sum(cols), cell_para("{%tr endfor %}", raw=True))])
    parts.append(tag("{%p if xep_hang %}"))
    parts.append(body("{{ tieu_de_xep_hang }}", b=True, raw=True, keep_next=True))
    parts.append(table(cols, [head, loop_open, data, loop_close], borders=True, cell_margin=85))
    parts.append(para(run("", 12), first=None, after=0, line=240, sz=12))
    parts += lines("xep_hang_sau")
    parts.append(tag("{%p endif %}"))

    parts.append(body("III. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", b=True, keep_next=True))
    parts.append(body("1. Tồn tại, hạn chế", b=True, keep_next=True))
    parts += lines("ton_tai")
    parts.append(body("2. Nguyên nhân", b=True, keep_next=True))
    parts += lines("nguyen_nhan")
    parts.append(body("IV. KIẾN NGHỊ, ĐỀ XUẤT", b=True, keep_next=True))
    parts += lines("kien_nghi")
    parts.append(body("{{ ket_thuc }}", raw=True, keep_next=True))

    # Nơi nhận on the left, the signature on the right, in one borderless row
    left = (
        para(
            run("Nơi nhận:", 24, b=True, i=True),
            jc="left",
            first=None,
            after=0,
            before=120,
            line=240,
            sz=24,
            b=True,
            i=True,
        )
        + tag("{%p for dong in noi_nhan %}")
        + para(run("{{ dong }}", 22, raw=True), jc="left", first=None, after=0, line=240, sz=22)
        + tag("{%p endfor %}")
    )
    right = (
        cell_para("{{ ky_thay_mat }}", "center", sz=28, b=True, raw=True, before=120)
        + cell_para("{{ ky_chuc_vu }}", "center", sz=28, b=True, raw=True)
        + para(
            run("{{ ten_nguoi_ky }}", 28, b=True, raw=True),
            jc="center",
            first=None,
            before=1418,
            after=240,
            line=240,
            b=True,
        )
    )
    parts.append(table(list(SIGN_COLS), [row([(SIGN_COLS[0], left), (SIGN_COLS[1], right)])], borders=False))
    return "".join(parts)


# The page of every section: A4, margins 20/20/30/15 mm, header 10 mm, page number from page 2.
SECTION = (
    '<w:sectPr><w:headerReference w:type="default" r:id="rIdHdrDefault"/>'
    '<w:headerReference w:type="first" r:id="rIdHdrFirst"/>'
    '<w:footerReference w:type="default" r:id="rIdFtrDefault"/>'
    '<w:footerReference w:type="first" r:id="rIdFtrFirst"/>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" '
    'w:gutter="0"/>{extra}<w:cols w:space="720"/><w:titlePg/><w:docGrid w:linePitch="381"/></w:sectPr>'
)


def build(kind: str, out: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml

    words = {"kiem_tra": KIEM_TRA, "giam_sat": GIAM_SAT}.get(kind, {})
    d = docx.Document()
    _fonts_and_language(d)
    section = d.sections[0]
    section.different_first_page_header_footer = True
    # header and footer parts (python-docx creates them on first access)
    hdr_default = section.header
    hdr_first = section.first_page_header
    ftr_default = section.footer
    ftr_first = section.first_page_footer
    _header_page_number(hdr_default)
    _empty(hdr_first)
    _footer_code(ftr_default)
    _footer_code(ftr_first)
    # relationship ids of those parts
    rels = {}
    for rel in d.part.rels.values():
        if rel.reltype in (RT.HEADER, RT.FOOTER):
            rels[rel.target_part] = rel.rId
    ids = {
        "rIdHdrDefault": rels[hdr_default.part],
        "rIdHdrFirst": rels[hdr_first.part],
        "rIdFtrDefault": rels[ftr_default.part],
        "rIdFtrFirst": rels[ftr_first.part],
    }
    section_xml = SECTION
    for k, v in ids.items():
        section_xml = section_xml.replace(k, v)
    xml = (
        f'<w:body xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        + (report_body() if kind == "bao_cao" else document_body(words, section_xml))
        + section_xml.format(extra='<w:pgNumType w:start="1"/>')
        + "</w:body>"
    )
    new_body = parse_xml(xml)
    old_body = d.element.body
    d.element.replace(old_body, new_body)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Word 2010's copy of the styles would disagree with ours: drop it
    for rid, rel in list(d.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            d.part.drop_rel(rid)
    if kind == "bao_cao":
        d.core_properties.title = "Báo cáo kết quả kiểm tra, giám sát công tác cải cách hành chính"
        d.core_properties.comments = "Mẫu báo cáo; ký hiệu BC-ĐKT hoặc BC-ĐGS"
    else:
        d.core_properties.title = "Biên bản " + ("kiểm tra" if kind == "kiem_tra" else "làm việc của Đoàn giám sát")
        d.core_properties.comments = f"Mẫu biên bản; ký hiệu {words['ky_hieu']}"
    d.core_properties.author = "Inspector"
    d.save(str(out))


def _fonts_and_language(d) -> None:
    """Times New Roman everywhere (no theme fonts that bring Calibri back), black, vi-VN."""
    from docx.oxml.ns import qn

    styles = d.styles.element
    for rfonts in styles.iter(qn("w:rFonts")):
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(a), None)
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(a), FONT)
    for color in list(styles.iter(qn("w:color"))):
        color.set(qn("w:val"), "000000")
        for a in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(a), None)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    if rpr.find(qn("w:rFonts")) is None:
        from docx.oxml import OxmlElement

        f = OxmlElement("w:rFonts")
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            f.set(qn(a), FONT)
        rpr.insert(0, f)
    for tagname, val in (("w:sz", "28"), ("w:szCs", "28")):
        el = rpr.find(qn(tagname))
        if el is None:
            from docx.oxml import OxmlElement

            el = OxmlElement(tagname)
            rpr.append(el)
        el.set(qn("w:val"), val)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        from docx.oxml import OxmlElement

        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for a in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(a), "vi-VN")
    # capitals are typed, never made by formatting (the stored text must read as printed)
    for el in list(styles.iter(qn("w:caps"))) + list(styles.iter(qn("w:smallCaps"))):
        el.getparent().remove(el)
    # the theme's own font choices must not leak back
    for rfonts in d.element.iter(qn("w:rFonts")):
        for a in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(a), None)


def _replace_content(part_el, xml: str) -> None:
    from docx.oxml import parse_xml

    for child in list(part_el):
        part_el.remove(child)
    for el in parse_xml(f'<w:x xmlns:w="{W}">{xml}</w:x>'):
        part_el.append(el)


def _header_page_number(hdr) -> None:
    _replace_content(
        hdr._element,
        (
            f'<w:p><w:pPr><w:jc w:val="center"/>{rpr(26)}</w:pPr>'
            f'<w:fldSimple w:instr=" PAGE "><w:r>{rpr(26)}<w:t>2</w:t></w:r></w:fldSimple></w:p>'
        ),
    )


def _empty(part) -> None:
    _replace_content(part._element, f"<w:p><w:pPr>{rpr(26)}</w:pPr></w:p>")


def _footer_code(ftr) -> None:
    _replace_content(
        ftr._element,
        (
            f'<w:p><w:pPr><w:jc w:val="right"/>{rpr(16, i=True)}</w:pPr>'
            f"{run('{{ ma_doi_chieu }}', 16, i=True, raw=True)}</w:p>"
        ),
    )


def main() -> None:
    out = ROOT / "resources" / "templates"
    build("kiem_tra", out / "bien-ban-kiem-tra.docx")
    build("giam_sat", out / "bien-ban-giam-sat.docx")
    build("bao_cao", out / "bao-cao.docx")
    print(f"templates written to {out}")


if __name__ == "__main__":
    main()
