"""Duplicates: exact and near copies point to the first document of their group by input
order, are marked or dropped, the same whatever the workers and shards; the pass is
idempotent; the seeds pair as they should; planted copies among real articles are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.dedup import DEFAULT_TEXTS, plant_copies, score, write_feed
from cleaner.batch.runner import RunOptions, run_batch
from cleaner.batch.settings import DedupSettings
from cleaner.batch.steps import dedup
from cleaner.batch.steps.minhash import signature
from cleaner.config import Config
from tests.batch.helpers import manifest, rows, story, tree, write_jsonl

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


def near_copy(text: str) -> str:
    """The text with a chrome line above it and one word changed."""
    words = text.split(" ")
    words[5] = "banana"
    return "Share this article\n" + " ".join(words)


@pytest.fixture
def feed(tmp_path):
    """Six stories, then copies: exact of s2, near of s3, near of that near copy, and an empty
    text (nobody's duplicate); {id: the id its row must name in duplicate_of}."""
    docs = [{"id": f"s{n}", "text": story(n)} for n in range(6)]
    copy = near_copy(story(3))
    docs += [{"id": "exact-s2", "text": story(2)}, {"id": "near-s3", "text": copy},
             {"id": "near-near-s3", "text": copy.replace("officials", "the officials", 1)},
             {"id": "empty-1", "text": ""}, {"id": "empty-2", "text": ""}]
    expected = {doc["id"]: None for doc in docs} | {
        "exact-s2": "s2", "near-s3": "s3", "near-near-s3": "s3"}
    return write_jsonl(tmp_path / "feed.jsonl", docs), expected


def marked(output: Path) -> dict[str, str | None]:
    return {row["id"]: row["duplicate_of"] for row in rows(output, "records")}


def test_copies_point_to_the_first_document_of_their_group(feed, tmp_path, cli, fast_config):
    path, expected = feed
    out = tmp_path / "out"
    result = cli("run", path, "-o", out, "--dedup", "--workers", "0", "--config", fast_config)
    assert result.exit_code == 0, result.output
    assert marked(out) == expected
    first = rows(out, "records")[0]
    assert list(first)[-2:] == ["origin", "duplicate_of"]
    found = manifest(out)["duplicates"]
    assert (found["exact"], found["near"], found["dropped"]) == (1, 2, 0)
    assert "Duplicates: 1 exact, 2 near." in result.output


def test_drop_duplicates_leaves_them_out_and_counts_them(feed, tmp_path, cli, fast_config):
    path, expected = feed
    out = tmp_path / "out"
    assert cli("run", path, "-o", out, "--drop-duplicates", "--workers", "0", "-q",
               "--config", fast_config).exit_code == 0
    assert marked(out) == {doc: None for doc, root in expected.items() if root is None}
    data = manifest(out)
    assert data["duplicates"]["dropped"] == 3
    assert data["counts"]["records"] == len(expected)  # every cleaned document, dropped ones too


def test_groups_do_not_depend_on_workers_or_shards(feed, tmp_path, cli, fast_config):
    path, _ = feed
    args = ["run", path, "--drop-duplicates", "-q", "--config", fast_config]
    assert cli(*args, "-o", tmp_path / "a", "--workers", "0").exit_code == 0
    assert cli(*args, "-o", tmp_path / "b", "--workers", "2", "--shard-size", "3").exit_code == 0
    assert cli(*args, "-o", tmp_path / "c", "--workers", "1", "--shard-size", "3").exit_code == 0
    assert rows(tmp_path / "a", "records") == rows(tmp_path / "b", "records")
    assert tree(tmp_path / "b") == tree(tmp_path / "c")


def test_a_pass_killed_midway_then_resumed_gives_the_same_output(feed, tmp_path, monkeypatch):
    path, _ = feed
    options = RunOptions(inputs=(str(path),), output=tmp_path / "out", workers=0, shard_size=4,
                         config=Config.from_dict({"rules": {"builtin": False}}),
                         dedup=DedupSettings(drop=True))
    reference = run_batch(RunOptions(**{**options.__dict__, "output": tmp_path / "ref"}))
    mark_shard = dedup.mark_shard

    def killed_after_one_shard(*args):
        mark_shard(*args)
        raise KeyboardInterrupt
    monkeypatch.setattr(dedup, "mark_shard", killed_after_one_shard)
    with pytest.raises(KeyboardInterrupt):
        run_batch(options)
    monkeypatch.setattr(dedup, "mark_shard", mark_shard)
    resumed = run_batch(options)
    assert tree(tmp_path / "out") == tree(tmp_path / "ref")
    assert resumed["duplicates"] == reference["duplicates"]
    run_batch(options)  # and once more, on a finished folder
    assert tree(tmp_path / "out") == tree(tmp_path / "ref")


def test_seeds_from_two_outlets_pair_and_two_texts_of_one_event_do_not(tmp_path, cli):
    out = tmp_path / "out"
    assert cli("run", SEEDS, "-o", out, "--dedup", "--workers", "0", "-q").exit_code == 0
    by_name = {Path(row["origin"]["path"]).name[:3]: row for row in rows(out, "records")}
    assert by_name["001"]["duplicate_of"] == by_name["000"]["id"]
    assert [by_name[n]["duplicate_of"] for n in ("000", "002", "003")] == [None, None, None]


def test_a_higher_threshold_keeps_rewritten_stories_apart(tmp_path, cli):
    out = tmp_path / "out"
    assert cli("run", SEEDS, "-o", out, "--dedup", "--near-duplicate-threshold", "0.8",
               "--workers", "0", "-q").exit_code == 0
    assert {row["duplicate_of"] for row in rows(out, "records")} == {None}
    assert manifest(out)["duplicates"]["settings"]["threshold"] == 0.8


def test_options_are_checked_and_part_of_the_run(tmp_path, cli, fast_config):
    path = write_jsonl(tmp_path / "feed.jsonl", [{"text": story(1)}])
    result = cli("run", path, "-o", tmp_path / "x", "--near-duplicate-threshold", "0.5")
    assert result.exit_code == 2 and "needs --dedup or --drop-duplicates" in result.output
    args = ["run", path, "-o", tmp_path / "out", "--workers", "0", "-q", "--config", fast_config]
    assert cli(*args, "--dedup").exit_code == 0
    result = cli(*args, "--drop-duplicates")
    assert result.exit_code == 2 and "another --dedup / --drop-duplicates" in result.output


def test_signatures_are_pinned():
    """The same text has the same signature on every machine (datasketch's affine32 scheme,
    seed 1): a change here changes which documents are duplicates."""
    values = signature("The council approved the new budget on Monday.", DedupSettings())
    assert values.dtype.name == "uint32" and len(values) == 256
    assert values[:4].tolist() == [265066877, 1538169478, 2194406125, 424714152]
    assert signature("  ...  ", DedupSettings()) is None


@pytest.mark.skipif(not DEFAULT_TEXTS.is_dir(), reason="Zyte dataset not available")
def test_planted_copies_among_real_articles_are_found(tmp_path):
    """bench/dedup.py, smaller: 60 real articles, 10 exact and 10 near copies."""
    texts = [f.read_text(encoding="utf-8") for f in sorted(DEFAULT_TEXTS.glob("*.txt"))[:60]]
    docs = plant_copies(texts, exact=10, near=10)
    run_batch(RunOptions(inputs=(str(write_feed(tmp_path / "feed.jsonl", docs)),),
                         output=tmp_path / "out", workers=0, dedup=DedupSettings()))
    result = score(docs, rows(tmp_path / "out", "records"))
    assert (result["found"], result["false_positives"]) == (20, 0)
