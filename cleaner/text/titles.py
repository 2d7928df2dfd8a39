"""Titles: the headline without the site's name, chosen among a page's title candidates.

A page declares its title (`og:title`, JSON-LD `headline`, `<title>`) with the site's name
glued on ("Story - Site", "Site | Story"), and prints it in an `<h1>`; a breadcrumb
("Home > News > Story") is never a title.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import Field

from cleaner.settings import Settings

# Separators between a headline and the site's name in a declared title.
_SEPARATOR = re.compile(r"\s+[|\-–—:·•»/~]{1,2}\s+|\s*\|\s*|\s+::\s+")
# Three or more path steps: "Home > News > Story", "Accueil › Actualités › ...".
_BREADCRUMB = re.compile(r"^(?:[^>›»/]{1,60}\s[>›»/]\s){2,}")
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lowercase letters and digits only, for comparing names and titles.

    >>> fold("  Spiegel ONLINE! ")
    'spiegelonline'
    """
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).casefold())


def is_breadcrumb(text: str) -> bool:
    """A path of links, not a headline.

    >>> is_breadcrumb("Accueil > Actualités et humeurs > La grève")
    True
    >>> is_breadcrumb("Prices > wages, says the bank")
    False
    """
    return bool(_BREADCRUMB.match(text))


def _is_site(segment: str, site_names: tuple[str, ...]) -> bool:
    """True when `segment` names the site (equal, or one contains the other)."""
    folded = fold(segment)
    if not folded:
        return True
    return any(name and (folded == name or (len(folded) >= 3 and (folded in name or name in folded)))
               for name in site_names)


def strip_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """`title` without a leading or trailing part that names the site.

    >>> strip_site_name("Floods hit the coast | DW | 19.01.2020", ("dw",))
    'Floods hit the coast'
    >>> strip_site_name("Le Monde - Floods hit the coast", ("lemonde",))
    'Floods hit the coast'
    >>> strip_site_name("Floods - what next?", ("lemonde",))
    'Floods - what next?'
    """
    parts = _SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    names = tuple(n for n in site_names if n)
    site_at = next((i for i, part in enumerate(parts[1:], start=1) if _is_site(part, names)), None)
    if site_at is not None:
        parts = parts[:site_at]  # the site's name and what follows it (a tagline, a date)
    while len(parts) > 1 and _is_site(parts[0], names):
        parts.pop(0)
    kept = title.strip()
    # cut the original string (keeping its own separators) at the kept parts
    start = kept.find(parts[0])
    end = kept.rfind(parts[-1]) + len(parts[-1])
    return kept[start:end].strip() if start >= 0 and end > start else kept


_DATE_PART = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _is_date(segment: str) -> bool:
    return bool(_DATE_PART.fullmatch(segment.strip()))


def _word_set(text: str) -> set[str]:
    return {w for w in re.findall(r"[^\W_]+", text.casefold())}


def _similarity(one: str, other: str) -> float:
    """Jaccard similarity of the two texts' lowercase words."""
    a, b = _word_set(one), _word_set(other)
    return len(a & b) / len(a | b) if a and b else 0.0


class TitleSettings(Settings):
    """How the headline is chosen among a page's `<h1>`s and its declared title
    (`choose_title`, for the extract stage's fields)."""

    # An <h1> is the headline when it shares this share of words with the declared title
    # (chosen on the tune half of WCXB dev: 0.1 to 0.3 score within 0.01, higher less).
    h1_min_similarity: float = Field(0.2, ge=0.0, le=1.0)


_DEFAULTS = TitleSettings()


def choose_title(declared: str | None, headings: list[str], site_names: tuple[str, ...],
                 settings: TitleSettings = _DEFAULTS) -> str | None:
    """The headline: the `<h1>` most like the declared title (og:title, JSON-LD headline,
    else `<title>`) without the site's name, else that declared title; the first `<h1>`
    when nothing is declared. Breadcrumbs and headings that name the site are skipped.

    >>> choose_title("Floods hit the coast, again | Daily Planet", ["Daily Planet",
    ...              "Floods hit the coast again"], ("dailyplanet",))
    'Floods hit the coast again'
    >>> choose_title("Floods hit the coast | Daily Planet", ["Weather"], ("dailyplanet",))
    'Floods hit the coast'
    """
    names = tuple(n for n in site_names if n)
    headings = [strip_site_name(h, names) for h in (" ".join(h.split()) for h in headings)
                if h and not is_breadcrumb(h) and fold(h) not in names]
    title = strip_site_name(" ".join(declared.split()), names) if declared else None
    if title and is_breadcrumb(title):
        title = None
    if not title:
        return headings[0] if headings else None
    best = max(headings, key=lambda h: _similarity(h, title), default=None)
    if best is not None and _similarity(best, title) >= settings.h1_min_similarity:
        return best
    return title
