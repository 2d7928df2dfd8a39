"""Words, stopwords and content-word overlap: the shared vocabulary of the heuristics."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib.util import find_spec
from pathlib import Path

from pydantic import Field

from cleaner.settings import Settings
from cleaner.text.wordlists import wordlist

# Letters and digits of any script, apostrophes inside words ("don’t").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class StemSettings(Settings):
    """How content words are compared: the overlap of a headline with its story (head), of a
    teaser or caption with its neighbours (chrome). Shared by those stages, so no one
    stage's section; a caller passes its own with `settings=`. Set with the first cleaning
    core and the teaser heuristic, and kept since: every benchmark of the README was
    measured with them.
    """

    # A stem is a word's first letters: enough to match "promotes" with "promote" and
    # "sanctions" with "sanctioned" in any language, without a stemmer per language.
    stem_chars: int = Field(6, ge=1)
    # Shorter words are no content words ("a", "of", "la"), stoplist or not.
    min_word_chars: int = Field(3, ge=1)
    # Stems that share this many first letters are compared as prefixes of each other
    # ("lead" and "leader", which the six-letter cut keeps apart).
    shared_prefix: int = Field(4, ge=1)


_DEFAULTS = StemSettings()


def words(text: str) -> list[str]:
    """The words of `text`, in order.

    >>> words("Moscow-Beijing ties don’t weaken, 2022.")
    ['Moscow', 'Beijing', 'ties', 'don’t', 'weaken', '2022']
    """
    return _WORD.findall(text)


@functools.lru_cache(maxsize=64)  # one per language asked: documents use one or two
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


def stem(word: str, settings: StemSettings = _DEFAULTS) -> str:
    """A crude, language-neutral stem: lowercase, at most the first six letters.

    Enough to match "promotes" with "promote" and "sanctions" with "sanctioned".

    >>> stem("Promotes") == stem("promote")
    True
    """
    return word.lower()[:settings.stem_chars]


def shared_stems(ours: frozenset[str], theirs: frozenset[str] | set[str],
                 settings: StemSettings = _DEFAULTS) -> set[str]:
    """The stems of `ours` that match one of `theirs`: equal, or one a prefix of the other.

    Prefixes catch what a six-letter cut misses ("lead" and "leader").

    >>> sorted(shared_stems({"lead", "forth"}, {"leader", "online"}))
    ['lead']
    """
    prefix = settings.shared_prefix
    by_prefix: dict[str, list[str]] = {}
    for stem_ in theirs:
        by_prefix.setdefault(stem_[:prefix], []).append(stem_)
    shared = set()
    for stem_ in ours:
        candidates = by_prefix.get(stem_[:prefix], ())
        if any(other.startswith(stem_) or stem_.startswith(other) for other in candidates):
            shared.add(stem_)
    return shared


def overlap(text_stems: frozenset[str], story: frozenset[str] | set[str],
            settings: StemSettings = _DEFAULTS) -> float:
    """The share of `text_stems` that the story also uses (0.0 for no stems)."""
    if not text_stems:
        return 0.0
    return len(shared_stems(text_stems, story, settings)) / len(text_stems)


# As `shape.is_prose`: the stems of the last lines seen, which several stages ask for.
@functools.lru_cache(maxsize=16384)
def content_stems(text: str, language: str | None,
                  settings: StemSettings = _DEFAULTS) -> frozenset[str]:
    """Stems of the words of `text` that are not stopwords and have `min_word_chars` letters
    or more.

    Cached: `Regions` and the heuristics ask for the same blocks several times.
    """
    stop = stoplist(language) or stoplist("en")
    shortest = settings.min_word_chars
    return frozenset(stem(w, settings) for w in words(text)
                     if len(w) >= shortest and w.lower() not in stop)


class StemCounts:
    """How many blocks use each stem: answers "do the other blocks use this line's words?"
    for every line in one pass over the document."""

    def __init__(self, stem_sets: Iterable[frozenset[str]],
                 settings: StemSettings = _DEFAULTS) -> None:
        self.prefix = settings.shared_prefix
        self.counts: Counter[str] = Counter()
        for stems in stem_sets:
            self.counts.update(stems)
        self.by_prefix: defaultdict[str, set[str]] = defaultdict(set)
        for stem_ in self.counts:
            self.by_prefix[stem_[:self.prefix]].add(stem_)

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
                for other in self.by_prefix[stem_[:self.prefix]])
            for stem_ in own)
        return shared / len(own)
