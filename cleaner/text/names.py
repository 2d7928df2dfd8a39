"""Person names in bylines: split lists of authors, drop roles, tell people from outlets.

A byline field holds more than names: "By Jane Doe, Staff Writer", "Jane Doe and John Roe",
"SPIEGEL ONLINE, Hamburg, Germany", "Deutsche Welle". Only person names are authors;
organisations and site names are the publisher. The word lists are data (`rules/words/names.yaml`).
"""

from __future__ import annotations

import functools
import re

from cleaner.text.titles import fold
from cleaner.text.wordlists import wordlist

_TOKEN = re.compile(r"[^\s,;]+")
_LIST_SEPARATORS = re.compile(r"\s*[;|]\s*|\s*\n\s*")
_COMMA = re.compile(r"\s*,\s*")
_TRIM = " \t\xa0\u200b.,;:|-–—·•/()[]\"'“”"


@functools.cache
def _words() -> dict[str, frozenset[str]]:
    data = wordlist("names")
    roles = frozenset(w for words in data["roles"].values() for w in words)
    return {key: frozenset(data[key]) for key in ("organisations", "connectors", "particles",
                                                  "months", "openers", "byline_openers",
                                                  "post_nominals")
            } | {"roles": roles}


@functools.cache
def byline_opener() -> re.Pattern[str]:
    """A visible byline's opening words at the start of a text, then an optional colon.

    >>> byline_opener().match("Written by: Jane Doe").end()
    12
    """
    phrases = sorted(_words()["byline_openers"], key=len, reverse=True)
    words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\s*(?:{words})(?![^\W_])\s*:?\s*", re.IGNORECASE)


def clean_space(text: str) -> str:
    """Runs of whitespace of any kind (tabs, NBSP, line breaks) as one space, trimmed.

    >>> clean_space(" Jane\\xa0Doe\\t ")
    'Jane Doe'
    """
    return " ".join(text.split())


def _token_key(token: str) -> str:
    return token.strip(_TRIM).casefold()


def trim_name(name: str) -> str:
    """`name` without an opener before it ("By", "Author") or a role or date after it.

    >>> trim_name("By Jane Doe Senior Editor")
    'Jane Doe'
    >>> trim_name("Luke Roe December 3")
    'Luke Roe'
    >>> trim_name("Tom May"), trim_name("Updated Dec 3"), trim_name("Sun Dec"), trim_name("August")
    ('Tom May', '', '', '')
    >>> trim_name("Md Selim Rahman"), trim_name("Jane Doe MD")
    ('Md Selim Rahman', 'Jane Doe')
    """
    words = _words()
    tokens = _TOKEN.findall(clean_space(name))
    while len(tokens) > 1 and _token_key(tokens[0]) in words["openers"]:
        tokens.pop(0)
    if tokens and _token_key(tokens[0]) in words["roles"] - words["openers"] - words["post_nominals"]:
        return ""  # "Updated Dec 3", "Staff Writer": no name
    if all(_token_key(t) in words["months"] or t[:1].isdigit() for t in tokens[:2]):
        return ""  # "Sun Dec 3", "August": a date
    for index, token in enumerate(tokens[1:], start=1):
        key = _token_key(token)
        is_date = key in words["months"] and (index >= 2 or index + 1 < len(tokens)
                                              and tokens[index + 1][:1].isdigit())
        if (key in words["roles"] and key not in words["particles"]) or is_date or key.isdigit():
            tokens = tokens[:index]
            break
    return " ".join(tokens).strip(_TRIM)


def is_post_nominal(text: str) -> bool:
    """True for letters written after a name, with or without dots (`post_nominals`).

    >>> is_post_nominal("M.D."), is_post_nominal("PhD"), is_post_nominal("Jane")
    (True, True, False)
    """
    return text.replace(".", "").strip().casefold() in _words()["post_nominals"]


def is_organisation(name: str, site_names: tuple[str, ...] = ()) -> bool:
    """True for an outlet, desk or site rather than a person.

    >>> is_organisation("Frankfurter Allgemeine Zeitung GmbH"), is_organisation("Heise Online")
    (True, True)
    >>> is_organisation("Deutsche Welle"), is_organisation("Letters"), is_organisation("Jane Doe")
    (True, True, False)
    >>> is_organisation("ACME", ("acme",)), is_organisation("Jane Doe", ("janedoe",))
    (True, False)
    """
    folded = fold(name)
    if folded and folded in site_names and not looks_like_person(name):
        return True  # a personal site is named after its author: that name stays a person
    return any(_token_key(t) in _words()["organisations"] for t in _TOKEN.findall(name))


def looks_like_person(name: str) -> bool:
    """Two to five words, each capitalized or a name particle, no digits.

    >>> looks_like_person("Ludwig van Beethoven"), looks_like_person("Hamburg")
    (True, False)
    """
    tokens = _TOKEN.findall(name)
    particles = _words()["particles"]
    return 2 <= len(tokens) <= 5 and not any(c.isdigit() for c in name) and all(
        t[:1].isupper() or t.casefold() in particles for t in tokens)


def _split_connectors(piece: str) -> list[str]:
    """"Jane Doe and John Roe" as two names when both sides are person names."""
    tokens = piece.split()
    connectors = _words()["connectors"]
    for index, token in enumerate(tokens):
        if token.casefold() in connectors and 0 < index < len(tokens) - 1:
            left, right = " ".join(tokens[:index]), " ".join(tokens[index + 1:])
            if looks_like_person(left) and looks_like_person(trim_name(right)):
                return [left, *_split_connectors(right)]
    return [piece]


def split_authors(field: str, site_names: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """(person names, organisations) of a byline field.

    Lists separated by ";" or "|" are split everywhere; commas and "and", "und", "et", "y",
    "e", "&" only between person names. After a name, a comma starts a role, a degree or a
    place ("Jane Doe, MD", "SPIEGEL ONLINE, Hamburg, Germany"), which is dropped.

    >>> split_authors("Jane Doe, John Roe and Ana Ruiz")
    (['Jane Doe', 'John Roe', 'Ana Ruiz'], [])
    >>> split_authors("SPIEGEL ONLINE, Hamburg, Germany")
    ([], ['SPIEGEL ONLINE'])
    >>> split_authors("By Jane Doe, Staff Writer")
    (['Jane Doe'], [])
    """
    people: list[str] = []
    organisations: list[str] = []
    for part in _LIST_SEPARATORS.split(clean_space(field)):
        pieces = _COMMA.split(part)
        for position, piece in enumerate(pieces):
            names = _split_connectors(piece)
            if position and not all(looks_like_person(trim_name(n)) for n in names):
                break  # a role, degree or place after a name
            for name in names:
                _sort_name(name, site_names, people, organisations)
    return people, organisations


def _sort_name(name: str, site_names: tuple[str, ...], people: list[str],
               organisations: list[str]) -> None:
    """A person (one user name, or words that look like a name) to `people`, an outlet to
    `organisations`; anything else ("Personal finance", a section) to neither."""
    if is_organisation(name, site_names):
        if (outlet := clean_space(name).strip(_TRIM)) and outlet not in organisations:
            organisations.append(outlet)
        return
    trimmed = trim_name(name)
    if not trimmed or trimmed in people or fold(trimmed) in _words()["roles"]:
        return  # "Staff", "Ph. D.", "MS": a role or degree, no name
    if " " not in trimmed or looks_like_person(trimmed):
        people.append(trimmed)
