"""`cleaner run`: clean files, folders, globs, JSONL, WARC and Parquet (local or object
storage) into records, errors and a manifest.

Output in `--output DIR` (or a URL): `records/<shard>.jsonl` (one `ArticleRecord` per line,
plus `source`: the input path, and the line, WARC offset or Parquet row), `errors/<shard>.jsonl`
(`id`, `source`, `error`, `message` for each document that could not be cleaned) and
`manifest.json`; `--output-format parquet` writes `.parquet` files instead. With --dedup or
--drop-duplicates, record rows also have `duplicate_of`; with --learn-templates or --templates,
`templates.json` holds the site template lines removed. Exit codes: 0 the run completed (error
rows included), 1 with --fail-on-error when there were error rows or skipped files, 2 usage,
input or config errors, and a run that read no document.

The run's settings are the config's `[batch]` section (`cleaner.batch.settings`); each option
given on the command line overrides the file's value.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from cleaner.batch.execute import pool
from cleaner.commands.common import load_config

if TYPE_CHECKING:
    from cleaner.batch.settings import BatchSettings

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]

RUN_OPTIONS: list[Decorator] = [
    click.option("--workers", type=click.IntRange(min=0), default=None,
                 help="Worker processes (default: every CPU); 0 cleans in this process, "
                      "without a pool (for debugging and profiling)."),
    click.option("--output-format", "--format", "output_format",
                 type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
                 help="Format of records/ and errors/."),
    click.option("--compression", type=click.Choice(["none", "gzip", "snappy", "zstd"]),
                 default=None, help="jsonl: none or gzip (.jsonl.gz); parquet: snappy, gzip, "
                                    "zstd or none [default: none for jsonl, snappy for parquet]."),
    click.option("--executor", type=click.Choice(["local", "ray"]), default="local",
                 show_default=True, help="Local process pool, or one Ray task per shard."),
    click.option("--ray-address", default=None,
                 help="Ray cluster to join (with --executor ray)."),
    click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
                 show_default=True, help="Seconds allowed per document."),
    click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
                 help="Documents per shard: lines of a JSONL file, or files of one folder."),
]

FIELD_OPTIONS: list[Decorator] = [
    click.option("--id-field", default="id", show_default=True, help="JSONL field of the id."),
    click.option("--text-field", default="text", show_default=True,
                 help="JSONL field of plain text."),
    click.option("--html-field", default="html", show_default=True,
                 help="JSONL field of HTML (used when present)."),
    click.option("--url-field", default="url", show_default=True, help="JSONL field of the URL."),
]

DEDUP_OPTIONS: list[Decorator] = [
    click.option("--dedup", is_flag=True,
                 help='Mark duplicates: each record row gets "duplicate_of" (null, or the id of '
                      "the first document of its group)."),
    click.option("--drop-duplicates", is_flag=True,
                 help="Leave duplicates out of the records (implies --dedup)."),
    click.option("--near-duplicate-threshold",
                 type=click.FloatRange(min=0, max=1, min_open=True), default=None,
                 help="Jaccard similarity of 3-word shingles from which two documents are near "
                      "duplicates [default: 0.3]."),
]

TEMPLATE_OPTIONS: list[Decorator] = [
    click.option("--learn-templates", is_flag=True,
                 help="First learn each site's template lines (lines on many of its pages), "
                      "then remove them; writes DIR/templates.json."),
    click.option("--templates", "templates_file", type=click.Path(dir_okay=False),
                 help="Remove the template lines of this templates.json."),
    click.option("--template-min-pages", type=click.IntRange(min=1), default=None,
                 help="A template line is on at least this many pages of its site [default: 5]."),
    click.option("--template-min-share", type=click.FloatRange(min=0, max=1), default=None,
                 help="... and on at least this share of them [default: 0.3]."),
    click.option("--template-min-edge-share", type=click.FloatRange(min=0, max=1), default=None,
                 help="... and above or below the story on at least this share of its pages "
                      "[default: 0.8]."),
    click.option("--template-anywhere-share", type=click.FloatRange(min=0, max=1), default=None,
                 help="A template line on this share of its site's pages goes wherever it "
                      "stands, not only above or below the story [default: 0.9]."),
]

SETTING_OPTIONS = ("workers", "output_format", "compression", "executor", "ray_address",
                   "timeout", "shard_size")
FIELDS = ("id", "text", "html", "url")
THRESHOLD_OPTIONS = ("template_min_pages", "template_min_share", "template_min_edge_share",
                     "template_anywhere_share")


def options(*groups: list[Decorator]) -> Decorator:
    """Apply the click options of `groups`, in order, as stacked decorators would."""
    def apply(function: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed([option for group in groups for option in group]):
            function = option(function)
        return function
    return apply


@click.command("run")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True,
              help="Output folder, local or a URL (s3://bucket/prefix, gs://...).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="TOML config (default: ./cleaner.toml or [tool.cleaner]); its [batch] "
                   "section sets the options below, which override it.")
@options(RUN_OPTIONS)
@click.option("--overwrite", is_flag=True,
              help="Replace the results in --output instead of resuming them.")
@click.option("--fail-on-error", is_flag=True, help="Exit 1 when any document failed.")
@options(FIELD_OPTIONS, DEDUP_OPTIONS, TEMPLATE_OPTIONS)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
@click.pass_context
def run_command(ctx: click.Context, inputs: tuple[str, ...], output: str,
                config_path: str | None, overwrite: bool, fail_on_error: bool, quiet: bool,
                **flags: Any) -> None:
    """Clean INPUT... (files, folders, globs or URLs; .txt, .html, .jsonl[.gz], .warc[.gz],
    .parquet) into --output.

    Re-running the same command resumes: finished shards are kept, the rest redone.
    """
    if may_use_local_workers(given(ctx, flags)):
        pool.start()  # the workers' forkserver loads the pipeline while this process plans
    config = load_config(config_path)
    batch = batch_settings(config.batch, given(ctx, flags))
    from cleaner.batch.runner import RunOptions, run_batch  # the pipeline, after that start

    options = RunOptions.from_config(inputs, output, config.model_copy(update={"batch": batch}),
                                     overwrite=overwrite,
                                     progress=not quiet and sys.stderr.isatty())
    report(run_batch(options), inputs, output, quiet, fail_on_error)


def register(group: click.Group) -> None:
    group.add_command(run_command)


def may_use_local_workers(flags: dict[str, Any]) -> bool:
    """Whether the run may clean in local worker processes, by the options given on the
    command line: decided before the config loads, so that the workers' forkserver loads
    the pipeline while this process loads the config (0.3 s of imports) and plans. When the
    config then asks for Ray or no workers, that warm-up was wasted; the forkserver idles and
    dies with the run.

    >>> may_use_local_workers({}), may_use_local_workers({"executor": "ray"})
    (True, False)
    >>> may_use_local_workers({"workers": 0}), may_use_local_workers({"workers": 2})
    (False, True)
    """
    return flags.get("executor", "local") == "local" and flags.get("workers") != 0


def given(ctx: click.Context, flags: dict[str, Any]) -> dict[str, Any]:
    """The options given on the command line (or in the environment), not left at their default."""
    return {name: value for name, value in flags.items()
            if ctx.get_parameter_source(name) not in (ParameterSource.DEFAULT, None)}


def batch_settings(base: BatchSettings, flags: dict[str, Any]) -> BatchSettings:
    """The config's batch settings with the options given on the command line over them."""
    from pydantic import ValidationError

    from cleaner.batch.settings import BatchSettings
    from cleaner.errors import first_problem

    update = {name: flags[name] for name in SETTING_OPTIONS if name in flags}
    fields = {name: flags[f"{name}_field"] for name in FIELDS if f"{name}_field" in flags}
    if fields:
        update["fields"] = base.fields.model_dump() | fields
    update |= dedup_update(base, flags) | templates_update(base, flags)
    try:
        return BatchSettings.model_validate(base.model_dump() | update)
    except ValidationError as exc:
        raise click.UsageError(first_problem(exc, "options")) from None


