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
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from cleaner.batch.execute import pool
from cleaner.cli import load_config


def register(group: click.Group) -> None:
    @group.command("run")
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("-o", "--output", required=True,
                  help="Output folder, local or a URL (s3://bucket/prefix, gs://...).")
    @click.option("--workers", type=click.IntRange(min=0), default=None,
                  help="Worker processes (default: every CPU); 0 cleans in this process, "
                       "without a pool (for debugging and profiling).")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="TOML config (default: ./cleaner.toml or [tool.cleaner]).")
    @click.option("--output-format", "--format", "output_format",
                  type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
                  help="Format of records/ and errors/.")
    @click.option("--compression", type=click.Choice(["none", "gzip", "snappy", "zstd"]),
                  default=None, help="jsonl: none or gzip (.jsonl.gz); parquet: snappy, gzip, "
                                     "zstd or none [default: none for jsonl, snappy for parquet].")
    @click.option("--executor", type=click.Choice(["local", "ray"]), default="local",
                  show_default=True, help="Local process pool, or one Ray task per shard.")
    @click.option("--ray-address", default=None, help="Ray cluster to join (with --executor ray).")
    @click.option("--overwrite", is_flag=True,
                  help="Replace the results in --output instead of resuming them.")
    @click.option("--fail-on-error", is_flag=True, help="Exit 1 when any document failed.")
    @click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
                  show_default=True, help="Seconds allowed per document.")
    @click.option("--shard-size", type=click.IntRange(min=1), default=1000, show_default=True,
                  help="Documents per shard: lines of a JSONL file, or files of one folder.")
    @click.option("--id-field", default="id", show_default=True, help="JSONL field of the id.")
    @click.option("--text-field", default="text", show_default=True,
                  help="JSONL field of plain text.")
    @click.option("--html-field", default="html", show_default=True,
                  help="JSONL field of HTML (used when present).")
    @click.option("--url-field", default="url", show_default=True, help="JSONL field of the URL.")
    @click.option("--dedup", is_flag=True,
                  help='Mark duplicates: each record row gets "duplicate_of" (null, or the id of '
                       "the first document of its group).")
    @click.option("--drop-duplicates", is_flag=True,
                  help="Leave duplicates out of the records (implies --dedup).")
    @click.option("--near-duplicate-threshold", type=click.FloatRange(min=0, max=1, min_open=True),
                  default=None, help="Jaccard similarity of 3-word shingles from which two "
                                     "documents are near duplicates [default: 0.3].")
    @click.option("--learn-templates", is_flag=True,
                  help="First learn each site's template lines (lines on many of its pages), "
                       "then remove them; writes DIR/templates.json.")
    @click.option("--templates", "templates_file", type=click.Path(dir_okay=False, path_type=Path),
                  help="Remove the template lines of this templates.json.")
    @click.option("--template-min-pages", type=click.IntRange(min=1), default=None,
                  help="A template line is on at least this many pages of its site [default: 5].")
    @click.option("--template-min-share", type=click.FloatRange(min=0, max=1), default=None,
                  help="... and on at least this share of them [default: 0.3].")
    @click.option("--template-min-edge-share", type=click.FloatRange(min=0, max=1), default=None,
                  help="... and above or below the story on at least this share of its pages "
                       "[default: 0.8].")
    @click.option("--template-anywhere-share", type=click.FloatRange(min=0, max=1), default=None,
                  help="A template line on this share of its site's pages goes wherever it "
                       "stands, not only above or below the story [default: 0.9].")
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
    def run_command(inputs: tuple[str, ...], output: str, workers: int | None,
                    config_path: str | None, output_format: str, compression: str | None,
                    executor: str,
                    ray_address: str | None, overwrite: bool, fail_on_error: bool,
                    timeout: float, shard_size: int, id_field: str, text_field: str,
                    html_field: str, url_field: str, quiet: bool, **passes: Any) -> None:
        """Clean INPUT... (files, folders, globs or URLs; .txt, .html, .jsonl[.gz], .warc[.gz],
        .parquet) into --output.

        Re-running the same command resumes: finished shards are kept, the rest redone.
        """
        if executor == "local" and workers != 0:
            pool.start()  # the workers' forkserver loads the pipeline while this process plans
        from cleaner.batch.io.readers import JsonFields
        from cleaner.batch.manifest import summary  # the pipeline, imported after that start
        from cleaner.batch.runner import RunOptions, run_batch

        options = RunOptions(
            inputs=inputs, output=output, config=load_config(config_path),
            workers=(os.cpu_count() or 1) if workers is None else workers,
            executor=executor, ray_address=ray_address,
            overwrite=overwrite, timeout=timeout, shard_size=shard_size,
            fields=JsonFields(id=id_field, text=text_field, html=html_field, url=url_field),
            progress=not quiet and sys.stderr.isatty(), output_format=output_format,
            compression=compression_of(output_format, compression), **pass_options(**passes))
        manifest = run_batch(options)
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


def compression_of(output_format: str, compression: str | None) -> str | None:
    """The compression a format gets: --compression as given ("none" is None), else none for
    JSONL and snappy (pyarrow's default) for Parquet."""
    if compression is None:
        return "snappy" if output_format == "parquet" else None
    return None if compression == "none" else compression


def pass_options(dedup: bool, drop_duplicates: bool, near_duplicate_threshold: float | None,
                 learn_templates: bool, templates_file: Path | None,
                 **thresholds: float | None) -> dict[str, Any]:
    """The `RunOptions` of duplicates and templates; a threshold without its pass is a usage
    error, as are --learn-templates and --templates together."""
    from cleaner.batch.settings import DedupSettings, TemplateSettings

    dedup = dedup or drop_duplicates
    if near_duplicate_threshold is not None and not dedup:
        raise click.UsageError("--near-duplicate-threshold needs --dedup or --drop-duplicates")
    given = {name: value for name, value in thresholds.items() if value is not None}
    if given and not learn_templates:
        option = "--" + next(iter(given)).replace("_", "-")
        raise click.UsageError(f"{option} needs --learn-templates")
    if learn_templates and templates_file:
        raise click.UsageError("--learn-templates and --templates cannot be used together")
    settings = {name.removeprefix("template_"): value for name, value in given.items()}
    threshold = {} if near_duplicate_threshold is None else {"threshold": near_duplicate_threshold}
    return {"dedup": DedupSettings(drop=drop_duplicates, **threshold) if dedup else None,
            "learn_templates": TemplateSettings(**settings) if learn_templates else None,
            "templates_file": templates_file}


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
