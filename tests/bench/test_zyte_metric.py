"""Unit tests for bench/zyte_metric.py (no dataset, no cleaner.clean needed)."""
import doctest

import pytest

from bench import zyte_metric
from bench.zyte_metric import aggregate, shingle_scores, shingles, tokens

BODY = "The quick brown fox jumps over the lazy dog.\n\nIt was not amused."


def test_identical_texts_score_one():
    assert shingle_scores(BODY, BODY) == (1.0, 0.0, 0.0)
    assert aggregate([shingle_scores(BODY, BODY)] * 3) == {
        "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_whitespace_and_punctuation_do_not_matter():
    assert shingle_scores(BODY, BODY.replace("\n\n", " ").replace(".", "")) == (1.0, 0.0, 0.0)


def test_empty_prediction():
    assert shingle_scores(BODY, "") == (0.0, 0.0, 1.0)
    assert shingle_scores(BODY, None) == (0.0, 0.0, 1.0)
    # The empty page drops out of the precision mean (tp+fp == 0) but counts 0 in recall.
    m = aggregate([shingle_scores(BODY, BODY), shingle_scores(BODY, "")])
    assert m == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}


def test_empty_gold_and_prediction_is_ignored():
    assert shingle_scores("", "") == (0.0, 0.0, 0.0)
    m = aggregate([shingle_scores("", ""), shingle_scores(BODY, BODY)])
    assert m["f1"] == 1.0


def test_hand_computed_case():
    # gold "a b c d e f": abcd bcde cdef; pred "a b c d e x y": abcd bcde cdex dexy
    # tp=2 fp=2 fn=1, normalised by 5
    tp, fp, fn = shingle_scores("a b c d e f", "a b c d e x y")
    assert (tp, fp, fn) == pytest.approx((0.4, 0.4, 0.2))
    # page P = 0.5, R = 2/3; a second page with P = 1, R = 0.5 (prediction is half the gold)
    second = shingle_scores("a b c d e f g h", "a b c d e")  # tp=2 fp=0 fn=3
    assert second == pytest.approx((0.4, 0.0, 0.6))
    m = aggregate([(tp, fp, fn), second])
    p, r = (0.5 + 1.0) / 2, (2 / 3 + 0.4) / 2
    assert m == pytest.approx({"precision": p, "recall": r, "f1": 2 * p * r / (p + r)})


def test_repeated_shingles_count_as_multiset():
    # A duplicated paragraph in the prediction is a false positive.
    tp, fp, fn = shingle_scores("w x y z", "w x y z. w x y z")
    # pred shingles: wxyz, xyzw, yzwx, zwxy, wxyz -> tp=1, fp=4
    assert (tp, fp, fn) == pytest.approx((0.2, 0.8, 0.0))


def test_case_sensitive():
    assert tokens("Hello HELLO hello") == ["Hello", "HELLO", "hello"]
    assert shingle_scores("One two three four", "one two three four") == (0.0, 0.5, 0.5)


def test_fewer_than_four_tokens():
    assert shingles("Breaking news") == {("Breaking", "news"): 1}
    assert shingles("a b c d") == {("a", "b", "c", "d"): 1}
    assert shingle_scores("Breaking news", "Breaking news!") == (1.0, 0.0, 0.0)
    # a short prediction is one 2-token shingle: it matches no 4-token gold shingle
    assert shingle_scores("a b c d e", "a b") == pytest.approx((0.0, 1 / 3, 2 / 3))


def test_unicode_tokens():
    assert tokens("Привет, мир! 日本語のテキスト café") == ["Привет", "мир", "日本語のテキスト", "café"]


def test_doctests():
    assert doctest.testmod(zyte_metric).failed == 0
