"""Text handling: NFC on the way in, Word-safe characters, search folding, Vietnamese order."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Characters that an XML 1.0 document (and so a .docx) cannot hold: C0 controls other
# than tab, newline and carriage return, lone surrogates, U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Return text in NFC with the characters a Word document cannot hold removed.

    Line ends become "\\n"; leading and trailing white space is kept as typed
    except that a trailing carriage return is dropped.
    """
    if text is None:
        return ""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _NOT_XML.sub("", text))


def clean_line(text: str | None) -> str:
    """clean() for a one-line field: line breaks and tabs become spaces, ends stripped."""
    return re.sub(r"\s+", " ", clean(text)).strip()


def fold(text: str | None) -> str:
    """Fold for diacritic-insensitive search: "Đồng Hóa" -> "dong hoa"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text.casefold()).strip()


def matches(query: str, *fields: str | None) -> bool:
    """True if every word of the query is found, folded, in one of the fields."""
    words = fold(query).split()
    hay = " ".join(fold(f) for f in fields if f)
    return all(w in hay for w in words)


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_ORDER = {ch: i for i, ch in enumerate(_ALPHABET)}
# Tone marks sort after the letter: none, grave, hook, tilde, acute, dot below.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_SHAPES = {"\u0306": "ă", "\u0302": "^", "\u031b": "ư"}


@lru_cache(maxsize=4096)
def _letter_key(ch: str) -> tuple[int, int, int]:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    letter = base
    for m in marks:
        if m in _TONES:
            tone = _TONES[m]
        elif m == "\u0306":
            letter = "ă"
        elif m == "\u0302":
            letter = {"a": "â", "e": "ê", "o": "ô"}.get(base, base)
        elif m == "\u031b":
            letter = {"o": "ơ", "u": "ư"}.get(base, base)
    if letter in _ORDER:
        return (_ORDER[letter] * 10 + 1000, tone, 0)
    return (ord(letter) if ord(letter) < 1000 else ord(letter) + 2000, tone, 0)


@lru_cache(maxsize=16384)  # the same communes and titles are sorted at every start and after every merge
def sort_key(text: str | None) -> tuple:
    """Key for Vietnamese alphabetical order: letters first, then tones, then case."""
    text = unicodedata.normalize("NFC", text or "")
    letters = tuple(_letter_key(ch)[0] for ch in text)
    tones = tuple(_letter_key(ch)[1] for ch in text)
    case = tuple(ch.isupper() for ch in text)
    return (letters, tones, case)


def slug(text: str | None, default: str = "x") -> str:
    """ASCII file-name part: "Ninh Xuân" -> "Ninh-Xuan" (safe on Windows); `default` when nothing
    of the text is left ("!!!")."""
    folded = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(ch for ch in folded if not unicodedata.combining(ch))
    ascii_ = re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-")
    return ascii_[:60] or default


def percent(num: int, den: int, lang: str = "vi") -> str:
    """Percentage with one decimal, a decimal comma in Vietnamese ("98,3%"), a point in English;
    "—" for a zero denominator."""
    if not den:
        return "—"
    text = f"{100 * num / den:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text
