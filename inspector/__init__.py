"""Inspector core: plain Python, no Qt. The GUI, the CLI and the tests go through these names."""

from __future__ import annotations

__version__ = "0.1.0"  # as in pyproject.toml (a test keeps them equal)

from .answers import Answer, AnswerInput, answers_for_visit, display, parse_value, set_answer, set_answers
from .checklist import Checklist, Item
from .db import atomic, open_db
from .errors import (
    Ambiguous,
    ChecklistError,
    InspectorError,
    InvalidInput,
    InvalidValue,
    NotFound,
    NotOurFile,
    SchemaTooNew,
    VisitFrozen,
)
from .inspections import Finding, Inspection, Member, Visit

__all__ = [
    "Ambiguous",
    "Answer",
    "AnswerInput",
    "Checklist",
    "ChecklistError",
    "Finding",
    "Inspection",
    "InspectorError",
    "InvalidInput",
    "InvalidValue",
    "Item",
    "Member",
    "NotFound",
    "NotOurFile",
    "SchemaTooNew",
    "Visit",
    "VisitFrozen",
    "answers_for_visit",
    "atomic",
    "display",
    "open_db",
    "parse_value",
    "set_answer",
    "set_answers",
]
