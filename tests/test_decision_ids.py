"""The ids `clean()` writes in `record.edits` are catalog ids: over every fixture, documents
made of every rule's examples, and every heuristic's example documents."""

from __future__ import annotations

from cleaner.api import clean
from cleaner.catalog import Rule, load_catalog
from cleaner.ci.golden import find_cases
from cleaner.config import Config
from cleaner.entries import HeuristicEntry
from cleaner.examples import heuristic_failures
from tests.conftest import FIXTURES

CATALOG = load_catalog()
HEURISTICS = {e.id: e for e in CATALOG.entries if isinstance(e, HeuristicEntry)}
# Three paragraphs of prose (the first lines of a heuristic's example document).
STORY = tuple(HEURISTICS["inserted.related-list"].examples.keep[0].splitlines()[:3])


def rule_documents() -> list[str]:
    """One document per rule file's worth of rules: the story with every remove example of
    those rules between its paragraphs, so that each rule has its chance to fire."""
    by_prefix: dict[str, list[str]] = {}
    for rule in CATALOG.rules:
        by_prefix.setdefault(rule.id.split(".")[0], []).extend(rule.examples.remove)
    return ["\n".join([STORY[0], *examples, *STORY[1:]]) for examples in by_prefix.values()]


def written_ids() -> set[str]:
    """Every `edit.rule` that cleaning the fixtures and the generated documents writes."""
    ids = set()
    for case in find_cases(FIXTURES):
        ids |= {edit.rule for edit in case.run(Config()).record.edits}
    for doc in rule_documents():
        ids |= {edit.rule for edit in clean(doc, content_type="text").edits}
    for entry in HEURISTICS.values():
        if entry.run == "clean":
            for doc in (*entry.examples.change, *entry.examples.keep):
                ids |= {e.rule for e in clean(doc, url=entry.url, content_type="text").edits}
    return ids


def test_every_edit_id_clean_writes_is_in_the_catalog():
    ids = written_ids()
    assert {rule for rule in ids if CATALOG.get(rule) is None} == set()
    kinds = {CATALOG.get(rule).kind for rule in ids}
    assert kinds == {"rule", "heuristic", "fix"}  # the documents reach every kind
    assert len(ids) >= 100


def test_the_batch_template_edits_are_the_template_entry():
    entry = HEURISTICS["template"]
    assert heuristic_failures(entry) == []  # its change examples do get template:<site> edits
    from cleaner.examples import _templated

    rules = {e.rule for edits in _templated(entry, list(entry.examples.change)) for e in edits}
    assert rules == {"template:globex.example"}
    assert CATALOG.get(next(iter(rules)).partition(":")[0]) is entry


def test_every_rule_of_the_catalog_is_a_rule_entry():
    assert all(isinstance(CATALOG.get(rule.id), Rule) for rule in CATALOG.rules)


def test_the_story_span_edits_carry_the_canonical_id():
    [page] = HEURISTICS["page.story-span"].examples.change
    rules = {edit.rule for edit in clean(page, content_type="text").edits}
    assert "page.story-span" in rules and "classifier.justext" not in rules


def test_every_edit_id_written_in_the_source_is_in_the_catalog():
    """An Edit(rule="...") literal in the package names a catalog entry (or a family such as
    `template:` / `<stage>.<fix>` built from one)."""
    import re
    from pathlib import Path

    import cleaner

    literal = re.compile(r'rule="([a-z0-9][a-z0-9.:-]*)"')
    root = Path(cleaner.__file__).parent
    found = {(path.name, rule) for path in root.rglob("*.py")
             for rule in literal.findall(path.read_text(encoding="utf-8"))}
    assert found, "the pattern no longer finds edit ids in the source"
    assert [(name, rule) for name, rule in sorted(found) if CATALOG.get(rule) is None] == []
