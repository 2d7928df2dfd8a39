"""The step protocol: a shard runs its task's steps in order on each record and row, error rows
pass untouched, a step may write no row, and each step adds to the shard's marker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.batch.execute.worker import ShardTask, process_shard
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.readers import InputFile, SourceItem
from cleaner.batch.io.shards import plan_shards
from cleaner.batch.steps.step import Outcome, ShardStep
from cleaner.config import Config
from cleaner.record import ArticleRecord
from tests.batch.helpers import rows, story, write_jsonl


@dataclass(frozen=True)
class Tag:
    """A step that appends its name to each record's text and row, and counts what it saw."""

    name: str
    write: bool = True

    def start(self, task: ShardTask) -> ShardStep:
        return _Tagger(self.name, self.write)


class _Tagger(ShardStep):
    def __init__(self, name: str, write: bool) -> None:
        self.name, self.write, self.seen = name, write, 0

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        self.seen += 1
        return record.model_copy(update={"text": f"{record.text} {self.name}"})

    def row(self, outcome: Outcome, row: dict[str, Any]) -> dict[str, Any] | None:
        return {**row, "tags": [*row.get("tags", []), self.name]} if self.write else None

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        return {f"seen_{self.name}": self.seen}


def run_shard(tmp_path: Path, fast_config: Path, *steps: Tag) -> dict[str, Any]:
    feed = write_jsonl(tmp_path / "feed.jsonl", [{"id": "a", "text": story(1)}, "not json",
                                                 {"id": "b", "text": story(2)}])
    (shard,) = plan_shards([InputFile(feed, "feed.jsonl", "jsonl")], 10)
    OutputDir(tmp_path / "out").prepare({}, overwrite=False)
    task = ShardTask(str(tmp_path / "out"), Config.from_file(fast_config).cache_key(),
                     steps=steps)
    return process_shard(shard, task)


def test_steps_run_in_order_on_records_and_rows(tmp_path, fast_config):
    marker = run_shard(tmp_path, fast_config, Tag("one"), Tag("two"))
    records = rows(tmp_path / "out", "records")
    assert [row["text"].split()[-2:] for row in records] == [["one", "two"]] * 2
    assert [row["tags"] for row in records] == [["one", "two"]] * 2
    (error,) = rows(tmp_path / "out", "errors")
    assert error["error"] == "invalid_json" and "tags" in error  # rows of errors pass too
    assert (marker["seen_one"], marker["seen_two"], marker["errors"]) == (2, 2, 1)


def test_a_step_may_write_no_rows(tmp_path, fast_config):
    marker = run_shard(tmp_path, fast_config, Tag("one", write=False), Tag("two"))
    assert not rows(tmp_path / "out", "records") and not rows(tmp_path / "out", "errors")
    assert (marker["records"], marker["seen_two"]) == (2, 2)
