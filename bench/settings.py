"""The config a benchmark runs with: a file (`--config`) and overrides (`--set`), so that
settings can be tried on the tune half without editing code.

    --set extract.fast=false --set chrome.story_line_cost=80 --set rules.disable='["x"]'
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from cleaner.config import Config


def add_config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", help="a cleaner.toml to start from")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                        help="override one setting (VALUE is JSON, else a string)")


def config_from_args(args: argparse.Namespace) -> Config | None:
    if not args.config and not args.set:
        return None
    base = Config.from_file(args.config) if args.config else Config()
    return with_overrides(base, args.set)


def with_overrides(base: Config, overrides: list[str]) -> Config:
    """`base` with `section.key=value` settings changed, validated as a config file is."""
    data: dict[str, Any] = base.model_dump(mode="json")
    for item in overrides:
        name, _, raw = item.partition("=")
        *path, key = name.strip().split(".")
        node = data
        for part in path:
            node = node.setdefault(part, {})
        node[key] = _value(raw)
    return Config.from_dict(data, where="--set")


def _value(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw
