"""utf8: a page's bytes, encoded once and kept for the next stage that asks."""

from __future__ import annotations

from cleaner.text.utf8 import utf8


def test_a_large_text_is_encoded_once():
    page = "Zürich " * 2_000
    assert utf8(page) is utf8(page)
    assert utf8(page) == page.encode("utf-8")


def test_an_equal_but_other_text_gets_its_own_bytes():
    page = "Zürich " * 2_000
    twin = "".join(["Zürich "] * 2_000)
    assert utf8(page) == utf8(twin) and twin is not page


def test_short_texts_do_not_replace_the_kept_page():
    page = "Genève " * 2_000
    kept = utf8(page)
    utf8("a line of the page")
    assert utf8(page) is kept


def test_a_lone_surrogate_has_no_utf8():
    assert utf8("half \ud800 " * 2_000) is None
