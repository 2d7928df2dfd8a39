"""The site templates step (`cleaner.batch.steps.templates` has the lines and their rules).

In the driver (`SiteTemplates`), before the cleaning pass: the templates are learned by a
pass of their own over every shard (`CountLines` in each: clean, count each site's lines into
the shard's marker, write no rows; `learn/done/` holds its markers, so it resumes like the
cleaning pass), or given (`--templates FILE`); either way they are written to templates.json.
The cleaning pass removes them with the templates stage (`cleaner.stages.templates`), as
`clean()` does: `ApplyTemplates` names templates.json (and its SHA-256) in the `[templates]`
section of the workers' config, so each removal is an edit of the pipeline, at its block's
exact position. The manifest's `templates` section says what was removed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.batch import BatchError
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.readers import SourceItem
from cleaner.batch.io.stores import write_atomic
from cleaner.batch.settings import TemplateSettings
from cleaner.batch.steps.step import Outcome, RunShards, ShardStep
from cleaner.batch.steps.templates import LineCounts, learn, site_of_item
from cleaner.config import Config
from cleaner.record import ArticleRecord
from cleaner.stages.templates import RULE_PREFIX, Templates

if TYPE_CHECKING:
    from cleaner.batch.execute.worker import ShardTask
    from cleaner.batch.io.shards import Shard


def read_templates(path: Path | None) -> Templates | None:
    """The templates of `--templates FILE`, read before the output folder is prepared (it may
    be the templates.json of this very folder)."""
    if path is None:
        return None
    try:
        return Templates.from_json(path.read_bytes(), str(path))
    except OSError as exc:
        raise BatchError(f"cannot read templates {path}: {exc.strerror or exc}") from None
    except ValueError as exc:
        raise BatchError(str(exc)) from None


class SiteTemplates:
    """The templates step, in the driver: learned with `learning`, or `given`."""

    identity_key = "templates"
    manifest_key = "templates"

    def __init__(self, learning: TemplateSettings | None, given: Templates | None) -> None:
        self.learning = learning
        self.given = given
        self.templates = given

    def identity(self) -> dict[str, Any]:
        """What about templates a resumed run must share with the one that wrote the folder."""
        if self.learning:
            return {"learn": self.learning.model_dump()}
        assert self.given is not None
        return {"sha256": hashlib.sha256(self.given.to_json()).hexdigest()}

    def prepare(self, out: OutputDir, shards: list[Shard], task: ShardTask,
                run_shards: RunShards) -> ApplyTemplates:
        """Learn the templates (or take the given ones), write templates.json, from which the
        workers read them."""
        if self.learning:
            self.templates = learn_templates(out, shards, task, self.learning, run_shards)
        assert self.templates is not None
        data = self.templates.to_json()
        write_atomic(out.templates_file, data)
        return ApplyTemplates(str(out.templates_file.resolve()), hashlib.sha256(data).hexdigest())

    def finish(self, out: OutputDir, shards: list[Shard],
               markers: list[dict[str, Any]]) -> dict[str, Any]:
        """The manifest's `templates` section: what was learned or given, and what it removed."""
        assert self.templates is not None
        removed = sum(count for marker in markers
                      for rule, count in marker["stats"]["rules"].items()
                      if rule.startswith(RULE_PREFIX))
        return {"file": "templates.json", "learned": bool(self.learning),
                "sites": len(self.templates.sites), "lines": self.templates.line_count,
                "removed_lines": removed, "settings": self.templates.settings.model_dump()}


def learn_templates(out: OutputDir, shards: list[Shard], task: ShardTask,
                    settings: TemplateSettings, run_shards: RunShards) -> Templates:
    """Clean every shard without writing rows, counting each site's lines into the shard's
    marker; merge the counts in input order and learn the template lines."""
    learning = OutputDir(out.learn)
    learning.done.mkdir(parents=True, exist_ok=True)
    todo = [shard for shard in shards if learning.marker(shard) is None]
    run_shards(todo, replace(task, output=str(out.learn.resolve()),
                             steps=(CountLines(settings),)))
    counts = LineCounts(settings.max_line_chars)
    for shard in shards:
        marker = learning.marker(shard)
        if marker is None:
            raise BatchError(f"shard {shard.name} finished learning without a completion marker "
                             f"in {learning.done}; is the output folder shared?")
        counts.merge(marker["sites"])
    return learn(counts, settings)


@dataclass(frozen=True)
class ApplyTemplates:
    """The cleaning pass's part of the step: templates.json's path and SHA-256, which the
    workers' config names for the templates stage; no work of its own in a shard."""

    path: str
    sha256: str

    def configure(self, config: Config) -> Config:
        section = config.templates.model_copy(update={"file": Path(self.path),  # type: ignore[attr-defined]
                                                      "sha256": self.sha256})
        return config.model_copy(update={"templates": section})

    def start(self, task: ShardTask) -> ShardStep:
        return ShardStep()


@dataclass(frozen=True)
class CountLines:
    """The learning pass's part of the step in a shard: count each site's lines, write no
    rows; the counts go into the shard's marker."""

    settings: TemplateSettings

    def configure(self, config: Config) -> Config:
        return config

    def start(self, task: ShardTask) -> ShardStep:
        return _Counter(LineCounts(self.settings.max_line_chars))


class _Counter(ShardStep):
    def __init__(self, counts: LineCounts) -> None:
        self.counts = counts

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        self.counts.add(site_of_item(record.url, item.origin), record.text, record.language,
                        removed_at_head(record))
        return record

    def row(self, outcome: Outcome, row: dict[str, Any]) -> None:
        return None

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        return {"sites": self.counts.to_dict()}


def removed_at_head(record: ArticleRecord) -> list[str]:
    """The lines the `head` stage removed: they stood above the story, at its edge."""
    return [edit.before for edit in record.edits
            if edit.stage == "head" and edit.action == "remove" and edit.before]
