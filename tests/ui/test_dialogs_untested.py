"""Dialogs that no other test drove: the photo viewer, the settings, and the window's new / edit /
delete of inspections and visits through its menu actions. Modal dialogs are the real ones, driven
by a timer callback that finds the active modal widget, fills it and presses its buttons."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog

import ui.dialogs
import ui.errors
import ui.photos
from inspector import db as dbm
from inspector import events, minutes
from inspector import inspections as ins
from inspector import photos as ph
from inspector.errors import VisitFrozen
from ui.dialogs import InspectionDialog, VisitDialog
from ui.mainwindow import MainWindow
from ui.photos import PhotoViewer
from ui.settings import SettingsDialog, keep_originals, minutes_layout, photo_max_edge

# ---- helpers ----------------------------------------------------------------------------------


def _window(qtbot, db, path) -> MainWindow:
    w = MainWindow(db, path)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    return w


def _select(w: MainWindow, label_start: str) -> None:
    """Select an inspection or a commune in the tree by the start of its label."""
    for r in range(w.nav_filter.rowCount()):
        parent = w.nav_filter.index(r, 0)
        if parent.data().startswith(label_start):
            w.tree.setCurrentIndex(parent)
            return
        for i in range(w.nav_filter.rowCount(parent)):
            idx = w.nav_filter.index(i, 0, parent)
            if idx.data().startswith(label_start):
                w.tree.setCurrentIndex(idx)
                return
    raise AssertionError(f"{label_start} not in the tree")


def _tree(w: MainWindow) -> dict[str, list[str]]:
    """Inspection label -> commune labels, as the tree shows them."""
    out = {}
    for r in range(w.nav_filter.rowCount()):
        parent = w.nav_filter.index(r, 0)
        out[parent.data()] = [
            w.nav_filter.index(i, 0, parent).data().split(" · ")[0] for i in range(w.nav_filter.rowCount(parent))
        ]
    return out


def when_modal(cls, act, seen: list) -> None:
    """Once a modal `cls` is open, call act(dialog) (which must close it); closes it on failure."""
    tries = [0]

    def poll() -> None:
        d = QApplication.activeModalWidget()
        if isinstance(d, cls):
            seen.append(d)
            try:
                act(d)
            except BaseException as exc:  # keep the test from hanging in exec()
                seen.append(exc)
                d.reject()
                return
            if d.isVisible():
                seen.append(AssertionError(f"{cls.__name__} still open after the test drove it"))
                d.reject()
            return
        tries[0] += 1
        if tries[0] < 250:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _run_modal(trigger, cls, act) -> SimpleNamespace:
    """Trigger, let act drive the modal `cls`; returns what the dialog ended with (keeping no
    reference to the dialog itself, which its window deletes)."""
    seen: list = []
    when_modal(cls, act, seen)
    trigger()
    assert seen, f"no {cls.__name__} was opened"
    errors = [x for x in seen if isinstance(x, BaseException)]
    d = seen[0]
    info = SimpleNamespace(
        result=d.result(), saved_id=getattr(d, "saved_id", None), error=d.error.text() if hasattr(d, "error") else ""
    )
    seen.clear()
    del d
    if errors:
        raise errors[0]
    return info


def _ok(qtbot, d: QDialog) -> None:
    qtbot.mouseClick(
        d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _cancel(qtbot, d: QDialog) -> None:
    qtbot.mouseClick(
        d.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )


def _say_yes(monkeypatch, answer: bool = True) -> list:
    asked: list = []
    monkeypatch.setattr(ui.dialogs, "confirm", lambda parent, title, text: asked.append(text) or answer)
    return asked


def _no_open_amendment(monkeypatch) -> None:
    """Signed minutes: the window may keep the reason of an open amendment per visit for the
    session (ui.amend); start and end this test without one."""
    try:
        from ui import amend
    except ImportError:
        return
    monkeypatch.setattr(amend, "_open", {})


def _shown_errors(monkeypatch) -> list:
    shown: list = []
    monkeypatch.setattr(ui.errors, "show", lambda parent, exc, title=None: shown.append(exc))
    return shown


# ---- the photo viewer -------------------------------------------------------------------------


def test_photo_viewer_opens_on_the_chosen_photo_and_steps_with_the_arrow_keys(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select(w, "Ninh Xuân")
    w.middle_tabs.setCurrentIndex(1)  # the gallery: every photo of the visit
    gallery = w.gallery
    rows = gallery.model.rows
    assert [a.item_code for a in rows] == ["B1", "B7", "D1", "D6"]
    images = [QImage.fromData(ph.photo_bytes(demo_db, a.photo_sha256)) for a in rows]
    assert len({img.cacheKey() for img in images}) == 4 and images[0] != images[1]
    gallery.view.setCurrentIndex(gallery.model.index(1))
    shown: list[tuple] = []

    def state(v: PhotoViewer) -> tuple:
        return (
            v.row,
            v.caption.text(),
            v.windowTitle(),
            v._pixmap.toImage() == images[v.row],
            not v.image.pixmap().isNull(),
        )

    def browse(v: PhotoViewer) -> None:
        shown.append(state(v))
        for key in (
            Qt.Key.Key_Right,
            Qt.Key.Key_Right,
            Qt.Key.Key_Right,
            Qt.Key.Key_Left,
            Qt.Key.Key_Left,
            Qt.Key.Key_Left,
            Qt.Key.Key_Left,
            Qt.Key.Key_Left,
        ):
            qtbot.keyClick(v, key)
            shown.append(state(v))
        qtbot.keyClick(v, Qt.Key.Key_Escape)

    v = _run_modal(gallery.act_open.trigger, PhotoViewer, browse)
    assert v.result == QDialog.DialogCode.Rejected
    assert [s[0] for s in shown] == [1, 2, 3, 3, 2, 1, 0, 0, 0], "Right/Left step, and stop at the ends"
    for row, caption, title, same_image, has_pixmap in shown:
        assert caption == f"{row + 1}/4 — {rows[row].caption}"
        assert title == rows[row].caption
        assert same_image, f"row {row} shows another photo"
        assert has_pixmap


def test_photo_viewer_buttons_step_too(qtbot, demo_db):
    v_id = next(v.id for v in ins.visits(demo_db) if v.commune == "Ninh Xuân")
    rows = ph.attachments(demo_db, v_id)
    viewer = PhotoViewer(demo_db, rows, 3)
    qtbot.addWidget(viewer)
    viewer.show()
    prev, nxt = [b for b in viewer.findChildren(ui.photos.QPushButton) if b.text() in ("◀", "▶")]
    if prev.text() != "◀":
        prev, nxt = nxt, prev
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert viewer.row == 3
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    assert viewer.row == 2 and viewer.caption.text().startswith("3/4 — D1")
    assert viewer._pixmap.toImage() == QImage.fromData(ph.photo_bytes(demo_db, rows[2].photo_sha256))


# ---- settings ---------------------------------------------------------------------------------


def test_settings_ok_stores_language_author_and_photo_size(qtbot, db, db_path, monkeypatch):
    w = _window(qtbot, db, db_path)
    assert not QSettings().contains("language")
    asked = _say_yes(monkeypatch, False)  # a new language: the window offers to restart; not now

    def fill(d: SettingsDialog) -> None:
        assert d.language.currentData() == "vi" and d.max_edge.value() == 2000 and not d.keep_original.isChecked()
        d.language.setCurrentIndex(d.language.findData("en"))
        assert d.note.text(), "a note says the language applies after a restart"
        d.author.setText("  Nguyễn Thị Lan  ")
        d.max_edge.setValue(3200)
        d.keep_original.setChecked(True)
        assert d.layout_choice.currentData() == "areas"
        d.layout_choice.setCurrentIndex(d.layout_choice.findData("tables"))
        _ok(qtbot, d)

    d = _run_modal(w.act_settings.trigger, SettingsDialog, fill)
    assert d.result == QDialog.DialogCode.Accepted
    assert len(asked) == 1 and w.isVisible(), "asked once about restarting; No keeps the window"
    s = QSettings()
    assert s.value("language") == "en"
    assert photo_max_edge() == 3200 and keep_originals() is True and minutes_layout() == "tables"
    assert dbm.meta_get(db, "author") == "Nguyễn Thị Lan"
    insp = ins.create_inspection(db, title="x")
    assert {e["author"] for e in events.history(db, insp.id)} == {"Nguyễn Thị Lan"}, "changes are signed by it"

    def check(d: SettingsDialog) -> None:  # reopened: shows what was stored
        assert (
            d.language.currentData(),
            d.author.text(),
            d.max_edge.value(),
            d.keep_original.isChecked(),
            d.layout_choice.currentData(),
        ) == ("en", "Nguyễn Thị Lan", 3200, True, "tables")
        _cancel(qtbot, d)

    _run_modal(w.act_settings.trigger, SettingsDialog, check)
    assert len(asked) == 1, "Cancel changes no language: nothing asked"


def test_settings_cancel_stores_nothing(qtbot, db, db_path, monkeypatch):
    w = _window(qtbot, db, db_path)
    asked = _say_yes(monkeypatch, False)
    dbm.meta_set(db, "author", "Trần Văn Cũ")

    def fill_and_cancel(d: SettingsDialog) -> None:
        d.language.setCurrentIndex(d.language.findData("en"))
        d.author.setText("Người khác")
        d.max_edge.setValue(5000)
        d.keep_original.setChecked(True)
        _cancel(qtbot, d)

    d = _run_modal(w.act_settings.trigger, SettingsDialog, fill_and_cancel)
    assert d.result == QDialog.DialogCode.Rejected
    assert asked == []
    s = QSettings()
    for key in ("language", "photos/max_edge", "photos/keep_original"):
        assert not s.contains(key), key
    assert photo_max_edge() == 2000 and keep_originals() is False
    assert dbm.meta_get(db, "author") == "Trần Văn Cũ"


# ---- inspections: new, edit, delete -------------------------------------------------------------


def test_new_inspection_through_the_menu(qtbot, db, db_path):
    w = _window(qtbot, db, db_path)

    def fill(d: InspectionDialog) -> None:
        assert d.windowTitle() == "Đợt kiểm tra mới"
        d.kind.setCurrentIndex(d.kind.findData("giam_sat"))
        d.title.insert("Giám sát CCHC quý IV")
        d.decision_no.insert("125/QĐ-HĐND")
        qtbot.keyClicks(d.decision_date, "10/11/2026")
        d.members.add_row(["Nguyễn Văn An", "Trưởng Ban", "HĐND tỉnh", "truong_doan"], edit=False)
        d.members.add_row(["Phạm Thu Hà", "", "", "thu_ky"], edit=False)
        d.communes.add_row(["Ninh Xuân", "Khánh Hòa", "23/11/2026"], edit=False)
        d.communes.add_row(["Đồng Hóa", "Ninh Bình", "24/11/2026"], edit=False)
        _ok(qtbot, d)

    d = _run_modal(w.act_new.trigger, InspectionDialog, fill)
    assert d.result == QDialog.DialogCode.Accepted, d.error
    (insp,) = ins.list_inspections(db)
    assert (insp.id, insp.kind, insp.title, insp.decision_no, insp.decision_date) == (
        d.saved_id,
        "giam_sat",
        "Giám sát CCHC quý IV",
        "125/QĐ-HĐND",
        "2026-11-10",
    )
    assert [(m.name, m.role) for m in ins.members(db, insp.id)] == [
        ("Nguyễn Văn An", "truong_doan"),
        ("Phạm Thu Hà", "thu_ky"),
    ]
    assert [(v.commune, v.date) for v in ins.visits(db, insp.id)] == [
        ("Ninh Xuân", "2026-11-23"),
        ("Đồng Hóa", "2026-11-24"),
    ]
    assert _tree(w) == {"Giám sát CCHC quý IV (125/QĐ-HĐND)": ["Ninh Xuân", "Đồng Hóa"]}
    assert w.visit is not None and w.visit.commune == "Ninh Xuân", "the first commune is opened"


def test_new_inspection_with_a_bad_date_stays_open_and_writes_nothing(qtbot, db, db_path):
    w = _window(qtbot, db, db_path)
    messages = []

    def fill(d: InspectionDialog) -> None:
        d.title.insert("Kiểm tra")
        qtbot.keyClicks(d.decision_date, "31/02/2026")
        _ok(qtbot, d)
        messages.append((d.isVisible(), d.error.isVisible(), d.error.text()))
        _cancel(qtbot, d)

    d = _run_modal(w.act_new.trigger, InspectionDialog, fill)
    assert d.result == QDialog.DialogCode.Rejected
    visible, error_shown, text = messages[0]
    assert visible and error_shown and "31/02/2026" in text
    assert ins.list_inspections(db) == [] and db.execute("SELECT count(*) FROM events").fetchone()[0] == 0
    assert _tree(w) == {}


def test_edit_inspection_renames_removes_a_member_and_a_commune(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    (insp,) = ins.list_inspections(demo_db)
    _select(w, "Kiểm tra công tác")

    def edit(d: InspectionDialog) -> None:
        assert d.title.text() == insp.title and d.members.model.rowCount() == 4
        d.title.setText("Kiểm tra CCHC năm 2026 (đã sửa)")
        names = [cells[0] for _, cells in d.members.rows()]
        d.members.view.setCurrentIndex(d.members.model.index(names.index("Lê Minh Đức"), 0))
        qtbot.mouseClick(d.members.remove_button, Qt.MouseButton.LeftButton)
        communes = [cells[0] for _, cells in d.communes.rows()]
        d.communes.view.setCurrentIndex(d.communes.model.index(communes.index("Tòng Bạt"), 0))
        qtbot.mouseClick(d.communes.remove_button, Qt.MouseButton.LeftButton)
        _ok(qtbot, d)

    d = _run_modal(w.act_edit_inspection.trigger, InspectionDialog, edit)
    assert d.result == QDialog.DialogCode.Accepted, d.error
    assert ins.get_inspection(demo_db, insp.id).title == "Kiểm tra CCHC năm 2026 (đã sửa)"
    assert [m.name for m in ins.members(demo_db, insp.id)] == ["Nguyễn Văn Hùng", "Trần Thị Mai", "Phạm Thu Hà"]
    assert [v.commune for v in ins.visits(demo_db, insp.id)] == ["Ninh Xuân", "Ninh Đa", "Đồng Hóa", "Đại Cương"]
    assert _tree(w) == {
        "Kiểm tra CCHC năm 2026 (đã sửa) (245/QĐ-UBND)": ["Ninh Xuân", "Ninh Đa", "Đồng Hóa", "Đại Cương"]
    }


def test_edit_inspection_cancel_writes_nothing(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    n = demo_db.execute("SELECT count(*) FROM events").fetchone()[0]
    _select(w, "Kiểm tra công tác")

    def edit(d: InspectionDialog) -> None:
        d.title.setText("Không lưu")
        d.communes.add_row(["Xã Mới", "", ""], edit=False)
        _cancel(qtbot, d)

    _run_modal(w.act_edit_inspection.trigger, InspectionDialog, edit)
    assert demo_db.execute("SELECT count(*) FROM events").fetchone()[0] == n
    assert ins.list_inspections(demo_db)[0].title == "Kiểm tra công tác cải cách hành chính năm 2026"


def test_delete_inspection_asks_and_then_deletes(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    other = ins.create_inspection(demo_db, title="Giám sát khác", kind="giam_sat")
    w.reload()
    _select(w, "Kiểm tra công tác")
    asked = _say_yes(monkeypatch, False)
    w.act_delete_inspection.trigger()
    assert len(asked) == 1 and "Kiểm tra công tác cải cách hành chính năm 2026" in asked[0]
    assert len(ins.list_inspections(demo_db)) == 2, "No keeps it"

    asked = _say_yes(monkeypatch, True)
    w.act_delete_inspection.trigger()
    assert len(asked) == 1
    assert [i.id for i in ins.list_inspections(demo_db)] == [other.id]
    assert list(_tree(w)) == ["Giám sát khác"]
    assert w.visit is None


# ---- visits: edit, delete ---------------------------------------------------------------------


def test_edit_visit_through_the_menu_saves_place_status_and_a_finding(qtbot, demo_db, demo_path):
    w = _window(qtbot, demo_db, demo_path)
    _select(w, "Tòng Bạt")
    vid = w.visit.id
    before = len(ins.findings(demo_db, vid))

    def edit(d: VisitDialog) -> None:
        assert d.commune.text() == "Tòng Bạt" and d.status.currentData() == "in_progress"
        d.place.setText("Hội trường UBND xã Tòng Bạt")
        d.end.setText("16h")
        d.status.setCurrentIndex(d.status.findData("done"))
        d.findings.add_row(["kien_nghi", "Niêm yết lại bộ thủ tục hành chính", "UBND xã", "31/12/2026"], edit=False)
        d.reps.add_row(["Nguyễn Văn Mới", "Phó Chủ tịch UBND xã"], edit=False)
        _ok(qtbot, d)

    d = _run_modal(w.act_edit_visit.trigger, VisitDialog, edit)
    assert d.result == QDialog.DialogCode.Accepted, d.error
    v = ins.get_visit(demo_db, vid)
    assert (v.place, v.end_time, v.status) == ("Hội trường UBND xã Tòng Bạt", "16:00", "done")
    assert v.representatives[-1].name == "Nguyễn Văn Mới"
    found = ins.findings(demo_db, vid, "kien_nghi")
    assert len(ins.findings(demo_db, vid)) == before + 1
    assert found[-1].text == "Niêm yết lại bộ thủ tục hành chính" and found[-1].responsible == "UBND xã"


def test_drafted_shortcomings_and_recommendations_name_every_item_not_met(qtbot, demo_db, demo_path):
    """The button drafts a tồn tại and a kiến nghị for each item not met that no finding names; the
    inspector edits them; once saved, each is tied to its item and nothing is left unmentioned."""
    w = _window(qtbot, demo_db, demo_path)
    _select(w, "Ninh Xuân")
    vid = w.visit.id
    for f in ins.findings(demo_db, vid):
        ins.update_finding(demo_db, f.id, items="", text="Nội dung chung")
    missing = minutes.gaps(demo_db, vid).unmentioned
    assert len(missing) >= 2
    before = len(ins.findings(demo_db, vid))

    def edit(d: VisitDialog) -> None:
        rows = d.findings.model.rowCount()
        d.draft_button.click()
        added = d.findings.rows()[rows:]
        assert len(added) == 2 * len(missing)
        assert [k for _, (k, _, _, _) in added] == ["ton_tai", "kien_nghi"] * len(missing)
        for code, (_, (_, text, _, _)) in zip([c for c in missing for _ in (0, 1)], added):
            assert f"({code})" in text
        d.draft_button.click()  # the same drafts are not added twice
        assert d.findings.model.rowCount() == rows + 2 * len(missing) and not d.draft_button.isEnabled()
        d.findings.model.item(rows, 1).setText("Niêm yết chưa đầy đủ (" + missing[0] + ")")  # edited
        _ok(qtbot, d)

    d = _run_modal(w.act_edit_visit.trigger, VisitDialog, edit)
    assert d.result == QDialog.DialogCode.Accepted, d.error
    saved = ins.findings(demo_db, vid)
    assert len(saved) == before + 2 * len(missing)
    assert any(f.text == f"Niêm yết chưa đầy đủ ({missing[0]})" and f.items == missing[0] for f in saved)
    assert minutes.gaps(demo_db, vid).unmentioned == ()


def test_edit_signed_visit_needs_a_reason(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    vid = next(v.id for v in ins.visits(demo_db) if v.commune == "Ninh Đa")
    minutes.sign_visit(demo_db, vid)
    w.reload()
    _select(w, "✔ Ninh Đa")
    answers = iter([("", False), ("bổ sung địa điểm", True)])
    # wherever the window asks for the amendment's reason, it asks through QInputDialog.getText
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    _no_open_amendment(monkeypatch)
    seen = []

    def edit(d: VisitDialog) -> None:
        assert not d.status.isEnabled() and d.status.currentData() == "signed"
        d.place.setText("Nhà văn hóa xã")
        _ok(qtbot, d)  # reason refused: the dialog stays with a message
        seen.append((d.isVisible(), d.error.text()))
        _ok(qtbot, d)  # now with a reason

    d = _run_modal(w.act_edit_visit.trigger, VisitDialog, edit)
    assert seen[0][0] and seen[0][1], "the first OK without a reason is refused in the dialog"
    assert d.result == QDialog.DialogCode.Accepted
    v = ins.get_visit(demo_db, vid)
    assert v.place == "Nhà văn hóa xã" and v.status == "signed"
    assert events.history(demo_db, vid, "place")[-1]["reason"] == "bổ sung địa điểm"


def test_delete_visit_asks_and_then_deletes(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    _select(w, "Tòng Bạt")
    vid = w.visit.id
    asked = _say_yes(monkeypatch, False)
    w.act_delete_visit.trigger()
    assert len(asked) == 1 and "Tòng Bạt" in asked[0]
    assert vid in [v.id for v in ins.visits(demo_db)]

    _say_yes(monkeypatch, True)
    w.act_delete_visit.trigger()
    assert vid not in [v.id for v in ins.visits(demo_db)]
    assert list(_tree(w).values()) == [["Ninh Xuân", "Ninh Đa", "Đồng Hóa", "Đại Cương"]]
    assert w.visit is None


def test_delete_signed_visit_is_refused_with_a_message(qtbot, demo_db, demo_path, monkeypatch):
    w = _window(qtbot, demo_db, demo_path)
    vid = next(v.id for v in ins.visits(demo_db) if v.commune == "Đồng Hóa")
    minutes.sign_visit(demo_db, vid)
    w.reload()
    _select(w, "✔ Đồng Hóa")
    asked = _say_yes(monkeypatch, True)
    shown = _shown_errors(monkeypatch)
    assert not w.act_delete_visit.isEnabled(), "the menu item is greyed out for signed minutes"
    w.act_delete_visit.trigger()
    assert asked == [] and shown == []
    w.delete_visit()  # reached anyway (e.g. a stale action): the core refuses, a message
    assert len(asked) == 1 and len(shown) == 1 and isinstance(shown[0], VisitFrozen)
    assert vid in [v.id for v in ins.visits(demo_db)]
    assert w.visit is not None and w.visit.id == vid


# ---- photos in the window: shift, move, paste, with undo ------------------------------------------


def _gallery(qtbot, demo_db, demo_path, commune="Ninh Xuân"):
    w = _window(qtbot, demo_db, demo_path)
    _select(w, commune)
    w.middle_tabs.setCurrentIndex(1)
    return w, w.gallery


def test_shift_later_and_earlier_with_undo(qtbot, demo_db, demo_path):
    w, g = _gallery(qtbot, demo_db, demo_path)
    vid = w.visit.id
    for c in (40, 80):
        img = QImage(40, 30, QImage.Format.Format_RGB32)
        img.fill(c)
        ph.import_one(demo_db, vid, ui.photos._png_bytes(img), f"p{c}.png", item_code="B1")
    g.reload()
    before = [a.id for a in ph.attachments(demo_db, vid, "B1")]
    g.view.setCurrentIndex(g.model.index(0))
    g.act_later.trigger()
    assert [a.id for a in ph.attachments(demo_db, vid, "B1")] == [before[1], before[0], before[2]]
    assert g.model.rows[g.view.currentIndex().row()].id == before[0], "the moved photo stays selected"
    g.act_earlier.trigger()
    assert [a.id for a in ph.attachments(demo_db, vid, "B1")] == before
    w.undo.undo()
    assert [a.id for a in ph.attachments(demo_db, vid, "B1")] == [before[1], before[0], before[2]]
    w.undo.undo()
    assert [a.id for a in ph.attachments(demo_db, vid, "B1")] == before
    w.undo.redo()
    assert [a.id for a in ph.attachments(demo_db, vid, "B1")] == [before[1], before[0], before[2]]
    assert [a.id for a in g.model.rows if a.item_code == "B1"] == [before[1], before[0], before[2]]


def test_move_to_another_item_with_undo(qtbot, demo_db, demo_path, monkeypatch):
    w, g = _gallery(qtbot, demo_db, demo_path)
    vid = w.visit.id
    b1 = ph.attachments(demo_db, vid, "B1")[0]
    monkeypatch.setattr(
        ui.photos.QInputDialog,
        "getItem",
        lambda parent, title, label, items, current, editable: (next(x for x in items if x.startswith("B7 – ")), True),
    )
    g.view.setCurrentIndex(g.model.index(0))
    g.act_move.trigger()
    assert ph.get_attachment(demo_db, b1.id).item_code == "B7"
    assert [a.item_code for a in g.model.rows] == ["B7", "B7", "D1", "D6"]
    assert ph.counts_by_item(demo_db, vid) == {"B7": 2, "D1": 1, "D6": 1}
    w.undo.undo()
    assert ph.get_attachment(demo_db, b1.id).item_code == "B1"
    assert [a.item_code for a in g.model.rows] == ["B1", "B7", "D1", "D6"]


def test_paste_an_image_from_the_clipboard(qtbot, demo_db, demo_path):
    w, g = _gallery(qtbot, demo_db, demo_path, "Đồng Hóa")
    vid = w.visit.id
    assert g.model.rowCount() == 0
    img = QImage(120, 80, QImage.Format.Format_RGB32)
    img.fill(0x3366CC)
    QGuiApplication.clipboard().setImage(img)
    g.act_paste.trigger()
    (a,) = ph.attachments(demo_db, vid)
    assert a.item_code is None and (a.width, a.height) == (120, 80)  # the gallery pastes onto the visit
    assert g.model.rowCount() == 1 and g.model.rows[0].id == a.id
    assert g.count_label.text() == "1 ảnh"


def test_gallery_tab_counts_a_photo_pasted_onto_the_visit(qtbot, demo_db, demo_path):
    w, g = _gallery(qtbot, demo_db, demo_path, "Đồng Hóa")
    img = QImage(60, 40, QImage.Format.Format_RGB32)
    img.fill(0x33AA66)
    QGuiApplication.clipboard().setImage(img)
    g.act_paste.trigger()
    assert g.model.rowCount() == 1
    assert w.middle_tabs.tabText(1).endswith("(1)")
