"""justext's paragraph model applied to text blocks (no HTML needed).

justext classifies a paragraph by its length and stopword density. Its functions only need
objects that look like its `Paragraph`; `TextParagraph` is that, for a line of text.
Headlines are told apart by shape, since text has no `<h1>`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.stages.chrome_settings import ChromeSettings
from cleaner.text.shape import is_headline_like
from cleaner.text.words import stoplist


class TextParagraph:
    """The part of justext's `Paragraph` interface that its classifier reads."""

    __slots__ = (
        "_tokens",
        "cf_class",
        "chars_count_in_links",
        "dom_path",
        "heading",
        "text",
        "words_count",
    )

    def __init__(self, text: str, heading: bool) -> None:
        self.text = text
        self.dom_path = "h2" if heading else "p"
        self.chars_count_in_links = 0
        self.cf_class = ""
        self.heading = heading
        self._tokens = text.split()
        self.words_count = len(self._tokens)

    @property
    def is_heading(self) -> bool:
        return self.heading

    def __len__(self) -> int:
        return len(self.text)

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        if not self._tokens:
            return 0.0
        return sum(t.lower() in stopwords for t in self._tokens) / len(self._tokens)

    def links_density(self) -> float:
        return 0.0


def classify_blocks(texts: Sequence[str], language: str | None,
                    settings: ChromeSettings) -> list[str] | None:
    """justext's context-free class of each text ("good", "neargood", "short" or "bad"),
    or None without a stoplist.

    justext's neighbour revision is left out: it is quadratic on long runs of short lines,
    and the story span (see the chrome stage) judges blocks by their neighbours instead.
    """
    stop = stoplist(language)
    if not stop:
        return None
    paragraphs = [TextParagraph(t, is_headline_like(t, settings.headline_max_words)) for t in texts]
    return [context_free_class(p, stop, settings) for p in paragraphs]


def context_free_class(paragraph: TextParagraph, stop: frozenset[str],
                       settings: ChromeSettings) -> str:
    """justext's `classify_paragraphs` (3.0.2) for one paragraph of text, which has no links
    and no `select` in its path; written out so that text mode never imports justext (and
    lxml with it). tests/test_classifier.py compares the two."""
    length = len(paragraph)
    density = paragraph.stopwords_density(stop)
    if "\xa9" in paragraph.text or "&copy" in paragraph.text:
        return "bad"
    if length < settings.length_low:
        return "short"
    if density >= settings.stopwords_high:
        return "good" if length > settings.length_high else "neargood"
    return "neargood" if density >= settings.stopwords_low else "bad"


def describe(text: str, language: str | None) -> str:
    """Why the classifier judged a block as it did, for the edit log."""
    tokens = text.split()
    stop = stoplist(language)
    density = sum(t.lower() in stop for t in tokens) / len(tokens) if tokens else 0.0
    return f"{len(text)} chars, {len(tokens)} words, stopword density {density:.2f}"
