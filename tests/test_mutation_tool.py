"""The mutation tool's own judgement of equivalent mutants (tools/mutation.py): a change of case in
SQL is equivalent, a change of case in a quoted value or in an English sentence is not."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("mutation_tool", Path(__file__).parent.parent / "tools" / "mutation.py")
assert _spec and _spec.loader
mutation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation)


def _one(orig: str, mutant: str) -> bool:
    return mutation.case_only([f"    x = db.execute({orig!r})"], [f"    x = db.execute({mutant!r})"])


def test_sql_keywords_and_names_in_another_case_are_equivalent():
    assert _one("SELECT id FROM photos WHERE sha256 = ?", "select id from photos where sha256 = ?")
    assert _one("SELECT id FROM photos", "SELECT ID FROM PHOTOS")
    assert _one("BEGIN", "begin")
    assert _one("SELECT id FROM a WHERE id LIKE ? || '%' LIMIT 2", "select id from a where id like ? || '%' limit 2")


def test_a_quoted_value_or_an_english_sentence_in_another_case_is_not():
    assert not _one(
        "SELECT 1 FROM events WHERE entity = 'inspection'", "SELECT 1 FROM EVENTS WHERE ENTITY = 'INSPECTION'"
    )
    assert not _one("photos of one visit only", "PHOTOS OF ONE VISIT ONLY")
    assert not _one('SELECT "Id" FROM a', 'select "id" from a')
    assert not _one("SELECT id FROM a", "XXSELECT id FROM aXX")
    assert not mutation.case_only([], [])
    assert not mutation.case_only(["    a = 1"], ["    a = 1", "    b = 2"])
    assert not mutation.case_only(["    a = 'SELECT x'"], ["    a = 'SELECT x'"])  # nothing changed


def test_the_equivalents_list_names_mutants_with_a_reason():
    found = mutation.equivalents()
    assert len(found) > 100
    assert all(name.startswith("inspector.") and "__mutmut_" in name for name in found)
    assert all(reason and not reason.startswith("`inspector.") for reason in found.values())
