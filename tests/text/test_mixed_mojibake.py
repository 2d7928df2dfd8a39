"""One mojibake word among right characters: decoded, where ftfy leaves the paragraph."""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 -- registers "sloppy-windows-1252"
import pytest

from cleaner import fix_text
from cleaner.text.mixed_mojibake import fix_mojibake_words


@pytest.mark.parametrize("word", ["Łódź", "Ōe", "π", "③", "ṣa", "Paweł", "Ελλάδα"])
def test_a_mojibake_word_next_to_right_unicode_is_decoded(word):
    right = f"Kenzaburō met {word} in Kraków │ ω"
    garbled = right.replace(word, word.encode("utf-8").decode("sloppy-windows-1252"))
    assert garbled != right
    assert fix_text(garbled) == right


@pytest.mark.parametrize("text", [
    "SÃO PAULO is large.", "Äußerst schön, heiß’ es.", "L’été à Paris « très » beau.",
    "Prix : 5 € ou 4 £.", "Ångström, Øresund, Ærø.", "‘ß’ is a letter.",
])
def test_right_text_is_kept(text):
    assert fix_mojibake_words(text) == text
