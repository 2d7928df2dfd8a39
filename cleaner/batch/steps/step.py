"""The protocol of a batch step: what a run adds around cleaning (templates, duplicates).

A step has two sides:

* in the driver, a `RunStep`: what a resumed run must share (`identity`), what it does before
  the cleaning pass (`prepare`: learn templates, make a side folder) and after it (`finish`:
  find duplicates), and its manifest section;
* in each shard, a `ShardStep`, made in the worker by the picklable `StepSpec` that `prepare`
  returns and the shard task carries (the spec may also change the config the shards clean
  with, `configure`: templates name their file for the templates stage): it sees each record right after `clean()` (`record`),
  each output row (`row`: change it, or write none), and ends before the shard's marker
  (`finish`: write side files, add to the marker).

Steps run in the order given: templates first, so that duplicates are found on the text
without templates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cleaner.batch.execute.cleaning import Outcome
from cleaner.batch.io.readers import ErrorRow, SourceItem
from cleaner.record import ArticleRecord

if TYPE_CHECKING:
    from cleaner.batch.execute.worker import ShardTask
    from cleaner.batch.io.output import OutputDir
    from cleaner.batch.io.shards import Shard
    from cleaner.config import Config

RunShards = Callable[[list["Shard"], "ShardTask"], int]


class ShardStep:
    """A step's part in one shard; each method does nothing unless the step overrides it."""

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        """The record as the step leaves it (`item`: its document, and where it came from)."""
        return record

    def row(self, outcome: Outcome, row: dict[str, Any]) -> dict[str, Any] | None:
        """The output row of an outcome as the step leaves it; None writes no row."""
        return row

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        """Called once before the shard's marker is written; returns what to add to it."""
        return {}


class StepSpec(Protocol):
    """What a step's shard part needs, picklable: it travels to the workers in `ShardTask`."""

    def configure(self, config: Config) -> Config:
        """The config the shards clean with, as this step needs it."""
        ...

    def start(self, task: ShardTask) -> ShardStep: ...


class RunStep(Protocol):
    """A step as the driver runs it (see the module's docstring)."""

    identity_key: str  # its key in run.json's settings
    manifest_key: str  # its section of the manifest

    def identity(self) -> dict[str, Any]: ...

    def prepare(self, out: OutputDir, shards: list[Shard], task: ShardTask,
                run_shards: RunShards) -> StepSpec: ...

    def finish(self, out: OutputDir, shards: list[Shard],
               markers: list[dict[str, Any]]) -> dict[str, Any]: ...


class ShardSteps:
    """The shard parts of a task's steps, run in order on each outcome of one shard."""

    def __init__(self, task: ShardTask) -> None:
        self.steps = [spec.start(task) for spec in task.steps]

    def record(self, outcome: Outcome, item: SourceItem | ErrorRow) -> Outcome:
        """The outcome as the steps leave it; error rows pass untouched."""
        if isinstance(outcome, ErrorRow):
            return outcome
        for step in self.steps:
            outcome = step.record(outcome, item)  # type: ignore[arg-type]
        return outcome

    def row(self, outcome: Outcome, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row to write, or None when a step writes none."""
        for step in self.steps:
            row = step.row(outcome, row)  # type: ignore[assignment]
            if row is None:
                return None
        return row

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        """What the steps add to the shard's marker."""
        marker: dict[str, Any] = {}
        for step in self.steps:
            marker |= step.finish(output, shard_name)
        return marker
