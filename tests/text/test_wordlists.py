"""The word lists of `rules/words/`: every one is read, holds words (strings) only, is
shipped in the wheel and is used by the code."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from cleaner.text.wordlists import FOLDER, check_words, parse_wordlist, wordlist, words_of

PACKAGE = Path(__file__).resolve().parents[2] / "cleaner"
NAMES = sorted(p.stem for p in Path(str(resources.files("cleaner.rules") / FOLDER)).glob("*.yaml"))


def _listed(value: object) -> list[object]:
    """The words of the lists in `value`; mappings are walked (their keys and values are
    languages, numbers, names), lists are words."""
    if isinstance(value, dict):
        assert all(isinstance(key, str | int) and not isinstance(key, bool) for key in value)
        return [word for item in value.values() for word in _listed(item)]
    if isinstance(value, list):
        return list(value)
    assert isinstance(value, str)
    return []


def test_the_lists_are_there():
    assert {"names", "function_words", "dates", "stoplists"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_a_list_holds_lower_case_words(name):
    data = wordlist(name)
    listed = _listed(data)
    assert listed or name == "stoplists"
    assert all(isinstance(w, str) and w == w.lower() for w in listed), name


@pytest.mark.parametrize("name", NAMES)
def test_a_list_is_used_by_the_code(name):
    code = "".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py"))
    assert f'wordlist("{name}")' in code or f'words_of("{name}"' in code


def test_an_unquoted_boolean_is_refused():
    with pytest.raises(ValueError, match="quote them"):
        check_words("bad", {"months": {1: ["jan", 2020]}})
    check_words("good", {"months": {1: ["jan"]}, "justext": {"no": "Norwegian_Bokmal"}})


def test_packaged_with_the_rules():
    pyproject = (PACKAGE.parent / "pyproject.toml").read_text("utf-8")
    assert f'"cleaner.rules.{FOLDER}" = ["*.yaml"]' in pyproject
    assert "und" in words_of("function_words", "trailing")


@pytest.mark.parametrize("name", NAMES)
def test_a_cached_list_equals_the_parsed_file(name, tmp_path, monkeypatch):
    """Read from the disk cache (written by the first read), a list is what parsing gives;
    a truncated entry is parsed anew."""
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    text = (Path(str(resources.files("cleaner.rules"))) / FOLDER / f"{name}.yaml").read_text("utf-8")
    want = parse_wordlist(name, text)
    for _ in range(2):  # written, then read back
        wordlist.cache_clear()
        assert wordlist(name) == want
    (entry,) = tmp_path.glob("wordlist-*")
    entry.write_bytes(entry.read_bytes()[:20])
    wordlist.cache_clear()
    assert wordlist(name) == want
    wordlist.cache_clear()


def test_a_list_that_is_not_words_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="not words"):
        parse_wordlist("x", "en: [at, yes]\n")
