"""The record's authors from a page's markup, where its meta tags declare no person.

In turn: the authors of its JSON-LD article (lists, `@graph`, references by `@id`);
microdata (`itemprop=author` and the `itemprop=name` inside it); trafilatura's byline
search (`byline_search`, its `extract_author` in one pass); the page's visible byline ("By
Jane Doe", or "Written by" and the name in the next element); a link to an author's page.
Every answer goes through `cleaner.text.names.split_authors`: person names only.

Measured by `bench/metadata.py` (WCXB dev, tune half; pages with a gold author).
"""

from __future__ import annotations

import functools
import re

from lxml import etree
from lxml.html import HtmlElement
from trafilatura.json_metadata import normalize_authors
from trafilatura.utils import trim

from cleaner.html_author_boxes import (
    aria_author,
    author_box,
    description_byline,
    forum_username,
    headline_byline,
    labelled_author,
    starter_label,
)
from cleaner.json_ld import json_ld_objects, json_ld_values
from cleaner.text.dates import find_dates
from cleaner.text.names import (
    byline_opener,
    clean_space,
    is_post_nominal,
    looks_like_person,
    split_authors,
)
from cleaner.text.wordlists import wordlist


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
                names = before_date(content)
                return with_digits(normalize_authors(None, names) or "", names)
    return None


def before_date(byline: str) -> str:
    """A byline up to the date it runs on into: trafilatura's normalization drops the digits
    and would leave the month as a name ("Acme November" of "Acme November 26th, 2024").

    >>> before_date("Jane Doe November 26th, 2024"), before_date("Jane Doe")
    ('Jane Doe', 'Jane Doe')
    """
    dates = find_dates(byline)
    return byline[:dates[0][0]].strip() if dates and dates[0][0] > 0 else byline


def with_digits(names: str, raw: str) -> str:
    """trafilatura's normalized names with the user names it took digits from given back
    ("JWoodguy13" not "JWoodguy").

    >>> with_digits("Jwoodguy; Jane Doe", "by JWoodguy13 and Jane Doe")
    'JWoodguy13; Jane Doe'
    """
    users = {re.sub(r"\d", "", token).casefold(): token for token in re.findall(r"\w+", raw)
             if any(c.isdigit() for c in token) and any(c.isalpha() for c in token)}
    return "; ".join(users.get(name.casefold(), name) for name in names.split("; ") if name)


_CITATION_AUTHORS = etree.XPath('//meta[@name="citation_author"]/@content')
# "Doe, Jane M.": a family name (with its particles), a comma, given names or initials.
_FAMILY_FIRST = re.compile(r"^((?:[^\W\d_][\w'’-]*\s)*?[^\W\d_][\w'’-]*),\s*"
                           r"((?:[^\W\d_][\w'’-]*\.?\s?){1,3})$")


def citation_authors(tree: HtmlElement) -> str | None:
    """The authors of the page's `citation_author` meta tags (Google Scholar's: one author a
    tag, often written "Family, Given"), given name first and joined by "; ", so that a
    list of names does not read "Doe" and "Jane" as two. "Jane Doe, M.D." stays as it is.

    >>> import lxml.html
    >>> citation_authors(lxml.html.fromstring('<html><head><meta name="citation_author" '
    ...     'content="Berger, Emery D."><meta name="citation_author" content="van der Berg, '
    ...     'Jan"><meta name="citation_author" content="Jane Doe, M.D."></head></html>'))
    'Emery D. Berger; Jan van der Berg; Jane Doe, M.D.'
    """
    names = []
    for value in map(clean_space, _CITATION_AUTHORS(tree)):
        found = _FAMILY_FIRST.match(value)
        given = found.group(2).strip() if found else ""
        if given and not is_post_nominal(given):
            value = f"{given} {found.group(1)}"
        names.append(value)
    return "; ".join(names) or None


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


@functools.cache
def _names_end() -> re.Pattern[str]:
    """Where the names of a visible byline end: a separator, a date or time, "on <date>"
    (the prepositions are `date_prepositions` of `rules/words/names.yaml`)."""
    words = "|".join(map(re.escape, wordlist("names")["date_prepositions"]))
    return re.compile(rf"\s*(?:[·|•—–/@(]|\s-\s|\d|\b(?:{words})\s).*$")


