"""A demo inspection with real commune names, answers and findings, for trying the app."""

from __future__ import annotations

import random

from . import answers as ans
from . import checklist as cl
from . import inspections as ins
from .db import Database

COMMUNES = [
    ("Ninh Xuân", "Khánh Hòa", "2026-11-17"),
    ("Ninh Đa", "Khánh Hòa", "2026-11-18"),
    ("Đồng Hóa", "Ninh Bình", "2026-11-19"),
    ("Đại Cương", "Ninh Bình", "2026-11-20"),
    ("Tòng Bạt", "Hà Nội", "2026-11-23"),
]

# each commune its own chairman and civil servant (Ông/Bà, name)
REPRESENTATIVES = {
    "Ninh Xuân": (("Ông", "Hoàng Văn Nam"), ("Bà", "Đỗ Thị Lan")),
    "Ninh Đa": (("Ông", "Trần Quốc Bảo"), ("Bà", "Nguyễn Thị Hồng")),
    "Đồng Hóa": (("Bà", "Lê Thị Thu"), ("Ông", "Phan Văn Toàn")),
    "Đại Cương": (("Ông", "Vũ Đình Khoa"), ("Bà", "Trịnh Thị Yến")),
    "Tòng Bạt": (("Ông", "Đặng Văn Sơn"), ("Bà", "Kiều Thị Nga")),
}

NOTES = {
    "B1": "Quyết định công bố số 1520/QĐ-UBND ngày 12/8/2025 của Chủ tịch UBND tỉnh",
    "B7": "Đã gọi thử, có người nghe máy",
    "C8": "Hồ sơ trễ hạn thuộc lĩnh vực đất đai",
    "E1": "Báo cáo từ Hệ thống thông tin giải quyết TTHC tỉnh, kỳ 01/01–31/10/2026",
}

FINDINGS_TON_TAI = [
    ("Niêm yết TTHC chưa đầy đủ, còn niêm yết một số TTHC đã bị bãi bỏ", "B1, B3"),
    ("Một số hồ sơ trễ hạn chưa có Phiếu xin lỗi và hẹn lại ngày trả kết quả", "C9"),
    ("Tỷ lệ hồ sơ nộp trực tuyến toàn trình còn thấp", "E2"),
    ("Máy lấy số thứ tự tự động hỏng, chưa được sửa chữa", "D6"),
]
RECOMMENDATIONS = [
    (
        "Cập nhật niêm yết đầy đủ TTHC theo Quyết định công bố mới của Chủ tịch UBND tỉnh",
        "Văn phòng HĐND và UBND xã",
        "trước ngày 31/12/2026",
        "B1, B3",
    ),
    (
        "Thực hiện đầy đủ việc gửi Phiếu xin lỗi đối với hồ sơ trễ hạn",
        "Trung tâm Phục vụ hành chính công xã",
        "thường xuyên",
        "C9",
    ),
    (
        "Tăng cường hướng dẫn người dân nộp hồ sơ trực tuyến, kích hoạt tài khoản VNeID",
        "Tổ công nghệ số cộng đồng",
        "Quý I/2027",
        "E2, E12",
    ),
]


# figures that must agree with another one of the same commune: the late files that got an
# apology letter are among the late files; the counters with a computer are among the counters
_DENOMINATOR_FROM = {"C9": "C8", "D3": "D2"}


