"""Idempotence benchmark: is ``clean(clean(x).text)`` the same text as ``clean(x)``?

Runs every input of the Zyte dataset (``noisy_trafilatura_recall`` and ``noisy_fulltext`` as
text, ``html/`` as HTML), cleans the output again as text, and lists the documents whose
text changed, with the rules the second pass applied and the first lines of the difference.
Run from the repository root::

    .venv/bin/python bench/idempotence.py [--dataset PATH] [--show 10]
"""
from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.quality import DEFAULT_DATASET

INPUTS = (("noisy_trafilatura_recall", "text"), ("noisy_fulltext", "text"), ("html", "html"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", type=Path,
                    default=Path(os.environ.get("CLEANER_ZYTE_DATASET", DEFAULT_DATASET)))
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    args = ap.parse_args(argv)

    from cleaner import clean

    changed, total = [], 0
    for folder, content_type in INPUTS:
        for path in sorted((args.dataset / folder).iterdir()):
            once = clean(path.read_bytes(), content_type=content_type).text
            again = clean(once, content_type="text")
            total += 1
            if again.text != once:
                changed.append((folder, path.name[:8], once, again))
    print(f"clean(clean(x).text) == clean(x).text for {total - len(changed)} of {total} inputs")
    for folder, name, once, again in changed[:args.show]:
        rules = sorted({e.rule for e in again.edits})
        print(f"\n{folder}/{name}: second pass applied {', '.join(rules)}")
        diff = difflib.unified_diff(once.splitlines(), again.text.splitlines(), lineterm="", n=0)
        for line in [d for d in diff if not d.startswith(("---", "+++", "@@"))][:4]:
            print(f"  {line[:120]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
