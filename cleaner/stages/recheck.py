"""recheck: judge the cleaned story again, as cleaning its text again would, until it stays.

Runs last. Two things make a second cleaning find what the first did not:

- `punctuation` runs after the rules, and its fixes make a line a rule matches ("Forgot
  password ?" becomes "Forgot password?", "...published.Required fields..." gets its space);
- a rule bound to a region (`top`: up to the first paragraph of prose, `end`: from the last)
  was judged on the blocks `chrome` then removed: with a prose-like line of a form or menu
  gone, a dateline under the byline now stands at the top of the story.

So the stages that judge lines (`metadata`, `chrome`, `head`, then `punctuation` on what
they left) run again on the cleaned blocks, seen as the second cleaning sees them: as text
whose provenance is told anew (the story cut of a whole page is already made), until a round
changes nothing (at most `_MAX_ROUNDS`). Each change is an edit of the stage that made it.
Only the stages of the configured pipeline run: a pipeline without `chrome` rechecks without it.

When no stage after `provenance` changed the blocks and the provenance told anew is the
one they judged, a round would see what the first cleaning saw and change nothing: it is
skipped (about half the extractor outputs of Zyte and WCXB dev).
"""

from __future__ import annotations

from cleaner.document import Document
from cleaner.stages.base import Facet, Stage, register, stage_class

# The stages that judge lines, in pipeline order, and the one that fixes what they leave.
_JUDGES = ("metadata", "chrome", "head")
_FIXES = ("punctuation",)
# Real text is stable after one round or two; the bound only guards against a loop.
_MAX_ROUNDS = 3


@register
class Recheck(Stage):
    name = "recheck"
    requires = frozenset({Facet.BLOCKS, Facet.LANGUAGE})
    # It judges again what these stages judged: they must have run first.
    after = frozenset({Facet.PROVENANCE, Facet.METADATA, Facet.DECHROMED, Facet.HEAD,
                       Facet.PUNCTUATED})

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        configured = set(config.stages)
        self.provenance = (stage_class("provenance")(config, rules)
                           if "provenance" in configured else None)
        self.stages = [stage_class(name)(config, rules) for name in _JUDGES + _FIXES
                       if name in configured]
        self.since_provenance = _stages_between(tuple(config.stages), "provenance", self.name)

    def __call__(self, doc: Document) -> Document:
        if not doc.blocks or not self.stages:
            return doc
        provenance = doc.provenance
        if self._unchanged(doc):
            return doc
        for _ in range(_MAX_ROUNDS):
            before = len(doc.edits)
            doc = self._round(doc)
            if len(doc.edits) == before:
                break
        return doc.evolve(provenance=provenance)

    def _unchanged(self, doc: Document) -> bool:
        """Whether a round would judge exactly what the first cleaning judged: no stage since
        `provenance` made an edit, and the provenance told anew is the same."""
        if any(edit.stage in self.since_provenance for edit in doc.edits):
            return False
        if self.provenance is None:
            return True
        told = self.provenance(doc.evolve(provenance="unknown")).provenance
        return (told == "page") == (doc.provenance == "page")

    def _round(self, doc: Document) -> Document:
        """One run of the judging stages over the blocks, as a second cleaning makes it."""
        doc = doc.evolve(provenance="unknown")
        if self.provenance is not None:
            doc = self.provenance(doc)
        for stage in self.stages:
            doc = stage(doc)
        return doc


def _stages_between(stages: tuple[str, ...], first: str, last: str) -> frozenset[str]:
    """The names of the stages after `first` and before `last` in `stages` (all of those
    before `last` when `first` is not configured).

    >>> sorted(_stages_between(("repair", "provenance", "chrome", "recheck"), "provenance", "recheck"))
    ['chrome']
    """
    end = stages.index(last) if last in stages else len(stages)
    start = stages.index(first) + 1 if first in stages[:end] else 0
    return frozenset(stages[start:end])
