"""Datelines to ISO dates: "March 20, 2022", "20 mars 2022", "2022-03-20", "20.03.2022"."""

from __future__ import annotations

import datetime as dt
import functools
import re

from cleaner.text.wordlists import wordlist, words_of

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?" + _MONTH + r"\s+(?:de\s+)?(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})"),
]


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO `YYYY-MM-DD`, or None (the patterns are tried in
    turn: a date of the first one that finds any wins).

    >>> parse_date("March 20, 2022"), parse_date("Publié le 3 avril 2021 à 10h"), parse_date("31.12.2020")
    ('2022-03-20', '2021-04-03', '2020-12-31')
    >>> parse_date("February 30, 2022") is None
    True
    """
    for pattern in _PATTERNS:
        for found in pattern.finditer(text):
            date = _iso(found)
            if date:
                return date
            break
    return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in `text`: (where it starts, ISO date), in the order they appear.

    >>> find_dates("Posted on December 18, 2025 · Updated 2025-12-19")
    [(10, '2025-12-18'), (38, '2025-12-19')]
    """
    found = {match.start(): date for pattern in _PATTERNS for match in pattern.finditer(text)
             if (date := _iso(match))}
    return sorted(found.items())


def _iso(found: re.Match[str]) -> str | None:
    parts = found.groupdict()
    month = int(parts["mnum"]) if parts.get("mnum") else month_numbers().get(parts["month"].lower())
    if month is None:
        return None
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


@functools.cache
def month_numbers() -> dict[str, int]:
    """Month names and abbreviations (`rules/words/dates.yaml`) to month numbers.

    >>> month_numbers()["märz"], month_numbers()["okt"]
    (3, 10)
    """
    return {name: number for number, names in wordlist("dates")["months"].items()
            for name in names}


@functools.cache
def _glued_date() -> re.Pattern[str]:
    weekdays = sorted(words_of("dates", "weekdays"), key=lambda w: (-len(w), w))
    weekday = "(?:" + "|".join(map(re.escape, weekdays)) + ")"
    return re.compile(
        r"(?<=[.?!…\"”’)])\s*(?P<date>(?:" + weekday + r",?\s+)?(?:\d{1,2}(?:st|nd|rd|th|er|\.)?\s+"
        r"(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
        r"\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}))\s*$", re.IGNORECASE)


def split_glued_date(text: str) -> tuple[str, str | None]:
    """A standfirst without the date a template glued to its end, and that date (ISO).

    >>> split_glued_date("Will the economy see a recovery?Monday, 6 January 2020")
    ('Will the economy see a recovery?', '2020-01-06')
    >>> split_glued_date("Sales rose in the year to March 2020")
    ('Sales rose in the year to March 2020', None)
    """
    found = _glued_date().search(text)
    if found is None:
        return text, None
    date = parse_date(found.group("date"))
    return (text[:found.start()].rstrip(), date) if date else (text, None)


def strip_glued_date(text: str) -> str:
    """`split_glued_date`'s text alone.

    >>> strip_glued_date("Prices fell.Tuesday, 7 January 2020")
    'Prices fell.'
    """
    return split_glued_date(text)[0]
