"""clean() and fix_text(): the contract of the library."""

from __future__ import annotations

import pytest

from cleaner import ArticleRecord, CleanerError, InputError, clean, fix_text
from cleaner.api import content_hash

STORY = ("The council approved the new budget on Monday after a long debate.\n\n"
         "Members said the plan would fund schools and roads for the next five years.")


def test_record_has_exactly_the_contract_fields():
    assert list(ArticleRecord.model_fields) == [
        "id", "url", "title", "description", "authors", "date", "publisher", "agencies",
        "language", "text", "word_count", "content_hash", "flags", "edits"]


def test_clean_is_deterministic(seed_text):
    text = seed_text("001")
    assert clean(text).model_dump_json() == clean(text).model_dump_json()


def test_bytes_and_str_give_the_same_record():
    assert clean(STORY.encode("utf-8")).text == clean(STORY).text


def test_every_removal_is_logged_with_its_rule(seed_text):
    record = clean(seed_text("001"), content_type="text")
    removed = {edit.before for edit in record.edits if edit.action == "remove"}
    assert {"1 min read", "Previous Story", "Go toTop"} <= removed
    assert all(edit.rule for edit in record.edits)


def test_record_fields_are_consistent():
    record = clean(STORY, url="https://www.example.com/a")
    assert record.word_count == len(record.text.split())
    assert record.content_hash == content_hash(record.text)
    assert record.url == "https://www.example.com/a"
    assert record.id == clean(STORY, url="https://www.example.com/a").id
    assert clean(STORY, id="given").id == "given"


def test_content_hash_ignores_case_and_spacing():
    assert content_hash("Hello  World") == content_hash("hello world")


def test_unknown_content_type_is_an_input_error():
    with pytest.raises(InputError):
        clean(STORY, content_type="pdf")


@pytest.mark.parametrize("source", [None, 42, ["text"]])
def test_wrong_source_type_is_a_cleaner_error(source):
    with pytest.raises(CleanerError):
        clean(source)


def test_empty_input_gives_an_empty_record():
    record = clean("")
    assert record.text == "" and record.word_count == 0


def test_auto_detects_html_and_extracts_the_story():
    paragraph = "<p>The council approved the new budget on Monday after a long and heated debate.</p>"
    html = f"<html><head><title>Budget</title></head><body><nav>Home</nav>{paragraph * 3}</body></html>"
    record = clean(html)
    assert "council approved" in record.text and "<p>" not in record.text


def test_prose_that_mentions_a_tag_stays_text():
    text = "Wrap the caption in a <p> tag and close it with </p> before you publish the page."
    assert clean(text).text == text


def test_fix_text_repairs_without_removing():
    assert fix_text("“We agree on relations”he said") == "“We agree on relations” he said"
    assert fix_text("Share this article") == "Share this article"


def test_fix_text_keeps_line_breaks():
    assert fix_text("One.\nTwo.") == "One.\nTwo."
