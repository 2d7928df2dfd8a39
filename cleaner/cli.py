"""The `cleaner` command. Exit codes: 0 ok, 1 findings or diffs, 2 usage or input error.

Errors are one line on stderr, never a traceback: a `CleanerError` becomes exit code 2.
Sub-commands live in `cleaner.commands`, one module per family, imported when one of their
commands runs: `cleaner run` starts its workers before it imports the pipeline.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cleaner.errors import CleanerError

if TYPE_CHECKING:
    from cleaner.config import Config

# The family module (in `cleaner.commands`) of each command; its `register(group)` adds them.
COMMAND_FAMILIES = {"check": "ci", "compare": "ci", "diff": "ci", "schema": "ci",
                    "snapshot": "ci", "rules": "rules", "run": "batch"}


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


def load_config(path: str | None) -> Config:
    """`--config F`, else `cleaner.toml` / `[tool.cleaner]` in the working directory."""
    from cleaner.config import Config

    return Config.from_file(path) if path else Config.discover()


def read_source(path: str) -> tuple[bytes, str | None]:
    """The bytes of FILE (or stdin for "-"), and the content type its name implies."""
    if path == "-":
        return sys.stdin.buffer.read(), None
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
    suffix = file.suffix.lower()
    return data, "html" if suffix in (".html", ".htm") else "text" if suffix == ".txt" else None


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="TOML config (default: ./cleaner.toml or [tool.cleaner]).")
type_option = click.option("--type", "content_type", type=click.Choice(["auto", "text", "html"]),
                           default=None, help="Input type (default: from the file name, else auto).")


@main.command("clean")
@click.argument("file")
@type_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@click.option("--url", default=None, help="The page's URL (scopes site rules; never fetched).")
@config_option
def clean_command(file: str, content_type: str | None, as_json: bool, url: str | None,
                  config_path: str | None) -> None:
    """Clean one FILE (or - for stdin); print the body, or the record with --json."""
    from cleaner.api import clean

    data, implied = read_source(file)
    record = clean(data, url=url, content_type=content_type or implied or "auto",
                   config=load_config(config_path))
    click.echo(record.model_dump_json(indent=2) if as_json else record.text)
