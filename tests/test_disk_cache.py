"""The cache across processes: entries are read back whole or built anew."""

from __future__ import annotations

import pytest

from cleaner.disk_cache import cached_bytes, cached_object, file_digests, key_of


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    return tmp_path


def test_an_object_is_built_once_then_read_back(cache):
    builds = []
    key = key_of("object")
    first = cached_object("thing", key, lambda: builds.append(1) or {"a": [1, 2]})
    again = cached_object("thing", key, lambda: builds.append(1) or {"a": [1, 2]})
    assert first == again == {"a": [1, 2]} and builds == [1]


def test_an_entry_that_does_not_unpickle_is_built_anew(cache):
    key = key_of("garbage")
    cached_bytes("thing", key, lambda: b"not a pickle")  # a whole entry, of other code
    assert cached_object("thing", key, lambda: "built") == "built"


def test_file_digests_change_with_the_bytes(tmp_path):
    path = tmp_path / "f.txt"
    path.write_bytes(b"one")
    before = file_digests([path])
    path.write_bytes(b"two")
    assert file_digests([str(path)]) != before and len(before[0]) == 64
    with pytest.raises(OSError):
        file_digests([tmp_path / "missing"])
