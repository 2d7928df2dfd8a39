"""cleaner.html_cards: the largest run of look-alike siblings of a page."""

from __future__ import annotations

import lxml.html

from cleaner.html_cards import repeated_cards

_CARD = ("<div class='card wide'><h3>Story title number {0} here</h3>"
         "<p>A short teaser of story {0}.</p></div>")
_MENU = "<ul>" + "".join(f"<li class='m'><a>Link {n}</a></li>" for n in range(12)) + "</ul>"


def _page(body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{body}</body></html>")


def test_the_cards_of_a_listing_are_found_one_line_per_block():
    page = _page(_MENU + "<main>" + "".join(_CARD.format(n) for n in range(5)) + "</main>")
    found = repeated_cards(page, 4, 6)
    assert len(found.texts) == 5
    assert found.texts[2] == "Story title number 2 here\nA short teaser of story 2."
    assert found.words == 5 * 11


def test_a_menu_of_short_links_is_no_cards():
    assert repeated_cards(_page(_MENU), 4, 6).texts == ()


def test_cards_inside_navigation_or_footer_are_skipped():
    cards = "".join(_CARD.format(n) for n in range(5))
    assert repeated_cards(_page(f"<nav>{cards}</nav><footer>{cards}</footer>"), 4, 6).words == 0


def test_too_few_siblings_are_no_run():
    assert repeated_cards(_page("".join(_CARD.format(n) for n in range(3))), 4, 6).texts == ()


def test_text_after_a_comment_or_a_script_counts():
    item = "<div class='c'>one two three<!-- x --> four five six<script>var a;</script>!</div>"
    found = repeated_cards(_page(item * 4), 4, 6)
    assert found.words == 4 * 7
    assert found.texts[0] == "one two three four five six!"
