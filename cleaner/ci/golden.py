"""Golden fixtures: an input file and, next to it, what cleaning it must produce.

A case is `F/NAME.txt` (or `.html`, `.htm`) with its expected body in
`F/expected/NAME.body.txt` (`record.text` plus one "\\n") and, optionally, expected record
fields in `F/expected/NAME.meta.json` (a subset of the record's fields; only those are
compared). Folders named `expected` never hold inputs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.ci.report import Row, compare_rows
from cleaner.ci.trace import Trace, trace
from cleaner.config import Config
from cleaner.document import ContentType
from cleaner.errors import CleanerError
from cleaner.record import ArticleRecord

INPUT_SUFFIXES = (".txt", ".html", ".htm")
EXPECTED = "expected"


def content_type_of(path: Path) -> ContentType:
    """The content type a file name implies, as `cleaner clean` reads it."""
    suffix = path.suffix.lower()
    return "html" if suffix in (".html", ".htm") else "text" if suffix == ".txt" else "auto"


def input_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the inputs under folders (recursive), skipping `expected` folders."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if p.is_file()
                         and p.suffix.lower() in INPUT_SUFFIXES
                         and EXPECTED not in p.relative_to(path).parts[:-1])
        else:
            found.add(path)
    return sorted(found)


@dataclass(frozen=True)
class Case:
    """One fixture: an input file and where its expectations live."""

    input_path: Path

    @property
    def name(self) -> str:
        return self.input_path.stem

    @property
    def body_path(self) -> Path:
        return self.input_path.parent / EXPECTED / f"{self.name}.body.txt"

    @property
    def meta_path(self) -> Path:
        return self.input_path.parent / EXPECTED / f"{self.name}.meta.json"

    def run(self, config: Config) -> Trace:
        try:
            data = self.input_path.read_bytes()
        except OSError as exc:
            raise CaseError(f"cannot read {self.input_path}: {exc.strerror or exc}") from None
        return trace(data, content_type_of(self.input_path), config)


class CaseError(Exception):
    """A case that cannot be checked: unreadable files, or an expectation that is not valid."""


def find_cases(root: Path) -> list[Case]:
    return [Case(path) for path in input_files([root])]


@dataclass(frozen=True)
class FieldMismatch:
    """A record field whose value is not the one its meta.json expects."""

    name: str
    expected: object
    actual: object

    def __str__(self) -> str:
        expected, actual = (json.dumps(v, ensure_ascii=False) for v in (self.expected, self.actual))
        return f"record field {self.name}: expected {expected}, got {actual}"


@dataclass
class CaseResult:
    """The outcome of one case: its diff rows, field mismatches, or the error it raised."""

    case: Case
    rows: list[Row] = field(default_factory=list)
    fields: list[FieldMismatch] = field(default_factory=list)
    note: str | None = None
    error: str | None = None
    record: ArticleRecord | None = None

    @property
    def status(self) -> str:
        if self.error:
            return "error"
        return "differ" if self.note or self.fields or self.changed_rows else "ok"

    @property
    def changed_rows(self) -> list[Row]:
        return [row for row in self.rows if row.kind != " "]

    @property
    def reported_rows(self) -> list[Row]:
        """The changed rows worth pointing at: blank paragraph separators only if nothing else."""
        changed = self.changed_rows
        return [row for row in changed if row.text.strip() or row.tags] or changed


def body_of(record: ArticleRecord) -> str:
    return record.text + "\n"


def read_meta(case: Case) -> dict[str, object] | None:
    """The expected fields of a case, None when it has no meta file."""
    if not case.meta_path.is_file():
        return None
    try:
        meta = json.loads(case.meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CaseError(f"{case.meta_path}: not readable JSON: {exc}") from None
    if not isinstance(meta, dict):
        raise CaseError(f"{case.meta_path}: expected a JSON object of record fields")
    unknown = sorted(set(meta) - set(ArticleRecord.model_fields))
    if unknown:
        raise CaseError(f"{case.meta_path}: not record fields: {', '.join(unknown)}")
    return meta


def check_case(case: Case, config: Config) -> CaseResult:
    """Clean one case and compare it with its expected body and fields."""
    try:
        result = case.run(config)
        meta = read_meta(case)
    except (CleanerError, CaseError) as exc:
        return CaseResult(case, error=str(exc))
    if not case.body_path.is_file():
        return CaseResult(case, note=f"no expected body {case.body_path} (run with --update)",
                          record=result.record)
    expected = case.body_path.read_text(encoding="utf-8")
    outcome = CaseResult(case, rows=compare_rows(expected_lines(expected), result),
                         fields=field_mismatches(meta or {}, result.record), record=result.record)
    if expected != body_of(result.record) and not outcome.changed_rows:
        outcome.note = f"{case.body_path} must end with exactly one newline"
    return outcome


def expected_lines(body: str) -> list[str]:
    """The lines of an expected body file (its final newline ends the last line)."""
    lines = body.split("\n")
    return lines[:-1] if len(lines) > 1 and lines[-1] == "" else lines


def field_mismatches(meta: dict[str, object], record: ArticleRecord) -> list[FieldMismatch]:
    actual = record.model_dump(mode="json")
    return [FieldMismatch(name, meta[name], actual[name]) for name in sorted(meta)
            if meta[name] != actual[name]]


def update_case(case: Case, config: Config) -> CaseResult:
    """Rewrite a case's expected body (and its meta file's keys, if it has one) from today's output.

    Files whose content already matches are left untouched, byte for byte.
    """
    checked = check_case(case, config)
    record = checked.record
    if checked.status != "differ" or record is None:
        return checked
    case.body_path.parent.mkdir(parents=True, exist_ok=True)
    if checked.changed_rows or checked.note:
        case.body_path.write_bytes(body_of(record).encode("utf-8"))
    if checked.fields:
        meta = read_meta(case) or {}
        actual = record.model_dump(mode="json")
        text = json.dumps({key: actual[key] for key in meta}, indent=2, ensure_ascii=False)
        case.meta_path.write_bytes(text.encode("utf-8"))
    return checked
