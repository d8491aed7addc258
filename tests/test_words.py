"""Stored codes have their words in both languages, in one module; nothing translated is stored."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from inspector import events, words

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "vi, en",
    [
        (words.ASSESSMENT, words.ASSESSMENT_EN),
        (words.YESNO, words.YESNO_EN),
        (words.KINDS, words.KINDS_EN),
        (words.ROLES, words.ROLES_EN),
        (words.FIELD_LABELS, words.FIELD_LABELS_EN),
        (words.ENTITY_LABELS, words.ENTITY_LABELS_EN),
    ],
)
def test_every_code_has_both_languages(vi, en):
    assert set(vi) == set(en) and all(vi[k] and en[k] and vi[k] != en[k] for k in vi if k != "m²")


def test_every_field_and_record_has_a_label():
    fields = {f for _, _, fs in events.ENTITIES.values() for f in fs}
    assert fields <= set(words.FIELD_LABELS) and set(events.ENTITIES) <= set(words.ENTITY_LABELS)


def test_word_and_reason_text():
    assert words.word("role", "truong_doan") == "Trưởng đoàn"
    assert words.word("role", "truong_doan", "en") == "Head of delegation"
    assert words.word("role", "unknown") == "unknown"
    assert words.reason_text(words.PLAN_EDIT) == "sửa kế hoạch"
    assert words.reason_text(words.PLAN_EDIT, "en") == "plan edited"
    assert words.reason_text("Xã bổ sung hồ sơ") == "Xã bổ sung hồ sơ" and words.reason_text(None) == ""


def test_the_window_stores_no_translated_reason():
    """A reason passed to the core is a code or what a person typed, never a _tr() string."""
    for path in (ROOT / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg == "reason":
                for sub in ast.walk(node.value):
                    assert not (isinstance(sub, ast.Call) and getattr(sub.func, "id", "") in ("_tr", "tr")), (
                        f"{path.name}:{node.value.lineno} stores a translated reason"
                    )


def test_the_kind_of_a_document_is_read_from_its_number():
    from inspector.words import document_kind

    assert document_kind("245/QĐ-UBND") == "Quyết định"
    assert document_kind("12/NQ-HĐND") == "Nghị quyết"
    assert document_kind("120/kh-ubnd") == "Kế hoạch"
    assert document_kind("15/CT-UBND") == "Chỉ thị"
    assert document_kind("245") == document_kind("") == document_kind(None) == "Quyết định"
    assert document_kind("7/XYZ-UBND") == "Quyết định"
