"""The record's fields from a page's markup: title, authors, date, publisher, description.

trafilatura's metadata functions read the meta tags and JSON-LD; then

- the title is the `<h1>` most like the declared title, else the declared title without
  the site's name (`cleaner.text.titles`);
- authors are person names only (`cleaner.text.names`): lists split between names, roles
  dropped, organisations and site names moved to `publisher`. When the markup declares no
  person, trafilatura's byline search of the page (its `extract_author`) is asked;
- the date is the published date the markup declares, else the one shown by the headline,
  else htmldate's (`cleaner.html_dates`).

Measured by `bench/metadata.py` (WCXB dev, beside trafilatura's own metadata).
"""

from __future__ import annotations

import contextlib
import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
)
from trafilatura.utils import trim

from cleaner.html_dates import page_date
from cleaner.text.dates import split_glued_date
from cleaner.text.names import byline_opener, clean_space, looks_like_person, split_authors
from cleaner.text.titles import choose_title, fold
from cleaner.urls import site_of


def site_names(sitename: str | None, url: str | None) -> tuple[str, ...]:
    """Folded names the site goes by: its declared name, its host and the host's labels
    but the top-level one ("news.example.co.uk" gives "news", "example", "co").

    >>> site_names("The Daily Planet", "https://www.dailyplanet.com/a/b")
    ('thedailyplanet', 'dailyplanetcom', 'dailyplanet')
    """
    host = site_of(url) or ""
    labels = [label for label in host.split(".")[:-1] if label != "www"]
    names = [fold(sitename or ""), fold(host), *(fold(label) for label in labels)]
    return tuple(dict.fromkeys(n for n in names if n))


def page_headings(tree: HtmlElement) -> list[str]:
    """The text of the page's `<h1>` elements, in order."""
    return [clean_space(h.text_content()) for h in tree.iter("h1")]


def head_title(tree: HtmlElement) -> str | None:
    element = tree.find(".//head//title")
    return clean_space(element.text_content()) if element is not None else None


def byline_search(tree: HtmlElement) -> str | None:
    """trafilatura's byline search of the page (its `extract_author`): the first element of
    its first author pattern that matches, else of the second, the third, outside the
    comments, dates and figures it discards, less the text of such parts inside it.

    The same answers (on 748 of 749 pages of WCXB dev) in one pass over the elements with
    the attributes it tests, without trafilatura's deep copy of the page and its regex
    XPaths: 11 ms a page instead of 35 (means, tune half, on an idle machine).
    """
    found: tuple[list, list, list] = ([], [], [])
    discarded = set()
    for element in _MARKED(tree):
        attributes = element.attrib
        if _is_discarded(element.tag, attributes):
            discarded.add(element)
        level = _author_level(element.tag, attributes)
        if level is not None:
            found[level].append(element)
    for candidates in found:
        for element in candidates:
            if element in discarded or any(a in discarded for a in element.iterancestors()):
                continue
            content = trim(" ".join(_kept_text(element, discarded)))
            if content and 2 < len(content) < 120:
                return normalize_authors(None, content)
    return None


# The elements either search can match: with one of the attributes it tests, or named so.
_MARKED = etree.XPath("//*[@class or @id or @itemprop or @rel or @data-testid"
                      " or @data-component] | //author | //time | //figure")
# trafilatura's AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS (trafilatura/xpaths.py), as tests.
_NAME_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_AUTHOR_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_ANY_AUTHOR_ID = re.compile(r"[Aa]uthor")
_ANY_AUTHOR_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram"
    r"|article-(?:share|support)|print|category|meta-date|meta-reviewer")


def _author_level(tag: str, attributes) -> int | None:
    """Which of trafilatura's three author patterns (0, 1, 2) an element matches first."""
    ident, cls = attributes.get("id"), attributes.get("class")
    itemprop = attributes.get("itemprop")
    if tag == "author" or tag in ("a", "address", "div", "link", "p", "span", "strong") and (
            attributes.get("rel") == "author" or ident == "author" or cls == "author"
            or itemprop == "author name"
            or attributes.get("data-testid") in ("AuthorCard", "AuthorURL")
            or (cls is not None and _NAME_CLASS.search(cls))):
        return 0
    if tag in ("a", "div", "h3", "h4", "p", "span") and (
            cls in ("byline", "username", "byl", "BBL") or (itemprop and "author" in itemprop)
            or (ident is not None and _AUTHOR_ID.search(ident))
            or (cls is not None and _AUTHOR_CLASS.search(cls))):
        return 1
    if ("Byline" in attributes.get("data-component", "") or (itemprop and "author" in itemprop)
            or (ident is not None and _ANY_AUTHOR_ID.search(ident))
            or (cls is not None and _ANY_AUTHOR_CLASS.search(cls))):
        return 2
    return None


