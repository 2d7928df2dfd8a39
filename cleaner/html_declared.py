"""What a page declares about itself: its article's body (JSON-LD `articleBody`) and
whether it is an article at all (`og:type`, JSON-LD `@type`).

The extract stage trusts these over its guesses: a declared body replaces an extraction
that kept little of it, and a declared article keeps trafilatura's text against the
page's repeated cards unless those hold far more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cleaner.json_ld import json_ld_objects, json_ld_values

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# A JSON-LD script longer than this is skipped unread: real ones are a few kB, an
# articleBody included, and parsing a built one of many MB would cost more than the page.
_MAX_JSON_LD_CHARS = 2_000_000


def json_ld_article_body(tree: HtmlElement) -> str:
    """The longest `articleBody` the page declares in its JSON-LD, or ""."""
    best = ""
    for data in json_ld_values(tree, _MAX_JSON_LD_CHARS):
        for body in _declared(data, "articleBody"):
            best = body if isinstance(body, str) and len(body) > len(best) else best
    return best.strip()


# schema.org types of an article (https://schema.org/Article and its common subtypes).
_ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle",
                            "opinionnewsarticle", "analysisnewsarticle", "liveblogposting",
                            "scholarlyarticle", "techarticle", "report"})


def declares_article(tree: HtmlElement) -> bool:
    """Whether the page says it is an article: `og:type` "article", or a JSON-LD `@type`."""
    og_types = tree.xpath('//meta[@property="og:type"]/@content')
    if any(value.strip().lower() == "article" for value in og_types):
        return True
    return any(isinstance(name, str) and name.lower() in _ARTICLE_TYPES
               for data in json_ld_values(tree, _MAX_JSON_LD_CHARS)
               for declared in _declared(data, "@type")
               for name in (declared if isinstance(declared, list) else [declared]))


def _declared(data: object, key: str) -> list:
    """Every value of `key` that is a string or a list, in a JSON-LD value's objects."""
    return [o[key] for o in json_ld_objects(data) if isinstance(o.get(key), (str, list))]
