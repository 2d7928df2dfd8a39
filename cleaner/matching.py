"""RE2 matching of rules: patterns checked and compiled once, and every rule of one anchoring
matched together in an RE2 set.

Patterns are compiled with google-re2: matching is linear in the text, whatever a rule file
says, so no user rule can hang a batch. All rules of one scope are matched in a single pass
with an RE2 set; only the rules that hit are run on their own. `cleaner.catalog` holds the
rule model and the catalog that uses this matcher.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import re2

from cleaner.errors import RuleError
from cleaner.wider_patterns import wider_pattern

if TYPE_CHECKING:
    from cleaner.catalog import Rule

# Big alternations (phrase lists of a whole catalog in one set) need more than RE2's 8 MB.
RE2_MAX_MEM = 64 << 20


def phrases_to_regex(phrases: Sequence[str]) -> str:
    """Literal phrases to one case-insensitive RE2 alternation, tolerant of spacing.

    >>> phrases_to_regex(["Next Story", "Go to top"])
    '(?i)(?:next\\\\s*story|go\\\\s*to\\\\s*top)'
    """
    parts = []
    for phrase in phrases:
        words = phrase.strip().lower().split()
        parts.append(r"\s*".join(re2.escape(word) for word in words))
    return "(?i)(?:" + "|".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule that matched a line, with the span it covers and any named groups."""

    rule: Rule
    start: int
    end: int
    groups: dict[str, str]


class CompiledRule:
    """A rule that matches in the way its scope says. Its pattern is compiled on its first
    match: in a catalog, only rules that an RE2 set found on a line are ever run alone."""

    __slots__ = ("rule",)

    def __init__(self, rule: Rule) -> None:
        self.rule = rule

    def match(self, line: str) -> Hit | None:
        regex = compile_pattern(self.rule.regex, self.rule.id)
        scope = self.rule.scope
        if scope in ("line", "tail"):
            found = regex.fullmatch(line)
        elif scope == "prefix":
            found = regex.match(line)
        else:
            found = regex.search(line)
        if found is None:
            return None
        groups = {k: v for k, v in found.groupdict().items() if v}
        return Hit(self.rule, found.start(), found.end(), groups)


def check_pattern(pattern: str, rule_id: str) -> None:
    """Raise `RuleError` unless `pattern` is valid RE2. Parsing it is enough, and costs a tenth
    of compiling it; the reason for an error comes from compiling it."""
    try:
        re2.Set.SearchSet(_options()).Add(pattern)
    except (re2.error, UnicodeEncodeError):
        compile_pattern(pattern, rule_id)  # raises RuleError with RE2's reason
        raise RuleError(f"rule {rule_id}: pattern cannot be matched in an RE2 set") from None


def compile_pattern(pattern: str, rule_id: str) -> Any:
    """`pattern` compiled (once per process), or `RuleError` with RE2's reason."""
    try:
        return _compile(pattern)
    except re2.error as exc:
        raise RuleError(f"rule {rule_id}: pattern is not valid RE2: {_reason(exc)}") from None
    except UnicodeEncodeError:
        raise RuleError(f"rule {rule_id}: pattern is not valid Unicode "
                        "(it holds a lone surrogate)") from None


def _reason(exc: re2.error) -> str:
    """RE2's message, which the wrapper gives as bytes (b'missing ): (')."""
    reason = exc.args[0] if exc.args else exc
    return reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)


def _options() -> Any:
    """RE2 options for rules: room for big alternations, and errors raised, not logged (RE2
    would print each one to stderr besides)."""
    options = re2.Options()
    options.max_mem = RE2_MAX_MEM
    options.log_errors = False
    return options


@functools.lru_cache(maxsize=4096)
def _compile(pattern: str) -> Any:
    """Compiled once per process: validation and matching share it."""
    return re2.compile(pattern, _options())


_BULLET = re.compile(r"[-–•*·▪►]\s+")


def list_item_text(line: str) -> str:
    """A line without its list bullet ("- Print Article" → "Print Article"): whole-line rules
    judge a list item by its text, since extractors turn link lists into bulleted lines."""
    found = _BULLET.match(line)
    return line[found.end():] if found else line


# Scopes matched the same way share one RE2 set: line and tail rules match whole lines
# (of a list item, its text), prefix and in-line rules the line as it is, in one search
# where a prefix rule's pattern is anchored at the start ("^").
_SET_OF_SCOPE = {"line": "full", "tail": "full", "prefix": "open", "inline": "open"}
_RE2_SET_CLASS = {"full": "FullMatchSet", "open": "SearchSet"}


# The key of the set for a document in a language that no rule names: its language-free rules.
_NO_RULE_LANGUAGE = ""