def _is_discarded(tag: str, attributes) -> bool:
    if tag in ("time", "figure"):
        return True
    if tag not in ("a", "div", "section", "span"):
        return False
    ident, cls = attributes.get("id"), attributes.get("class")
    return (ident == "comments" or cls in ("comments", "title", "date")
            or (ident is not None and bool(_DISCARD_ID.search(ident)))
            or (cls is not None and bool(_DISCARD_CLASS.search(cls)))
            or "Figure" in attributes.get("data-component", ""))


def _kept_text(element: HtmlElement, discarded: set) -> list[str]:
    """The text pieces of `element` as `itertext` gives them, less discarded parts (whose
    tails stay, as trafilatura's pruning keeps them)."""
    pieces = [element.text] if element.text and isinstance(element.tag, str) else []
    for child in element:
        if child not in discarded:
            pieces.extend(_kept_text(child, discarded))
        if child.tail:
            pieces.append(child.tail)
    return pieces


# Where the names of a visible byline end: a separator, a date or time, "on <date>".
_NAMES_END = re.compile(r"\s*(?:[·|•—–/@(]|\s-\s|\d|\b(?:on|am|le|el|il|em|at)\s).*$")
_NOT_TEXT = frozenset({"script", "style", "title", "noscript", "option", "textarea", "head"})
# A visible byline is a short line: longer, it is a sentence that starts with "By".
_BYLINE_MAX_CHARS = 100


def visible_byline(tree: HtmlElement) -> str | None:
    """The names of the first visible byline on the page: an element whose text starts with
    "By", "Written by:", "Von", "Par", "Por"... and whose line names a person (or one
    user name), as the page prints it above or below the story.

    >>> import lxml.html
    >>> visible_byline(lxml.html.fromstring('<div><p>By the end of the week it rained.</p>'
    ...     '<p>Written by: <a href="/a">Jane Doe</a> · Dec 3, 2025</p></div>'))
    'Jane Doe'
    """
    opener = byline_opener()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        if not element.text or not opener.match(element.text):
            continue
        line = clean_space(" ".join(element.itertext()))
        start = opener.match(line)
        if start is None or len(line) > _BYLINE_MAX_CHARS:
            continue
        linked = [clean_space(a.text_content()) for a in element.iter("a")]
        if len(linked) > 1 and all(looks_like_person(n) for n in linked):
            return "; ".join(linked)  # "By <a>Jane Doe</a> <a>John Roe</a>": one name a link
        people, _ = split_authors(_NAMES_END.sub("", line[start.end():]))
        if people and all(looks_like_person(n) for n in people):
            return "; ".join(people)
    return None


def page_authors(declared: str | None, tree: HtmlElement, names: tuple[str, ...],
                 ) -> tuple[tuple[str, ...], str | None]:
    """(authors, the first organisation named as an author): from the declared authors;
    when the markup declares none, from trafilatura's byline search of the page, else from
    its visible byline ("By Jane Doe"). On the tune half of WCXB dev, with the visible
    byline 0.672 of authors are right, 0.656 without; before trafilatura's search, 0.667.
    """
    people, outlets = split_authors(declared or "", names)
    searches = (byline_search, visible_byline) if not declared else ()
    for search in searches:
        if people:
            break
        people, more = split_authors(search(tree) or "", names)
        outlets = outlets or more
    return tuple(people), outlets[0] if outlets else None


def page_metadata(tree: HtmlElement, url: str | None) -> dict:
    """Title, authors, date, publisher and description from the page's markup."""
    meta = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on broken JSON
        meta = extract_meta_json(tree, meta)
    sitename = clean_space((meta.sitename or extract_sitename(tree) or "").lstrip("@"))
    names = site_names(sitename, url)
    authors, outlet = page_authors(meta.author, tree, names)
    title = choose_title(meta.title or head_title(tree), page_headings(tree), names)
    description, glued_date = split_glued_date(clean_space(meta.description or ""))
    return {
        "title": title or None,
        "authors": authors,
        "date": page_date(tree, url) or glued_date,
        "publisher": sitename or outlet or None,
        "description": description or None,
    }