_NOT_TEXT = frozenset({"script", "style", "title", "noscript", "option", "textarea", "head"})
# A visible byline is a short line: longer, it is a sentence that starts with "By".
_BYLINE_MAX_CHARS = 100


def visible_byline(tree: HtmlElement) -> str | None:
    """The names of the first visible byline from the headline on (then before it): an
    element whose text starts with "By", "Written by:", "Von", "Par", "Por"... and whose
    line names people, or one user name linked to an author's page.

    >>> import lxml.html
    >>> visible_byline(lxml.html.fromstring('<div><p>By the end of the week it rained.</p>'
    ...     '<p>Written by: <a href="/a">Jane Doe</a> · Dec 3, 2025</p></div>'))
    'Jane Doe'
    >>> visible_byline(lxml.html.fromstring('<div><nav><a>Browse By Use Case</a></nav><h1>Rain'
    ...     '</h1><p>by <a href="/author/amanda/">Amanda</a> · Dec 20, 2025</p></div>'))
    'Amanda'
    """
    for element in _byline_candidates(tree):
        line = clean_space(" ".join(element.itertext()))
        start = byline_opener().match(line)
        if start is None or len(line) > _BYLINE_MAX_CHARS:
            continue
        if start.end() == len(line):  # "<span>By</span><span>Jane Doe</span>"
            after, following = _next_shown(element)
            line, element = f"{line} {after}", following if following is not None else element
        linked = [clean_space(a.text_content()) for a in element.iter("a")]
        if len(linked) > 1 and all(looks_like_person(n) for n in linked):
            return "; ".join(linked)  # "By <a>Jane Doe</a> <a>John Roe</a>": one name a link
        people, _ = split_authors(_names_end().sub("", line[start.end():]))
        if people and all(looks_like_person(n) for n in people):
            return "; ".join(people)
        if len(people) == 1 and people[0] in _author_pages(element):
            return people[0]
    return None


def _byline_candidates(tree: HtmlElement) -> list[HtmlElement]:
    """The elements whose own text starts with a byline opener: from the first `<h1>` on,
    then those before it (a menu's "By Use Case")."""
    opener, first_words = byline_opener(), _opener_first_words()
    found, heading = [], None
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        if element.tag == "h1" and heading is None:
            heading = len(found)
        text = element.text
        if text and _first_word(text) in first_words and opener.match(text):
            found.append(element)
    return found if heading is None else found[heading:] + found[:heading]


@functools.cache
def _opener_first_words() -> frozenset[str]:
    """The first words of the byline openers: a cheap test before the opener's pattern."""
    return frozenset(_first_word(p) for p in wordlist("names")["byline_openers"])


def _first_word(text: str) -> str:
    """The first word of `text`, lower case, up to a space, a colon or a parenthesis.

    >>> _first_word("  Written by: Jane"), _first_word("Author(s): Jane"), _first_word("By:")
    ('written', 'author', 'by')
    """
    words = text[:40].split(None, 1)
    return words[0].split(":", 1)[0].split("(", 1)[0].casefold() if words else ""


def _next_shown(element: HtmlElement) -> tuple[str, HtmlElement | None]:
    """The text shown right after `element` (its tail, else its next sibling's text, else
    its parent's next sibling's; at most a byline's length), and the element it is in. An
    avatar between the label and the name (a `<picture>`, an `<img>`: no text) is passed.

    >>> import lxml.html
    >>> _next_shown(lxml.html.fromstring('<div><span>By:</span><picture><img src="a.jpg">'
    ...     '</picture><span>Jane Doe</span></div>')[0])[0]
    'Jane Doe'
    """
    for current in (element, element.getparent()):
        if current is None:
            break
        if current.tail and current.tail.strip():
            return clean_space(current.tail)[:_BYLINE_MAX_CHARS], None
        following = current.getnext()
        while following is not None and (not isinstance(following.tag, str) or (
                following.tag not in _NOT_TEXT and not following.text_content().strip()
                and not (following.tail or "").strip())):
            following = following.getnext()
        if following is not None and following.tag not in _NOT_TEXT:
            return clean_space(following.text_content())[:_BYLINE_MAX_CHARS], following
    return "", None


