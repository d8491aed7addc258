"""The keyboard contract, in one place: the Help menu shows this list, the README's guide names the
same keys (a test checks both), and tests/ui drive each of them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("keys", text)


def _N(text: str) -> str:
    """Marks a description for translation where it is defined; translated where it is shown."""
    return text


KEYS: list[tuple[str, str]] = [
    (
        "↑ ↓",
        _N(
            "chuyển tiêu chí; trong ô số cũng vậy, số đã gõ được lưu (phím mũi tên và con lăn chuột "
            "không bao giờ làm đổi số)"
        ),
    ),
    ("1 2 3 4", _N("Đạt / Đạt một phần / Không đạt / Không áp dụng (câu Có/Không: 1 = Có, 2 = Không)")),
    ("0–9", _N("gõ số liệu của tiêu chí đếm hoặc tỷ lệ (tỷ lệ: tử số, Tab, mẫu số)")),
    ("Enter", _N("trong ô lọc xã: mở xã đầu tiên tìm thấy; trong ô số: giữ số đã gõ; ở danh sách: viết ghi chú")),
    ("Esc", _N("quay lại danh sách, giữ những gì đã gõ")),
    ("Delete", _N("xóa kết quả của tiêu chí")),
    ("Ctrl+Enter", _N("xác nhận gợi ý từ lần kiểm tra trước")),
    ("F3", _N("tiêu chí chưa trả lời tiếp theo")),
    ("Ctrl+F", _N("tìm tiêu chí")),
    ("Ctrl+Z / Ctrl+Y", _N("hoàn tác / làm lại")),
    ("Alt+1 / Alt+2 / Alt+3", _N("xem tất cả / chưa trả lời / không đạt")),
    ("Ctrl+E", _N("buổi làm việc, đại diện xã, tồn tại, kiến nghị")),
    ("Ctrl+P", _N("in biên bản")),
    ("Ctrl+N", _N("đợt kiểm tra mới")),
    ("Ctrl+T", _N("tổng hợp các xã")),
    ("Ctrl+Q", _N("thoát (mọi thay đổi đã được lưu)")),
]


def keys_text() -> str:
    """The list as the Help menu shows it, in the interface's language."""
    return "\n".join(f"{k}   {_tr(d)}" for k, d in KEYS)


__all__ = ["KEYS", "keys_text"]
