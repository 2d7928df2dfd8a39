"""Table-driven tests for cleaner.text.repair (one paragraph in, one out)."""

from __future__ import annotations

import time
import unicodedata
from collections import Counter
from pathlib import Path

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import fix_text
from cleaner.text import repair
from cleaner.text.mojibake_filter import tables
from cleaner.text.repair import (
    FIXES,
    decode_entities,
    fix_mojibake,
    normalize_spaces,
    normalize_unicode,
    remove_invisibles,
    replace_lone_surrogates,
)

DATASET = Path("/work/shared/datasets/zyte-article-extraction/noisy_trafilatura_recall")

# (fix, input, expected, language)
CASES = [
    # --- replace_lone_surrogates: pairs joined, lone halves replaced
    (replace_lone_surrogates, "ok \ud83d\ude00 \ud800!\udfff", "ok 😀 �!�", None),
    # --- fix_mojibake: UTF-8 read as a single-byte encoding, C1 controls, ligatures
    (fix_mojibake, "CafÃ©", "Café", None),
    (fix_mojibake, "â€œquotedâ€\x9d", "“quoted”", None),
    (fix_mojibake, "It doesnâ€™t matter â€” really", "It doesn’t matter — really", None),
    (fix_mojibake, "Â£100 only", "£100 only", None),
    (fix_mojibake, "It was 5Â°C in ZÃ¼rich", "It was 5°C in Zürich", None),
    (fix_mojibake, "voilÃ  le travail", "voilà le travail", "fr"),
    (fix_mojibake, "l'Ã©tÃ© Ã  SÃ£o Paulo", "l'été à São Paulo", "pt"),
    (fix_mojibake, "GrÃ¶Ã\x9fe", "Größe", "de"),
    (fix_mojibake, "ÐŸÑ€Ð¸Ð²ÐµÑ‚, Ð¼Ð¸Ñ€", "Привет, мир", "ru"),
    (fix_mojibake, "ÎšÎ±Î»Î·Î¼Î\xadÏ\x81Î± ÎºÏŒÏƒÎ¼Îµ", "Καλημέρα κόσμε", "el"),
    (fix_mojibake, "æ—¥æœ¬èªž", "日本語", "ja"),
    (fix_mojibake, "na√Øve caf√©", "naïve café", None),
    (fix_mojibake, "\x93Hello\x94 she said", "“Hello” she said", None),
    (fix_mojibake, "ﬁnancial ﬂows", "financial flows", None),
    # --- decode_entities: well-formed entities only, double escapes too
    (decode_entities, "Tom &amp; Jerry", "Tom & Jerry", None),
    (decode_entities, "&quot;Hi&quot; it&#8217;s", '"Hi" it’s', None),
    (decode_entities, "it&#x2019;s caf&eacute;", "it’s café", None),
    (decode_entities, "a&nbsp;b", "a\u00a0b", None),
    (decode_entities, "Fish &amp;amp; Chips", "Fish & Chips", None),
    (decode_entities, "&amp;lt;b&amp;gt; &AMP;", "<b> &", None),
    (decode_entities, "&#38;amp;", "&", None),
    # --- remove_invisibles
    (remove_invisibles, "zero\u200bwidth \u2060joiner", "zerowidth joiner", None),
    (remove_invisibles, "\ufeffBOM at start", "BOM at start", None),
    (remove_invisibles, "co\u00adop\u00aderation", "cooperation", None),
    (remove_invisibles, "\u200eleft\u200f \u202aembedded\u202c \u2066iso\u2069", "left embedded iso", None),
    (remove_invisibles, "tab\there\x07 nul\x00l", "tab here null", None),
    (remove_invisibles, "line\u2028break\r", "line break ", None),
    (remove_invisibles, "Latin a\u200db a\u200cb", "Latin ab ab", None),
    (remove_invisibles, "\u200d👩 x\u200c", "👩 x", None),
    (remove_invisibles, "stray x\U000e0067y tag", "stray xy tag", None),
    (remove_invisibles, "\u0627\u200b\u200c\u0628", "\u0627\u0628", "fa"),
    # --- normalize_spaces
    (normalize_spaces, "a\u00a0b", "a b", None),
    (normalize_spaces, "10\u202f000 em\u2003space thin\u2009space math\u205fx", "10 000 em space thin space math x", None),
    (normalize_spaces, "  lead and trail  ", "lead and trail", None),
    (normalize_spaces, "a   b \u00a0 c", "a b c", None),
    (normalize_spaces, "Quoi\u202f? «\u00a0Bonjour\u00a0»\u00a0; fin\u00a0!", "Quoi ? « Bonjour » ; fin !", "fr"),
    # --- normalize_unicode
    (normalize_unicode, "Cafe\u0301", "Caf\u00e9", None),
    (normalize_unicode, "A\u030angstr\u00f6m \u212b", "\u00c5ngstr\u00f6m \u00c5", None),
    (normalize_unicode, "\u1100\u1161", "\uac00", "ko"),
    # --- settle: what one repair makes possible for another
    (repair.settle, "Ã\u200b© na&am\u200bp;me", "é na&me", None),
]

