"""Where the story is in a list of blocks: its first and last prose paragraph.

Chrome clusters before the story and after it; rules and heuristics ask which
region a block is in (``top``: up to the first prose paragraph, ``end``: from the last one,
``edges``: either of them, outside the story).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pydantic import Field

from cleaner.document import Block
from cleaner.settings import Settings
from cleaner.text.shape import is_prose
from cleaner.text.words import content_stems, overlap


class StorySettings(Settings):
    """What stands for "the story" when the head stage judges a headline (`story_stems`)."""

    # The first prose paragraphs: a news story says what it is about at its start (the
    # lede), and later paragraphs bring in other names; set with the first cleaning core.
    story_paragraphs: int = Field(3, ge=1)


_DEFAULTS = StorySettings()


@dataclass(frozen=True, slots=True)
class Regions:
    prose: tuple[bool, ...]
    first_prose: int
    last_prose: int
    prose_chars_before: tuple[int, ...]
    prose_chars: int

    @classmethod
    def of(cls, blocks: Sequence[Block], language: str | None) -> Regions:
        prose = tuple(is_prose(b.text, language) for b in blocks)
        indices = [i for i, flag in enumerate(prose) if flag]
        before, total = [], 0
        for block, flag in zip(blocks, prose):
            before.append(total)
            total += len(block.text) if flag else 0
        if not indices:  # no story found: every block is both top and end
            return cls(prose, len(blocks), -1, tuple(before), total)
        return cls(prose, indices[0], indices[-1], tuple(before), total)

    def in_region(self, region: str, index: int) -> bool:
        if region == "top":
            return index <= self.first_prose
        if region == "end":
            return index >= self.last_prose
        if region == "edges":
            return index <= self.first_prose or index >= self.last_prose
        return True

    def prose_share_of(self, index: int) -> float:
        """The share of the story's prose that block `index` itself holds."""
        if not self.prose_chars or not self.prose[index]:
            return 0.0
        following = self.prose_chars_before[index + 1] if index + 1 < len(self.prose) else self.prose_chars
        return (following - self.prose_chars_before[index]) / self.prose_chars

    def prose_share_before(self, index: int) -> float:
        """The share of the story's prose that stands above block `index` (0.0 if there is
        no prose: no story stands above anything)."""
        return self.prose_chars_before[index] / self.prose_chars if self.prose_chars else 0.0


def story_stems(blocks: Iterable[Block], regions: Regions, language: str | None,
                settings: StorySettings = _DEFAULTS) -> set[str]:
    """Content stems of the first prose paragraphs: what the story is about."""
    stems: set[str] = set()
    prose = [b for b, flag in zip(blocks, regions.prose) if flag][:settings.story_paragraphs]
    for block in prose:
        stems |= content_stems(block.text, language)
    return stems


def headline_overlap(headline: str, story: set[str], language: str | None) -> float:
    """The share of a headline's content words that the story also uses."""
    return overlap(content_stems(headline, language), story)
