"""Rule-tagged diffs: what cleaning removed and changed, line by line, from the edit log.

Every tag comes from `record.edits` (the same data as the record's edit log); no rule is
run again to explain a line: the lines come from a `Trace` (`cleaner.ci.trace`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

import click

from cleaner.catalog import METADATA_FIELDS
from cleaner.ci.trace import Trace
from cleaner.record import Edit

# Unchanged lines shown around a change, as `diff -u` shows by default.
CONTEXT_LINES = 3
_WORDS = re.compile(r"\w+")


class Tag(NamedTuple):
    """The rule behind a diff line, and its reason (for classifier and position decisions)."""

    rule: str
    reason: str | None = None

    def __str__(self) -> str:
        return f"{self.rule}: {self.reason}" if self.reason else self.rule


# A block removed or changed with no edit saying so: a bug in a stage, shown as such.
UNLOGGED = Tag("unlogged", "no edit in the log accounts for this line")


@dataclass(frozen=True)
class Row:
    """One line of a diff: kind " ", "-" or "+", its line numbers, and the edits behind it."""

    kind: Literal[" ", "-", "+"]
    text: str
    old: int  # 1-based line in the old side (for "+": the line it follows)
    new: int  # 1-based line in the new side (for "-": the line it follows)
    tags: tuple[Tag, ...] = ()


def unique_tags(edits: Iterable[Edit]) -> tuple[Tag, ...]:
    return tuple(dict.fromkeys(Tag(edit.rule, edit.reason) for edit in edits))


def is_whole_block(edit: Edit) -> bool:
    return edit.offset is None and edit.action in ("remove", "to_metadata")


def by_position(edits: Iterable[Edit]) -> dict[int, list[Edit]]:
    grouped: dict[int, list[Edit]] = {}
    for edit in edits:
        grouped.setdefault(edit.position, []).append(edit)
    return grouped


def removal_edits(edits_here: Sequence[Edit]) -> list[Edit]:
    """The edits that took a block out: whole-block ones, else in-line ones that emptied it."""
    return [e for e in edits_here if is_whole_block(e)] or list(edits_here)


def input_rows(result: Trace) -> list[Row]:
    """`cleaner diff`: every input line, removed ("-"), changed ("-" then "+") or kept."""
    edits = by_position(result.record.edits)
    rows: list[Row] = []
    new = 0
    for position, line in enumerate(result.lines):
        old = position + 1
        here = edits.get(position, [])
        if position not in result.kept:
            tags = unique_tags(removal_edits(here)) or (UNLOGGED,)
            rows.append(Row("-", line, old, new, tags))
            continue
        new += 1
        cleaned = result.kept[position]
        if cleaned == line:
            rows.append(Row(" ", line, old, new))
        else:
            rows.append(Row("-", line, old, new - 1))
            rows.append(Row("+", cleaned, old, new, unique_tags(here) or (UNLOGGED,)))
    return rows


def words(text: str) -> str:
    """The words of `text`, lowercased and space-joined: spacing and punctuation fixes ignored."""
    return " ".join(_WORDS.findall(text.casefold()))


def covering_removals(line: str, edits: Iterable[Edit]) -> list[Edit]:
    """Whole-block removals whose `before` holds `line` (compared by words)."""
    key = words(line)
    if not key:
        return [e for e in edits if is_whole_block(e) and e.before.strip() == line.strip() != ""]
    return [e for e in edits if is_whole_block(e) and f" {key} " in f" {words(e.before)} "]


def compare_rows(old_lines: Sequence[str], result: Trace) -> list[Row]:
    """Old output (expected body, baseline text) against `result`'s output, tagged by its edits.

    A line the new output lacks is tagged with the removal that covers it; a new or changed
    line with the in-line edits of its block.
    """
    new_lines = result.output_lines()
    edits = by_position(result.record.edits)
    matcher = difflib.SequenceMatcher(None, list(old_lines), [t for t, _ in new_lines],
                                      autojunk=False)
    rows: list[Row] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(Row(" ", old_lines[i], i + 1, j1 + i - i1 + 1) for i in range(i1, i2))
            continue
        for i in range(i1, i2):
            tags = unique_tags(covering_removals(old_lines[i], result.record.edits))
            rows.append(Row("-", old_lines[i], i + 1, j1, tags))
        for j in range(j1, j2):
            text, position = new_lines[j]
            here = edits.get(position, []) if position is not None else []
            rows.append(Row("+", text, i2, j + 1, unique_tags(e for e in here if e.offset is not None)))
    return rows


def hunks(rows: Sequence[Row], context: int = CONTEXT_LINES) -> list[list[Row]]:
    """Groups of changed rows with `context` unchanged rows around them, as in `diff -u`."""
    changed = [i for i, row in enumerate(rows) if row.kind != " "]
    groups: list[list[int]] = []
    for index in changed:
        if groups and index - groups[-1][-1] - 1 <= 2 * context:  # contexts would touch
            groups[-1].append(index)
        else:
            groups.append([index])
    return [list(rows[max(0, g[0] - context):g[-1] + context + 1]) for g in groups]


def hunk_header(hunk: Sequence[Row]) -> str:
    old = [r.old for r in hunk if r.kind != "+"]
    new = [r.new for r in hunk if r.kind != "-"]
    old_start = old[0] if old else hunk[0].old
    new_start = new[0] if new else hunk[0].new
    return f"@@ -{old_start},{len(old)} +{new_start},{len(new)} @@"


_STYLES = {"-": {"fg": "red"}, "+": {"fg": "green"}, " ": {}}


def render_row(row: Row) -> str:
    line = click.style(f"{row.kind}{row.text}", **_STYLES[row.kind])
    if not row.tags:
        return line
    return line + "  " + click.style(f"[{'; '.join(map(str, row.tags))}]", fg="yellow")


def render_diff(rows: Sequence[Row], old_name: str, new_name: str) -> list[str]:
    """A unified diff of `rows`, each removed or changed line followed by its rule tags."""
    groups = hunks(rows)
    if not groups:
        return []
    lines = [click.style(f"--- {old_name}", bold=True), click.style(f"+++ {new_name}", bold=True)]
    for hunk in groups:
        lines.append(click.style(hunk_header(hunk), fg="cyan"))
        lines.extend(render_row(row) for row in hunk)
    return lines


def _ranked(counts: Counter[str], width: int) -> list[str]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [f"  {rule:<{width}}  {n:>4}" for rule, n in ranked]


def summary(result: Trace) -> list[str]:
    """Lines removed per rule, fixes per rule, and what went to metadata."""
    record = result.record
    sections = {
        "lines removed per rule": Counter(
            e.rule for e in record.edits if e.action == "remove" and e.offset is None),
        "fixes per rule": Counter(
            e.rule for e in record.edits if e.action != "to_metadata" and e.offset is not None),
        "moved to metadata per rule": Counter(
            e.rule for e in record.edits if e.action == "to_metadata"),
    }
    width = max((len(e.rule) for e in record.edits), default=0)
    gone = len(result.lines) - len(result.kept)
    lines = [f"{len(result.lines)} input lines, {len(result.kept)} kept, "
             + f"{gone} removed or moved to metadata"]
    if result.page_words is not None:
        lines.append(extraction_line(result))
    if record.flags:
        lines.append(f"flags: {', '.join(record.flags)}")
    for title, counts in sections.items():
        if counts:
            lines += [f"{title}:", *_ranked(counts, width)]
    fields = [f"  {name}: {_field_text(getattr(record, name))}" for name in METADATA_FIELDS
              if getattr(record, name)]
    if fields:
        lines += ["metadata:", *fields]
    return lines


def extraction_line(result: Trace) -> str:
    """How much of the page's visible text extraction kept: what it left out is not in the
    diff, so its size is said here."""
    kept = sum(len(line.split()) for line in result.lines)
    page = result.page_words or 0
    share = f" ({kept / page:.0%})" if page else ""
    return (f"extraction kept {kept:,} of the page's {page:,} visible words{share}; "
            f"{max(page - kept, 0):,} left out")


def _field_text(value: object) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)
