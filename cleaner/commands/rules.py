"""`cleaner rules list|show|test`: the rule catalog and its examples."""

from __future__ import annotations

import click
import orjson

from cleaner.catalog import CompiledRule, Rule, RuleSet, load_rules
from cleaner.cli import load_config

_LINE_SCOPES = ("line", "prefix", "tail")


def catalog(config_path: str | None) -> RuleSet:
    config = load_config(config_path)
    return load_rules(config.rules.extra, config.rules.disable, config.rules.builtin)


def example_failures(rule: Rule, rules: RuleSet) -> list[str]:
    """What is wrong with a rule's own examples, against itself and the whole catalog."""
    compiled = CompiledRule(rule)
    failures = [f"does not remove {text!r}" for text in rule.examples.remove
                if compiled.match(text.strip()) is None]
    failures += [f"removes its keep example {text!r}" for text in rule.examples.keep
                 if compiled.match(text.strip()) is not None]
    for text in rule.examples.keep:
        for hit in rules.hits(text.strip(), _LINE_SCOPES, rule.language):
            if hit.rule.id != rule.id:
                failures.append(f"keep example {text!r} is removed by {hit.rule.id}")
    return failures


def register(group: click.Group) -> None:
    @group.group("rules")
    def rules_group() -> None:
        """The rule catalog: list, show, and test every rule's examples."""

    @rules_group.command("list")
    @click.option("--json", "as_json", is_flag=True, help="One JSON object per rule.")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def list_rules(as_json: bool, config_path: str | None) -> None:
        """Every active rule: id, scope, language, description."""
        for rule in catalog(config_path).rules:
            if as_json:
                click.echo(orjson.dumps(rule.model_dump(mode="json")).decode())
            else:
                where = "/".join(x for x in (rule.language, rule.site) if x) or "*"
                click.echo(f"{rule.id:<36} {rule.scope:<7} {where:<6} {rule.description}")

    @rules_group.command("show")
    @click.argument("rule_id")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def show_rule(rule_id: str, config_path: str | None) -> None:
        """One rule in full, with its examples."""
        rule = catalog(config_path).get(rule_id)
        if rule is None:
            raise click.UsageError(f"no rule with id {rule_id!r} (see `cleaner rules list`)")
        click.echo(orjson.dumps(rule.model_dump(mode="json", exclude_none=True),
                                option=orjson.OPT_INDENT_2).decode())

    @rules_group.command("test")
    @click.option("--config", "config_path", type=click.Path(dir_okay=False))
    def test_rules(config_path: str | None) -> None:
        """Run every rule's remove and keep examples; exit 1 naming each failure."""
        rules = catalog(config_path)
        failed = 0
        for rule in rules.rules:
            for failure in example_failures(rule, rules):
                failed += 1
                click.echo(f"FAIL {rule.id}: {failure}")
        examples = sum(len(r.examples.remove) + len(r.examples.keep) for r in rules.rules)
        click.echo(f"{len(rules)} rules, {examples} examples: "
                   f"{'all pass' if not failed else f'{failed} failures'}")
        if failed:
            raise SystemExit(1)
