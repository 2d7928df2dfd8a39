"""extract: our parse of a page is trafilatura's `load_html`, only faster."""

from __future__ import annotations

import lxml.html
import pytest
from lxml import etree
from trafilatura.utils import load_html

from cleaner import Config, clean
from cleaner.document import Document
from cleaner.stages.extract import fallback_text, load_page
from tests.stages.documents import P1, P2, P3, run_stage

BODY = "<body><h1>Budget</h1><p>The council approved the budget on Monday.</p></body>"
ACCENTS = BODY.replace("Monday", "lundi, à Zürich 中文")
CONTROLS = BODY.replace("budget", "bud\x00get\x0b\x1f")  # characters load_html removes
NONCHARACTERS = BODY.replace("budget", "budget\ufffe\uffff")
XHTML_DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')  # a slash: repaired
PAGES = [
    f"<!DOCTYPE html>\n<html lang='en'><head><title>T</title></head>{BODY}</html>",
    f"<html><head><meta charset='utf-8'></head>{ACCENTS}</html>",
    f"<html>{CONTROLS}</html>",
    f"<html>{NONCHARACTERS}</html>",
    f"{XHTML_DOCTYPE}\n<html>{BODY}</html>",
    f'<html lang="en"/>\n<head></head>{BODY}',
    f'<?xml version="1.0" encoding="utf-8"?>\n<html>{BODY}</html>',
    "<p>only a paragraph</p>",
    "<div><p>one</p><p>two</p></div>",
    "just text, no markup at all",
    "",
    "\x00\x01",
]


@pytest.mark.parametrize("page", PAGES)
def test_load_page_gives_the_tree_load_html_gives(page):
    ours, theirs = load_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)


def test_the_declared_article_body_replaces_an_extraction_that_kept_little_of_it():
    body = " ".join(f"Sentence number {n} of the long declared article body goes here."
                    for n in range(60))
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", '
          f'"articleBody": "{body}"}}]}}')
    teaser = " ".join(["Only a teaser of the story is in the markup of this page."] * 8)
    page = (f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
            f"<article><p>{teaser}</p></article></body></html>")
    assert clean(page, content_type="html").text.startswith("Sentence number 0 of the long")
    off = Config.from_dict({"extract": {"json_ld_fallback": False}})
    assert clean(page, content_type="html", config=off).text.startswith("Only a teaser")


def test_the_stage_keeps_the_article_of_a_page_and_its_title():
    page = ("<html><head><title>Bridge opens</title></head><body><nav>Home News</nav>"
            f"<article><h1>Bridge opens</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"
            "<footer>Contact us</footer></body></html>")
    doc = run_stage("extract", Document(source=page, content_type="html", text=page))
    assert doc.text == f"Bridge opens\n{P1}\n{P2}\n{P3}"
    assert (doc.provenance, doc.meta.title) == ("extracted", "Bridge opens")
    text = Document(source="Home\nNews", content_type="text", text="Home\nNews")
    assert run_stage("extract", text) is text  # text is never extracted


def test_the_cards_of_a_listing_replace_an_extraction_that_kept_little_of_them():
    cards = "".join(f"<div class='item'><h2><a href='/s{n}'>Headline of the story number {n}"
                    f"</a></h2><p>Teaser {n}: what happened, where, and who said it.</p></div>"
                    for n in range(8))
    page = (f"<html><body><h1>Latest news</h1><div class='list'>{cards}</div>"
            "</body></html>")
    doc = run_stage("extract", Document(source=page, content_type="html", text=page))
    assert doc.text.splitlines()[:2] == ["Headline of the story number 0",
                                         "Teaser 0: what happened, where, and who said it."]
    assert len(doc.text.splitlines()) == 16
    off = Config.from_dict({"extract": {"cards_fallback": False}})
    kept = run_stage("extract", Document(source=page, content_type="html", text=page), off)
    assert "Headline of the story number 7" not in kept.text


def test_an_article_with_a_few_related_cards_keeps_its_text():
    related = "".join(f"<div class='rel'><h3>Related story number {n} about it</h3></div>"
                      for n in range(4))
    page = (f"<html><body><article><h1>Bridge opens</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
            f"</article><div>{related}</div></body></html>")
    doc = run_stage("extract", Document(source=page, content_type="html", text=page))
    assert doc.text.startswith("Bridge opens")


