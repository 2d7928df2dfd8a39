"""The RE2 sets compiled early for `cleaner clean` are the ones the catalog would compile, and
a missing, stale or corrupt entry only means the catalog compiles them itself."""

from __future__ import annotations

import pytest

from cleaner import catalog, disk_cache, matching, warm_start


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    catalog._load_cached.cache_clear()
    yield tmp_path
    catalog._load_cached.cache_clear()
    matching._PREPARED.clear()


LINES = ("Share this article", "Back to top", "The council approved the budget on Monday.",
         "ALSO READ: the mayor's plan", "He said so. (Reuters)")


def _hits(rules: catalog.RuleSet) -> list[list[str]]:
    return [[hit.rule.id for hit in rules.hits(line, ("line", "prefix", "tail", "inline"))]
            for line in LINES]


def test_loading_the_builtin_catalog_remembers_its_sets(cache):
    rules = catalog.load_rules()
    (entry,) = cache.glob("rule-sets-*")
    assert entry.name == f"rule-sets-{warm_start.builtin_files_key()}.bin"
    assert rules.patterns_by_anchor()["full"]  # and `start_rule_sets` reads them back:
    warm_start.start_rule_sets()
    assert {anchor for anchor, _ in matching._PREPARED} == {"full", "start", "search"}


def test_a_prepared_set_is_taken_and_matches_as_one_compiled_then(cache):
    want = _hits(catalog.load_rules())
    catalog._load_cached.cache_clear()
    warm_start.start_rule_sets()
    prepared = dict(matching._PREPARED)
    rules = catalog.load_rules()
    assert not matching._PREPARED  # each prepared set was taken by the new catalog
    assert {id(s) for s in rules._matcher._sets.values()} == {
        id(p.compiled) for p in prepared.values()}
    assert _hits(rules) == want


def test_other_patterns_compile_their_own_sets(cache):
    matching.prepare_sets({"full": ["(?i)something else"]})
    rules = catalog.load_rules()
    assert len(matching._PREPARED) == 1  # not taken: the catalog's patterns differ
    assert rules.hits("Back to top", ("line",))


def test_a_set_that_fails_in_the_background_fails_as_before(cache):
    matching.prepare_sets({"full": ["a{1000}{1000}"]})
    assert matching._take_prepared("full", ("a{1000}{1000}",)) is None


@pytest.mark.parametrize("data", [b"not json", b"[1, 2]", b'{"full": "x"}', b""])
def test_a_corrupt_or_odd_entry_starts_nothing(cache, data):
    disk_cache.write_entry("rule-sets", warm_start.builtin_files_key(), data)
    warm_start.start_rule_sets()
    assert not matching._PREPARED


def test_no_entry_or_no_cache_starts_nothing(cache, monkeypatch):
    warm_start.start_rule_sets()
    assert not matching._PREPARED
    monkeypatch.setenv("CLEANER_CACHE_DIR", "off")
    catalog.load_rules()
    warm_start.start_rule_sets()
    assert not matching._PREPARED


def test_entries_are_read_and_written_by_name_and_key(cache):
    assert disk_cache.read_entry("x", "k") is None
    disk_cache.write_entry("x", "k", b"abc")
    assert disk_cache.read_entry("x", "k") == b"abc"
    assert disk_cache.read_entry("x", "other") is None
