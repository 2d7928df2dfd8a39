"""A hard-wrapped paragraph in the HTML source is one block; <br> breaks and <pre> stay."""

from __future__ import annotations

from cleaner import clean

FILLER = ("<p>Noch ein Absatz mit etwas mehr Text, damit die Extraktion ihn behält und nicht "
          "verwirft, weil er lang genug ist.</p>")


def page(body: str) -> str:
    return f"<html><body><article><h1>Titel</h1>{body}{FILLER}</article></body></html>"


def test_source_lines_of_one_paragraph_join():
    wrapped = ("<div>Die Bundesregierung hat am Montag neue Regeln\nfür den Bahnverkehr "
               "beschlossen, die ab Juni\n   gelten sollen.</div>")
    text = clean(page(wrapped), content_type="html").text
    assert ("Die Bundesregierung hat am Montag neue Regeln für den Bahnverkehr beschlossen, "
            "die ab Juni gelten sollen.") in text.split("\n\n")


def test_br_line_breaks_stay():
    poem = "<p>Über allen Gipfeln<br>ist Ruh,<br/>in allen Wipfeln</p>"
    blocks = clean(page(poem), content_type="html").text.split("\n\n")
    assert "ist Ruh," in blocks and "in allen Wipfeln" in blocks


def test_newlines_at_the_ends_of_a_text_stay():
    import lxml.html

    from cleaner.html_text import unwrap_source_lines

    tree = lxml.html.fromstring("<div>\n  Size guide\n<p>Fits\nmattresses</p>tail\n</div>")
    unwrap_source_lines(tree)
    assert lxml.html.tostring(tree, encoding="unicode") == (
        "<div>\n  Size guide\n<p>Fits mattresses</p>tail\n</div>")
