"""A page's UTF-8 bytes, encoded once.

Decoding checks that a page is valid Unicode by encoding it, extraction scans the bytes for
characters XML forbids, and the record's id hashes them: each encoding of a 170 kB page costs
0.3 ms. The bytes of the last large text are kept, keyed by the text object itself (no hash
of the text is needed to find them).
"""

from __future__ import annotations

_MIN_CHARS = 10_000  # shorter texts (the lines of a page) encode faster than they are kept
_last: list[tuple[str, bytes | None]] = [("", b"")]


def utf8(text: str) -> bytes | None:
    """`text` in UTF-8, or None when it holds a lone surrogate (which UTF-8 cannot encode).

    >>> utf8("Zürich"), utf8("half \\ud800")
    (b'Z\\xc3\\xbcrich', None)
    """
    last_text, last_data = _last[0]  # one read: another thread may replace the pair
    if last_text is text:
        return last_data
    try:
        data: bytes | None = text.encode("utf-8")
    except UnicodeEncodeError:
        data = None
    if len(text) >= _MIN_CHARS:
        _last[0] = (text, data)
    return data
