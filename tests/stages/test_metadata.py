"""metadata: fields moved out of the body, each as a to_metadata edit."""

from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.text.dates import parse_date

STORY = ("Lawmakers approved the plan on Tuesday after a debate that lasted well into the night, "
         "officials said.")


def test_a_dateline_at_the_top_goes_to_date():
    record = clean(f"March 20, 2022\n\n{STORY}", content_type="text")
    assert record.date == "2022-03-20"
    assert record.text == STORY


def test_a_headline_about_the_story_becomes_the_title():
    text = f"Lawmakers approve the bridge plan after debate\n\n{STORY} The bridge plan was debated."
    record = clean(text, content_type="text")
    assert record.title == "Lawmakers approve the bridge plan after debate"
    assert record.text.startswith("Lawmakers approved")
    assert [e.rule for e in record.edits if e.action == "to_metadata"] == ["metadata.title"]


def test_agency_credit_goes_to_agencies():
    record = clean(f"{STORY} (Reuters)", content_type="text")
    assert record.agencies == ["Reuters"]
    assert record.text == STORY


def test_wire_dateline_goes_to_agencies():
    record = clean(f"WASHINGTON (AP) — {STORY}", content_type="text")
    assert record.agencies == ["AP"] and record.text == STORY


def test_byline_goes_to_authors():
    record = clean(f"By Jane Doe and John Smith\n\n{STORY}", content_type="text")
    assert record.authors == ["Jane Doe", "John Smith"]
    assert record.text == STORY


def test_dates_in_several_languages():
    assert parse_date("20 mars 2022") == "2022-03-20"
    assert parse_date("20. März 2022") == "2022-03-20"
    assert parse_date("20 de marzo de 2022") == "2022-03-20"
    assert parse_date("no date here") is None


def test_a_wire_dateline_and_a_closing_credit_in_one_paragraph_both_move():
    record = clean(f"WASHINGTON (Reuters) - {STORY} (Reuters)", content_type="text")
    assert record.text == STORY
    assert sorted(e.rule for e in record.edits) == ["meta.agency-credit-end",
                                                     "meta.agency-credit-start"]


DE_STORY = ("Die Bundesregierung hat am Montag neue Regeln für den Bahnverkehr beschlossen. "
            "Sie sollen ab Juni gelten, teilte das Ministerium mit.")


@pytest.mark.parametrize(("dateline", "agency"), [
    ("Berlin (dpa) - ", "dpa"), ("Frankfurt/Main (dpa) - ", "dpa"), ("Hamburg (dpa) – ", "dpa"),
    ("Paris (AFP) - ", "AFP"), ("Madrid (EFE) — ", "EFE"), ("Roma (ANSA) - ", "ANSA"),
    ("Rio de Janeiro (Lusa) - ", "Lusa"), ("BERLIN (dpa) - ", "dpa"), ("LISBOA (Lusa) - ", "Lusa"),
])
def test_wire_datelines_in_any_case_move_the_agency(dateline, agency):
    record = clean(dateline + DE_STORY, content_type="text")
    assert record.agencies == [agency]
    assert record.text == DE_STORY


def test_byline_names_are_split_between_people_only():
    record = clean(f"By Jane Doe and John Roe\n\n{STORY}", content_type="text")
    assert record.authors == ["Jane Doe", "John Roe"]


def test_an_organisation_in_a_byline_is_the_publisher():
    record = clean(f"By Deutsche Welle\n\n{STORY}", content_type="text")
    assert record.authors == []
    assert record.publisher == "Deutsche Welle"


def test_a_breadcrumb_is_never_the_title_in_text_mode():
    text = ("Accueil > Actualités et humeurs > La grève des cheminots\n\n"
            "La grève des cheminots continue ce lundi dans toute la France, a annoncé le syndicat. "
            "Les trains régionaux sont les plus touchés par la grève des cheminots.")
    assert clean(text, content_type="text").title is None


def test_a_date_glued_to_a_standfirst_goes_to_date():
    text = f"Will the economy see a recovery?Monday, 6 January 2020\n\n{STORY}"
    record = clean(text, content_type="text")
    assert record.date == "2020-01-06"
    assert "January 2020" not in record.text and "January 2020" not in (record.description or "")


def test_the_stage_moves_a_byline_and_a_dateline_into_the_metadata():
    from tests.stages.documents import P1, P2, P3, document, run_stage, texts

    doc = run_stage("metadata", document("By John Smith", "March 3, 2024", P1, P2, P3))
    assert texts(doc) == [P1, P2, P3]
    assert (doc.meta.authors, doc.meta.date) == (("John Smith",), "2024-03-03")
    assert [(e.rule, e.action) for e in doc.edits] == [("meta.byline", "to_metadata"),
                                                       ("meta.dateline", "to_metadata")]
