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

    def __call__(self, doc: Document) -> Document:
        if not doc.blocks or not self.stages:
            return doc
        provenance = doc.provenance
        for _ in range(_MAX_ROUNDS):
            before = len(doc.edits)
            doc = self._round(doc)
            if len(doc.edits) == before:
                break
        return doc.evolve(provenance=provenance)

    def _round(self, doc: Document) -> Document:
        """One run of the judging stages over the blocks, as a second cleaning makes it."""
        doc = doc.evolve(provenance="unknown")
        if self.provenance is not None:
            doc = self.provenance(doc)
        for stage in self.stages:
            doc = stage(doc)
        return doc
