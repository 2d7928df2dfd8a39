"""Every catalog entry's own examples (rules, heuristics, fixes), as one pytest case each:
`pytest -k nav.back-to-top`, `pytest -k inserted.teaser`, `pytest -k repair.fix_mojibake`."""

from __future__ import annotations

import pytest

from cleaner.catalog import load_catalog
from cleaner.examples import entry_failures

CATALOG = load_catalog()


@pytest.mark.parametrize("entry", CATALOG.everything, ids=lambda entry: entry.id)
def test_entry_examples(entry):
    assert entry_failures(entry, CATALOG) == []


def test_every_kind_is_in_the_generic_test():
    kinds = {entry.kind for entry in CATALOG.everything}
    assert kinds == {"rule", "heuristic", "fix"}
