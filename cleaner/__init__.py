"""cleaner: text cleaning and boilerplate removal for scraped news articles.

>>> from cleaner import clean
>>> record = clean("Share this article\\nThe mayor opened the new bridge on Monday morning, officials said.")
>>> record.text
'The mayor opened the new bridge on Monday morning, officials said.'
>>> [(edit.action, edit.before) for edit in record.edits]
[('remove', 'Share this article')]
"""

from cleaner.api import clean, fix_text
from cleaner.config import Config
from cleaner.errors import (
    CleanerError,
    ConfigError,
    DecodeError,
    InputError,
    RuleError,
    StageError,
    TimeLimitError,
)
from cleaner.record import ArticleRecord, Edit

__all__ = [
    "ArticleRecord", "CleanerError", "Config", "ConfigError", "DecodeError", "Edit",
    "InputError", "RuleError", "StageError", "TimeLimitError", "clean", "fix_text",
]
__version__ = "0.1.0"
