"""The HTTP header's charset, weighed with the page's own declaration (WARC responses)."""

from __future__ import annotations

import codecs

import pytest

from cleaner.batch.io.charset import apply_header_charset

RUSSIAN = "<html><body><p>Привет мир, всё хорошо</p></body></html>"


def with_meta(charset: str) -> str:
    return RUSSIAN.replace("<body>", f'<head><meta charset="{charset}"></head><body>')


@pytest.mark.parametrize(("data", "header", "expected"), [
    # the header decodes a page that does not say its charset
    (RUSSIAN.encode("cp1251"), "windows-1251", RUSSIAN),
    # the header beats the page's own word, as in browsers
    (with_meta("koi8-r").encode("cp1251"), "windows-1251", with_meta("koi8-r")),
    # ... unless it is the default servers send without knowing: the page's word is read
    # by decode, so the bytes go through unchanged
    (with_meta("windows-1251").encode("cp1251"), "ISO-8859-1",
     with_meta("windows-1251").encode("cp1251")),
    # valid UTF-8 and a BOM win over any header, as in decode
    (RUSSIAN.encode(), "windows-1251", RUSSIAN.encode()),
    (codecs.BOM_UTF8 + RUSSIAN.encode(), "iso-8859-1", codecs.BOM_UTF8 + RUSSIAN.encode()),
    # a header that names no text codec, or cannot decode the bytes, is ignored
    (RUSSIAN.encode("cp1251"), "x-made-up", RUSSIAN.encode("cp1251")),
    (RUSSIAN.encode("cp1251"), "rot13", RUSSIAN.encode("cp1251")),
    (RUSSIAN.encode("cp1251"), "shift_jis", RUSSIAN.encode("cp1251")),
    # ISO-8859-1 as the web reads it: windows-1252 (curly quotes in 0x80-0x9f)
    ("“quoted”".encode("cp1252"), "iso-8859-1", "“quoted”"),
])
def test_header_charset(data, header, expected):
    assert apply_header_charset(data, header) == expected
