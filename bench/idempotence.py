"""Idempotence benchmark: is ``clean(clean(x).text)`` the same text as ``clean(x)``?

Runs every input of Zyte and WCXB dev (the HTML as HTML, both noisy texts as text), cleans
the output again as text, and lists the documents whose text changed, with the rules the
second pass applied and the first lines of the difference. Run from the repository root::

    .venv/bin/python -m bench.idempotence [--datasets zyte,wcxb] [--show 10] [--config FILE]

`--config`/`--set` clean both passes with another config (a pipeline without `recheck`
shows what that stage fixes).
"""
from __future__ import annotations

import argparse
import difflib
import sys

from bench.datasets import MODES, available, pages
from bench.outputs import clean_pages
from bench.settings import add_config_arguments, config_from_args


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--datasets", default="zyte,wcxb")
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    ap.add_argument("--workers", type=int)
    add_config_arguments(ap)
    args = ap.parse_args(argv)
    config = config_from_args(args)

    changed, total = [], 0
    for dataset in args.datasets.split(","):
        if not available(dataset):
            continue
        selected = pages(dataset)
        for mode in args.modes.split(","):
            once = clean_pages(selected, mode, config, workers=args.workers)
            texts = {key: out.text for key, out in once.items()}
            again = clean_pages(selected, "recall", config, workers=args.workers, sources=texts)
            total += len(selected)
            changed += [(mode, key, texts[key], again[key]) for key in sorted(texts)
                        if again[key].text != texts[key]]
    print(f"clean(clean(x).text) == clean(x).text for {total - len(changed)} of {total} inputs")
    for mode, key, once, again in changed[:args.show]:
        rules = sorted({rule for rule, _, _ in again.edits})
        print(f"\n{mode} {key}: second pass applied {', '.join(rules)}")
        diff = difflib.unified_diff(once.splitlines(), again.text.splitlines(), lineterm="", n=0)
        for line in [d for d in diff if not d.startswith(("---", "+++", "@@"))][:4]:
            print(f"  {line[:120]}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
