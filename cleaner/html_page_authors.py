"""The record's authors from a page's markup: which of the names its meta tags, its JSON-LD
and the searches of `cleaner.html_authors` find is the page's author.

Measured by `bench/metadata.py` (WCXB dev, tune half; pages with a gold author).
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from cleaner.html_authors import (
    SEARCHES,
    byline_search,
    json_ld_authors,
    visible_byline,
    with_digits,
)
from cleaner.text.names import byline_opener, looks_like_person, split_authors
from cleaner.text.titles import fold
from cleaner.text.wordlists import words_of

_META_AUTHOR = etree.XPath('//meta[@name="author"]/@content')


def _shown_unless_declared_shown(people: list[str], tree: HtmlElement,
                                 names: tuple[str, ...]) -> list[str]:
    """The persons of the page's visible byline instead of the declared ones when the page
    shows none of the declared names: what the readers see is the byline (a template's
    meta tag may name the site's owner or the last editor). With no visible byline, the
    persons of trafilatura's byline search (`byline_search`) when the page shows them.

    >>> import lxml.html
    >>> _shown_unless_declared_shown(["Jane Doe"], lxml.html.fromstring('<html><body><h1>'
    ...     'Rain</h1><p>By John Roe</p></body></html>'), ())
    ['John Roe']
    >>> _shown_unless_declared_shown(["Jane Doe"], lxml.html.fromstring('<html><body><h1>'
    ...     'Rain</h1><span class="author-info">John Roe</span></body></html>'), ())
    ['John Roe']
    """
    shown, _ = split_authors(visible_byline(tree) or "", names)
    if shown == people:
        return people
    if shown and all(fold(name) in names for name in people):
        return shown  # the declared "author" is the site's own name ("One Tree Planted")
    body = tree.find(".//body")
    text = " ".join(body.itertext()).casefold() if body is not None else ""
    if any(name.casefold() in text for name in people):
        return people
    if not shown:  # searched only here: the declared names are rarely not shown
        shown, _ = split_authors(byline_search(tree) or "", names)
        shown = shown if all(name.casefold() in text for name in shown) else []
    return shown or people


def page_authors(declared: str | None, tree: HtmlElement, names: tuple[str, ...],
                 ) -> tuple[tuple[str, ...], str | None]:
    """(authors, the first organisation named as an author): the persons the JSON-LD
    article names, when all its names look like persons (its list is the article's own, and
    its commas stay commas: "Jane Doe, MD, RD" is one name and two degrees, where the meta
    tags' merged list reads three names); else the declared authors; when they name no
    person, the first of `SEARCHES` that finds one; when none does, the first collective
    byline found ("Acme Editorial Team", `collective_byline`). A visible byline beats declared
    names the page does not show.
    """
    declared = with_digits(declared or "", " ".join(_META_AUTHOR(tree)))
    people, outlets = split_authors(declared, names)
    in_json_ld = json_ld_authors(tree)  # read once: it is one of the searches too
    article, _ = split_authors(in_json_ld or "", names)
    if article and all(map(looks_like_person, article)):
        people = article  # the article's own, its commas read as commas: "Jane Doe, MD"
    people = _shown_unless_declared_shown(people, tree, names) if people else people
    for search in SEARCHES:
        if people:
            break
        found = in_json_ld if search is json_ld_authors else search(tree)
        people, more = split_authors(found or "", names)
        outlets += [outlet for outlet in more if outlet not in outlets]
    if not people:
        people = [collective for o in outlets if (collective := collective_byline(o))][:1]
    return tuple(people), outlets[0] if outlets else None


def collective_byline(name: str) -> str | None:
    """`name` without a byline opener when it names a group of writers, not an outlet: its
    last word is one of `collectives` in `rules/words/names.yaml` ("Acme Editorial Team",
    "Metro Desk") and the words before it are capitalized, as a name's are (not "Read more
    about the team"). Such a byline is the author when the page names no person.

    >>> collective_byline("By ACME NEWS STAFF"), collective_byline("team")
    ('ACME NEWS STAFF', 'team')
    >>> collective_byline("Acme Media"), collective_byline("Read more about The Acme Team")
    (None, None)
    """
    opener = byline_opener().match(name)
    words = name[opener.end() if opener else 0:].split()
    if not words or words[-1].casefold() not in words_of("names", "collectives"):
        return None
    if not all(word[:1].isupper() or word[:1].isdigit() for word in words[:-1]):
        return None
    return " ".join(words)
