"""The `cleaner` command group: lazily loaded families, and a light import for `cleaner run`."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

import cleaner
from cleaner.cli import COMMAND_FAMILIES, main


@pytest.mark.parametrize("name", sorted(COMMAND_FAMILIES))
def test_each_command_is_found_in_its_family(name):
    command = main.get_command(click.Context(main), name)
    assert command is not None and command.name == name


def test_help_lists_every_command():
    assert set(main.list_commands(click.Context(main))) == set(COMMAND_FAMILIES)


def test_an_unknown_command_is_a_usage_error():
    assert main.get_command(click.Context(main), "nope") is None


def test_run_command_imports_no_pipeline_before_its_workers_start():
    """`cleaner run` starts the workers' forkserver first, so its own imports must be light."""
    code = ("import sys, cleaner.cli, cleaner.commands.batch; "
            "print(sorted(m for m in ('cleaner.pipeline', 'cleaner.api', 'trafilatura', "
            "'cleaner.batch.runner') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_package_names_load_on_first_use():
    from cleaner.api import clean

    assert cleaner.clean is clean
    assert {"clean", "Config", "ArticleRecord"} <= set(dir(cleaner))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        cleaner.nope  # noqa: B018
