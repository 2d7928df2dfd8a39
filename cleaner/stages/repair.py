"""repair: mojibake, entities, invisible characters, odd spaces, NFC (cleaner.text.repair)."""

from __future__ import annotations

import functools

from cleaner.stages.base import Facet, register
from cleaner.stages.fixes import FixStage
from cleaner.text import repair


@register
class Repair(FixStage):
    name = "repair"
    requires = frozenset({Facet.BLOCKS})
    provides = frozenset({Facet.REPAIRED})
    fixes = repair.FIXES

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        # `settle` runs the repairs again: only those not switched off.
        kept = tuple(fix for name, fix in self.active if name != "settle")
        self.active = [(name, functools.partial(repair.settle_with, kept) if name == "settle"
                        else fix) for name, fix in self.active]
