"""The words shown for stored codes, in Vietnamese and English, for every face of the app.

The database stores codes ("dat", "truong_doan", "plan_edit"…), never words of one language; the
command line, the documents and the window translate them here when they show them.
"""

from __future__ import annotations

# ---- answers ---------------------------------------------------------------------------------
ASSESSMENT = {"dat": "Đạt", "dat_mot_phan": "Đạt một phần", "khong_dat": "Không đạt", "khong_ap_dung": "Không áp dụng"}
ASSESSMENT_EN = {"dat": "Met", "dat_mot_phan": "Partly met", "khong_dat": "Not met", "khong_ap_dung": "Not applicable"}
YESNO = {"co": "Có", "khong": "Không"}
YESNO_EN = {"co": "Yes", "khong": "No"}
# The checklist's units of counts in English, singular and plural ("1 counter", "5 counters").
UNITS_EN = {
    "người": ("person", "people"),
    "quầy": ("counter", "counters"),
    "máy": ("machine", "machines"),
    "chỗ": ("seat", "seats"),
    "thiết bị": ("device", "devices"),
    "phản ánh": ("report", "reports"),
    "m²": ("m²", "m²"),
}

# ---- inspections -----------------------------------------------------------------------------
KINDS = {"kiem_tra": "kiểm tra", "giam_sat": "giám sát"}
KINDS_EN = {"kiem_tra": "inspection", "giam_sat": "supervision"}
ROLES = {
    "truong_doan": "Trưởng đoàn",
    "pho_truong_doan": "Phó Trưởng đoàn",
    "thanh_vien": "Thành viên",
    "thu_ky": "Thư ký",
}
ROLES_EN = {
    "truong_doan": "Head of delegation",
    "pho_truong_doan": "Deputy head",
    "thanh_vien": "Member",
    "thu_ky": "Secretary",
}

# ---- fields and records (conflicts, history) -------------------------------------------------
FIELD_LABELS = {
    "value": "Kết quả",
    "note": "Ghi chú",
    "suggested": "Gợi ý từ lần trước",
    "points": "Điểm",
    "points_reason": "Lý do chấm điểm",
    "salutation": "Danh xưng",
    "kind": "Loại",
    "title": "Tên đợt",
    "decision_no": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "legal_basis": "Căn cứ",
    "issuing_agency": "Cơ quan ban hành",
    "parent_agency": "Cơ quan chủ quản",
    "home_office": "Đơn vị chủ trì",
    "period": "Kỳ",
    "checklist_version": "Phiên bản bảng kiểm tra",
    "deleted": "Đã xóa",
    "name": "Họ tên",
    "position": "Chức vụ",
    "agency": "Cơ quan",
    "role": "Vai trò",
    "ord": "Thứ tự",
    "commune": "Xã",
    "province": "Tỉnh",
    "date": "Ngày",
    "start_time": "Giờ bắt đầu",
    "end_time": "Giờ kết thúc",
    "place": "Địa điểm",
    "representatives": "Đại diện xã",
    "opinion": "Ý kiến",
    "status": "Trạng thái",
    "signed_at": "Ngày ký",
    "version_code": "Mã phiên bản",
    "based_on": "Dựa trên lần trước",
    "text": "Nội dung",
    "responsible": "Đơn vị thực hiện",
    "deadline": "Thời hạn",
    "items": "Tiêu chí liên quan",
    "photo_sha256": "Ảnh",
    "item_code": "Tiêu chí",
    "caption": "Chú thích",
    "confirmed": "Đã xác nhận",
}
FIELD_LABELS_EN = {
    "value": "Result",
    "note": "Note",
    "points": "Points",
    "points_reason": "Reason for the points",
    "salutation": "Form of address",
    "suggested": "Suggested from last time",
    "kind": "Kind",
    "title": "Title",
    "decision_no": "Decision number",
    "decision_date": "Decision date",
    "legal_basis": "Legal basis",
    "issuing_agency": "Issuing agency",
    "parent_agency": "Parent agency",
    "home_office": "Home office",
    "period": "Period",
    "checklist_version": "Checklist version",
    "deleted": "Deleted",
    "name": "Name",
    "position": "Position",
    "agency": "Agency",
    "role": "Role",
    "ord": "Order",
    "commune": "Commune",
    "province": "Province",
    "date": "Date",
    "start_time": "Start",
    "end_time": "End",
    "place": "Place",
    "representatives": "Commune representatives",
    "opinion": "Opinion",
    "status": "Status",
    "signed_at": "Signed on",
    "version_code": "Version code",
    "based_on": "Based on last time",
    "text": "Text",
    "responsible": "Responsible",
    "deadline": "Deadline",
    "items": "Related items",
    "photo_sha256": "Photo",
    "item_code": "Item",
    "caption": "Caption",
    "confirmed": "Confirmed",
}
ENTITY_LABELS = {
    "inspection": "Đợt kiểm tra",
    "member": "Thành viên",
    "visit": "Xã",
    "answer": "Tiêu chí",
    "finding": "Nhận xét",
    "attachment": "Ảnh",
}
ENTITY_LABELS_EN = {
    "inspection": "Inspection",
    "member": "Member",
    "visit": "Commune",
    "answer": "Item",
    "finding": "Finding",
    "attachment": "Photo",
}

