"""Apply named `str -> str` fixes to a block and log each change as an `Edit`.

A fix only has to return the repaired text; what changed is recovered by diffing, so the
fixes stay plain functions (ftfy style) and the log stays exact.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable

from cleaner.record import Edit

Fix = Callable[[str, "str | None"], str]
# Diff the changed middle of a block char by char only below this size; above it one edit
# covers the middle (keeps diffing linear on pathological blocks).
_MAX_DIFF_CHARS = 4000
# Changes closer than this are reported as one edit ("a  ,b" -> "a, b" is one fix).
_MERGE_GAP = 2


def changed_spans(before: str, after: str) -> list[tuple[int, str, str]]:
    """(offset, old, new) for each changed stretch between two versions of a text.

    >>> changed_spans("relations”he said", "relations” he said")
    [(10, '', ' ')]
    """
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b -= 1
        end_a -= 1
    old, new = before[start:end_b], after[start:end_a]
    if len(old) + len(new) > _MAX_DIFF_CHARS or not old or not new:
        return [(start, old, new)]
    spans: list[list] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][3] <= _MERGE_GAP:
            spans[-1][2] = new[spans[-1][4]:j2]
            spans[-1][1] = old[spans[-1][0] - start:i2]
            spans[-1][3] = i2
        else:
            spans.append([start + i1, old[i1:i2], new[j1:j2], i2, j1])
    return [(offset, o, n) for offset, o, n, _, _ in spans]


def apply_fixes(text: str, fixes: Iterable[tuple[str, Fix]], language: str | None,
                stage: str, position: int, idle: frozenset[str] = frozenset(),
                ) -> tuple[str, list[Edit]]:
    """Run `fixes` in order on one block's text; return the result and one Edit per change.
    The fixes named in `idle` are known to leave the text as it came (see
    `FixStage.idle_fixes`): they are skipped until another fix has changed it."""
    edits: list[Edit] = []
    for name, fix in fixes:
        if name in idle and not edits:
            continue
        fixed = fix(text, language)
        if fixed == text:
            continue
        for offset, old, new in changed_spans(text, fixed):
            edits.append(Edit(stage=stage, rule=f"{stage}.{name}", action="replace",
                              before=old, after=new, position=position, offset=offset))
        text = fixed
    return text, edits
