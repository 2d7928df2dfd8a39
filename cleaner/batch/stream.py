"""The streaming library API: clean many documents lazily, one outcome per input, in order.

>>> from cleaner.batch.stream import clean_many
>>> [type(o).__name__ for o in clean_many(["Share this\\nThe mayor opened the bridge.", {"id": 7}])]
['ArticleRecord', 'ErrorRow']

`clean_batch` is the same as a Ray Data `map_batches` UDF: columns in, columns out, so
`ds.map_batches(clean_batch, fn_kwargs={"config": config})` cleans a dataset on a cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from cleaner.batch.execute.cleaning import Outcome, clean_item, ready_config
from cleaner.batch.io.readers import ErrorRow, JsonFields, SourceItem, item_from_mapping
from cleaner.config import Config
from cleaner.record import ArticleRecord

Input = str | bytes | Mapping[str, Any]

# clean_batch's output columns: the record's fields, then why a row failed (None if it did not).
COLUMNS = (*ArticleRecord.model_fields, "error", "message")
DEFAULT_FIELDS = JsonFields()


def clean_many(items: Iterable[Input], config: Config | None = None, *,
               timeout: float | None = None, fields: JsonFields = DEFAULT_FIELDS,
               ) -> Iterator[Outcome]:
    """Clean each item: a source (str or bytes, content type "auto") or a JSONL-style mapping
    (`{"id", "text" | "html", "url"}`, names from `fields`). Yields exactly one `ArticleRecord`
    or `ErrorRow` per item, in order; an error row's `origin` is `{"index": i}`.

    `timeout` (seconds per document) needs the main thread and SIGALRM; it is off by default
    because it takes over the process's ITIMER_REAL while a document is cleaned.
    """
    config = ready_config((config or Config()).cache_key())
    for index, item in enumerate(items):
        yield clean_item(_to_item(item, {"index": index}, fields), config, timeout)


def _to_item(item: Input, origin: dict[str, Any], fields: JsonFields) -> SourceItem | ErrorRow:
    if isinstance(item, (str, bytes)):
        return SourceItem(item, origin)
    return item_from_mapping(item, origin, fields)


def clean_batch(batch: Mapping[str, Sequence[Any]], *, config: Config | None = None,
                timeout: float | None = 30.0, fields: JsonFields = DEFAULT_FIELDS,
                ) -> dict[str, list[Any]]:
    """Clean a batch of documents given as columns (`id`, `text` or `html`, `url`; lists or
    numpy arrays); returns `COLUMNS`, one row per input row. A failed row has `id`, `error`
    and `message`, and None in the other columns."""
    size = len(next(iter(batch.values()), ()))
    rows = ({name: values[i] for name, values in batch.items()} for i in range(size))
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for outcome in clean_many(rows, config, timeout=timeout, fields=fields):
        row = _as_columns(outcome)
        for name in COLUMNS:
            columns[name].append(row.get(name))
    return columns


def _as_columns(outcome: Outcome) -> dict[str, Any]:
    if isinstance(outcome, ErrorRow):
        return {"id": outcome.id, "error": outcome.error, "message": outcome.message}
    return outcome.model_dump(mode="json")
