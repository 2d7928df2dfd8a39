"""Every input of the hostile corpus ends as a record or a documented CleanerError, within
20 s and 1.5 GB (RLIMIT_AS), each in a process of its own (see measure.py). Heavy cases run
only with CI=true: they take seconds each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cleaner import errors
from tests.hostile.corpus import CASES

ROOT = Path(__file__).resolve().parents[2]
CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
RUN = [case for case in CASES if CI or not case.heavy]
SECONDS = 20
PEAK_MB = 1536
DOCUMENTED_ERRORS = {name for name, value in vars(errors).items()
                     if isinstance(value, type) and issubclass(value, errors.CleanerError)}


@pytest.fixture(scope="module")
def rows() -> dict[str, dict]:
    """Each case's row from one run of the corpus, two or more cases at a time."""
    jobs = str(max(2, os.cpu_count() or 1))
    run = subprocess.run([sys.executable, "-m", "tests.hostile.measure", "--jobs", jobs,
                          *(case.name for case in RUN)],
                         check=False, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    return {row["name"]: row for row in map(json.loads, run.stdout.splitlines())}


def test_the_corpus_has_at_least_25_distinct_inputs():
    names = [case.name for case in CASES]
    assert len(names) >= 25 and len(set(names)) == len(names)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_a_hostile_input_ends_in_time_and_memory(rows, case):
    if case not in RUN:
        pytest.skip("a heavy case: runs with CI=true")
    row = rows[case.name]
    assert row["outcome"] in DOCUMENTED_ERRORS | {"record"}, row
    assert row["seconds"] < SECONDS and row["peak_mb"] < PEAK_MB, row
    assert "memory" not in row["message"].lower(), row  # a MemoryError became an InputError
    if case.expect == "record":
        assert row["outcome"] == "record", row
    else:
        assert case.expect in row["message"], row
