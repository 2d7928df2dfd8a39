"""Parquet input and output, with pyarrow (the `parquet` extra).

Input: a shard is a range of `shard_size` rows of one file, read batch by batch from the row
groups that hold it and only in the columns `--id-field`, `--text-field`, `--html-field` and
`--url-field` name, so memory stays flat whatever the file's size. Each row is validated as
a JSONL document is (`item_from_mapping`): the same error rows for the same problems; a
binary column of HTML or text is read as bytes.

Output: the Arrow schema is derived from the pydantic models (`ArticleRecord`, and `Edit`
for the `edits` list of structs), so a field added to the record is written without a
change here.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from cleaner.batch import BatchError
from cleaner.batch.io.readers import ErrorRow, InputFile, JsonFields, SourceItem, item_from_mapping
from cleaner.batch.io.storage import open_raw
from cleaner.record import ArticleRecord

PARQUET_MISSING = "{what} needs the 'parquet' extra: pip install 'cleaner[parquet]'"
_BATCH_ROWS = 256  # rows decoded at a time: a few MB of HTML


def require_pyarrow(what: str) -> Any:
    """pyarrow.parquet, or BatchError (exit 2) before any work when it is not installed."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchError(PARQUET_MISSING.format(what=what)) from None
    return pq


@dataclass(frozen=True)
class ParquetSlice:
    """Rows `first_row` (0-based) to `first_row + rows` of a Parquet file."""

    name: str
    input: str
    path: str
    first_row: int
    rows: int

    @property
    def documents(self) -> int:
        return self.rows

    def items(self, fields: JsonFields) -> Iterator[SourceItem | ErrorRow]:
        pq = require_pyarrow(self.input)
        row = self.first_row
        end = self.first_row + self.rows
        try:
            with open_raw(self.path) as stream:
                table = pq.ParquetFile(stream)
                for data in _rows(table, fields, self.first_row, end):
                    yield row_item(data, {"path": self.input, "row": row}, fields)
                    row += 1
        except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
            yield from (ErrorRow(None, {"path": self.input, "row": n}, "read_error",
                                 f"{type(exc).__name__}: {exc}") for n in range(row, end))

    def fingerprint(self) -> str:
        return f"{self.name}:{self.first_row}+{self.rows}"


def row_item(data: dict[str, Any], origin: dict[str, Any], fields: JsonFields,
             ) -> SourceItem | ErrorRow:
    """A row as a source item, checked as a JSONL document is; a binary (bytes) text or HTML
    column is taken as bytes, whose charset `clean()` detects."""
    field = fields.html if data.get(fields.html) is not None else fields.text
    value = data.get(field)
    if not isinstance(value, bytes):
        return item_from_mapping(data, origin, fields)
    item = item_from_mapping({**data, field: ""}, origin, fields)
    return replace(item, source=value) if isinstance(item, SourceItem) else item


def _rows(table: Any, fields: JsonFields, start: int, end: int) -> Iterator[dict[str, Any]]:
    """Rows `start` to `end` of `table` as dicts of the document columns, a batch at a time."""
    names = set(table.schema_arrow.names)
    columns = [c for c in dict.fromkeys((fields.id, fields.text, fields.html, fields.url))
               if c in names]
    first = 0
    for group in range(table.num_row_groups):
        size = table.metadata.row_group(group).num_rows
        if first + size <= start or first >= end:
            first += size
            continue
        for batch in table.iter_batches(batch_size=_BATCH_ROWS, row_groups=[group],
                                        columns=columns, use_threads=False):
            rows = batch.to_pylist()
            low, high = max(start - first, 0), min(end - first, len(rows))
            yield from rows[low:high]
            first += len(rows)
            if first >= end:
                return


