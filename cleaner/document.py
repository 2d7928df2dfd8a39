"""The one thing that flows through the pipeline: a `Document` of `Block`s.

Stages never mutate a Document; they return an updated copy (`doc.evolve(...)`), so a
stage's effect is exactly the difference between what it got and what it returned.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from cleaner.record import Edit

ContentType = Literal["auto", "html", "text"]
# What the text of a document is: an extractor's output (our extract stage's, or text
# given as such), a whole page of text with its menus, or not known. Heuristics that cut a
# page down to its story run only on "page"; other text gets only evidence-gated removals.
Provenance = Literal["extracted", "page", "unknown"]


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (one line of text input) and its index in the segmented input."""

    text: str
    position: int

    def with_text(self, text: str) -> Block:
        return Block(text, self.position)


@dataclass(frozen=True, slots=True)
class Metadata:
    """Article fields found so far, by extraction or moved out of the body."""

    title: str | None = None
    description: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    publisher: str | None = None
    agencies: tuple[str, ...] = ()
    language: str | None = None

    def merge(self, **found: object) -> Metadata:
        """Fill fields that are still empty; lists are extended without duplicates."""
        updates: dict[str, object] = {}
        for name, value in found.items():
            if value in (None, "", ()):
                continue
            current = getattr(self, name)
            if isinstance(current, tuple):
                extra = tuple(v for v in value if v not in current)  # type: ignore[union-attr]
                updates[name] = current + extra
            elif current in (None, ""):
                updates[name] = value
        return replace(self, **updates) if updates else self


@dataclass(frozen=True, slots=True)
class Document:
    """A source on its way to becoming an `ArticleRecord`.

    `source` is the input as given, `text` the decoded (and, for HTML, extracted) text before
    segmentation, `blocks` the paragraphs still in the body after segmentation.
    """

    source: str | bytes
    content_type: ContentType = "auto"
    url: str | None = None
    id: str | None = None
    # The charset the caller declares for bytes (an HTTP header's, a WARC record's): decode
    # tries it after a BOM and valid UTF-8, before the page's own <meta charset>.
    charset: str | None = None
    # The site the document belongs to when its URL does not tell (the batch gives its input
    # file's folder): the templates stage removes this site's template lines.
    site: str | None = None
    text: str | None = None
    provenance: Provenance = "unknown"
    # Words of the page's visible text (HTML only), to tell how much extraction kept.
    page_words: int | None = None
    blocks: tuple[Block, ...] = ()
    meta: Metadata = field(default_factory=Metadata)
    edits: tuple[Edit, ...] = ()

    def evolve(self, **changes: object) -> Document:
        return replace(self, **changes)

    def with_edits(self, edits: list[Edit] | tuple[Edit, ...], **changes: object) -> Document:
        """Return a copy with `edits` appended to the log and other fields changed."""
        return replace(self, edits=self.edits + tuple(edits), **changes)

    @property
    def body(self) -> str:
        return "\n\n".join(block.text for block in self.blocks)