def _value(item: cl.Item, rng: random.Random, so_far: dict[str, str] | None = None) -> str | None:
    so_far = so_far if so_far is not None else {}
    if item.type == "assessment":
        return rng.choices(["dat", "dat_mot_phan", "khong_dat", "khong_ap_dung"], [70, 15, 12, 3])[0]
    if item.type == "yesno":
        return rng.choices(["co", "khong"], [80, 20])[0]
    if item.type == "count":
        n = {"D1": rng.randint(40, 160), "C2": rng.randint(3, 9)}.get(item.code, rng.randint(0, 12))
        return str(max(n, 2) if item.code == "D2" else n)
    if item.type == "ratio":
        den = rng.randint(40, 1500)
        low = {"C8": 0.0, "E2": 0.1, "E3": 0.2}.get(item.code, 0.85)
        high = {"C8": 0.05, "E2": 0.6, "E3": 0.7}.get(item.code, 1.0)
        share = rng.uniform(low, high)
        if item.code == "C8" and "C7" in so_far:  # late = solved − solved on time, of the same files
            on_time, _, solved = so_far["C7"].partition("/")
            return f"{int(solved) - int(on_time)}/{solved}"
        source = so_far.get(_DENOMINATOR_FROM.get(item.code, ""))
        if source:
            den = int(source.partition("/")[0])
            return f"{round(den * share)}/{den}"
        return f"{int(den * share)}/{den}"
    if item.code == "G1":
        return "Lãnh đạo UBND xã quan tâm chỉ đạo công tác CCHC; Trung tâm Phục vụ hành chính công bố trí khoa học, sạch sẽ."
    if item.code == "G3":
        return "Cơ sở vật chất còn hạn chế; một số công chức kiêm nhiệm nhiều việc."
    return None


# Evidence photos drawn for the demo (no camera at hand): item, time taken, title, lines, colours.
DEMO_PHOTOS = [
    (
        "B1",
        "09:05",
        "BẢNG NIÊM YẾT THỦ TỤC HÀNH CHÍNH",
        ["Lĩnh vực hộ tịch", "Lĩnh vực đất đai", "Lĩnh vực chứng thực"],
        (28, 84, 140),
        (245, 242, 230),
    ),
    (
        "B7",
        "09:12",
        "ĐƯỜNG DÂY NÓNG",
        ["Chủ tịch UBND xã: 0258 3 845 123", "Phản ánh, kiến nghị về TTHC"],
        (170, 30, 30),
        (255, 250, 235),
    ),
    (
        "D1",
        "09:20",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        ["Quầy 1  Quầy 2  Quầy 3  Quầy 4  Quầy 5"],
        (20, 100, 60),
        (235, 240, 235),
    ),
    ("D6", "09:31", "MÁY LẤY SỐ THỨ TỰ", ["Đang hỏng — chờ sửa chữa"], (90, 90, 90), (225, 225, 225)),
]


def _font(size: int):
    from PIL import ImageFont

    for path in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "C:/Windows/Fonts/arialbd.ttf",
        "/Library/Fonts/Arial Bold.ttf",
    ):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def demo_photo(title: str, lines: list[str], fg: tuple, bg: tuple, taken: str) -> bytes:
    """A drawn 'photo' of a sign or board (JPEG with the time taken in EXIF)."""
    import io

    from PIL import Image, ImageDraw

    im = Image.new("RGB", (1600, 1200), (120, 110, 95))
    d = ImageDraw.Draw(im)
    d.rectangle((140, 120, 1460, 1000), fill=bg, outline=fg, width=18)
    d.rectangle((140, 120, 1460, 300), fill=fg)
    d.text((800, 210), title, font=_font(64), fill=(255, 255, 255), anchor="mm")
    for n, line in enumerate(lines):
        d.text((800, 420 + n * 130), line, font=_font(58), fill=fg, anchor="mm")
    d.rectangle((0, 1000, 1600, 1200), fill=(160, 150, 135))
    exif = Image.Exif()
    exif[0x0110] = "Demo camera"
    exif.get_ifd(0x8769)[0x9003] = taken.replace("-", ":").replace("T", " ")
    out = io.BytesIO()
    im.save(out, "JPEG", quality=88, exif=exif)
    return out.getvalue()


