"""recheck: what a second cleaning would find in the cleaned story is found by the first."""

from __future__ import annotations

from cleaner import clean
from cleaner.config import Config
from cleaner.record import Edit
from tests.stages.documents import P1, P2, P3, body, document, removed, run_stage, texts

FORM_ERROR = "Sorry, your blog cannot share posts by email."  # prose-like, removed by chrome
BYLINE_ROWS = ["Dana Whitfield", "-", "March 20, 2022"]  # a name, a separator, the date
# The comment form's note as a page glues it: punctuation adds the space after the period.
GLUED_NOTE = "Your email address will not be published.Required fields are marked *"


def twice(text: str) -> tuple[str, str]:
    once = clean(text, content_type="text").text
    return once, clean(once, content_type="text").text


def test_a_rule_matches_the_line_punctuation_fixed():
    record = clean(body(P1, P2, P3, GLUED_NOTE), content_type="text")
    assert record.text == body(P1, P2, P3)
    assert removed(record)["Your email address will not be published. Required fields are "
                           "marked *"] == "comments.email-not-published"


def chrome_removed(doc, line: str):
    """`doc` as chrome leaves it after removing `line` above the story."""
    return doc.with_edits([Edit(stage="chrome", rule="newsletter.thanks", action="remove",
                                before=line, position=0)])


def test_a_dateline_that_chrome_brought_into_the_top_region_moves_to_metadata():
    doc = chrome_removed(document(*BYLINE_ROWS, P1, P2, P3), FORM_ERROR)
    rechecked = run_stage("recheck", doc)
    assert texts(rechecked) == ["Dana Whitfield", "-", P1, P2, P3]
    assert str(rechecked.meta.date).startswith("2022-03-20")
    assert [(e.stage, e.rule) for e in rechecked.edits][1:] == [("metadata", "meta.dateline")]


def test_blocks_no_stage_changed_are_not_judged_again():
    doc = document(*BYLINE_ROWS, P1, P2, P3)  # as the judging stages left them: untouched
    assert run_stage("recheck", doc) == doc


def test_cleaning_the_rechecked_text_again_changes_nothing():
    lines = ["Home", "Contact", FORM_ERROR, *BYLINE_ROWS, P1, P2, P3,
             "Forgot password ?", GLUED_NOTE]
    once, again = twice("\n".join(lines))
    assert once == again
    assert "March 20, 2022" not in once and "Forgot password" not in once


def test_a_clean_story_is_left_as_it_is():
    doc = document(P1, P2, P3)
    assert run_stage("recheck", doc) == doc


def test_a_pipeline_without_the_judging_stages_rechecks_nothing():
    config = Config(stages=("decode", "extract", "segment", "repair", "language", "recheck"))
    doc = chrome_removed(document(*BYLINE_ROWS, P1, P2, P3), FORM_ERROR)
    assert run_stage("recheck", doc, config) == doc
