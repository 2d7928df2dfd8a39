"""Character-level repairs for one paragraph of scraped text (ftfy style).

Each fix is a plain function ``fix(text, language=None) -> str`` named after
what it does; the name is also its config key and its rule id in the edit log
(the caller prefixes it, e.g. ``"repair.decode_entities"``).  Every fix works on
a single line, is idempotent, never deletes letters or digits (it only repairs
them), returns clean text unchanged (byte-identical), and starts with a cheap
fast-path check so that clean ASCII text costs almost nothing.

``FIXES`` at the bottom lists the fixes in the order they must be applied.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable
from html.entities import html5 as _HTML5_ENTITIES
from typing import Any

from cleaner.text.mixed_mojibake import could_be_mojibake_words, fix_mojibake_words
from cleaner.text.mojibake_filter import mojibake_filter
from cleaner.text.utf8 import utf8

__all__ = [
    "FIXES",
    "decode_entities",
    "fix_mojibake",
    "normalize_spaces",
    "normalize_unicode",
    "remove_invisibles",
    "replace_lone_surrogates",
    "settle",
    "settle_with",
]


# ---------------------------------------------------------------------------
# Regexes and tables (all precompiled at import time, but ftfy's: see
# `cleaner.text.mojibake_filter`)
# ---------------------------------------------------------------------------

@functools.cache
def ftfy_config() -> Any:
    """ftfy's settings: repair encodings, C1 controls, ligatures and surrogates only. Curly
    quotes, character widths, HTML, line breaks and control characters are left alone
    (other fixes own them; a paragraph must stay a single line). ftfy is imported here, for
    the first line the pre-filter passes."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=True,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )


# A well-formed HTML entity: decimal, hex, or a name ending in ";"
# ("&amp;", "&#8217;", "&#x2019;", "&eacute;"); "AT&T", "R&D" do not match.
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# The longest text _ENTITY_RE matches: "&", a 32-character name, ";".
_ENTITY_MAX_CHARS = 34

# Code points of letters/marks of scripts where ZWJ/ZWNJ shape the text
# (Hebrew, Arabic, Syriac, Thaana, N'Ko, Indic, Sinhala, Thai/Lao, Tibetan,
# Myanmar, Khmer, Mongolian, Arabic presentation forms); U+061C ALM and
# U+FEFF BOM are left out because remove_invisibles deletes them.
_JOINING_SCRIPT = (
    "\u0590-\u061b\u061d-\u08ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u109f"
    "\u1780-\u17ff\u1800-\u180d\u180f-\u18af\ua8e0-\ua8ff\ufb1d-\ufdff\ufe70-\ufefc"
)
# Emoji-like characters and emoji modifiers that can sit around a ZWJ in an
# emoji ZWJ sequence (e.g. 👩‍💻, 🏃‍♀️, ❤️‍🔥).
_EMOJI = (
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u2bff\u3030\u303d\u3297\u3299"
    "\ufe0f\U0001f000-\U0001faff"
)

