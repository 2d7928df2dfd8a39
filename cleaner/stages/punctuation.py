"""punctuation: language-aware quote, space and period fixes (cleaner.text.punctuation)."""

from __future__ import annotations

from cleaner.pipeline import register
from cleaner.stages.fixes import FixStage
from cleaner.text import punctuation


@register
class Punctuation(FixStage):
    name = "punctuation"
    requires = frozenset({"blocks", "language"})
    provides = frozenset({"punctuated"})
    fixes = punctuation.FIXES
