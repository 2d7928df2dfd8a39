"""Corpus baselines: today's output of a sample, and what a change to rules or code did to it.

A baseline is JSONL, one line per input file: its path, the sha256 of its bytes, the cleaned
text, the record's fields, and per rule the number of edits and of words taken out of the
body. `compare` cleans the same files again and reports what changed, and by which rule.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from cleaner.ci.golden import content_type_of
from cleaner.ci.trace import Trace, trace
from cleaner.config import Config
from cleaner.errors import CleanerError, InputError
from cleaner.record import ArticleRecord

Row = dict[str, object]


def rule_counts(record: ArticleRecord) -> dict[str, dict[str, int]]:
    """Per rule: edits made, and words taken out of the body (removed or moved to metadata)."""
    counts: dict[str, dict[str, int]] = {}
    for edit in record.edits:
        entry = counts.setdefault(edit.rule, {"edits": 0, "words": 0})
        entry["edits"] += 1
        if edit.action != "replace":
            entry["words"] += len(edit.before.split())
    return dict(sorted(counts.items()))


def snapshot_row(path: Path, config: Config) -> tuple[Row, Trace | None]:
    """The baseline line of one input file (an error row if it cannot be cleaned)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    row: Row = {"path": path.as_posix(), "sha": hashlib.sha256(data).hexdigest()}
    try:
        result = trace(data, content_type_of(path), config)
    except CleanerError as exc:
        return {**row, "error": str(exc)}, None
    fields = result.record.model_dump(mode="json", exclude={"text", "edits"})
    return {**row, "text": result.record.text, "fields": fields,
            "rules": rule_counts(result.record)}, result


def dump_row(row: Row) -> bytes:
    return orjson.dumps(row) + b"\n"


def read_baseline(path: Path) -> dict[str, Row]:
    """The rows of a baseline file by input path."""
    rows: dict[str, Row] = {}
    try:
        lines = path.read_bytes().splitlines()
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON: {exc}") from None
        if not isinstance(row, dict) or not isinstance(row.get("path"), str):
            raise InputError(f"{path}:{number}: a baseline row needs a 'path'")
        rows[row["path"]] = row
    return rows


@dataclass
class DocumentChange:
    """One input whose output differs from the baseline (or that only one side has)."""

    path: str
    status: str  # changed | input changed | error changed | new | missing
    words_removed: int = 0
    words_added: int = 0
    baseline_text: str = ""
    result: Trace | None = None

    @property
    def size(self) -> int:
        return self.words_removed + self.words_added


@dataclass
class Comparison:
    documents: int = 0
    changes: list[DocumentChange] = field(default_factory=list)
    rules: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def changed_share(self) -> float:
        return len(self.changes) / self.documents if self.documents else 0.0

    def largest(self, count: int) -> list[DocumentChange]:
        diffable = [c for c in self.changes if c.result is not None and c.status == "changed"]
        return sorted(diffable, key=lambda c: (-c.size, c.path))[:count]

    def add_rule_deltas(self, before: dict, after: dict) -> None:
        """Per rule, words it now removes beyond the baseline, and words it gives back."""
        for rule in sorted(set(before) | set(after)):
            delta = after.get(rule, {}).get("words", 0) - before.get(rule, {}).get("words", 0)
            edits = after.get(rule, {}).get("edits", 0) - before.get(rule, {}).get("edits", 0)
            if delta or edits:
                counts = self.rules.setdefault(rule, Counter())
                counts["documents"] += 1
                counts["words removed"] += max(delta, 0)
                counts["words added"] += max(-delta, 0)


def word_delta(before: str, after: str) -> tuple[int, int]:
    """(words removed, words added) between two texts, as multisets of words."""
    old, new = Counter(before.split()), Counter(after.split())
    return sum((old - new).values()), sum((new - old).values())


def compare(baseline: dict[str, Row], current: Iterable[tuple[Row, Trace | None]]) -> Comparison:
    """What changed between the baseline rows and the rows of today's run, by path."""
    comparison = Comparison()
    seen: set[str] = set()
    for row, result in current:
        path = str(row["path"])
        seen.add(path)
        comparison.documents += 1
        change = document_change(baseline.get(path), row, result)
        if change is not None:
            comparison.changes.append(change)
            if change.status == "changed":
                comparison.add_rule_deltas(baseline[path]["rules"], row["rules"])
    for path in sorted(set(baseline) - seen):
        comparison.documents += 1
        comparison.changes.append(DocumentChange(path, "missing"))
    return comparison


def document_change(old: Row | None, new: Row, result: Trace | None) -> DocumentChange | None:
    """How one input's output differs from its baseline row; None when it does not."""
    path = str(new["path"])
    if old is None:
        return DocumentChange(path, "new")
    if old["sha"] != new["sha"]:
        return DocumentChange(path, "input changed")
    if "error" in old or "error" in new:
        return None if old.get("error") == new.get("error") else DocumentChange(path, "error changed")
    if old["text"] == new["text"] and old["fields"] == new["fields"]:
        return None
    removed, added = word_delta(str(old["text"]), str(new["text"]))
    return DocumentChange(path, "changed", removed, added, str(old["text"]), result)
