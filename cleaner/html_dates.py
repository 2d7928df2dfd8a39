"""The record's date from a page's markup: declared published, else shown by the headline,
else htmldate's search.

Measured by `bench/metadata.py` (WCXB dev, tune half; pages with a gold date): htmldate's
quick search alone 0.816, with its extensive search after it 0.849, the declared published
date first 0.852, then the date shown by the headline 0.870.
"""

from __future__ import annotations

import functools
import re

from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement

from cleaner.text.dates import find_dates
from cleaner.text.wordlists import words_of

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Where a page declares when it was published (not created, not modified).
_PUBLISHED = etree.XPath(
    '//meta[@property="article:published_time" or @name="article:published_time"'
    ' or @itemprop="datePublished" or @name="datePublished" or @property="og:published_time"'
    ' or @name="DC.date.issued" or @name="dcterms.issued"]/@content'
    ' | //*[@itemprop="datePublished"]/@datetime'
    ' | //script[@type="application/ld+json"]/text()')
_JSON_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})')
_LEADING_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])")

# The text shown around the headline: from a little before the first <h1> (a date above it)
# to well below it (a byline block, a forum question's "asked" line). Chosen on tune.
_BEFORE_HEADING = 50
_AFTER_HEADING = 1000
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title", "option",
                     "button", "select", "textarea"})
_LABEL_CHARS = 30


def declared_published(tree: HtmlElement) -> str | None:
    """The first published date the markup declares (`datePublished` in JSON-LD or
    microdata, `article:published_time`, Dublin Core's issued), ISO; never the created or
    modified date, which htmldate's quick search may take first.

    >>> import lxml.html
    >>> declared_published(lxml.html.fromstring('<html><head><meta itemprop="dateCreated" '
    ...     'content="2019-05-07"><meta property="article:published_time" '
    ...     'content="2015-10-12T19:16:00+02:00"></head><body><p>x</p></body></html>'))
    '2015-10-12'
    """
    for value in _PUBLISHED(tree):
        found = _JSON_PUBLISHED.search(value) or _LEADING_DATE.match(value)
        if found and "1995" <= found.group(1) <= "2100":
            return found.group(1)
    return None


def headline_text(tree: HtmlElement) -> str | None:
    """The page's shown text around its first `<h1>` with text: from a little before it to
    well below it (without scripts, styles, form controls); None when it has no heading.

    >>> import lxml.html
    >>> headline_text(lxml.html.fromstring('<html><body><p>Home</p><script>x=1</script><h1>'
    ...     'Rain <i>at</i> last</h1><p>By Jane Doe<!-- c --> today</p></body></html>'))
    'Home Rain at last By Jane Doe today'
    """
    body = tree.find(".//body")
    root = body if body is not None else tree
    heading = next((h for h in root.iter("h1") if h.text_content().strip()), None)
    if heading is None:
        return None
    before = " ".join(_shown_before(heading))
    inside = " ".join(_shown_in(heading))
    after = " ".join(_shown_after(heading))
    parts = (before[-_BEFORE_HEADING:], inside, after[:_AFTER_HEADING])
    return " ".join(part for part in parts if part)


def _shown_before(element: HtmlElement) -> list[str]:
    """The shown text just before `element`, at least `_BEFORE_HEADING` characters of it
    where there are: its earlier siblings', then its ancestors' earlier siblings'."""
    found: list[str] = []
    for node in (element, *element.iterancestors()):
        parent = node.getparent()
        for sibling in node.itersiblings(preceding=True):
            found[:0] = [*_shown_last(sibling), *_words(sibling.tail)]
            if sum(map(len, found)) >= _BEFORE_HEADING:
                return found
        if parent is None or parent.tag in ("body", *_HIDDEN):
            break
        found[:0] = _words(parent.text)
    return found


def _shown_last(element: HtmlElement) -> list[str]:
    """The last `_BEFORE_HEADING` characters or more of `element`'s shown text (not its
    tail), in reading order: read from its end, so a long menu before the headline is not
    read whole.

    >>> import lxml.html
    >>> _shown_last(lxml.html.fromstring('<nav>' + '<a>Menu item</a>' * 200 + '<p>Home <b>'
    ...     'News</b> of the day, in brief and in full</p></nav>'))
    ['Menu item', 'Menu item', 'Home', 'News', 'of the day, in brief and in full']
    """
    found: list[str] = []
    size = 0
    stack: list[tuple[HtmlElement, str]] = [(element, "open")]  # turns: open, text, tail
    while stack and size < _BEFORE_HEADING:
        node, turn = stack.pop()
        if turn == "open":
            if isinstance(node.tag, str) and node.tag not in _HIDDEN:
                # popped last: its own text; first: its last child's tail, then that child
                stack.append((node, "text"))
                stack.extend((child, t) for child in node for t in ("open", "tail"))
            continue
        pieces = _words(node.tail) if turn == "tail" else _words(node.text) + _machine_date(node)
        found[:0] = pieces
        size += sum(map(len, pieces))
    return found


