"""The site templates step (`cleaner.batch.steps.templates` has the lines and their rules).

In the driver (`SiteTemplates`), before the cleaning pass: the templates are learned by a
pass of their own over every shard (`CountLines` in each: clean, count each site's lines into
the shard's marker, write no rows; `learn/done/` holds its markers, so it resumes like the
cleaning pass), or given (`--templates FILE`); either way they are written to templates.json.
In each shard of the cleaning pass (`RemoveTemplates`), each record loses its site's template
lines right after `clean()`, each removal at its block's exact position: read from the
record's edits, or, when they cannot tell (a block that in-line removals may have emptied),
from the document's pipeline run again. The manifest's `templates` section says what was
removed.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleaner.batch import BatchError
from cleaner.batch.execute.cleaning import kept_positions, ready_config
from cleaner.batch.io.output import OutputDir
from cleaner.batch.io.readers import SourceItem
from cleaner.batch.io.stores import write_atomic
from cleaner.batch.settings import TemplateSettings
from cleaner.batch.steps.step import Outcome, RunShards, ShardStep
from cleaner.batch.steps.templates import (
    RULE_PREFIX,
    LineCounts,
    Templates,
    block_positions,
    learn,
    positions_uncertain,
    site_key,
)
from cleaner.record import ArticleRecord

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
                run_shards: RunShards) -> RemoveTemplates:
        """Learn the templates (or take the given ones), write templates.json, from which the
        workers read them."""
        if self.learning:
            self.templates = learn_templates(out, shards, task, self.learning, run_shards)
        assert self.templates is not None
        data = self.templates.to_json()
        write_atomic(out.templates_file, data)
        return RemoveTemplates(str(out.templates_file.resolve()), hashlib.sha256(data).hexdigest())

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


@functools.lru_cache(maxsize=2)
def load_templates(path: str, sha256: str) -> Templates:
    """The templates of a templates.json, parsed once per worker (`sha256` keys the cache)."""
    return Templates.from_json(Path(path).read_bytes(), path)


@dataclass(frozen=True)
class RemoveTemplates:
    """The cleaning pass's part of the step in a shard: templates.json's path and SHA-256."""

    path: str
    sha256: str

    def start(self, task: ShardTask) -> ShardStep:
        return _Remover(load_templates(self.path, self.sha256), task)


class _Remover(ShardStep):
    def __init__(self, templates: Templates, task: ShardTask) -> None:
        self.templates = templates
        self.config_json = task.config_json
        self.timeout = task.timeout

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        def positions(record: ArticleRecord, count: int) -> list[int]:
            return self._positions(record, count, item)

        return self.templates.apply(record, site_key(record.url, item.origin), positions)

    def _positions(self, record: ArticleRecord, count: int, item: SourceItem) -> list[int]:
        """The segment positions of the record's paragraphs: read from its edits, unless
        they cannot tell; then from its pipeline, run again."""
        if not positions_uncertain(record):
            return block_positions(record, count)
        kept = kept_positions(item, ready_config(self.config_json), self.timeout)
        return kept if kept is not None and len(kept) == count else block_positions(record, count)


@dataclass(frozen=True)
class CountLines:
    """The learning pass's part of the step in a shard: count each site's lines, write no
    rows; the counts go into the shard's marker."""

    settings: TemplateSettings

    def start(self, task: ShardTask) -> ShardStep:
        return _Counter(LineCounts(self.settings.max_line_chars))


class _Counter(ShardStep):
    def __init__(self, counts: LineCounts) -> None:
        self.counts = counts

    def record(self, record: ArticleRecord, item: SourceItem) -> ArticleRecord:
        self.counts.add(site_key(record.url, item.origin), record.text, record.language,
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
