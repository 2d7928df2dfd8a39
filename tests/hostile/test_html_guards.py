"""The HTML guards of the extract stage: limits checked before parsing, parser give-ups after."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Config, InputError, clean
from cleaner.config import LimitsSettings
from cleaner.stages.extract import crowded_tag

# Pieces of markup where a tokenizer can go wrong: quotes, comment ends, raw text elements,
# self-closing tags, tag names with odd characters.
MARKUP_PIECES = ["<", ">", "/", "=", '"', "'", " ", "\n", "\t", "\x0c", "\r", "\x00", "\u00a0",
                 "a", "b", "x=", "y='", 'z="', "<a", "<b ", "</", "<!--", "-->", "--!>", "<!-->",
                 "<!--->", "<!", "<?", "<![CDATA[", "]]>", "<!DOCTYPE", "<script", "<script/>",
                 "</script>", "<SCRIPT>", "<style>", "</style>", "<title>", "</title>",
                 "<textarea/ >", "<plaintext>", "<noscript>", "<svg>", "<xmp>", "<iframe>",
                 "</noembed/>", "&", "-", "!"]
PARSER = lxml.html.HTMLParser()


def most_attributes_lxml(html: str) -> int:
    """The most attributes any element has once lxml has parsed `html`."""
    tree = lxml.html.document_fromstring(html, parser=PARSER)
    return max((len(e.attrib) for e in tree.iter() if isinstance(e.tag, str)), default=0)


@settings(max_examples=2_000, deadline=None)
@given(body=st.lists(st.sampled_from(MARKUP_PIECES), min_size=1, max_size=40).map("".join),
       limit=st.integers(0, 3))
def test_no_tag_lxml_parses_has_more_attributes_than_the_guard_saw(body, limit):
    """The guard reads markup as libxml2 does (HTML5 tokenization), or more of it as markup:
    never does lxml build an element with more attributes than `crowded_tag` allows."""
    html = f"<html><body>{body}</body></html>"
    if crowded_tag(html, limit) is None:
        assert most_attributes_lxml(html) <= limit


@pytest.mark.parametrize("html", [
    '<div a=">" b c>',                      # a quoted ">" does not end the tag
    "<p title='<script>'><div a b c>",      # nor does a quoted "<script>" start raw text
    "<script/><div a b c>",                 # libxml2 starts no raw text after "<script/>"
    "<!-- x --!><div a b c>",               # "--!>" ends a comment
    "<!--><div a b c>-->",                  # so does "<!-->"
    '<div a="x"b="y"c>',                    # attributes need no space after a quoted value
])
def test_crowded_tags_are_found_however_they_hide(html):
    assert crowded_tag(html, 2) is not None


@pytest.mark.parametrize("html", [
    "<script>if (a<b c d e) {}</script>",   # raw text is not markup
    "<!-- <div a b c> -->",
    "<textarea><div a b c></textarea>",
    '<div a="1 2 3 4 5">',
])
def test_markup_lxml_does_not_parse_as_tags_is_not_counted(html):
    assert crowded_tag(html, 2) is None


def test_guards_name_the_limit_that_refused_the_page():
    limits = LimitsSettings(max_html_tags=50, max_html_attributes=3, max_html_depth=5)
    config = Config(limits=limits)
    story = "<p>The council approved the new budget on Monday after a long debate.</p>"
    pages = {
        "limits.max_html_tags": "<br>" * 60 + story,
        "limits.max_html_attributes": "<div a b c d>" + story + "</div>",
        "limits.max_html_depth": "<div>" * 6 + story + "</div>" * 6,
    }
    for limit, body in pages.items():
        with pytest.raises(InputError, match=limit):
            clean(f"<html><body>{body}</body></html>", content_type="html", config=config)
    record = clean(f"<html><body>{'<div>' * 2}{story}</body></html>", content_type="html",
                   config=config)
    assert "budget" in record.text


def test_what_the_parser_gives_up_on_is_refused_not_cut():
    """libxml2 stops at 256 levels (and at 10 MB of text) and drops the rest of the page:
    that is an InputError, not a record with half a story."""
    page = "<html><body>" + "<div>" * 300 + "<p>lost</p></body></html>"
    with pytest.raises(InputError, match="HTML parser stopped at line 1: Excessive depth"):
        clean(page, content_type="html")


def test_an_html_document_with_nothing_in_it_is_an_empty_record():
    for page in ("", "   ", "<!-- only a comment -->"):
        assert clean(page, content_type="html").text == ""