# Text each fix must leave alone (besides the CLEAN paragraphs below).
UNCHANGED = [
    (decode_entities, "AT&T, R&D and Q&A; Fish & Chips &foo; &amp no semicolon &#; &#xZZ;", None),
    (remove_invisibles, "👨\u200d👩\u200d👧 🏃\u200d♀\ufe0f ❤\ufe0f\u200d🔥 family", None),
    (remove_invisibles, "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f flag", None),
    (remove_invisibles, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "fa"),
    (remove_invisibles, "\u0915\u094d\u200d\u0937 \u0915\u094d\u200c\u0937", "hi"),
    (normalize_spaces, "日本\u3000語", "ja"),
    (normalize_spaces, "\u3000字下げの段落。", "ja"),
    (fix_mojibake, "CafГ© is cp1251 mojibake ftfy leaves alone", None),
]

# Clean paragraphs: every repair fix must return them byte-identical.
CLEAN = [
    (("The U.S. economy grew 3.5% in the third quarter, the Commerce Department said "
      "at 8:30 a.m. on Thursday — a “solid” pace, economists said."), "en"),
    (("Apple Inc. ($AAPL) unveiled a $3.5 billion plan; see https://www.example.com/a?b=1&c=2 "
      "or e-mail press@example.com before 3:30 p.m. at No. 10 Downing St."), "en"),
    (("« C’est une victoire historique ! », a déclaré le ministre ; la réforme entrera en "
      "vigueur cet été, d’être prêts qu’à : « Nous tiendrons nos promesses. »"), "fr"),
    (("„Das ist ein großer Schritt“, sagte die Ministerin am Dienstag in Berlin. "
      "Die Übergangsfrist endet 2025."), "de"),
    (("O presidente disse que a votação será concluída em março, após a aprovação "
      "da comissão. “Não há pressa”, afirmou o ministro à imprensa."), "pt"),
    (("Der Präsident sagte: „Es wird schwierig.“ Die Lösung wäre ein Kompromiss für "
      "Bürger und Städte."), "de"),
    (("В Москве президент заявил, что «переговоры продолжатся» в следующем месяце — всё идёт "
      "по плану, сообщает ТАСС."), "ru"),
    ("Ο πρωθυπουργός δήλωσε ότι «η οικονομία ανακάμπτει» και ότι η ανεργία έπεσε στο 10,8%.", "el"),
    ("東京都は２日、新型コロナウイルスの感染者が新たに１２３人確認されたと発表した。", "ja"),
    ("서울시는 2일 “대중교통 요금을 동결한다”고 밝혔다.", "ko"),
    ("国家统计局表示，“经济运行总体平稳”，第三季度增长4.9%。", "zh"),
    ("Han sa: ”Det här är bara början.” Sedan gick han.", "sv"),
    ("She said: “I’ll be there at 5 o’clock”, and left… it’s 50°C, 2×3, ½ cup, €5, £3.", "en"),
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
    assert FIXES[name](text, None) == text


def test_registry_order_and_names():
    assert list(FIXES) == [
        "replace_lone_surrogates", "fix_mojibake", "fix_mojibake_words", "decode_entities",
        "remove_invisibles",
        "normalize_spaces", "normalize_unicode", "settle",
    ]
    assert all(fn.__name__ == name for name, fn in FIXES.items())


@pytest.mark.parametrize("encoding", ["sloppy-windows-1252", "latin-1", "macroman"])
@pytest.mark.parametrize("text, language", CLEAN)
def test_mojibake_round_trip(text, language, encoding):
    broken = text.encode("utf-8").decode(encoding)
    assert fix_mojibake(broken, language) == text


def test_curly_quotes_are_kept():
    assert fix_mojibake("â€œHiâ€\x9d â€˜youâ€™") == "“Hi” ‘you’"
    assert fix_mojibake("“Hi” ‘you’ ﬁ") == "“Hi” ‘you’ fi"


def _dataset_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(DATASET.glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return lines


@pytest.mark.skipif(not DATASET.is_dir(), reason="dataset not available")
def test_fix_mojibake_matches_ftfy_on_dataset(monkeypatch):
    """Same output as ftfy on every line, and the pre-filter pays for itself: it hands ftfy
    few lines (34 of the 4,471, 1,949 of them not ASCII), counted rather than timed."""
    lines = _dataset_lines()
    expected = [ftfy.fix_text(line, repair.ftfy_config()) for line in lines]
    handed: list[str] = []
    fix_text_of_ftfy = ftfy.fix_text
    monkeypatch.setattr(ftfy, "fix_text",
                        lambda text, config=None: handed.append(text) or fix_text_of_ftfy(text, config))
    assert [fix_mojibake(line) for line in lines] == expected
    assert len(handed) * 20 < sum(not line.isascii() for line in lines)


# --- properties -------------------------------------------------------------

# Every character the pre-filter looks at: lead chars and what may follow them.
_MOJIBAKE_CHARS = sorted(tables().follow) + sorted(
    set().union(*tables().follow.values())
)
_REPAIR_ALPHABET = st.one_of(
    st.sampled_from(list("aZé1 &;#x?.\t\u00a0\u202f\u2009\u3000\u200b\u200c\u200d\u00ad\ufeff\u2028"
                         "\u0301\u0627\u0915\u094d👩🏴\U000e0067\U000e007f\x00\x85\x93\ufffdﬁ\ud83d")
                    + ["&amp;", "&#8217;", "&eacute;", "&amp;amp;"]),
    st.sampled_from(_MOJIBAKE_CHARS),
    st.characters(),
)
_repair_text = st.lists(_REPAIR_ALPHABET, max_size=40).map("".join)


def _alnum_nfd(text: str) -> Counter[str]:
    return Counter(ch for ch in unicodedata.normalize("NFD", text) if ch.isalnum())


@settings(max_examples=400, deadline=None)
@given(text=_repair_text, language=st.sampled_from([None, "en", "fr", "ru", "ja"]))
def test_repair_properties(text, language):
    for name, fix in FIXES.items():
        once = fix(text, language)
        assert fix(once, language) == once, name
        if name not in ("fix_mojibake", "fix_mojibake_words", "decode_entities", "settle"):
            # Only repairs: letters/digits (compared after NFD, since NFC composes) stay.
            assert not (_alnum_nfd(text) - _alnum_nfd(once)), name


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([*_MOJIBAKE_CHARS, " ", "?", "a", ".", "\ufffd"]),
                     max_size=12).map("".join))
