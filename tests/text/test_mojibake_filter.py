"""The mojibake pre-filter's tables, cached across processes, are the ones ftfy gives."""

from __future__ import annotations

from cleaner.text import mojibake_filter
from cleaner.text.mojibake_filter import MojibakeFilter, build_tables


def _tables_read_anew() -> mojibake_filter.MojibakeTables:
    mojibake_filter.tables.cache_clear()
    try:
        return mojibake_filter.tables()
    finally:
        mojibake_filter.tables.cache_clear()


def test_cached_tables_equal_built_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    want = build_tables()
    assert _tables_read_anew() == want  # built and written
    (entry,) = tmp_path.glob("mojibake-tables-*")
    assert _tables_read_anew() == want  # read back
    entry.write_bytes(entry.read_bytes()[:100])  # truncated: built anew
    assert _tables_read_anew() == want


def test_tables_without_a_cache_are_built(monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", "off")
    assert _tables_read_anew() == build_tables()


def test_the_filter_passes_mojibake_and_ligatures_not_accents():
    check = MojibakeFilter(build_tables())
    assert check.passes("CafÃ© au lait") and check.passes("a ﬁne day")
    assert check.passes("â€œquotedâ€\x9d")
    assert not check.passes("Café “au lait” à Zürich, naïve — 5 €")
