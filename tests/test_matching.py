"""`cleaner.matching`: the RE2 sets find the same hits as each rule run on its own."""

from __future__ import annotations

import pytest
import re2

from cleaner.catalog import load_catalog
from cleaner.matching import CompiledRule, RuleMatcher, list_item_text
from cleaner.wider_patterns import wider_pattern

LETTER = r"[A-Za-z\x{80}-\x{10FFFF}]"


@pytest.mark.parametrize("pattern, wider", [
    (r"\d{1,2}", r"\d{1,}"),
    (r"(?:\s+\d\w+){0,3}x{2}", r"(?:\s+\d\w+){0,}x{2}"),  # {2} is exact: kept
    (r"a{1,3}?", r"a{1,}?"),
    (r"[{1,2}\]{3,4}]", r"[{1,2}\]{3,4}]"),    # in a character class: braces
    (r"[]{1,2}]", r"[]{1,2}]"),                # a class that starts with ]
    (r"[[:alpha:]{1,2}]b", r"[[:alpha:]{1,2}]b"),
    (r"\{1,2}", r"\{1,2}"),                    # an escaped brace
    (r"\Qa{1,2}\pL\Eb{1,2}", r"\Qa{1,2}\pL\Eb{1,}"),  # quoted text
    (r"\x{41}{1,2}", r"\x{41}{1,}"),
    (r"\pL+\p{Lu}\p{L}", LETTER + "+" + LETTER + LETTER),
    (r"\pN\p{Nd}", r"[0-9\x{80}-\x{10FFFF}][0-9\x{80}-\x{10FFFF}]"),
    (r"(?-i:\p{Lu})[\pL.'’-]{0,3}", "(?-i:" + LETTER + r")[A-Za-z\x{80}-\x{10FFFF}.'’-]{0,}"),
    (r"[^\pL\s]\PL\P{Lu}\p{^L}", r"[^\pL\s]\PL\P{Lu}\p{^L}"),  # negated: kept
    (r"\p{Greek}\p{Lu", r"\p{Greek}\p{Lu"),    # a script, and no class at all
    (r"[\pL-z]", r"[\pL-z]"),                   # a range from the class: kept whole
    (r"\\pL", r"\\pL"),                        # an escaped backslash, then "pL"
])
def test_wider_pattern_rewrites_only_repetitions_and_classes(pattern, wider):
    assert wider_pattern(pattern) == wider
    if not pattern.endswith(r"\p{Lu"):  # a valid pattern stays valid
        re2.compile(wider)


@pytest.mark.parametrize("line", ["Ünïcödé wörds 123", "ΑΒΓ δεζ", "日本語のテキスト", "a-b_c ½ ²"])
def test_a_wider_class_matches_whatever_the_class_matches(line):
    for pattern in (r"[\pL\s]+", r"[\pL\pN\s_½²-]+", r"(?:\p{Lu}|\p{Ll}|\p{Lo}|\pN|\s|[-_])+"):
        if re2.fullmatch(pattern, line):
            assert re2.fullmatch(wider_pattern(pattern), line), (pattern, line)


def _examples() -> list[str]:
    catalog = load_catalog()
    return sorted({line for rule in catalog.rules
                   for line in (*rule.examples.remove, *rule.examples.keep)})


def test_the_sets_find_the_hits_of_each_rule_run_alone():
    """Every line of every example, in every language: the catalog's hits (sets of wider
    patterns, then each candidate run alone) are those of running every rule
    on its own, in catalog order."""
    catalog = load_catalog()
    compiled = [CompiledRule(rule) for rule in catalog.rules]
    scopes = ("line", "prefix", "tail", "inline")
    for language in (None, "en", "de", "fr", "es", "pt", "ru", "it"):
        catalog.forget()
        for line in _examples():
            want = [rule.rule.id for rule in compiled if rule.rule.applies_to(language, None)
                    and rule.match(_seen_by(rule, line)) is not None]
            got = [hit.rule.id for hit in catalog.hits(line, scopes, language)]
            assert got == want, (language, line)


def _seen_by(rule: CompiledRule, line: str) -> str:
    return list_item_text(line) if rule.rule.scope in ("line", "tail") else line


def test_a_document_builds_only_the_sets_of_its_language():
    """English, a language no rule names, needs the language-free rules only; German adds
    the German ones; an unknown language needs every rule. Built on first use, once."""
    rules = load_catalog().rules
    matcher = RuleMatcher(rules)
    assert not matcher._sets  # nothing built when the catalog loads
    matcher.hits("Back to top", ("line",), "en")
    assert {language for _, language in matcher._sets} == {""}
    matcher.hits("Back to top", ("line",), "zh")  # shares the set of English
    matcher.hits("Zurück nach oben", ("line",), "de")
    matcher.hits("Back to top", ("line",), None)
    assert {language for _, language in matcher._sets} == {"", "de", None}
    sizes = {language: len(found) for (anchor, language), (_, found) in matcher._sets.items()
             if anchor == "full"}
    full = [rule for rule in rules if rule.scope in ("line", "tail")]
    assert sizes == {"": sum(rule.language is None for rule in full),
                     "de": sum(rule.language in (None, "de") for rule in full),
                     None: len(full)}


def test_compile_builds_every_set_a_document_can_need():
    rules = load_catalog().rules
    matcher = RuleMatcher(rules).compile()
    languages = {rule.language for rule in rules if rule.language}
    assert {language for _, language in matcher._sets} == {None, "", *languages}
