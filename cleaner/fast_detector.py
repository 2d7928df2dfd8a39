"""langdetect's `Detector` with its per-character loops made cheap, answers unchanged.

langdetect reads a text one character at a time in Python three times over: collapsing
spaces (`append`), counting Latin letters (`cleaning_text`) and cutting n-grams, where
each character is normalized anew (`NGram.normalize`, a lookup of its Unicode block). Here
spaces collapse with a regex and each character's normalization and class are computed once
per process; the n-grams, their order and so the seeded random walk over them are
langdetect's own, and the walk's updates are the same float operations made in list
comprehensions (tests/test_fast_detector.py compares the two).
"""

from __future__ import annotations

import functools
import re

from langdetect.detector import Detector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram
from langdetect.utils.unicode_block import unicode_block

_SPACES = re.compile(" {2,}")


class _Normalized(dict):
    """code point -> NGram.normalize of its character, filled as characters are met (a
    table for `str.translate`)."""

    def __missing__(self, code: int) -> str:
        self[code] = NGram.normalize(chr(code))
        return self[code]


_NORMALIZED = _Normalized()
_MEMO_WORDS = 200_000  # a word memo is emptied when it grows past this
_memos: dict[int, tuple[object, dict[tuple[str, bool], tuple[str, ...]]]] = {}


def _memo_for(table: object) -> dict[tuple[str, bool], tuple[str, ...]]:
    """The n-grams of words already seen with this table of n-grams (held, so that its id
    is not reused)."""
    held = _memos.get(id(table))
    if held is None or held[0] is not table:
        held = _memos[id(table)] = (table, {})
    if len(held[1]) > _MEMO_WORDS:
        held[1].clear()
    return held[1]


def _word_ngrams(word: str, spaced: bool, table: object) -> tuple[str, ...]:
    """langdetect's n-grams of one normalized word (no space in it), and of the space after
    it when `spaced`: `NGram.add_char` and `Detector._extract_ngrams`, step by step."""
    result: list[str] = []
    grams, capital = " ", False
    for ch in word + " " if spaced else word:
        last = grams[-1]
        if last == " ":
            grams, capital = " ", False
        elif len(grams) >= 3:
            grams = grams[1:]
        grams += ch
        if ch.isupper():
            capital = capital or last.isupper()
            if capital:
                continue
        else:
            capital = False
        for n in (1, 2, 3):
            if len(grams) < n:
                break
            w = grams[-n:]
            if w != " " and w in table:
                result.append(w)
    return tuple(result)


@functools.lru_cache(maxsize=65536)  # one per character seen: the alphabets of the texts
def _script_class(ch: str) -> int:
    """1 for what `cleaning_text` counts as Latin, 2 as not Latin, 0 for neither."""
    if "A" <= ch <= "z":
        return 1
    if ch >= "\u0300" and unicode_block(ch) != "Latin Extended Additional":
        return 2
    return 0


class FastDetector(Detector):
    """A `Detector` whose text preparation and n-gram extraction are faster."""

    def append(self, text: str) -> None:
        text = self.URL_RE.sub(" ", text)
        text = self.MAIL_RE.sub(" ", text)
        text = NGram.normalize_vi(text)
        self.text += _SPACES.sub(" ", text[:self.max_text_length])

    def cleaning_text(self) -> None:
        classes = [_script_class(ch) for ch in self.text]
        if classes.count(1) * 2 < classes.count(2):
            self.text = "".join(ch for ch in self.text if ch < "A" or "z" < ch)

    def _extract_ngrams(self) -> list[str]:
        """langdetect's n-grams of the text, word by word: its n-gram buffer starts afresh
        after each space, so the n-grams of a word (and of the space after it) depend on
        the word alone, and a word seen before costs one lookup."""
        table = self.word_lang_prob_map
        memo = _memo_for(table)
        parts = self.text.translate(_NORMALIZED).split(" ")
        last = len(parts) - 1
        result: list[str] = []
        for i, word in enumerate(parts):
            if word:
                found = memo.get((word, i < last))
                if found is None:
                    found = memo[word, i < last] = _word_ngrams(word, i < last, table)
                result.extend(found)
        return result


    def _detect_block(self) -> None:
        """langdetect's random walk over the n-grams, step for step: the same seed, draws
        (`random.choice` is `seq[_randbelow(len(seq))]`), updates and normalizations. Each
        n-gram `_extract_ngrams` cut is in the table, so a step looks its row up and no
        more (langdetect tests membership first, which costs a hash of the n-gram)."""
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        self.langprob = [0.0] * len(self.langlist)
        self.random.seed(self.seed)
        table, draw, count = self.word_lang_prob_map, self.random._randbelow, len(ngrams)
        for _ in range(self.n_trial):
            prob = self._init_probability()
            alpha = self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH
            weight = alpha / self.BASE_FREQ
            step = 0
            while True:
                row = table[ngrams[draw(count)]]
                prob[:] = [p * (weight + q) for p, q in zip(prob, row)]
                if step % 5 == 0 and (self._normalize_prob(prob) > self.CONV_THRESHOLD
                                      or step >= self.ITERATION_LIMIT):
                    break
                step += 1
            for j in range(len(self.langprob)):
                self.langprob[j] += prob[j] / self.n_trial

    def _normalize_prob(self, prob: list[float]) -> float:
        """langdetect's normalization (each over their sum) and the largest result."""
        total = sum(prob)
        prob[:] = [p / total for p in prob]
        return max(0.0, *prob)
