"""`run_batch`: plan a run's shards, skip the finished ones, run the rest, write the manifest."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from cleaner.batch import BatchError
from cleaner.batch.executor import Executor, make_executor
from cleaner.batch.manifest import build_manifest, config_hash, rules_hash
from cleaner.batch.readers import JsonFields, expand_inputs
from cleaner.batch.shards import OutputDir, Shard, describe, plan_hash, plan_shards
from cleaner.batch.worker import ShardTask
from cleaner.config import Config


@dataclass(frozen=True)
class RunOptions:
    """Everything `cleaner run` was asked to do. Only `config`, the inputs, `shard_size` and
    `fields` decide the output; the rest decides how fast and how visibly it is made."""

    inputs: tuple[str, ...]
    output: Path
    config: Config = field(default_factory=Config)
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    executor: str = "local"
    ray_address: str | None = None
    overwrite: bool = False
    timeout: float | None = 30.0
    shard_size: int = 1000
    fields: JsonFields = field(default_factory=JsonFields)
    progress: bool = False


def run_batch(options: RunOptions, executor: Executor | None = None) -> dict[str, Any]:
    """Clean every document of the inputs into `options.output`; returns the manifest.

    Raises `BatchError` before any work when the run cannot be done, and `ConfigError` (from
    the first shard: the pipeline is only built where documents are cleaned) for a bad config.
    """
    started = time.perf_counter()
    executor = executor or make_executor(options.executor, options.workers, options.ray_address)
    files, skipped = expand_inputs(options.inputs, exclude=options.output)
    shards = plan_shards(files, options.shard_size)
    out = OutputDir(options.output)
    try:
        out.prepare(_identity(options, shards), options.overwrite)
        todo = [shard for shard in shards if out.marker(shard) is None]
        cleaned = _execute(executor, shards, todo, _task(options), options.progress)
        run = {"executor": options.executor, "workers": min(executor.workers, len(todo)),
               "resumed_shards": len(shards) - len(todo), "documents_cleaned": cleaned,
               "wall_seconds": round(time.perf_counter() - started, 3)}
        manifest = build_manifest(files=files, skipped=skipped, shards=_markers(out, shards),
                                  config=options.config, run=run)
        out.write_manifest(manifest)
    except OSError as exc:
        raise BatchError(f"cannot write the output in {options.output}: {describe(exc)}") from None
    return manifest


def _markers(out: OutputDir, shards: list[Shard]) -> list[dict[str, Any]]:
    """Every shard's marker, read back from the output folder, which is the record of truth."""
    markers = [out.marker(shard) for shard in shards]
    missing = [shard.name for shard, marker in zip(shards, markers) if marker is None]
    if missing:  # e.g. Ray workers writing to a disk the driver does not see
        raise BatchError(f"{len(missing)} shard(s) finished without a completion marker in "
                         f"{out.done} (first: {missing[0]}); is the output folder shared?")
    return markers  # type: ignore[return-value]


def _identity(options: RunOptions, shards: list[Shard]) -> dict[str, str]:
    """What a resumed run must share with the one that wrote the folder."""
    settings = {"format": "jsonl", "shard_size": options.shard_size,
                "fields": dataclasses.asdict(options.fields)}
    return {"config_hash": config_hash(options.config), "rules_hash": rules_hash(options.config),
            "plan_hash": plan_hash(shards, settings)}


def _task(options: RunOptions) -> ShardTask:
    return ShardTask(str(options.output.resolve()), options.config.cache_key(), options.fields,
                     options.timeout)


def _execute(executor: Executor, shards: list[Shard], todo: list[Shard], task: ShardTask,
             progress: bool) -> int:
    """Run the unfinished shards, with a progress bar on stderr counting documents and errors;
    returns how many documents they held."""
    pending = {shard.name for shard in todo}
    total = sum(shard.documents for shard in shards)
    done_before = sum(shard.documents for shard in shards if shard.name not in pending)
    cleaned = errors = 0
    with tqdm(total=total, initial=done_before, unit="doc", disable=not progress,
              file=sys.stderr, dynamic_ncols=True, smoothing=0.1) as bar:
        for marker in executor.run(todo, task):
            cleaned += marker["documents"]
            errors += marker["errors"]
            bar.set_postfix(errors=errors, refresh=False)
            bar.update(marker["documents"])
    return cleaned
