"""provenance: a whole page of text is told from an extractor's output and from clean text."""

from __future__ import annotations

from cleaner.api import clean
from cleaner.config import Config
from cleaner.document import Block, Document, Metadata
from cleaner.pipeline import pipeline_for

MENU = ["Home", "News", "World", "Business", "Sport", "Culture", "Weather", "Travel",
        "Opinion", "Video", "Podcasts", "Sign in", "Subscribe", "Search", "Skip to content",
        "Menu", "Newsletters", "Careers", "Contact us", "Privacy policy", "Terms of use",
        "Cookie settings"]
STORY = [("The city council voted on Tuesday to expand the bus network to the northern "
         "suburbs, a plan that residents have debated for more than three years."),
         "Under the plan, four new routes will connect the suburbs with the central station."]


def provenance_of(lines: list[str], config: Config | None = None) -> str:
    stage = pipeline_for(config).stage("provenance")
    blocks = tuple(Block(line, i) for i, line in enumerate(lines))
    return stage(Document("\n".join(lines), "text", blocks=blocks,
                          meta=Metadata(language="en"))).provenance


def test_a_page_with_menus_at_both_edges_is_a_whole_page():
    assert provenance_of(MENU[:12] + STORY + MENU[12:]) == "page"


def test_what_a_menu_line_is_is_a_setting():
    # 16 of the 22 menu lines are one word: under `page_min_menu_lines` (20) with that bound.
    config = Config.from_dict({"chrome": {"page_menu_item_max_words": 1}})
    assert provenance_of(MENU[:12] + STORY + MENU[12:], config) == "unknown"


def test_an_article_is_not_a_whole_page():
    assert provenance_of(["Bus network grows", *STORY]) == "unknown"


def test_a_list_without_chrome_at_its_edges_is_not_a_whole_page():
    products = [f"Blue kettle {n}" for n in range(30)]
    config = Config.from_dict({"chrome": {"page_min_edge_chrome": 2}})
    assert provenance_of(products + STORY, config) == "unknown"


def test_html_is_extractor_output():
    page = ("<html><body><nav><a href='/'>Home</a></nav><article><h1>Buses</h1><p>"
            + " ".join(STORY) + "</p></article></body></html>")
    record = clean(page, content_type="html")
    assert "page.story-span" not in {edit.rule for edit in record.edits}


SECTIONS = ["Gardening tips", "Local heroes", "Our region", "Readers' letters", "Crosswords"]
LONG_STORY = [line * 2 for line in STORY]


def test_the_story_span_cuts_only_whole_pages():
    page = "\n".join(MENU[:12] + LONG_STORY + SECTIONS + MENU[12:])
    assert "page.story-span" in {e.rule for e in clean(page, content_type="text").edits}
    article = "\n".join(["Bus network grows", *STORY, "Home", "News"])
    assert "page.story-span" not in {e.rule for e in clean(article, content_type="text").edits}


def test_text_with_its_links_on_lines_of_their_own_is_not_a_whole_page():
    # Clean documentation whose inline links and code words were put on lines of their own:
    # the short lines continue a sentence, so they are not menu items.
    sentence = ["The", "Session", "object lets you persist cookies across requests, using",
                "urllib3", "’s connection pooling, as the", "Quickstart", "shows.", "See",
                "Cookies", ", and", "Sessions", "."]
    lines = MENU[:3] + sentence * 4 + ["Privacy policy", "Terms of use", "Cookie settings"]
    assert provenance_of(lines) == "unknown"
    numbers = [str(n) for n in range(40)]
    assert provenance_of(MENU[:3] + numbers + STORY + MENU[-3:]) == "unknown"
