"""The core's exceptions: one base, a subclass per kind of problem, each readable as one line."""

from __future__ import annotations


class InspectorError(Exception):
    """Base of every error the core raises on purpose; str() is a readable sentence."""


class NotOurFile(InspectorError):
    def __init__(self, path, reason: str = "") -> None:
        self.path = path
        super().__init__(f"{path} is not an Inspector database" + (f" ({reason})" if reason else ""))


class SchemaTooNew(InspectorError):
    def __init__(self, path, found: int, supported: int) -> None:
        self.path, self.found, self.supported = path, found, supported
        super().__init__(
            f"{path} was written by a newer version of Inspector (schema {found}, this version reads up to {supported}); "
            "update Inspector to open it"
        )


class NotFound(InspectorError):
    def __init__(self, what: str, key: str) -> None:
        self.what, self.key = what, key
        super().__init__(f"no {what} matches {key!r}")


class Ambiguous(InspectorError):
    def __init__(self, what: str, key: str, count: int) -> None:
        self.what, self.key, self.count = what, key, count
        super().__init__(f"{count} {what}s match {key!r}; give more of the id")


class InvalidValue(InspectorError):
    def __init__(self, item: str, value: str, reason: str) -> None:
        self.item, self.value, self.reason = item, value, reason
        super().__init__(f"{item}: {value!r} is not a valid answer: {reason}")


class ChecklistError(InspectorError):
    def __init__(self, source: str, problem: str) -> None:
        self.source, self.problem = source, problem
        super().__init__(f"checklist {source}: {problem}")


class VisitFrozen(InspectorError):
    def __init__(self, visit_id: str, commune: str = "") -> None:
        self.visit_id, self.commune = visit_id, commune
        super().__init__(f"the minutes of visit {commune or visit_id} were signed; a change needs an amendment reason")


class InvalidInput(InspectorError):
    """A field value that cannot be stored (empty title, bad date…)."""


class PhotoRejected(InspectorError):
    """A file that cannot be imported as a photo: not an image, truncated, too large, unsupported.

    `code` is the refusal code of inspector.photos ("truncated", "not_image"…; its sentence is
    "photo_" + code in inspector.messages); `detail` what the decoder said, if anything; `reason`
    is the English sentence, `reason_vi` the Vietnamese one.
    """

    def __init__(self, name: str, code: str, detail: str = "") -> None:
        from .messages import text
        from .photos import message_code

        self.name, self.code, self.detail = name, code, detail
        more = f" ({detail})" if detail else ""
        self.reason = text(message_code(code), "en") + more
        self.reason_vi = text(message_code(code), "vi") + more
        super().__init__(f"{name}: {self.reason}")


class TemplateError(InspectorError):
    """A Word template that cannot be used: names the problem and where it is.

    `code` and `params` name the reason (inspector.messages, "tpl_…"); `where` is the place when
    known (a part such as word/header1.xml); `reason` is the English sentence with the place,
    `reason_vi` the Vietnamese one, `problem` the English one (as before codes). One line.
    """

    def __init__(self, path, code: str, *, where: str = "", **params) -> None:
        from .messages import REASONS, text

        if code not in REASONS:  # a code this version does not know (a newer child?): keep the words
            params, code = {"detail": f"{code} {params}"}, "tpl_runtime"
        params = {k: " ".join(str(v).split()) for k, v in params.items()}
        where = " ".join(str(where or "").split())
        self.path, self.code, self.params, self.where = path, code, params, where
        place = f" ({where})" if where else ""
        self.reason = text(code, "en", **params) + place
        self.reason_vi = text(code, "vi", **params) + place
        self.problem = self.reason
        super().__init__(f"template {path}: {self.reason}")


class OutputLocked(InspectorError):
    """The output file is open in another program (Word) and cannot be replaced."""

    def __init__(self, path, suggestion: str | None = None) -> None:
        self.path, self.suggestion = path, suggestion
        super().__init__(
            f"{path} is open in another program; close it or choose another name"
            + (f" (for example {suggestion})" if suggestion else "")
        )


class PackageRejected(InspectorError):
    """A sync package that fails verification; nothing was changed.

    `code` and `params` name the reason (inspector.messages); `reason` is its English sentence,
    `reason_vi` the Vietnamese one.
    """

    def __init__(self, path, code: str, **params) -> None:
        from .messages import text

        self.path, self.code, self.params = path, code, params
        self.reason = text(code, "en", **params)
        self.reason_vi = text(code, "vi", **params)
        super().__init__(f"{path}: {self.reason}; nothing was changed")


class CannotWrite(InspectorError):
    """A file could not be written (disk full, read-only folder…); nothing half-written is left."""

    def __init__(self, path, code: str, **params) -> None:
        from .messages import text

        self.path, self.code, self.params = path, code, params
        self.reason = text(code, "en", **params)
        self.reason_vi = text(code, "vi", **params)
        super().__init__(f"cannot write {path}: {self.reason}")


class Cancelled(InspectorError):
    """A long job was cancelled by the user; what was completed is kept."""
