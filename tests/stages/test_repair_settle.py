"""repair skips `settle` on a block no repair changed, with the same text and edits."""

from __future__ import annotations

import pytest

from cleaner.text.edits import apply_fixes
from tests.stages.documents import stage

LINES = ["The council approved the budget.", "CafÃ© â€œau laitâ€\x9d ﬁne", "Ü\x1b†",
         "Tom &amp;amp; Jerry&#8217;s caf&eacute;", "Ta\u200bble\u00a0!", "Cafe\u0301  x",
         "", "\u200b", "Kenzaburō ÅŒe and CzesÅ‚aw", "plain ascii line"]


@pytest.mark.parametrize("line", LINES)
def test_fix_block_equals_every_fix_in_order(line):
    repair = stage("repair")
    assert repair.fix_block(line, "en", 3) == apply_fixes(line, repair.active, "en", "repair", 3)
