"""The atheris target (bench/fuzz_clean.py) runs without atheris, on every mode."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bench.fuzz_clean import MODES, fuzz_one

ROOT = Path(__file__).resolve().parents[2]

SEEDS = [b"", b"Share this\nThe council approved the budget.", b"<p>caf\xc3\xa9 \xff\xfe</p>",
         b"&amp;amp;lt;\x00\xed\xa0\x80", "«»Ã©".encode()]


@pytest.mark.parametrize("mode", range(len(MODES)))
@pytest.mark.parametrize("seed", SEEDS)
def test_every_mode_runs(mode, seed):
    fuzz_one(bytes([mode]) + seed)


def test_saved_inputs_replay_from_the_command_line(tmp_path):
    crash = tmp_path / "crash-1"
    crash.write_bytes(b"\x02<div>" * 50)
    run = subprocess.run([sys.executable, "bench/fuzz_clean.py", str(crash)], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stdout == f"{crash}: ok\n", run.stderr
