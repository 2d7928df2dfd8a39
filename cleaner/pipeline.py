"""A `Pipeline`: the configured stages, built and checked once, then run in order.

Building a pipeline whose stage needs a facet no earlier stage provides, or that runs before
a stage it must follow, is a `ConfigError` at build time naming the stage
(`cleaner.stages.base.check_order`), not a failure halfway through a batch.
"""

from __future__ import annotations

import functools

from cleaner.catalog import load_catalog
from cleaner.config import Config
from cleaner.document import Document
from cleaner.stages.base import Stage, check_order, stage_class


class Pipeline:
    """The configured stages, in order."""

    def __init__(self, config: Config) -> None:
        check_order(config.stages)  # before the catalog loads: a wrong order fails at once
        self.config = config
        self.rules = load_catalog(config.rules.extra, config.rules.disable, config.rules.builtin,
                                config.rules.enable)
        self.stages: list[Stage] = [stage_class(name)(config, self.rules)
                                    for name in config.stages]

    def stage(self, name: str) -> Stage:
        """The stage `name` of this pipeline, to run it alone (tests, catalog examples)."""
        found = next((stage for stage in self.stages if stage.name == name), None)
        if found is None:
            raise KeyError(f"no stage {name!r} in this pipeline")
        return found

    def __call__(self, doc: Document) -> Document:
        self.rules.forget()  # remembered rule matches serve one document, then go
        for stage in self.stages:
            doc = stage(doc)
        return doc


# Built pipelines by config: a process cleans with one config or a few (tests and benches
# try more), and each holds its catalog, so only a few are kept.
@functools.lru_cache(maxsize=8)
def _pipeline_for(key: str) -> Pipeline:
    return Pipeline(Config.model_validate_json(key))


def pipeline_for(config: Config | None) -> Pipeline:
    """The pipeline of `config`, built once per process and reused."""
    return _pipeline_for((config or Config()).cache_key())
