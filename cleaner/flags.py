"""Flags: what a user should know about a record's quality, decided from the document.

- ``empty``: the body is empty (nothing was extracted, or everything was removed).
- ``little_extracted``: from HTML, extraction kept less than `LITTLE_EXTRACTED` of the words
  of a page that has at least `PAGE_MIN_WORDS` of visible text: the article may have been
  missed (a page of comments, a teaser of a long story).
- ``mostly_removed``: cleaning removed more than half the words of its input (the given
  text, or the extracted text for HTML).
"""

from __future__ import annotations

from cleaner.document import Document

LITTLE_EXTRACTED = 0.1
PAGE_MIN_WORDS = 500
MOSTLY_REMOVED = 0.5


def flags_of(doc: Document, body_words: int) -> list[str]:
    found, given = [], input_words(doc)
    if body_words == 0:
        found.append("empty")
    if (doc.page_words is not None and doc.page_words >= PAGE_MIN_WORDS
            and given < LITTLE_EXTRACTED * doc.page_words):
        found.append("little_extracted")
    if body_words and given and body_words < (1 - MOSTLY_REMOVED) * given:
        found.append("mostly_removed")
    return found


def input_words(doc: Document) -> int:
    """Words of the text cleaning started from (after extraction, for HTML)."""
    return len((doc.text or "").split())
