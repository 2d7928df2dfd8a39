"""The passes around a run's cleaning pass: learning site templates before it, finding
duplicates after it. Both are resumable: the learning pass has its own completion markers
(learn/done/), and each pass's result is computed from markers and side files that never
change once written, then written atomically."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from cleaner.batch import BatchError
from cleaner.batch.execute.worker import ShardTask
from cleaner.batch.io.shards import OutputDir, Shard, write_atomic
from cleaner.batch.steps.dedup import DedupSettings, dedup_pass
from cleaner.batch.steps.extras import Extras
from cleaner.batch.steps.templates import (
    RULE_PREFIX,
    LineCounts,
    Templates,
    TemplateSettings,
    learn,
)

RunShards = Callable[[list[Shard], ShardTask], int]


def read_templates(path: Path | None) -> Templates | None:
    """The templates of `--templates FILE`, read before the output folder is prepared (it may
    be the templates.json of this very folder)."""
    if path is None:
        return None
    try:
        return Templates.from_json(path.read_bytes(), str(path))
    except OSError as exc:
        raise BatchError(f"cannot read templates {path}: {exc.strerror or exc}") from None


def templates_identity(learning: TemplateSettings | None, given: Templates | None,
                       ) -> dict[str, Any] | None:
    """What about templates a resumed run must share with the one that wrote the folder."""
    if learning:
        return {"learn": asdict(learning)}
    if given:
        return {"sha256": hashlib.sha256(given.to_json()).hexdigest()}
    return None


def ready_templates(out: OutputDir, shards: list[Shard], task: ShardTask,
                    learning: TemplateSettings | None, given: Templates | None,
                    run_shards: RunShards) -> Templates | None:
    """The templates this run removes: learned by a first pass over `shards`, or given. They
    are written to templates.json, from which the workers read them."""
    templates = learn_templates(out, shards, task, learning, run_shards) if learning else given
    if templates is not None:
        write_atomic(out.templates_file, templates.to_json())
    return templates


def templates_extras(out: OutputDir, templates: Templates | None) -> tuple[str, str] | None:
    """The `Extras.templates` of the cleaning pass: templates.json's path and SHA-256."""
    if templates is None:
        return None
    return str(out.templates_file.resolve()), hashlib.sha256(templates.to_json()).hexdigest()


def learn_templates(out: OutputDir, shards: list[Shard], task: ShardTask,
                    settings: TemplateSettings, run_shards: RunShards) -> Templates:
    """Clean every shard without writing rows, counting each site's lines into the shard's
    marker; merge the counts in input order and learn the template lines."""
    learning = OutputDir(out.learn)
    learning.done.mkdir(parents=True, exist_ok=True)
    todo = [shard for shard in shards if learning.marker(shard) is None]
    run_shards(todo, replace(task, output=str(out.learn.resolve()), extras=Extras(learn=settings)))
    counts = LineCounts(settings.max_line_chars)
    for shard in shards:
        marker = learning.marker(shard)
        if marker is None:
            raise BatchError(f"shard {shard.name} finished learning without a completion marker "
                             f"in {learning.done}; is the output folder shared?")
        counts.merge(marker["sites"])
    return learn(counts, settings)


def templates_section(templates: Templates, learned: bool,
                      markers: list[dict[str, Any]]) -> dict[str, Any]:
    """The manifest's `templates` section: what was learned or given, and what it removed."""
    removed = sum(count for marker in markers for rule, count in marker["stats"]["rules"].items()
                  if rule.startswith(RULE_PREFIX))
    return {"file": "templates.json", "learned": learned, "sites": len(templates.sites),
            "lines": templates.line_count, "removed_lines": removed,
            "settings": asdict(templates.settings)}


def duplicates_section(out: OutputDir, shards: list[Shard],
                       settings: DedupSettings) -> dict[str, Any]:
    """Mark or drop the duplicates; the manifest's `duplicates` section."""
    return dedup_pass(out.records, out.signatures, [shard.name for shard in shards], settings)
