"""punctuation: quotes, spaces and periods fixed for the document's language."""

from __future__ import annotations

from tests.stages.documents import document, run_stage, texts


def test_quotes_spaces_and_periods_are_fixed_and_logged():
    doc = run_stage("punctuation", document("Owners said “prices rise”they said.. It is true ."))
    assert texts(doc) == ["Owners said “prices rise” they said. It is true."]
    assert [e.rule for e in doc.edits] == ["punctuation.space_after_closing_quote",
                                           "punctuation.doubled_period",
                                           "punctuation.space_before_punctuation"]


def test_a_clean_document_is_returned_as_it_is():
    doc = document("The council approved the budget on Monday.")
    assert run_stage("punctuation", doc) is doc
