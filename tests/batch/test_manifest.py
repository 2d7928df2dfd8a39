"""Shard counts (kept in markers) and the run summary."""

from __future__ import annotations

from cleaner.batch.io.readers import ErrorRow
from cleaner.batch.manifest import Stats, ranked, rules_hash, summary
from cleaner.config import Config
from cleaner.record import ArticleRecord, Edit


def record(language, *rules):
    edits = [Edit(stage="chrome", rule=rule, action="remove" if "." in rule else "replace",
                  before="x", position=0) for rule in rules]
    return ArticleRecord(id="1", language=language, text="two words", word_count=2,
                         content_hash="h", edits=edits)


def test_stats_count_records_errors_rules_and_round_trip_through_json():
    stats = Stats()
    stats.add(record("en", "social.share", "social.share", "quotes"))
    stats.add(record(None).model_copy(update={"flags": ["empty"]}))
    stats.add(ErrorRow(None, {"index": 2}, "timeout", "slow"))
    stats.seconds["clean"] += 0.5
    data = stats.to_dict()
    assert data == {"documents": 3, "records": 2, "errors": 1, "blank_lines": 0, "words": 4,
                    "error_kinds": {"timeout": 1}, "rules": {"social.share": 2, "quotes": 1},
                    "actions": {"remove": 2, "replace": 1}, "languages": {"en": 1, "und": 1},
                    "skipped_records": {}, "flags": {"empty": 1}, "seconds": {"clean": 0.5}}
    total = Stats.from_dict(data)
    total.merge(Stats.from_dict(data))
    assert total.to_dict()["rules"] == {"social.share": 4, "quotes": 2}
    assert total.documents == 6


def test_ranked_is_by_count_then_name():
    assert list(ranked({"b": 2, "a": 2, "c": 5})) == ["c", "a", "b"]


def test_summary_is_one_paragraph():
    manifest = {
        "counts": {"documents": 1200, "inputs": 2, "shards": 3, "records": 1190, "errors": 10,
                   "skipped_files": 1},
        "errors": {"timeout": 7, "invalid_json": 3},
        "actions": {"remove": 5000, "replace": 1},
        "rules": {f"rule.{n}": 10 - n for n in range(7)},
        "languages": {"en": 1000, "fr": 190},
        "flags": {"empty": 4},
        "run": {"wall_seconds": 10.0, "workers": 2, "resumed_shards": 1, "documents_cleaned": 800},
    }
    assert summary(manifest, "out") == (
        "1,200 documents from 2 inputs (3 shards, 1 done before) in 10.0 s (80.0 docs/s, "
        "2 workers): 1,190 records, 10 errors (timeout 7, invalid_json 3). Skipped 1 file of "
        "unsupported types. Removed 5,000 lines, moved 0 to metadata, made 1 fix. Top rules: "
        "rule.0 10, rule.1 9, rule.2 8, rule.3 7, rule.4 6 and 2 more. Languages: en 1,000, "
        "fr 190. Flagged records: empty 4. Output: out/records, out/errors, out/manifest.json.")


def test_rules_hash_follows_the_content_of_the_rule_files(tmp_path):
    extra = tmp_path / "site.yaml"
    extra.write_text("rules: []\n")
    config = Config.from_dict({"rules": {"builtin": False, "extra": [str(extra)]}})
    before = rules_hash(config)
    assert rules_hash(config) == before
    extra.write_text("rules: [] # edited\n")
    assert rules_hash(config) != before
    assert rules_hash(Config()) != rules_hash(Config.from_dict({"rules": {"builtin": False}}))
