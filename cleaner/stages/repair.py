"""repair: mojibake, entities, invisible characters, odd spaces, NFC (cleaner.text.repair)."""

from __future__ import annotations

from cleaner.pipeline import register
from cleaner.stages.fixes import FixStage
from cleaner.text import repair


@register
class Repair(FixStage):
    name = "repair"
    requires = frozenset({"blocks"})
    provides = frozenset({"repaired"})
    fixes = repair.FIXES
