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
from cleaner.batch.execute.executor import Executor, make_executor
from cleaner.batch.execute.worker import ShardTask
from cleaner.batch.identity import run_identity
from cleaner.batch.io.inputs import expand_inputs
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.parquet import require_pyarrow
from cleaner.batch.io.readers import JsonFields
from cleaner.batch.io.shards import Shard, describe, plan_shards
from cleaner.batch.io.storage import is_url, local_path
from cleaner.batch.manifest import build_manifest, config_hash, rules_hash
from cleaner.batch.settings import BatchSettings, DedupSettings, TemplateSettings
from cleaner.batch.steps.dedup import Dedup
from cleaner.batch.steps.step import RunStep, StepSpec
from cleaner.batch.steps.templates import templates_enabled
from cleaner.batch.steps.templates_step import SiteTemplates, read_templates
from cleaner.config import Config


@dataclass(frozen=True)
class RunOptions:
    """Everything `cleaner run` was asked to do (`from_config`: as the config's `[batch]`
    section, with the options given, says). Only `config`, the inputs, `shard_size`,
    `fields`, `dedup`, the templates, `output_format` and `compression` decide the output; the
    rest decides how fast and how visibly it is made (and `output` where)."""

    inputs: tuple[str, ...]
    output: Path | str  # a local folder, or a URL (s3://bucket/prefix)
    config: Config = field(default_factory=Config)
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    executor: str = "local"
    ray_address: str | None = None
    overwrite: bool = False
    timeout: float | None = 30.0
    shard_size: int = 1000
    fields: JsonFields = field(default_factory=JsonFields)
    progress: bool = False
    dedup: DedupSettings | None = None
    learn_templates: TemplateSettings | None = None
    templates_file: Path | None = None
    output_format: str = "jsonl"  # or "parquet"
    compression: str | None = None  # jsonl: gzip; parquet: snappy, gzip, zstd

    @classmethod
    def from_config(cls, inputs: tuple[str, ...], output: Path | str, config: Config,
                    **rest: Any) -> RunOptions:
        """The run `config.batch` describes (`rest`: `overwrite`, `progress`)."""
        batch = config.batch
        templates = batch.templates
        return cls(
            inputs=inputs, output=output, config=config,
            workers=(os.cpu_count() or 1) if batch.workers is None else batch.workers,
            executor=batch.executor, ray_address=batch.ray_address, timeout=batch.timeout,
            shard_size=batch.shard_size, fields=JsonFields(**batch.fields.model_dump()),
            output_format=batch.output_format, compression=batch.output_compression(),
            dedup=batch.dedup,
            learn_templates=templates.thresholds() if templates and templates.learn else None,
            templates_file=templates.file if templates else None, **rest)


COMPRESSIONS = {"jsonl": (None, "gzip"), "parquet": (None, "snappy", "gzip", "zstd")}


def check_options(options: RunOptions) -> None:
    """BatchError, before any work, for options that cannot go together."""
    if options.compression not in COMPRESSIONS.get(options.output_format, ()):
        raise BatchError(f"--compression {options.compression} does not apply to "
                         f"--output-format {options.output_format} (choose from "
                         f"{', '.join(c or 'none' for c in COMPRESSIONS[options.output_format])})")
    if options.output_format == "parquet":
        require_pyarrow("--output-format parquet")
    plain_jsonl = options.output_format == "jsonl" and options.compression is None
    if options.dedup and not plain_jsonl:
        raise BatchError("--dedup and --drop-duplicates need --output-format jsonl without "
                         "--compression (the duplicate pass rewrites JSONL records)")
    if is_url(options.output) and (options.dedup or options.learn_templates
                                   or options.templates_file):
        raise BatchError("--dedup, --learn-templates and --templates need a local --output "
                         "(they keep side files the driver reads back); object storage "
                         "takes the cleaning pass alone")