class RuleMatcher:
    """Rules matched with one RE2 set per anchoring (whole line; line start or anywhere): a
    line costs two passes whatever the size of the catalog, and only the rules that hit
    are run on their own, for their spans and groups.

    A set holds each rule's pattern widened (`cleaner.wider_patterns`): it finds every line
    the rule matches and a few more, and the rule run on its own has the last word.

    The sets are per document language, built when a document first needs them: a set for
    language L holds the rules without a language and those of L; a document whose language
    is unknown (None) needs every rule. A start-up so builds one language's sets (0.05 s for
    English), not every language's. The trade: a catalog too big for RE2 is a `RuleError`
    at the first document that needs the set, not when the catalog loads, unless `compile()`
    is called, as `cleaner rules test` does.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        self._by_set: dict[str, list[CompiledRule]] = {kind: [] for kind in _RE2_SET_CLASS}
        for rule in self.rules:
            self._by_set[_SET_OF_SCOPE[rule.scope]].append(CompiledRule(rule))
        self._languages = frozenset(rule.language for rule in self.rules if rule.language)
        # (set, language key) -> the RE2 set and its rules in catalog order (a set answers
        # their indexes); None for a set none of whose rules applies
        self._sets: dict[tuple[str, str | None], tuple[Any, tuple[CompiledRule, ...]]] = {}
        self._memo: dict[tuple[str, str | None, str | None], tuple[Hit, ...]] = {}

    def _set(self, kind: str, language: str | None) -> tuple[Any, tuple[CompiledRule, ...]]:
        """The `kind` set ("full" or "open") of the rules that may apply to a document in
        `language`, and those rules, built on first use (documents in languages no rule
        names share one)."""
        key = (kind, language if language in self._languages or language is None
               else _NO_RULE_LANGUAGE)
        found = self._sets.get(key)
        if found is None:
            found = self._sets[key] = self._build_set(kind, key[1])
        return found

    def _build_set(self, kind: str, language: str | None
                   ) -> tuple[Any, tuple[CompiledRule, ...]]:
        rules = tuple(item for item in self._by_set[kind]
                      if language is None or item.rule.language in (None, language))
        if not rules:
            return None, rules
        rule_set = getattr(re2.Set, _RE2_SET_CLASS[kind])(_options())
        for item in rules:
            pattern = wider_pattern(item.rule.regex)
            rule_set.Add(f"^(?:{pattern})" if item.rule.scope == "prefix" else pattern)
        try:
            rule_set.Compile()
        except re2.error:
            scopes = "/".join(s for s, k in _SET_OF_SCOPE.items() if k == kind)
            raise RuleError(
                f"the {len(rules)} {scopes} rules together are too big for RE2 "
                f"({RE2_MAX_MEM >> 20} MB): simplify or split the longest patterns and "
                "phrase lists") from None
        return rule_set, rules

    def compile(self) -> RuleMatcher:
        """Build every set a document can need (an unknown language's, holding every rule,
        each language's the rules name, and the other languages'), so that a catalog too
        big for RE2 fails now, not at the first document that needs the set."""
        for kind in _RE2_SET_CLASS:
            for language in (None, _NO_RULE_LANGUAGE, *sorted(self._languages)):
                self._set(kind, language)
        return self

    def __len__(self) -> int:
        return len(self.rules)

    def hits(self, line: str, scopes: Sequence[str], language: str | None = None,
             site: str | None = None, action: str | None = None) -> list[Hit]:
        """The rules of `scopes` (and `action`) that match `line` and apply to its language
        and site, in catalog order."""
        return [hit for hit in self._matches(line, language, site)
                if hit.rule.scope in scopes and (action is None or hit.rule.action == action)]

    def _matches(self, line: str, language: str | None, site: str | None) -> tuple[Hit, ...]:
        """Every rule that matches `line`, remembered until `forget()`: the metadata and
        chrome stages ask about the same lines."""
        key = (line, language, site)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._match_all(line, language, site)
        return found

    def forget(self) -> None:
        """Drop remembered matches (the pipeline calls this before each document)."""
        self._memo.clear()

    def _match_all(self, line: str, language: str | None, site: str | None) -> tuple[Hit, ...]:
        found: list[tuple[int, Hit]] = []
        item = list_item_text(line)
        data = line.encode("utf-8")  # once, for every set (and the item's, if it differs)
        inputs = {"full": (item, data if item is line else item.encode("utf-8")),
                  "open": (line, data)}
        for kind in _RE2_SET_CLASS:
            rule_set, candidates = self._set(kind, language)
            if rule_set is None:
                continue
            text, encoded = inputs[kind]
            for index in rule_set.Match(encoded) or ():
                compiled = candidates[index]
                if not compiled.rule.applies_to(language, site):
                    continue
                hit = compiled.match(text)
                if hit is not None:
                    found.append((self._order(compiled.rule), hit))
        return tuple(hit for _, hit in sorted(found, key=lambda pair: pair[0]))

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        return {rule.id: i for i, rule in enumerate(self.rules)}

    def _order(self, rule: Rule) -> int:
        return self._positions[rule.id]
