"""GitHub Actions output for `cleaner check`: workflow-command annotations and a step summary.

Annotations (``::error file=F,line=N::message``) put each differing line on the pull
request's diff; the summary is Markdown appended to the file `$GITHUB_STEP_SUMMARY` names.
See docs.github.com, "Workflow commands for GitHub Actions".
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from cleaner.ci.golden import CaseResult
from cleaner.ci.report import Row

# A line quoted in an annotation is cut here: enough to recognize it in one line of output.
_MAX_QUOTED = 120


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: Path, line: int | None, message: str) -> str:
    """One `::error` workflow command."""
    where = f"file={escape_property(path.as_posix())}"
    if line is not None:
        where += f",line={line}"
    return f"::error {where},title=cleaner check::{escape_data(message)}"


def quoted(text: str) -> str:
    return repr(text if len(text) <= _MAX_QUOTED else text[:_MAX_QUOTED] + "…")


def row_message(row: Row) -> str:
    """Why one diff line differs, naming the rules behind it."""
    if row.kind == "-":
        what, how = "expected line no longer in the output", "removed"
    else:
        what, how = "output line not in the expected body", "changed"
    if row.tags:
        what += f" ({how} by {'; '.join(map(str, row.tags))})"
    return f"{what}: {quoted(row.text)}"


def key_line(path: Path, key: str) -> int | None:
    """The line of `"key":` in a JSON file, for pointing an annotation at it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    needle = json.dumps(key) + ":"
    return next((n for n, line in enumerate(lines, 1) if needle in line), None)


def annotations(result: CaseResult) -> list[str]:
    """Every annotation of one case: its error, or each differing line and field."""
    case = result.case
    if result.error:
        return [annotation(case.input_path, None, result.error)]
    found = [annotation(case.body_path, max(row.old, 1), row_message(row))
             for row in result.reported_rows]
    found += [annotation(case.meta_path, key_line(case.meta_path, m.name), str(m))
              for m in result.fields]
    if result.note:
        found.append(annotation(case.body_path, None, result.note))
    return found


def rule_ids(result: CaseResult) -> list[str]:
    return sorted({tag.rule for row in result.reported_rows for tag in row.tags})


def step_summary(results: Sequence[CaseResult], headline: str) -> str:
    """Markdown: the headline, then a table of the cases that differ or fail."""
    lines = ["### cleaner check", "", headline, ""]
    failing = [r for r in results if r.status != "ok"]
    if failing:
        lines += ["| case | status | rules |", "|---|---|---|"]
        for result in failing:
            rules = ", ".join(f"`{rule}`" for rule in rule_ids(result)) or "—"
            lines.append(f"| `{result.case.input_path.as_posix()}` | {result.status} | {rules} |")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_step_summary(results: Sequence[CaseResult], headline: str) -> None:
    """Append the summary to `$GITHUB_STEP_SUMMARY`, when the job provides one."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(step_summary(results, headline))