def test_prefilter_never_skips_what_ftfy_would_fix(text):
    assert fix_mojibake(text) == ftfy.fix_text(text, repair.ftfy_config())


@given(text=st.text(alphabet=st.characters(blacklist_characters="&")))
def test_decode_entities_needs_an_ampersand(text):
    assert decode_entities(text) == text


def _decode_pass_after_pass(text: str) -> str:
    """What decode_entities must equal: one regex pass after another until nothing changes."""
    while (fixed := repair._ENTITY_RE.sub(repair._decode_entity, text)) != text:
        text = fixed
    return text


@settings(max_examples=500, deadline=None)
@given(text=st.lists(st.sampled_from(["&", "amp", ";", "#", "38", "59", "lt", "x26", "semi",
                                      "AMP", "foo", " ", "a"]), max_size=16).map("".join))
def test_nested_entities_decode_like_pass_after_pass(text):
    assert decode_entities(text) == _decode_pass_after_pass(text)


@pytest.mark.parametrize("chain, decoded", [
    ("&" + "amp;" * 50_000 + "lt;", "<"),
    ("&amp" + "&#59;" * 20_000, "&" + ";" * 19_999),
])
def test_entity_chains_decode_in_linear_time(chain, decoded):
    """Pass after pass is quadratic: 50,000 levels of "&amp;amp;..." took 3.4 s."""
    start = time.perf_counter()
    assert decode_entities(chain) == decoded
    assert time.perf_counter() - start < 1


def test_french_with_arabic_mojibake_is_fixed_with_sentence_spacing():
    fixed = "Bonne fête عيد سعيد. Que la paix soit avec vous, et l’égalité aussi."
    garbled = fixed.replace(". Que", ".Que").encode("utf-8").decode("cp1252")
    assert fix_text(garbled) == fixed


@settings(max_examples=400, deadline=None)
@given(lines=st.lists(_repair_text, min_size=1, max_size=4))
def test_a_quick_check_fails_on_a_document_only_when_its_repair_changes_no_line(lines):
    document = "\n".join(lines)
    for name, could_change in repair.QUICK_CHECKS.items():
        if not could_change(document):
            assert all(FIXES[name](line, "en") == line for line in lines), name


def test_no_mojibake_pattern_holds_a_line_break():
    # what lets `could_be_mojibake` read a document's lines joined by "\n" as one text
    found = tables()
    pattern_chars = set(found.follow).union(
        *found.follow.values(), *found.after_space.values(), *found.after_lost.values())
    assert "\n" not in pattern_chars
