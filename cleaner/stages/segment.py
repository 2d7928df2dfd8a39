"""segment: text to blocks, one per non-empty line, in order."""

from __future__ import annotations

from cleaner.document import Block, Document
from cleaner.errors import InputError
from cleaner.stages.base import Facet, Stage, register


def split_blocks(text: str) -> list[str]:
    """The stripped, non-empty lines of `text`, split at every line break Unicode knows
    (CRLF, CR, vertical tab, form feed, NEL, LS, PS: `str.splitlines`).

    >>> split_blocks("Title\\r\\n\\n  First paragraph.\\u2029Second.")
    ['Title', 'First paragraph.', 'Second.']
    """
    return [stripped for line in text.splitlines() if (stripped := line.strip())]


@register
class Segment(Stage):
    name = "segment"
    requires = frozenset({Facet.EXTRACTED})
    provides = frozenset({Facet.BLOCKS})

    def __call__(self, doc: Document) -> Document:
        lines = split_blocks(doc.text or "")
        limits = self.config.limits
        if len(lines) > limits.max_blocks:
            raise InputError(f"{len(lines):,} blocks is over the limit of {limits.max_blocks:,} "
                             "(limits.max_blocks)")
        too_long = next((i for i, line in enumerate(lines) if len(line) > limits.max_block_chars), None)
        if too_long is not None:
            raise InputError(f"block {too_long} has {len(lines[too_long]):,} characters, over the "
                             f"limit of {limits.max_block_chars:,} (limits.max_block_chars)")
        return doc.evolve(blocks=tuple(Block(line, i) for i, line in enumerate(lines)))
