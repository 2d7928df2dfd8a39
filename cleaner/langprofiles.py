"""langdetect's language profiles, loaded in a blink from a cache across processes.

`langdetect.detector_factory.init_factory` parses 55 JSON profiles into a map of 87,000
n-grams to 55 probabilities each, which takes most of a second at every start-up. Here the
same map is built once, written to the disk cache (`cleaner.disk_cache`) as its nonzero
entries (4% of them) and read back by later processes; each n-gram's list is made on its
first lookup. The probabilities are the very floats langdetect computes, in
its order of languages, so every detection is the same (tests/test_langprofiles.py).
"""

from __future__ import annotations

import marshal
import os
from array import array

from cleaner.disk_cache import cached_bytes, key_of


class ProbabilityMap(dict):
    """n-gram -> its probability in each language, kept sparse (most are 0.0): for the n-gram
    of row `i`, its nonzero entries are `probs[ends[i-1]:ends[i]]`, in the languages
    `langs[...]` of the same slice. A dict of n-gram -> row, so that langdetect's `in` stays
    a dict lookup; a row becomes its list of probabilities on its first lookup."""

    def __init__(self, words: tuple[str, ...], ends: array, langs: bytes, probs: array,
                 languages: int) -> None:
        super().__init__(zip(words, range(len(words))))
        self._ends, self._langs, self._probs, self._size = ends, langs, probs, languages

    def __getitem__(self, word: str) -> list[float]:
        found = dict.__getitem__(self, word)
        if isinstance(found, list):
            return found
        made = [0.0] * self._size
        for k in range(self._ends[found - 1] if found else 0, self._ends[found]):
            made[self._langs[k]] = self._probs[k]
        dict.__setitem__(self, word, made)
        return made


def load_factory():
    """A langdetect `DetectorFactory` with every profile loaded, as `init_factory` makes it."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    names = os.listdir(PROFILES_DIRECTORY)  # in this order, as langdetect loads them
    stats = [os.stat(os.path.join(PROFILES_DIRECTORY, n)) for n in names]
    key = key_of(PROFILES_DIRECTORY, names, [(s.st_size, s.st_mtime_ns) for s in stats])
    try:
        languages, table = _decode(cached_bytes("langdetect-profiles", key, _build))
    except (ValueError, EOFError, TypeError, IndexError):  # an entry unreadable here: anew
        languages, table = _decode(_build())
    factory = DetectorFactory()
    factory.langlist = list(languages)
    factory.word_lang_prob_map = table
    return factory


def _decode(data: bytes) -> tuple[tuple[str, ...], ProbabilityMap]:
    languages, words, raw_ends, langs, raw_probs = marshal.loads(data)
    ends, probs = array("I"), array("d")
    ends.frombytes(raw_ends)
    probs.frombytes(raw_probs)
    if not (len(ends) == len(words) and len(langs) == len(probs) == (ends[-1] if ends else 0)
            and max(langs, default=0) < len(languages)):
        raise ValueError("langdetect profile cache does not fit its index")
    return languages, ProbabilityMap(words, ends, langs, probs, len(languages))


def _build() -> bytes:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    ends, langs, probs = array("I"), bytearray(), array("d")
    for values in factory.word_lang_prob_map.values():
        for lang, prob in enumerate(values):
            if prob:
                langs.append(lang)
                probs.append(prob)
        ends.append(len(probs))
    return marshal.dumps((tuple(factory.langlist), tuple(factory.word_lang_prob_map),
                          ends.tobytes(), bytes(langs), probs.tobytes()))