def run_batch(options: RunOptions, executor: Executor | None = None) -> dict[str, Any]:
    """Clean every document of the inputs into `options.output`; returns the manifest.

    Raises `BatchError` before any work when the run cannot be done, and `ConfigError` (from
    the first shard: the pipeline is only built where documents are cleaned) for a bad config.
    """
    started = time.perf_counter()
    check_options(options)
    executor = executor or make_executor(options.executor, options.workers, options.ray_address)
    local_output = None if is_url(options.output) else Path(local_path(str(options.output)))
    files, skipped = expand_inputs(options.inputs, exclude=local_output or str(options.output))
    shards = plan_shards(files, options.shard_size)
    steps = run_steps(options)
    out = OutputDir(local_output or options.output, options.output_format, options.compression)
    try:
        out.prepare(_identity(options, shards, steps), options.overwrite)

        def run_shards(todo: list[Shard], task: ShardTask) -> int:
            return _execute(executor, shards, todo, task, options.progress)

        specs = tuple(step.prepare(out, shards, _task(options), run_shards) for step in steps)
        todo = [shard for shard in shards if out.marker(shard) is None]
        cleaned = run_shards(todo, _task(options, specs))
        markers = _markers(out, shards)
        out.store.remove_temporary_files()  # of workers killed mid-shard (a broken pool)
        sections = {step.manifest_key: step.finish(out, shards, markers) for step in steps}
        run = {"executor": options.executor, "workers": min(executor.workers, len(todo)),
               "resumed_shards": len(shards) - len(todo), "documents_cleaned": cleaned,
               "wall_seconds": round(time.perf_counter() - started, 3)}
        manifest = build_manifest(files=files, skipped=skipped, shards=markers,
                                  config=options.config, run=run, sections=sections,
                                  output_format=options.output_format)
        out.write_manifest(manifest)
    except OSError as exc:
        raise BatchError(f"cannot write the output in {options.output}: {describe(exc)}") from None
    return manifest


def run_steps(options: RunOptions) -> list[RunStep]:
    """The steps a run asked for, in the order they work on a record: templates first, so
    that duplicates are found on the text without templates. Templates are no step when the
    config's `[rules] disable` switches the catalog entry `template` off."""
    steps: list[RunStep] = []
    if (options.learn_templates or options.templates_file) and templates_enabled(options.config):
        steps.append(SiteTemplates(options.learn_templates, read_templates(options.templates_file)))
    if options.dedup:
        steps.append(Dedup(options.dedup))
    return steps


def _markers(out: OutputDir, shards: list[Shard]) -> list[dict[str, Any]]:
    """Every shard's marker, read back from the output folder, which is the record of truth."""
    markers = [out.marker(shard) for shard in shards]
    missing = [shard.name for shard, marker in zip(shards, markers) if marker is None]
    if missing:  # e.g. Ray workers writing to a disk the driver does not see
        raise BatchError(f"{len(missing)} shard(s) finished without a completion marker in "
                         f"{out.display}/done (first: {missing[0]}); is the output folder "
                         "shared?")
    return markers  # type: ignore[return-value]


def _identity(options: RunOptions, shards: list[Shard], steps: list[RunStep]) -> dict[str, str]:
    """What a resumed run must share with the one that wrote the folder."""
    asked = {step.identity_key: step.identity() for step in steps}
    settings = {"output_format": options.output_format, "compression": options.compression,
                "shard_size": options.shard_size, "fields": dataclasses.asdict(options.fields),
                "dedup": asked.get("dedup"), "templates": asked.get("templates")}
    return run_identity(config_hash(options.config), rules_hash(options.config), settings,
                        [(shard.input, shard.fingerprint()) for shard in shards])


def _task(options: RunOptions, steps: tuple[StepSpec, ...] = ()) -> ShardTask:
    output = str(options.output)
    output = output if is_url(output) else str(Path(local_path(output)).resolve())
    # The workers' config leaves out the batch section (already here, in the task), so that a
    # run's config that differs from the default only there finds the warm pipeline.
    config = options.config.model_copy(update={"batch": BatchSettings()})
    for step in steps:
        config = step.configure(config)
    return ShardTask(output, config.cache_key(), options.fields, options.timeout,
                     steps, options.output_format, options.compression)


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