# Invisible characters to delete or turn into a space.  Group 1 keeps an emoji
# tag sequence (🏴 + tag letters + CANCEL TAG, e.g. the flag of Scotland),
# group 2 a ZWJ/ZWNJ between two letters of a joining script, group 3 a ZWJ
# between two emoji; the last branch matches what _invisible_replacement drops:
# C0 controls, DEL, soft hyphen, Arabic letter mark, Mongolian vowel separator,
# zero-width space/(non-)joiner, LRM/RLM, line/paragraph separators, bidi
# embeddings/overrides/isolates, word joiner and invisible operators, BOM,
# interlinear annotation marks and stray tag characters.
_INVISIBLE_RE = re.compile(
    "(\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f)"
    f"|(?<=[{_JOINING_SCRIPT}])([\u200c\u200d])(?=[{_JOINING_SCRIPT}])"
    f"|(?<=[{_EMOJI}])(\u200d)(?=[{_EMOJI}])"
    "|[\x00-\x1f\x7f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)
# Cheap pre-check for remove_invisibles: any character _INVISIBLE_RE may touch.
_INVISIBLE_HINT_RE = re.compile(
    "[\x00-\x1f\x7f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0001\U000e0020-\U000e007f]"
)
# Whitespace controls become a space (so words do not get glued); others vanish.
_INVISIBLE_SPACES = frozenset("\t\n\x0b\x0c\r\u2028\u2029")

# Unicode spaces that become a plain space: no-break, en/em/thin/hair and
# other U+2000-U+200A spaces, narrow no-break, medium mathematical.  U+3000
# IDEOGRAPHIC SPACE is kept (CJK typography uses it).
_SPACE_CHARS_RE = re.compile("[\u00a0\u2000-\u200a\u202f\u205f]")
# A run of two or more plain spaces.
_MULTI_SPACE_RE = re.compile(" {2,}")


# ---------------------------------------------------------------------------
# Quick checks: each repair's own first test, False only where it changes nothing
# (see QUICK_CHECKS)
# ---------------------------------------------------------------------------


def could_be_mojibake(text: str) -> bool:
    """Whether `fix_mojibake` could change `text`: ftfy's pre-filter.

    >>> could_be_mojibake("Café “au lait”"), could_be_mojibake("CafÃ© au lait")
    (False, True)
    """
    return not text.isascii() and mojibake_filter().passes(text)


def could_have_entities(text: str) -> bool:
    return "&" in text


def could_have_surrogates(text: str) -> bool:
    return not text.isascii() and utf8(text) is None  # encoding is 10x faster than a search


def could_be_unnormalized(text: str) -> bool:
    return not text.isascii() and not unicodedata.is_normalized("NFC", text)


# ---------------------------------------------------------------------------
# Fixes
# ---------------------------------------------------------------------------


def replace_lone_surrogates(text: str, language: str | None = None) -> str:
    """Join surrogate pairs into the character they encode and replace lone surrogates,
    which no UTF-8 encoder (nor RE2, nor JSON) accepts, with U+FFFD.

    >>> replace_lone_surrogates("ok \\ud83d\\ude00 \\ud800!")
    'ok 😀 �!'
    """
    if not could_have_surrogates(text):
        return text
    from ftfy.fixes import fix_surrogates

    return fix_surrogates(text)


def fix_mojibake(text: str, language: str | None = None) -> str:
    """Repair mojibake (UTF-8 read as cp1252, latin-1, cp1251...), C1 controls and ligatures.

    ftfy runs only when a cheap pre-filter sees what it could fix; curly quotes are kept.

    >>> fix_mojibake("CafÃ© â€œau laitâ€\\x9d ﬁne")
    'Café “au lait” fine'
    """
    if not could_be_mojibake(text):
        return text
    import ftfy

    return ftfy.fix_text(text, ftfy_config())


def _decode_entity(match: re.Match[str]) -> str:
    entity = match.group(0)
    if entity[1] != "#" and entity[1:] not in _HTML5_ENTITIES:
        return entity  # unknown name such as "&foo;": not an entity, keep it
    return html.unescape(entity)


def decode_entities(text: str, language: str | None = None) -> str:
    """Decode well-formed HTML entities left in the text, including double-escaped ones.

    >>> decode_entities("Tom &amp;amp; Jerry&#8217;s caf&eacute; at AT&T")
    'Tom & Jerry’s café at AT&T'
    """
    if not could_have_entities(text):
        return text
    fixed = _ENTITY_RE.sub(_decode_entity, text)
    if fixed == text or not any(_decode_entity(m) != m.group(0) for m in _ENTITY_RE.finditer(fixed)):
        return fixed
    return _decode_nested_entities(fixed)


def _decode_nested_entities(text: str) -> str:
    """Decode entities until none is left ("&amp;amp;lt;" -> "&lt;" -> "<"), in one pass.

    Decoding one pass at a time is quadratic on a chain like "&amp;amp;amp;..." (each pass
    peels one level). Here every character goes onto an output stack, and each ";" that
    closes an entity at the top of the stack replaces it with its decoded text, which is
    pushed back to be read again (it may close an entity itself). Entities cannot overlap,
    so the result is the one pass after pass would reach, in linear time.

    >>> _decode_nested_entities("&amp;amp;amp;lt;b&amp&#59;")
    '<b&'
    """
    out: list[str] = []
    todo = list(reversed(text))
    while todo:
        char = todo.pop()
        out.append(char)
        if char != ";":
            continue
        tail = "".join(out[-_ENTITY_MAX_CHARS:])
        start = tail.rfind("&")
        match = _ENTITY_RE.fullmatch(tail, start) if start >= 0 else None
        if match is None:
            continue
        decoded = _decode_entity(match)
        if decoded != match.group(0):
            del out[len(out) - len(match.group(0)):]
            todo.extend(reversed(decoded))
    return "".join(out)


def _invisible_replacement(match: re.Match[str]) -> str:
    kept = match.group(1) or match.group(2) or match.group(3)
    if kept:
        return kept
    return " " if match.group(0) in _INVISIBLE_SPACES else ""


def remove_invisibles(text: str, language: str | None = None) -> str:
    """Delete invisible format/control characters (zero-width spaces, BOM, soft hyphens, bidi
    controls) but keep ZWJ/ZWNJ where a script or emoji needs them; tabs become spaces.

    >>> remove_invisibles("co\\u00adop\\u200beration\\tteam\\ufeff")
    'cooperation team'
    """
    if text.isprintable() or _INVISIBLE_HINT_RE.search(text) is None:
        return text  # every character handled here is non-printable
    return _INVISIBLE_RE.sub(_invisible_replacement, text)


def normalize_spaces(text: str, language: str | None = None) -> str:
    """Turn no-break/typographic spaces into plain ones, collapse runs of spaces, strip the ends.

    In French the (narrow) no-break space before ; : ! ? » and after « becomes a plain
    space, never nothing, so the French punctuation spacing survives.

    >>> normalize_spaces("  10\\u00a0000 km\\u2009 au total\\u202f! ", "fr")
    '10 000 km au total !'
    """
    if text.isascii():
        if "  " not in text and not text.startswith(" ") and not text.endswith(" "):
            return text
    elif not text.isprintable():  # the spaces replaced here are all non-printable
        text = _SPACE_CHARS_RE.sub(" ", text)
    if "  " in text:
        text = _MULTI_SPACE_RE.sub(" ", text)
    return text.strip(" ")


def normalize_unicode(text: str, language: str | None = None) -> str:
    """Compose characters to Unicode NFC, so "e" + combining acute becomes "é".

    >>> normalize_unicode("Cafe\\u0301") == "Caf\\u00e9"
    True
    """
    if not could_be_unnormalized(text):
        return text
    return unicodedata.normalize("NFC", text)


# Rounds `settle` runs at most: real text is stable after one; only input built to need
# more can need more, and it is then left unsettled rather than costing unbounded time.
_SETTLE_ROUNDS = 8

_REPAIRS: dict[str, Callable[[str, str | None], str]] = {
    "replace_lone_surrogates": replace_lone_surrogates,
    "fix_mojibake": fix_mojibake,
    "fix_mojibake_words": fix_mojibake_words,
    "decode_entities": decode_entities,
    "remove_invisibles": remove_invisibles,
    "normalize_spaces": normalize_spaces,
    "normalize_unicode": normalize_unicode,
}


def settle(text: str, language: str | None = None) -> str:
    """Run the repairs again until the text stops changing, so that repairing is idempotent:
    one repair can make another possible (removing an invisible character joins mojibake,
    NFC composes a mojibake lead, decoding an entity completes another).

    >>> settle("Ü\\x1b†")  # once the escape is gone, "Ü†" is UTF-8 read as cp1252
    '܆'
    """
    return settle_with(tuple(_REPAIRS.values()), text, language)


def settle_with(repairs: tuple[Callable[[str, str | None], str], ...], text: str,
                language: str | None = None) -> str:
    """`settle` with only `repairs`: the repair stage passes the repairs not switched off,
    so that a disabled repair (`[repair] disable = ["normalize_spaces"]`) stays off.

    >>> settle_with((remove_invisibles,), "Ta\u200bble\u00a0!")
    'Table\xa0!'
    """
    for _ in range(_SETTLE_ROUNDS):
        before = text
        for fix in repairs:
            text = fix(text, language)
        if text == before:
            break
    return text


FIXES: dict[str, Callable[[str, str | None], str]] = {**_REPAIRS, "settle": settle}


# The quick checks, read once over a whole document: what each looks for is a character, or
# a few in a row none of which is a line break, so a text holds it only where one of its
# lines does (blocks joined by "\n"; see tests/text/test_repair.py). The repair stage skips
# a repair on every block when the document's text fails its test.
QUICK_CHECKS: dict[str, Callable[[str], bool]] = {
    "replace_lone_surrogates": could_have_surrogates,
    "fix_mojibake": could_be_mojibake,
    "fix_mojibake_words": could_be_mojibake_words,
    "decode_entities": could_have_entities,
    "normalize_unicode": could_be_unnormalized,
}
