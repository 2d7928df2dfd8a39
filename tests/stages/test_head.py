"""head: the head of the cleaned story is decided, so that cleaning again changes nothing."""

from __future__ import annotations

from cleaner import clean
from tests.stages.documents import P1, P2, P3, body, removed


def twice(text: str) -> tuple[str, str]:
    once = clean(text, content_type="text").text
    return once, clean(once, content_type="text").text


def test_a_headline_under_the_title_is_the_description():
    title = "Ministers meet in Beijing to discuss trade and security"
    dek = "Trade talks will continue in Moscow next month"
    record = clean(body(title, dek, P1, P2, P3), content_type="text")
    assert (record.title, record.description) == (title, dek)
    assert record.text == body(P1, P2, P3)
    assert {e.rule for e in record.edits} == {"metadata.title", "metadata.subtitle"}


def test_every_unrelated_headline_above_the_story_goes():
    tickers = ["Live: Floods leave thousands homeless in coastal villages",
               "Markets close higher as oil prices rebound"]
    record = clean(body(*tickers, P1, P2, P3), content_type="text")
    assert record.text == body(P1, P2, P3)
    assert {removed(record)[t] for t in tickers} == {"inserted.unrelated-headline"}


def test_a_credit_that_chrome_brought_to_the_top_moves_to_metadata():
    disclosure = "If you buy something through our links, we may earn an affiliate commission."
    record = clean(body(disclosure, f"(Reuters) — {P1}", P2, P3), content_type="text")
    assert record.text == body(P1, P2, P3)
    assert "Reuters" in record.agencies
    assert [e.stage for e in record.edits if e.action == "to_metadata"] == ["head"]


def test_text_without_a_story_keeps_its_headlines():
    lines = ["Floods leave thousands homeless in coastal villages",
             "Markets close higher as oil prices rebound"]
    assert clean(body(*lines), content_type="text").text == body(*lines)


def test_cleaning_the_cleaned_head_again_changes_nothing():
    head = ["Live: Floods leave thousands homeless in coastal villages",
            "Ministers meet in Beijing to discuss trade and security",
            "Trade talks will continue in Moscow next month",
            "Markets close higher as oil prices rebound"]
    once, again = twice(body(*head, P1, P2, P3))
    assert again == once


def test_the_page_title_as_the_only_line_stays_in_the_body():
    page = ("<html><head><title>Council expands the bus network to the suburbs</title></head>"
            "<body><article><p>Council expands the bus network to the suburbs</p></article>"
            "</body></html>")
    record = clean(page, content_type="html")
    assert record.text == "Council expands the bus network to the suburbs"


def test_the_stage_moves_a_headline_about_the_story_to_the_title():
    from tests.stages.documents import document, run_stage, texts

    title = "Ministers meet in Beijing to discuss trade and security"
    doc = run_stage("head", document(title, P1, P2, P3))
    assert (texts(doc), doc.meta.title) == ([P1, P2, P3], title)
    assert [e.rule for e in doc.edits] == ["metadata.title"]


def test_a_numbered_contents_line_above_the_story_stays():
    contents = ["11.1. Introduction", "11.2. Index Types", "11.2.1. B-Tree"]
    record = clean(body(*contents, P1, P2), content_type="text")
    assert record.text == body(*contents, P1, P2)


def test_a_long_head_is_a_list_whose_first_items_stay():
    items = ["Why you know what to do and still do not do it",
             "Mar 07, 2026 | 4 min read",
             "Beating performance limits with a faster image diff tool",
             "Mar 06, 2026 | 13 min read"]
    record = clean(body(*items, P1, P2, P3), content_type="text")
    assert record.text == body(*items, P1, P2, P3)
