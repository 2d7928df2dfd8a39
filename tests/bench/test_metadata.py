"""Unit tests for bench/metadata.py's scoring and its reasons for a miss (no dataset)."""
import doctest

import pytest

from bench import metadata
from bench.metadata import author_miss, author_right, date_miss, date_right, name_list

PAGE = " by jane doe editor acme news online posted december 18 2025 "


def test_doctests():
    assert doctest.testmod(metadata).failed == 0


def test_author_lists_match_when_one_contains_the_other():
    assert author_right(["Jane Doe"], "Jane Doe and John Roe")
    assert author_right(["Jane Doe", "John Roe"], "Jane Doe")
    assert not author_right([], "Jane Doe")
    assert not author_right(["Acme News"], "Jane Doe")
    assert name_list("Jane Doe; John Roe & Ana Ruiz") == {"jane doe", "john roe", "ana ruiz"}


def test_a_date_matches_to_the_gold_precision():
    assert date_right("2025-12-18", "2025-12")
    assert not date_right("2025-12-18", "2025-12-19")
    assert not date_right(None, "2025-12-18")


@pytest.mark.parametrize(("ours", "gold", "reason"), [
    ({"author": ["Jane Doe"], "publisher": None}, "Mary Major", "gold not in the page"),
    ({"author": [], "publisher": "Acme News Online"}, "Acme News", "the site's name: in publisher"),
    ({"author": [], "publisher": None}, "Jane Doe", "none found"),
    ({"author": ["Jane Doe"], "publisher": None}, "Jane Doe (Editor)", "gold adds words to ours"),
    ({"author": ["Jane Doe Editor"], "publisher": None}, "Jane Doe", "ours adds words to gold"),
    ({"author": ["Acme"], "publisher": None}, "Jane Doe", "another name"),
])
def test_each_author_miss_has_its_reason(ours, gold, reason):
    assert author_miss(ours, gold, PAGE) == reason


def test_the_site_s_host_names_it_too():
    ours = {"author": [], "publisher": None}
    assert author_miss(ours, "Acme", " acme ", "acme.example") == "the site's name: in publisher"
    assert author_miss(ours, "Acme", " acme ", "other.example") == "none found"


@pytest.mark.parametrize(("ours", "gold", "declared", "reason"), [
    ({"date": "2025-12-18"}, "2024-01-01", None, "gold not in the page"),
    ({"date": None}, "2025-12-18", None, "none found"),
    ({"date": "2025-11-01"}, "2025-12-18", "2025-11-01", "ours declared published, gold later"),
    ({"date": "2025-12-19"}, "2025-12-18", "2025-11-01", "another date"),
    ({"date": "2025-11-01"}, "2025-12", "2025-11-01", "ours declared published, gold later"),
])
def test_each_date_miss_has_its_reason(ours, gold, declared, reason):
    assert date_miss(ours, gold, "Posted December 18, 2025", declared) == reason
