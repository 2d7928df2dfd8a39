"""What a line looks like: prose, a headline, a name phrase. Cheap, language-neutral tests."""

from __future__ import annotations

import functools
import re

from pydantic import Field

from cleaner.settings import Settings
from cleaner.text.wordlists import words_of
from cleaner.text.words import stoplist, words

# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_CLAUSE_END = re.compile(r"[.!?…。！？:;,][\"'”’»)\]]*$")
_NO_SPACE_SCRIPTS = ("ja", "zh", "th", "ko")
_OPENING_QUOTES = "‘'\"“«„‹("
_CLOSING_QUOTES = "’'\"”»›)"
# A sentence break inside the line, a web address, a hashtag: running text, not a headline.
_NOT_IN_HEADLINES = re.compile(r"[a-zß-ÿа-я][.!?] [A-ZÀ-ÞА-Я]|www\.|https?://|\S@\S|(?:^|\s)#\w")


class ShapeSettings(Settings):
    """When a line is prose (`is_prose`) or shaped like a headline (`is_headline_like`).

    Every stage that judges lines asks these: metadata, chrome, head, templates (and the
    regions of `cleaner.regions`), so they belong to no one stage's section; a caller passes
    its own with `settings=` (the default is these values). Set with the first cleaning core
    and kept since: every benchmark of the README was measured with them.
    """

    # Longer than any headline: prose even without a final period (a cut-off teaser, say);
    # the chrome stage's headline-like lines stop at 24 words (`headline_max_words`).
    prose_min_words_unpunctuated: int = Field(40, ge=1)
    # Ending like a sentence, prose from this many words ("Share this story." is not)...
    prose_min_words: int = Field(8, ge=1)
    # ...or this many characters in a script written without spaces (ja, zh, th, ko).
    prose_min_chars_no_spaces: int = Field(40, ge=1)
    # A headline has at least this many words (at most the caller's `max_words`): one or two
    # are a label or a menu item ("Sport", "Read more").
    headline_min_words: int = Field(3, ge=1)
    # Headline Title Case (`is_title_case`): every word of this many letters or more is
    # capitalized, and there are at least `title_case_min_long_words` of them; shorter words
    # ("a", "of", "and", "the") are lowercase in titles too.
    title_case_min_letters: int = Field(4, ge=1)
    title_case_min_long_words: int = Field(2, ge=1)


_DEFAULTS = ShapeSettings()


# A line that starts like this continues the line above: a lowercase word or closing
# punctuation (text whose inline links and code were put on lines of their own).
_CONTINUES_ABOVE = re.compile(r"^[a-zß-ÿа-я,.;:)\]’”]")


def continues_above(text: str) -> bool:
    """
    >>> continues_above("’s connection pooling"), continues_above(", and"), continues_above("Home")
    (True, True, False)
    """
    return bool(_CONTINUES_ABOVE.match(text))


# A numbered item or section: "3. ", "IV) ", "11.2.1. ", "Step 4: ".
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+[.):]|[IVX]+[.):])\s|^\w+ \d+[.:]\s")


def is_numbered(text: str) -> bool:
    """
    >>> is_numbered("11.2.1. B-Tree"), is_numbered("Step 4: Sand"), is_numbered("2026 in review")
    (True, True, False)
    """
    return bool(_NUMBERED.match(text))


def ends_sentence(text: str) -> bool:
    """
    >>> ends_sentence("He left.”"), ends_sentence("Breaking: markets fall")
    (True, False)
    """
    return bool(_SENTENCE_END.search(text))


# Several stages ask about the same lines (and recheck asks again): the answers for the
# last lines seen, bounded so that a long batch does not grow the memo.
@functools.lru_cache(maxsize=16384)
def is_prose(text: str, language: str | None = None,
             settings: ShapeSettings = _DEFAULTS) -> bool:
    """A paragraph of running text: ending like a sentence, or too long for a headline.

    >>> is_prose("The ministers met in Beijing on Wednesday to discuss the war.")
    True
    >>> is_prose("Share on Facebook")
    False
    """
    if language in _NO_SPACE_SCRIPTS:
        return len(text) >= settings.prose_min_chars_no_spaces and ends_sentence(text)
    n_words = len(words(text))
    return n_words >= settings.prose_min_words_unpunctuated or (
        n_words >= settings.prose_min_words and ends_sentence(text)
        and not is_title_case_question(text, settings))


def is_headline_like(text: str, max_words: int, settings: ShapeSettings = _DEFAULTS) -> bool:
    """A short line without closing punctuation (or a question in Title Case), shaped like a
    headline or subheading.

    >>> is_headline_like("After Russian forces pull back, a shattered town breathes", 24)
    True
    >>> is_headline_like("The ministry said it had agreed.", 24)
    False
    >>> is_headline_like("Veteran actress Kate Henshaw, who in 2008 won the", 24)
    False
    >>> is_headline_like("Sponsored by Acme. All opinions are mine", 24)
    False
    >>> is_headline_like("‘He died in my hands’: 3 killed in clashes", 24)
    True
    """
    tokens = words(text)
    first = text.lstrip(_OPENING_QUOTES)[:1]
    return (settings.headline_min_words <= len(tokens) <= max_words
            and (not _CLAUSE_END.search(text) or is_title_case_question(text, settings))
            and (first.isupper() or first.isdigit())
            and tokens[-1].lower() not in _trailing_function_words()
            and not _NOT_IN_HEADLINES.search(text))


def _trailing_function_words() -> frozenset[str]:
    """A line ending in one of these was wrapped mid-sentence; no headline ends like that
    (`rules/words/function_words.yaml`)."""
    return words_of("function_words", "trailing")


def is_title_case_question(text: str, settings: ShapeSettings = _DEFAULTS) -> bool:
    """A question or exclamation written in headline Title Case, as headlines are and
    sentences are not: every word of four letters or more is capitalized.

    >>> is_title_case_question("Does Marie Yovanovitch Have a Net Worth of $17 Million?")
    True
    >>> is_title_case_question("Remember New Jersey’s epic quest to find a state slogan?")
    False
    """
    return text.rstrip(_CLOSING_QUOTES).endswith(("?", "!")) and is_title_case(text, settings)


def is_title_case(text: str, settings: ShapeSettings = _DEFAULTS) -> bool:
    """Headline Title Case: every word of four letters or more is capitalized (two at least;
    `settings.title_case_min_*`).

    >>> is_title_case("Common Implementation Challenges and How To Overcome Them")
    True
    >>> is_title_case("After Russian forces pull back, a shattered town breathes")
    False
    >>> is_title_case("Floods Hit the Coast"), is_title_case("Floods Hit the Coast",
    ...     ShapeSettings(title_case_min_long_words=3))
    (True, False)
    """
    long_words = [w for w in words(text) if len(w) >= settings.title_case_min_letters]
    return (len(long_words) >= settings.title_case_min_long_words
            and all(w[0].isupper() for w in long_words))


def is_name_phrase(text: str, max_words: int) -> bool:
    """A few capitalized words and nothing else, like a photo caption naming a person.

    >>> is_name_phrase("Russian Foreign Minister Sergey Lavrov", 8)
    True
    >>> is_name_phrase("China says it promotes peace talks", 8)
    False
    """
    tokens = text.split()
    if not 2 <= len(tokens) <= max_words or _CLAUSE_END.search(text):
        return False
    return all(token[:1].isupper() for token in tokens)


def stopword_density(text: str, language: str | None) -> float:
    tokens = text.split()
    if not tokens:
        return 0.0
    stop = stoplist(language)
    return sum(token.lower() in stop for token in tokens) / len(tokens)
