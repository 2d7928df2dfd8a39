"""extract: the main content of an HTML page, with trafilatura (justext as the fallback).

The adapter is the only place that knows these libraries: it passes HTML as a string (never
a URL, so nothing is fetched), turns comments off, and maps their metadata to ours.
"""

from __future__ import annotations

import contextlib
import re

import justext
import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import load_html

from cleaner.document import Document
from cleaner.pipeline import Stage, register
from cleaner.text.words import _STOPLIST_NAMES

_HTML_LANG = re.compile(r"<html[^>]{0,300}?\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def extract_with_trafilatura(html: str, url: str | None, include_tables: bool,
                             favor: str, fast: bool) -> dict | None:
    """trafilatura's text and our record's metadata, or None when it finds no main content."""
    tree = load_html(html)
    if tree is None:
        return None
    found = page_metadata(tree, url)  # first: extraction prunes the tree
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=include_tables,
        favor_precision=favor == "precision", favor_recall=favor == "recall",
        fast=fast, with_metadata=False, deduplicate=False)
    if result is None or not (result.text or "").strip():
        return None
    return {"text": result.text, **found}


def page_metadata(tree: HtmlElement, url: str | None) -> dict:
    """Title, authors, date, publisher and description from the page's markup.

    The fields the record needs, from trafilatura's own metadata functions, without the
    category, tag and license searches of its `extract_metadata` (fields the record does
    not have) and without its search of the whole DOM for bylines, which took 7 ms on a
    quarter of the benchmark's pages: authors come from meta tags and JSON-LD here, and
    from a byline line in the text (rule meta.byline).
    """
    meta = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on broken JSON
        meta = extract_meta_json(tree, meta)
    title = meta.title or extract_title(tree)
    author = meta.author
    date = find_date(tree, url=url, extensive_search=False, original_date=True,
                     outputformat="%Y-%m-%d")
    sitename = (meta.sitename or extract_sitename(tree) or "").lstrip("@")
    return {
        "title": title or None,
        "authors": tuple(a.strip() for a in (author or "").split(";") if a.strip()),
        "date": date if date and _ISO_DATE.match(date) else None,
        "publisher": sitename or None,
        "description": meta.description or None,
    }


def extract_with_justext(html: str) -> str:
    """The good paragraphs by justext, with the stoplist of the page's declared language."""
    declared = _HTML_LANG.search(html[:5000])
    name = _STOPLIST_NAMES.get(declared.group(1).lower() if declared else "en", "English")
    paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist(name),
                                 encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


@register
class Extract(Stage):
    name = "extract"
    requires = frozenset({"text"})
    provides = frozenset({"extracted"})

    def __call__(self, doc: Document) -> Document:
        if doc.content_type != "html":
            return doc
        settings = self.config.extract
        html = doc.text or ""
        found = extract_with_trafilatura(html, doc.url, settings.include_tables, settings.favor,
                                         settings.fast)
        if found is None:
            text = extract_with_justext(html) if settings.justext_fallback else ""
            return doc.evolve(text=text)
        text = found.pop("text")
        description = found["description"]
        if description and description[:80] in text:
            found["description"] = None  # the standfirst is already the first paragraph
        return doc.evolve(text=text, meta=doc.meta.merge(**found))
