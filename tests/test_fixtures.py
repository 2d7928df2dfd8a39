"""Every bundled fixture comes out exactly as expected: body and the listed record fields."""

from __future__ import annotations

import pytest

from cleaner import clean
from tests.conftest import ROOT, expected_of, fixture_cases

CASES = fixture_cases()


def test_the_seeds_are_bundled():
    assert len([c for c in CASES if c.parent.name == "seeds"]) == 4


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_fixture_is_cleaned_as_expected(case):
    body, meta = expected_of(case)
    content_type = "html" if case.suffix == ".html" else "text"
    record = clean(case.read_bytes(), content_type=content_type)
    assert record.text + "\n" == body
    assert {key: getattr(record, key) for key in meta} == meta


@pytest.mark.parametrize("case", CASES, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_cleaning_is_idempotent(case):
    content_type = "html" if case.suffix == ".html" else "text"
    once = clean(case.read_bytes(), content_type=content_type).text
    assert clean(once, content_type="text").text == once


@pytest.mark.parametrize("case", [c for c in CASES if c.parent.name == "clean"],
                         ids=lambda p: p.name)
def test_clean_text_comes_out_byte_identical(case):
    record = clean(case.read_bytes(), content_type="text")
    assert record.text + "\n" == case.read_text(encoding="utf-8")
    assert record.edits == []
