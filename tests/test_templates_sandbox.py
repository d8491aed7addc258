"""The template sandbox itself: an expression in an office's template that reaches for Python's
internals (classes, globals, private attributes) gets nothing of them, whichever way it is spelled:
Jinja's sandbox either raises (SecurityError, or UndefinedError on the next step) or gives an
undefined value that prints as nothing; a plain Environment prints the class, the globals, the
context.

The runaway tests of test_templates_hostile.py bound sizes and time; a plain jinja2 Environment
put in place of the sandbox would still fail those only by its missing bounds, and the one
"__class__" case of test_minutes.py is refused by the field check before any rendering. Here the
escapes are rendered: directly in the environment minutes uses, and through write_minutes with
the attribute names built at render time (so no check of the template's text can see them)."""

from __future__ import annotations

import zipfile

import pytest
from jinja2.exceptions import SecurityError, TemplateError

from inspector import errors as E
from inspector import inspections as ins
from inspector import minutes as mn
from inspector import templates as tg

ESCAPES = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__ }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ self.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ ''|attr('__class__') }}",
    "{{ (''|attr('_' ~ '_class_' ~ '_')).__mro__ }}",
    "{{ ''.format.__self__.__class__ }}",
    "{% set f = ''.__class__ %}{{ f }}",
    "{{ mo_dau.__class__.__base__.__subclasses__() }}",
]


@pytest.fixture(params=["templates.sandbox", "minutes._sandbox"])
def env(request):
    e = tg.sandbox() if request.param == "templates.sandbox" else mn._sandbox()
    e.start() if hasattr(e, "start") else None
    return e


def test_the_environment_is_jinja_sandbox(env):
    from jinja2.sandbox import SandboxedEnvironment

    assert isinstance(env, SandboxedEnvironment)
    assert env.is_safe_attribute("", "__class__", str) is False


def _rendered(env, expr: str) -> str | None:
    """What the expression prints; None when rendering it is refused with a Jinja error."""
    try:
        return env.from_string(expr).render(mo_dau="Hôm nay")
    except TemplateError:
        return None


@pytest.mark.parametrize("expr", ESCAPES)
def test_an_escape_gets_nothing_when_rendered(env, expr):
    got = _rendered(env, expr)
    assert got is None or got.strip() == "", f"{expr} printed {got[:200]!r}"


@pytest.mark.parametrize(
    "expr",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ self.__init__.__globals__ }}",
        "{{ (''|attr('_' ~ '_class_' ~ '_')).__mro__ }}",
    ],
)
def test_reaching_through_an_unsafe_attribute_raises_a_forbidden_error(env, expr):
    with pytest.raises((SecurityError, TemplateError)) as err:
        env.from_string(expr).render(mo_dau="x")
    code, _ = tg.failure(err.value)
    assert code in ("tpl_forbidden", "tpl_runtime", "tpl_undefined"), code


def test_ordinary_expressions_still_work(env):
    out = env.from_string(
        "{{ a|upper }} {{ items|join(', ') }} {% for i in range(3) %}{{ i }}{% endfor %} {{ '%05.1f' % x }}"
    ).render(a="xã", items=["a", "b"], x=3.14159)
    assert out == "XÃ a, b 012 003.1"


def _ninh_xuan(db):
    return next(v for v in ins.visits(db) if v.commune == "Ninh Xuân")


def _with(tmp_path, expr: str):
    out = tmp_path / "mau.docx"
    with zipfile.ZipFile(mn.DEFAULT_TEMPLATE["kiem_tra"]) as z, zipfile.ZipFile(out, "w") as o:
        for i in z.infolist():
            d = z.read(i.filename)
            if i.filename == "word/document.xml":
                d = d.replace(b"{{ mo_dau }}", ("{{ mo_dau }}" + expr).encode(), 1)
            o.writestr(i, d)
    return out


def _document_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize(
    "expr",
    [
        "{{ (mo_dau|attr('_' ~ '_class_' ~ '_')) }}",
        "{{ ((mo_dau|attr('_' ~ '_class_' ~ '_')|attr('_' ~ '_mro_' ~ '_'))[1]|attr('_' ~ '_subclasses_' ~ '_'))() }}",
        "{{ (cycler|attr('_' ~ '_init_' ~ '_')|attr('_' ~ '_globals_' ~ '_')) }}",
    ],
)
def test_an_office_template_reaching_python_gets_nothing_into_the_document(demo_db, tmp_path, expr):
    """Through write_minutes (an office template: checked, then filled in the bounded child):
    refused with one line naming the file, or written exactly as without the expression."""
    v = _ninh_xuan(demo_db)
    plain = mn.write_minutes(demo_db, v.id, tmp_path / "plain" / "bb.docx", template=_with(tmp_path, ""))
    out = tmp_path / "out" / "bb.docx"
    try:
        mn.write_minutes(demo_db, v.id, out, template=_with(tmp_path, expr))
    except E.TemplateError as err:
        assert "mau.docx" in str(err) and "\n" not in str(err)
        assert not out.exists()
        return
    got = _document_text(out)
    assert "class" not in got.replace(_document_text(plain), "") and "Cycler" not in got
    assert got == _document_text(plain)
