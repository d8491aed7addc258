"""The window driven as a user would: keyboard, dialogs, quit and reopen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

import inspector
import ui.dialogs
from inspector import answers as ans
from inspector import inspections as ins
from ui.dialogs import InspectionDialog, VisitDialog
from ui.mainwindow import MainWindow


def _window(qtbot, db, path) -> MainWindow:
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    _activate(qtbot, w)
    return w


def _activate(qtbot, w) -> None:
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)


def _select_visit(w: MainWindow, commune: str) -> None:
    for r in range(w.nav_filter.rowCount()):
        parent = w.nav_filter.index(r, 0)
        for i in range(w.nav_filter.rowCount(parent)):
            idx = w.nav_filter.index(i, 0, parent)
            if idx.data().startswith(commune):
                w.tree.setCurrentIndex(idx)
                return
    raise AssertionError(f"{commune} not in the tree")


def _fill_inspection_dialog(qtbot, d: InspectionDialog) -> None:
    d.title.insert("Kiểm tra CCHC quý IV")  # QTest cannot type beyond Latin-1
    d.decision_no.insert("125/QĐ-UBND")
    qtbot.keyClicks(d.decision_date, "10/11/2026")
    d.members.add_row(["Nguyễn Văn An", "Phó Chủ tịch UBND tỉnh", "UBND tỉnh", "truong_doan"], edit=False)
    d.communes.add_row(["Ninh Xuân", "Khánh Hòa", "23/11/2026"], edit=False)
    d.communes.add_row(["Đồng Hóa", "Khánh Hòa", "24/11/2026"], edit=False)


def test_create_answer_by_keyboard_quit_and_reopen(qtbot, db, db_path):
    w = _window(qtbot, db, db_path)
    d = InspectionDialog(db, None, w)
    qtbot.addWidget(d)
    _fill_inspection_dialog(qtbot, d)
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted, d.error.text()
    w.reload(d.saved_id)
    assert w.model.rowCount() == 1 and w.model.item(0).rowCount() == 2
    _activate(qtbot, w)

    _select_visit(w, "Ninh Xuân")
    assert w.visit is not None and w.visit.commune == "Ninh Xuân"
    w.view.setFocus()
    assert w.item.code == "A1"
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # A1 Đạt
    qtbot.keyClick(w.view, Qt.Key.Key_Down)
    qtbot.keyClick(w.view, Qt.Key.Key_3)  # A2 Không đạt
    qtbot.keyClick(w.view, Qt.Key.Key_Return)  # → the note of A2
    assert w.panel.note.hasFocus()
    w.panel.note.insertPlainText("Chưa có quyết định phân công")
    qtbot.keyClick(w.panel.note, Qt.Key.Key_Escape)  # saves the note, back to the list
    assert w.view.hasFocus()
    for _ in range(6):
        qtbot.keyClick(w.view, Qt.Key.Key_Down)  # A3 … A7, then the group row is skipped: B1
    assert w.item.code == "B1", "Down steps over the group row"
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # a ratio: a digit starts the numerator
    assert w.panel.editor.ratio.num.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "18")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "120")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert "98,3%" in w.panel.editor.ratio.result.text()
    assert "Đã lưu" in w.saved_label.text()
    visit_id = w.visit.id
    w.close()
    db.conn.close()

    db2 = inspector.open_db(db_path)
    got = ans.answers_for_visit(db2, visit_id)
    assert got["A1"].value == "dat"
    assert got["A2"].value == "khong_dat" and got["A2"].note == "Chưa có quyết định phân công"
    assert got["B1"].value == "118/120"
    w2 = _window(qtbot, db2, db_path)
    _select_visit(w2, "Ninh Xuân")
    assert w2.cl_model.answers["A2"].value == "khong_dat"
    assert w2.visit_title.text().startswith("Ninh Xuân")
    assert "3/70" in w2.model.item(0).child(1).text() or "3/70" in w2.model.item(0).child(0).text()
    db2.conn.close()


def test_filter_finds_a_commune_without_diacritics(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    qtbot.keyClicks(w.filter_box, "ninh xuan")
    parent = w.nav_filter.index(0, 0)
    shown = [w.nav_filter.index(i, 0, parent).data() for i in range(w.nav_filter.rowCount(parent))]
    assert len(shown) == 1 and shown[0].startswith("Ninh Xuân")
    w.filter_box.clear()
    qtbot.keyClicks(w.filter_box, "dong hoa")
    parent = w.nav_filter.index(0, 0)
    assert [w.nav_filter.index(i, 0, parent).data()[:8] for i in range(w.nav_filter.rowCount(parent))] == ["Đồng Hóa"]


def test_from_the_filter_enter_opens_the_commune_found_and_down_goes_into_the_list(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    w.filter_box.setFocus()
    qtbot.keyClicks(w.filter_box, "dai cuong")
    qtbot.keyClick(w.filter_box, Qt.Key.Key_Return)  # the one commune found is opened, its checklist focused
    assert w.visit is not None and w.visit.commune == "Đại Cương"
    qtbot.waitUntil(lambda: w.view.hasFocus(), timeout=2000)
    w.filter_box.setFocus()
    w.filter_box.clear()
    qtbot.keyClicks(w.filter_box, "ninh")  # two communes: Down goes to the list, on the current one
    qtbot.keyClick(w.filter_box, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: w.tree.hasFocus(), timeout=2000)
    assert w.tree.currentIndex().data().startswith(("Ninh Xuân", "Ninh Đa"))
    qtbot.keyClick(w.tree, Qt.Key.Key_Down)
    assert w.tree.currentIndex().data().startswith(("Ninh Xuân", "Ninh Đa"))
    assert w.filter_box.text() == "ninh"  # Down typed nothing into the filter
    w.filter_box.setFocus()
    w.filter_box.clear()
    qtbot.keyClicks(w.filter_box, "khong co xa nay")
    qtbot.keyClick(w.filter_box, Qt.Key.Key_Return)  # nothing found: nothing opened, nothing raised
    assert w.visit.commune.startswith("Ninh")


def test_undo_restores_the_previous_value_and_redo_reapplies(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Ninh Xuân")
    w.open_answer(w.visit.id, "B2")
    before = w.cl_model.answers["B2"].value
    assert before == "dat"
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_3)
    assert ans.get_answer(demo_db, w.visit.id, "B2").value == "khong_dat"
    qtbot.keyClick(w.view, Qt.Key.Key_Down)  # move away: undo brings the item back into view
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ans.get_answer(demo_db, w.visit.id, "B2").value == "dat"
    assert w.item.code == "B2", "undo selects the item it changed"
    assert w.panel.editor.assessment.buttons["dat"].isChecked()
    w.undo.redo()
    assert ans.get_answer(demo_db, w.visit.id, "B2").value == "khong_dat"


def test_search_and_filters(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")  # the visit still in progress: 40/70 answered
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search.hasFocus()
    qtbot.keyClicks(w.search, "duong day nong")
    codes = _visible_codes(w)
    assert codes and all(code.startswith("B") for code in codes), codes
    assert "B7" in codes and "B8" in codes
    qtbot.keyClick(w.search, Qt.Key.Key_Escape)
    assert w.search.text() == "" and w.view.hasFocus()
    w.mode_buttons.button(1).click()  # chưa trả lời
    unanswered = _visible_codes(w)
    assert len(unanswered) == 30
    assert all(w.cl_model.answers.get(c) is None or w.cl_model.answers[c].value is None for c in unanswered)
    first = w.item.code
    qtbot.keyClick(w.view, Qt.Key.Key_1) if w.item.type in ("assessment", "yesno") else w.set_current_value("0")
    assert first not in _visible_codes(w), "an answered item leaves the unanswered list"
    assert w.item is not None, "the keyboard stays on an item"
    w.mode_buttons.button(2).click()  # không đạt
    failed = _visible_codes(w)
    cl = w.checklist
    assert failed and all(ans.is_failed(cl.item(c), w.cl_model.answers[c].value) for c in failed)


def _visible_codes(w: MainWindow) -> list[str]:
    out = []
    for r in range(w.cl_filter.rowCount()):
        g = w.cl_filter.index(r, 0)
        for i in range(w.cl_filter.rowCount(g)):
            out.append(w.cl_filter.index(i, 0, g).data(Qt.ItemDataRole.UserRole + 3))
    return out


def test_count_item_by_keyboard_and_clear(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "D2")  # số quầy (count)
    w.view.setFocus()
    qtbot.keyClicks(w.view, "7")
    assert w.panel.editor.count.spin.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert ans.get_answer(demo_db, w.visit.id, "D2").value == "7"
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Delete)
    assert ans.get_answer(demo_db, w.visit.id, "D2").value is None


def test_ratio_with_numerator_above_denominator_is_not_saved(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "C7")
    old = ans.get_answer(demo_db, w.visit.id, "C7")
    r = w.panel.editor.ratio
    r.num.setFocus()
    r.num.lineEdit().setText("130")
    r.den.setFocus()
    r.den.lineEdit().setText("120")
    w.view.setFocus()
    assert "tử số lớn hơn mẫu số" in r.result.text()
    now = ans.get_answer(demo_db, w.visit.id, "C7")
    assert (now.value if now else None) == (old.value if old else None)


def test_start_from_previous_visit_shows_suggestions_until_confirmed(qtbot, demo_db, demo_path, monkeypatch):
    monkeypatch.setattr(ui.dialogs, "confirm", lambda *a, **k: True)
    old = next(v for v in ins.visits(demo_db) if v.commune == "Ninh Xuân")
    new_insp = ins.create_inspection(demo_db, title="Kiểm tra CCHC năm 2027")
    new = ins.add_visit(demo_db, new_insp.id, commune="Ninh Xuân", province="Khánh Hòa", date="2027-11-20")
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Ninh Xuân · 20/11")
    assert w.visit.id == new.id and w.previous.id == old.id
    assert w.act_previous.isEnabled()
    w.start_from_previous()
    qtbot.waitUntil(lambda: w.cl_model.answers.get("A1") is not None, timeout=10000)
    a1 = w.cl_model.answers["A1"]
    assert a1.value is None and a1.suggested == "dat", "copied as a suggestion, not an answer"
    w.open_answer(new.id, "A1")
    assert w.panel.suggestion.isVisible() or not w.isVisible()
    assert "(gợi ý" in w.cl_model.index_of("A1").siblingAtColumn(1).data()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ans.get_answer(demo_db, new.id, "A1").value == "dat"
    w.open_answer(new.id, "A4")
    qtbot.keyClick(w.view, Qt.Key.Key_1)
    assert "Lần kiểm tra trước: Không đạt" in w.panel.previous.text(), "the old value beside the new one"


def test_visit_dialog_saves_session_findings_and_refuses_a_bad_time(qtbot, demo_db, demo_path):
    v = next(v for v in ins.visits(demo_db) if v.commune == "Tòng Bạt")
    d = VisitDialog(demo_db, v.id)
    qtbot.addWidget(d)
    d.start.setText("25:00")
    d.accept()
    assert d.result() != QDialog.DialogCode.Accepted and "25:00" in d.error.text()
    assert ins.get_visit(demo_db, v.id).start_time == v.start_time, "nothing written"
    d.start.setText("8h")
    d.reps.add_row(["Lê Thị Hoa", "Chủ tịch UBND xã"], edit=False)
    d.findings.add_row(["kien_nghi", "Niêm yết số điện thoại đường dây nóng", "UBND xã", "31/12/2026"], edit=False)
    d.accept()
    assert d.result() == QDialog.DialogCode.Accepted, d.error.text()
    got = ins.get_visit(demo_db, v.id)
    assert got.start_time == "08:00"
    assert any(r.name == "Lê Thị Hoa" for r in got.representatives)
    assert any(
        f.text.startswith("Niêm yết số điện thoại") and f.kind == "kien_nghi" for f in ins.findings(demo_db, v.id)
    )


def test_giam_sat_words_follow_the_kind(qtbot, db):
    d = InspectionDialog(db)
    qtbot.addWidget(d)
    d.kind.setCurrentIndex(d.kind.findData("giam_sat"))
    assert "giám sát" in d.windowTitle()
    assert d.issuing_label.text() == "Đoàn giám sát"


@pytest.mark.parametrize("size", [(1366, 768)])
def test_usable_on_a_small_laptop_screen(qtbot, demo_db, demo_path, size):
    w = _window(qtbot, demo_db, demo_path)
    w.resize(*size)
    _select_visit(w, "Ninh Xuân")
    w.open_answer(w.visit.id, "B3")
    QApplication.processEvents()
    assert w.width() <= size[0] and w.height() <= size[1]
    # the checklist, the item's editor and the note are all on screen together, none squeezed
    for widget in (w.view, w.panel.editor, w.panel.note, w.tree):
        assert widget.isVisible()
        assert widget.width() >= widget.minimumSizeHint().width() - 1
        top_left = widget.mapTo(w, widget.rect().topLeft())
        bottom_right = widget.mapTo(w, widget.rect().bottomRight())
        assert top_left.x() >= 0 and bottom_right.x() <= w.width()
        assert top_left.y() >= 0 and bottom_right.y() <= w.height()
    for b in w.panel.editor.assessment.buttons.values():
        assert b.width() >= b.sizeHint().width(), f"button «{b.text()}» clipped"
    assert w.view.header().sectionSize(0) > 300, "criterion text has room"


def test_no_dead_actions_without_a_selection(qtbot, db, db_path):
    w = _window(qtbot, db, db_path)
    assert not w.act_edit_visit.isEnabled()
    assert not w.act_previous.isEnabled()
    assert not w.act_confirm_all.isEnabled()
    QTimer.singleShot(0, lambda: None)


def test_file_menu_has_sync_and_a_dropped_package_is_merged(qtbot, demo_db, demo_path, monkeypatch, tmp_path):
    """A package dropped on the window is merged into the database (checked there, not on a mock)."""
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    import ui.sync
    from inspector import sync

    laptop = inspector.open_db(tmp_path / "may-2.sqlite3")
    insp = ins.create_inspection(laptop, title="Kiểm tra CCHC của máy 2")
    visit = ins.add_visit(laptop, insp.id, commune="Xã Mới Thêm", province="Khánh Hòa")
    ans.set_answer(laptop, visit.id, "B2", "khong_dat", note="Từ máy 2")
    pkg = tmp_path / "may-2.cchc"
    sync.export_package(laptop, pkg, insp.id)
    laptop.conn.close()

    w = _window(qtbot, demo_db, demo_path)
    names = {a.objectName() for a in w.file_menu.actions()}
    assert {"export", "merge", "conflicts", "merge_log"} <= names
    events_before = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert "Xã Mới Thêm" not in {v.commune for v in ins.visits(demo_db)}
    shown = []
    monkeypatch.setattr(ui.sync.MergeReportDialog, "exec", lambda self: shown.append(self) or 0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pkg))])
    drop = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.addWidget(shown[0])
    assert not shown[0].report.rejected
    merged = next(v for v in ins.visits(demo_db) if v.commune == "Xã Mới Thêm")
    got = ans.get_answer(demo_db, merged.id, "B2")
    assert (got.value, got.note) == ("khong_dat", "Từ máy 2")
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] > events_before
    assert [m for m in sync.merge_log(demo_db) if "may-2.cchc" in str(m)], "the merge is in the log"


def test_the_item_shows_who_entered_the_answer(qtbot, demo_db, demo_path):
    from inspector import db as dbmod

    dbmod.meta_set(demo_db, "author", "Trần Thị Mai")
    w = _window(qtbot, demo_db, demo_path)
    _select_visit(w, "Tòng Bạt")
    w.open_answer(w.visit.id, "A1")
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_2)
    assert w.panel.who.isVisible() or not w.isVisible()
    assert w.panel.who.text().startswith("Nhập bởi Trần Thị Mai lúc ")


def _tree(w) -> list:
    """The tree as a person sees it: each inspection's text, tooltip and its communes', in order."""
    from ui.nav_pane import IdRole

    m = w.nav.model
    out = []
    for r in range(m.rowCount()):
        p = m.item(r)
        kids = [(p.child(i).text(), p.child(i).toolTip(), p.child(i).data(IdRole)) for i in range(p.rowCount())]
        out.append((p.text(), p.toolTip(), p.data(IdRole), kids))
    return out


def test_after_a_merge_only_the_touched_inspections_are_rebuilt_and_the_tree_is_right(
    qtbot, demo_db, demo_path, monkeypatch, tmp_path
):
    """A merge that brings a new inspection and answers to a demo commune rebuilds those rows only;
    the tree is then the one a full rebuild makes, and the commune being worked on stays current."""
    import ui.sync
    from inspector import sync

    w = _window(qtbot, demo_db, demo_path)
    demo = {i.title: i for i in ins.list_inspections(demo_db)}
    first = ins.visits(demo_db)[0]
    laptop = inspector.open_db(tmp_path / "may-2.sqlite3")
    sync.export_package(demo_db, tmp_path / "all.cchc")
    sync.merge_packages(laptop, [tmp_path / "all.cchc"])
    new = ins.create_inspection(laptop, title="Kiểm tra 0 đầu tiên", decision_date="2099-01-01")
    ins.add_visit(laptop, new.id, commune="Xã Mới Thêm", province="Khánh Hòa")
    ans.set_answer(laptop, first.id, "B2", "khong_dat", note="Từ máy 2")
    siblings = [v for v in ins.visits(demo_db, first.inspection_id) if v.id != first.id]
    ins.update_visit(laptop, siblings[0].id, date="2099-12-31")  # moves to the end of its inspection
    ins.delete_visit(laptop, siblings[1].id)
    sync.export_package(laptop, tmp_path / "may-2.cchc")
    laptop.conn.close()
    w.nav.select(first.id)
    untouched = [i.id for i in demo.values() if i.id != first.inspection_id]
    before = {r: w.nav.model.item(r) for r in range(w.nav.model.rowCount())}
    kept_items = {it.data(Qt.ItemDataRole.UserRole + 1): it for it in before.values()}

    shown = []
    monkeypatch.setattr(ui.sync.MergeReportDialog, "exec", lambda self: shown.append(self) or 0)
    drop, _mime = _drop_event(tmp_path / "may-2.cchc")  # the event does not own its data
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    report = shown[0].report
    assert report.inspection_ids == {new.id, first.inspection_id} and report.inspections_changed == {new.id}
    assert report.visit_ids == {first.id, siblings[0].id, siblings[1].id} | {v.id for v in ins.visits(demo_db, new.id)}
    after = _tree(w)
    assert after[1][2] == first.inspection_id and after[1][3][-1][2] == siblings[0].id
    assert siblings[1].id not in {k[2] for k in after[1][3]}
    for iid in [*untouched, first.inspection_id]:  # the same row objects: not rebuilt
        assert any(w.nav.model.item(r) is kept_items[iid] for r in range(w.nav.model.rowCount()))
    assert w.visit.id == first.id and w.nav.current_inspection_id() == first.inspection_id
    assert after[0][0] == "Kiểm tra 0 đầu tiên" and "Xã Mới Thêm" in after[0][3][0][0]
    w.nav.reload()
    assert _tree(w) == after


def _drop_event(path):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    return drop, mime
