"""The shard function: one shard from its input to its published output and marker.

A top-level function of picklable arguments that writes straight into the output folder, so
the local process pool and Ray (one task per shard) run the very same code.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cleaner.batch.execute.cleaning import Outcome, clean_item, error_row, outcome_row, ready_config
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.readers import ErrorRow, JsonFields, SkippedRecord, SourceItem
from cleaner.batch.io.shards import Shard
from cleaner.batch.manifest import Stats
from cleaner.batch.steps.step import ShardSteps, StepSpec


@dataclass(frozen=True)
class ShardTask:
    """What all shards of a run share: the output folder, the config as JSON (a worker builds
    its pipeline once from it), how to read JSONL documents, the per-document time limit, and
    the shard parts of the run's steps (templates, duplicates), in order."""

    output: str
    config_json: str
    fields: JsonFields = field(default_factory=JsonFields)
    timeout: float | None = 30.0
    steps: tuple[StepSpec, ...] = ()
    output_format: str = "jsonl"
    compression: str | None = None


def process_shard(shard: Shard, task: ShardTask) -> dict[str, Any]:
    """Clean every document of `shard` and publish its output; returns its completion marker."""
    config = ready_config(task.config_json)
    return publish(shard, task, lambda item: clean_item(item, config, task.timeout))


def crashed_shard(shard: Shard, task: ShardTask, message: str) -> dict[str, Any]:
    """Publish each document of a shard whose worker process died as a "worker_crashed" error."""
    return publish(shard, task, lambda item: item if isinstance(item, ErrorRow)
                   else error_row(item, "worker_crashed", message))


def publish(shard: Shard, task: ShardTask,
            outcome_of: Callable[[SourceItem | ErrorRow], Outcome]) -> dict[str, Any]:
    """Turn each item of `shard` into one outcome with `outcome_of` (and the run's steps), write
    the rows in input order, commit the files and the marker. Time is counted apart for
    reading, cleaning and writing."""
    stats = Stats()
    steps = ShardSteps(task)
    ids: list[str | None] = []
    out = OutputDir(task.output, task.output_format, task.compression)
    with out.writer(shard) as writer:
        for item in _timed(shard.items(task.fields), stats.seconds):
            if item is None:
                stats.blank_lines += 1
                continue
            if isinstance(item, SkippedRecord):
                stats.skipped_records[item.reason] += 1
                continue
            with _clock(stats.seconds, "clean"):
                outcome = steps.record(outcome_of(item), item)
            with _clock(stats.seconds, "write"):
                row = steps.row(outcome, outcome_row(outcome, item.origin))
                if row is not None:
                    writer.write("errors" if isinstance(outcome, ErrorRow) else "records", row)
            stats.add(outcome)
            ids.append(outcome.id)
        marker = {"shard": shard.name, "input": shard.input, "documents": stats.documents,
                  "records": stats.records, "errors": stats.errors, "stats": stats.to_dict(),
                  "ids": ids}
        marker |= steps.finish(Path(task.output), shard.name)
        writer.commit(marker)
    return marker


def _timed(items: Iterator[Any], seconds: Counter[str]) -> Iterator[Any]:
    """`items`, with the time spent producing them added to `seconds["read"]`."""
    while True:
        with _clock(seconds, "read"):
            item = next(items, _END)
        if item is _END:
            return
        yield item


_END = object()


@contextmanager
def _clock(seconds: Counter[str], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        seconds[name] += time.perf_counter() - start
