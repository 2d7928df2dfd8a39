"""Heuristic and fix entries: validated like rules, one catalog of ids with the rules, every
fix of the FIXES tables described, and `Catalog.enabled()` for the stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner.catalog import load_catalog
from cleaner.entries import FixEntry, HeuristicEntry, fix_tables, load_entry_file
from cleaner.errors import RuleError
from cleaner.examples import entry_failures

CATALOG = load_catalog()
HEURISTIC = """
- id: test.heuristic
  stage: chrome
  description: A heuristic for the tests.
  rationale: Tests need one.
  settings: [chrome.teaser_max_story_overlap]
  examples:
    change: ["Some document\\nwith lines"]
    keep: ["Another document"]
"""
FIX = """
- id: punctuation.doubled_period
  description: Doubled periods.
  rationale: Tests need one.
  examples:
    change: [{text: "said..", fixed: "said."}]
    keep: ["said."]
"""
CANONICAL_HEURISTICS = {
    "page.story-span", "inserted.teaser", "inserted.caption", "inserted.related-list",
    "inserted.repeated-paragraph", "inserted.unrelated-headline", "metadata.title",
    "metadata.subtitle", "metadata.url", "metadata.glued-date", "repair.empty",
    "punctuation.empty", "template"}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "entries.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_fix_of_the_fixes_tables_has_an_entry_and_every_entry_a_fix():
    described = {e.id for e in CATALOG.entries if isinstance(e, FixEntry)}
    functions = {f"{stage}.{name}" for stage, table in fix_tables().items() for name in table}
    assert described == functions


def test_a_fix_entry_without_a_function_fails_its_examples(tmp_path):
    [entry] = load_entry_file(write(tmp_path, FIX.replace("doubled_period", "no_such_fix")),
                              FixEntry)
    assert entry_failures(entry, CATALOG) == [
        "no function 'no_such_fix' in the FIXES of cleaner.text.punctuation"]


def test_the_canonical_heuristics_are_in_the_catalog():
    heuristics = {e.id for e in CATALOG.entries if isinstance(e, HeuristicEntry)}
    assert heuristics == CANONICAL_HEURISTICS
    assert CATALOG.get("classifier.justext").id == "page.story-span"


def test_a_valid_heuristic_loads(tmp_path):
    [entry] = load_entry_file(write(tmp_path, HEURISTIC), HeuristicEntry)
    assert entry.settings == ["chrome.teaser_max_story_overlap"] and entry.run == "clean"


@pytest.mark.parametrize("model, text, message", [
    (HeuristicEntry, HEURISTIC.replace("chrome.teaser_max_story_overlap", "chrome.teaser_max"),
     "heuristic test.heuristic: settings: Value error, 'chrome.teaser_max' is not a setting"),
    (HeuristicEntry, HEURISTIC.replace("chrome.teaser_max_story_overlap", "nosection.x"),
     "'nosection.x' is not a setting"),
    (HeuristicEntry, HEURISTIC + "  colour: red\n", "heuristic test.heuristic: colour: Extra"),
    (HeuristicEntry, HEURISTIC.replace("stage: chrome", "stage: nowhere"), "test.heuristic: stage"),
    (HeuristicEntry, HEURISTIC.replace('keep: ["Another document"]', "keep: []"),
     "examples.keep"),
    (FixEntry, FIX.replace("punctuation.doubled_period", "spelling.doubled_period"), ": id"),
    (FixEntry, FIX.replace('fixed: "said."', 'result: "said."'), "examples.change.0"),
])
def test_a_broken_entry_file_is_one_clear_error(tmp_path, model, text, message):
    path = write(tmp_path, text)
    with pytest.raises(RuleError) as error:
        load_entry_file(path, model)
    assert message in str(error.value) and str(path) in str(error.value)


def test_ids_are_unique_across_kinds(tmp_path):
    rule = """
- id: inserted.teaser
  description: A rule with a heuristic's id.
  rationale: Ids are unique across all kinds.
  scope: line
  phrases: [Teaser]
  examples: {remove: [Teaser], keep: [A teaser of the film came out.]}
"""
    with pytest.raises(RuleError, match="id inserted.teaser is already used"):
        load_catalog(extra=[write(tmp_path, rule)])


def test_every_id_and_alias_of_every_kind_can_be_disabled():
    names = [name for entry in CATALOG.everything for name in (entry.id, *entry.aliases)]
    catalog = load_catalog(disabled=names)
    assert not any(catalog.enabled(entry.id) for entry in catalog.everything)
    assert len(catalog) == 0  # no rule is matched


def test_enabled_follows_disable_by_id_and_by_alias():
    assert CATALOG.enabled("inserted.teaser") and CATALOG.enabled("classifier.justext")
    by_alias = load_catalog(disabled=["classifier.justext"])
    assert not by_alias.enabled("page.story-span") and not by_alias.enabled("classifier.justext")
    assert by_alias.enabled("inserted.teaser")
    assert not load_catalog(disabled=["repair.fix_mojibake"]).enabled("repair.fix_mojibake")


def test_asking_about_an_unknown_id_is_an_error():
    with pytest.raises(RuleError, match="no catalog entry has the id 'inserted.teasers'"):
        CATALOG.enabled("inserted.teasers")


def test_disabling_an_unknown_id_names_it():
    with pytest.raises(RuleError, match="disabled ids not in the catalog: inserted.teasers"):
        load_catalog(disabled=["inserted.teaser", "inserted.teasers"])
