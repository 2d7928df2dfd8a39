"""The cached langdetect profiles are langdetect's own; the disk cache survives bad entries."""

from __future__ import annotations

import pytest
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from cleaner import disk_cache
from cleaner.langprofiles import load_factory


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    return tmp_path


def _reference() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def test_cached_profiles_are_langdetects(cache):
    want = _reference()
    for _ in range(2):  # built, then read back from the cache
        got = load_factory()
        assert got.langlist == want.langlist
        assert list(got.word_lang_prob_map) == list(want.word_lang_prob_map)
        assert all(got.word_lang_prob_map[w] == p for w, p in want.word_lang_prob_map.items())
    assert len(list(cache.iterdir())) == 1


def test_corrupt_or_truncated_entry_is_rebuilt(cache):
    load_factory()
    (entry,) = cache.iterdir()
    data = entry.read_bytes()
    for bad in (data[: len(data) // 2], data[:20] + b"x" * (len(data) - 20), b""):
        entry.write_bytes(bad)
        assert load_factory().langlist == _reference().langlist
        assert entry.read_bytes() == data


def test_cache_off_or_unwritable(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANER_CACHE_DIR", "off")
    assert disk_cache.cache_dir() is None
    assert disk_cache.cached_bytes("x", "k", lambda: b"abc") == b"abc"
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "sub"))
    assert disk_cache.cached_bytes("x", "k", lambda: b"abc") == b"abc"


def test_old_entries_of_the_same_name_are_pruned(cache):
    import os
    import time

    old = cache / "x-old.bin"
    old.write_bytes(b"stale")
    os.utime(old, (time.time() - 40 * 24 * 3600,) * 2)
    other = cache / "y-old.bin"
    other.write_bytes(b"kept")
    os.utime(other, (time.time() - 40 * 24 * 3600,) * 2)
    assert disk_cache.cached_bytes("x", "new", lambda: b"abc") == b"abc"
    assert not old.exists() and other.exists()
    assert disk_cache.cached_bytes("x", "new", lambda: b"other") == b"abc"


def test_a_lookup_decodes_only_the_bucket_of_its_ngram(cache):
    load_factory()  # written
    table = load_factory().word_lang_prob_map  # read back
    want = _reference().word_lang_prob_map
    word = next(iter(want))
    assert table[word] == want[word] and "no such n-gram" not in table
    assert len(table._buckets) == 2  # of the 4,096
