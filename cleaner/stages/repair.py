"""repair: mojibake, entities, invisible characters, odd spaces, NFC (cleaner.text.repair)."""

from __future__ import annotations

import functools

from cleaner.record import Edit
from cleaner.stages.base import Facet, register
from cleaner.stages.fixes import FixStage
from cleaner.text import repair
from cleaner.text.edits import apply_fixes


@register
class Repair(FixStage):
    name = "repair"
    requires = frozenset({Facet.BLOCKS})
    provides = frozenset({Facet.REPAIRED})
    fixes = repair.FIXES
    quick_checks = repair.QUICK_CHECKS

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        # `settle` runs the repairs again: only those not switched off.
        kept = tuple(fix for name, fix in self.active if name != "settle")
        self.active = [(name, functools.partial(repair.settle_with, kept) if name == "settle"
                        else fix) for name, fix in self.active]
        # `settle` comes last (FIXES ends with it): the repairs before it, then itself.
        self._first = [(n, f) for n, f in self.active if n != "settle"]
        self._settle = [(n, f) for n, f in self.active if n == "settle"]

    def fix_block(self, text: str, language: str | None, position: int,
                  idle: frozenset[str] = frozenset()) -> tuple[str, list[Edit]]:
        """As `FixStage.fix_block`, but `settle` is skipped on a block no repair changed: its
        first round would run the same repairs on the same text, so it returns the text as
        it is (the repairs are functions of text and language alone)."""
        fixed, edits = apply_fixes(text, self._first, language, self.name, position, idle)
        if not edits or not self._settle:
            return fixed, edits
        settled, more = apply_fixes(fixed, self._settle, language, self.name, position)
        return settled, edits + more
