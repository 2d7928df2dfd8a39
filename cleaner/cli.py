"""The `cleaner` command. Exit codes: 0 ok, 1 findings or diffs, 2 usage or input error.

Errors are one line on stderr, never a traceback: a `CleanerError` becomes exit code 2.
Sub-commands live in `cleaner.commands`, one module per family, imported when one of their
commands runs: `cleaner run` starts its workers before it imports the pipeline.
"""

from __future__ import annotations

import importlib

import click

from cleaner.errors import CleanerError

# The family module (in `cleaner.commands`) of each command; its `register(group)` adds them.
COMMAND_FAMILIES = {"check": "ci", "clean": "clean", "compare": "ci", "diff": "ci",
                    "schema": "ci", "snapshot": "ci", "rules": "rules", "run": "batch"}


class CleanerGroup(click.Group):
    """Loads each family of commands on first use, and turns `CleanerError` from any command
    into one line on stderr and exit code 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMAND_FAMILIES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_FAMILIES:
            family = importlib.import_module(f"cleaner.commands.{COMMAND_FAMILIES[cmd_name]}")
            family.register(self)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CleanerError as exc:
            click.echo("cleaner: " + " ".join(str(exc).splitlines()), err=True)
            ctx.exit(2)


@click.group(cls=CleanerGroup)
@click.version_option(package_name="cleaner")
def main() -> None:
    """Clean scraped news articles: remove site chrome, repair text, write article records."""
