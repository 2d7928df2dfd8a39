"""Shared fixtures: paths to the bundled fixture cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def fixture_cases() -> list[Path]:
    """Every input file under fixtures/ that has an expected body beside it."""
    return sorted(p for p in FIXTURES.rglob("*")
                  if p.suffix in (".txt", ".html") and "expected" not in p.parts
                  and (p.parent / "expected" / f"{p.stem}.body.txt").is_file())


def expected_of(case: Path) -> tuple[str, dict]:
    folder = case.parent / "expected"
    body = (folder / f"{case.stem}.body.txt").read_text(encoding="utf-8")
    meta_file = folder / f"{case.stem}.meta.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    return body, meta


@pytest.fixture
def seed_text():
    def read(name: str) -> str:
        return next(FIXTURES.glob(f"seeds/{name}*.txt")).read_text(encoding="utf-8")
    return read
