"""The library entry points: `clean()` and `fix_text()`."""

from __future__ import annotations

import hashlib
import signal
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from cleaner.config import Config
from cleaner.document import ContentType, Document
from cleaner.errors import CleanerError, ConfigError, InputError, StageError, TimeLimitError
from cleaner.flags import flags_of
from cleaner.pipeline import pipeline_for
from cleaner.record import ArticleRecord
from cleaner.text import punctuation, repair
from cleaner.text.edits import Fix
from cleaner.text.utf8 import utf8

_CONTENT_TYPES = ("auto", "html", "text")
# Rounds of fixes `fix_text` runs at most on a line (real text is stable after one or two).
_FIX_ROUNDS = 4


def clean(source: str | bytes, *, url: str | None = None, content_type: ContentType = "auto",
          config: Config | None = None, id: str | None = None,
          charset: str | None = None, site: str | None = None) -> ArticleRecord:
    """Clean one article (HTML or text) into an `ArticleRecord`.

    `charset` is the charset declared for bytes outside them (an HTTP header's, a WARC
    record's): decode uses it after a BOM and valid UTF-8, before the page's own
    `<meta charset>` and detection. A label that names no text codec is ignored. `site` names
    the site the document belongs to when its URL does not tell, for the templates of
    `[templates] file` (the stage `cleaner.stages.templates`).

    Raises only `CleanerError` subclasses: `InputError` (`DecodeError`, `TimeLimitError`) for
    input that cannot be cleaned within `config.limits`, `ConfigError`/`RuleError` for a bad
    config, `StageError` when a library fails on the document.

    >>> clean("Back to top\\nThe council approved the budget on Monday after a long debate.").text
    'The council approved the budget on Monday after a long debate.'
    """
    check_arguments(content_type, url, id, config, charset, site)
    with library_errors():
        doc = run_pipeline(Document(source=source, content_type=content_type, url=url, id=id,
                                    charset=charset, site=site), config)
        return to_record(doc, config)


def run_pipeline(doc: Document, config: Config | None) -> Document:
    """`doc` through the pipeline of `config`, within `limits.timeout_seconds` (else
    `TimeLimitError`). Wrap it in `library_errors()` to get only `CleanerError`s."""
    pipeline = pipeline_for(config)
    limit = pipeline.config.limits.timeout_seconds
    try:
        with time_limit(limit, _CleanTimeout):
            return pipeline(doc)
    except _CleanTimeout:
        raise TimeLimitError(f"cleaning took longer than the limit of {limit:g} s "
                             "(limits.timeout_seconds)") from None


@contextmanager
def library_errors() -> Iterator[None]:
    """Turn any failure while cleaning into a `CleanerError`, as `clean()` promises:
    `InputError` for input nested too deeply or too large for memory, `StageError` when a
    library fails on the document; a `CleanerError` passes as it is."""
    try:
        yield
    except CleanerError:
        raise
    except RecursionError:
        raise InputError("input is nested too deeply to parse") from None
    except MemoryError:
        raise InputError("input needs more memory than this process may use") from None
    except Exception as exc:  # a library failed on this document: report it, never crash
        raise StageError(f"{type(exc).__name__}: {exc}") from exc


def check_arguments(content_type: object, url: object, id: object, config: object,
                    charset: object = None, site: object = None) -> None:
    """InputError for arguments `clean()` cannot use: an unknown content type, a URL, id,
    charset or site that is not a str, or not valid Unicode (a lone surrogate cannot be written as JSON);
    ConfigError for a config that is not a `Config`."""
    if config is not None and not isinstance(config, Config):
        raise ConfigError(f"config must be a Config or None, not {type(config).__name__}")
    if content_type not in _CONTENT_TYPES:
        raise InputError(f"content_type must be one of {', '.join(_CONTENT_TYPES)}, "
                         f"not {content_type!r}")
    for name, value in (("url", url), ("id", id), ("charset", charset), ("site", site)):
        if value is None:
            continue
        if not isinstance(value, str):
            raise InputError(f"{name} must be a str or None, not {type(value).__name__}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(f"{name} is not valid Unicode (it holds a lone surrogate)") from None


class Expired(BaseException):
    """Base of the exceptions `time_limit` raises: a BaseException, so that no library's
    `except Exception` (nor `clean()`'s) swallows it on its way up."""


class _CleanTimeout(Expired):
    """`clean()`'s own limit (`limits.timeout_seconds`) expired."""


@contextmanager
def time_limit(seconds: float | None, expired: type[Expired]) -> Iterator[None]:
    """Raise `expired` in the block after `seconds` of wall time.

    Signals only reach the main thread, and only where SIGALRM exists: elsewhere (threads,
    Windows), and inside an enclosing limit (ITIMER_REAL already running), the block runs
    without this one. A long call inside C code is interrupted only when it returns to Python.
    """
    if (not seconds or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return

    def handler(signum: int, frame: object) -> None:
        raise expired

    previous = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def to_record(doc: Document, config: Config | None = None) -> ArticleRecord:
    """The record of a cleaned `doc`; `config` gives the flags' thresholds (`[flags]`)."""
    text = doc.body
    meta = doc.meta
    word_count = len(text.split())
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
        word_count=word_count,
        content_hash=content_hash(text),
        flags=flags_of(doc, word_count, config.flags) if config else flags_of(doc, word_count),
        edits=list(doc.edits),
    )


def stable_id(url: str | None, source: str | bytes) -> str:
    """A hash of the URL, or of the source when there is no URL (SHA-256, which CPUs
    accelerate: pages are large), cut to 64 bits."""
    if url:
        data = url.encode("utf-8", "surrogatepass")
    elif isinstance(source, bytes):
        data = source
    else:
        data = utf8(source) or source.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:16]


def content_hash(text: str) -> str:
    """Hash of the text with case, Unicode form and spacing normalized, for exact dedup."""
    normalized = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def fix_text(text: str, *, language: str | None = None) -> str:
    """Repair a snippet (mojibake, entities, invisibles, spacing, quotes) without removing content.

    Each line is fixed on its own and line breaks are kept. The fixes run again until the
    line stops changing, so `fix_text` is idempotent: a punctuation fix can make a repair
    possible ("«»Ã©" becomes "«» Ã©", and only then is "Ã©" mojibake ftfy repairs).

    >>> fix_text("CafÃ© owners said “prices rise”they said.. It&amp;s true")
    'Café owners said “prices rise” they said. It&s true'
    """
    if not isinstance(text, str):
        raise InputError(f"fix_text needs str, not {type(text).__name__}")
    fixes = [*repair.FIXES.values(), *punctuation.FIXES.values()]
    return "\n".join(_fix_line(line, fixes, language) for line in text.split("\n"))


def _fix_line(line: str, fixes: list[Fix], language: str | None) -> str:
    for _ in range(_FIX_ROUNDS):
        before = line
        for fix in fixes:
            line = fix(line, language)
        if line == before:
            break
    return line
