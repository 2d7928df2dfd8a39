"""What several commands share: loading the config, reading an input file, and options."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from cleaner.config import Config


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
url_option = click.option("--url", default=None,
                          help="The page's URL (scopes site rules; never fetched).")
