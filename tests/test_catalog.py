"""Rule files: validation errors name the file, rule and field; matching by scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.catalog import Catalog, load_catalog, load_rule_file, phrases_to_regex
from cleaner.errors import RuleError

GOOD_RULE = """
- id: test.share
  description: Share buttons.
  rationale: Buttons are not text.
  scope: line
  phrases: [Share this]
  examples: {remove: [Share this], keep: [Share this story with friends, she said.]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path):
    [rule] = load_rule_file(write(tmp_path, GOOD_RULE))
    assert rule.id == "test.share" and rule.scope == "line"


@pytest.mark.parametrize("broken, message", [
    ("- id: x.y\n  description: [unclosed", "not valid YAML"),
    (GOOD_RULE.replace("scope: line", "scope: everywhere"), "rule test.share: scope"),
    (GOOD_RULE.replace("scope: line", "scope: line\n  colour: red"), "rule test.share: colour"),
    (GOOD_RULE.replace("phrases: [Share this]", "pattern: '(a+)+\\1'"), "not valid RE2"),
    (GOOD_RULE.replace("phrases: [Share this]", ""), "exactly one of"),
    (GOOD_RULE.replace("keep: [Share this story with friends, she said.]", "keep: []"), "examples.keep"),
    ("rules: 3", "expected a list"),
])
def test_a_broken_file_is_one_clear_error(tmp_path, broken, message):
    path = write(tmp_path, broken)
    with pytest.raises(RuleError) as error:
        load_rule_file(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_a_missing_file_is_a_rule_error(tmp_path):
    with pytest.raises(RuleError, match="cannot read"):
        load_rule_file(tmp_path / "nope.yaml")


def test_duplicate_ids_are_refused(tmp_path):
    path = write(tmp_path, GOOD_RULE.replace("test.share", "nav.back-to-top"))
    with pytest.raises(RuleError, match="already used"):
        load_catalog(extra=[path])


def test_disabling_an_unknown_id_is_refused():
    with pytest.raises(RuleError, match="not in the catalog"):
        load_catalog(disabled=["no.such-rule"])


def test_disabled_rules_do_not_match():
    assert load_catalog().hits("Go toTop", ["line"])
    assert not load_catalog(disabled=["nav.back-to-top"]).hits("Go toTop", ["line"])


def test_phrases_match_case_and_spacing_insensitively(tmp_path):
    rules = Catalog(load_rule_file(write(tmp_path, GOOD_RULE.replace("Share this]", "Go to Top]"))))
    assert rules.hits("GO  TOTOP", ["line"])
    assert phrases_to_regex(["a b"]) == "(?i)(?:a\\s*b)"


def test_scopes_decide_how_much_must_match(tmp_path):
    rules = Catalog(load_rule_file(write(tmp_path, GOOD_RULE)))
    assert rules.hits("share THIS", ["line"])
    assert not rules.hits("Share this story with friends", ["line"])


def test_the_catalog_is_large_and_documented():
    rules = load_catalog()
    assert len(rules) >= 80
    assert all(rule.description and rule.rationale for rule in rules.rules)


def test_a_to_metadata_rule_needs_field_groups(tmp_path):
    rule = GOOD_RULE.replace("phrases: [Share this]", "pattern: 'By (?P<writer>\\\\w+)'").replace(
        "scope: line", "scope: line\n  action: to_metadata")
    with pytest.raises(RuleError, match="named groups"):
        load_rule_file(write(tmp_path, rule))


@pytest.mark.parametrize("line", ["- Share this", "• Share this", "* Share this"])
def test_whole_line_rules_see_a_list_item_without_its_bullet(tmp_path, line):
    rules = Catalog(load_rule_file(write(tmp_path, GOOD_RULE)))
    assert [h.rule.id for h in rules.hits(line, ("line",))] == ["test.share"]


def test_a_dash_inside_a_line_is_not_a_bullet(tmp_path):
    rules = Catalog(load_rule_file(write(tmp_path, GOOD_RULE)))
    assert rules.hits("Share this - now", ("line",)) == []


def test_a_pattern_is_checked_when_loaded_and_compiled_when_first_matched(tmp_path):
    bad = GOOD_RULE.replace("phrases: [Share this]", "pattern: '(?i)share (this'")
    with pytest.raises(RuleError, match=r"test.share.*not valid RE2: missing \)"):
        load_rule_file(write(tmp_path, bad))
