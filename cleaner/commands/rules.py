"""`cleaner rules list|show|test`: the catalog of decisions (rules, heuristics, fixes) and
their examples."""

from __future__ import annotations

from typing import Any

import click
import orjson

from cleaner.catalog import Catalog, Rule, load_catalog
from cleaner.commands.common import load_config
from cleaner.config import Config
from cleaner.entries import Entry, setting_value
from cleaner.examples import entry_failures, rule_failures

# The name this module exported before heuristics and fixes joined the catalog.
example_failures = rule_failures


def catalog(config: Config) -> Catalog:
    return load_catalog(config.rules.extra, config.rules.disable, config.rules.builtin,
                          config.rules.enable)


def summary_line(entry: Rule | Entry, catalog: Catalog) -> str:
    """One line of `cleaner rules list`: id, kind, where it acts, description."""
    if isinstance(entry, Rule):
        where = f"{entry.scope} {'/'.join(x for x in (entry.language, entry.site) if x) or '*'}"
    else:
        where = entry.stage
    state = "" if catalog.enabled(entry.id) else " (off)"
    return f"{entry.id:<40} {entry.kind:<9} {where:<14} {entry.description}{state}"


def entry_details(entry: Rule | Entry, catalog: Catalog, config: Config) -> dict[str, Any]:
    """`cleaner rules show`: the entry as data, its kind, whether it is on, and the current
    value of each setting it reads."""
    details: dict[str, Any] = {"id": entry.id, "kind": entry.kind,
                               "enabled": catalog.enabled(entry.id)}
    if isinstance(entry, Rule):
        details |= entry.model_dump(mode="json", exclude_none=True)
    else:
        details |= entry.model_dump(mode="json", exclude_defaults=True)
        details["stage"] = entry.stage
        details["settings"] = {name: _jsonable(setting_value(config, name))
                               for name in entry.settings}
    return details


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def register(group: click.Group) -> None:
    @group.group("rules")
    def rules_group() -> None:
        """The catalog: rules, heuristics and fixes; list, show, and test their examples."""

    @rules_group.command("list")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per entry.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def list_rules(as_json: bool, config_path: str | None) -> None:
        """Every entry: id, kind (rule, heuristic, fix), where it acts, description."""
        config = load_config(config_path)
        rules = catalog(config)
        for entry in rules.everything:
            if as_json:
                click.echo(orjson.dumps(entry_details(entry, rules, config)).decode())
            else:
                click.echo(summary_line(entry, rules))

    @rules_group.command("show")
    @click.argument("rule_id")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def show_rule(rule_id: str, config_path: str | None) -> None:
        """One entry in full (by id or alias): its settings with their values, its examples."""
        config = load_config(config_path)
        rules = catalog(config)
        entry = rules.get(rule_id)
        if entry is None:
            raise click.UsageError(f"no entry with id {rule_id!r} (see `cleaner rules list`)")
        click.echo(orjson.dumps(entry_details(entry, rules, config),
                                option=orjson.OPT_INDENT_2).decode())

    @rules_group.command("test")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def test_rules(config_path: str | None) -> None:
        """Run every entry's examples; exit 1 naming each failure."""
        if run_examples(config_path):
            raise SystemExit(1)


def run_examples(config_path: str | None) -> int:
    """Run every entry's examples (entries off by default too: their examples switch them
    on), echo each failure and a summary; the number of failures."""
    # every matching set built: a catalog too big for RE2 fails here, whatever the
    # language (`cleaner clean` builds only its document's language's sets)
    rules = catalog(load_config(config_path)).compile()
    failed = 0
    entries = [*rules.rules, *(e for e in rules.entries
                               if rules.enabled(e.id) or getattr(e, "default", "on") == "off")]
    for entry in entries:
        for failure in entry_failures(entry, rules):
            failed += 1
            click.echo(f"FAIL {entry.id}: {failure}")
    counts = {kind: sum(e.kind == kind for e in entries) for kind in ("rule", "heuristic", "fix")}
    click.echo(f"{counts['rule']} rules, {counts['heuristic']} heuristics, {counts['fix']} "
               f"fixes, {sum(_example_count(e) for e in entries)} examples: "
               f"{'all pass' if not failed else f'{failed} failures'}")
    return failed


def _example_count(entry: Rule | Entry) -> int:
    examples = entry.examples
    if isinstance(entry, Rule):
        return len(examples.remove) + len(examples.keep)
    return len(examples.change) + len(examples.keep)
