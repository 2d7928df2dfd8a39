"""The page's JSON-LD: each `<script type="application/ld+json">` of a tree, read as JSON."""

from __future__ import annotations

import functools
import json
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree
    from lxml.html import HtmlElement


@functools.cache
def _scripts() -> etree.XPath:
    from lxml import etree  # only HTML mode reads JSON-LD: text mode imports no lxml

    return etree.XPath('//script[@type="application/ld+json"]/text()', smart_strings=False)


def json_ld_values(tree: HtmlElement, max_chars: int) -> Iterator[object]:
    """The value of each JSON-LD script of at most `max_chars` characters, in page order;
    broken ones, and ones nested deeper than Python recurses, are skipped.

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><head><script type="application/ld+json">'
    ...     '{"name": "A"}</script><script type="application/ld+json">{broken</script></head></html>')
    >>> list(json_ld_values(page, 1000))
    [{'name': 'A'}]
    """
    for script in _scripts()(tree):
        if len(script) > max_chars:
            continue
        try:
            yield json.loads(script)
        except (ValueError, RecursionError):
            continue


def json_ld_objects(data: object) -> list[dict]:
    """Every JSON object in a JSON-LD value (in `@graph`, lists and nested objects),
    outermost first.

    >>> [o["@type"] for o in json_ld_objects({"@graph": [{"@type": "Article",
    ...     "author": {"@type": "Person"}}], "@type": "WebPage"})]
    ['WebPage', 'Article', 'Person']
    """
    found, pending = [], deque([data])
    while pending:
        value = pending.popleft()
        if isinstance(value, dict):
            found.append(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return found
