import unicodedata

from hypothesis import given, strategies as st

from inspector import text


def test_nfd_input_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Ninh Xuân, Đồng Hóa")
    assert nfd != "Ninh Xuân, Đồng Hóa"
    assert text.clean(nfd) == "Ninh Xuân, Đồng Hóa"
    assert unicodedata.is_normalized("NFC", text.clean(nfd))


def test_clean_removes_what_word_cannot_hold():
    assert text.clean("a\x00b\x07c\x1bd\ufffee\tf\ng") == "abcde\tf\ng"
    assert text.clean("x\r\ny\rz") == "x\ny\nz"
    assert text.clean_line("  Ninh\n Xuân\t ") == "Ninh Xuân"


def test_fold_is_diacritic_insensitive():
    assert text.fold("Ninh Xuân") == "ninh xuan"
    assert text.fold("Đồng Hóa") == "dong hoa"
    assert text.fold("hoà") == text.fold("hòa") == "hoa"
    assert text.matches("ninh xuan", "Xã Ninh Xuân")
    assert text.matches("dong hoa", "Đồng Hóa")
    assert text.matches("DAI cuong", "Đại Cương")
    assert not text.matches("ninh da", "Ninh Xuân")


def test_vietnamese_sort_order():
    names = ["Đồng Hóa", "Đại Cương", "Ninh Xuân", "Ninh Đa", "Tòng Bạt", "Ân Thi", "An Khánh", "Dương Nội", "Ấp Bắc"]
    got = sorted(names, key=text.sort_key)
    # a < ă < â, d < đ, and within a letter the unmarked form first
    assert got == ["An Khánh", "Ân Thi", "Ấp Bắc", "Dương Nội", "Đại Cương", "Đồng Hóa", "Ninh Đa", "Ninh Xuân", "Tòng Bạt"]


def test_slug_and_percent():
    assert text.slug("Ninh Xuân") == "Ninh-Xuan"
    assert text.slug("Đồng Hóa / xã: 1") == "Dong-Hoa-xa-1"
    assert text.percent(118, 120) == "98,3%"
    assert text.percent(45, 48) == "93,8%"
    assert text.percent(0, 0) == "—"


@given(st.text())
def test_clean_is_idempotent_and_nfc(s):
    once = text.clean(s)
    assert text.clean(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text(alphabet="aăâeêioôơuưyAĂÂđĐ \u0300\u0301\u0303\u0309\u0323"))
def test_fold_same_for_nfc_and_nfd(s):
    assert text.fold(unicodedata.normalize("NFC", s)) == text.fold(unicodedata.normalize("NFD", s))
