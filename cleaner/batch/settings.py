"""The settings of the batch steps: finding duplicates and removing site templates.

Pydantic models, frozen and closed to unknown keys like every part of `Config`, so that they
validate the same way from a config file, from `cleaner run`'s options and from
templates.json. This module imports nothing of the batch, so both the driver and the steps'
modules can use it without importing each other.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


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
