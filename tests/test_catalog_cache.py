"""The catalog's validated rules, cached across processes, are what validation makes."""

from __future__ import annotations

import shutil

import pytest

from cleaner import catalog
from cleaner.errors import RuleError


def test_cached_sources_equal_validated_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    files = tuple(str(f) for f in catalog.builtin_rule_files())
    want = catalog._validated_sources(files)
    assert catalog._sources(files) == want  # built and written
    (entry,) = tmp_path.glob("catalog-*")
    assert catalog._sources(files) == want  # read back
    entry.write_bytes(entry.read_bytes()[:100])  # truncated: validated anew
    assert catalog._sources(files) == want


def test_an_edited_rule_file_is_validated_again(tmp_path, monkeypatch):
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    source = catalog.builtin_rule_files()[0]
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    assert catalog._sources((str(copy),))[0][1] == catalog.load_rule_file(source)
    copy.write_text("- id: broken\n  pattern: '('\n", encoding="utf-8")
    with pytest.raises(RuleError):
        catalog._sources((str(copy),))
