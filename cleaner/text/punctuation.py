"""Punctuation and spacing repairs for one paragraph of scraped text.

Each fix is a plain function ``fix(text, language=None) -> str`` named after
what it does; the name is also its config key and its rule id in the edit log
(the caller prefixes it, e.g. ``"punctuation.doubled_period"``).  ``language``
is an ISO 639-1 code, or None when unknown (treated like English).  Every fix
works on a single line, is idempotent, only adds or removes spaces and
punctuation (never letters or digits), returns clean text unchanged
(byte-identical) and starts with a cheap fast-path check.

``FIXES`` at the bottom lists the fixes in the order they must be applied.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = [
    "FIXES",
    "collapse_spaces",
    "doubled_period",
    "reversed_spaced_quotes",
    "space_after_closing_quote",
    "space_after_sentence_period",
    "space_before_punctuation",
]

# ---------------------------------------------------------------------------
# Regexes and tables (all precompiled at import time)
# ---------------------------------------------------------------------------

# Patterns start with a literal character (lookbehinds come after it) so that
# the regex engine can skip ahead quickly to where they could match.

# Letters of scripts that separate words with spaces (Latin, Greek, Cyrillic)
# and digits.  CJK, Hangul and Thai are left out: a closing quote there is
# followed by text without a space ("“你好”他说", "“안녕”이라고").
_SPACED_WORD_START = (
    "0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
    "\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff"
)

# A “…” quotation (opened by “ that does not follow a letter or digit, so a
# German „…“ closing quote is never an opener) glued to the next word.
_CURLY_QUOTE_GLUED_RE = re.compile(
    f"“(?<![^\\W_]“)[^“”]*”(?=[{_SPACED_WORD_START}])"
)
# Same for a « … » quotation; the « must not follow a letter or digit either,
# so German/Danish »…« quotes ("»A« und »B«") are never read as « … ».
_GUILLEMET_GLUED_RE = re.compile(
    f"«(?<![^\\W_]«)[^«»]*»(?=[{_SPACED_WORD_START}])"
)

# A closing quote right after sentence punctuation, glued to the next word (`Earth,”he`,
# `in!”an`, `said.’The`): it closes whatever the paragraph holds, so the opening quote need
# not be in the paragraph. Never before the end of a contraction or possessive (`U.S.’s`).
_PUNCTUATED_QUOTE_GLUED_RE = re.compile(
    f"[,.!?;:…][”’](?=[{_SPACED_WORD_START[3:]}])(?!(?:s|d|m|t|ll|re|ve)(?![^\\W_]))"
)

# Reversed, space-padded quotes: ” (after start/space) + space + text without
# quotes + space + “ (before space, punctuation or end).  The quoted text may
# not start with that punctuation, so the “ put before it never looks like the
# closing “ of an earlier reversed quote (which keeps the fix idempotent).
_REVERSED_QUOTES_RE = re.compile(
    r"”(?<![^ ]”) +([^“” .,;:!?)\]](?:[^“”]*[^“” ])?) +“(?=[ .,;:!?)\]]|$)"
)

# Exactly two periods after a letter, optionally with a space between them
# ("said..", "countries. ."), followed by whitespace or the end, and not
# continuing into a spaced ellipsis (". . .").
_DOUBLED_PERIOD_RE = re.compile(r"\.(?<=[^\W\d_]\.) ?\.(?=\s|$)(?! \.)")

# Closing quotes after which a punctuation mark still "ends" (word ,” -> word,”).
_CLOSERS = "\"'”’»›"
# Spaces before a comma that ends a clause: followed by space, end or closer;
# " ,5" or " ,," are left alone.
_SPACE_BEFORE_COMMA_RE = re.compile(f" (?<=\\S ) *(?=,(?:\\s|$|[{_CLOSERS}]))")
# Spaces before a sentence period (followed by space, end or closer); never
# before ".5", ".NET", "..." or a spaced ellipsis ". . ." (neither after a
# period nor before " .").
_SPACE_BEFORE_PERIOD_RE = re.compile(
    f" (?<=[^\\s.] ) *(?=\\.(?:\\s|$|[{_CLOSERS}]))(?!\\. \\.)"
)
# Spaces before ; ! ? (possibly a run like "?!") ending a clause.
_SPACE_BEFORE_MARK_RE = re.compile(f" (?<=\\S ) *(?=[;!?][!?]*(?:\\s|$|[{_CLOSERS}]))")
# Spaces before a colon ending a clause; not after a digit ("score 2 : 1").
_SPACE_BEFORE_COLON_RE = re.compile(f" (?<=[^\\s\\d] ) *(?=:(?:\\s|$|[{_CLOSERS}]))")
# Fast-path check for space_before_punctuation: a space before any of them.
_SPACE_PUNCT_HINT_RE = re.compile(" [,.;:!?]")

# Candidate for a missing space after a sentence: a letter, a period, and two
# letters; the callback then checks case (lower . Upper lower) and the token.
_GLUED_SENTENCE_RE = re.compile(r"\.(?<=[^\W\d_]\.)(?=[^\W\d_]{2})")
# Joints "alnum.alnum" of a token; two or more mean an abbreviation, a
# version, a domain or code ("e.g.The", "System.Net.Http"): left alone.
_TOKEN_JOINT_RE = re.compile(r"(?<=[^\W_])\.(?=[^\W_])")
# Top-level domains and file extensions that, capitalised, end a token such as
# "Example.Com" or "Report.Pdf": such tokens are names, not two sentences.
_DOMAIN_OR_EXTENSION = frozenset({
    "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "io",
    "html", "htm", "php", "asp", "aspx", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx",
    "txt", "csv", "json", "xml", "jpg", "jpeg", "png", "gif", "svg", "mp3", "mp4", "zip", "exe",
})
# Characters stripped from the end of a token before looking at its suffix.
_TRAILING_PUNCT = ".,;:!?)]}\"'”’»"

# Two or more spaces.
_MULTI_SPACE_RE = re.compile(" {2,}")


# ---------------------------------------------------------------------------
# Quick checks: for each fix, a test False only where the fix changes nothing (the fixes
# whose first test it is open with it), read once over a whole document too (its lines
# joined by "\n"): as `cleaner.text.repair.QUICK_CHECKS`
# ---------------------------------------------------------------------------

# Three searches that each open with one character, which the regex engine scans for fast
# (one pattern of the three opening with an alternation costs fifty times as much).
_QUOTE_GLUED_HINT_RES = tuple(re.compile(f"{quote}(?=[{_SPACED_WORD_START}])")
                              for quote in ("”", "»", "’(?<=[,.!?;:…]’)"))


def _could_have_glued_quote(text: str) -> bool:
    return any(hint.search(text) for hint in _QUOTE_GLUED_HINT_RES)


def _could_have_reversed_quotes(text: str) -> bool:
    return "” " in text and " “" in text


def _could_have_doubled_period(text: str) -> bool:
    return ".." in text or ". ." in text


def _could_have_space_before_punctuation(text: str) -> bool:
    return _SPACE_PUNCT_HINT_RE.search(text) is not None


def _could_have_glued_sentence(text: str) -> bool:
    return _GLUED_SENTENCE_RE.search(text) is not None


def _could_have_extra_spaces(text: str) -> bool:
    return ("  " in text or " \n" in text or "\n " in text or text.startswith(" ")
            or text.endswith(" "))


# ---------------------------------------------------------------------------
# Fixes
# ---------------------------------------------------------------------------


def space_after_closing_quote(text: str, language: str | None = None) -> str:
    """Insert the missing space after a closing ” or » glued to the next word.

    A quote that closes a “ or « opened earlier in the paragraph counts, and so does a ” or
    ’ right after sentence punctuation (its opening quote may be paragraphs above).

    >>> space_after_closing_quote("“expand joint action”but « la paix »ici")
    '“expand joint action” but « la paix » ici'
    >>> space_after_closing_quote("for Earth,”he said, in!”an officer; the U.S.’s own, don’t")
    'for Earth,” he said, in!” an officer; the U.S.’s own, don’t'
    """
    if "”" in text or "’" in text:
        text = _PUNCTUATED_QUOTE_GLUED_RE.sub(r"\g<0> ", text)
    if "”" in text:
        text = _CURLY_QUOTE_GLUED_RE.sub(r"\g<0> ", text)
    if "»" in text:
        text = _GUILLEMET_GLUED_RE.sub(r"\g<0> ", text)
    return text


def reversed_spaced_quotes(text: str, language: str | None = None) -> str:
    """Turn a reversed, space-padded quotation ” text “ into “text”.

    >>> reversed_spaced_quotes("a friendship ” without limits “ and more")
    'a friendship “without limits” and more'
    """
    if not _could_have_reversed_quotes(text):
        return text
    return _REVERSED_QUOTES_RE.sub(r"“\1”", text)


def doubled_period(text: str, language: str | None = None) -> str:
    """Drop the second of two periods after a word ("said.." or "said. ."), keeping ellipses.

    >>> doubled_period("He said.. Then countries. . Wait... ok")
    'He said. Then countries. Wait... ok'
    """
    if not _could_have_doubled_period(text):
        return text
    return _DOUBLED_PERIOD_RE.sub(".", text)


# Languages whose typography puts a space before ; : ! ? (and None: not known).
_SPACED_MARKS_OR_UNKNOWN = frozenset({"fr", None})


def space_before_punctuation(text: str, language: str | None = None) -> str:
    """Remove spaces before , . ; : ! ? that end a clause. French typography keeps them
    before ; : ! ?, and so does a text of unknown language: too short to tell, it could be
    French (and cleaned again, shorter still, it must stay the same).

    >>> space_before_punctuation("word , next ; end !", "en")
    'word, next; end!'
    >>> space_before_punctuation("Quoi ? Oui , vraiment !", "fr")
    'Quoi ? Oui, vraiment !'
    """
    if not _could_have_space_before_punctuation(text):
        return text
    text = _SPACE_BEFORE_COMMA_RE.sub("", text)
    text = _SPACE_BEFORE_PERIOD_RE.sub("", text)
    if language not in _SPACED_MARKS_OR_UNKNOWN:
        text = _SPACE_BEFORE_MARK_RE.sub("", text)
        text = _SPACE_BEFORE_COLON_RE.sub("", text)
    return text


def _token_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the whitespace-delimited token around ``text[pos]``."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


# From here on, scripts that write no spaces between words (CJK, kana, Hangul and more).
_UNSPACED_SCRIPTS_START = 0x2E80


def _ends_sentence_word(char: str) -> bool:
    """A lowercase letter, or a letter without case of a script written with spaces."""
    return char.islower() or (char.isalpha() and not char.isupper()
                              and ord(char) < _UNSPACED_SCRIPTS_START)


def _is_glued_sentence(text: str, pos: int) -> bool:
    """Is the period at ``pos`` a sentence end glued to the next sentence?

    The sentence before may end in a lowercase letter or in a letter of a script without
    case written with spaces (Arabic, Hebrew, Devanagari...: "سعيد.Que la paix").
    """
    if not (_ends_sentence_word(text[pos - 1]) and text[pos + 1].isupper()
            and text[pos + 2].islower()):
        return False
    start, end = _token_bounds(text, pos)
    token = text[start:end]
    lowered = token.lower()
    if "@" in token or "/" in token or "www." in lowered:
        return False  # e-mail address, URL or path
    if len(_TOKEN_JOINT_RE.findall(token)) > 1:
        return False  # abbreviation, version, domain or code
    suffix = text[pos + 1 : end].rstrip(_TRAILING_PUNCT).lower()
    return suffix not in _DOMAIN_OR_EXTENSION


def _space_after_period(match: re.Match[str]) -> str:
    return ". " if _is_glued_sentence(match.string, match.start()) else "."


def space_after_sentence_period(text: str, language: str | None = None) -> str:
    """Insert the missing space between two glued sentences ("said.The" -> "said. The").

    Abbreviations, numbers, URLs, e-mail addresses, file and domain names stay.

    >>> space_after_sentence_period("He said.The U.S. plan for node.js at www.Example.Com")
    'He said. The U.S. plan for node.js at www.Example.Com'
    >>> space_after_sentence_period("bonne fête عيد سعيد.Que la paix")
    'bonne fête عيد سعيد. Que la paix'
    """
    if "." not in text:
        return text
    return _GLUED_SENTENCE_RE.sub(_space_after_period, text)


def collapse_spaces(text: str, language: str | None = None) -> str:
    """Collapse runs of spaces into one and strip spaces at both ends.

    >>> collapse_spaces("  two   spaces ")
    'two spaces'
    """
    if "  " in text:
        text = _MULTI_SPACE_RE.sub(" ", text)
    if text.startswith(" ") or text.endswith(" "):
        text = text.strip(" ")
    return text


FIXES: dict[str, Callable[[str, str | None], str]] = {
    "space_after_closing_quote": space_after_closing_quote,
    "reversed_spaced_quotes": reversed_spaced_quotes,
    "doubled_period": doubled_period,
    "space_before_punctuation": space_before_punctuation,
    "space_after_sentence_period": space_after_sentence_period,
    "collapse_spaces": collapse_spaces,
}


QUICK_CHECKS: dict[str, Callable[[str], bool]] = {
    "space_after_closing_quote": _could_have_glued_quote,
    "reversed_spaced_quotes": _could_have_reversed_quotes,
    "doubled_period": _could_have_doubled_period,
    "space_before_punctuation": _could_have_space_before_punctuation,
    "space_after_sentence_period": _could_have_glued_sentence,
    "collapse_spaces": _could_have_extra_spaces,
}
