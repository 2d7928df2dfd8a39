"""repair skips `settle` on a block no repair changed, and a fix whose quick check fails
on the whole document, with the same text and edits."""

from __future__ import annotations

import copy

import pytest

from cleaner.text.edits import apply_fixes
from tests.stages.documents import document, stage

LINES = ["The council approved the budget.", "CafÃ© â€œau laitâ€\x9d ﬁne", "Ü\x1b†",
         "Tom &amp;amp; Jerry&#8217;s caf&eacute;", "Ta\u200bble\u00a0!", "Cafe\u0301  x",
         "", "\u200b", "Kenzaburō ÅŒe and CzesÅ‚aw", "plain ascii line"]


@pytest.mark.parametrize("line", LINES)
def test_fix_block_equals_every_fix_in_order(line):
    repair = stage("repair")
    assert repair.fix_block(line, "en", 3) == apply_fixes(line, repair.active, "en", "repair", 3)


@pytest.mark.parametrize("name", ["repair", "punctuation"])
@pytest.mark.parametrize("lines", [LINES[:1], LINES[:1] + LINES[-1:], LINES[1:4], LINES,
                                   ["“to boost relations”he said", "said.. Then", "a  b", "x ,y"]])
def test_quick_checks_change_no_text_and_no_edit(name, lines):
    every_fix_on_every_block = copy.copy(stage(name))  # the pipeline's own stays as it is
    every_fix_on_every_block.quick_checks = {}
    doc = document(*[line for line in lines if line])
    assert stage(name)(doc) == every_fix_on_every_block(doc)
