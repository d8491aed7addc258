"""Every refusal the core can give reaches the Vietnamese window in Vietnamese (and the English
window in English): packages, writing files, photos and templates."""

from __future__ import annotations

import re

import pytest

from inspector import messages
from inspector import photos as ph
from inspector.errors import CannotWrite, PackageRejected, PhotoRejected, TemplateError


@pytest.fixture
def lang(qapp):
    import ui.minutes  # register their messages
    import ui.sync  # noqa: F401
    from ui import errors

    yield errors
    errors.LANG = "vi"


def _params(code: str) -> dict[str, str]:
    return {k: f"<{k}>" for k in re.findall(r"{(\w+)}", messages.REASONS[code][0])}


@pytest.mark.parametrize("code", sorted(messages.REASONS))
def test_each_reason_is_shown_in_the_language_of_the_window(lang, code):
    en, vi = messages.REASONS[code]
    p = _params(code)
    made = [PackageRejected("a.cchc", code, **p), CannotWrite("/x/a.cchc", code, **p)]
    if code.startswith("tpl_"):
        made.append(TemplateError("mau.docx", code, **p))
    for exc in made:
        lang.LANG = "vi"
        shown = lang.message(exc)
        words = re.sub(r"{\w+}", "", en).strip(" ()")  # a reason that is only what a library said has no words
        assert vi.format(**p) in shown and (not words or en.format(**p) not in shown), shown
        lang.LANG = "en"
        assert en.format(**p) in lang.message(exc)


@pytest.mark.parametrize("code", ph.CODES)
def test_photo_refusals_in_vietnamese(lang, code):
    from ui import photos as uph

    lang.LANG = "vi"
    exc = PhotoRejected("IMG_1.HEIC", code)
    assert exc.reason_vi in lang.message(exc)
    assert uph.reason_vi(code) == exc.reason_vi and uph.reason_vi(code) != exc.reason