def create_demo(
    db: Database, *, seed: int = 2026, communes: int | None = None, author: str = "Demo", photos: bool = True
) -> ins.Inspection:
    """Create the demo inspection: a delegation, 5 visited communes, answers and findings.

    Every call adds a new, separate inspection. Returns it.
    """
    rng = random.Random(seed)
    checklist = cl.ensure_default(db)
    insp = ins.create_inspection(
        db,
        title="Kiểm tra công tác cải cách hành chính năm 2026",
        kind="kiem_tra",
        decision_no="245/QĐ-UBND",
        decision_date="2026-10-30",
        legal_basis="Kế hoạch số 120/KH-UBND ngày 15/01/2026 của UBND tỉnh về cải cách hành chính năm 2026;\n"
        "Quyết định số 245/QĐ-UBND ngày 30/10/2026 của Chủ tịch UBND tỉnh về việc thành lập Đoàn kiểm tra",
        issuing_agency="Sở Nội vụ",
        parent_agency="UBND tỉnh Khánh Hòa",
        home_office="Sở Nội vụ",
        period="01/01/2026 – 31/10/2026",
        author=author,
    )
    for sal, name, role, position in [
        ("Ông", "Nguyễn Văn Hùng", "truong_doan", "Phó Giám đốc Sở Nội vụ"),
        ("Bà", "Trần Thị Mai", "pho_truong_doan", "Trưởng phòng Cải cách hành chính"),
        ("Ông", "Lê Minh Đức", "thanh_vien", "Chuyên viên Văn phòng UBND tỉnh"),
        ("Bà", "Phạm Thu Hà", "thu_ky", "Chuyên viên Sở Nội vụ"),
    ]:
        ins.add_member(
            db, insp.id, name=name, role=role, position=position, agency="Sở Nội vụ", salutation=sal, author=author
        )
    for commune, province, day in COMMUNES[: communes or len(COMMUNES)]:
        chair, clerk = REPRESENTATIVES.get(commune, REPRESENTATIVES["Ninh Xuân"])
        visit = ins.add_visit(
            db,
            insp.id,
            commune=commune,
            province=province,
            date=day,
            start_time="08:00",
            end_time="11:30",
            place=f"Trụ sở UBND xã {commune}",
            representatives=[
                {"name": chair[1], "position": f"Chủ tịch UBND xã {commune}", "salutation": chair[0]},
                {"name": clerk[1], "position": "Công chức Văn phòng - Thống kê", "salutation": clerk[0]},
            ],
            status="done" if day < "2026-11-23" else "in_progress",
            author=author,
        )
        inputs = []
        so_far: dict[str, str] = {}
        for item in checklist.items:
            if day >= "2026-11-23" and rng.random() < 0.4:
                continue  # today's visit is half done
            value = _value(item, rng, so_far)
            if value is not None:
                so_far[item.code] = value
                inputs.append(ans.AnswerInput(item.code, value, NOTES.get(item.code)))
        ans.set_answers(db, visit.id, inputs, author=author)
        for text, items in rng.sample(FINDINGS_TON_TAI, 2):
            ins.add_finding(db, visit.id, kind="ton_tai", text=text, items=items, author=author)
            # a shortcoming agrees with the answers it names: a broken machine is not "có" (met)
            for code in (c.strip() for c in items.split(",")):
                a = ans.get_answer(db, visit.id, code)
                named = checklist.by_code.get(code)
                if a is not None and named is not None and a.value in ("dat", "co"):
                    ans.set_answer(
                        db, visit.id, code, "khong" if named.type == "yesno" else "dat_mot_phan", author=author
                    )
        for text, who, when, items in rng.sample(RECOMMENDATIONS, 2):
            ins.add_finding(
                db, visit.id, kind="kien_nghi", text=text, responsible=who, deadline=when, items=items, author=author
            )
        ins.update_visit(
            db,
            visit.id,
            author=author,
            opinion="UBND xã thống nhất với nội dung biên bản và sẽ khắc phục các tồn tại đã nêu.",
        )
        if photos and commune == COMMUNES[0][0]:
            from . import photos as ph

            for code, hhmm, title, lines, fg, bg in DEMO_PHOTOS:
                data = demo_photo(title, lines, fg, bg, f"{day}T{hhmm}:00")
                ph.import_one(db, visit.id, data, f"IMG_{code}.jpg", item_code=code, author=author)
    return insp