def plan_parquet(file: InputFile, shard_size: int, name_of: Any) -> list[ParquetSlice]:
    """Slices of at most `shard_size` rows (row counts come from the file's footer), cut at
    row-group edges where the groups are smaller than a shard: a slice that starts inside a
    row group must decode the group's rows before it."""
    pq = require_pyarrow(file.display)
    try:
        with open_raw(file.path) as stream:
            metadata = pq.ParquetFile(stream).metadata
            groups = [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)]
    except (OSError, ValueError) as exc:
        raise BatchError(f"{file.display} is not a readable Parquet file: {exc}") from None
    ranges = row_ranges(groups, shard_size)
    return [ParquetSlice(name_of("parquet", file.display, index), file.display, str(file.path),
                         start, rows)
            for index, (start, rows) in enumerate(ranges)]


def row_ranges(groups: list[int], shard_size: int) -> list[tuple[int, int]]:
    """(first row, rows) of each shard: whole row groups packed up to `shard_size` rows, and
    groups larger than that cut in `shard_size` pieces.

    >>> row_ranges([4, 4, 4, 3], 10)
    [(0, 8), (8, 7)]
    >>> row_ranges([25, 2], 10)
    [(0, 10), (10, 10), (20, 5), (25, 2)]
    """
    ranges: list[tuple[int, int]] = []
    start = taken = 0
    for size in groups:
        if taken and taken + size > shard_size:
            ranges.append((start, taken))
            start, taken = start + taken, 0
        if size > shard_size:
            ranges.extend((start + cut, min(shard_size, size - cut))
                          for cut in range(0, size, shard_size))
            start += size
            continue
        taken += size
    if taken:
        ranges.append((start, taken))
    return ranges


# The output schema, from the models.

def arrow_type(annotation: Any) -> Any:
    """The Arrow type of a pydantic field annotation: str, int, float, bool, Literal of
    str, X | None, list[X] and nested models (as structs)."""
    import pyarrow as pa

    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(inner)
    if origin is list:
        return pa.list_(arrow_type(typing.get_args(annotation)[0]))
    if origin is typing.Literal:
        return pa.string()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(model_fields(annotation))
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in simple:
        return simple[annotation]
    raise TypeError(f"no Arrow type for {annotation!r}; extend cleaner.batch.io.parquet.arrow_type")


def model_fields(model: type[BaseModel]) -> list[Any]:
    import pyarrow as pa

    return [pa.field(name, arrow_type(info.annotation), nullable=_optional(info.annotation))
            for name, info in model.model_fields.items()]


def _optional(annotation: Any) -> bool:
    return type(None) in typing.get_args(annotation)


def origin_type() -> Any:
    """Where a row came from: `path`, and `line` (JSONL), `offset` (WARC) or `row` (Parquet)."""
    import pyarrow as pa

    return pa.struct([("path", pa.string()), ("line", pa.int64()), ("offset", pa.int64()),
                      ("row", pa.int64())])


@lru_cache(maxsize=1)
def records_schema() -> Any:
    """The Arrow schema of a records file: the record's fields, then `origin`."""
    import pyarrow as pa

    return pa.schema([*model_fields(ArticleRecord), pa.field("origin", origin_type())])


@lru_cache(maxsize=1)
def errors_schema() -> Any:
    """The Arrow schema of an errors file: `id`, `origin`, `error`, `message`."""
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("origin", origin_type()),
                      ("error", pa.string(), False), ("message", pa.string(), False)])


class ParquetRows:
    """Rows of one kind streamed to a Parquet file, a row group per `group_rows` rows."""

    def __init__(self, path: str, schema: Any, compression: str, group_rows: int = 1000) -> None:
        pq = require_pyarrow("--output-format parquet")
        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema, compression=compression)
        self.group_rows = group_rows
        self.pending: list[dict[str, Any]] = []

    def write(self, row: dict[str, Any]) -> None:
        self.pending.append(row)
        if len(self.pending) >= self.group_rows:
            self._flush()

    def close(self) -> None:
        self._flush()
        self.writer.close()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.pending:
            self.writer.write_table(pa.Table.from_pylist(self.pending, schema=self.schema))
            self.pending = []
