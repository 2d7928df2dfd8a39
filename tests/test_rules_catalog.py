"""Every rule's own examples, as one pytest case each: `pytest -k nav.back-to-top`."""

from __future__ import annotations

import pytest

from cleaner.catalog import load_rules
from cleaner.commands.rules import example_failures

RULES = load_rules()


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda rule: rule.id)
def test_rule_examples(rule):
    assert example_failures(rule, RULES) == []
