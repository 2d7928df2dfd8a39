"""`cleaner clean`: clean one file and print its body or its record."""

from __future__ import annotations

import click

from cleaner.commands.common import (
    config_option,
    load_config,
    read_source,
    type_option,
    url_option,
)


def register(group: click.Group) -> None:
    group.add_command(clean_command)


@click.command("clean")
@click.argument("file")
@type_option
@click.option("--json", "as_json", is_flag=True, help="Print the whole record as JSON.")
@url_option
@config_option
def clean_command(file: str, content_type: str | None, as_json: bool, url: str | None,
                  config_path: str | None) -> None:
    """Clean one FILE (or - for stdin); print the body, or the record with --json."""
    from cleaner.api import clean

    data, implied = read_source(file)
    record = clean(data, url=url, content_type=content_type or implied or "auto",
                   config=load_config(config_path))
    click.echo(record.model_dump_json(indent=2) if as_json else record.text)
