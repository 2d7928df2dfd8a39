"""Page metadata from HTML: titles without the site's name, person authors, published dates."""

from __future__ import annotations

import lxml.html
import pytest
from trafilatura.metadata import extract_author

from cleaner.html_authors import byline_search
from cleaner.html_dates import declared_published
from cleaner.html_metadata import page_metadata

URL = "https://www.example-news.com/politik/bahn"


def page(head: str, body: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_site_name_leaves_the_title_and_org_authors_go_to_publisher():
    tree = page('<title>Neue Regeln für die Bahn | Beispielzeitung | 19.01.2020</title>'
                '<meta property="og:site_name" content="Beispielzeitung">'
                '<meta name="author" content="Beispielzeitung GmbH">',
                "<p>Die Bundesregierung hat am Montag neue Regeln beschlossen.</p>")
    found = page_metadata(tree, URL)
    assert found["title"] == "Neue Regeln für die Bahn"
    assert found["authors"] == ()
    assert found["publisher"] == "Beispielzeitung"


def test_h1_is_the_title_and_a_breadcrumb_never_is():
    tree = page("<title>Startseite &gt; Politik &gt; Bahn</title>",
                "<h1>Neue Regeln für die Bahn beschlossen</h1><p>Text.</p>")
    assert page_metadata(tree, URL)["title"] == "Neue Regeln für die Bahn beschlossen"


def test_declared_authors_are_split_between_people_and_trimmed():
    tree = page('<meta name="author" content=" Anna\xa0Schmidt und Peter Weber\t">', "<p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ("Anna Schmidt", "Peter Weber")


def test_byline_search_finds_an_undeclared_author():
    tree = page("", '<div class="byline">By Jane Doe, Staff Writer</div><p>Story text.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


@pytest.mark.parametrize("body", [
    '<span class="author-name">Jane Doe</span>',
    '<div class="comments"><span class="author">Troll</span></div><p class="byline">Jane Doe</p>',
    '<div class="post-author">Jane <time>3 May</time>Doe</div>',
    '<p>No byline here.</p>',
])
def test_byline_search_answers_as_trafilatura_does(body):
    tree = page("", body)
    assert byline_search(tree) == extract_author(tree)


def test_published_date_beats_created_and_modified():
    tree = page('<meta itemprop="dateCreated" content="2019-05-07">'
                '<meta property="article:modified_time" content="2021-01-01">'
                '<meta property="article:published_time" content="2015-10-12T19:16:00+02:00">',
                "<p>x</p>")
    assert declared_published(tree) == "2015-10-12"
    assert page_metadata(tree, URL)["date"] == "2015-10-12"


def test_a_date_glued_to_the_description_is_split_off():
    tree = page('<meta name="description" content="Will the economy see a recovery?Monday, 6 January 2020">',
                "<p>x</p>")
    found = page_metadata(tree, URL)
    assert found["description"] == "Will the economy see a recovery?"


def test_visible_byline_when_no_author_is_declared_nor_found_by_class():
    tree = page("", "<p>By the end of the week it rained.</p>"
                    '<p>Written by: <a href="/a">Jane Doe</a> · Dec 3, 2025</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_photo_credits_and_sentences_are_not_bylines():
    tree = page("", "<p>Photo by Jane Doe</p><p>By the end of the week, Jane Doe had left.</p>")
    assert page_metadata(tree, URL)["authors"] == ()


def test_linked_names_of_a_visible_byline_are_separate_authors():
    tree = page("", '<p>By <a href="/a">Jane Doe</a> <a href="/b">John Roe</a></p><p>Story.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe", "John Roe")


def test_record_fields_have_no_padding_tabs_or_no_break_spaces():
    from cleaner import clean

    html = ('<html><head><title>\t Neue\xa0Regeln  für die Bahn | Beispielzeitung </title>'
            '<meta property="og:site_name" content=" Beispiel\xa0zeitung\t">'
            '<meta name="author" content="\tAnna\xa0Schmidt ">'
            '<meta name="description" content=" Die\tRegierung\xa0beschließt. "></head><body>'
            '<article><h1> Neue\xa0Regeln für die Bahn </h1>'
            '<p>Die Bundesregierung hat am Montag neue Regeln für den Bahnverkehr beschlossen, '
            'die ab Juni gelten sollen. Das teilte das Ministerium in Berlin mit.</p>'
            '<p>Verbände begrüßten die Entscheidung, forderten aber mehr Geld für die Schiene '
            'und schnellere Verfahren beim Ausbau der Strecken.</p></article></body></html>')
    record = clean(html, url=URL, content_type="html")
    fields = [record.title, record.publisher, record.description, *record.authors]
    assert record.authors == ["Anna Schmidt"]
    for value in filter(None, fields):
        assert value == value.strip() and "\xa0" not in value and "\t" not in value, value


def test_a_page_without_main_content_keeps_the_fields_of_its_markup():
    from cleaner import clean

    html = ('<html><head><title>Best first telescope? - Astronomy Forum</title>'
            '<meta property="og:site_name" content="Astronomy Forum">'
            '<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
            '"headline": "Best first telescope?", "datePublished": "2025-02-20T10:00:00Z"}'
            '</script></head><body><div id="app"></div><script>render()</script></body></html>')
    record = clean(html, url="https://forum.example.org/t/1", content_type="html")
    assert record.text == ""
    assert (record.title, record.date) == ("Best first telescope?", "2025-02-20")


@pytest.mark.parametrize(("body", "date"), [
    # the date shown by the headline, not one in a sidebar's list further down
    ("<h1>Rain at last</h1><p>By Jane Doe · March 9, 2026</p><p>It rained.</p>"
     + "<p>Filler text of the story.</p>" * 40 + "<aside>Older: July 5, 2024</aside>",
     "2026-03-09"),
    # a date above the headline counts too
    ("<nav>Home</nav><span>Dec 12, 2025</span><h1>Rain at last</h1><p>It rained.</p>",
     "2025-12-12"),
    # a forum question: asked, then edited: the question's date
    (("<h1>How do I back up?</h1><div>edited Nov 28, 2014 at 10:00</div>"
     "<div>asked Oct 16, 2010 at 22:47</div>"), "2010-10-16"),
    # only a change is shown: that date rather than none
    ("<h1>Rain at last</h1><p>Last updated: December 31, 2024</p>", "2024-12-31"),
])
def test_the_date_shown_by_the_headline(body, date):
    assert page_metadata(page("", body), URL)["date"] == date


def test_a_declared_published_date_beats_the_shown_one():
    tree = page('<meta property="article:published_time" content="2017-04-03T08:00:00Z">',
                "<h1>Rain at last</h1><p>Updated February 12, 2026</p><p>It rained.</p>")
    assert page_metadata(tree, URL)["date"] == "2017-04-03"


def test_json_ld_authors_in_a_graph_by_reference_when_meta_names_only_the_outlet():
    tree = page('<meta name="author" content="Example News">'
                '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                '"author": [{"@id": "#jane"}, {"@type": "Person", "name": "John Roe"}]}, '
                '{"@type": "Person", "@id": "#jane", "name": "Jane Doe"}]}</script>',
                "<p>Story.</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe", "John Roe")


def test_a_forum_posts_author_from_json_ld_or_microdata_keeps_its_user_name():
    ld = page('<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
              '"headline": "Help", "author": {"@type": "Person", "name": "sean_g42"}}</script>',
              "<p>Question.</p>")
    micro = page("", '<div itemprop="author" itemscope><meta itemprop="name" content="JonB">'
                     '<span>Offline</span></div><p>Question.</p>')
    assert page_metadata(ld, URL)["authors"] == ("sean_g42",)
    assert page_metadata(micro, URL)["authors"] == ("JonB",)


@pytest.mark.parametrize("body", [
    '<h1>Rain</h1><div><span>By</span><span>Jane Doe</span></div><p>Story.</p>',
    '<h1>Rain</h1><div><p>Written by</p><p>Jane Doe</p></div><p>Story.</p>',
    '<h1>Rain</h1><div><h3>Author</h3><p> Jane Doe</p></div><p>Story.</p>',
])
def test_a_byline_opener_alone_names_the_author_in_the_next_element(body):
    assert page_metadata(page("", body), URL)["authors"] == ("Jane Doe",)


def test_a_link_to_an_authors_page_names_the_author():
    tree = page("", '<nav><a href="/authors/">Our authors</a></nav><h1>Rain</h1>'
                    '<div><a href="/authors/jane-doe">Jane Doe</a></div><p>Story.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_the_byline_below_the_headline_beats_a_menus_by():
    tree = page("", '<nav><a href="/x">Browse By Use Case</a></nav><aside><p>by Jane Roe</p>'
                    '</aside><h1>Rain</h1><p>by <a href="/author/amanda/">Amanda</a> · Dec 20'
                    '</p><p>Story.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Amanda",)


def test_an_seo_plugins_written_by_label_names_the_author():
    tree = page('<meta name="twitter:label1" content="Written by">'
                '<meta name="twitter:data1" content="Jane Doe">', "<p>Story.</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_a_user_names_digits_stay():
    tree = page('<meta name="author" content="jdoe777">', "<p>Story.</p>")
    assert page_metadata(tree, URL)["authors"] == ("jdoe777",)


def test_an_authors_label_over_a_list_of_linked_names():
    tree = page("", '<h1>Lessons</h1><div><h6>Author(s)</h6><ul><li><a href="/l?a=1">Jane A. Doe'
                    '</a></li><li><a href="/l?a=2">John B. Roe</a></li></ul></div><p>Story.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Jane A. Doe", "John B. Roe")


def test_the_author_of_a_book_a_page_reviews_is_not_the_pages():
    tree = page('<script type="application/ld+json">{"@type": "WebPage", "about": {"@type": '
                '"Book", "name": "Rain", "author": {"@type": "Person", "name": "Ann Writer"}}}'
                '</script>', "<p>Story.</p>")
    assert page_metadata(tree, URL)["authors"] == ()


def test_an_accessible_author_label_names_a_posts_user():
    tree = page("", '<h1>Best laptop?</h1><a aria-label="Author: Delirium_77" href="/user/d">'
                    'u/Delirium_77</a><p>Question.</p>')
    assert page_metadata(tree, URL)["authors"] == ("Delirium_77",)


def test_the_text_by_the_headline_of_a_huge_or_deep_page_is_read_quickly():
    import time

    from cleaner.html_dates import shown_dates

    huge = page("", "<div><p>x</p></div>" * 20000 + "<h1>Rain</h1><p>May 3, 2024</p>"
                + "<p>y</p>" * 20000)
    deep = page("", "<h1>Rain</h1>" + "<div>" * 200 + "May 4, 2024" + "</div>" * 200)
    start = time.perf_counter()
    assert shown_dates(huge) == [("2024-05-03", False)]
    assert shown_dates(deep) == [("2024-05-04", False)]
    assert time.perf_counter() - start < 2


def test_a_published_date_shown_by_the_headline_beats_a_declared_one_it_does_not_show():
    tree = page('<meta property="article:published_time" content="2012-09-12T08:00:00Z">',
                '<h1>Rain at last</h1><p>By Jane Doe · <time>September 8, 2021</time></p>')
    assert page_metadata(tree, URL)["date"] == "2021-09-08"


def test_a_declared_date_the_headline_shows_stays_before_other_shown_dates():
    tree = page('<meta property="article:published_time" content="2021-09-08T08:00:00Z">',
                '<h1>Rain at last</h1><p>Reviewed March 1, 2024 · Posted September 8, 2021</p>')
    assert page_metadata(tree, URL)["date"] == "2021-09-08"


def test_the_byline_a_description_opens_with_names_the_author():
    tree = page('<meta name="description" content="This post was written by Jane Doe, MD, '
                'a surgeon. Diet is one of the pillars of health.">', "<p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_an_author_box_names_the_author_but_not_a_posts_author_class():
    box = ('<h1>Rain</h1><p>It rained.</p><div class="blog_author-wrapper"><img alt="">'
           '<div class="text-small">Jane Doe</div><p>Jane Doe writes about the weather '
           'for a living.</p></div>')
    assert page_metadata(page("", box), URL)["authors"] == ("Jane Doe",)
    from cleaner.html_author_boxes import author_box

    post = '<article class="post author-jane-doe"><h2>Shop All Food Colors</h2></article>'
    assert author_box(page("", post)) is None


def test_the_json_ld_articles_persons_beat_the_merged_meta_list():
    tree = page('<meta name="author" content="jdoe42">'
                '<script type="application/ld+json">{"@type": "Article", "author": '
                '{"@type": "Person", "name": "Jane Doe, MS, RD"}}</script>', "<p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


@pytest.mark.parametrize("declared", ["Jane Doe; Ph. D.", "Jane Doe; MS", "Jane Doe; Sr"])
def test_a_degree_in_a_declared_list_is_no_name(declared):
    tree = page(f'<meta name="author" content="{declared}">', "<p>x</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_a_visible_byline_beats_a_declared_name_the_page_does_not_show():
    shown = '<h1>Rain at last</h1><p>By John Roe</p><p>It rained.</p>'
    tree = page('<meta name="author" content="Jane Doe">', shown)
    assert page_metadata(tree, URL)["authors"] == ("John Roe",)
    also = page('<meta name="author" content="Jane Doe">', shown + "<p>Edited by Jane Doe</p>")
    assert page_metadata(also, URL)["authors"] == ("Jane Doe",)


def test_a_declared_author_that_is_the_sites_name_gives_way_to_the_visible_byline():
    tree = page('<meta name="author" content="Example Trees">',
                '<h1>Rain</h1><p>by Jane Doe · May 2, 2025</p><footer>Example Trees</footer>')
    assert page_metadata(tree, "https://www.exampletrees.org/a")["authors"] == ("Jane Doe",)


def test_a_byline_label_then_an_avatar_then_the_name():
    tree = page("", '<h1>Rain</h1><div><span>Written by:</span><picture><img src="a.jpg">'
                    '</picture><span class="name">Jane Doe</span></div>')
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_a_dated_line_under_the_headline_opened_by_a_name_and_a_role():
    tree = page("", "<h1>Rain</h1><p>Jane Doe | Senior Writer | July 2, 2025</p><p>It rained.</p>")
    assert page_metadata(tree, URL)["authors"] == ("Jane Doe",)


def test_a_time_whose_text_shows_no_date_gives_its_datetime():
    tree = page("", '<h1>How do I wait?</h1><p>Asked <time datetime="2018-06-08 09:28:03Z">'
                    '7 years ago</time></p><p>Modified 5 years ago</p>')
    assert page_metadata(tree, URL)["date"] == "2018-06-08"


def test_a_members_join_date_is_not_the_pages():
    tree = page("", "<h1>VirtualBox 7.1 released</h1><p>jdoe Posts: 138 Joined: 4. Jul 2012"
                    "</p><p>Post by jdoe » 11. Sep 2024, 18:36</p>")
    assert page_metadata(tree, URL)["date"] == "2024-09-11"
