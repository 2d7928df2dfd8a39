"""`cleaner diff|check|snapshot|compare|schema`: explain, pin and compare cleaned output.

`diff` shows one document's edits as a rule-tagged diff; `check` compares golden fixtures
(exit 1 on a difference, for CI); `snapshot` and `compare` do the same for a corpus sample
without hand-written expectations; `schema` prints the record's JSON Schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
import orjson

from cleaner.ci import github
from cleaner.ci.baseline import Comparison, compare, dump_row, read_baseline, snapshot_row
from cleaner.ci.golden import CaseResult, check_case, find_cases, input_files, update_case
from cleaner.ci.report import compare_rows, input_rows, render_diff, summary
from cleaner.ci.trace import trace
from cleaner.commands.common import (
    config_option,
    load_config,
    read_source,
    type_option,
    url_option,
)
from cleaner.errors import InputError
from cleaner.record import ArticleRecord

_COLOR = {"auto": None, "always": True, "never": False}
_LARGEST_CHANGES = 3

inputs_argument = click.argument("inputs", nargs=-1, required=True,
                                 type=click.Path(exists=True, path_type=Path))


def register(group: click.Group) -> None:
    for command in (diff_command, check_command, snapshot_command, compare_command,
                    schema_command):
        group.add_command(command)


# -- diff ------------------------------------------------------------------------------

@click.command("diff")
@click.argument("file")
@type_option
@url_option
@config_option
@click.option("--color", type=click.Choice(list(_COLOR)), default="auto", show_default=True,
              help="Color the diff (auto: only on a terminal).")
def diff_command(file: str, content_type: str | None, url: str | None, config_path: str | None,
                 color: str) -> None:
    """Show what cleaning FILE removed and changed, each line tagged with its rule."""
    data, implied = read_source(file)
    result = trace(data, content_type or implied or "auto", load_config(config_path), url)
    side = "extracted text" if result.content_type == "html" else "input"
    lines = render_diff(input_rows(result), f"{file} ({side})", f"{file} (cleaned)")
    for line in lines or ["no changes"]:
        click.echo(line, color=_COLOR[color])
    click.echo("")
    for line in summary(result):
        click.echo(line)


# -- check -----------------------------------------------------------------------------

@click.command("check")
@click.argument("directory", type=click.Path(path_type=Path))
@click.option("--update", is_flag=True, help="Rewrite the expected files from today's output.")
@config_option
@click.option("--format", "output_format", type=click.Choice(["text", "github", "json"]),
              default="text", show_default=True, help="Report for people, GitHub Actions, or tools.")
def check_command(directory: Path, update: bool, config_path: str | None, output_format: str) -> None:
    """Clean every fixture under DIRECTORY and compare it with its expected output.

    Exit 0 when all match, 1 when any differs, 2 on an error.
    """
    if not directory.is_dir():
        raise InputError(f"no fixture folder {directory}")
    cases = find_cases(directory)
    if not cases:
        raise InputError(f"no fixtures (*.txt, *.html) under {directory}")
    config = load_config(config_path)
    results = [(update_case if update else check_case)(case, config) for case in cases]
    headline = check_headline(results, update)
    REPORTERS[output_format](results, headline, update)
    raise SystemExit(check_exit_code(results, update))


def check_headline(results: Sequence[CaseResult], update: bool) -> str:
    """The last line: "N cases, M differ" (or "M updated"), and the errors if any."""
    differ = sum(r.status == "differ" for r in results)
    errors = sum(r.status == "error" for r in results)
    line = f"{len(results)} cases, {differ} {'updated' if update else 'differ'}"
    return line + (f", {errors} errors" if errors else "")


def check_exit_code(results: Sequence[CaseResult], update: bool) -> int:
    if any(r.status == "error" for r in results):
        return 2
    return 1 if not update and any(r.status == "differ" for r in results) else 0


def case_report(result: CaseResult, update: bool) -> list[str]:
    """The lines `check` prints for one case: nothing when it matches."""
    case = result.case
    if result.error:
        return [f"ERROR {case.input_path}: {result.error}"]
    if result.status == "ok":
        return []
    if update:
        return [f"updated {case.input_path}"]
    lines = [f"FAIL {case.input_path}"]
    lines += render_diff(result.rows, str(case.body_path), f"{case.input_path} (cleaned)")
    lines += [f"  {mismatch}" for mismatch in result.fields]
    return lines + ([f"  {result.note}"] if result.note else [])


def report_text(results: Sequence[CaseResult], headline: str, update: bool) -> None:
    for result in results:
        for line in case_report(result, update):
            click.echo(line)
    click.echo(headline)


def report_github(results: Sequence[CaseResult], headline: str, update: bool) -> None:
    for result in results:
        lines = case_report(result, update)
        if not lines:
            continue
        for note in github.annotations(result) if not update else ():
            click.echo(note)
        click.echo(f"::group::{result.case.input_path}")
        for line in lines:
            click.echo(line, color=False)
        click.echo("::endgroup::")
    click.echo(headline)
    github.write_step_summary(results, headline)


def case_json(result: CaseResult, update: bool) -> dict:
    """One case for `--format json`; a line number is in the expected body (for an added
    line, the expected line it follows)."""
    return {
        "case": result.case.input_path.as_posix(),
        "expected": result.case.body_path.as_posix(),
        "status": "updated" if update and result.status == "differ" else result.status,
        "lines": [{"kind": "removed" if row.kind == "-" else "added", "line": row.old,
                   "text": row.text, "rules": [tag.rule for tag in row.tags],
                   "reasons": [tag.reason for tag in row.tags]} for row in result.reported_rows],
        "fields": [{"field": m.name, "expected": m.expected, "actual": m.actual}
                   for m in result.fields],
        "diff": [click.unstyle(line) for line in render_diff(
            result.rows, str(result.case.body_path), f"{result.case.input_path} (cleaned)")],
        "note": result.note,
        "error": result.error,
    }


def report_json(results: Sequence[CaseResult], headline: str, update: bool) -> None:
    document = {
        "summary": headline,
        "cases": len(results),
        "differ": sum(r.status == "differ" for r in results),
        "errors": sum(r.status == "error" for r in results),
        "updated": update,
        "results": [case_json(result, update) for result in results],
    }
    click.echo(orjson.dumps(document, option=orjson.OPT_INDENT_2).decode())


REPORTERS = {"text": report_text, "github": report_github, "json": report_json}


# -- snapshot / compare ----------------------------------------------------------------

@click.command("snapshot")
@inputs_argument
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The baseline JSONL file to write.")
@config_option
def snapshot_command(inputs: tuple[Path, ...], output: Path, config_path: str | None) -> None:
    """Record today's output of INPUT files and folders as a baseline (one JSON line each)."""
    config = load_config(config_path)
    files = input_files(inputs)
    errors = 0
    with output.open("wb") as sink:
        for path in files:
            row, _ = snapshot_row(path, config)
            errors += "error" in row
            sink.write(dump_row(row))
    click.echo(f"{len(files)} documents, {errors} errors -> {output}")


