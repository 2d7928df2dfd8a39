"""Datelines to ISO dates: "March 20, 2022", "20 mars 2022", "2022-03-20", "20.03.2022"."""

from __future__ import annotations

import datetime as dt
import re

# Month names and common abbreviations of the languages the catalog covers.
_MONTHS = {
    1: "january jan janvier janv januar jän enero ene janeiro jan. январь января gennaio januari",
    2: "february feb février févr februar febrero feb fevereiro fev февраль февраля febbraio februari",
    3: "march mar mars märz marzo março мар март марта maart",
    4: "april apr avril abril апр апрель апреля aprile",
    5: "may mai mayo maio май мая maggio mei",
    6: "june jun juin juni junio junho июнь июня giugno",
    7: "july jul juillet juli julio julho июль июля luglio",
    8: "august aug août agosto ago авг август августа augustus",
    9: "september sep sept septembre septiembre setembro set сен сентябрь сентября settembre",
    10: "october oct octobre oktober octubre outubro out окт октябрь октября ottobre okt",
    11: "november nov novembre noviembre novembro ноя ноябрь ноября",
    12: "december dec décembre dez dezember diciembre dic dezembro дек декабрь декабря dicembre",
}
MONTH_NUMBERS = {name: number for number, names in _MONTHS.items() for name in names.split()}
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
    month = int(parts["mnum"]) if parts.get("mnum") else MONTH_NUMBERS.get(parts["month"].lower())
    if month is None:
        return None
    try:
        return dt.date(int(parts["year"]), month, int(parts["day"])).isoformat()
    except ValueError:
        return None


_WEEKDAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag"
            r"|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo)")
_GLUED_DATE = re.compile(
    r"(?<=[.?!…\"”’)])\s*(?P<date>(?:" + _WEEKDAY + r",?\s+)?(?:\d{1,2}(?:st|nd|rd|th|er|\.)?\s+"
    r"(?:de\s+)?[^\W\d_]{3,10}\.?,?\s+(?:de\s+)?\d{4}|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}))\s*$", re.IGNORECASE)


def split_glued_date(text: str) -> tuple[str, str | None]:
    """A standfirst without the date a template glued to its end, and that date (ISO).

    >>> split_glued_date("Will the economy see a recovery?Monday, 6 January 2020")
    ('Will the economy see a recovery?', '2020-01-06')
    >>> split_glued_date("Sales rose in the year to March 2020")
    ('Sales rose in the year to March 2020', None)
    """
    found = _GLUED_DATE.search(text)
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
