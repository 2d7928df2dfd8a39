"""The `[batch]` section of `Config`: how `cleaner run` runs, and its steps' settings.

```toml
[batch]
workers = 8              # default: every CPU; 0 cleans in the main process
shard_size = 1000
timeout = 30.0
output_format = "jsonl"  # or "parquet", with compression = "snappy" | "zstd" | "gzip" | "none"

[batch.fields]           # JSONL and Parquet field names
text = "body"

[batch.dedup]            # the table switches duplicates on
drop = true
threshold = 0.3

[batch.templates]        # learn = true (with the thresholds), or file = "templates.json"
learn = true
min_pages = 5
```

`cleaner run --config F` runs as the file says; each option given on the command line
overrides the file's value. Pydantic models, frozen and closed to unknown keys like every part
of `Config`, so they validate the same way from a config file, from `cleaner run`'s options
and from templates.json. This module imports nothing of the batch, so both the driver and the
steps can use it without importing each other. The section decides how a run is made, never
what `clean()` does: it is left out of the config hash (a run's `run.json` has these settings).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class BatchModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DedupSettings(BatchModel):
    """How documents are compared, and whether duplicates are left out.

    Defaults (bench/dedup.py): shingles of 3 words, 256 permutations, seed 1, threshold 0.3.
    The same story from two outlets, partly rewritten (fixtures/seeds 000 and 001), has a
    Jaccard similarity of 0.40; two stories about one event (002 and 003) 0.01, and no two of
    the 181 distinct pages of the Zyte benchmark more than 0.17.
    """

    threshold: float = Field(0.3, gt=0.0, le=1.0)
    shingle_words: int = Field(3, ge=1)
    num_perm: int = Field(256, ge=2)
    seed: int = 1
    drop: bool = False


class TemplateSettings(BatchModel):
    """When a line is a site's template line (learning), and when it goes anywhere (applying)."""

    min_pages: int = Field(5, ge=1)
    min_share: float = Field(0.3, ge=0.0, le=1.0)
    # Chrome stands at an edge of the story on (nearly) every page it is on; a quote that
    # recurs inside stories does so only when a story happens to end or start with it.
    min_edge_share: float = Field(0.8, ge=0.0, le=1.0)
    anywhere_share: float = Field(0.9, ge=0.0, le=1.0)
    # Longer lines are not counted: chrome lines are short, and the counts stay small.
    max_line_chars: int = Field(300, ge=1)


class TemplatesSection(TemplateSettings):
    """`[batch.templates]`: learn the templates (`learn = true`, with the thresholds of
    `TemplateSettings`), or remove those of a templates.json (`file`, relative to the
    working directory, as `--templates` is)."""

    learn: bool = False
    file: Path | None = None

    @model_validator(mode="after")
    def _learn_or_file(self) -> TemplatesSection:
        if self.learn == (self.file is not None):
            raise ValueError("give either learn = true or file = \"templates.json\"")
        thresholds = self.model_fields_set - {"learn", "file"}
        if self.file is not None and thresholds:
            raise ValueError(f"{min(thresholds)} applies only with learn = true")
        return self

    def thresholds(self) -> TemplateSettings:
        return TemplateSettings(**self.model_dump(exclude={"learn", "file"}))


class FieldNames(BatchModel):
    """Field names of a JSONL document or Parquet row; `html` wins when a document has both
    it and `text`."""

    id: str = "id"
    text: str = "text"
    html: str = "html"
    url: str = "url"


class BatchSettings(BatchModel):
    """How `cleaner run` runs (see the module's docstring); `cleaner run --help` describes each."""

    workers: int | None = Field(None, ge=0)  # None: every CPU
    executor: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    timeout: float = Field(30.0, gt=0.0)
    shard_size: int = Field(1000, ge=1)
    output_format: Literal["jsonl", "parquet"] = "jsonl"
    # None: none for JSONL, snappy for Parquet
    compression: Literal["none", "gzip", "snappy", "zstd"] | None = None
    fields: FieldNames = FieldNames()
    dedup: DedupSettings | None = None
    templates: TemplatesSection | None = None

    def output_compression(self) -> str | None:
        """The compression the output gets: as given ("none" is None), else none for JSONL
        and snappy (pyarrow's default) for Parquet."""
        if self.compression is None:
            return "snappy" if self.output_format == "parquet" else None
        return None if self.compression == "none" else self.compression
