"""Build resources/checklists/cchc-xa-2025.1.json from the domain description.

Run once when the description changes: python tools/checklist_from_md.py PATH.md
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPE_RE = re.compile(r"`(assessment|yesno|count|ratio|text)`(?:\s*\(([^)]*)\))?")
REFS = {}

GROUPS_EN = {
    "A": "Direction of the reform and control of administrative procedures",
    "B": "Publicity and posting of administrative procedures",
    "C": "The commune public administrative service centre",
    "D": "Premises and equipment",
    "E": "Information technology and digital transformation",
    "F": "Citizens' feedback and publicising the reform",
    "G": "General assessment and conclusions of the team",
}

# The description's evidence notes are written for developers, partly in English; inspectors
# read these Vietnamese ones beside each item.
HINTS_VI = {
    "A1": "Số, ngày kế hoạch; chụp trang 1",
    "A2": "Kế hoạch và quyết định phân công công chức đầu mối",
    "A3": "Số, ngày kế hoạch",
    "A4": "Ghi vào ghi chú các báo cáo còn thiếu hoặc gửi muộn",
    "A5": "Số lần tự kiểm tra, văn bản kèm theo",
    "A6": "Đối chiếu với tồn tại và kiến nghị của lần kiểm tra trước",
    "A7": "Biên bản họp, thông báo kết luận",
    "B1": "Ghi số quyết định công bố; chụp bảng hoặc sổ niêm yết",
    "B2": "Kiểm tra ngẫu nhiên 3–5 thủ tục, ghi tên vào ghi chú",
    "B3": "Quyết định công bố gần nhất và ngày cập nhật niêm yết gần nhất",
    "B4": "Ghi các hình thức niêm yết đang dùng; chụp toàn cảnh khu vực niêm yết",
    "B5": "Chụp ảnh",
    "B6": "Chụp ảnh",
    "B7": "Chụp ảnh; ghi kết quả gọi thử vào ghi chú",
    "B8": "Chụp ảnh",
    "B9": "Chụp ảnh; ngày mở hòm thư gần nhất",
    "B10": "Chụp ảnh",
    "B11": "Chụp ảnh",
    "B12": "Chụp ảnh; đối chiếu với C11, C12",
    "C1": "Số, ngày văn bản",
    "C2": "Ghi họ tên và lĩnh vực vào ghi chú",
    "C3": "Chụp ảnh",
    "C4": "Chụp ảnh",
    "C5": "Chụp một trang sổ",
    "C6": "Kiểm tra ngẫu nhiên; ghi mẫu phiếu còn thiếu; phiếu xin lỗi: xem C9",
    "C7": "Nguồn: báo cáo của hệ thống thông tin giải quyết TTHC",
    "C8": "Ghi các lĩnh vực có hồ sơ trễ hạn",
    "C9": "Chụp một phiếu xin lỗi, che thông tin cá nhân",
    "C10": "Nguồn: thiết bị đánh giá hoặc hệ thống",
    "C11": "Quan sát khi đến làm việc",
    "C13": "Kiểm tra ngẫu nhiên hồ sơ; hỏi người dân đang chờ",
    "D1": "Chụp toàn cảnh Trung tâm",
    "D10": "Ghi các lần mất kết nối vào ghi chú",
    "D14": "Chụp lối vào",
    "E1": "Đối chiếu ngẫu nhiên hồ sơ giấy với hệ thống",
    "E8": "Chỉ tiêu theo kế hoạch của tỉnh",
    "E9": "Ghi chứng thư số của cơ quan vào ghi chú",
    "E10": "Chụp màn hình",
    "E11": "Quyết định, hồ sơ hoạt động",
    "F1": "Ghi các kênh tiếp nhận và sổ theo dõi",
    "F4": "Chụp ảnh",
    "F5": "Ghi số tin, bài hoặc số buổi phát thanh",
    "G1": "Viết thành đoạn ngắn; sáng kiến, mô hình hay ghi ở đây",
    "G2": "Mỗi dòng một nội dung; có thể ghi mã tiêu chí liên quan",
    "G4": "Mỗi dòng: nội dung, đơn vị/người chịu trách nhiệm, thời hạn",
    "G5": "Ghi hoặc đọc tại chỗ trước khi ký",
}


def clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("**", "").strip())


def main(src: Path) -> None:
    lines = src.read_text(encoding="utf-8").splitlines()
    groups: list[dict] = []
    items: list[dict] = []
    refs: list[dict] = []
    group = None
    in_refs = False
    for line in lines:
        m = re.match(r"^## \d+\. Group ([A-G]) — (.+)$", line)
        if m:
            group = m.group(1)
            groups.append({"code": group, "title_vi": clean(m.group(2)), "title_en": GROUPS_EN.get(group, "")})
            in_refs = False
            continue
        if line.startswith("## 3. Legal references"):
            in_refs = True
            continue
        if line.startswith("## "):
            in_refs = False
            if not line.startswith("## 1") or group:
                group = None if not re.match(r"^## \d+\. Group", line) else group
            continue
        if not line.startswith("|") or line.startswith("|---"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if in_refs and cells[0] not in ("Short",):
            refs.append({"code": clean(cells[0]), "document": clean(cells[1]), "covers": clean(cells[2])})
            continue
        if group is None or not re.match(rf"^{group}\d+$", cells[0]):
            continue
        code, text_vi, text_en, type_cell, photo, basis = cells[:6]
        tm = TYPE_RE.search(type_cell)
        if not tm:
            raise SystemExit(f"{code}: no type in {type_cell!r}")
        basis_part, _, hint = basis.partition("·")
        items.append(
            {
                "code": code,
                "group": group,
                "position": len([i for i in items if i["group"] == group]) + 1,
                "text_vi": clean(text_vi),
                "text_en": clean(text_en),
                "type": tm.group(1),
                "unit": clean(tm.group(2) or ""),
                "photo_required": "bắt buộc" in photo,
                "photo_suggested": "nên có" in photo,
                "basis": clean(basis_part) if group != "G" else "",
                "evidence_hint": HINTS_VI.get(code, ""),
                "evidence_hint_en": clean(hint) if group != "G" else clean(basis),
                "since_version": "CCHC-XA-2025.1",
                "retired_in_version": "",
            }
        )
    data = {
        "id": "CCHC-XA-2025.1",
        "title": "Bảng kiểm tra công tác cải cách hành chính cấp xã",
        "date": "2025-09-15",
        "legal_references": refs,
        "groups": groups,
        "items": items,
    }
    out = ROOT / "resources" / "checklists" / "cchc-xa-2025.1.json"
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(items)} items, {len(groups)} groups, {len(refs)} references -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "domain" / "checklist-cchc.md")
