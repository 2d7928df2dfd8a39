"""Fuzz `clean()` and `fix_text()` with atheris (libFuzzer for Python).

Any exception other than a `CleanerError` is a bug, and so is a `fix_text` that is not
idempotent; libFuzzer also reports an input that takes over `-timeout` seconds or
`-rss_limit_mb` of memory. The first byte of an input picks what runs on the rest: `clean()`
of the bytes (charset detection), of the text as text or as HTML, or `fix_text()`. Text is
decoded with surrogateescape, so invalid UTF-8 reaches the pipeline as lone surrogates.

    pip install atheris
    python bench/fuzz_clean.py -max_len=4096 -timeout=20 -rss_limit_mb=1536 fuzz-corpus/

Without atheris, `python bench/fuzz_clean.py FILE...` replays saved inputs (crash-*) once.
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    import atheris
except ImportError:  # replaying saved inputs needs no fuzzer
    atheris = None

if atheris is not None:
    with atheris.instrument_imports():
        from cleaner import CleanerError, clean, fix_text
else:
    from cleaner import CleanerError, clean, fix_text

MODES = ("bytes", "text", "html", "fix_text")


def fuzz_one(data: bytes) -> None:
    """Run one input; only a CleanerError may come out."""
    if not data:
        return
    mode, body = MODES[data[0] % len(MODES)], data[1:]
    text = body.decode("utf-8", "surrogateescape")
    try:
        if mode == "bytes":
            clean(body)
        elif mode in ("text", "html"):
            clean(text, content_type=mode)
        else:
            fixed = fix_text(text)
            assert fix_text(fixed) == fixed, f"fix_text is not idempotent on {text!r}"
    except CleanerError:
        pass


def main(argv: list[str]) -> None:
    if atheris is not None:
        atheris.Setup(argv, fuzz_one)
        atheris.Fuzz()
    for name in argv[1:]:
        fuzz_one(Path(name).read_bytes())
        print(f"{name}: ok")


if __name__ == "__main__":
    main(sys.argv)
