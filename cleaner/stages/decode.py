"""decode: bytes to str, and "auto" content type resolved to "html" or "text"."""

from __future__ import annotations

import codecs
import re

from pydantic import Field

from cleaner.document import Document
from cleaner.errors import DecodeError, InputError
from cleaner.settings import Settings
from cleaner.stages.base import Facet, Stage, register
from cleaner.text.repair import replace_lone_surrogates

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# <meta charset="x"> or <meta http-equiv="Content-Type" content="text/html; charset=x">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""",
                           re.IGNORECASE)
# A document that starts like an HTML page. A comment's body cannot contain "-->", so there
# is one way to split leading comments: with `.*?` a failed match tried every way to group
# them (thirty comments took minutes).
_HTML_START = re.compile(
    r"\A\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|table)\b",
    re.IGNORECASE)
# Real markup: an opening or closing tag of a common structural element.
_TAG = re.compile(r"</?(?:p|div|br|span|a|li|ul|td|tr|h[1-6]|img|section|article|script|style|meta|link)\b[^<>]{0,500}>",
                  re.IGNORECASE)
_PREFERRED_ON_TIE = ("utf_8", "cp1252", "latin_1")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# What Western European text holds beyond ASCII, decoded as windows-1252: letters of the
# Latin-1 supplement and Latin Extended-A, and the typography and symbols of those languages.
_WESTERN_SYMBOLS = frozenset("°€£¥§©®«»‹›‘’‚“”„–—…·•¡¿ªº\xa0")
_LETTER_RUN = re.compile(r"[^\x00-\x7f\W\d_]{3,}")
# Declared charsets: the ones servers send by default, and WHATWG's reading of them (the
# labels iso-8859-1 and us-ascii mean windows-1252 on the web).
_SERVER_DEFAULTS = frozenset({"iso8859_1", "ascii"})
_WEB_ALIASES = {"iso8859_1": "cp1252", "ascii": "cp1252"}


class DecodeSettings(Settings):
    """`[decode]`: how bytes become text, and when text given as "auto" is a page of markup."""

    # The codec of bytes that no BOM, valid UTF-8, declaration or detection decodes.
    fallback_encoding: str = "utf-8"
    # Bytes with more than one NUL in this many are binary, not text or HTML (UTF-16 without
    # a BOM has one in two; text has none).
    binary_nul_one_in: int = Field(10, ge=1)
    # How far into bytes the page's own `<meta charset>` is looked for (HTML wants it in the
    # first 1024 bytes; pages put long scripts and comments before it).
    meta_charset_bytes: int = Field(8192, ge=0)
    # Up to this many bytes, charset detection has too little to go on ("n° 5" came out as
    # UTF-16, "Perché è così" as Urdu cp1006): Western European text is tried first.
    short_input_bytes: int = Field(4096, ge=0)
    # `content_type="auto"`: text is a page of markup when it starts like one, or when its
    # first `html_sniff_chars` hold at least `html_min_tags` common tags and at most
    # `html_text_per_tag_char` characters per character of those tags (prose that mentions
    # `<p>` has a few tags in much text; tests/stages/test_decode.py has both kinds).
    html_sniff_chars: int = Field(200_000, ge=1)
    html_min_tags: int = Field(8, ge=1)
    html_text_per_tag_char: int = Field(20, ge=1)


_DEFAULTS = DecodeSettings()


def looks_like_html(text: str, settings: DecodeSettings = _DEFAULTS) -> bool:
    """True for a page of markup, False for prose that merely mentions a tag.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Wrap the caption in a <p> tag, then close it with </p>.")
    False
    """
    if _HTML_START.match(text):
        return True
    head = text[:settings.html_sniff_chars]
    tags = _TAG.findall(head)
    return (len(tags) >= settings.html_min_tags
            and sum(map(len, tags)) * settings.html_text_per_tag_char >= len(head))


