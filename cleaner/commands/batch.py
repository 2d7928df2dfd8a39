"""`cleaner run`: clean files, folders, globs and JSONL shards into records, errors and a manifest.

Output in `--output DIR`: `records/<shard>.jsonl` (one `ArticleRecord` per line, plus `source`:
the input path, and the line for JSONL), `errors/<shard>.jsonl` (`id`, `source`, `error`,
`message` for each document that could not be cleaned) and `manifest.json`. Exit codes: 0 the
run completed (error rows included), 1 with --fail-on-error when there were error rows,
2 usage, input or config errors.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from cleaner.batch.manifest import summary
from cleaner.batch.readers import JsonFields
from cleaner.batch.runner import RunOptions, run_batch


def register(group: click.Group) -> None:
    @group.command("run")
    @click.argument("inputs", nargs=-1, required=True)
    @click.option("-o", "--output", required=True,
                  type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
    @click.option("--workers", type=click.IntRange(min=0), default=None,
                  help="Worker processes (default: every CPU); 0 cleans in this process, "
                       "without a pool (for debugging and profiling).")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False),
                  help="TOML config (default: ./cleaner.toml or [tool.cleaner]).")
    @click.option("--format", "output_format", type=click.Choice(["jsonl"]), default="jsonl",
                  show_default=True, help="Output format.")
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
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar, no summary.")
    def run_command(inputs: tuple[str, ...], output: Path, workers: int | None,
                    config_path: str | None, output_format: str, executor: str,
                    ray_address: str | None, overwrite: bool, fail_on_error: bool,
                    timeout: float, shard_size: int, id_field: str, text_field: str,
                    html_field: str, url_field: str, quiet: bool) -> None:
        """Clean INPUT... (files, folders, globs; .txt, .html, .jsonl[.gz]) into --output.

        Re-running the same command resumes: finished shards are kept, the rest redone.
        """
        from cleaner.cli import load_config

        options = RunOptions(
            inputs=inputs, output=output, config=load_config(config_path),
            workers=(os.cpu_count() or 1) if workers is None else workers,
            executor=executor, ray_address=ray_address,
            overwrite=overwrite, timeout=timeout, shard_size=shard_size,
            fields=JsonFields(id=id_field, text=text_field, html=html_field, url=url_field),
            progress=not quiet and sys.stderr.isatty())
        manifest = run_batch(options)
        warn_skipped(manifest["skipped"])
        if not quiet:
            click.echo(summary(manifest, str(output)))
        if fail_on_error and manifest["counts"]["errors"]:
            sys.exit(1)


def warn_skipped(skipped: list[dict[str, str]]) -> None:
    """One stderr line for files of unsupported types; the manifest lists each of them."""
    if skipped:
        names = ", ".join(item["path"] for item in skipped[:3])
        more = f" and {len(skipped) - 3} more" if len(skipped) > 3 else ""
        click.echo(f"cleaner: warning: skipped {len(skipped)} file(s) of unsupported types: "
                   f"{names}{more} (see manifest.json)", err=True)
