"""Word templates from outside (an office's own .docx): inspected, sandboxed and filled within limits.

A template is untrusted input, like a sync package. Before anything parses it:
- the file and every zip member are size-checked from the zip directory (each member, the total,
  the compression ratio, the number of members), so a zip bomb is refused before it inflates;
- a macro-enabled document (.docm renamed), a Word template file (.dotx) and XML with a DOCTYPE
  (entity tricks; Word never writes one) are refused;
- every relationship of every part (document, headers, footers, settings…) is read: one that
  points outside the file (TargetMode="External": http://, file://, \\\\server\\share) is refused,
  naming the part and the target, and so is a field that fetches something (INCLUDEPICTURE,
  INCLUDETEXT, LINK, DDE…).
  Two kinds are not refused: a hyperlink (a link a reader may click; nothing fetches it, neither
  our renderer nor LibreOffice when it makes the PDF) and the attachedTemplate of settings.xml
  (Word writes it into ordinary documents made from a custom .dotx; it adds no content). The
  attachedTemplate, like any other outside link left in a part, is removed from the document we
  write (`strip_external`); hyperlinks are kept.

Filling runs in the Jinja sandbox (`Sandbox`): string and list sizes, ranges, powers, loop steps
and time are bounded, so a runaway expression fails fast with a clear message. An office template
is moreover checked and filled in a child process (`run_isolated`) with limits of CPU time, address
space and output size (POSIX rlimits; elsewhere a wall-clock timeout and kill), so nothing a
template does can exhaust the laptop. The shipped templates (resources/templates) are trusted and
filled in-process, in the same sandbox, for speed.

Every failure is one TemplateError(path, code, **params) (codes in inspector.messages).
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TemplateError

# ---- limits (module constants: tests lower them) ---------------------------------------------------

CHILD_FLAG = "--template-child"  # how a bundled program is asked to act as the child process
TIME_LIMIT = 60  # s of CPU for checking and filling an office template (wall clock: ×1.5 + 10)
MEMORY_LIMIT = 1536 * 2**20  # bytes of address space of the child process
OUTPUT_LIMIT = 200 * 2**20  # characters of filled XML
FILE_LIMIT = 100 * 2**20  # bytes of the .docx file
MEMBER_LIMIT = 50 * 2**20  # bytes of one zip member, unpacked
TOTAL_LIMIT = 200 * 2**20  # bytes of all members, unpacked
RATIO_LIMIT = 200  # unpacked : packed, for members above RATIO_FROM bytes
RATIO_FROM = 1 * 2**20
MEMBERS_LIMIT = 2000  # zip members

MAX_SIZE = 1_000_000  # characters of a string / items of a list one expression may build
MAX_RANGE = 10_000  # items of range()
MAX_INT_BITS = 4096  # bits of an integer a template may compute (10**1000 is ~3300)
MAX_STEPS = 10_000_000  # range() items iterated in one fill

_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_ATTACHED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
_MAIN_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_REL = re.compile(r"<Relationship\b[^>]*/?>", re.S)
_ATTR = re.compile(r'([\w:]+)\s*=\s*("[^"]*"|\'[^\']*\')')
_FETCHING_FIELD = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|LINK|DDEAUTO|DDE|IMPORT|DATABASE|RD)\b", re.I)
_INSTR = re.compile(r'<w:instrText(?: [^>]*)?>([^<]*)</w:instrText>|w:instr="([^"]*)"')


class Limit(Exception):
    """A bound of the sandbox was reached: a code of inspector.messages and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code, self.params = code, params
        super().__init__(code)


def one_line(text: object, limit: int = 240) -> str:
    s = " ".join(str(text).split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f}"


# ---- the file ---------------------------------------------------------------------------------------


@dataclass
class Source:
    """A template read within bounds: its bytes, members and outside links."""

    path: Path
    data: bytes
    members: list[tuple[zipfile.ZipInfo, bytes]]
    external: list[tuple[str, str, str, str]] = field(default_factory=list)  # (rels part, id, type, target)

    def member(self, name: str) -> bytes | None:
        return next((d for i, d in self.members if i.filename == name), None)