def decode_bytes(data: bytes, charset: str | None = None,
                 settings: DecodeSettings = _DEFAULTS) -> str:
    """Decode with a BOM, else UTF-8 if valid, else the charset the caller declares (an HTTP
    header's, a WARC record's: `decode_declared`), else the page's own `<meta charset>`,
    else detection.

    Valid UTF-8 wins over any declaration: a page that says latin-1 but is UTF-8 would
    otherwise become mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset and (text := decode_declared(data, charset, settings)) is not None:
        return text
    declared = _META_CHARSET.search(data[:settings.meta_charset_bytes])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeError):  # unknown, or a codec such as idna that fails
            pass
    if data.count(b"\x00") > len(data) // settings.binary_nul_one_in:
        raise DecodeError("input looks binary (many NUL bytes), not text or HTML")
    if len(data) <= settings.short_input_bytes and (western := decode_western(data)) is not None:
        return western
    best = detect_charset(data)
    if best is None:
        try:
            return data.decode(settings.fallback_encoding)
        except (LookupError, UnicodeDecodeError):
            raise DecodeError("no charset decodes this input") from None
    return data.decode(best, errors="replace")


def decode_declared(data: bytes, charset: str,
                    settings: DecodeSettings = _DEFAULTS) -> str | None:
    """`data` decoded with the charset the transport declares, as browsers do: the
    transport's word beats the page's, with one exception: ISO-8859-1 or ASCII, the default
    servers send without knowing, gives way to a different charset the page declares. None
    when the page's word is to be read, or the charset names no text codec or cannot decode
    the bytes.

    >>> decode_declared("мир".encode("cp1251"), "windows-1251")
    'мир'
    >>> decode_declared("“quoted”".encode("cp1252"), "ISO-8859-1")  # as the web reads it
    '“quoted”'
    >>> decode_declared("<meta charset=koi8-r>мир".encode("koi8-r"), "iso-8859-1") is None
    True
    """
    codec = charset_codec(charset)
    if codec is None:
        return None
    declared = _META_CHARSET.search(data[:settings.meta_charset_bytes])
    page = charset_codec(declared.group(1).decode("ascii")) if declared else None
    if page and page != codec and codec in _SERVER_DEFAULTS:
        return None
    for name in dict.fromkeys((_WEB_ALIASES.get(codec, codec), codec)):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def charset_codec(label: str) -> str | None:
    """Python's canonical codec name of a charset label, or None if it names no text codec.

    >>> charset_codec(" UTF8 "), charset_codec("latin-1"), charset_codec("rot13")
    ('utf_8', 'iso8859_1', None)
    """
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    return info.name.replace("-", "_") if info._is_text_encoding else None  # not rot13, idna


def decode_western(data: bytes) -> str | None:
    """`data` as windows-1252 when it reads as Western European text: every non-ASCII
    character a letter or one of the symbols of those languages, and no run of three
    non-ASCII letters (Cyrillic or Greek read as windows-1252 is all such runs: "Ïðèâåò").

    >>> decode_western("à Paris, n° 5".encode("cp1252"))
    'à Paris, n° 5'
    >>> decode_western("Привет, мир".encode("cp1251")) is None
    True
    >>> decode_western("Zażółć gęślą".encode("cp1250")) is None
    True
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(not (c.isalpha() or c in _WESTERN_SYMBOLS) for c in _NON_ASCII.findall(text)):
        return None
    return None if _LETTER_RUN.search(text) else text


def detect_charset(data: bytes) -> str | None:
    """charset-normalizer's guess; among equally good guesses, windows-1252 wins, the
    web's default for undeclared legacy pages (WHATWG), since Latin code pages often tie."""
    import charset_normalizer  # only for bytes that are not UTF-8 and declare no charset

    # The first MB is enough to tell a page's charset, and bounds the time on a large input.
    results = list(charset_normalizer.from_bytes(data[:1_000_000]))
    if not results:
        return None
    best = results[0]
    tied = [r.encoding for r in results
            if (r.chaos, r.coherence) == (best.chaos, best.coherence)]
    return next((enc for enc in _PREFERRED_ON_TIE if enc in tied), best.encoding)


@register
class Decode(Stage):
    name = "decode"
    provides = frozenset({Facet.TEXT})
    settings_model = DecodeSettings

    def __call__(self, doc: Document) -> Document:
        source = doc.source
        limit = self.config.limits.max_input_bytes
        if not isinstance(source, (str, bytes)):
            raise InputError(f"source must be str or bytes, not {type(source).__name__}")
        if len(source) > limit:
            raise InputError(f"input of {len(source):,} bytes is over the limit of {limit:,} "
                             "(limits.max_input_bytes)")
        # A str may hold surrogates (from surrogateescape, or JSON "\ud800"): valid text
        # has none, and RE2 and JSON refuse them.
        text = replace_lone_surrogates(source) if isinstance(source, str) else decode_bytes(
            source, doc.charset, self.settings)
        content_type = doc.content_type
        if content_type == "auto":
            content_type = "html" if looks_like_html(text, self.settings) else "text"
        return doc.evolve(text=text, content_type=content_type)
