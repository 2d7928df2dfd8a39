"""The HTTP header's charset, weighed with the page's own declaration, for WARC responses.

The batch hands the header's charset (`SourceItem.charset`) to `clean(..., charset=...)`,
whose decode stage weighs it (`cleaner.stages.decode.decode_declared`): bytes with a BOM or
that are valid UTF-8 are read so whatever any header says. Otherwise the header's charset
decodes the page, as browsers do (the transport's word beats the page's), with one
exception: a header of ISO-8859-1 or ASCII, the default servers send without knowing, gives
way to a different charset the page declares. A header that names no known codec, or that
cannot decode the bytes, is ignored and decode goes on as without it.
"""

from __future__ import annotations

import codecs

from cleaner.stages.decode import decode_declared

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def apply_header_charset(data: bytes, header: str | None) -> str | bytes:
    """`data` as `clean(data, charset=header)` reads it when the header decides, else
    `data` unchanged (for the rest of decode).

    >>> apply_header_charset("мир".encode("cp1251"), "windows-1251")
    'мир'
    >>> apply_header_charset("café".encode(), "iso-8859-1")  # valid UTF-8 wins
    b'caf\\xc3\\xa9'
    """
    if not header or data.startswith(_BOMS) or _is_utf8(data):
        return data
    text = decode_declared(data, header)
    return data if text is None else text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
