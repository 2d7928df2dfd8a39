"""The library entry points: `clean()` and `fix_text()`."""

from __future__ import annotations

import hashlib
import unicodedata

from cleaner.config import Config
from cleaner.document import ContentType, Document
from cleaner.errors import CleanerError, InputError, StageError
from cleaner.pipeline import pipeline_for
from cleaner.record import ArticleRecord
from cleaner.text import punctuation, repair
from cleaner.text.edits import apply_fixes

_CONTENT_TYPES = ("auto", "html", "text")


def clean(source: str | bytes, *, url: str | None = None, content_type: ContentType = "auto",
          config: Config | None = None, id: str | None = None) -> ArticleRecord:
    """Clean one article (HTML or text) into an `ArticleRecord`.

    Raises only `CleanerError` subclasses: `InputError`/`DecodeError` for input that cannot be
    cleaned, `ConfigError`/`RuleError` for a bad config.

    >>> clean("Back to top\\nThe council approved the budget on Monday after a long debate.").text
    'The council approved the budget on Monday after a long debate.'
    """
    if content_type not in _CONTENT_TYPES:
        raise InputError(f"content_type must be one of {', '.join(_CONTENT_TYPES)}, not {content_type!r}")
    pipeline = pipeline_for(config)
    doc = Document(source=source, content_type=content_type, url=url, id=id)
    try:
        doc = pipeline(doc)
    except CleanerError:
        raise
    except RecursionError:
        raise InputError("input is nested too deeply to parse") from None
    except Exception as exc:  # a library failed on this document: report it, never crash
        raise StageError(f"{type(exc).__name__}: {exc}") from exc
    return to_record(doc)


def to_record(doc: Document) -> ArticleRecord:
    text = doc.body
    meta = doc.meta
    return ArticleRecord(
        id=doc.id or stable_id(doc.url, doc.source),
        url=doc.url,
        title=meta.title,
        description=meta.description,
        authors=list(meta.authors),
        date=meta.date,
        publisher=meta.publisher,
        agencies=list(meta.agencies),
        language=meta.language,
        text=text,
        word_count=len(text.split()),
        content_hash=content_hash(text),
        edits=list(doc.edits),
    )


def stable_id(url: str | None, source: str | bytes) -> str:
    """A hash of the URL, or of the source when there is no URL (SHA-256, which CPUs
    accelerate: pages are large), cut to 64 bits."""
    data = url.encode("utf-8") if url else (
        source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass"))
    return hashlib.sha256(data).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Hash of the text with case, Unicode form and spacing normalized, for exact dedup."""
    normalized = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fix_text(text: str, *, language: str | None = None) -> str:
    """Repair a snippet (mojibake, entities, invisibles, spacing, quotes) without removing content.

    Each line is fixed on its own and line breaks are kept.

    >>> fix_text("CafÃ© owners said “prices rise”they said.. It&amp;s true")
    'Café owners said “prices rise” they said. It&s true'
    """
    if not isinstance(text, str):
        raise InputError(f"fix_text needs str, not {type(text).__name__}")
    fixes = list(repair.FIXES.items()) + list(punctuation.FIXES.items())
    lines = []
    for line in text.split("\n"):
        fixed, _ = apply_fixes(line, fixes, language, "fix_text", 0)
        lines.append(fixed)
    return "\n".join(lines)
