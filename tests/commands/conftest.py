"""Shared fixtures for the command tests: a CLI runner and a scratch copy of the seed fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "fixtures" / "seeds"
# A real line of seed 001's body, and a user rule that removes it.
REMOVED_LINE = ("The Western countries have strongly condemned Russia’s attack on Ukraine calling it "
                "an invasion and imposed harsh sanctions on Russia.")
USER_RULES = """\
- id: local.western-condemned
  description: Removes one real line of seed 001, to show what check reports.
  rationale: A rule change that alters a fixture must fail the check.
  scope: prefix
  phrases: ["The Western countries have strongly condemned"]
  examples:
    remove: ["The Western countries have strongly condemned the attack."]
    keep: ["Western countries condemned the attack."]
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def seed_001() -> Path:
    return SEEDS / "001_3869faae79cba2c9.txt"


@pytest.fixture
def removed_line() -> str:
    """The line of seed 001 that the rule of `user_config` removes."""
    return REMOVED_LINE


@pytest.fixture
def seeds(tmp_path: Path, runner: CliRunner) -> Path:
    """A scratch copy of fixtures/seeds, brought up to date with today's rules.

    These tests are about the commands, not about whether the real seeds are current
    (`cleaner check fixtures/` in `make test` is), so the copy starts out passing.
    """
    from cleaner.cli import main

    target = tmp_path / "fixtures" / "seeds"
    shutil.copytree(SEEDS, target)
    synced = runner.invoke(main, ["check", str(target), "--update"])
    assert synced.exit_code == 0, synced.output
    return target


@pytest.fixture
def user_config(tmp_path: Path) -> Path:
    """A cleaner.toml whose `[rules] extra` adds the user rule `local.western-condemned`."""
    (tmp_path / "my-rules.yaml").write_text(USER_RULES, encoding="utf-8")
    config = tmp_path / "cleaner.toml"
    config.write_text('[rules]\nextra = ["my-rules.yaml"]\n', encoding="utf-8")
    return config
