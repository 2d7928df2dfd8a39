"""cleaner: text cleaning and boilerplate removal for scraped news articles.

>>> from cleaner import clean
>>> record = clean("Share this article\\nThe mayor opened the new bridge on Monday morning, officials said.")
>>> record.text
'The mayor opened the new bridge on Monday morning, officials said.'
>>> [(edit.action, edit.before) for edit in record.edits]
[('remove', 'Share this article')]

The names below are imported on first use (PEP 562), so that a light import of the package
(the `cleaner` command starting its workers, `cleaner --help`) does not load the pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cleaner.errors import (
    CleanerError,
    ConfigError,
    DecodeError,
    InputError,
    RuleError,
    StageError,
    TimeLimitError,
)

if TYPE_CHECKING:
    from cleaner.api import clean, fix_text
    from cleaner.config import Config
    from cleaner.record import ArticleRecord, Edit

_LAZY = {"clean": "cleaner.api", "fix_text": "cleaner.api", "Config": "cleaner.config",
         "ArticleRecord": "cleaner.record", "Edit": "cleaner.record"}

__all__ = [
    "ArticleRecord", "CleanerError", "Config", "ConfigError", "DecodeError", "Edit",
    "InputError", "RuleError", "StageError", "TimeLimitError", "clean", "fix_text",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value  # once: later lookups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
