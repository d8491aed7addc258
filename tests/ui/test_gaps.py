"""Before printing and before signing, what the minutes lack is listed; printing can go on
anyway, signing asks more firmly (its default answer is to go back)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from test_mainwindow import _window

import ui.dialogs
import ui.minutes
from inspector import inspections as ins
from inspector import minutes as mn


def _answer_box(choice: str, seen: list) -> None:
    """Click the button whose text starts with choice in the message box that is open."""

    def click() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append((box.text(), box.informativeText(), box.defaultButton().text()))
        next(b for b in box.buttons() if b.text().startswith(choice)).click()

    QTimer.singleShot(50, click)


def test_gaps_of_a_visit(demo_db):
    v = next(x for x in ins.visits(demo_db) if x.commune == "Tòng Bạt")
    g = mn.gaps(demo_db, v.id)
    assert g and len(g.unanswered) == 30 and "B4" in g.photos_missing
    ins.update_visit(demo_db, v.id, start_time="", end_time="")
    assert "time" in mn.gaps(demo_db, v.id).sections


def test_printing_with_gaps_lists_them_and_going_back_writes_nothing(qtbot, demo_db, demo_path, tmp_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Tòng Bạt")
    w.open_answer(v.id, "A1")
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or ("", ""))
    seen: list = []
    _answer_box("Quay lại", seen)
    w.minutes_actions.make.trigger()
    ((text, details, default),) = seen
    assert "chưa đủ" in text and "30 tiêu chí chưa có kết quả" in details and "B4" in details
    assert default.startswith("Quay lại") and asked == []  # nothing asked, nothing written
    _answer_box("Vẫn in", seen)
    w.minutes_actions.make.trigger()
    assert asked == [1]  # print anyway: on to the file name


def test_signing_with_gaps_defaults_to_going_back(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    v = next(x for x in ins.visits(demo_db) if x.commune == "Tòng Bạt")
    w.open_answer(v.id, "A1")
    monkeypatch.setattr(ui.dialogs, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    seen: list = []
    _answer_box("Quay lại", seen)
    w.minutes_actions.sign.trigger()
    assert not ins.get_visit(demo_db, v.id).frozen and seen[0][2].startswith("Quay lại")
    _answer_box("Vẫn đánh dấu", seen)
    w.minutes_actions.sign.trigger()
    assert ins.get_visit(demo_db, v.id).frozen


def test_first_start_asks_who_enters_and_changes_carry_the_name(qtbot, db):
    from test_sync_helpers import plan

    from inspector import answers as ans
    from inspector import db as dbm
    from inspector import events
    from ui.settings import WhoDialog, who_text

    assert "chưa ghi tên" in who_text(db)
    d = WhoDialog(db)
    qtbot.addWidget(d)
    assert not d.ok.isEnabled()  # a name is needed
    d.name.setText("  Nguyễn   Thị Lan ")
    d.role.setCurrentIndex(d.role.findData("thu_ky"))
    d.accept()
    assert dbm.meta_get(db, "author") == "Nguyễn Thị Lan" and dbm.meta_get(db, "author_role") == "thu_ky"
    assert who_text(db) == "Người nhập: Nguyễn Thị Lan (Thư ký)"
    _, (v, *_) = plan(db)
    ans.set_answer(db, v, "B2", "dat")
    (e,) = events.history(db, events.answer_id(v, "B2"), "value")
    assert e["author"] == "Nguyễn Thị Lan"


def test_the_gaps_name_items_not_met_that_no_finding_mentions(demo_db):
    from inspector import inspections as ins
    from inspector import minutes as mn
    from ui.minutes import gaps_text

    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    for f in ins.findings(demo_db, v.id):
        ins.update_finding(demo_db, f.id, items="", text="Nội dung chung")
    g = mn.gaps(demo_db, v.id)
    assert g.unmentioned and "tiêu chí không đạt chưa được nêu trong tồn tại, kiến nghị: " in gaps_text(g)
    assert g.unmentioned[0] in gaps_text(g)


def test_the_gaps_name_a_shortcoming_that_contradicts_its_answer(demo_db):
    from inspector import answers as ans
    from inspector import inspections as ins
    from inspector import minutes as mn
    from ui.minutes import gaps_text

    v = next(x for x in ins.visits(demo_db) if x.commune == "Ninh Xuân")
    ans.set_answer(demo_db, v.id, "D6", "co")
    ins.add_finding(demo_db, v.id, kind="ton_tai", text="Máy lấy số thứ tự hỏng", items="D6")
    text = gaps_text(mn.gaps(demo_db, v.id))
    assert "Tồn tại «Máy lấy số thứ tự hỏng» gắn với tiêu chí D6, nhưng tiêu chí này được chấm đạt" in text
