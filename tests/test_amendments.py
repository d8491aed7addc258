"""Changes after the minutes are signed are amendments: listed with old and new value, reason, who
and when; the reprinted minutes list them; the version code changes."""

from __future__ import annotations

import zipfile

import pytest

from inspector import answers as ans
from inspector import inspections as ins
from inspector import minutes as mn
from inspector.errors import VisitFrozen


def _doc_text(path) -> str:
    import re

    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


def test_amendments_after_signing_are_listed_and_printed(demo_db, tmp_path):
    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    first = tmp_path / "BB1.docx"
    mn.write_minutes(demo_db, v.id, first)
    assert "ĐIỀU CHỈNH SAU KHI KÝ" not in _doc_text(first)
    signed = mn.sign_visit(demo_db, v.id)
    assert mn.amendments(demo_db, v.id) == [] and mn.amended_items(demo_db, v.id) == set()
    before = ans.get_answer(demo_db, v.id, "B2").value
    new = "khong_dat" if before != "khong_dat" else "dat"
    with pytest.raises(VisitFrozen):
        ans.set_answer(demo_db, v.id, "B2", new)  # no reason, no change
    ans.set_answer(demo_db, v.id, "B2", new, reason="Xã bổ sung hồ sơ", author="Trần Thị Mai")
    ans.set_answer(demo_db, v.id, "B2", new, note="Đã kiểm tra lại", reason="Ghi chú thêm", author="Trần Thị Mai")
    got = mn.amendments(demo_db, v.id)
    assert [(a.item_code, a.field, a.old, a.new, a.reason) for a in got] == [
        ("B2", "value", before, new, "Xã bổ sung hồ sơ"),
        ("B2", "note", got[1].old, "Đã kiểm tra lại", "Ghi chú thêm"),
    ]
    assert all(a.author == "Trần Thị Mai" and a.time for a in got) and mn.amended_items(demo_db, v.id) == {"B2"}
    assert mn.version_code(demo_db, v.id) != signed.version_code
    again = tmp_path / "BB2.docx"
    mn.write_minutes(demo_db, v.id, again)
    text = _doc_text(again)
    assert "VII. ĐIỀU CHỈNH SAU KHI KÝ BIÊN BẢN" in text
    assert "B2 (kết quả)" in text and "lý do: Xã bổ sung hồ sơ" in text and "người điều chỉnh: Trần Thị Mai" in text
