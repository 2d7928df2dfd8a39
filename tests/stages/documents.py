"""What the stage tests share: a story to clean around, and one stage called on a Document.

`run_stage("chrome", document(...))` calls the chrome stage alone, built as the pipeline of
the config builds it (the rule catalog loaded once), on a Document made for the test.
"""

from __future__ import annotations

from cleaner.config import Config
from cleaner.document import Block, Document, Metadata
from cleaner.pipeline import pipeline_for
from cleaner.stages.base import Stage

P1 = ("The foreign ministers met in Beijing on Wednesday to discuss trade, security and the "
      "war, the ministry said in a statement.")
P2 = ("Officials said the talks on trade would continue next month in Moscow, where both "
      "delegations are expected to sign a new agreement.")
P3 = ("The ministry added that security cooperation between the two countries had grown "
      "steadily over the past decade despite the sanctions.")


def body(*blocks: str) -> str:
    return "\n\n".join(blocks)


def removed(record) -> dict[str, str]:
    """What a record's edits removed, with the rule that removed it."""
    return {e.before: e.rule for e in record.edits if e.action == "remove"}


def document(*lines: str, language: str | None = "en", **fields: object) -> Document:
    """A text Document as segment leaves it: one block per line, the language known."""
    text = "\n".join(lines)
    return Document(source=text, content_type="text", text=text,
                    blocks=tuple(Block(line, i) for i, line in enumerate(lines)),
                    meta=Metadata(language=language), **fields)  # type: ignore[arg-type]


def stage(name: str, config: Config | None = None) -> Stage:
    """The stage `name` of the pipeline of `config`."""
    return pipeline_for(config).stage(name)


def run_stage(name: str, doc: Document, config: Config | None = None) -> Document:
    return stage(name, config)(doc)


def texts(doc: Document) -> list[str]:
    return [block.text for block in doc.blocks]
