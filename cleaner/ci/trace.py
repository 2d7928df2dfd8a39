"""`trace`: clean one document as `clean()` does, keeping what a diff needs.

A `Trace` keeps what the record alone does not: the segmented input lines (the positions
edits refer to) and the cleaned text of each kept block.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.api import library_errors, run_pipeline, to_record
from cleaner.config import Config
from cleaner.document import ContentType, Document
from cleaner.record import ArticleRecord
from cleaner.stages.segment import split_blocks


@dataclass(frozen=True)
class Trace:
    """One cleaned document: its input lines by position, its kept blocks, and its record.

    For HTML the input lines are those of the extracted text (`content_type` says which).
    """

    lines: tuple[str, ...]
    kept: dict[int, str]
    record: ArticleRecord
    content_type: str
    page_words: int | None = None  # HTML: words of the page's visible text

    def output_lines(self) -> list[tuple[str, int | None]]:
        """The lines of `record.text` with the input position each comes from (None: blank)."""
        lines: list[tuple[str, int | None]] = []
        for position, text in self.kept.items():
            if lines:
                lines.append(("", None))
            lines.extend((line, position) for line in text.split("\n"))
        return lines or [("", None)]


def trace(source: str | bytes, content_type: ContentType = "auto", config: Config | None = None,
          url: str | None = None) -> Trace:
    """Clean `source` as `clean()` does (the same limits, time limit and errors), keeping
    the input lines and kept blocks as well."""
    with library_errors():
        doc = run_pipeline(Document(source=source, content_type=content_type, url=url), config)
        record = to_record(doc, config)
    kept = {block.position: block.text for block in doc.blocks}
    return Trace(tuple(split_blocks(doc.text or "")), kept, record, doc.content_type,
                 doc.page_words)