_MAX_JSON_LD_CHARS = 1_000_000
# Things a page's JSON-LD mentions that are not the page's own text: a book it reviews, a
# product, a reader's comment or answer, each with authors of its own.
_OTHER_WORKS = frozenset({"Book", "Product", "Movie", "Review", "Comment", "Answer", "Course",
                          "Event", "SoftwareApplication", "MusicRecording", "Quotation"})


def json_ld_authors(tree: HtmlElement) -> str | None:
    """The author names of the first thing in the page's JSON-LD that has authors (an
    article, a forum post...), in a list or in `@graph`, given or referred to by `@id`.

    >>> import lxml.html
    >>> json_ld_authors(lxml.html.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"@graph": [{"@type": "Article", "author": [{"@id": "#p1"}, {"name": "John Roe"}]},'
    ...     ' {"@id": "#p1", "@type": "Person", "name": "Jane Doe"}]}</script></head></html>'))
    'Jane Doe; John Roe'
    """
    for data in json_ld_values(tree, _MAX_JSON_LD_CHARS):
        objects = json_ld_objects(data)
        by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and o.get("name")}
        for thing in objects:
            if _OTHER_WORKS.intersection(_as_list(thing.get("@type"))):
                continue
            names = [_name(a, by_id) for a in _as_list(thing.get("author"))]
            if any(names):
                return "; ".join(n for n in names if n)
    return None


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


def _name(author: object, by_id: dict[str, dict]) -> str:
    if isinstance(author, str):
        return clean_space(author)
    if not isinstance(author, dict):
        return ""
    if not author.get("name") and isinstance(author.get("@id"), str):
        author = by_id.get(author["@id"], author)
    name = author.get("name")
    return clean_space(name) if isinstance(name, str) else ""


_MICRODATA_AUTHOR = etree.XPath('//*[contains(concat(" ", normalize-space(@itemprop), " "),'
                                ' " author ")]')


def microdata_authors(tree: HtmlElement) -> str | None:
    """The `itemprop=name` inside the first `itemprop=author` that has one (its `content`
    or its text), else that element's own short text.

    >>> import lxml.html
    >>> microdata_authors(lxml.html.fromstring('<div><div itemprop="author" itemscope>'
    ...     '<meta itemprop="name" content="julian"><span>2 posts</span></div></div>'))
    'julian'
    """
    for author in _MICRODATA_AUTHOR(tree):
        for element in author.iter():
            if isinstance(element.tag, str) and element.get("itemprop") == "name":
                name = clean_space(element.get("content") or element.text_content())
                if name:
                    return name
        text = clean_space(author.get("content") or author.text_content())
        if 2 < len(text) < _BYLINE_MAX_CHARS:
            return text
    return None


@functools.cache
def _author_link() -> etree.XPath:
    """Links to an author's page (`author_paths` of `rules/words/names.yaml`)."""
    steps = " or ".join(f'contains(@href, "/{step}/")' for step in wordlist("names")["author_paths"])
    return etree.XPath(f"//body//a[{steps}]")


@functools.cache
def _author_page() -> re.Pattern[str]:
    return re.compile("/(?:" + "|".join(map(re.escape, wordlist("names")["author_paths"])) + ")/")


def _author_pages(element: HtmlElement) -> list[str]:
    """The texts of the links to an author's page inside `element`."""
    return [clean_space(a.text_content()) for a in element.iter("a")
            if _author_page().search(a.get("href") or "")]


def author_link(tree: HtmlElement) -> str | None:
    """The text of the first link to an author's page ("/author/jane-doe") that names a
    person.

    >>> import lxml.html
    >>> author_link(lxml.html.fromstring('<div><a href="/author/">All authors</a>'
    ...     '<a href="/authors/jane-doe">Jane Doe</a></div>'))
    'Jane Doe'
    """
    for link in _author_link()(tree):
        text = clean_space(link.text_content())
        if looks_like_person(text):
            return text
    return None


# Where authors are looked for when the meta tags declare no person, in turn (read by
# `cleaner.html_page_authors`).
SEARCHES = (labelled_author, json_ld_authors, starter_label, microdata_authors, aria_author,
            byline_search, visible_byline, description_byline, author_link, author_box,
            headline_byline, forum_username)
