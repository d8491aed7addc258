import copy
import json

import pytest

from inspector import checklist as cl
from inspector.errors import ChecklistError


def test_default_checklist_matches_the_domain_description():
    c = cl.default_checklist()
    assert c.id == "CCHC-XA-2025.1"
    assert len(c.items) == 70
    counts = {g.code: sum(1 for i in c.items if i.group == g.code) for g in c.groups}
    assert counts == {"A": 7, "B": 12, "C": 13, "D": 16, "E": 12, "F": 5, "G": 5}
    assert sorted(i.code for i in c.items if i.photo_required) == sorted(
        ["B1", "B4", "B6", "B7", "B8", "B9", "C3", "C4", "D1", "D9", "D14", "F4"]
    )
    assert c.item("C7").type == "ratio"
    assert c.item("D2").unit == "quầy"
    assert c.item("C7").ratio_labels()[0].startswith("Số hồ sơ giải quyết đúng hạn")
    assert c.group_title("B") == "Công khai, niêm yết TTHC"


def _data():
    return copy.deepcopy(cl.default_checklist().data)


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["items"].append(dict(d["items"][0])), "duplicate code A1"),
        (lambda d: d["items"][3].update(type="rating"), "A4.*unknown type 'rating'"),
        (lambda d: d["items"][5].update(text_vi="   "), "A6.*empty text"),
        (lambda d: d["items"][2].update(code=""), "item 3 has no code"),
        (lambda d: d.update(items=[]), "no items"),
        (lambda d: d.update(id=""), "no id"),
    ],
)
def test_invalid_checklists_are_refused_with_the_problem_named(mutate, message):
    d = _data()
    mutate(d)
    with pytest.raises(ChecklistError, match=message):
        cl.parse(d, "mine.json")


def test_an_office_can_load_its_own_checklist(tmp_path, db):
    d = _data()
    d["id"] = "CCHC-XA-KH-2026.1"
    d["items"].append(
        {"code": "BL1", "group": "B", "position": 13, "text_vi": "Niêm yết mã QR tra cứu hồ sơ", "type": "yesno"}
    )
    path = tmp_path / "khanh-hoa.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    c = cl.load_file(path)
    cl.install(db, c)
    assert cl.get(db, "CCHC-XA-KH-2026.1").item("BL1").text_vi == "Niêm yết mã QR tra cứu hồ sơ"
    assert ("CCHC-XA-KH-2026.1", c.title) in cl.versions(db)


def test_broken_json_file_is_named(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"id": "x", "items": [', encoding="utf-8")
    with pytest.raises(ChecklistError, match=r"broken\.json.*not valid JSON"):
        cl.load_file(path)


def test_each_database_gets_the_default_checklist(tmp_path):
    import inspector

    for name in ("a.sqlite3", "b.sqlite3"):
        d = inspector.open_db(tmp_path / name)
        assert cl.get(d, None).id == cl.DEFAULT_VERSION
        assert d.execute("SELECT count(*) FROM checklist_items").fetchone()[0] == 70
        d.conn.close()


def test_item_count_reads_the_stored_rows_and_a_shipped_version_not_stored_yet(db):
    from inspector import checklist as cl
    from inspector.errors import NotFound

    cl._cache.pop("CCHC-XA-2026.1", None)
    stored = db.execute("SELECT count(*) FROM checklist_items WHERE version_id = 'CCHC-XA-2026.1'").fetchone()[0]
    n = cl.item_count(db, "CCHC-XA-2026.1")  # stored on first use when it was not
    assert n == len(cl.get(db, "CCHC-XA-2026.1").items) and n > 20
    assert stored in (0, n)
    cl._cache.clear()  # from the rows alone, no parsing
    assert cl.item_count(db, "CCHC-XA-2026.1") == n and "CCHC-XA-2026.1" not in cl._cache
    assert cl.item_count(db, None) == len(cl.get(db, None).items)
    with pytest.raises(NotFound):
        cl.item_count(db, "KHONG-CO.1")
