"""The repeated cards of a page: the items of a listing, the sections of a service page.

trafilatura looks for one article. On a listing, a shop's category or a page made of
sections, the content is a run of siblings cut from one pattern (the same tag and class),
each a heading and a few lines, and trafilatura keeps little of it: their links and short
lines read as navigation. `repeated_cards` finds the largest such run of siblings, outside
navigation, headers, footers, asides and forms, whose items hold a few words each (menus
hold one or two), and returns the text of each item, one line per block.

It reads the tree without changing it, and counts every element's words once.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # text mode imports no lxml
    from lxml.html import HtmlElement

# Elements whose text is not the page's content (or not shown).
_SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer",
                      "aside", "form", "select", "button", "svg", "head"})
# A class or id that names a comment thread (trafilatura leaves comments out on purpose).
_COMMENTS = re.compile(r"comment|repl(?:y|ies)", re.IGNORECASE)
# Elements that start a line of their own.
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                     "article", "section", "br", "tr", "dd", "dt", "figcaption", "blockquote",
                     "table"})


@dataclass(frozen=True)
class Cards:
    """The items of the largest run of look-alike siblings, and their words."""

    texts: tuple[str, ...] = ()
    words: int = 0


def _signature(element: HtmlElement) -> tuple[str, str]:
    """What makes siblings look alike: their tag and their first class."""
    classes = (element.get("class") or "").split()
    return element.tag, classes[0] if classes else ""


def _comment_thread(parent: HtmlElement, item: HtmlElement) -> bool:
    """Whether the run's parent or its first item is named as comments or replies."""
    return any(_COMMENTS.search(f"{e.get('class') or ''} {e.get('id') or ''}")
               for e in (parent, item))


def _shown(element: HtmlElement) -> Iterator[HtmlElement]:
    """The children of `element` that are elements and not skipped."""
    return (child for child in element
            if isinstance(child.tag, str) and child.tag not in _SKIPPED)


def _count_words(root: HtmlElement) -> dict[HtmlElement, int]:
    """Words of the shown text of every element under `root` (skipped ones count none),
    bottom-up in one pass."""
    words: dict[HtmlElement, int] = {}
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        element, done = stack.pop()
        if not done:
            stack.append((element, True))
            stack.extend((child, False) for child in _shown(element))
            continue
        total = len(element.text.split()) if element.text else 0
        for child in element:  # a comment's or skipped element's tail is shown too
            total += words.get(child, 0) + (len(child.tail.split()) if child.tail else 0)
        words[element] = total
    return words


def _lines(element: HtmlElement) -> str:
    """The shown text of `element`, a line for each block, blank lines dropped."""
    parts: list[str] = []
    stack: list[HtmlElement | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        block = item.tag in _BLOCKS
        parts.append("\n" if block else "")
        parts.append(item.text or "")
        pending: list[HtmlElement | str] = ["\n" if block else ""]
        for child in reversed(list(item)):
            pending.append(child.tail or "")
            if isinstance(child.tag, str) and child.tag not in _SKIPPED:
                pending.append(child)
        stack.extend(pending)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def repeated_cards(tree: HtmlElement, min_items: int, min_mean_words: float) -> Cards:
    """The largest run (in words) of at least `min_items` siblings with one signature whose
    items hold `min_mean_words` words on average, and that is not a comment thread; no
    cards when there is none.

    >>> import lxml.html
    >>> item = "<div class='c'><h3>Title number {0}</h3><p>a short text about it</p></div>"
    >>> page = lxml.html.fromstring("<html><body><nav><a>Home</a></nav><main>"
    ...     + "".join(item.format(n) for n in range(4)) + "</main></body></html>")
    >>> found = repeated_cards(page, 4, 6)
    >>> found.words, found.texts[0]
    (32, 'Title number 0\\na short text about it')
    """
    body = tree.find("body")
    words = _count_words(body if body is not None else tree)
    best: list[HtmlElement] = []
    best_words = 0
    for parent in words:
        if len(parent) < min_items:
            continue
        groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for child in _shown(parent):
            groups[_signature(child)].append(child)
        for group in groups.values():
            total = sum(words[child] for child in group)
            if (len(group) >= min_items and total >= min_mean_words * len(group)
                    and total > best_words and not _comment_thread(parent, group[0])):
                best, best_words = group, total
    texts = tuple(text for text in map(_lines, best) if text)
    return Cards(texts, best_words)


def share_held(text: str, cards: str) -> float:
    """The share of `text`'s words (case folded, counted with repeats) that `cards` holds too;
    1.0 for a text without words.

    >>> share_held("One two three four", "two FOUR five")
    0.5
    """
    words = Counter(text.casefold().split())
    if not words:
        return 1.0
    return sum((words & Counter(cards.casefold().split())).values()) / sum(words.values())
