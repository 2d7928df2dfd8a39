"""A repair switched off stays off in every step, `settle` included."""

from __future__ import annotations

import pytest

from cleaner import Config, clean
from tests.stages.documents import P1, document, run_stage, texts

FRENCH = ("Les ministres se sont réunis mercredi à Pékin pour parler du commerce\u00a0: quelle "
          "surprise\u00a0! Ils ont signé un accord de coopération.")


def test_disabled_normalize_spaces_keeps_french_no_break_spaces():
    config = Config.model_validate({"repair": {"disable": ["normalize_spaces"]}})
    assert clean(FRENCH, content_type="text", config=config).text == FRENCH


def test_enabled_normalize_spaces_turns_them_into_plain_spaces():
    assert "\u00a0" not in clean(FRENCH, content_type="text").text


@pytest.mark.parametrize(("name", "glitch", "kept"), [
    ("remove_invisibles", "coop\u200bération", "coop\u200bération"),
    ("decode_entities", "l&rsquo;accord", "l&rsquo;accord"),
])
def test_each_disabled_repair_is_honoured_by_settle(name, glitch, kept):
    text = f"Les ministres ont signé {glitch} mercredi à Pékin après une longue négociation."
    config = Config.model_validate({"repair": {"disable": [name]}})
    assert kept in clean(text, content_type="text", config=config).text


def test_the_stage_repairs_each_block_and_removes_emptied_ones():
    doc = run_stage("repair", document("CafÃ© owners &amp; staff", "\u200b", P1))
    assert texts(doc) == ["Café owners & staff", P1]
    assert [(e.rule, e.action) for e in doc.edits] == [
        ("repair.fix_mojibake", "replace"), ("repair.decode_entities", "replace"),
        ("repair.remove_invisibles", "replace"), ("repair.empty", "remove")]
