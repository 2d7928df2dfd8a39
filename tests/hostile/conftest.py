"""The repository root goes on sys.path, so that `python -m tests.hostile.measure` (run by
the corpus test) and these tests import the corpus the same way."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
