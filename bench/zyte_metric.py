"""The Zyte article-extraction-benchmark metric, re-implemented as pure functions.

Same definition as ``evaluate.py`` of scrapinghub/article-extraction-benchmark:
case-sensitive ``\\w+`` tokens, shingles of 4 consecutive tokens counted as a
multiset, per-page tp/fp/fn normalised to sum 1, precision and recall averaged
over pages, F1 = harmonic mean of the two averages.

Run the doctests with ``python -m pytest bench/zyte_metric.py`` (or
``python -m doctest bench/zyte_metric.py``).
"""
from __future__ import annotations

import re
from collections import Counter
from statistics import mean

TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
N = 4


def tokens(text: str | None) -> list[str]:
    """Case-sensitive word tokens.

    >>> tokens("Hello, world! It's 2019.")
    ['Hello', 'world', 'It', 's', '2019']
    """
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = N) -> Counter:
    """Multiset of n-token shingles; a text shorter than n tokens is one shingle.

    >>> shingles("a b c d e")
    Counter({('a', 'b', 'c', 'd'): 1, ('b', 'c', 'd', 'e'): 1})
    >>> shingles("a b")
    Counter({('a', 'b'): 1})
    >>> shingles("  ...  ")
    Counter()
    """
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)] if toks else [])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def shingle_scores(true: str | None, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page from multiset shingle overlap, normalised to sum 1.

    >>> shingle_scores("a b c d e", "a b c d x")
    (0.3333333333333333, 0.3333333333333333, 0.3333333333333333)
    >>> shingle_scores("", "")
    (0.0, 0.0, 0.0)
    """
    t, p = shingles(true), shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_f1(tp: float, fp: float, fn: float) -> float:
    """F1 of one page (for ranking the worst pages; not part of the Zyte aggregate).

    >>> page_f1(*shingle_scores("a b c d e", "a b c d"))
    0.6666666666666666
    """
    p, r = page_precision(tp, fp, fn), page_recall(tp, fp, fn)
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(scores: list[tuple[float, float, float]]) -> dict[str, float]:
    """Mean precision (pages with tp+fp>0), mean recall (pages with tp+fn>0), F1 of the means.

    >>> aggregate([shingle_scores("a b c d e", "a b c d e"), shingle_scores("a b c d e", "")])
    {'precision': 1.0, 'recall': 0.5, 'f1': 0.6666666666666666}
    """
    ps = [page_precision(*s) for s in scores if s[0] + s[1] > 0]
    rs = [page_recall(*s) for s in scores if s[0] + s[2] > 0]
    p = mean(ps) if ps else 0.0
    r = mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}
