"""langdetect's language profiles, loaded in a blink from a cache across processes.

`langdetect.detector_factory.init_factory` parses 55 JSON profiles into a map of 87,000
n-grams to 55 probabilities each, which takes most of a second at every start-up. Here the
same map is built once and written to the disk cache (`cleaner.disk_cache`) as its nonzero
entries (4% of them), in 4,096 buckets by a stable hash of the n-gram; a later process reads
the entry and decodes a bucket when it first looks up one of its n-grams, so that detecting
the language of a page decodes a few hundred n-grams, not 87,000 (which took 40 ms). The
probabilities are the very floats langdetect computes, in its order of languages, so every
detection is the same (tests/test_langprofiles.py).
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Iterator, Mapping

from cleaner.disk_cache import cached_bytes, key_of

_BUCKETS = 4096
_FORMAT = 3  # of the cache entry: part of its key
_LENGTH_BYTES = 8  # the length of the entry's index, which comes first


class ProbabilityMap(Mapping):
    """n-gram -> its probability in each language, read from the body of a cache entry:
    each bucket's mapping of n-gram to its nonzero probabilities and their languages, then
    the n-grams in langdetect's order, at `offsets` (from the body's start). A bucket is decoded
    on the first lookup of one of its n-grams, a row made into its list on its first lookup."""

    def __init__(self, body: memoryview, offsets: tuple[int, ...], languages: int) -> None:
        self._data, self._offsets, self._size = body, offsets, languages
        self._buckets: dict[int, dict[str, tuple[bytes, tuple[float, ...]]]] = {}
        self._rows: dict[str, list[float]] = {}

    def _bucket(self, word: str) -> dict[str, tuple[bytes, tuple[float, ...]]]:
        index = bucket_of(word)
        found = self._buckets.get(index)
        if found is None:
            start, end = self._offsets[index], self._offsets[index + 1]
            found = self._buckets[index] = marshal.loads(self._data[start:end])
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word in self._bucket(word)

    def __getitem__(self, word: str) -> list[float]:
        made = self._rows.get(word)
        if made is None:
            langs, probs = self._bucket(word)[word]
            made = self._rows[word] = [0.0] * self._size
            for lang, prob in zip(langs, probs):
                made[lang] = prob
        return made

    def _order(self) -> tuple[str, ...]:
        return marshal.loads(self._data[self._offsets[-1]:])

    def __iter__(self) -> Iterator[str]:
        return iter(self._order())

    def __len__(self) -> int:
        return len(self._order())


def bucket_of(word: str) -> int:
    """The bucket of an n-gram: a hash that is the same in every process."""
    return zlib.crc32(word.encode("utf-8", "surrogatepass")) % _BUCKETS


def load_factory():
    """A langdetect `DetectorFactory` with every profile loaded, as `init_factory` makes it."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    names = os.listdir(PROFILES_DIRECTORY)  # in this order, as langdetect loads them
    stats = [os.stat(os.path.join(PROFILES_DIRECTORY, n)) for n in names]
    key = key_of(PROFILES_DIRECTORY, names, [(s.st_size, s.st_mtime_ns) for s in stats],
                 _FORMAT, _BUCKETS)
    try:
        languages, table = _decode(cached_bytes("langdetect-profiles", key, _build))
    except (ValueError, EOFError, TypeError, IndexError):  # an entry unreadable here: anew
        languages, table = _decode(_build())
    factory = DetectorFactory()
    factory.langlist = list(languages)
    factory.word_lang_prob_map = table
    return factory


def _decode(data: bytes) -> tuple[tuple[str, ...], ProbabilityMap]:
    size = int.from_bytes(data[:_LENGTH_BYTES], "little")
    languages, offsets = marshal.loads(data[_LENGTH_BYTES:_LENGTH_BYTES + size])
    body = memoryview(data)[_LENGTH_BYTES + size:]
    if not (len(offsets) == _BUCKETS + 1 and offsets[0] == 0
            and list(offsets) == sorted(offsets) and offsets[-1] < len(body)):
        raise ValueError("langdetect profile cache does not fit its index")
    return languages, ProbabilityMap(body, offsets, len(languages))


def _build() -> bytes:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    buckets: list[dict[str, tuple[bytes, tuple[float, ...]]]] = [{} for _ in range(_BUCKETS)]
    for word, values in factory.word_lang_prob_map.items():
        nonzero = [(lang, prob) for lang, prob in enumerate(values) if prob]
        buckets[bucket_of(word)][word] = (bytes(lang for lang, _ in nonzero),
                                          tuple(prob for _, prob in nonzero))
    parts = [marshal.dumps(bucket) for bucket in buckets]
    parts.append(marshal.dumps(tuple(factory.word_lang_prob_map)))
    starts = [0]
    for part in parts[:-1]:
        starts.append(starts[-1] + len(part))
    index = marshal.dumps((tuple(factory.langlist), tuple(starts)))
    return len(index).to_bytes(_LENGTH_BYTES, "little") + index + b"".join(parts)
