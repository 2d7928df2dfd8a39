"""Heuristics and fixes as catalog entries, beside the rules: loading and validation.

Every decision `clean()` logs has a catalog id. Rules (`cleaner.catalog`) are matched by
RE2; heuristics (judged by code in a stage: the story-span classifier, teasers, the title
moves of `head`...) and fixes (the `str -> str` functions of `cleaner.text.repair` and
`cleaner.text.punctuation`) are described by entries in `rules/heuristics.yaml` and
`rules/fixes.yaml`: an id, a description, a rationale, the config settings the decision
reads, and examples it must change and must keep. `[rules] disable` switches any of them
off, and the stages ask `Catalog.enabled(id)`.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from cleaner.errors import RuleError, first_problem
from cleaner.text.edits import Fix

if TYPE_CHECKING:  # the config is assembled from the stages, which read this catalog
    from cleaner.config import Config

# Ids: lowercase words joined by "." or "-"; an optional ":<detail>" (as in "template:<site>").
RULE_ID = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*(?::[a-z0-9.-]+)?$"
# A fix is named by its stage and its function's name in that stage's FIXES table.
FIX_ID = r"^(?:repair|punctuation)\.[a-z0-9_]+$"
HEURISTICS_FILE = "heuristics.yaml"
FIXES_FILE = "fixes.yaml"
ENTRY_FILES = (HEURISTICS_FILE, FIXES_FILE)


def read_entry_list(path: Path, noun: str) -> list[Any]:
    """The YAML list of entries in `path` (or under a `<noun>s:` key); errors name the file.
    PyYAML is imported here: a start-up that finds the catalog in the disk cache never is."""
    import yaml

    # libyaml's safe loader when PyYAML has it (ten times faster), else the pure-Python one.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except OSError as exc:
        raise RuleError(f"{path}: cannot read {noun} file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8 (byte {exc.start:,})") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" line {where.line + 1}" if where else ""
        raise RuleError(f"{path}:{line} is not valid YAML: {getattr(exc, 'problem', exc)}") from None
    if raw is None:
        return []
    entries = raw.get(f"{noun}s") if isinstance(raw, dict) else raw
    if not isinstance(entries, list):
        raise RuleError(f"{path}: expected a list of {noun}s (or a mapping with '{noun}s:')")
    return entries


def setting_value(config: Config, name: str) -> Any:
    """The value of a setting named "section.key" ("chrome.teaser_max_story_overlap") in
    `config`; KeyError when `Config` has no such setting."""
    section, _, key = name.partition(".")
    group = getattr(config, section, None) if section in type(config).model_fields else None
    if not isinstance(group, BaseModel) or key not in type(group).model_fields:
        raise KeyError(name)
    return getattr(group, key)


class _Entry(BaseModel):
    """What every entry has besides its rule or code: a description, why, and old names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field(min_length=3)
    rationale: str = Field(min_length=3)
    aliases: list[str] = []


class DocumentExamples(BaseModel):
    """Whole documents (multi-line text) a heuristic must change and must keep."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    change: list[str] = Field(min_length=1)
    keep: list[str] = Field(min_length=1)


class HeuristicEntry(_Entry):
    """A decision made by code in a stage, judged by what it does to whole documents.

    `run` says how the examples are run: ``clean`` (each through `clean(doc, url=url,
    content_type="text")`), ``stage`` (each line, as is, a block given straight to `stage`:
    for a guard that no input of the earlier stages reaches today) or ``site`` (the
    documents are pages of one site, cleaned, then templates learned from them all and
    applied to each, as `cleaner run --learn-templates` does).
    """

    kind: ClassVar[str] = "heuristic"

    id: str = Field(pattern=RULE_ID)
    stage: Literal["metadata", "chrome", "head", "repair", "punctuation", "templates"]
    settings: list[str] = []
    run: Literal["clean", "stage", "site"] = "clean"
    url: str | None = None
    # "off": measured to remove more real content than chrome on pages it was not tuned
    # on (`python -m bench.ablation`); it runs only when `[rules] enable` names it.
    default: Literal["on", "off"] = "on"
    examples: DocumentExamples

    @field_validator("settings")
    @classmethod
    def _settings_exist(cls, settings: list[str]) -> list[str]:
        from cleaner.config import Config

        defaults = Config()
        for name in settings:
            try:
                setting_value(defaults, name)
            except KeyError:
                raise ValueError(f"{name!r} is not a setting of the config") from None
        return settings


class FixCase(BaseModel):
    """A text for a fix, and the language the fix is told (some fixes depend on it). With
    `escaped`, the texts are ASCII with Python escapes ("\\ud800"), for what YAML cannot
    hold: lone surrogates."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    language: str | None = Field(default=None, pattern=r"^[a-z]{2}$")
    escaped: bool = False

    def _unescaped(self, text: str) -> str:
        return text.encode("ascii").decode("unicode_escape") if self.escaped else text

    @property
    def given(self) -> str:
        """The text the fix is given."""
        return self._unescaped(self.text)


