"""Duplicates: exact (same `content_hash`) and near (MinHash with LSH over word shingles).

Workers compute each record's MinHash (`cleaner.batch.steps.minhash`) and store a shard's signatures in
`signatures/<shard>.npz`, written before the shard's completion marker. When every shard is
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

Defaults (bench/dedup.py): shingles of 3 words, 256 permutations, seed 1, threshold 0.3. The
same story from two outlets, partly rewritten (fixtures/seeds 000 and 001), has a Jaccard
similarity of 0.40; two stories about one event (002 and 003) 0.01, and no two of the 181
distinct pages of the Zyte benchmark more than 0.17.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from cleaner.batch.io.shards import write_atomic


@dataclass(frozen=True)
class DedupSettings:
    """How documents are compared (see the module's docstring for the defaults' reasons), and
    whether duplicates are left out."""

    threshold: float = 0.3
    shingle_words: int = 3
    num_perm: int = 256
    seed: int = 1
    drop: bool = False


def source_key(origin: dict[str, Any]) -> str:
    """A row's `source` as one string: unique per input document."""
    return orjson.dumps(origin, option=orjson.OPT_SORT_KEYS).decode()


def mark_shard(records: Path, roots: dict[str, str], drop: bool) -> None:
    """Set `duplicate_of` in the rows of one records file (or leave duplicates out), atomically."""
    try:
        lines = records.read_bytes().splitlines()
    except FileNotFoundError:  # every record was dropped by an earlier attempt
        return
    rows = []
    for line in lines:
        row = orjson.loads(line)
        root = roots.get(source_key(row["source"]))
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
            "settings": asdict(settings)}
