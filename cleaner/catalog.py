"""The catalog of decisions: rules as data, with the heuristic and fix entries beside them.

A rule file is a YAML list of rules. Each rule has a stable `id`, says what it matches
(`pattern`, in RE2 syntax, or a list of literal `phrases`), where (`scope`), and carries
examples it must remove and must keep, which `cleaner rules test` and the test suite run.

`region` narrows where a rule may fire: ``top`` (the first blocks, before the story
starts), ``end`` (the last blocks), ``edges`` (either: anywhere but inside the story), or
``any``. `language` (ISO 639-1) and `site` (a domain) narrow it to documents of that
language or site.

Scopes, all matched against one stripped line (block); whole-line scopes see a list item
without its bullet:

- ``line``:   the whole line is chrome ("Share this article").
- ``prefix``: a line that starts with the pattern is chrome ("ALSO READ: ...").
- ``tail``:   an end-of-article marker: this line and everything after it ("Related Articles").
- ``inline``: only the matched span is removed from the line ("... said. (Reuters)").

Rules are matched by `cleaner.matching` (RE2 sets: linear time, three passes per line).
Heuristics and fixes (`cleaner.entries`) are entries of the same catalog: ids unique across
all kinds, switched off by `[rules] disable`, asked about with `Catalog.enabled(id)`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

import cleaner.entries as entries_module
import cleaner.matching as matching_module
from cleaner.disk_cache import cached_object, file_digests, key_of
from cleaner.entries import (
    ENTRY_FILES,
    RULE_ID,
    Entry,
    builtin_entry_files,
    load_builtin_entries,
    read_entry_list,
)
from cleaner.errors import RuleError, first_problem
from cleaner.matching import (  # noqa: F401  (the catalog's public names, as before the split)
    RE2_MAX_MEM,
    CompiledRule,
    Hit,
    RuleMatcher,
    check_pattern,
    compile_pattern,
    list_item_text,
    phrases_to_regex,
)

Scope = Literal["line", "prefix", "tail", "inline"]
METADATA_FIELDS = ("title", "description", "authors", "date", "publisher", "agencies")

class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    remove: list[str] = Field(min_length=1)
    keep: list[str] = Field(min_length=1)


class Rule(BaseModel):
    """One rule of the catalog, validated when loaded."""

    kind: ClassVar[str] = "rule"
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=RULE_ID)
    description: str = Field(min_length=3)
    rationale: str = Field(min_length=3)
    scope: Scope
    pattern: str | None = None
    phrases: list[str] | None = None
    action: Literal["remove", "to_metadata"] = "remove"
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    site: str | None = None
    region: Literal["any", "top", "end", "edges"] = "any"
    aliases: list[str] = []
    examples: Examples

    @field_validator("phrases")
    @classmethod
    def _phrases_not_empty(cls, phrases: list[str] | None) -> list[str] | None:
        if phrases is not None and not all(p.strip() for p in phrases):
            raise ValueError("phrases must not be empty strings")
        return phrases

    @model_validator(mode="after")
    def _one_matcher(self) -> Rule:
        if (self.pattern is None) == (self.phrases is None):
            raise ValueError("give exactly one of 'pattern' or 'phrases'")
        if self.action == "to_metadata" and self.phrases is not None:
            raise ValueError("to_metadata rules need a 'pattern' with named groups")
        return self

    @property
    def regex(self) -> str:
        """The RE2 source this rule matches with (phrases become a case-insensitive alternation)."""
        if self.pattern is not None:
            return self.pattern
        return phrases_to_regex(self.phrases or [])

    def applies_to(self, language: str | None, site: str | None) -> bool:
        if self.language is not None and language is not None and self.language != language:
            return False
        if self.site is not None:
            return site is not None and (site == self.site or site.endswith("." + self.site))
        return True


class Catalog:
    """The catalog of one config: its active rules, matched in RE2 sets (`hits`), and the
    heuristic and fix entries, which the stages ask about with `enabled(id)`."""

    def __init__(self, rules: Iterable[Rule], entries: Iterable[Entry] = (),
                 disabled: Iterable[str] = (), enabled: Iterable[str] = ()) -> None:
        everything = (*rules, *entries)
        self._by_name = {name: item for item in everything for name in (item.id, *item.aliases)}
        on = {self._by_name[n].id if n in self._by_name else n for n in enabled}
        off_by_default = {item.id for item in everything
                          if getattr(item, "default", "on") == "off" and item.id not in on}
        self._off = frozenset(self._by_name[n].id if n in self._by_name else n
                              for n in disabled) | off_by_default
        self.rules: tuple[Rule, ...] = tuple(
            item for item in everything if isinstance(item, Rule) and item.id not in self._off)
        self.entries: tuple[Entry, ...] = tuple(
            item for item in everything if not isinstance(item, Rule))
        self._matcher = RuleMatcher(self.rules)

    def enabled(self, entry_id: str) -> bool:
        """False when the entry that `entry_id` names (its id or an alias) is disabled by
        `[rules] disable`, or is off by default and not in `[rules] enable`. An id the catalog does not know is a `RuleError`: a stage that
        asks about a misspelt id must fail, not run unchecked."""
        item = self._by_name.get(entry_id)
        if item is None:
            raise RuleError(f"no catalog entry has the id {entry_id!r}")
        return item.id not in self._off

    def get(self, entry_id: str) -> Rule | Entry | None:
        """The rule, heuristic or fix with this id or alias (disabled ones too)."""
        return self._by_name.get(entry_id)

    @property
    def everything(self) -> tuple[Rule | Entry, ...]:
        """Every entry of the catalog, on or off: rules in file order, heuristics, fixes."""
        return tuple({item.id: item for item in self._by_name.values()}.values())

    def compile(self) -> Catalog:
        """Build every matching set now, so that a catalog too big for RE2 fails here, not at
        the first document that needs the set (`load_catalog` leaves them to first use: see
        `RuleMatcher`)."""
        self._matcher.compile()
        return self

    def __len__(self) -> int:
        return len(self.rules)

    def hits(self, line: str, scopes: Sequence[str], language: str | None = None,
             site: str | None = None, action: str | None = None) -> list[Hit]:
        """The active rules of `scopes` (and `action`) that match `line` and apply to its
        language and site, in catalog order."""
        return self._matcher.hits(line, scopes, language, site, action)

    def forget(self) -> None:
        """Drop remembered matches (the pipeline calls this before each document)."""
        self._matcher.forget()


def load_rule_file(path: Path) -> list[Rule]:
    """Load and validate one YAML rule file; errors name the file, the rule and the field."""
    return [_validate(entry, path, index)
            for index, entry in enumerate(read_entry_list(path, "rule"))]


def _validate(entry: object, path: Path, index: int) -> Rule:
    rule_id = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
    try:
        rule = Rule.model_validate(entry)
    except ValidationError as exc:
        raise RuleError(f"{path}: rule {rule_id}: {first_problem(exc, 'rule')}") from None
    if rule.action != "to_metadata":
        check_pattern(rule.regex, f"{rule.id} in {path}")
    else:
        groups = set(compile_pattern(rule.regex, f"{rule.id} in {path}").groupindex)
        if not groups or not groups <= set(METADATA_FIELDS):
            raise RuleError(f"{path}: rule {rule.id}: a to_metadata pattern needs named groups "
                            f"among {', '.join(METADATA_FIELDS)}, not {sorted(groups) or 'none'}")
    return rule


def builtin_rule_files() -> list[Path]:
    """The YAML rule files of the built-in catalog (the repository's top-level `rules/`,
    without its heuristic and fix files)."""
    folder = resources.files("cleaner.rules")
    return sorted(Path(str(item)) for item in folder.iterdir()
                  if item.name.endswith(".yaml") and item.name not in ENTRY_FILES)


def load_catalog(extra: Sequence[Path] = (), disabled: Iterable[str] = (),
                 builtin: bool = True, enabled: Iterable[str] = ()) -> Catalog:
    """The built-in catalog (rules unless `builtin` is false; heuristics and fixes always:
    they describe code that runs) plus the rules of `extra` files, with `disabled` ids
    (of any kind) switched off and `enabled` heuristics that are off by default switched
    on; ids and aliases must be unique across all kinds."""
    files = (builtin_rule_files() if builtin else []) + list(extra)
    return _load_cached(tuple(str(f) for f in files), tuple(sorted(disabled)),
                        tuple(sorted(enabled)))


@functools.lru_cache(maxsize=16)
def _load_cached(files: tuple[str, ...], disabled: tuple[str, ...],
                 enabled: tuple[str, ...] = ()) -> Catalog:
    seen: dict[str, str] = {}
    items: list[Rule | Entry] = []
    for name, entries in _sources(files):
        for item in entries:
            for key in (item.id, *item.aliases):
                if key in seen:
                    raise RuleError(f"{name}: {item.kind} id {key} is already used in {seen[key]}")
                seen[key] = name
            items.append(item)
    for verb, ids in (("disabled", disabled), ("enabled", enabled)):
        unknown = set(ids) - set(seen)
        if unknown:
            raise RuleError(f"{verb} ids not in the catalog: {', '.join(sorted(unknown))} "
                            "(see `cleaner rules list`)")
    rules = [item for item in items if isinstance(item, Rule)]
    entries = [item for item in items if not isinstance(item, Rule)]
    return Catalog(rules, entries, disabled, enabled)


def _sources(files: tuple[str, ...]) -> list[tuple[str, list[Rule | Entry]]]:
    """Each rule file's validated rules, then the built-in heuristics and fixes; read from
    the disk cache (`cleaner.disk_cache`) when these files, by content, and this code were
    validated before, since validating them costs a start-up a quarter of a second."""
    try:
        contents = file_digests((*files, *map(str, builtin_entry_files())))
        code = file_digests((__file__, entries_module.__file__, matching_module.__file__))
    except OSError:  # a file that cannot be read: let validation say so
        return _validated_sources(files)
    import pydantic

    key = key_of(files, contents, code, pydantic.VERSION)
    return cached_object("catalog", key, lambda: _validated_sources(files))


def _validated_sources(files: tuple[str, ...]) -> list[tuple[str, list[Rule | Entry]]]:
    sources: list[tuple[str, list[Rule | Entry]]] = [
        (name, load_rule_file(Path(name))) for name in files]
    sources.append(("the built-in heuristics and fixes", load_builtin_entries()))
    return sources


# The names of `Catalog` and `load_catalog` before the catalog had one name (issue 12), kept
# while stages still use them.
RuleSet = Catalog
load_rules = load_catalog
