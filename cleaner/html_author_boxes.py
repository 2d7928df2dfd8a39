"""More places a page names its author, for `cleaner.html_authors`' searches: labelled
meta tags, accessible labels, the byline the description opens with, the author box, a
forum's user-name link.

Measured by `bench/metadata.py` (WCXB dev, tune half, 366 pages with a gold author): the
description's byline and the author box, 4 more right, none wrong that was right; the forum
user-name link as the last search, 1 more right, no other page changed (as the fourth
search, before the meta tags' microdata: 3 forum pages lost the right author to a later
post's user name).
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from cleaner.text.dates import find_dates
from cleaner.text.names import (
    byline_opener,
    clean_space,
    looks_like_person,
    split_authors,
    trim_name,
)
from cleaner.text.wordlists import wordlist

# The tags whose text is not shown, and the longest visible byline (as `html_authors`).
_NOT_TEXT = frozenset({"script", "style", "title", "noscript", "option", "textarea", "head"})
_BYLINE_MAX_CHARS = 100
# Where a byline's names end: a separator, a digit (a date), an "on" before a date.
_NAMES_END = re.compile(r"\s*(?:[·|•—–/@(]|\s-\s|\d).*$")


_DESCRIPTIONS = etree.XPath('//meta[@name="description" or @property="og:description"]'
                           '/@content')
# "This post was written by Jane Doe, MD, ...": a sentence that names the author first.
_WRITTEN_BY = re.compile(r"^(?:this|the)\s+(?:post|article|story|piece|blog)\s+(?:was|is)\s+",
                         re.IGNORECASE)


def description_byline(tree: HtmlElement) -> str | None:
    """The names of a byline the page's description opens with, up to its first line break,
    dateline or sentence end ("By Jane Doe\n\nRAJSHAHI, Dec 20 (BSS) - ...", "This post was
    written by Jane Doe, MD, gastroenterologist. Diet is ...").

    >>> import lxml.html
    >>> description_byline(lxml.html.fromstring('<html><head><meta name="description" '
    ...     'content="By Jane Doe&#10;&#10;LONDON, Dec 20 - Rain fell."></head></html>'))
    'Jane Doe'
    >>> description_byline(lxml.html.fromstring('<html><head><meta name="description" '
    ...     'content="By the end of the week it rained."></head></html>') ) is None
    True
    """
    for description in _DESCRIPTIONS(tree):
        first = re.split(r"\n|(?<=[a-z]{2})\.\s", description.strip(), maxsplit=1)[0]
        first = _WRITTEN_BY.sub("", clean_space(first))
        start = byline_opener().match(first)
        if start is None or len(first) > _BYLINE_MAX_CHARS:
            continue
        people, _ = split_authors(_NAMES_END.sub("", first[start.end():]))
        if people and all(looks_like_person(n) for n in people):
            return "; ".join(people)
    return None


# An author box: a class with the word "author", alone or with a part's name after it
# ("author-box", "blog_author-wrapper", "post__author-name"), not a post's "author-jane-doe".
_AUTHOR_CLASSES = etree.XPath('//body//*[contains(translate(@class, "AUTHOR", "author"),'
                              ' "author")]')
_AUTHOR_BOX_CLASS = re.compile(
    r"^(?:\w+[-_])?authors?(?:[-_]+(?:box|card|name|info|bio|block|wrapper|wrap|text|details"
    r"|profile|meta|main|content|container|section|area))*(?:__\w{5,8})?$", re.IGNORECASE)
_NAME_CHARS = 60
# The longest label text tested against `starter_labels` (they are two words).
_LABEL_CHARS = 30


def author_box(tree: HtmlElement) -> str | None:
    """The person named by the first short line of the page's first author box or card
    (class "author-box", "post-author", "author-card"...): its own text, or a child's.

    >>> import lxml.html
    >>> author_box(lxml.html.fromstring('<div><div class="author-box"><img alt="">'
    ...     '<h4 class="author-box__name">Jane Doe (Editor)</h4><p>Jane Doe writes on food '
    ...     'and has for years.</p></div></div>'))
    'Jane Doe'
    >>> author_box(lxml.html.fromstring('<div><article class="post author-jane-doe">'
    ...     '<h2>Shop All Food Colors</h2></article></div>')) is None
    True
    """
    box = next((element for element in _AUTHOR_CLASSES(tree)
                if any(map(_AUTHOR_BOX_CLASS.match, element.get("class", "").split()))), None)
    for element in box.iter() if box is not None else ():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        line = clean_space(element.text_content())
        if not line or len(line) > _NAME_CHARS or byline_opener().match(line):
            continue
        people, _ = split_authors(re.sub(r"\s*\(.*?\)", "", line))
        if len(people) == 1 and looks_like_person(people[0]):
            return people[0]
    return None


# A forum post's poster: the user-name link forum software writes (phpBB, XenForo, vBulletin).
_USERNAME_LINKS = etree.XPath(
    '//body//a[contains(concat(" ", normalize-space(@class), " "), " username ")'
    ' or contains(concat(" ", normalize-space(@class), " "), " username-coloured ")]')


def forum_username(tree: HtmlElement) -> str | None:
    """The first post's user name, from the link forum software gives the class "username"
    ("username-coloured" for a moderator): the thread's starter, read first.

    >>> import lxml.html
    >>> forum_username(lxml.html.fromstring('<div><dl class="postprofile"><dt><a href='
    ...     '"./memberlist.php?u=4" class="username">j.doe</a></dt></dl><p>Hello</p></div>'))
    'j.doe'
    """
    for link in _USERNAME_LINKS(tree):
        name = clean_space(link.text_content())
        if 0 < len(name) <= _NAME_CHARS:
            return name
    return None


_ARIA_LABELS = etree.XPath('//body//*[@aria-label]')


def aria_author(tree: HtmlElement) -> str | None:
    """The name in the first accessible label that opens like a byline ("Author: jdoe").

    >>> import lxml.html
    >>> aria_author(lxml.html.fromstring('<div><a aria-label="Share">s</a>'
    ...     '<a aria-label="Author: jdoe" href="/user/jdoe">jdoe</a></div>'))
    'jdoe'
    """
    for element in _ARIA_LABELS(tree):
        label = clean_space(element.get("aria-label") or "")
        found = byline_opener().match(label)
        if found and found.end() < len(label) <= _BYLINE_MAX_CHARS:
            return label[found.end():]
    return None


_LABELS = etree.XPath('//meta[starts-with(@name, "twitter:label")]')


def labelled_author(tree: HtmlElement) -> str | None:
    """The value of a labelled meta tag whose label opens a byline, as SEO plugins write
    it: `twitter:label1` "Written by", `twitter:data1` the name.

    >>> import lxml.html
    >>> labelled_author(lxml.html.fromstring('<html><head><meta name="twitter:label1" '
    ...     'content="Written by"><meta name="twitter:data1" content="Jane Doe"></head></html>'))
    'Jane Doe'
    """
    for label in _LABELS(tree):
        text = clean_space(label.get("content") or "")
        found = byline_opener().match(text)
        if found and found.end() == len(text):
            name = label.get("name", "").replace("twitter:label", "twitter:data", 1)
            for data in tree.iter("meta"):
                if data.get("name") == name and data.get("content"):
                    return clean_space(data.get("content"))
    return None


_AFTER_HEADING = etree.XPath("following::*[position() <= 40]")
_BYLINE_PARTS = re.compile(r"\s*[|·•]\s*")


def headline_byline(tree: HtmlElement) -> str | None:
    """The person that opens the first dated line after the page's `<h1>`, a byline
    without "By": the name in an element of its own ("<a>Jane Doe</a> August 23, 2023"), or
    followed by a role ("Jane Doe | Senior Writer | July 2, 2025"). Only the first line
    with a date is read.

    >>> import lxml.html
    >>> headline_byline(lxml.html.fromstring('<div><h1>Rain</h1><p>Jane Doe | Senior Writer'
    ...     ' | July 2, 2025</p><p>It rained.</p></div>'))
    'Jane Doe'
    >>> headline_byline(lxml.html.fromstring('<div><h1>Rain</h1><p>Home Garden Guide July 2,'
    ...     ' 2025</p></div>')) is None
    True
    """
    heading = next((h for h in tree.iter("h1") if h.text_content().strip()), None)
    for element in _AFTER_HEADING(heading) if heading is not None else ():
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            continue
        line = clean_space(element.text_content())
        dates = find_dates(line) if len(line) <= _BYLINE_MAX_CHARS else []
        if dates:
            name, *rest = _BYLINE_PARTS.split(line[:dates[0][0]].strip(" ,|·•-–—"))
            people, _ = split_authors(name)
            alone = any(clean_space(e.text_content()) == name for e in element.iter()
                        if e is not element and isinstance(e.tag, str))
            role = bool(rest) and not trim_name(rest[0])
            named = people == [name] and looks_like_person(name) and len(name.split()) <= 3
            return name if named and (alone or role) else None
    return None


def starter_label(tree: HtmlElement) -> str | None:
    """The user name right after a forum's label for who started the thread ("Thread
    starter", `starter_labels` of `rules/words/names.yaml`), in the label's tail or the
    next element with text.

    >>> import lxml.html
    >>> starter_label(lxml.html.fromstring('<ul><li><span>Thread starter</span> '
    ...     '<a href="/members/jdoe.1/">jdoe_42</a></li><li>Start date Dec 1</li></ul>'))
    'jdoe_42'
    """
    labels = frozenset(wordlist("names")["starter_labels"])
    for element in tree.iter():
        text = element.text if isinstance(element.tag, str) else None
        if not text or len(text) > _LABEL_CHARS or clean_space(text).casefold() not in labels:
            continue
        name = clean_space(element.tail or "")
        following = element.getnext()
        while not name and following is not None:
            name = clean_space(following.text_content()) if following.tag not in _NOT_TEXT else ""
            following = following.getnext()
        if 0 < len(name) <= _NAME_CHARS:
            return name
    return None
