"""Behaviour of inspector.text that mutation testing found unchecked (see docs/mutation.md)."""

from inspector import text

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"


def test_nothing_gives_empty_text():
    assert text.clean(None) == ""
    assert text.clean_line(None) == ""
    assert text.fold(None) == "" and text.fold("") == ""
    assert text.slug(None) == "x" and text.slug("") == "x" and text.slug("!!!") == "x"


def test_clean_turns_every_line_end_into_a_newline():
    assert text.clean("a\rb") == "a\nb"
    assert text.clean("a\r\nb\r\n") == "a\nb\n"
    assert text.clean(" a ") == " a "  # white space kept as typed
    assert text.clean(12) == "12"


def test_clean_line_joins_lines_and_collapses_space():
    assert text.clean_line("\tỦy ban\r\n  nhân   dân \n") == "Ủy ban nhân dân"


def test_fold_collapses_space_and_case():
    assert text.fold("  ĐỒNG   HÓA\t") == "dong hoa"
    assert text.fold("đ") == "d"


def test_matches_needs_every_word_in_some_field():
    assert text.matches("ninh khanh", "Xã Ninh Xuân", None, "Khánh Hòa")
    assert not text.matches("ninh hue", "Xã Ninh Xuân", "Khánh Hòa")
    assert text.matches("", "anything")
    assert text.matches("", None)
    assert not text.matches("a", None, "")


def test_every_vietnamese_letter_in_alphabet_order_upper_and_lower():
    letters = list(ALPHABET)
    assert sorted(reversed(letters), key=text.sort_key) == letters
    upper = [c.upper() for c in letters]
    assert sorted(reversed(upper), key=text.sort_key) == upper
    assert sorted(["E", "đ", "B", "â"], key=text.sort_key) == ["â", "B", "đ", "E"]


def test_tones_in_order_after_the_letter_on_every_base_letter():
    for base in "aăâeêioôơuưy":
        toned = [base + mark for mark in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")]
        # a letter with two marks (ấ = a + circumflex + acute) keeps both
        assert sorted(reversed(toned), key=text.sort_key) == toned, base
    assert sorted(["ấ", "ắ", "á", "ậ", "ặ"], key=text.sort_key) == ["á", "ắ", "ặ", "ấ", "ậ"]
    assert sorted(["ướ", "ườ", "uơ"], key=text.sort_key) == ["uơ", "ườ", "ướ"]


def test_lower_case_before_upper_case_when_letters_and_tones_are_equal():
    assert sorted(["AN", "An", "an"], key=text.sort_key) == ["an", "An", "AN"]
    assert text.sort_key(None) == text.sort_key("")


def test_digits_and_spaces_before_letters_other_scripts_after():
    assert sorted(["ab", "a b", "a1"], key=text.sort_key) == ["a b", "a1", "ab"]
    assert sorted(["дом", "yên"], key=text.sort_key) == ["yên", "дом"]
    assert sorted(["y", "\u03e8"], key=text.sort_key) == ["y", "\u03e8"]  # U+03E8, ord 1000


def test_slug_is_at_most_60_ascii_characters_without_dashes_at_the_ends():
    assert text.slug("-- Đà Lạt --") == "Da-Lat"
    assert text.slug("Xã đường X") == "Xa-duong-X"
    long = text.slug("Phường " * 30)
    assert len(long) == 60 and long.startswith("Phuong-Phuong")
    assert text.slug("a" * 61) == "a" * 60


def test_percent_in_english_and_vietnamese():
    assert text.percent(1, 3, "en") == "33.3%"
    assert text.percent(1, 3) == "33,3%"
    assert text.percent(2, 1, "vi") == "200,0%"
    assert text.percent(5, 0, "en") == "—"