def _rels_source(rels_name: str) -> str:
    """word/_rels/document.xml.rels → word/document.xml; _rels/.rels → "" (the package)."""
    folder, _, base = rels_name.rpartition("_rels/")
    return folder + base[: -len(".rels")] if base.endswith(".rels") else ""


def _attrs(tag: str) -> dict[str, str]:
    from html import unescape

    return {k: unescape(v[1:-1]) for k, v in _ATTR.findall(tag)}


def external_relationships(name: str, xml: str) -> list[tuple[str, str, str]]:
    """(id, type, target) of each relationship of a .rels part that points outside the file."""
    out = []
    for tag in _REL.findall(xml):
        a = _attrs(tag)
        if a.get("TargetMode", "").lower() == "external":
            out.append((a.get("Id", ""), a.get("Type", ""), a.get("Target", "")))
    return out


def read(path: str | Path, *, strict: bool) -> Source:
    """Read a template within the size bounds. strict (an office's template): also refuse outside
    links and fetching fields. Raises TemplateError."""
    path = Path(path)
    p = str(path)
    try:
        if not path.exists():
            raise TemplateError(p, "tpl_missing")
        if not path.is_file():
            raise TemplateError(p, "tpl_not_docx")
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise TemplateError(p, "tpl_file_too_big", size=_mb(size), limit=_mb(FILE_LIMIT))
        data = path.read_bytes()
    except OSError as exc:
        raise TemplateError(p, "tpl_unreadable", detail=one_line(exc.strerror or exc)) from None
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise TemplateError(p, "tpl_not_docx") from None
    with z:
        infos = z.infolist()
        if len(infos) > MEMBERS_LIMIT:
            raise TemplateError(p, "tpl_members", count=len(infos), limit=MEMBERS_LIMIT)
        total = 0
        for i in infos:
            if i.file_size > MEMBER_LIMIT:
                raise TemplateError(
                    p, "tpl_member_too_big", part=i.filename, size=_mb(i.file_size), limit=_mb(MEMBER_LIMIT)
                )
            total += i.file_size
            if total > TOTAL_LIMIT:
                raise TemplateError(p, "tpl_total_too_big", limit=_mb(TOTAL_LIMIT))
            if i.file_size > RATIO_FROM and i.file_size > RATIO_LIMIT * max(i.compress_size, 1):
                raise TemplateError(p, "tpl_ratio", part=i.filename, ratio=i.file_size // max(i.compress_size, 1))
        names = {i.filename for i in infos}
        if "word/document.xml" not in names or "[Content_Types].xml" not in names:
            raise TemplateError(p, "tpl_not_docx")
        if "word/vbaProject.bin" in names or any(n.lower().endswith("vbaproject.bin") for n in names):
            raise TemplateError(p, "tpl_macros")
        members = []
        try:
            for i in infos:
                # zipfile stops at the declared size and checks the CRC: a member never inflates
                # past what was checked above
                members.append((i, z.read(i)))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError, OSError) as exc:
            raise TemplateError(p, "tpl_damaged", detail=one_line(exc)) from None
    src = Source(path, data, members)
    types = (src.member("[Content_Types].xml") or b"").decode("utf-8", "replace")
    if "macroEnabled" in types:
        raise TemplateError(p, "tpl_macros")
    if _MAIN_DOTX in types and _MAIN_DOCX not in types:
        raise TemplateError(p, "tpl_dotx")
    for info, blob in members:
        name = info.filename
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        if b"<!DOCTYPE" in blob or b"<!ENTITY" in blob:
            raise TemplateError(p, "tpl_doctype", part=name)
        if name.endswith(".rels"):
            text = blob.decode("utf-8", "replace")
            for rid, kind, target in external_relationships(name, text):
                src.external.append((name, rid, kind, target))
                if strict and kind not in (_HYPERLINK, _ATTACHED):
                    raise TemplateError(
                        p, "tpl_external", part=_rels_source(name) or name, target=one_line(target, 160)
                    )
        elif strict and name.startswith("word/") and (b"instr" in blob):
            text = blob.decode("utf-8", "replace")
            codes = " ".join(a or b for a, b in _INSTR.findall(text))
            m = _FETCHING_FIELD.search(codes)
            if m:
                rest = codes[m.end() :].strip().split(" ")[0].strip('"') if codes[m.end() :].strip() else ""
                raise TemplateError(
                    p, "tpl_fetching_field", part=name, field=m.group(1).upper(), target=one_line(rest, 160) or "…"
                )
    return src


