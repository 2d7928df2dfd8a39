"""Flags: what a user should know about a record's quality, decided from the document.

- ``empty``: the body is empty (nothing was extracted, or everything was removed).
- ``little_extracted``: from HTML, extraction kept less than `little_extracted` of the words
  of a page that has at least `page_min_words` of visible text: the article may have been
  missed (a page of comments, a teaser of a long story).
- ``mostly_removed``: cleaning removed more than `mostly_removed` of the words of its input
  (the given text, or the extracted text for HTML).

The three numbers are `[flags]` in `cleaner.toml` (`FlagSettings`, `cleaner.settings`).
"""

from __future__ import annotations

from cleaner.document import Document
from cleaner.settings import FlagSettings

_DEFAULTS = FlagSettings()


def flags_of(doc: Document, body_words: int, settings: FlagSettings = _DEFAULTS) -> list[str]:
    found, given = [], input_words(doc)
    if body_words == 0:
        found.append("empty")
    if (doc.page_words is not None and doc.page_words >= settings.page_min_words
            and given < settings.little_extracted * doc.page_words):
        found.append("little_extracted")
    if body_words and given and body_words < (1 - settings.mostly_removed) * given:
        found.append("mostly_removed")
    return found


def input_words(doc: Document) -> int:
    """Words of the text cleaning started from (after extraction, for HTML)."""
    return len((doc.text or "").split())
