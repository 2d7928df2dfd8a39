"""What a stage is: `Stage`, the registry of stages by name, and the `Facet`s of a
`Document` that stages require and provide.

A stage is one module of `cleaner.stages`: a `Stage` subclass decorated with `@register`,
with its `name`, the facets it `requires` (provided by an earlier stage, or the pipeline is
refused when it is built), the facets it `provides`, the facets it must come `after` when
they are in the pipeline at all, and its `settings_model`: the `[name]` section of
`cleaner.toml`, which `cleaner.config.Config` assembles from this registry.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from cleaner.errors import ConfigError

if TYPE_CHECKING:
    from cleaner.catalog import Catalog
    from cleaner.config import Config
    from cleaner.document import Document
    from cleaner.settings import Settings


class Facet(str, enum.Enum):
    """What a stage has established about a `Document`, for later stages to rely on."""

    TEXT = "text"  # `text` holds the decoded input and `content_type` is html or text
    EXTRACTED = "extracted"  # `text` is the article's text, not markup; HTML's fields in `meta`
    BLOCKS = "blocks"  # `blocks` holds the paragraphs, one per non-empty line
    REPAIRED = "repaired"  # block text is repaired: no mojibake, entities or odd spaces
    LANGUAGE = "language"  # `meta.language` is known (or None when it cannot be told)
    PROVENANCE = "provenance"  # `provenance` tells a whole page from an extractor's output
    METADATA = "metadata"  # datelines, bylines and titles moved from the body to `meta`
    DECHROMED = "dechromed"  # site chrome removed from the body
    HEAD = "head"  # the head of the story (title, subtitle, stray headline) decided
    PUNCTUATED = "punctuated"  # quotes, spaces and periods fixed for the language
    DETEMPLATED = "detemplated"  # the site's template lines (a templates file's) removed

    def __str__(self) -> str:
        return self.value


class Stage:
    """A step `(Document) -> Document`, built once per pipeline from the config."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[Facet]] = frozenset()
    provides: ClassVar[frozenset[Facet]] = frozenset()
    # Facets whose stages, when the pipeline has them, must run before this one (this
    # stage would change what they judge), though it works without them.
    after: ClassVar[frozenset[Facet]] = frozenset()
    # The model of this stage's `[name]` section, or None when it has no settings.
    settings_model: ClassVar[type[Settings] | None] = None

    def __init__(self, config: Config, rules: Catalog) -> None:
        self.config = config
        self.rules = rules
        if self.settings_model is not None:
            self.settings = _section(config, self)

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError


STAGES: dict[str, type[Stage]] = {}


def _section(config: Config, stage: Stage) -> Settings:
    """The `[name]` section of `config` that `stage` owns."""
    section = getattr(config, stage.name, None)
    if not isinstance(section, stage.settings_model):  # type: ignore[arg-type]
        raise ConfigError(f"stages: the settings of {stage.name!r} are no section of Config: "
                          "register the stage before cleaner.config is first imported")
    return section


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available to configs under its `name`."""
    known = STAGES.get(cls.name)
    if known is not None and known.__qualname__ != cls.__qualname__:
        raise ConfigError(f"stages: two stages are named {cls.name!r}: "
                          f"{known.__module__}.{known.__qualname__} and "
                          f"{cls.__module__}.{cls.__qualname__}")
    STAGES[cls.name] = cls
    return cls


def stage_class(name: str) -> type[Stage]:
    """The registered stage `name`; a ConfigError listing the known ones otherwise."""
    try:
        return STAGES[name]
    except KeyError:
        known = ", ".join(sorted(STAGES))
        raise ConfigError(f"stages: unknown stage {name!r} (known: {known})") from None


def check_order(names: Sequence[str]) -> None:
    """Refuse a pipeline in which a stage requires a facet no earlier stage provides, or
    runs before a stage it must come after; the error names the stage and the fix."""
    classes = [stage_class(name) for name in names]
    available: set[Facet] = set()
    for index, cls in enumerate(classes):
        later = {facet: other.name for other in reversed(classes[index + 1:])
                 for facet in other.provides}  # the first stage that provides it
        for facet in sorted(cls.requires - available):
            if facet in later:
                raise ConfigError(f"stages: {cls.name!r} needs {facet}, which {later[facet]!r} "
                                  f"provides: put {cls.name!r} after {later[facet]!r}")
            raise ConfigError(f"stages: {cls.name!r} needs {facet}, which no earlier stage "
                              "provides")
        for facet in sorted(cls.after & set(later)):
            raise ConfigError(f"stages: {cls.name!r} must run after {later[facet]!r}, which "
                              f"provides {facet}: put {cls.name!r} after {later[facet]!r}")
        available |= cls.provides
