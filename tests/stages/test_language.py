"""language: langdetect, seeded and bounded."""

from __future__ import annotations

from cleaner import clean
from cleaner.document import Block
from cleaner.stages.language import detect_language, language_sample
from tests.stages.documents import document, run_stage

FRENCH = "Les ministres se sont réunis mercredi à Pékin pour parler du commerce et de la guerre."


def test_detection_is_deterministic():
    answers = {detect_language(FRENCH * 2, 20) for _ in range(5)}
    assert answers == {"fr"}


def test_too_little_text_has_no_language():
    assert detect_language("OK 123", 20) is None
    assert clean("Hi").language is None


def test_sample_prefers_long_blocks_and_is_bounded():
    blocks = (Block("Menu", 0), Block(FRENCH, 1), Block("Home", 2), Block(FRENCH * 20, 3))
    sample = language_sample(blocks, 400)
    assert len(sample) <= 400 and "Menu" not in sample


def test_chinese_is_reported_as_iso_639_1():
    text = "外交部长周三在北京举行会谈，讨论贸易和安全问题。双方同意加强合作。" * 3
    assert clean(text).language == "zh"


def test_cjk_mixed_with_latin_names_is_never_a_latin_language():
    text = "外交部长周三在雅加达举行会谈。Jakarta Indonesia ASEAN Summit Retno Marsudi 2024"
    assert detect_language(text, 5) == "zh"


def test_each_script_gets_a_language_written_in_it():
    assert detect_language("Министр иностранных дел встретился с коллегами в Берлине.", 20) == "ru"
    assert detect_language("التقى وزير الخارجية بنظرائه في برلين يوم الاثنين.", 20) == "ar"
    assert detect_language("Ο υπουργός Εξωτερικών συναντήθηκε με τους ομολόγους του.", 20) == "el"
    assert detect_language("외교부 장관은 월요일 베를린에서 동료들을 만났다.", 5) == "ko"


def test_latin_text_is_never_given_a_language_of_another_script():
    assert detect_language("Bundesregierung beschloss am Montag neue Regeln für die Bahn.", 20) == "de"


def test_plain_english_is_told_without_langdetect(monkeypatch):
    import cleaner.fast_detector

    def no_walk(*args):
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(cleaner.fast_detector, "FastDetector", no_walk)
    assert detect_language("The council said that it would meet again in the spring.", 20,
                           english_share=0.08) == "en"


def test_english_words_in_another_language_leave_it_to_langdetect():
    german = "Die Serie The Walking Dead und Fear the Walking Dead laufen am Montag weiter."
    assert detect_language(german, 20, english_share=0.08) == "de"
    assert detect_language("The council said that it would meet again.", 20,
                           english_share=0.0) == "en"  # off: langdetect answers


def test_the_stage_sets_the_language_of_the_blocks():
    french = ("Les ministres se sont réunis mercredi à Pékin pour parler du commerce et de "
              "la sécurité.")
    assert run_stage("language", document(french, language=None)).meta.language == "fr"
