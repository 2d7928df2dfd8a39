"""Pure text functions: fixes, word features, shapes and dates."""


def clear_caches() -> None:
    """Forget memoized per-line features (benchmarks call this to time cold documents)."""
    from cleaner.text import shape, words

    shape.is_prose.cache_clear()
    words.content_stems.cache_clear()
