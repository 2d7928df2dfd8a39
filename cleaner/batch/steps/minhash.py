"""MinHash signatures of records, and the walk that groups them (see `cleaner.batch.steps.dedup`).

Imported only by runs that find duplicates: datasketch imports scipy, half a second.
"""

from __future__ import annotations

import functools
import io
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from cleaner.batch import BatchError
from cleaner.batch.settings import DedupSettings
from cleaner.record import ArticleRecord
from cleaner.text.words import words

SCHEME = "affine32"  # datasketch ≥ 2.0: uint32 values, unbiased; fixed so signatures are stable
_RUN_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, so the combination keeps word order


def shingle_hashes(text: str, size: int) -> np.ndarray:
    """32-bit hashes of the distinct runs of `size` words of the case-folded text (one run if
    it is shorter), sorted. Each word is hashed once (CRC-32) and a run's hash combines its
    words' in numpy: twice as fast as hashing each run's text.

    >>> len(shingle_hashes("The cat sat. The CAT sat!", 2))  # the cat, cat sat, sat the
    3
    """
    tokens = words(unicodedata.normalize("NFKC", text).casefold())
    hashes = np.fromiter((zlib.crc32(t.encode("utf-8", "surrogatepass")) for t in tokens),
                         dtype=np.uint64, count=len(tokens))
    runs = max(1, len(tokens) - size + 1) if tokens else 0
    combined = np.zeros(runs, dtype=np.uint64)
    for offset in range(min(size, len(tokens))):
        combined = combined * _RUN_MULTIPLIER + hashes[offset:offset + runs]  # wraps mod 2**64
    return np.unique((combined >> np.uint64(32)) ^ (combined & np.uint64(0xFFFFFFFF)))


@functools.lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> np.ndarray:
    return MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations


def signature(text: str, settings: DedupSettings) -> np.ndarray | None:
    """The MinHash values (uint32) of the text's shingles; None for a text without words."""
    hashes = shingle_hashes(text, settings.shingle_words)
    if not len(hashes):
        return None
    minhash = MinHash(num_perm=settings.num_perm, seed=settings.seed, scheme=SCHEME,
                      hashfunc=int, permutations=_permutations(settings.num_perm, settings.seed))
    minhash.update_batch(hashes)
    return minhash.hashvalues


@dataclass
class SignatureBook:
    """A shard's signatures, in record order: where each record came from (the row's `origin`
    as JSON, `cleaner.batch.steps.dedup.origin_key`, which identifies its row), its id,
    content hash and MinHash values. Records without words are left out: they are nobody's
    duplicate."""

    settings: DedupSettings
    origins: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    hashes: list[str] = field(default_factory=list)
    values: list[np.ndarray] = field(default_factory=list)

    def add(self, record: ArticleRecord, origin: str) -> None:
        values = signature(record.text, self.settings)
        if values is None:
            return
        self.origins.append(origin)
        self.ids.append(record.id)
        self.hashes.append(record.content_hash)
        self.values.append(values)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        values = np.array(self.values, dtype=np.uint32).reshape(-1, self.settings.num_perm)
        np.savez(buffer, origins=np.array(self.origins, dtype=str), ids=np.array(self.ids, dtype=str),
                 hashes=np.array(self.hashes, dtype=str), values=values)
        return buffer.getvalue()

    @classmethod
    def read(cls, path: Path, settings: DedupSettings) -> SignatureBook:
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(settings, data["origins"].tolist(), data["ids"].tolist(),
                           data["hashes"].tolist(), list(data["values"]))
        except OSError as exc:
            raise BatchError(f"cannot read the signatures of a finished shard: {exc}") from None


class NearIndex:
    """The roots so far, in an LSH index of their signatures."""

    def __init__(self, settings: DedupSettings) -> None:
        self.settings = settings
        self.lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
        self.ids: list[str] = []
        self.values: list[np.ndarray] = []

    def root_of(self, doc_id: str, values: np.ndarray) -> str | None:
        """The id of the root this signature is a near duplicate of; else None, and it
        becomes a root."""
        sketch = LeanMinHash(seed=self.settings.seed, hashvalues=values, scheme=SCHEME)
        scored = [(self.similarity(key, values), -key) for key in self.lsh.query(sketch)]
        best = max((s for s in scored if s[0] >= self.settings.threshold), default=None)
        if best is not None:
            return self.ids[-best[1]]
        self.lsh.insert(len(self.ids), sketch)
        self.ids.append(doc_id)
        self.values.append(values)
        return None

    def similarity(self, key: int, values: np.ndarray) -> float:
        """The estimated Jaccard similarity of a root and a signature."""
        return float(np.count_nonzero(self.values[key] == values)) / len(values)


@dataclass
class Duplicates:
    """{shard name: {origin key: id of the root}} for every duplicate, and the counts."""

    of: dict[str, dict[str, str]] = field(default_factory=dict)
    exact: int = 0
    near: int = 0


def find_duplicates(books: Iterable[tuple[str, SignatureBook]],
                    settings: DedupSettings) -> Duplicates:
    """Walk the shards' signature books in input order and assign each record to a group."""
    found = Duplicates()
    index = NearIndex(settings)
    exact_roots: dict[str, str] = {}
    for name, book in books:
        for origin, doc_id, digest, values in zip(book.origins, book.ids, book.hashes,
                                                  book.values):
            root = exact_roots.get(digest)
            if root is not None:
                found.exact += 1
            else:
                root = index.root_of(doc_id, values)
                found.near += root is not None
                exact_roots[digest] = root or doc_id
            if root is not None:
                found.of.setdefault(name, {})[origin] = root
    return found