@click.command("compare")
@inputs_argument
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="A file written by `cleaner snapshot`.")
@click.option("--tolerance", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Share of documents that may change before exiting 1.")
@click.option("--show", type=click.IntRange(0), default=_LARGEST_CHANGES, show_default=True,
              help="How many of the largest changes to print as diffs.")
@config_option
def compare_command(inputs: tuple[Path, ...], baseline: Path, tolerance: float, show: int,
                    config_path: str | None) -> None:
    """Clean INPUT files and folders again and report what changed since the baseline.

    Exit 1 when the share of changed documents is above --tolerance.
    """
    config = load_config(config_path)
    expected = read_baseline(baseline)
    comparison = compare(expected, (snapshot_row(path, config) for path in input_files(inputs)))
    for line in comparison_report(comparison, tolerance, show):
        click.echo(line)
    raise SystemExit(1 if comparison.changed_share > tolerance else 0)


def comparison_report(comparison: Comparison, tolerance: float, show: int) -> list[str]:
    """Documents changed, words removed and added (in all and per rule), the largest diffs."""
    changes = comparison.changes
    removed = sum(c.words_removed for c in changes)
    added = sum(c.words_added for c in changes)
    share = f"{comparison.changed_share:.1%}; tolerance {tolerance:.1%}"
    lines = [f"{comparison.documents} documents, {len(changes)} changed ({share})",
             f"words removed: {removed}, words added: {added}"]
    lines += [f"  {c.status:<13} {c.path}  (-{c.words_removed} +{c.words_added} words)"
              for c in sorted(changes, key=lambda c: c.path)]
    return lines + rule_table(comparison) + largest_diffs(comparison, show)


def rule_table(comparison: Comparison) -> list[str]:
    if not comparison.rules:
        return []
    width = max(len(rule) for rule in comparison.rules)
    lines = [f"{'rule':<{width}}  documents  words removed  words added"]
    for rule, n in sorted(comparison.rules.items()):
        lines.append(f"{rule:<{width}}  {n['documents']:>9}  {n['words removed']:>13}  "
                     f"{n['words added']:>11}")
    return lines


def largest_diffs(comparison: Comparison, show: int) -> list[str]:
    largest = comparison.largest(show)
    lines = ["largest changes:"] if largest else []
    for change in largest:
        rows = compare_rows(change.baseline_text.split("\n"), change.result)
        lines += render_diff(rows, f"{change.path} (baseline)", f"{change.path} (cleaned)")
    return lines


# -- schema ----------------------------------------------------------------------------

@click.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the article record, for downstream consumers."""
    schema = ArticleRecord.model_json_schema()
    click.echo(orjson.dumps(schema, option=orjson.OPT_INDENT_2).decode())
