"""What a shard does beyond cleaning, when the run asks for it.

* `templates`: remove known site template lines from each record right after `clean()`;
* `learn`: count each site's lines for learning templates (the learning pass writes no rows:
  the counts go into the shard's marker);
* `dedup`: give each record row `"duplicate_of": null` (the dedup pass fills it in) and keep
  the records' signatures in `signatures/<shard>.npz`, written before the shard's marker.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.batch.execute.cleaning import Outcome
from cleaner.batch.io.readers import ErrorRow, SourceItem
from cleaner.batch.io.shards import OutputDir, write_atomic
from cleaner.batch.steps.dedup import DedupSettings
from cleaner.batch.steps.templates import LineCounts, Templates, TemplateSettings, site_key


@dataclass(frozen=True)
class Extras:
    """The extra work of a run's shards (part of `ShardTask`). `templates` is the path of a
    templates.json and its SHA-256, which keys the workers' cache of parsed templates."""

    templates: tuple[str, str] | None = None
    learn: TemplateSettings | None = None
    dedup: DedupSettings | None = None


@functools.lru_cache(maxsize=2)
def load_templates(path: str, sha256: str) -> Templates:
    return Templates.from_json(Path(path).read_bytes(), path)


class ShardExtras:
    """The extra work for one shard: call `settle` on each outcome, `row` on each output row,
    and `finish` once before the shard's marker is written."""

    def __init__(self, extras: Extras) -> None:
        self.templates = load_templates(*extras.templates) if extras.templates else None
        self.counts = LineCounts(extras.learn.max_line_chars) if extras.learn else None
        self.book = None
        if extras.dedup:
            from cleaner.batch.steps.minhash import SignatureBook  # numpy, scipy: 0.5 s

            self.book = SignatureBook(extras.dedup)

    def settle(self, outcome: Outcome, item: SourceItem | ErrorRow) -> Outcome:
        """The outcome with templates removed; counted and signed as asked."""
        if isinstance(outcome, ErrorRow):
            return outcome
        site = site_key(outcome.url, item.origin)
        if self.templates:
            outcome = self.templates.apply(outcome, site)
        if self.counts:
            self.counts.add(site, outcome.text, outcome.language)
        if self.book:
            self.book.add(outcome, item.origin)
        return outcome

    def row(self, outcome: Outcome, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row to write: none when learning; with `duplicate_of` for records when deduplicating."""
        if self.counts:
            return None
        if self.book and not isinstance(outcome, ErrorRow):
            row["duplicate_of"] = None
        return row

    def finish(self, output: Path, shard_name: str) -> dict[str, Any]:
        """Write the signatures; returns what goes into the shard's marker (the line counts)."""
        if self.book:
            write_atomic(OutputDir(output).signature_file(shard_name), self.book.to_bytes())
        return {"sites": self.counts.to_dict()} if self.counts else {}
