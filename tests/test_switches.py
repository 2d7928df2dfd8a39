"""`[rules] disable` switches heuristics and fixes off: the stage makes no edit with that id,
and what it would have changed stays as it was."""

from __future__ import annotations

import pytest

from cleaner.api import clean
from cleaner.catalog import load_catalog
from cleaner.config import Config
from cleaner.document import Block, Document, Metadata
from cleaner.entries import FixEntry, HeuristicEntry
from cleaner.pipeline import pipeline_for

CATALOG = load_catalog()
HEURISTICS = {e.id: e for e in CATALOG.entries if isinstance(e, HeuristicEntry)}
FIXES = [e for e in CATALOG.entries if isinstance(e, FixEntry)]


def disabling(*ids: str, enable: tuple[str, ...] = ()) -> Config:
    return Config.from_dict({"rules": {"disable": list(ids), "enable": list(enable)}})


def switched_on(entry: HeuristicEntry) -> tuple[str, ...]:
    """The ids to enable for `entry` to run: itself when it is off by default."""
    return (entry.id,) if entry.default == "off" else ()


def edit_ids(doc: str, config: Config | None = None, url: str | None = None) -> set[str]:
    return {edit.rule for edit in clean(doc, url=url, content_type="text", config=config).edits}


def stage_edits(stage_name: str, texts: list[tuple[str, str | None]], config: Config) -> set[str]:
    """The edit ids of one stage of `config`'s pipeline, run on one block per (text, language)."""
    stage = pipeline_for(config).stage(stage_name)
    found = set()
    for text, language in texts:
        doc = Document(text, "text", blocks=(Block(text, 0),), meta=Metadata(language=language))
        found |= {edit.rule for edit in stage(doc).edits}
    return found


def heuristic_cases() -> list:
    """The heuristics whose examples run through `clean()`, each a case of its own."""
    return [pytest.param(entry, id=entry.id)
            for entry in HEURISTICS.values() if entry.run == "clean"]


@pytest.mark.parametrize("entry", heuristic_cases())
def test_a_disabled_heuristic_makes_no_edit(entry):
    names, on = {entry.id, *entry.aliases}, switched_on(entry)
    for doc in entry.examples.change:
        assert names & edit_ids(doc, disabling(enable=on), url=entry.url)
        assert not names & edit_ids(doc, disabling(entry.id, enable=on), url=entry.url)


@pytest.mark.parametrize("entry", [e for e in HEURISTICS.values() if e.default == "off"],
                         ids=lambda entry: entry.id)
def test_a_heuristic_that_is_off_by_default_runs_only_when_enabled(entry):
    names = {entry.id, *entry.aliases}
    for doc in entry.examples.change:
        assert not names & edit_ids(doc, url=entry.url)
        assert names & edit_ids(doc, disabling(enable=(entry.id,)), url=entry.url)


@pytest.mark.parametrize("entry", FIXES, ids=lambda entry: entry.id)
def test_a_disabled_fix_makes_no_edit(entry):
    texts = [(case.given, case.language) for case in entry.examples.change]
    assert entry.id in stage_edits(entry.stage, texts, Config())
    assert entry.id not in stage_edits(entry.stage, texts, disabling(entry.id))


def test_the_fix_stages_own_disable_lists_still_work():
    config = Config.from_dict({"punctuation": {"disable": ["doubled_period"]}})
    assert stage_edits("punctuation", [("He said.. Then", "en")], config) == set()
    assert stage_edits("punctuation", [("He said.. Then", "en")], Config()) == {
        "punctuation.doubled_period"}


def test_a_disabled_title_move_leaves_the_title_in_the_text():
    [doc] = HEURISTICS["metadata.title"].examples.change
    record = clean(doc, content_type="text", config=disabling("metadata.title"))
    assert record.title is None and record.text.startswith("Council expands bus network")


def test_a_disabled_url_move_leaves_the_url_line():
    entry = HEURISTICS["metadata.url"]
    record = clean(entry.examples.change[0], url=entry.url, content_type="text",
                   config=disabling("metadata.url"))
    assert record.text.startswith(entry.url)


@pytest.mark.parametrize("stage", ["repair", "punctuation"])
def test_a_block_the_fixes_would_empty_stays_unfixed_when_its_removal_is_off(stage):
    text = "\u200b\u200b" if stage == "repair" else "   "
    config = disabling(f"{stage}.empty")
    assert stage_edits(stage, [(text, "en")], Config()) >= {f"{stage}.empty"}
    found = pipeline_for(config).stage(stage)(
        Document(text, "text", blocks=(Block(text, 0),)))
    assert found.edits == () and [b.text for b in found.blocks] == [text]


def test_the_old_classifier_id_still_disables_the_story_span():
    config = Config.from_dict({"rules": {"disable": ["classifier.justext"]}})
    assert not pipeline_for(config).rules.enabled("page.story-span")
