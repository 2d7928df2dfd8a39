r"""Wider patterns for the RE2 sets of `cleaner.matching`: each matches every text the rule's
own pattern matches, and more, and compiles far smaller.

A set only picks the rules to run on a line; each picked rule's own pattern has the last
word (`RuleMatcher._match_all`), so a wider pattern in a set changes which rules are tried,
never what matches. Building the sets is what a start-up waits for: the whole-line set of the
built-in catalog's language-free rules costs about 0.2 s of CPU as written, 0.065 s with its
repetitions unbounded, 0.02 s with its letter and number classes widened too.

- A bounded repetition `x{m,n}` becomes `x{m,}`: RE2 compiles `x{0,4}` to four copies of
  `x`, and a byline's names nest such counts of Unicode classes.
- A Unicode letter or number class (`\pL`, `\p{Lu}`, `\pN`...) becomes the ASCII letters
  (digits) and every character beyond ASCII: three ranges rather than the hundreds of UTF-8
  byte sequences of the class. Negated classes (`\PL`, `\p{^L}`, `[^\pL]`) are left as they
  are, as widening inside them would narrow them, and so is a class where a range follows
  the property (`[\pL-z]`).
"""

from __future__ import annotations

import re

_LETTERS = r"A-Za-z\x{80}-\x{10FFFF}"
_NUMBERS = r"0-9\x{80}-\x{10FFFF}"
# A positive letter or number class: \pL, \pN, \p{L}, \p{Lu}, \p{Nd}...
_PROPERTY = r"\\p(?:\{(?:L[ultmo]?|N[dlo]?)\}|[LN])"

# The parts of an RE2 pattern `wider_pattern` steps over whole or rewrites.
_TOKEN = re.compile(
    r"\\Q.*?(?:\\E|\Z)"                                    # quoted literal text: kept
    rf"|(?P<property>{_PROPERTY})"                          # a letter or number class
    r"|\\."                                                 # another escape: kept
    r"|(?P<class>\[\^?\]?(?:\[:\w+:\]|\\.|[^\]])*\])"       # a character class
    r"|\{(?P<least>\d+),\d+\}",                             # a bounded repetition
    re.DOTALL)
# The items of a character class's body.
_CLASS_ITEM = re.compile(rf"\[:\w+:\]|(?P<property>{_PROPERTY})(?P<range>-)?|\\.|.", re.DOTALL)


def wider_pattern(pattern: str) -> str:
    r"""`pattern` with its bounded repetitions unbounded and its letter and number classes
    widened: it matches every text `pattern` matches.

    >>> print(wider_pattern(r"\d{1,2}[{0,3}]\{2,3}\p{Lu}[\pL'-]{0,3}\Q{1,2}\E[^\pL]\PL"))
    \d{1,}[{0,3}]\{2,3}[A-Za-z\x{80}-\x{10FFFF}][A-Za-z\x{80}-\x{10FFFF}'-]{0,}\Q{1,2}\E[^\pL]\PL
    """
    return _TOKEN.sub(_wider, pattern)


def _wider(found: re.Match[str]) -> str:
    if found["property"]:
        return "[" + _superset(found["property"]) + "]"
    if found["class"]:
        return _wider_class(found["class"])
    if found["least"] is not None:
        return "{" + found["least"] + ",}"
    return found[0]


def _superset(escape: str) -> str:
    return _NUMBERS if "N" in escape else _LETTERS


def _wider_class(text: str) -> str:
    """A character class with its letter and number classes widened; a negated class, or
    one where a range starts at such a class, as it is."""
    if text.startswith("[^"):
        return text
    items = []
    for found in _CLASS_ITEM.finditer(text, 1, len(text) - 1):
        if found["range"]:
            return text
        items.append(_superset(found["property"]) if found["property"] else found[0])
    return "[" + "".join(items) + "]"
