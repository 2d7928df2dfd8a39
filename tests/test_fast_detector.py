"""FastDetector prepares text, cuts n-grams and ranks languages as langdetect's Detector."""

from __future__ import annotations

import random

from langdetect.detector import Detector

from cleaner.fast_detector import FastDetector
from cleaner.stages.language import _factory

SAMPLES = [
    "The council approved the budget on Monday after a long debate. NASA and the EU said",
    "Le conseil a approuvé le budget lundi après un long débat à l'hôtel de ville.",
    "Der Stadtrat hat am Montag den Haushalt beschlossen, nach langer Debatte über Straßen.",
    "Совет одобрил бюджет в понедельник после долгих дебатов. ООН и США заявили",
    "外交部长周三在北京举行会谈，讨论贸易和安全问题。 Indonesia Jakarta",
    "東京で会議が開かれた。カタカナとひらがな、そして漢字。",
    "서울에서 회의가 열렸다. 한국어 문장입니다.",
    "Hội đồng đã thông qua ngân sách vào thứ Hai sau một cuộc tranh luận dài. Tiếng Việt",
    ("مجلس المدينة وافق على الميزانية یک یی — “quoted” ‘text’ … http://example.com/a?b=c "
    "mail me@example.org  now   please"),
    "ALL CAPS WORDS HERE and MiXeD CaSe ȘȚ șț ß ÆØÅ æøå   double  spaces",
    "",
    "   ",
]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(7)
    pool = "".join(SAMPLES) + "ÀÉÎÕÜàéîõü\u0301\u0303 -.,;:!?0123456789\u2019\u00a0"
    return ["".join(rng.choice(pool) for _ in range(rng.randint(1, 300))) for _ in range(n)]


def _run(cls, text: str, trials: int = 1):
    detector = cls(_factory())
    detector.n_trial = 1
    detector.append(text)
    detector.cleaning_text()
    ngrams = detector._extract_ngrams()
    probs = None
    if ngrams:
        fresh = cls(_factory())
        fresh.n_trial = trials
        fresh.append(text)
        probs = [(p.lang, p.prob) for p in fresh.get_probabilities()]
    return detector.text, ngrams, probs


def test_fast_detector_is_langdetects():
    for text in SAMPLES + _random_texts(300):
        assert _run(FastDetector, text) == _run(Detector, text), text


def test_fast_detector_ranks_as_langdetect_over_several_trials():
    for text in SAMPLES:
        assert _run(FastDetector, text, 7) == _run(Detector, text, 7), text