def test_a_declared_article_keeps_its_text_against_cards_unless_they_hold_far_more():
    cards = "".join(f"<div class='item'><h3>Another story number {n} on the site</h3>"
                    f"<p>Teaser {n}: what happened, where, and who said it.</p></div>"
                    for n in range(16))  # 16 x 16 words: four times the article's
    article = f"{P1}\n{P3}"
    page = "<html><head>{}</head><body><div class='more'>" + cards + "</div></body></html>"
    settings = Config().extract
    for head, kept in (('<meta property="og:type" content="article">', True), ("", False)):
        tree = lxml.html.fromstring(page.format(head))
        text = fallback_text(article, "", tree, 1000, settings)
        assert (text == article) is kept
        assert text.startswith("Another story number 0") is not kept


def test_cards_never_replace_a_long_text_they_leave_out():
    columns = "".join(f"<div class='col'><h4>Section {n}</h4><ul>"
                      + "".join(f"<li><a href='/s{n}/{m}'>Topic {n}.{m} of the site</a></li>"
                                for m in range(8))
                      + "</ul></div>" for n in range(6))  # a menu's columns: 6 x 42 words
    tree = lxml.html.fromstring(f"<html><body><div class='menu'>{columns}</div></body></html>")
    settings = Config().extract
    long_story = "\n".join([P1, P2, P3] * 4)
    assert len(long_story.split()) >= settings.cards_keep_words
    assert fallback_text(long_story, "", tree, 2000, settings) == long_story
    short = P1  # what a listing's extraction keeps: little, and the cards are the page
    assert fallback_text(short, "", tree, 2000, settings).startswith("Section 0")


def test_a_description_that_opens_the_text_is_dropped_as_set():
    # The description's first 80 characters (`description_in_text_chars`) are the text's
    # first paragraph: the standfirst, not a field of its own; its end differs.
    description = P1[:100] + " and more."
    page = (f'<html><head><title>Talks</title><meta name="description" content="{description}">'
            f"</head><body><article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></body></html>")
    assert clean(page, content_type="html").description is None
    config = Config.from_dict({"extract": {"description_in_text_chars": 200}})
    assert clean(page, content_type="html", config=config).description == description


class _Extraction:
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.mark.parametrize(("fast_words", "share", "modes", "kept"), [
    (30, 0.2, [True], "fast"),  # 30 of 100 visible words: the fast text stands
    (10, 0.2, [True, False], "standard"),  # 10 of 100: the standard mode decides
    (0, 0.2, [True, False], "standard"),  # nothing found fast: the standard mode's rescue
    (30, 0.0, [False], "standard"),  # 0: the standard mode only
])
def test_the_fast_mode_runs_first_and_the_standard_one_when_it_kept_little(
        monkeypatch, fast_words, share, modes, kept):
    import trafilatura

    from cleaner.stages.extract import trafilatura_text
    from cleaner.stages.extract_settings import ExtractSettings

    runs = []

    def fake(tree, *, fast, **options):
        runs.append(fast)
        return _Extraction(" ".join(["fast"] * fast_words) if fast else "standard words")

    monkeypatch.setattr(trafilatura, "bare_extraction", fake)
    settings = ExtractSettings(fast_first_min_share=share)
    text = trafilatura_text(lxml.html.fromstring("<p>x</p>"), None, 100, settings)
    assert runs == modes
    assert text.split()[0] == kept


def test_fast_mode_alone_never_runs_the_standard_one(monkeypatch):
    import trafilatura

    from cleaner.stages.extract import trafilatura_text
    from cleaner.stages.extract_settings import ExtractSettings

    runs = []
    monkeypatch.setattr(trafilatura, "bare_extraction",
                        lambda tree, *, fast, **options: runs.append(fast) or _Extraction(""))
    assert trafilatura_text(lxml.html.fromstring("<p>x</p>"), None, 100,
                            ExtractSettings(fast=True)) == ""
    assert runs == [True]
