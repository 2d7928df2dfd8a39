"""Ablation: what each rule and heuristic id removes, gold or chrome, and F1 without it.

For every id that removed something, per dataset and mode:

- the words it removed that are in the gold body (a removed line counts as gold when most
  of its 4-word shingles, or the whole of a shorter line, are in the gold body) and those
  that are not;
- word F1 with that id disabled: the run again with `[rules] disable = [id]`, on the pages
  where it fired (elsewhere the output cannot change), beside F1 with every id on.

This is how a heuristic earns its place: an id whose removals are mostly gold, or whose
F1 without it is higher, does harm. Run on the tune half; confirm on validate. Run from the
repository root::

    .venv/bin/python -m bench.ablation --datasets wcxb --modes recall [--half tune] [--show ID]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict

from bench.datasets import MODES, PAGE_TYPES, Page, available, pages
from bench.metrics import mean_of, word_prf, word_tokens
from bench.outputs import Output, clean_pages
from bench.settings import add_config_arguments, config_from_args, with_overrides
from cleaner.config import Config

_TEMPLATE = re.compile(r"^template:")


def gold_shingles(body: str) -> tuple[set[tuple[str, ...]], str]:
    tokens = word_tokens(body)
    return {tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)}, " ".join(tokens)


def is_gold(text: str, shingles: set[tuple[str, ...]], joined: str) -> bool:
    """Is a removed piece of text part of the gold body?"""
    tokens = word_tokens(text)
    if not tokens:
        return False
    if len(tokens) < 4:
        return f" {' '.join(tokens)} " in f" {joined} "
    found = [tuple(tokens[i:i + 4]) in shingles for i in range(len(tokens) - 3)]
    return sum(found) * 2 > len(found)


def family(rule: str) -> str:
    return "template" if _TEMPLATE.match(rule) else rule


def audit(selected: list[Page], outputs: dict[str, Output], show: str | None,
          ) -> tuple[dict[str, Counter], dict[str, set[str]]]:
    """Words removed per id (gold / chrome), and the pages where each id fired."""
    counts: dict[str, Counter] = defaultdict(Counter)
    fired: dict[str, set[str]] = defaultdict(set)
    for page in selected:
        shingles, joined = gold_shingles(page.body)
        for rule, text in outputs[page.key].removed():
            rule = family(rule)
            kind = "gold" if is_gold(text, shingles, joined) else "chrome"
            counts[rule][kind] += len(text.split())
            fired[rule].add(page.key)
            if show and kind == "gold" and rule.startswith(show):
                print(f"  {page.key} [{page.kind}] {rule}: {text[:160]!r}")
    return counts, fired


def f1_without(rule: str, selected: list[Page], mode: str, base: Config,
               outputs: dict[str, Output], fired: set[str], workers: int | None) -> float:
    """Mean word F1 over `selected` with `rule` disabled (rerun only where it fired)."""
    config = with_overrides(base, [f'rules.disable={_json_list(base.rules.disable, rule)}'])
    rerun = clean_pages([p for p in selected if p.key in fired], mode, config, workers)
    return mean_of([word_prf((rerun.get(p.key) or outputs[p.key]).text, p.body)[2]
                    for p in selected])


def _json_list(existing: tuple[str, ...], extra: str) -> str:
    return json.dumps(sorted({*existing, extra}))


def report(dataset: str, mode: str, selected: list[Page], base: Config, args) -> None:
    outputs = clean_pages(selected, mode, base, args.workers)
    overall = mean_of([word_prf(outputs[p.key].text, p.body)[2] for p in selected])
    counts, fired = audit(selected, outputs, args.show)
    print(f"\n{dataset} {args.half or 'all'} {mode}: {len(selected)} pages, word F1 {overall:.4f}\n")
    print("| id | pages | chrome words | gold words | gold share | F1 without | Δ |")
    print("|---|---|---|---|---|---|---|")
    for rule, count in sorted(counts.items(), key=lambda kv: -kv[1]["gold"]):
        total = count["gold"] + count["chrome"]
        without = "-"
        delta = ""
        if args.exact and rule != "template":
            try:
                value = f1_without(rule, selected, mode, base, outputs, fired[rule], args.workers)
            except Exception as exc:  # noqa: BLE001 -- an id the catalog cannot disable
                without = f"({type(exc).__name__})"
            else:
                without, delta = f"{value:.4f}", f"{value - overall:+.4f}"
        print(f"| {rule} | {len(fired[rule])} | {count['chrome']} | {count['gold']} "
              f"| {count['gold'] / total:.2f} | {without} | {delta} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", default="wcxb")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--half", choices=["tune", "validate"], default="tune")
    parser.add_argument("--kind", choices=PAGE_TYPES, help="only these page types (WCXB)")
    parser.add_argument("--show", metavar="ID", help="print the gold text this id removed")
    parser.add_argument("--exact", action="store_true",
                        help="rerun with each id disabled (slower) for the F1 without it")
    parser.add_argument("--workers", type=int)
    add_config_arguments(parser)
    args = parser.parse_args(argv)
    base = config_from_args(args) or Config()
    for dataset in args.datasets.split(","):
        if not available(dataset):
            continue
        selected = pages(dataset, None if dataset == "zyte" else args.half)
        if args.kind and dataset != "zyte":
            selected = [p for p in selected if p.kind == args.kind]
        for mode in args.modes.split(","):
            report(dataset, mode, selected, base, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
