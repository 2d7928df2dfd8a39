"""The HTTP header's charset, weighed with the page's own declaration, for WARC responses.

`clean()` has no charset argument (its decode stage knows a BOM, valid UTF-8, the page's
`<meta charset>` and detection), so the batch applies the header here, before `clean()`,
and only where it changes the outcome: bytes with a BOM or that are valid UTF-8 go through
unchanged (decode takes them so whatever any header says, as for any input). Otherwise the
header's charset decodes the page, as browsers do (the transport's word beats the page's),
with one exception: a header of ISO-8859-1 or ASCII, the default servers send without
knowing, gives way to a different charset the page declares. A header that names no known
codec, or that cannot decode the bytes, is ignored and decode goes on as without it.
"""

from __future__ import annotations

import codecs
import re

# As in cleaner/stages/decode.py: <meta charset="x"> or <meta http-equiv ... charset=x>.
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
                           re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SERVER_DEFAULTS = frozenset({"iso8859_1", "ascii"})
# WHATWG: the labels iso-8859-1 and us-ascii mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859_1": "cp1252", "ascii": "cp1252"}


def apply_header_charset(data: bytes, header: str | None) -> str | bytes:
    """`data` decoded with the header's charset where that is the right reading, else `data`
    unchanged for `clean()` to decode.

    >>> apply_header_charset("мир".encode("cp1251"), "windows-1251")
    'мир'
    >>> apply_header_charset("café".encode(), "iso-8859-1")  # valid UTF-8 wins
    b'caf\\xc3\\xa9'
    """
    if not header or data.startswith(_BOMS) or _is_utf8(data):
        return data
    codec = _codec(header)
    if codec is None:
        return data
    declared = _META_CHARSET.search(data[:8192])
    page = _codec(declared.group(1).decode("ascii")) if declared else None
    if page and page != codec and codec in _SERVER_DEFAULTS:
        return data  # decode reads the page's own declaration
    return _decode(data, _WEB_ALIASES.get(codec, codec)) or _decode(data, codec) or data


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codec(label: str) -> str | None:
    """Python's canonical codec name of a charset label, or None if it names none."""
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    return info.name.replace("-", "_") if info._is_text_encoding else None  # not rot13, idna


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