# ---- reasons the app itself gives for an amendment (a person's own reason is stored as typed) --
PLAN_EDIT = "plan_edit"
AMENDMENT_REASONS = {PLAN_EDIT: ("sửa kế hoạch", "plan edited")}

_TABLES = {
    "assessment": (ASSESSMENT, ASSESSMENT_EN),
    "yesno": (YESNO, YESNO_EN),
    "kind": (KINDS, KINDS_EN),
    "role": (ROLES, ROLES_EN),
    "field": (FIELD_LABELS, FIELD_LABELS_EN),
    "entity": (ENTITY_LABELS, ENTITY_LABELS_EN),
}


def word(table: str, code: str, lang: str = "vi") -> str:
    """The word for a stored code ("role", "truong_doan", "en" → "Head of delegation"); the code
    itself when the table has none."""
    vi, en = _TABLES[table]
    return (en if lang == "en" else vi).get(code, code)


def reason_text(reason: str | None, lang: str = "vi") -> str:
    """An amendment reason as shown: the app's own reasons translated, a person's as typed."""
    if not reason:
        return ""
    pair = AMENDMENT_REASONS.get(reason)
    return pair[1 if lang == "en" else 0] if pair else reason


# The kind of a document by the symbol of its number (NĐ 30/2020: "245/QĐ-UBND", "12/NQ-HĐND").
DOCUMENT_KINDS = {
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "KH": "Kế hoạch",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "CV": "Công văn",
    "QC": "Quy chế",
}


def document_kind(number: str | None) -> str:
    """The kind of document a number names: "12/NQ-HĐND" -> "Nghị quyết"; "Quyết định" when the
    number does not say (a number without a symbol, or one of another kind)."""
    import re

    m = re.search(r"/\s*([A-ZĐ]{2,4})\b", (number or "").upper())
    return DOCUMENT_KINDS.get(m.group(1), "Quyết định") if m else "Quyết định"


def not_met_phrase(text_vi: str, item_type: str, not_met: str = "") -> str:
    """What a commune that fails an item has not done, to follow "1/4 xã" or a commune's name:
    the item's own words when the set has them ("còn yêu cầu thêm thành phần hồ sơ …"); a
    criterion worded as a negation quoted, so that it never reads as its opposite ("chưa đạt tiêu
    chí «Không yêu cầu …»"); else "chưa niêm yết …" (yes/no) or "chưa đạt: ban hành …"."""
    from .text import fold

    if not_met:
        return not_met
    text = text_vi.split(" / ")[0]
    if fold(text).startswith(("khong ", "chua ", "khong,")):  # "chưa không …" would read backwards
        return f"chưa đạt tiêu chí «{text}»"
    text = text[0].lower() + text[1:] if text[:2] != text[:2].upper() else text
    if item_type == "yesno":
        return f"chưa {text}"
    return f"chưa đạt: {text}"


__all__ = [
    "AMENDMENT_REASONS",
    "ASSESSMENT",
    "ASSESSMENT_EN",
    "DOCUMENT_KINDS",
    "ENTITY_LABELS",
    "ENTITY_LABELS_EN",
    "FIELD_LABELS",
    "FIELD_LABELS_EN",
    "KINDS",
    "KINDS_EN",
    "PLAN_EDIT",
    "ROLES",
    "ROLES_EN",
    "UNITS_EN",
    "YESNO",
    "YESNO_EN",
    "document_kind",
    "not_met_phrase",
    "reason_text",
    "word",
]
