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


@pytest.mark.parametrize("text", [
    "ELLE A DIT OUI, C'EST MARQUÉ…", "SÓ…", "NESTLÉ® chocolate", "Join ZZAJÉ’s fan list",
    "Offering 5×£35 pin ups", "SELKÄ\xa0EDELLÄ\xa0MAAHAN", "4288×…", "AHÅ™, the new sofa",
])
def test_a_letter_then_a_sign_is_not_one_characters_mojibake(text):
    assert fix_mojibake_words(text) == text


@pytest.mark.parametrize("text", [
    "higher values (“+” and “×” curves)", "HUHLL Õ…", "a radius of 10 Å—",
    "ESSE CARA AI QUEM É¿", "a lot of Ã’s in mojibake text",
])
def test_a_letter_or_sign_then_closing_punctuation_is_not_mojibake(text):
    assert fix_mojibake_words(text) == text


@pytest.mark.parametrize(("text", "fixed"), [
    ("CafÃ© owners", "Café owners"), ("voilÃ\xa0 tout", "voilà tout"),
    ("MÃ¼nchen, KÃ¶ln", "München, Köln"), ("CzesÅ‚aw", "Czesław"),
])
def test_a_words_mojibake_is_still_decoded(text, fixed):
    assert fix_mojibake_words(text) == fixed


def test_a_sign_that_is_itself_garbled_further_is_mojibake_of_mojibake():
    assert fix_text("Hosted by PaweÃ…\x82 Dolega, a CTO") == "Hosted by Paweł Dolega, a CTO"
