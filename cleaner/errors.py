"""Documented failures. Nothing but a `CleanerError` escapes `clean()`.

Every error carries a short code (like spaCy's ``[E004]``) so that logs and error rows
can be grouped without parsing messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


class CleanerError(Exception):
    """Base class of every error `cleaner` raises on purpose."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class InputError(CleanerError):
    """The document itself cannot be cleaned (wrong type, too large, ...)."""

    code = "E001"


class DecodeError(InputError):
    """Bytes that no charset decodes into text."""

    code = "E002"


class TimeLimitError(InputError):
    """Cleaning the document took longer than `limits.timeout_seconds`."""

    code = "E003"


class ConfigError(CleanerError):
    """An invalid configuration: unknown key, wrong type, missing file."""

    code = "E010"


class RuleError(ConfigError):
    """An invalid rule file: bad YAML, unknown field, a pattern RE2 refuses, a failing example."""

    code = "E011"


class StageError(CleanerError):
    """A stage failed on a document in a way it could not recover from."""

    code = "E020"


def first_problem(exc: ValidationError, top_level: str) -> str:
    """`key.path: message` of a pydantic error's first problem, for one-line errors."""
    first = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or top_level
    return f"{key}: {first['msg']}"
