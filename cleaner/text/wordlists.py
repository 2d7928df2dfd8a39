"""Word lists: data files beside the catalog (`rules/words/<name>.yaml`), read once.

Function words, month and weekday names, byline vocabulary: words a heuristic looks for,
per language where it matters, kept as data next to the rules rather than as literals in
the code. A list is read the first time a heuristic needs it and cached; its parsed contents
are kept in the disk cache (`cleaner.disk_cache`) too, under a key of the file's text and
this module's code, since importing the YAML parser and parsing costs a start-up 40 ms.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from typing import Any

from cleaner.disk_cache import cached_object, file_digests, key_of

FOLDER = "words"


@functools.cache
def wordlist(name: str) -> Any:
    """The parsed contents of `rules/words/<name>.yaml` (a mapping), its lists checked."""
    text = resources.files("cleaner.rules").joinpath(FOLDER, f"{name}.yaml").read_text("utf-8")
    key = key_of(name, hashlib.sha256(text.encode("utf-8")).hexdigest(), _code_hash())
    return cached_object("wordlist", key, lambda: parse_wordlist(name, text))


def parse_wordlist(name: str, text: str) -> Any:
    """The YAML `text` of `rules/words/<name>.yaml`, parsed, its lists checked."""
    import yaml

    data = yaml.safe_load(text)
    check_words(name, data)
    return data


@functools.cache
def _code_hash() -> str:
    return file_digests([__file__])[0]


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
