"""decode: charsets and the html/text decision."""

from __future__ import annotations

import pytest

from cleaner.document import Document
from cleaner.errors import DecodeError, InputError
from cleaner.stages.decode import decode_bytes, looks_like_html
from tests.stages.documents import run_stage


@pytest.mark.parametrize("text", [
    "<!doctype html><title>x</title>",
    "  <html lang='en'><body>Hi</body></html>",
    "<!-- saved page --><div class='story'>text</div>",
    "junk before " + "<p>para</p><br><a href='/x'>link</a>" * 5,
])
def test_markup_is_html(text):
    assert looks_like_html(text)


@pytest.mark.parametrize("text", [
    "Use the <p> tag for paragraphs and </p> to close them.",
    "The CEO said x < y and y > z in the 2022 results.",
    "Journalists wrote <b>bold</b> claims, the report said.",
])
def test_prose_mentioning_tags_is_text(text):
    assert not looks_like_html(text)


def test_utf8_wins_over_a_wrong_declaration():
    html = '<meta charset="iso-8859-1"><p>Café “quoted”</p>'.encode()
    assert "Café “quoted”" in decode_bytes(html)


def test_declared_charset_is_used_when_bytes_are_not_utf8():
    html = '<meta charset="windows-1251"><p>Привет, мир</p>'.encode("cp1251")
    assert "Привет, мир" in decode_bytes(html)


def test_undeclared_legacy_bytes_are_detected():
    text = "Le café est très apprécié des élèves, à Genève comme à Zürich. " * 5
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("bom, encoding", [
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_byte_order_marks(bom, encoding):
    assert decode_bytes(bom + "Zoë’s story".encode(encoding)) == "Zoë’s story"


def test_binary_input_is_a_decode_error():
    with pytest.raises(DecodeError):
        decode_bytes(b"\x00\x01\x02\xff" * 100)


@pytest.mark.parametrize("text", ["à Paris", "n° 5", "Perché è così", "Ação e coração",
                                  "Über die Brücke", "¿Qué tal, señor?", "Prix : 12 €"])
def test_short_western_european_input_keeps_its_accents(text):
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize(("text", "encoding"), [
    ("Привет, как дела?", "cp1251"), ("Καλημέρα κόσμε", "cp1253"), ("Zażółć gęślą jaźń", "cp1250"),
])
def test_short_input_of_other_code_pages_is_not_read_as_western(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text


def test_the_stage_decodes_bytes_and_tells_html_from_text():
    doc = run_stage("decode", Document(source="café <p>x</p>".encode("cp1252")))
    assert (doc.text, doc.content_type) == ("café <p>x</p>", "text")
    page = "<html><body><p>Hi</p></body></html>"
    assert run_stage("decode", Document(source=page)).content_type == "html"


RUSSIAN = "Привет мир, всё хорошо сегодня"


@pytest.mark.parametrize(("data", "charset", "expected"), [
    # a short Cyrillic text that detection alone cannot tell from Western European
    (RUSSIAN.encode("cp1251"), "windows-1251", RUSSIAN),
    (RUSSIAN.encode("koi8-r"), "KOI8-R", RUSSIAN),
    # the transport's word beats the page's own
    (f'<meta charset="koi8-r"><p>{RUSSIAN}</p>'.encode("cp1251"), "windows-1251",
     f'<meta charset="koi8-r"><p>{RUSSIAN}</p>'),
    # ... unless it is ISO-8859-1, the default servers send without knowing
    (f'<meta charset="windows-1251"><p>{RUSSIAN}</p>'.encode("cp1251"), "iso-8859-1",
     f'<meta charset="windows-1251"><p>{RUSSIAN}</p>'),
    # valid UTF-8 and a BOM win over any declaration
    ("Café “quoted”".encode(), "iso-8859-1", "Café “quoted”"),
    ("\ufeffZoë".encode("utf-8"), "windows-1251", "Zoë"),
    # ISO-8859-1 as the web reads it: windows-1252 (curly quotes in 0x80-0x9f)
    ("“quoted” à Paris".encode("cp1252"), "ISO-8859-1", "“quoted” à Paris"),
])
def test_a_declared_charset_is_used_before_sniffing(data, charset, expected):
    assert decode_bytes(data, charset=charset) == expected


@pytest.mark.parametrize("charset", ["x-made-up", "rot13", "shift_jis"])
def test_an_unusable_declared_charset_is_ignored(charset):
    text = "Le café est très apprécié des élèves, à Genève comme à Zürich. " * 5
    assert decode_bytes(text.encode("cp1252"), charset=charset) == text


def test_clean_takes_a_declared_charset():
    from cleaner import clean

    html = f"<html><body><article><p>{RUSSIAN}. {RUSSIAN}.</p></article></body></html>"
    record = clean(html.encode("cp1251"), content_type="html", charset="windows-1251")
    assert RUSSIAN in record.text
    with pytest.raises(InputError):
        clean(b"x", charset=1251)
