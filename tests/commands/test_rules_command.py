"""`cleaner rules list|show|test` cover every kind of entry; `cleaner diff` tags lines with
catalog ids."""

from __future__ import annotations

import re
from pathlib import Path

import orjson

from cleaner.catalog import load_catalog
from cleaner.cli import main

CATALOG = load_catalog()


def test_list_shows_every_entry_with_its_kind(runner):
    output = runner.invoke(main, ["rules", "list"]).output
    kinds = dict(re.findall(r"^(\S+) +(rule|heuristic|fix) ", output, re.MULTILINE))
    assert set(kinds) == {entry.id for entry in CATALOG.everything}
    assert kinds["inserted.teaser"] == "heuristic" and kinds["repair.fix_mojibake"] == "fix"
    assert kinds["nav.back-to-top"] == "rule"


def test_list_marks_what_the_config_switches_off(runner, tmp_path: Path):
    config = tmp_path / "cleaner.toml"
    config.write_text('[rules]\ndisable = ["inserted.teaser", "nav.back-to-top"]\n'
                      'enable = ["inserted.related-list"]\n')
    output = runner.invoke(main, ["rules", "list", "--config", str(config)]).output
    off = {line.split()[0] for line in output.splitlines() if line.endswith("(off)")}
    # and the heuristics that are off by default, but the one enabled
    assert off == {"inserted.teaser", "nav.back-to-top", "inserted.repeated-paragraph"}


def test_show_gives_a_heuristic_with_its_settings_current_values(runner, tmp_path: Path):
    config = tmp_path / "cleaner.toml"
    config.write_text("[chrome]\nteaser_max_story_overlap = 0.2\n")
    result = runner.invoke(main, ["rules", "show", "inserted.teaser", "--config", str(config)])
    shown = orjson.loads(result.output)
    assert shown["kind"] == "heuristic" and shown["enabled"] is True
    assert shown["settings"]["chrome.teaser_max_story_overlap"] == 0.2
    assert shown["settings"]["chrome.lone_teaser_max_story_overlap"] == 0.5
    assert shown["examples"]["change"] and shown["examples"]["keep"]


def test_show_finds_an_entry_by_its_alias_and_a_fix_by_its_id(runner):
    assert orjson.loads(runner.invoke(main, ["rules", "show", "classifier.justext"]).output)[
        "id"] == "page.story-span"
    fix = orjson.loads(runner.invoke(main, ["rules", "show", "punctuation.doubled_period"]).output)
    assert fix["kind"] == "fix" and fix["settings"] == {"punctuation.disable": []}
    unknown = runner.invoke(main, ["rules", "show", "no.such-entry"])
    assert unknown.exit_code == 2 and "no entry with id 'no.such-entry'" in unknown.output


def test_test_runs_the_examples_of_every_kind(runner):
    passed = runner.invoke(main, ["rules", "test"])
    assert passed.exit_code == 0, passed.output
    assert re.search(r"^\d+ rules, 13 heuristics, 14 fixes, \d+ examples: all pass$",
                     passed.output, re.MULTILINE)


def test_disabling_a_heuristic_is_accepted_and_an_unknown_id_is_refused(runner, tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(CATALOG.get("inserted.unrelated-headline").examples.change[0])
    config = tmp_path / "cleaner.toml"
    config.write_text('[rules]\ndisable = ["inserted.unrelated-headline"]\n')
    kept = runner.invoke(main, ["clean", str(story), "--config", str(config)])
    assert kept.exit_code == 0 and kept.output.startswith("Celebrity chef opens")
    config.write_text('[rules]\ndisable = ["inserted.teasers"]\n')
    refused = runner.invoke(main, ["clean", str(story), "--config", str(config)])
    assert refused.exit_code == 2 and "inserted.teasers" in refused.output


def test_diff_tags_heuristic_and_fix_lines_with_catalog_ids(runner, tmp_path: Path):
    story = tmp_path / "story.txt"
    teaser = CATALOG.get("inserted.teaser").examples.change[0]
    story.write_text(teaser.replace("for more than", "for more than..").replace("Under", "\u200b\n"
                                                                                     "Under"))
    output = runner.invoke(main, ["diff", str(story)]).output
    tags = set(re.findall(r"  \[([a-z0-9_.:-]+)(?::[^\]]*)?\]$", output, re.MULTILINE))
    assert {"inserted.teaser", "punctuation.doubled_period", "repair.empty"} <= tags
    assert all(CATALOG.get(tag) is not None for tag in tags)