def dedup_update(base: BatchSettings, flags: dict[str, Any]) -> dict[str, Any]:
    """`batch.dedup` as --dedup, --drop-duplicates and --near-duplicate-threshold change it."""
    asked = bool(flags.get("dedup") or flags.get("drop_duplicates"))
    threshold = flags.get("near_duplicate_threshold")
    if not asked and threshold is None:
        return {}
    if not asked and base.dedup is None:
        raise click.UsageError("--near-duplicate-threshold needs --dedup or --drop-duplicates")
    settings = base.dedup.model_dump() if base.dedup else {}
    if asked:
        settings["drop"] = bool(flags.get("drop_duplicates"))
    if threshold is not None:
        settings["threshold"] = threshold
    return {"dedup": settings}


def templates_update(base: BatchSettings, flags: dict[str, Any]) -> dict[str, Any]:
    """`batch.templates` as --learn-templates, --templates and the thresholds change it."""
    learn, file = flags.get("learn_templates"), flags.get("templates_file")
    thresholds = {name.removeprefix("template_"): flags[name] for name in THRESHOLD_OPTIONS
                  if flags.get(name) is not None}
    current = base.templates.model_dump(exclude_unset=True) if base.templates else {}
    learning = learn or (not file and current.get("learn", False))
    if thresholds and not learning:
        option = "--template-" + next(iter(thresholds)).replace("_", "-")
        raise click.UsageError(f"{option} needs --learn-templates")
    if learn and file:
        raise click.UsageError("--learn-templates and --templates cannot be used together")
    if file:
        return {"templates": {"file": file}}
    if learn or thresholds:
        kept = {key: value for key, value in current.items() if key != "file"}
        return {"templates": kept | {"learn": True} | thresholds}
    return {}


def report(manifest: dict[str, Any], inputs: tuple[str, ...], output: str, quiet: bool,
           fail_on_error: bool) -> None:
    """Warnings and the summary on stderr/stdout; exit 2 when no document was read, 1 for
    errors with --fail-on-error."""
    from cleaner.batch.manifest import summary

    warn_skipped(manifest["skipped"])
    warn_duplicate_ids(manifest["duplicate_ids"])
    if not quiet:
        click.echo(summary(manifest, str(output)))
    counts = manifest["counts"]
    if not counts["documents"]:
        click.echo(f"cleaner: error: no document in {' '.join(inputs)} (see "
                   f"{output}/manifest.json)", err=True)
        sys.exit(2)
    if fail_on_error and (counts["errors"] or counts["skipped_files"]):
        sys.exit(1)


def warn_duplicate_ids(found: dict[str, Any]) -> None:
    """One stderr line when documents share an id; the manifest counts them."""
    if found["count"]:
        click.echo(f"cleaner: warning: {found['count']:,} document(s) have an id an earlier "
                   f"document already had: {', '.join(found['first'])}"
                   f"{' ...' if found['count'] > len(found['first']) else ''} "
                   "(see manifest.json: duplicate_ids)", err=True)


def warn_skipped(skipped: list[dict[str, str]]) -> None:
    """One stderr line for files of unsupported types; the manifest lists each of them."""
    if skipped:
        names = ", ".join(item["path"] for item in skipped[:3])
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        click.echo(f"cleaner: warning: skipped {len(skipped)} file(s) of unsupported types: "
                   f"{names}{more} (see manifest.json)", err=True)