def strip_external(members: dict[str, bytes], *, keep_hyperlinks: bool = True) -> dict[str, bytes]:
    """The parts with every outside relationship removed from each .rels (hyperlinks kept when
    asked), and the attributes that used those ids removed from the part they belong to (a linked
    picture becomes an empty one; nothing is fetched). `members`: name → bytes; returns a new dict."""
    out = dict(members)
    for name, blob in members.items():
        if not name.endswith(".rels"):
            continue
        xml = blob.decode("utf-8", "replace")
        gone: list[str] = []

        def drop(m: re.Match, gone: list[str] = gone) -> str:
            a = _attrs(m.group(0))
            if a.get("TargetMode", "").lower() != "external":
                return m.group(0)
            if keep_hyperlinks and a.get("Type") == _HYPERLINK:
                return m.group(0)
            gone.append(a.get("Id", ""))
            return ""

        new = _REL.sub(drop, xml)
        if not gone:
            continue
        out[name] = new.encode("utf-8")
        part = _rels_source(name)
        if part in out:
            text = out[part].decode("utf-8", "replace")
            for rid in gone:
                text = re.sub(r'\s[\w]+:\w+="' + re.escape(rid) + '"', "", text)
            out[part] = text.encode("utf-8")
    return out


# ---- the sandbox ------------------------------------------------------------------------------------

_PCT_SPEC = re.compile(r"%(?:\([^)]*\))?([-#0 +]*\d*(?:\.\d+)?)[a-zA-Z%]")
_BRACE_SPEC = re.compile(r"\{[^{}]*?:([^{}]*)\}")


def _widths(text: str, brace: bool = False) -> list[int]:
    """The widths and precisions in the format specifications of a text ("%10.3f", "{:>20}")."""
    specs = _BRACE_SPEC.findall(text) if brace else _PCT_SPEC.findall(text)
    return [int(n) for spec in specs for n in re.findall(r"\d+", spec)]


def _sized(x: Any) -> bool:
    return isinstance(x, (str, bytes, list, tuple))