class FixChange(FixCase):
    fixed: str

    @property
    def expected(self) -> str:
        """What the fix must return."""
        return self._unescaped(self.fixed)


class FixExamples(BaseModel):
    """Texts a fix changes (with what it must give) and texts it must leave as they are; a
    keep example may be a plain string."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    change: list[FixChange] = Field(min_length=1)
    keep: list[FixCase] = Field(min_length=1)

    @field_validator("keep", mode="before")
    @classmethod
    def _plain_strings(cls, keep: Any) -> Any:
        if isinstance(keep, list):
            return [{"text": item} if isinstance(item, str) else item for item in keep]
        return keep


class FixEntry(_Entry):
    """One `str -> str` fix of the repair or punctuation stage: `repair.<name>` is the
    function `cleaner.text.repair.FIXES[name]`."""

    kind: ClassVar[str] = "fix"

    id: str = Field(pattern=FIX_ID)
    examples: FixExamples

    @property
    def stage(self) -> str:
        return self.id.partition(".")[0]

    @property
    def name(self) -> str:
        return self.id.partition(".")[2]

    @property
    def settings(self) -> list[str]:
        """The stage's own list of fixes to skip, which switches this fix off too."""
        return [f"{self.stage}.disable"]

    @cached_property
    def function(self) -> Fix | None:
        """The fix itself, or None when its stage's FIXES table has no such name."""
        return fix_tables()[self.stage].get(self.name)


Entry = HeuristicEntry | FixEntry


def fix_tables() -> dict[str, dict[str, Fix]]:
    """The FIXES tables of the two fix stages, by stage name."""
    from cleaner.text import punctuation, repair

    return {"repair": repair.FIXES, "punctuation": punctuation.FIXES}


def load_entry_file(path: Path, model: type[HeuristicEntry | FixEntry]) -> list[Entry]:
    """Load and validate one file of heuristic or fix entries; errors name the file, the
    entry and the field."""
    entries = []
    for index, raw in enumerate(read_entry_list(path, model.kind)):
        entry_id = raw.get("id", f"#{index + 1}") if isinstance(raw, dict) else f"#{index + 1}"
        try:
            entries.append(model.model_validate(raw))
        except ValidationError as exc:
            raise RuleError(f"{path}: {model.kind} {entry_id}: "
                            f"{first_problem(exc, model.kind)}") from None
    return entries


def builtin_entry_files() -> list[Path]:
    """The heuristic and fix files of the built-in catalog (`rules/heuristics.yaml`, ...)."""
    from importlib import resources

    folder = resources.files("cleaner.rules")
    return [Path(str(folder / name)) for name in ENTRY_FILES]


def load_builtin_entries() -> list[Entry]:
    """Every built-in heuristic and fix entry, heuristics first."""
    heuristics, fixes = builtin_entry_files()
    return [*load_entry_file(heuristics, HeuristicEntry), *load_entry_file(fixes, FixEntry)]