def _shown_after(element: HtmlElement) -> list[str]:
    """The shown text after `element`, about `_AFTER_HEADING` characters of it: its tail and
    later siblings', then its ancestors' tails and later siblings'."""
    found: list[str] = []
    size = 0
    for node in (element, *element.iterancestors()):
        if node.tag == "body":
            break
        for sibling in (None, *node.itersiblings()):
            pieces = _words(node.tail) if sibling is None else [
                *_shown_in(sibling, _AFTER_HEADING - size), *_words(sibling.tail)]
            found += pieces
            size += sum(map(len, pieces))
            if size >= _AFTER_HEADING:
                return found
    return found


def _words(text: str | None) -> list[str]:
    words = " ".join(text.split()) if text else ""
    return [words] if words else []


def _shown_in(element: HtmlElement, limit: int = _BEFORE_HEADING * 100) -> list[str]:
    """The shown text of `element` and its descendants (not its tail), in reading order,
    without scripts, styles and form controls; about `limit` characters at most."""
    found: list[str] = []
    size = 0
    stack: list[tuple[HtmlElement, bool]] = [(element, False)]  # (element, its tail's turn)
    while stack and size < limit:
        node, tail = stack.pop()
        if tail:
            pieces = _words(node.tail)
        elif not isinstance(node.tag, str) or node.tag in _HIDDEN:
            continue
        else:
            pieces = _words(node.text) + _machine_date(node)
            stack.extend((child, flag) for child in reversed(node) for flag in (True, False))
        found += pieces
        size += sum(map(len, pieces))
    return found


def _machine_date(node: HtmlElement) -> list[str]:
    """The date of a `<time>` whose shown text has none ("7 years ago", "Tuesday"): its
    `datetime`, as the reader's tooltip would show it.

    >>> import lxml.html
    >>> _machine_date(lxml.html.fromstring('<time datetime="2018-06-08 09:28Z">7 years ago</time>'))
    ['2018-06-08']
    >>> _machine_date(lxml.html.fromstring('<time datetime="2018-06-08">June 8, 2018</time>'))
    []
    """
    if node.tag != "time":
        return []
    found = _LEADING_DATE.match(node.get("datetime") or "")
    if found is None or find_dates(node.text_content()):
        return []
    return [found.group(1)]


@functools.cache
def _other() -> re.Pattern[str]:
    """A date that is not the page's: a forum member's join date (`other_labels` of
    `rules/words/dates.yaml`, just before it).

    >>> bool(_other().search("galitsyn Posts: 138 Joined: ")), bool(_other().search("Posted "))
    (True, False)
    """
    labels = "|".join(map(re.escape, sorted(words_of("dates", "other_labels"))))
    return re.compile(rf"\b(?:{labels})\W*$", re.IGNORECASE)


@functools.cache
def _changed() -> re.Pattern[str]:
    """A date that says when the page changed, not when it appeared: the words just before
    it (`rules/words/dates.yaml`).

    >>> bool(_changed().search("Mis à jour le")), bool(_changed().search("Published"))
    (True, False)
    """
    labels = "|".join(map(re.escape, sorted(words_of("dates", "changed_labels"))))
    prepositions = "|".join(map(re.escape, sorted(words_of("dates", "changed_prepositions"))))
    return re.compile(rf"(?:{labels})\W*(?:{prepositions})?\W*$", re.IGNORECASE)


def shown_dates(tree: HtmlElement) -> list[tuple[str, bool]]:
    """Each date shown by the headline, ISO, in page order, and whether it is shown as a
    change ("Updated ...", "Last updated: ...", "edited ..."); not a member's join date
    ("Joined: 4. Jul 2012").

    >>> import lxml.html
    >>> shown_dates(lxml.html.fromstring('<html><body><nav>Home</nav><h1>Rain at last</h1>'
    ...     '<p>By Jane Doe · Updated Dec 3, 2025 · Posted on <time>Dec 1, 2025</time></p>'
    ...     '</body></html>'))
    [('2025-12-03', True), ('2025-12-01', False)]
    """
    text = headline_text(tree) or ""
    labels = [(date, text[max(0, position - _LABEL_CHARS):position])
              for position, date in find_dates(text)]
    return [(date, bool(_changed().search(label))) for date, label in labels
            if not _other().search(label)]


def page_date(tree: HtmlElement, url: str | None) -> str | None:
    """The published date, ISO: the declared one, unless the headline shows a published
    date and not the declared one (the date the readers see wins, a change's never); else
    the first shown by the headline (a change's when it shows no other); else htmldate's
    quick search (published before modified), else its extensive search of the text.
    """
    declared = declared_published(tree)
    shown = shown_dates(tree)
    published = next((date for date, changed in shown if not changed), None)
    if declared and (published is None or any(date == declared for date, _ in shown)):
        return declared
    if shown:
        return published or shown[0][0]
    for extensive in (False, True):
        date = find_date(tree, url=url, extensive_search=extensive, original_date=True,
                         outputformat="%Y-%m-%d")
        if date and _ISO_DATE.match(date):
            return date
    return None
