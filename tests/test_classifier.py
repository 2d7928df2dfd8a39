"""The classifier's copy of justext's context-free classification gives justext's classes."""

from __future__ import annotations

import random

from justext.core import classify_paragraphs

from cleaner.config import Config
from cleaner.text.words import stoplist

_WORDS = ("the", "of", "and", "council", "budget", "Monday", "©", "&copy;", "vote", "a",
          "Menu", "HOME", "is", "it", "in", "news", "2024", "—", "to", "that", "was",
          "for", "on", "with", "he", "she", "they", "have")


def _texts(n: int) -> list[str]:
    rng = random.Random(13)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 120))) for _ in range(n)]


def test_context_free_class_is_justexts():
    from cleaner.classifier import TextParagraph, context_free_class

    settings, stop = Config().chrome, stoplist("en")
    texts = _texts(400)
    paragraphs = [TextParagraph(t, i % 5 == 0) for i, t in enumerate(texts)]
    classify_paragraphs(paragraphs, stop, length_low=settings.length_low,
                        length_high=settings.length_high, stopwords_low=settings.stopwords_low,
                        stopwords_high=settings.stopwords_high)
    ours = [context_free_class(TextParagraph(t, i % 5 == 0), stop, settings)
            for i, t in enumerate(texts)]
    assert ours == [p.cf_class for p in paragraphs]
    assert len(set(ours)) == 4
