"""Ông or Bà beside each name in the dialogs: chosen once, offered again when the name comes back."""

from __future__ import annotations

from inspector import inspections as ins
from ui.dialogs import InspectionDialog, VisitDialog
from ui.widgets import KeyRole


def test_a_name_entered_before_brings_its_salutation_back(qtbot, demo_db):
    d = InspectionDialog(demo_db)
    qtbot.addWidget(d)
    d.title.setText("Giám sát CCHC 2026")
    row = d.members.add_row(["", "", "", "truong_doan", ""], edit=False)
    d.members.model.item(row, 0).setText("trần thị mai")  # typed without diacritics or capitals
    assert d.members.model.item(row, 4).data(KeyRole) == "Bà" and d.members.model.item(row, 4).text() == "Bà"
    row2 = d.members.add_row(["", "", "", "thanh_vien", "Ông"], edit=False)
    d.members.model.item(row2, 0).setText("Đỗ Thị Lan")  # a salutation already chosen is kept
    assert d.members.model.item(row2, 4).data(KeyRole) == "Ông"
    d.save()
    got = {m.name: m.salutation for m in ins.members(demo_db, d.saved_id)}
    assert got == {"trần thị mai": "Bà", "Đỗ Thị Lan": "Ông"}

    v = ins.visits(demo_db)[0]
    vd = VisitDialog(demo_db, v.id)
    qtbot.addWidget(vd)
    assert [cells[2] for _, cells in vd.reps.rows()] == ["Ông", "Bà"]
    r = vd.reps.add_row(["", "Phó Chủ tịch UBND xã", ""], edit=False)
    vd.reps.model.item(r, 0).setText("Nguyễn Văn Hùng")
    assert vd.reps.model.item(r, 2).data(KeyRole) == "Ông"
