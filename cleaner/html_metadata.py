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

from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_meta_json,
    extract_sitename,
)

from cleaner.html_authors import citation_authors
from cleaner.html_dates import page_date
from cleaner.html_page_authors import page_authors
from cleaner.text.dates import split_glued_date
from cleaner.text.names import clean_space
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


def page_metadata(tree: HtmlElement, url: str | None) -> dict:
    """Title, authors, date, publisher and description from the page's markup."""
    meta = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader fails on broken JSON
        meta = extract_meta_json(tree, meta)
    sitename = clean_space((meta.sitename or extract_sitename(tree) or "").lstrip("@"))
    names = site_names(sitename, url)
    authors, outlet = page_authors(citation_authors(tree) or meta.author, tree, names)
    title = choose_title(meta.title or head_title(tree), page_headings(tree), names)
    description, glued_date = split_glued_date(clean_space(meta.description or ""))
    return {
        "title": title or None,
        "authors": authors,
        "date": page_date(tree, url) or glued_date,
        "publisher": sitename or outlet or None,
        "description": description or None,
    }
