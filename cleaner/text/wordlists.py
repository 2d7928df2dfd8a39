"""Word lists: data files beside the catalog (`rules/words/<name>.yaml`), read once.

Function words, month and weekday names, byline vocabulary: words a heuristic looks for,
per language where it matters, kept as data next to the rules rather than as literals in
the code. A list is read the first time a heuristic needs it and cached.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

FOLDER = "words"


@functools.cache
def wordlist(name: str) -> Any:
    """The parsed contents of `rules/words/<name>.yaml` (a mapping), its lists checked."""
    import yaml

    path = resources.files("cleaner.rules").joinpath(FOLDER, f"{name}.yaml")
    data = yaml.safe_load(path.read_text("utf-8"))
    check_words(name, data)
    return data


def check_words(name: str, data: object) -> None:
    """Every item of every list in `data` is a string: YAML reads `on`, `no`, `yes`
    unquoted as booleans and `2020` as a number, which no text would ever match.

    >>> check_words("x", {"en": ["at", True]})
    Traceback (most recent call last):
    ...
    ValueError: rules/words/x.yaml: not words (quote them): True
    """
    if isinstance(data, dict):
        for value in data.values():
            check_words(name, value)
    elif isinstance(data, list):
        odd = [repr(w) for w in data if not isinstance(w, str)]
        if odd:
            raise ValueError(f"rules/{FOLDER}/{name}.yaml: not words (quote them): "
                             f"{', '.join(odd)}")


@functools.cache
def words_of(name: str, key: str | None = None) -> frozenset[str]:
    """Every word of a per-language list: `<name>.yaml`'s mapping of language to words
    (or its `key` entry's, when given), all languages together.

    >>> "und" in words_of("function_words", "trailing")
    True
    """
    data = wordlist(name)
    by_language = data[key] if key else data
    return frozenset(w for listed in by_language.values() for w in listed)
