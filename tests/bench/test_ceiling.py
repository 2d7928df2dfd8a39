"""bench/ceiling.py: the greedy oracle is a selection of lines, and no selection beats the
bound (no dataset needed)."""
import doctest
from collections import Counter
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from bench import ceiling
from bench.ceiling import bound_f1, oracle_f1
from bench.metrics import word_prf

WORDS = st.sampled_from(["the", "council", "met", "on", "monday", "share", "this", "story",
                         "read", "more"])
LINES = st.lists(st.lists(WORDS, min_size=1, max_size=6), min_size=1, max_size=6)


def _f1(lines: list[list[str]], gold: list[str]) -> float:
    return word_prf(" ".join(w for line in lines for w in line), " ".join(gold))[2]


def _best_selection(lines: list[list[str]], gold: list[str]) -> float:
    return max(_f1(list(chosen), gold) for size in range(len(lines) + 1)
               for chosen in combinations(lines, size))


@given(LINES, st.lists(WORDS, min_size=1, max_size=12))
def test_the_oracle_is_reachable_and_the_bound_is_never_beaten(lines, gold):
    counted, gold_counts = [Counter(line) for line in lines], Counter(gold)
    best = _best_selection(lines, gold)
    oracle = oracle_f1(counted, gold_counts)
    assert _f1(lines, gold) <= oracle + 1e-12  # it starts from every line
    assert oracle <= best + 1e-12  # it is the score of some selection
    assert best <= bound_f1(counted, gold_counts) + 1e-12


def test_an_empty_gold_body_is_reached_by_dropping_every_line():
    lines = [Counter(["share", "this"])]
    assert oracle_f1(lines, Counter()) == bound_f1(lines, Counter()) == 1.0


def test_doctests():
    assert doctest.testmod(ceiling).failed == 0
