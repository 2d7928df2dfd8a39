"""Which name a page's markup gives is its author: collective bylines, labelled starters."""

from __future__ import annotations

import lxml.html

from cleaner.html_metadata import page_metadata

URL = "https://www.example-news.com/blog/rain"


def page(head: str, body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_a_collective_byline_is_the_author_when_the_page_names_no_person():
    tree = page('<meta name="author" content="Acme Editorial Team">'
                '<meta property="og:site_name" content="Acme">',
                "<h1>Rain at last</h1><p>By Acme Editorial Team</p><p>It rained.</p>")
    found = page_metadata(tree, URL)
    assert found["authors"] == ("Acme Editorial Team",)
    assert found["publisher"] == "Acme"


def test_a_person_beats_a_collective_byline_and_an_outlet_is_no_author():
    tree = page('<meta name="author" content="Acme Team">',
                "<h1>Rain at last</h1><p>By Jane Doe</p><p>It rained.</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)
    tree = page('<meta name="author" content="Acme Media GmbH">', "<h1>Rain</h1><p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ()


def test_a_forums_thread_starter_label_names_the_author_before_a_later_posts_microdata():
    tree = page("", '<h1>Which tent?</h1><ul><li><span class="sr-only">Thread starter</span>'
                ' <a href="/members/sean_g.8/" class="username">sean_g</a></li></ul>'
                '<article><div itemprop="author" itemscope><span itemprop="name">Jane Doe'
                '</span></div><p>Try the green one.</p></article>')
    assert page_metadata(tree, URL)["authors"] == ("sean_g",)


def test_a_declared_name_the_page_never_shows_gives_way_to_a_shown_author_class():
    tree = page('<meta name="author" content="John Roe">',
                '<h1>Rain at last</h1><div class="author-info"><img alt=""> <span>Jane Doe'
                '</span></div><p>It rained.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)
    tree = page('<meta name="author" content="John Roe">',
                '<h1>Rain at last</h1><div class="author-info"><span>Jane Doe</span></div>'
                '<p>It rained.</p><footer>Site by John Roe</footer>')
    assert page_metadata(tree, URL)["authors"] == ("John Roe",)


def test_a_collective_byline_loses_its_opener_and_a_sentence_is_none():
    tree = page('<meta name="author" content="By ACME NEWS STAFF">', "<h1>Rain</h1><p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ("ACME NEWS STAFF",)
    tree = page("", '<h1>Rain</h1><p>x</p><a href="/author/team/">Read more about The Acme'
                " Team</a>")
    assert page_metadata(tree, URL)["authors"] == ()


def test_a_forum_posts_user_name_link_is_the_author_only_when_nothing_else_names_one():
    # phpBB: "username-coloured" for a moderator, "username" for others (an exact "username"
    # class is one of trafilatura's byline searches already, which would give "J Doe").
    first_post = ('<h1>Which tent?</h1><div class="post"><dl class="postprofile"><dt><a href='
                  '"./memberlist.php?u=42" class="username-coloured">j.doe</a></dt></dl><div '
                  'class="content">Try the green one.</div></div><div class="post"><dt><a '
                  'class="username-coloured">mod_ann</a></dt></div>')
    assert page_metadata(page("", first_post), URL)["authors"] == ("j.doe",)
    declared = page('<meta name="author" content="Jane Doe">', first_post + "<p>Jane Doe</p>")
    assert page_metadata(declared, URL)["authors"] == ("Jane Doe",)


def test_a_byline_that_runs_on_into_its_date_ends_before_the_month():
    # trafilatura's normalization drops the digits and kept "November" as a name; it also
    # capitalizes a user name ("Jdoe").
    tree = page("", '<h1>Rain at last</h1><span class="author">jdoe November 26th, 2024'
                '</span><p>It rained.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jdoe",)


def test_scholar_citation_tags_written_family_name_first_are_one_person_each():
    tree = page('<meta name="citation_author" content="Doe, Jane M.">'
                '<meta name="citation_author" content="Roe, John">',
                "<h1>Rain at last</h1><p>Jane M. Doe and John Roe</p><p>It rained.</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane M. Doe", "John Roe")
