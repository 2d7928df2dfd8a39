"""WCXB's word F1, and small helpers to average scores over pages.

Word F1 is WCXB's own (its `evaluate.py`): lowercased `\\w+` tokens as multisets, precision
and recall per page, F1 per page, means over pages. An empty gold page scores 1 when the
output is empty too, else 0.
"""

from __future__ import annotations

import re
from collections import Counter
from statistics import mean

_TOKEN = re.compile(r"\w+")


def word_tokens(text: str | None) -> list[str]:
    """
    >>> word_tokens("It's 2019, World!")
    ['it', 's', '2019', 'world']
    """
    return _TOKEN.findall(text.lower()) if text else []


def word_prf(predicted: str | None, reference: str | None) -> tuple[float, float, float]:
    """(precision, recall, F1) of one page.

    >>> word_prf("the cat sat", "the cat sat down")
    (1.0, 0.75, 0.8571428571428571)
    >>> word_prf("", ""), word_prf("x", "")
    ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0))
    """
    pred, ref = word_tokens(predicted), word_tokens(reference)
    if not ref:
        return (1.0, 1.0, 1.0) if not pred else (0.0, 0.0, 0.0)
    if not pred:
        return (0.0, 0.0, 0.0)
    overlap = sum((Counter(pred) & Counter(ref)).values())
    precision, recall = overlap / len(pred), overlap / len(ref)
    f1 = 2 * precision * recall / (precision + recall) if overlap else 0.0
    return precision, recall, f1


def mean_of(values: list[float]) -> float:
    return mean(values) if values else float("nan")
