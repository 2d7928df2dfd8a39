"""Shared fixtures: the bundled fixture cases and the seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seed_text():
    def read(name: str) -> str:
        return next(FIXTURES.glob(f"seeds/{name}*.txt")).read_text(encoding="utf-8")
    return read
