"""Stages registered by name, and a `Pipeline` that checks their order when it is built.

A stage declares what it `requires` and what it `provides`; building a pipeline whose stage
needs something no earlier stage provides is a `ConfigError` at build time, not a failure
halfway through a batch.
"""

from __future__ import annotations

import functools
from typing import ClassVar

from cleaner.catalog import RuleSet, load_rules
from cleaner.config import Config
from cleaner.document import Document
from cleaner.errors import ConfigError


class Stage:
    """A step `(Document) -> Document`, built once per pipeline from the config."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, config: Config, rules: RuleSet) -> None:
        self.config = config
        self.rules = rules

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError


STAGES: dict[str, type[Stage]] = {}


def register(cls: type[Stage]) -> type[Stage]:
    """Class decorator: make a stage available to configs under its `name`."""
    STAGES[cls.name] = cls
    return cls


class Pipeline:
    """The configured stages, in order."""

    def __init__(self, config: Config) -> None:
        _import_builtin_stages()
        self.config = config
        self.rules = load_rules(config.rules.extra, config.rules.disable, config.rules.builtin,
                          config.rules.enable)
        self.stages = [self._build(name) for name in config.stages]
        self._check_order()

    def _build(self, name: str) -> Stage:
        try:
            return STAGES[name](self.config, self.rules)
        except KeyError:
            known = ", ".join(sorted(STAGES))
            raise ConfigError(f"stages: unknown stage {name!r} (known: {known})") from None

    def _check_order(self) -> None:
        available: set[str] = set()
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise ConfigError(
                    f"stages: {stage.name!r} needs {', '.join(sorted(missing))}, "
                    "which no earlier stage provides")
            available |= stage.provides

    def __call__(self, doc: Document) -> Document:
        self.rules.forget()  # remembered rule matches serve one document, then go
        for stage in self.stages:
            doc = stage(doc)
        return doc


@functools.lru_cache(maxsize=8)
def _pipeline_for(key: str) -> Pipeline:
    return Pipeline(Config.model_validate_json(key))


def pipeline_for(config: Config | None) -> Pipeline:
    """The pipeline of `config`, built once per process and reused."""
    return _pipeline_for((config or Config()).cache_key())


def _import_builtin_stages() -> None:
    from cleaner import stages  # noqa: F401  (registers the built-in stages)


