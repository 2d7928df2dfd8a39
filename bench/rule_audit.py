"""Which rules remove gold text? Per rule: words removed that belong to the gold body vs not.

A removed line counts as "gold" when most of its 4-word shingles occur in the page's gold
body. Run from the repository root::

    .venv/bin/python bench/rule_audit.py --mode recall [--show RULE] [--limit N]
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.quality import DEFAULT_DATASET, FOLDERS, load_gold, read_input
from bench.zyte_metric import shingles
from cleaner import clean


def is_gold(text: str, gold_shingles: set) -> bool:
    found = list(shingles(text))
    return bool(found) and sum(s in gold_shingles for s in found) * 2 > len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=list(FOLDERS), default="recall")
    parser.add_argument("--show", help="print the gold lines this rule removed")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    dataset = Path(os.environ.get("CLEANER_ZYTE_DATASET", DEFAULT_DATASET))
    counts: dict[str, Counter] = defaultdict(Counter)
    for page in load_gold(dataset, args.limit):
        source = read_input(dataset, args.mode, page["id"])
        record = clean(source, url=page["url"], content_type="html" if args.mode == "html" else "text")
        gold = set(shingles(page["body"]))
        for edit in record.edits:
            if edit.action == "replace":
                continue
            words = len(edit.before.split())
            kind = "gold" if is_gold(edit.before, gold) else "chrome"
            counts[edit.rule][kind] += words
            if kind == "gold" and args.show and edit.rule.startswith(args.show):
                print(f"{page['id'][:8]} {edit.rule}: {edit.before[:150]!r} {edit.reason or ''}")
    print(f"{'rule':<40} {'chrome words':>12} {'gold words':>10}")
    for rule, c in sorted(counts.items(), key=lambda kv: -kv[1]["gold"]):
        print(f"{rule:<40} {c['chrome']:>12} {c['gold']:>10}")


if __name__ == "__main__":
    main()
