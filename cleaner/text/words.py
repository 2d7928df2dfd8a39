"""Words, stopwords and content-word overlap: the shared vocabulary of the heuristics."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from cleaner.text.wordlists import wordlist

# Letters and digits of any script, apostrophes inside words ("don’t").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Stems sharing this many first letters are compared by prefix (see shared_stems).
_PREFIX = 4


def words(text: str) -> list[str]:
    """The words of `text`, in order.

    >>> words("Moscow-Beijing ties don’t weaken, 2022.")
    ['Moscow', 'Beijing', 'ties', 'don’t', 'weaken', '2022']
    """
    return _WORD.findall(text)


@functools.lru_cache(maxsize=64)
def stoplist(language: str | None) -> frozenset[str]:
    """justext's stoplist for an ISO 639-1 code; empty when justext has none (the names of
    its stoplists are in `rules/words/stoplists.yaml`).

    Read as `justext.get_stoplist` reads it, from justext's package folder, without
    importing justext (which imports lxml): text mode needs no HTML library.
    """
    name = stoplist_name(language)
    if not name:
        return frozenset()
    data = (_justext_folder() / "stoplists" / f"{name}.txt").read_bytes()
    return frozenset(w.decode("utf8").lower() for w in data.splitlines())


@functools.cache
def _justext_folder() -> Path:
    spec = find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("justext is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def stoplist_name(language: str | None) -> str | None:
    """The name of justext's stoplist for an ISO 639-1 code (`rules/words/stoplists.yaml`).

    >>> stoplist_name("no"), stoplist_name("xx")
    ('Norwegian_Bokmal', None)
    """
    return wordlist("stoplists")["justext"].get(language or "")


def stem(word: str) -> str:
    """A crude, language-neutral stem: lowercase, at most the first six letters.

    Enough to match "promotes" with "promote" and "sanctions" with "sanctioned".

    >>> stem("Promotes") == stem("promote")
    True
    """
    return word.lower()[:6]


def shared_stems(ours: frozenset[str], theirs: frozenset[str] | set[str]) -> set[str]:
    """The stems of `ours` that match one of `theirs`: equal, or one a prefix of the other.

    Prefixes catch what a six-letter cut misses ("lead" and "leader").

    >>> sorted(shared_stems({"lead", "forth"}, {"leader", "online"}))
    ['lead']
    """
    by_prefix: dict[str, list[str]] = {}
    for stem_ in theirs:
        by_prefix.setdefault(stem_[:_PREFIX], []).append(stem_)
    shared = set()
    for stem_ in ours:
        candidates = by_prefix.get(stem_[:_PREFIX], ())
        if any(other.startswith(stem_) or stem_.startswith(other) for other in candidates):
            shared.add(stem_)
    return shared


def overlap(text_stems: frozenset[str], story: frozenset[str] | set[str]) -> float:
    """The share of `text_stems` that the story also uses (0.0 for no stems)."""
    return len(shared_stems(text_stems, story)) / len(text_stems) if text_stems else 0.0


@functools.lru_cache(maxsize=16384)
def content_stems(text: str, language: str | None) -> frozenset[str]:
    """Stems of the words of `text` that are not stopwords and have three letters or more.

    Cached: `Regions` and the heuristics ask for the same blocks several times.
    """
    stop = stoplist(language) or stoplist("en")
    return frozenset(stem(w) for w in words(text) if len(w) >= 3 and w.lower() not in stop)


class StemCounts:
    """How many blocks use each stem: answers "do the other blocks use this line's words?"
    for every line in one pass over the document."""

    def __init__(self, stem_sets: Iterable[frozenset[str]]) -> None:
        self.counts: Counter[str] = Counter()
        for stems in stem_sets:
            self.counts.update(stems)
        self.by_prefix: defaultdict[str, set[str]] = defaultdict(set)
        for stem_ in self.counts:
            self.by_prefix[stem_[:_PREFIX]].add(stem_)

    def overlap_with_others(self, own: frozenset[str]) -> float:
        """The share of one block's stems that some other block also uses (see shared_stems).

        >>> counts = StemCounts([frozenset({"lead", "forth"}), frozenset({"leader"})])
        >>> counts.overlap_with_others(frozenset({"lead", "forth"}))
        0.5
        """
        if not own:
            return 0.0
        shared = sum(
            any(self.counts[other] > (other in own) and (other.startswith(stem_) or stem_.startswith(other))
                for other in self.by_prefix[stem_[:_PREFIX]])
            for stem_ in own)
        return shared / len(own)
