"""punctuation: language-aware quote, space and period fixes (cleaner.text.punctuation)."""

from __future__ import annotations

from cleaner.stages.base import Facet, register
from cleaner.stages.fixes import FixStage
from cleaner.text import punctuation


@register
class Punctuation(FixStage):
    name = "punctuation"
    requires = frozenset({Facet.BLOCKS, Facet.LANGUAGE})
    provides = frozenset({Facet.PUNCTUATED})
    # Its quotes and spaces would change the text that the rules of these stages match.
    after = frozenset({Facet.METADATA, Facet.DECHROMED, Facet.HEAD})
    fixes = punctuation.FIXES
    quick_checks = punctuation.QUICK_CHECKS
