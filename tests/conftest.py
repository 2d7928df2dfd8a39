"""Shared fixtures: the bundled fixture cases and the seed documents."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

# The suite's caches (language profiles, the catalog) go to a folder of its own, not the
# user's ~/.cache/cleaner; worker processes inherit it.
os.environ.setdefault("CLEANER_CACHE_DIR", tempfile.mkdtemp(prefix="cleaner-test-cache-"))


@pytest.fixture
def seed_text():
    def read(name: str) -> str:
        return next(FIXTURES.glob(f"seeds/{name}*.txt")).read_text(encoding="utf-8")
    return read
