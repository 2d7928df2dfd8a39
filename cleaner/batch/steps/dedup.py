"""Duplicates: exact (same `content_hash`) and near (MinHash with LSH over word shingles).

Workers compute each record's MinHash (`cleaner.batch.steps.minhash`) and store a shard's
signatures in `signatures/<shard>.npz`, written before the shard's completion marker. When every shard is
done, the main process walks them in input order (shards in plan order, records in file
order), so the first document of a group is its root, whatever the number of workers or the
executor: a record whose `content_hash` was seen is an exact duplicate of that record's root;
else the LSH index of the roots so far gives candidates, and the most similar one at or over
the threshold (by the signatures' estimate of the Jaccard similarity; ties: the earliest)
makes it a near duplicate. Only roots enter the index, so kept records are never near
duplicates of each other and groups do not drift along chains.

The pass then sets `duplicate_of` in the rows of the shards that hold duplicates (or leaves
them out with `drop`), each file rewritten atomically. It is idempotent: the groups come from
the signature files, which never change once written, so a run killed during the pass and
run again ends with the same output.

The step (`Dedup` in the driver, `SignRecords` in each shard) gives each record row
`"duplicate_of": null` during the cleaning pass, for the duplicate pass to fill in. The
settings and their defaults' reasons are `cleaner.batch.settings.DedupSettings`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.stores import write_atomic
from cleaner.batch.settings import DedupSettings
from cleaner.batch.steps.step import Outcome, RunShards, ShardStep
from cleaner.record import ArticleRecord

if TYPE_CHECKING:
    from cleaner.batch.execute.worker import ShardTask
    from cleaner.batch.io.readers import SourceItem
    from cleaner.batch.io.shards import Shard
    from cleaner.batch.steps.minhash import SignatureBook
    from cleaner.config import Config


def origin_key(origin: dict[str, Any]) -> str:
    """A row's `origin` as one string: unique per input document."""
    return orjson.dumps(origin, option=orjson.OPT_SORT_KEYS).decode()


@dataclass(frozen=True)
class Dedup:
    """The duplicates step, in the driver."""

    settings: DedupSettings
    identity_key = "dedup"
    manifest_key = "duplicates"

    def identity(self) -> dict[str, Any]:
        return self.settings.model_dump()

    def prepare(self, out: OutputDir, shards: list[Shard], task: ShardTask,
                run_shards: RunShards) -> SignRecords:
        out.signatures.mkdir(exist_ok=True)
        return SignRecords(self.settings)

    def finish(self, out: OutputDir, shards: list[Shard],
               markers: list[dict[str, Any]]) -> dict[str, Any]:
        """Mark or drop the duplicates; the manifest's `duplicates` section."""
        return dedup_pass(out.records, out.signatures, [shard.name for shard in shards],
                          self.settings)


@dataclass(frozen=True)
class SignRecords:
    """The duplicates step's part in a shard (its `StepSpec`)."""

    settings: DedupSettings

    def configure(self, config: Config) -> Config:
        return config

    def start(self, task: ShardTask) -> ShardStep:
        return _Signer(self.settings)


class _Signer(ShardStep):
    """Signs each record, gives each record row `duplicate_of`, writes the signatures."""

    def __init__(self, settings: DedupSettings) -> None:
        from cleaner.batch.steps.minhash import SignatureBook  # numpy, scipy: 0.5 s

        self.book: SignatureBook = SignatureBook(settings)

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        self.book.add(record, origin_key(item.origin))
        return record

    def row(self, outcome: Outcome, row: dict[str, Any]) -> dict[str, Any]:
        if isinstance(outcome, ArticleRecord):
            row["duplicate_of"] = None
        return row

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        write_atomic(OutputDir(output).signature_file(shard_name), self.book.to_bytes())
        return {}


def mark_shard(records: Path, roots: dict[str, str], drop: bool) -> None:
    """Set `duplicate_of` in the rows of one records file (or leave duplicates out), atomically."""
    try:
        lines = records.read_bytes().splitlines()
    except FileNotFoundError:  # every record was dropped by an earlier attempt
        return
    rows = []
    for line in lines:
        row = orjson.loads(line)
        root = roots.get(origin_key(row["origin"]))
        if root is not None and drop:
            continue
        row["duplicate_of"] = root
        rows.append(orjson.dumps(row) + b"\n")
    if rows:
        write_atomic(records, b"".join(rows))
    else:
        records.unlink()


def dedup_pass(records: Path, signatures: Path, shard_names: list[str],
               settings: DedupSettings) -> dict[str, Any]:
    """Mark (or drop) the duplicates among the records of `shard_names`, in that order;
    returns the manifest's `duplicates` section."""
    from cleaner.batch.steps.minhash import SignatureBook, find_duplicates  # numpy, scipy: 0.5 s

    books = ((name, SignatureBook.read(signatures / f"{name}.npz", settings))
             for name in shard_names)
    found = find_duplicates(books, settings)
    for name in shard_names:
        if name in found.of:
            mark_shard(records / f"{name}.jsonl", found.of[name], settings.drop)
    total = found.exact + found.near
    return {"exact": found.exact, "near": found.near, "dropped": total if settings.drop else 0,
            "settings": settings.model_dump()}
