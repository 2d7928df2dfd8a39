"""chrome: rules, position, and the inserted-line heuristics."""

from __future__ import annotations

from cleaner import Config, clean
from cleaner.catalog import load_rules
from tests.stages.documents import P1, P2, P3, body, removed

# The inserted-line heuristics are off by default (they removed mostly real content on
# pages they were not tuned on); these tests switch them on, as a user may.
INSERTED = Config.from_dict({"rules": {"enable": [
    "inserted.teaser", "inserted.caption", "inserted.related-list",
    "inserted.repeated-paragraph"]}})


def test_a_subheading_that_shares_words_with_the_next_paragraph_is_kept():
    subheading = "Trade talks to continue in Moscow"
    record = clean(body(P1, subheading, P2, P3), content_type="text", config=INSERTED)
    assert subheading in record.text


def test_an_inserted_teaser_headline_is_removed():
    teaser = "Floods leave thousands homeless in coastal villages"
    record = clean(body(P1, teaser, P2, P3), content_type="text", config=INSERTED)
    assert teaser not in record.text
    assert removed(record)[teaser] == "inserted.teaser"


def test_in_a_story_with_subheadings_a_sentence_case_heading_is_one_of_them():
    heading, question = "Floods leave thousands homeless in coastal villages", "What Comes Next?"
    record = clean(body(P1, heading, P2, question, P3), content_type="text", config=INSERTED)
    assert heading in record.text


def test_a_caption_repeating_a_name_from_the_story_is_removed():
    caption = "Foreign Minister Wang Yi"
    record = clean(body(f"Foreign Minister Wang Yi met his counterpart. {P1}", caption, P2, P3),
                   content_type="text", config=INSERTED)
    assert removed(record)[caption] == "inserted.caption"


def test_an_unrelated_headline_above_the_story_is_removed():
    ticker = "Live: Floods leave thousands homeless in coastal villages"
    record = clean(body(ticker, P1, P2, P3), content_type="text")
    assert removed(record)[ticker] == "inserted.unrelated-headline"
    assert record.title is None


def test_an_end_marker_cuts_everything_after_it():
    record = clean(body(P1, P2, P3, "Related Articles", "Other story one", "Other story two"),
                   content_type="text")
    assert record.text == body(P1, P2, P3)
    assert removed(record)["Other story two"] == "end.related"


def test_an_end_marker_above_most_of_the_story_cuts_only_itself():
    record = clean(body("Related Articles", P1, P2, P3), content_type="text")
    assert record.text == body(P1, P2, P3)


def test_an_end_marker_in_a_text_without_prose_cuts_only_itself():
    # A link list, such as a site's front page of headlines, has no story for a menu's
    # "Comments" to end: only the marker line goes.
    items = ["Council approves the new budget for city schools", "(example.org)",
             "Rail strike called off after late-night talks", "(example.net)"]
    record = clean(body("Comments", *items), content_type="text")
    assert record.text == body(*items)


RELATED = ["- Floods leave thousands homeless in coastal villages Rescuers reached the area",
           "- Football club sacks its manager after a run of defeats",
           "- New phone goes on sale with a bigger battery and camera"]


def test_a_list_of_other_stories_ending_the_text_is_removed():
    record = clean(body(P1, P2, P3, *RELATED), content_type="text", config=INSERTED)
    assert record.text == body(P1, P2, P3)
    assert {removed(record)[item] for item in RELATED} == {"inserted.related-list"}


def test_a_list_about_the_story_ending_the_text_is_kept():
    items = ["- Trade talks continue next month in Moscow",
             "- Security cooperation has grown over the past decade",
             "- Both delegations expected to sign an agreement"]
    record = clean(body(P1, P2, P3, *items, *RELATED), content_type="text", config=INSERTED)
    assert record.text == body(P1, P2, P3, *items)


def test_two_unrelated_items_ending_a_list_are_kept():
    record = clean(body(P1, P2, P3, *RELATED[:2]), content_type="text", config=INSERTED)
    assert record.text == body(P1, P2, P3, *RELATED[:2])


def _inserted_with(**chrome: object) -> Config:
    return Config.from_dict({**INSERTED.model_dump(mode="json"), "chrome": chrome})


def test_how_many_unrelated_items_make_a_list_of_other_stories_is_a_setting():
    config = _inserted_with(related_list_min_items=2)
    record = clean(body(P1, P2, P3, *RELATED[:2]), content_type="text", config=config)
    assert record.text == body(P1, P2, P3)


def test_how_long_a_repeated_paragraph_must_be_is_a_setting():
    text = body(P1, P2, P1, P3)  # P1 has 21 words: under the 25 of extractor output
    assert clean(text, content_type="text", config=INSERTED).text == text
    config = _inserted_with(repeat_min_words_extracted=20)
    record = clean(text, content_type="text", config=config)
    assert record.text == body(P1, P2, P3)
    assert removed(record) == {P1: "inserted.repeated-paragraph"}


def test_subheadings_that_look_unrelated_stay():
    for line in ("Frequently Asked Questions Before You Begin", "3. Community building",
                 "Local service, national reach", "Which role is right for you after all?"):
        assert line in clean(body(P1, line, P2, P3), content_type="text").text, line


def test_a_title_case_question_above_the_story_is_its_title():
    title = "Will the Trade Talks in Moscow Bring a Security Agreement?"
    record = clean(body(title, P1, P2, P3), content_type="text")
    assert record.title == title
    assert record.text == body(P1, P2, P3)


def test_a_sentence_case_question_opening_the_story_stays():
    lede = "Remember the trade talks that the ministers promised in Beijing last year?"
    record = clean(body(lede, P1, P2, P3), content_type="text")
    assert record.text.startswith(lede)


def test_text_without_any_chrome_is_unchanged():
    text = body(P1, P2, P3)
    record = clean(text, content_type="text")
    assert record.text == text and record.edits == []


def test_the_stage_removes_chrome_lines_by_their_rule():
    from tests.stages.documents import document, run_stage, texts

    doc = run_stage("chrome", document("Share this article", P1, P2, "Back to top", P3))
    assert texts(doc) == [P1, P2, P3]
    assert [(e.rule, e.before) for e in doc.edits] == [("social.share-label", "Share this article"),
                                                       ("nav.back-to-top", "Back to top")]


def test_on_a_whole_page_a_list_between_two_paragraphs_of_the_story_stays():
    [entry] = [e for e in load_rules().entries if e.id == "page.story-span"]
    page = entry.examples.change[0].splitlines()
    first = page.index(next(line for line in page if len(line) > 200))
    features = ["Four new routes", "Buses every ten minutes", "Low-floor buses", "No fare rise",
                "Night buses", "Bike racks", "Free wifi", "Real-time arrivals"]
    page[first + 1:first + 1] = features  # between the story's first and second paragraph
    record = clean("\n".join(page), content_type="text")
    story = [line for line in page[first:] if len(line) > 200 or line in features]
    assert record.text.split("\n\n") == story
    bridged_off = Config.from_dict({"chrome": {"story_max_gap_share": 0}})
    assert features[0] not in clean("\n".join(page), content_type="text", config=bridged_off).text


def test_a_rule_bound_to_the_edges_fires_outside_the_story_only():
    # nav.counter is bound to the edges: a pager's digits go, a table's cell stays.
    record = clean(body("3", P1, "12", P2, P3, "2"), content_type="text")
    assert record.text == body(P1, "12", P2, P3)
    assert removed(record) == {"3": "nav.counter", "2": "nav.counter"}
