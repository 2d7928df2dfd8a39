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
from langdetect.utils.ngram import NGram
from langdetect.utils.unicode_block import unicode_block

_SPACES = re.compile(" {2,}")


@functools.lru_cache(maxsize=65536)
def _normalized(ch: str) -> tuple[str, bool]:
    """NGram.normalize of a character, and whether the result is upper case."""
    out = NGram.normalize(ch)
    return out, out.isupper()


@functools.lru_cache(maxsize=65536)
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
        table = self.word_lang_prob_map
        result: list[str] = []
        grams, capital = " ", False
        for raw in self.text:
            ch, upper = _normalized(raw)
            last = grams[-1]
            if last == " ":
                grams, capital = " ", False
                if ch == " ":
                    continue
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += ch
            if upper:
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
        return result

    def _update_lang_prob(self, prob: list[float], word: str | None, alpha: float) -> bool:
        """langdetect's update, each language's probability times (weight + its n-gram
        probability), the same float operations in one comprehension."""
        table = self.word_lang_prob_map
        if word is None or word not in table:
            return False
        weight = alpha / self.BASE_FREQ
        prob[:] = [p * (weight + q) for p, q in zip(prob, table[word])]
        return True

    def _normalize_prob(self, prob: list[float]) -> float:
        """langdetect's normalization (each over their sum) and the largest result."""
        total = sum(prob)
        prob[:] = [p / total for p in prob]
        return max(0.0, *prob)
