"""Shared fixtures of the batch tests. Worker processes import `tests.batch.helpers`
(functions a test hands to a process pool) from the repository root, which pytest puts on
`sys.path` (`pythonpath` in pyproject.toml)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cleaner.cli import main


@pytest.fixture
def cli():
    """Invoke `cleaner ARGS...` in this process; returns click's Result."""
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke


@pytest.fixture(scope="session")
def fast_config(tmp_path_factory):
    """A config without the rule catalog: worker processes start in about a second, for tests
    of the pool itself rather than of cleaning."""
    path = tmp_path_factory.mktemp("config") / "fast.toml"
    path.write_text("[rules]\nbuiltin = false\n")
    return path
