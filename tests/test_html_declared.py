"""cleaner.html_declared: what a page says about itself in its markup."""

from __future__ import annotations

import lxml.html
import pytest

from cleaner.html_declared import declares_article, json_ld_article_body


def _page(head: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{head}</head><body><p>x</p></body></html>")


def _ld(value: str) -> str:
    return f'<script type="application/ld+json">{value}</script>'


@pytest.mark.parametrize("head", [
    '<meta property="og:type" content="Article">',
    _ld('{"@type": "NewsArticle"}'),
    _ld('{"@graph": [{"@type": "WebPage"}, {"@type": ["Thing", "BlogPosting"]}]}'),
])
def test_an_article_is_declared_by_og_type_or_json_ld(head):
    assert declares_article(_page(head))


@pytest.mark.parametrize("head", [
    '<meta property="og:type" content="website">',
    _ld('{"@type": "ItemList", "itemListElement": [{"@type": "ListItem"}]}'),
    _ld('{broken'),
    "",
])
def test_other_pages_declare_no_article(head):
    assert not declares_article(_page(head))


def test_the_longest_declared_article_body_is_read_and_a_non_string_one_skipped():
    head = _ld('[{"articleBody": "short"}, {"articleBody": ["a", "list"]},'
               ' {"@graph": [{"articleBody": " the longer body "}]}]')
    assert json_ld_article_body(_page(head)) == "the longer body"
