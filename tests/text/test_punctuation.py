"""Table-driven tests for cleaner.text.punctuation (one paragraph in, one out)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.text.punctuation import (
    FIXES,
    QUICK_CHECKS,
    collapse_spaces,
    doubled_period,
    reversed_spaced_quotes,
    space_after_closing_quote,
    space_after_sentence_period,
    space_before_punctuation,
)

# (fix, input, expected, language)
CASES = [
    # --- space_after_closing_quote
    (space_after_closing_quote, "“to boost relations”he said", "“to boost relations” he said", None),
    (space_after_closing_quote, "they agreed to “expand joint action”but not more", "they agreed to “expand joint action” but not more", None),
    (space_after_closing_quote, "the “A”and the “B”2020 plan", "the “A” and the “B” 2020 plan", None),
    (space_after_closing_quote, "il a dit « non »mais « oui »ensuite", "il a dit « non » mais « oui » ensuite", "fr"),
    (space_after_closing_quote, "“Привет”сказал он", "“Привет” сказал он", "ru"),
    # --- reversed_spaced_quotes
    (reversed_spaced_quotes, "a friendship ” without limits “ and more", "a friendship “without limits” and more", None),
    (reversed_spaced_quotes, "” no limits “.", "“no limits”.", None),
    (reversed_spaced_quotes, "he said ” yes “, then ” no “", "he said “yes”, then “no”", None),
    # --- doubled_period
    (doubled_period, "in many countries. . The end", "in many countries. The end", None),
    (doubled_period, "he said..", "he said.", None),
    (doubled_period, "the U.S.. Then", "the U.S. Then", None),
    (doubled_period, "Très bien.. Voilà", "Très bien. Voilà", "fr"),
    (doubled_period, "range 1.. and the U.S. .", "range 1.. and the U.S.", None),
    # --- space_before_punctuation
    (space_before_punctuation, "word , next", "word, next", None),
    (space_before_punctuation, "the end .", "the end.", None),
    (space_before_punctuation, "“Really ?” he asked , then left .”", "“Really?” he asked, then left.”", "en"),
    (space_before_punctuation, "Note : this ; that ! what ?!", "Note: this; that! what?!", "en"),
    (space_before_punctuation, "Note : this ; that , what .", "Note : this ; that, what.", None),
    (space_before_punctuation, "Il a dit : « non » , puis il est parti .", "Il a dit : « non », puis il est parti.", "fr"),
    (space_before_punctuation, "Quoi ? Vraiment ! Oui ; non", "Quoi ? Vraiment ! Oui ; non", "fr"),
    # --- space_after_sentence_period
    (space_after_sentence_period, "he said.The minister left", "he said. The minister left", None),
    (space_after_sentence_period, "a cold night.Temperatures fell", "a cold night. Temperatures fell", None),
    (space_after_sentence_period, "Ask Mr.Smith today", "Ask Mr. Smith today", None),
    (space_after_sentence_period, "il a dit.Le ministre", "il a dit. Le ministre", "fr"),
    (space_after_sentence_period, "так сказал он.Министр ушёл", "так сказал он. Министр ушёл", "ru"),
    # --- collapse_spaces
    (collapse_spaces, "  two   spaces  here ", "two spaces here", None),
    (collapse_spaces, "a  b", "a b", None),
]

# Text each fix must leave alone (besides the CLEAN paragraphs below).
UNCHANGED = [
    (space_after_closing_quote, "Han sa ”nej”och gick", "sv"),
    (space_after_closing_quote, "Er sagte „Nein“und ging", "de"),
    (space_after_closing_quote, "Er las »Faust« und »Hamlet«gern", "de"),
    (space_after_closing_quote, "他说“你好”然后走了", "zh"),
    (space_after_closing_quote, "“안녕하세요”라고 말했다", "ko"),
    (space_after_closing_quote, "the “A”, the “B” and “C”’s fans", None),
    (reversed_spaced_quotes, "“A” and “B” and “C”", None),
    (reversed_spaced_quotes, "Han sa ” hej ” och gick", "sv"),
    (reversed_spaced_quotes, "a ” b “c” d", None),
    (doubled_period, "Wait... what? And then. . . nothing … really", None),
    (doubled_period, "cd ../dir and ./run.sh, 1..10, x..y, 3.. 4", None),
    (space_before_punctuation, "priced at .5 with .NET and ... and . . . too", None),
    (space_before_punctuation, "smile :) and :-) and x != y, score 2 : 1, the ,5", None),
    (space_before_punctuation, "« Quoi ? » ; « Non ! » : fin", "fr"),
    (space_after_sentence_period, "U.S. e.g. i.e. Ph.D. 3.5 node.js No.1 p.m.The", None),
    (space_after_sentence_period, "see www.Example.Com or https://x.org/A.Html now", None),
    (space_after_sentence_period, "mail john.Smith@example.com or Amazon.Com, Report.Pdf", None),
    (space_after_sentence_period, "System.Net.Http and path/to/file.Txt and a.B", None),
    (collapse_spaces, "one space only", None),
    (collapse_spaces, "\u3000全角スペース\u3000", "ja"),
]

# Clean paragraphs: every punctuation fix must return them byte-identical.
CLEAN = [
    (("The U.S. economy grew 3.5% in the third quarter, the Commerce Department said "
      "at 8:30 a.m. on Thursday — a “solid” pace, economists said."), "en"),
    (("Apple Inc. ($AAPL) unveiled a $3.5 billion plan; see https://www.example.com/a?b=1&c=2 "
      "or e-mail press@example.com before 3:30 p.m. at No. 10 Downing St."), "en"),
    (("“We will not back down,” she said. “Not now, not ever.” Asked why, she added: "
      "“Because it’s right.” Dr. Smith, Ph.D., agreed (e.g. on Nov. 5)."), "en"),
    (("The index rose 0.5 points to 1,234.56 — its highest since Jan. 3... or so they say. "
      "Wait. . . it fell again?! Version 2.0.1 of node.js shipped."), "en"),
    (("« C’est une victoire historique ! », a déclaré le ministre ; la réforme entrera en "
      "vigueur le 1er janvier : « Nous tiendrons nos promesses. » Pourquoi ? Parce que."), "fr"),
    (("„Das ist ein großer Schritt“, sagte die Ministerin am Dienstag in Berlin. "
      "Die Übergangsfrist endet 2025, z.B. für Firmen."), "de"),
    (("Президент заявил, что «переговоры продолжатся» в следующем месяце — всё идёт "
      "по плану, сообщает ТАСС."), "ru"),
    ("東京都は２日、新型コロナウイルスの感染者が新たに１２３人確認されたと発表した。", "ja"),
    ("国家统计局表示，“经济运行总体平稳”，第三季度增长4.9%。", "zh"),
    ("Han sa: ”Det här är bara början.” Sedan gick han.", "sv"),
]


@pytest.mark.parametrize("fix, text, expected, language", CASES)
def test_fix(fix, text, expected, language):
    assert fix(text, language) == expected
    assert fix(expected, language) == expected


@pytest.mark.parametrize("fix, text, expected, language", CASES)
def test_fix_idempotent(fix, text, expected, language):
    once = fix(text, language)
    assert fix(once, language) == once


@pytest.mark.parametrize("fix, text, language", UNCHANGED)
def test_unchanged(fix, text, language):
    assert fix(text, language) == text


@pytest.mark.parametrize("name", list(FIXES))
@pytest.mark.parametrize("text, language", CLEAN)
def test_clean_text_is_byte_identical(name, text, language):
    assert FIXES[name](text, language) == text


def test_french_spacing_kept_in_french_and_when_the_language_is_unknown():
    text = "Quoi ? Oui : non ; si !"
    assert space_before_punctuation(text, "fr") == text
    assert space_before_punctuation(text, None) == text
    assert space_before_punctuation(text, "en") == "Quoi? Oui: non; si!"


def test_registry_order_and_names():
    assert list(FIXES) == [
        "space_after_closing_quote", "reversed_spaced_quotes", "doubled_period",
        "space_before_punctuation", "space_after_sentence_period", "collapse_spaces",
    ]
    assert all(fn.__name__ == name for name, fn in FIXES.items())


def test_pipeline_on_messy_paragraph():
    text = "He said.. ” no way “ , and “stop”now . The end "
    for fix in FIXES.values():
        text = fix(text, "en")
    assert text == "He said. “no way”, and “stop” now. The end"


# --- properties -------------------------------------------------------------

_PUNCT_ALPHABET = st.one_of(
    st.sampled_from(list("aZé1Жд日 .,;:!?“”„«»\"'’()/@…\u00a0\t")
                    + ["..", ". .", "www.", "://", " ” ", " “ ", "The", "he", "Com"]),
    st.characters(),
)
_punct_text = st.lists(_PUNCT_ALPHABET, max_size=40).map("".join)


def _alnum(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isalnum())


@settings(max_examples=500, deadline=None)
@given(text=_punct_text, language=st.sampled_from([None, "en", "fr", "de"]))
def test_punctuation_properties(text, language):
    for name, fix in FIXES.items():
        once = fix(text, language)
        assert fix(once, language) == once, name
        assert _alnum(once) == _alnum(text), name


@pytest.mark.parametrize(("glued", "fixed"), [
    ("It is our Earth,”he said.", "It is our Earth,” he said."),
    ("He was in!”an officer said.", "He was in!” an officer said."),
    ("It ends here.”The next day", "It ends here.” The next day"),
    ("‘Yes,’she said.", "‘Yes,’ she said."),
])
def test_a_closing_quote_after_punctuation_gets_its_space_without_an_opener(glued, fixed):
    assert space_after_closing_quote(glued) == fixed


@pytest.mark.parametrize("clean_text", [
    "The U.S.’s plan", "Don’t, won’t, it’s.", "Jones Inc.’s shares", "a 3.5” screen",
    "“你好,”他说", "She said “no.”", "O’Neill,’d",
])
def test_contractions_possessives_and_numbers_stay(clean_text):
    assert space_after_closing_quote(clean_text) == clean_text


@settings(max_examples=600, deadline=None)
@given(lines=st.lists(_punct_text, min_size=1, max_size=4),
       language=st.sampled_from([None, "en", "fr"]))
def test_a_quick_check_fails_on_a_document_only_when_its_fix_changes_no_line(lines, language):
    document = "\n".join(lines)
    for name, could_change in QUICK_CHECKS.items():
        if not could_change(document):
            assert all(FIXES[name](line, language) == line for line in lines), name
