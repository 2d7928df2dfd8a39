"""Batch cleaning: many inputs, sharded, resumable, on all cores (`cleaner run`).

readers (inputs → source items) → shards (the unit of work, written atomically with a
completion marker) → executor (process pool, or Ray) → manifest (rebuilt from the markers).
As asked, `passes` adds a template-learning pass before the cleaning pass (`templates`) and a
duplicate pass after it (`dedup`, `minhash`); `extras` is their part in each shard.
`cleaner.batch.stream` is the library face: `clean_many()` and the Ray Data UDF `clean_batch()`.
"""

from __future__ import annotations

from cleaner.errors import CleanerError


class BatchError(CleanerError):
    """A batch cannot start or go on: missing input, an output folder from another run, ..."""

    code = "E030"
