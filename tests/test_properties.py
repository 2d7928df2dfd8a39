"""Properties of `clean()` and `fix_text()` over generated input (hypothesis).

With CI=true in the environment each property runs 10,000 examples, as CI must; without it
300, for quick local runs. Inputs are short and built from fragments that reach every stage:
prose, chrome lines, punctuation, entities, invisible and control characters, mojibake,
surrogates and markup, mixed with arbitrary characters.
"""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleaner import CleanerError, Config, clean, fix_text
from cleaner.text.mojibake_filter import tables

CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PROFILE = settings(max_examples=10_000 if CI else 300, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow])

WORDS = ["The", "council", "approved", "the", "budget", "on", "Monday", "after", "a", "long",
         "debate", "said", "Le", "conseil", "a", "voté", "été", "über", "2024", "3.5", "U.S."]
CHROME = ["Share this", "Read more", "Advertisement", "Back to top", "By John Smith",
          "(Reuters)", "WASHINGTON (AP) -", "Related Articles", "March 3, 2024"]
ODD = [" ", "  ", "\n", "\n\n", "\t", ".", ",", ";", ":", "!", "?", "“", "”", "«", "»", "'",
       '"', "&amp;", "&#8217;", "&", "amp;", "\u200b", "\u00ad", "\ufeff", "\u202e", "\u00a0",
       "\x00", "\x1b", "Ã©", "â€™", "\x93", "ﬁ", "e\u0301", "\ud800", "\udc00", "\ud83d\ude00",
       "\u2028", "http://x.test/a?b=1", "..."]
MARKUP = ["<p>", "</p>", "<div class='story'>", "</div>", "<br>", "<!--", "-->", "<script>",
          "</script>", "<a href='/x'>", "</a>", "<h1>", "</h1>", '<meta charset="latin-1">',
          "<html>", "<body>", "<title>", "</title>", "<table><tr><td>", "<", ">", "/>"]


def joined(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Up to 20 parts, joined by spaces or by nothing."""
    return st.tuples(st.sampled_from([" ", ""]), st.lists(parts, max_size=20)).map(
        lambda glue_parts: glue_parts[0].join(glue_parts[1]))


fragments = st.one_of(st.sampled_from(WORDS + CHROME + ODD), st.characters())
texts = joined(fragments)
pages = joined(st.one_of(fragments, st.sampled_from(MARKUP)))
encodings = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "cp1251"])

# Characters whose repair may change letters: mojibake leads, C1 controls, "&" (entities),
# surrogates (a pair is a character in disguise).
REPAIRABLE = (frozenset(tables().follow) | {"&"} | {chr(c) for c in range(0x80, 0xA0)}
              | {chr(c) for c in range(0xD800, 0xE000)})
plain_texts = joined(st.one_of(
    st.sampled_from([f for f in WORDS + CHROME + ODD if not REPAIRABLE & set(f)]),
    st.characters(blacklist_characters=sorted(REPAIRABLE))))

# The stages that only read and repair: no content moves to metadata or is judged chrome,
# and punctuation, which runs last, is left out (a punctuation fix can make a repair possible).
REPAIR_ONLY = Config(stages=("decode", "extract", "segment", "repair"))


def clean_or_error(source: str | bytes, **kwargs):
    """The record, or None for a CleanerError; any other exception fails the test."""
    try:
        return clean(source, **kwargs)
    except CleanerError:
        return None


def letters_and_digits(text: str) -> list[str]:
    """The letters and digits of `text` in order, compatibility-normalized (so "ﬁ" is "fi"
    and "e" + combining acute is "é"), invisible characters left out first (removing them is
    a fix: "e", a zero-width space or a control character, and a combining grave are "è" once
    it is gone)."""
    visible = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))
    return [c for c in unicodedata.normalize("NFKC", visible) if c.isalnum()]


@PROFILE
@given(text=texts)
def test_clean_text_raises_only_cleaner_error(text):
    clean_or_error(text, content_type="text")


@PROFILE
@given(page=pages, content_type=st.sampled_from(["html", "auto"]))
def test_clean_html_raises_only_cleaner_error(page, content_type):
    clean_or_error(page, content_type=content_type, url="https://news.test/a")


@PROFILE
@given(text=texts, encoding=encodings)
def test_clean_bytes_raises_only_cleaner_error(text, encoding):
    clean_or_error(text.encode(encoding, "surrogatepass" if "utf" in encoding else "replace"))


@PROFILE
@given(text=texts)
def test_cleaning_the_repaired_text_again_changes_nothing(text):
    first = clean_or_error(text, content_type="text", config=REPAIR_ONLY)
    if first is not None:
        assert clean(first.text, content_type="text", config=REPAIR_ONLY).text == first.text


@PROFILE
@given(text=texts)
def test_cleaning_the_cleaned_text_again_changes_nothing(text):
    first = clean_or_error(text, content_type="text")
    if first is not None:
        assert clean(first.text, content_type="text").text == first.text


@PROFILE
@given(text=texts)
def test_fix_text_never_raises_and_is_idempotent(text):
    once = fix_text(text)
    assert fix_text(once) == once


@PROFILE
@given(text=plain_texts)
def test_fix_text_never_changes_letters_or_digits(text):
    """Without mojibake or entities to repair, only invisible characters, spaces and
    punctuation change: the letters and digits stay, in order. (Composing may make a
    repairable character: "e" and a combining acute are "é", and "é¢¢" is mojibake.)"""
    assume(not REPAIRABLE & set(unicodedata.normalize("NFC", text)))
    assert letters_and_digits(fix_text(text)) == letters_and_digits(text)