class _Budget:
    def __init__(self, seconds: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.seconds = seconds
        self.steps = 0
        self.ticks = 0

    def tick(self, n: int = 1) -> None:
        self.ticks += 1
        if self.ticks & 1023 == 0 and time.monotonic() > self.deadline:
            raise Limit("tpl_time", seconds=f"{self.seconds:g}")

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise Limit("tpl_steps", steps=f"{MAX_STEPS:,}")
        if self.steps & 4095 == 0 and time.monotonic() > self.deadline:
            raise Limit("tpl_time", seconds=f"{self.seconds:g}")


def _make_sandbox():
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        """Jinja's sandbox, with the sizes of what an expression builds bounded (MAX_SIZE,
        MAX_RANGE, MAX_INT_BITS), loop steps and time counted (`budget`)."""

        intercepted_binops = frozenset({"*", "**", "+", "%", "//", "/"})

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.budget = _Budget(TIME_LIMIT)
            self.globals["range"] = self._range
            for name in ("center", "indent", "wordwrap", "truncate", "format", "batch", "replace", "join", "slice"):
                if name in self.filters:
                    self.filters[name] = self._bounded_filter(self.filters[name], name)

        def start(self, seconds: float | None = None) -> None:
            """A new fill: a fresh budget of time and steps."""
            self.budget = _Budget(TIME_LIMIT if seconds is None else seconds)

        # -- sizes --
        @staticmethod
        def _check_size(n: int | float, what: str) -> None:
            if n > MAX_SIZE:
                raise Limit("tpl_too_large", limit=f"{MAX_SIZE:,}")

        @staticmethod
        def _check_int(n: Any) -> None:
            if isinstance(n, int) and not isinstance(n, bool) and n.bit_length() > MAX_INT_BITS:
                raise Limit("tpl_number", bits=MAX_INT_BITS)

        def _range(self, *args: Any) -> Any:
            for a in args:
                self._check_int(a)
            rng = range(*args)
            if len(rng) > MAX_RANGE:
                raise Limit("tpl_range", size=f"{len(rng):,}", limit=f"{MAX_RANGE:,}")
            return _Counted(rng, self.budget)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.budget.tick()
            if operator == "*":
                seq, n = (left, right) if _sized(left) else (right, left) if _sized(right) else (None, None)
                if seq is not None and isinstance(n, int):
                    self._check_size(len(seq) * max(n, 0), "a repeated text or list")
                elif isinstance(left, int) and isinstance(right, int):
                    if left.bit_length() + right.bit_length() > MAX_INT_BITS:
                        raise Limit("tpl_number", bits=MAX_INT_BITS)
            elif operator == "**":
                if isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
                    if right * left.bit_length() > MAX_INT_BITS:
                        raise Limit("tpl_number", bits=MAX_INT_BITS)
            elif operator == "+":
                if _sized(left) and _sized(right):
                    self._check_size(len(left) + len(right), "a joined text or list")
            elif operator == "%" and isinstance(left, str):
                for width in _widths(left):
                    self._check_size(width, "a formatted text")
            try:
                result = super().call_binop(context, operator, left, right)
            except ZeroDivisionError:
                raise Limit("tpl_division") from None
            except OverflowError:
                raise Limit("tpl_number", bits=MAX_INT_BITS) from None
            self._check_int(result)
            return result

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            __self.budget.tick()
            owner = getattr(__obj, "__self__", None)
            name = getattr(__obj, "__name__", "")
            if isinstance(owner, str):
                if name in ("center", "ljust", "rjust", "zfill"):
                    for a in list(args) + list(kwargs.values()):
                        if isinstance(a, int):
                            __self._check_size(a, "a padded text")
                elif name == "expandtabs":
                    tab = args[0] if args else kwargs.get("tabsize", 8)
                    if isinstance(tab, int):
                        __self._check_size(owner.count("\t") * tab + len(owner), "a text with tabs")
                elif name == "replace" and len(args) >= 2 and _sized(args[0]) and _sized(args[1]):
                    grow = max(len(args[1]) - len(args[0]), 0) * (owner.count(args[0]) if args[0] else len(owner) + 1)
                    __self._check_size(len(owner) + grow, "a replaced text")
                elif name == "join" and args:
                    __self._join_size(owner, args[0])
            return super().call(__context, __obj, *args, **kwargs)

        def _join_size(self, sep: Any, seq: Any) -> None:
            if isinstance(seq, (list, tuple)) and _sized(sep):
                self._check_size(sum(len(str(x)) for x in seq) + len(sep) * max(len(seq) - 1, 0), "a joined text")

        def getattr(self, obj: Any, attribute: str) -> Any:
            self.budget.tick()
            return super().getattr(obj, attribute)

        def getitem(self, obj: Any, argument: Any) -> Any:
            self.budget.tick()
            return super().getitem(obj, argument)

        def wrap_str_format(self, value: Any) -> Any:
            fmt = super().wrap_str_format(value)
            if fmt is None:
                return None
            text = getattr(value, "__self__", "")
            for width in _widths(text if isinstance(text, str) else "", brace=True):
                self._check_size(width, "a formatted text")
            return fmt

        def _bounded_filter(self, f: Any, name: str) -> Any:
            import functools

            from jinja2.utils import _PassArg

            sandbox = self
            skip = 1 if _PassArg.from_obj(f) else 0  # the environment / context argument
            sizes = name in ("center", "indent", "wordwrap", "truncate", "batch", "slice")

            @functools.wraps(f)
            def bounded(*args: Any, **kwargs: Any) -> Any:
                sandbox.budget.tick()
                values = list(args[skip:])
                if sizes:
                    for n in list(values[1:]) + list(kwargs.values()):
                        if isinstance(n, int) and not isinstance(n, bool):
                            sandbox._check_size(n, f"the result of |{name}")
                s: Any = values[0] if values else None
                if name == "replace" and len(values) >= 3 and _sized(s) and _sized(values[1]) and _sized(values[2]):
                    grow = max(len(values[2]) - len(values[1]), 0) * (
                        str(s).count(values[1]) if values[1] else len(s) + 1
                    )
                    sandbox._check_size(len(s) + grow, "a replaced text")
                if name == "join" and len(values) >= 1:
                    sep = values[1] if len(values) > 1 else kwargs.get("d", "")
                    if isinstance(s, (list, tuple)):
                        sandbox._join_size(sep if _sized(sep) else "", s)
                if name == "format" and isinstance(s, str):
                    for width in _widths(s):
                        sandbox._check_size(width, "a formatted text")
                result = f(*args, **kwargs)
                if _sized(result):
                    sandbox._check_size(len(result), f"the result of |{name}")
                return result

            return bounded

    return Sandbox


class _Counted:
    """A bounded range whose iterations count against the fill's budget (len, index, `in` as range)."""

    def __init__(self, rng: range, budget: _Budget) -> None:
        self._rng, self._budget = rng, budget

    def __iter__(self):
        step = self._budget.step
        for i in self._rng:
            step()
            yield i

    def __len__(self) -> int:
        return len(self._rng)

    def __getitem__(self, k: Any) -> Any:
        return self._rng[k]

    def __contains__(self, x: Any) -> bool:
        return x in self._rng

    def __repr__(self) -> str:
        return repr(self._rng)


_SANDBOX_CLASS = None


def sandbox(**kwargs: Any):
    """A new bounded sandbox environment (autoescape on)."""
    global _SANDBOX_CLASS
    if _SANDBOX_CLASS is None:
        _SANDBOX_CLASS = _make_sandbox()
    return _SANDBOX_CLASS(autoescape=True, **kwargs)


def failure(exc: BaseException) -> tuple[str, dict[str, Any]]:
    """The code and parameters of a failure met while checking or filling a template."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateError):
        return exc.code, exc.params
    if isinstance(exc, Limit):
        return exc.code, exc.params
    if isinstance(exc, MemoryError):
        return "tpl_memory", {"limit": _mb(MEMORY_LIMIT)}
    if isinstance(exc, RecursionError):
        return "tpl_recursion", {}
    if isinstance(exc, SecurityError):
        return "tpl_forbidden", {"detail": one_line(exc)}
    if isinstance(exc, TemplateSyntaxError):
        return "tpl_syntax", {"detail": one_line(exc.message or exc)}
    if isinstance(exc, ZeroDivisionError):
        return "tpl_division", {}
    if isinstance(exc, OverflowError):
        return "tpl_number", {"bits": MAX_INT_BITS}
    if isinstance(exc, ValueError) and "int" in str(exc) and "digits" in str(exc):
        return "tpl_number", {"bits": MAX_INT_BITS}
    if isinstance(exc, JinjaError):
        return "tpl_runtime", {"detail": one_line(f"{type(exc).__name__}: {exc}")}
    return "tpl_runtime", {"detail": one_line(f"{type(exc).__name__}: {exc}")}


def error(path: str | Path, exc: BaseException, where: str = "") -> TemplateError:
    """One TemplateError for any failure met while checking or filling the template at path."""
    if isinstance(exc, TemplateError):
        return exc
    code, params = failure(exc)
    return TemplateError(str(path), code, where=where or getattr(exc, "where", ""), **params)


# ---- the child process ------------------------------------------------------------------------------


def _limits() -> dict[str, Any]:
    return {
        k: globals()[k]
        for k in (
            "TIME_LIMIT",
            "MEMORY_LIMIT",
            "OUTPUT_LIMIT",
            "FILE_LIMIT",
            "MEMBER_LIMIT",
            "TOTAL_LIMIT",
            "RATIO_LIMIT",
            "RATIO_FROM",
            "MEMBERS_LIMIT",
            "MAX_SIZE",
            "MAX_RANGE",
            "MAX_INT_BITS",
            "MAX_STEPS",
        )
    }


def run_isolated(path: str | Path, job: str, payload: dict[str, Any]) -> dict[str, Any]:
    """Run a job ("check" or "fill", see inspector.minutes) on an office template in a child process
    within TIME_LIMIT, MEMORY_LIMIT and OUTPUT_LIMIT; returns its result or raises TemplateError."""
    import pickle

    p = str(path)
    request = pickle.dumps({"path": p, "job": job, "payload": payload, "limits": _limits()}, protocol=4)
    # a bundle built by tools/build.py has no Python to run "-m": its own program takes the job
    cmd = (
        [sys.executable, CHILD_FLAG] if getattr(sys, "frozen", False) else [sys.executable, "-m", "inspector.templates"]
    )
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    kwargs: dict[str, Any] = {}
    if os.name == "nt":  # pragma: no cover - Windows: no console window from the GUI
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    else:
        kwargs["start_new_session"] = True
    wall = TIME_LIMIT * 1.5 + 10
    try:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=root, **kwargs
        )
    except OSError as exc:
        raise TemplateError(p, "tpl_crashed", detail=one_line(exc)) from None
    try:
        out, err = proc.communicate(request, timeout=wall)
    except subprocess.TimeoutExpired:
        _kill(proc)
        proc.communicate()
        raise TemplateError(p, "tpl_time", seconds=f"{TIME_LIMIT:g}") from None
    except BaseException:
        _kill(proc)
        proc.communicate()
        raise
    if len(out) > OUTPUT_LIMIT * 4 + 2**20:
        raise TemplateError(p, "tpl_output", limit=_mb(OUTPUT_LIMIT))
    try:
        answer = json.loads(out.decode("utf-8")) if out else None
    except ValueError:
        answer = None
    if isinstance(answer, dict) and "error" in answer:
        e = answer["error"]
        raise TemplateError(
            p,
            str(e.get("code")),
            where=str(e.get("where") or ""),
            **{str(k): str(v) for k, v in (e.get("params") or {}).items()},
        )
    if isinstance(answer, dict) and "ok" in answer and proc.returncode == 0:
        return answer["ok"]
    rc = proc.returncode
    text = err.decode("utf-8", "replace")
    if os.name != "nt" and rc in (-getattr(signal, "SIGXCPU", 24), -signal.SIGKILL):
        raise TemplateError(p, "tpl_time", seconds=f"{TIME_LIMIT:g}")
    if "MemoryError" in text:
        raise TemplateError(p, "tpl_memory", limit=_mb(MEMORY_LIMIT))
    last = next((ln for ln in reversed(text.strip().splitlines()) if ln.strip()), f"exit status {rc}")
    raise TemplateError(p, "tpl_crashed", detail=one_line(last))


def _kill(proc: subprocess.Popen) -> None:
    try:
        if os.name != "nt":
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover
            proc.kill()
    except (OSError, ProcessLookupError):
        pass


def _set_limits(limits: dict[str, Any]) -> None:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: the parent's wall clock bounds the child
        return
    cpu = int(limits["TIME_LIMIT"]) + 1
    for what, value in (
        (resource.RLIMIT_CPU, (cpu, cpu + 5)),
        (resource.RLIMIT_AS, (int(limits["MEMORY_LIMIT"]), int(limits["MEMORY_LIMIT"]))),
        (resource.RLIMIT_CORE, (0, 0)),
        (resource.RLIMIT_FSIZE, (OUTPUT_LIMIT, OUTPUT_LIMIT)),
    ):
        try:
            resource.setrlimit(what, value)
        except (ValueError, OSError):
            pass


def _child() -> int:
    """The child's side: read the request on stdin, answer one JSON object on stdout."""
    import pickle

    real_out = sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but the answer reaches the parent's pipe
    request = pickle.loads(sys.stdin.buffer.read())
    limits = request["limits"]
    globals().update(limits)
    _set_limits(limits)
    path = request["path"]
    try:
        from . import minutes

        result = minutes._isolated_job(path, request["job"], request["payload"])
        size = sum(len(v) for v in result.values() if isinstance(v, str)) + sum(
            len(x) for v in result.values() if isinstance(v, dict) for x in v.values() if isinstance(x, str)
        )
        if size > OUTPUT_LIMIT:
            raise TemplateError(path, "tpl_output", limit=_mb(OUTPUT_LIMIT))
        answer = {"ok": result}
    except BaseException as exc:
        code, params = failure(exc)
        answer = {
            "error": {
                "code": code,
                "params": {k: str(v) for k, v in params.items()},
                "where": getattr(exc, "where", ""),
            }
        }
    try:
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
    except MemoryError:
        data = json.dumps({"error": {"code": "tpl_memory", "params": {"limit": _mb(MEMORY_LIMIT)}}}).encode()
    real_out.write(data)
    real_out.flush()
    return 0


if __name__ == "__main__":
    # run as `python -m inspector.templates`: use the module proper, whose limits the request sets
    from inspector import templates as _templates

    sys.exit(_templates._child())
