"""Every bundled fixture comes out exactly as expected (the check `cleaner check` runs),
clean text comes out untouched, and cleaning is idempotent."""

from __future__ import annotations

import pytest

from cleaner import Config, clean
from cleaner.ci.golden import check_case, content_type_of, find_cases
from tests.conftest import FIXTURES

CASES = find_cases(FIXTURES)


def case_id(case) -> str:
    return str(case.input_path.relative_to(FIXTURES))


def test_the_seeds_are_bundled():
    assert len([c for c in CASES if c.input_path.parent.name == "seeds"]) == 4


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_fixture_is_cleaned_as_expected(case):
    result = check_case(case, Config())
    assert result.status == "ok", (result.error, result.note, result.fields, result.changed_rows)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_cleaning_is_idempotent(case):
    once = clean(case.input_path.read_bytes(), content_type=content_type_of(case.input_path)).text
    assert clean(once, content_type="text").text == once


@pytest.mark.parametrize("case", [c for c in CASES if c.input_path.parent.name == "clean"],
                         ids=case_id)
def test_clean_text_comes_out_byte_identical(case):
    record = clean(case.input_path.read_bytes(), content_type="text")
    assert record.text + "\n" == case.input_path.read_text(encoding="utf-8")
    assert record.edits == []
