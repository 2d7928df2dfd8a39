"""Batch cleaning: many inputs, sharded, resumable, on all cores (`cleaner run`).

By feature:

* `io`: readers and writers. Inputs (files, folders, globs, object storage; text, HTML,
  JSONL, WARC, Parquet) to shards, the unit of work, each written atomically with a
  completion marker into the output folder (JSONL or Parquet, local or object storage).
* `steps`: what a run adds around cleaning, behind one protocol (`steps.step`): site
  templates (learned before the cleaning pass, removed during it) and duplicates (signed
  during it, found after it). Their settings are `settings`, the `[batch]` part of `Config`.
* `execute`: the executor (a local process pool whose workers fork warm from a forkserver,
  Ray, or this process) and the shard function it runs.
* `runner` plans a run, runs its steps and shards and writes the manifest (`manifest`) and
  what a resumed run must match (`identity`).

`cleaner.batch.stream` is the library face: `clean_many()` and the Ray Data UDF `clean_batch()`.
"""

from __future__ import annotations

from cleaner.errors import CleanerError


class BatchError(CleanerError):
    """A batch cannot start or go on: missing input, an output folder from another run, ..."""

    code = "E030"
