"""segment: the text becomes one block per non-empty line, numbered in order."""

from __future__ import annotations

import pytest

from cleaner import Config, InputError
from cleaner.document import Block, Document
from cleaner.settings import LimitsSettings
from tests.stages.documents import run_stage


def test_every_non_empty_line_is_a_block_at_its_position():
    doc = run_stage("segment", Document(source="x", text="Title\r\n\n  First.\u2029Second."))
    assert doc.blocks == (Block("Title", 0), Block("First.", 1), Block("Second.", 2))


def test_too_many_blocks_is_an_input_error_naming_the_limit():
    config = Config(limits=LimitsSettings(max_blocks=2))
    with pytest.raises(InputError, match=r"limits.max_blocks"):
        run_stage("segment", Document(source="x", text="a\nb\nc"), config)
