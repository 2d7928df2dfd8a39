"""Record flags: what a user should know about a record's quality."""

from __future__ import annotations

from cleaner.api import clean

STORY = ("The city council voted on Tuesday to expand the bus network to the northern "
         "suburbs, a plan that residents have debated for more than three years. ")


def test_clean_text_has_no_flag():
    assert clean(STORY * 3, content_type="text").flags == []


def test_an_empty_body_is_flagged():
    assert clean("Share on Facebook\nBack to top", content_type="text").flags == ["empty"]


def test_a_page_whose_extraction_kept_little_is_flagged():
    menu = "".join(f"<li><a href='/{n}'>Section number {n} of the site</a></li>" for n in range(200))
    comments = "".join(f"<div class='comment'><p>{STORY}</p></div>" for _ in range(6))
    page = (f"<html><body><ul>{menu}</ul><article><p>{STORY}</p></article>"
            f"<aside>{comments}</aside></body></html>")
    record = clean(page, content_type="html")
    assert record.word_count > 0
    assert "little_extracted" in record.flags


def test_text_mostly_removed_is_flagged():
    chrome = "\n".join(["Share on Facebook", "Share on Twitter", "Back to top"] * 10)
    record = clean(f"{STORY}\n{chrome}", content_type="text")
    assert record.flags == ["mostly_removed"]


def test_the_thresholds_are_flags_settings():
    from cleaner.config import Config

    chrome = "\n".join(["Share on Facebook", "Share on Twitter", "Back to top"] * 2)
    text = f"{chrome}\n{STORY}"
    assert "mostly_removed" not in clean(text, content_type="text").flags
    strict = Config(flags={"mostly_removed": 0.1})
    assert "mostly_removed" in clean(text, content_type="text", config=strict).flags
