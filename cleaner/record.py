"""The public output: `ArticleRecord` (one JSONL line) and the `Edit` log entries."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Action = Literal["remove", "replace", "to_metadata"]
# What a user should know about a record's quality (see `cleaner.flags`).
Flag = Literal["empty", "little_extracted", "mostly_removed"]


class Edit(BaseModel):
    """One change to the text, and the rule that made it.

    `position` is the index of the block (paragraph) in the segmented input; `offset` is the
    character offset inside that block for in-line changes, `None` for whole-block ones.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    stage: str
    rule: str
    action: Action
    before: str
    after: str = ""
    position: int
    offset: int | None = None
    reason: str | None = None


class ArticleRecord(BaseModel):
    """A normalized article: metadata, the clean body, and every edit that produced it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    url: str | None = None
    title: str | None = None
    description: str | None = None
    authors: list[str] = []
    date: str | None = None
    publisher: str | None = None
    agencies: list[str] = []
    language: str | None = None
    text: str
    word_count: int
    content_hash: str
    flags: list[Flag] = []
    edits: list[Edit] = []
