"""No harm: clean text put through `clean(body, content_type="text")` must come out whole.

Inputs are gold bodies: Zyte's 181 articles and WCXB dev's articles and documentation
pages. A word is lost when it is in the input but neither in the body nor in the title or
description the text was moved to (multiset of lowercased `\\w+` tokens). Reports the share
of words lost, the documents that lose more than 20%, and the worst documents with the ids
that cut them. Goal: at most 0.5% of words lost, no document over 20%.

    .venv/bin/python -m bench.no_harm [--half validate] [--worst 10]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from bench.datasets import Page, available, pages
from bench.metrics import word_tokens
from bench.outputs import Output, clean_pages
from bench.settings import add_config_arguments, config_from_args

MAX_SHARE_LOST = 0.005
MAX_DOCUMENT_LOST = 0.20


def words_lost(body: str, out: Output) -> tuple[int, int]:
    """(words of the input, words of it found nowhere in the output)."""
    given = Counter(word_tokens(body))
    kept = Counter(word_tokens(out.text)) + Counter(word_tokens(out.title)) + Counter(
        word_tokens(out.description))
    return sum(given.values()), sum((given - kept).values())


def cutters(out: Output) -> str:
    cut: dict[str, int] = defaultdict(int)
    for rule, text in out.removed():
        cut[rule] += len(text.split())
    return ", ".join(f"{r} {n}w" for r, n in sorted(cut.items(), key=lambda kv: -kv[1])[:4])


def run(label: str, selected: list[Page], config, args) -> tuple[int, int, int]:
    sources = {p.key: p.body for p in selected if p.body.strip()}
    selected = [p for p in selected if p.key in sources]
    outputs = clean_pages(selected, "recall", config, args.workers, sources=sources)
    total = lost = 0
    losses = []
    for page in selected:
        given, missing = words_lost(page.body, outputs[page.key])
        total, lost = total + given, lost + missing
        losses.append((missing / given if given else 0.0, page))
    losses.sort(key=lambda pair: -pair[0])
    over = [pair for pair in losses if pair[0] > MAX_DOCUMENT_LOST]
    print(f"| {label} | {len(selected)} | {total:,} | {lost:,} | {lost / total:.3%} | {len(over)} |")
    for share, page in losses[:args.worst]:
        if share > 0:
            print(f"|   {page.key} [{page.kind}] | | | | {share:.1%} | {cutters(outputs[page.key])} |")
    return total, lost, len(over)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["tune", "validate", "all"], default="validate")
    parser.add_argument("--worst", type=int, default=5)
    parser.add_argument("--workers", type=int)
    add_config_arguments(parser)
    args = parser.parse_args(argv)
    config = config_from_args(args)
    half = None if args.half == "all" else args.half
    print("| gold bodies | documents | words | words lost | share lost | documents > 20% |")
    print("|---|---|---|---|---|---|")
    totals = [0, 0, 0]
    groups = [("zyte", None, None), ("wcxb", half, ("article",)), ("wcxb", half, ("documentation",))]
    for dataset, which, kinds in groups:
        if not available(dataset):
            continue
        label = f"{dataset} {which or ''} {kinds[0] if kinds else 'article'}".replace("  ", " ")
        for i, value in enumerate(run(label, pages(dataset, which, kinds), config, args)):
            totals[i] += value
    total, lost, over = totals
    print(f"| **all** | | {total:,} | {lost:,} | **{lost / max(total, 1):.3%}** | **{over}** |")
    ok = lost / max(total, 1) <= MAX_SHARE_LOST and over == 0
    print(f"\ngoal: ≤ {MAX_SHARE_LOST:.1%} of words lost, no document > "
          f"{MAX_DOCUMENT_LOST:.0%}: {'met' if ok else 'missed'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
