"""Which extraction settings? trafilatura's modes and our fallbacks, scored on the tune half.

Each variant is trafilatura (or a fallback) alone on the page's HTML, scored with WCXB's
word F1 by page type, so that HTML mode's extraction is chosen on pages it is not reported
on. Run from the repository root::

    .venv/bin/python -m bench.extraction [--half tune] [--variants standard,fast,recall]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections import defaultdict

from bench.datasets import PAGE_TYPES, Page, pages, read_input
from bench.metrics import mean_of, word_prf

VARIANTS = {
    "standard": {},
    "fast": {"fast": True},
    "recall": {"favor_recall": True},
    "precision": {"favor_precision": True},
    "recall-fast": {"favor_recall": True, "fast": True},
}


def _extract(job: tuple[Page, str]) -> tuple[str, str, str]:
    import trafilatura

    page, variant = job
    html = read_input(page, "html")
    if variant == "cleaner":
        from cleaner import clean

        return page.key, variant, clean(html, url=page.url or None, content_type="html").text
    text = trafilatura.extract(html, url=page.url or None, include_comments=False,
                               **VARIANTS[variant])
    return page.key, variant, text or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", default="tune", choices=["tune", "validate"])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--workers", type=int, default=os.cpu_count())
    args = parser.parse_args(argv)
    selected = pages("wcxb", args.half)
    variants = args.variants.split(",")
    jobs = [(p, v) for p in selected for v in variants]
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        outputs = {(key, v): text for key, v, text in pool.imap(_extract, jobs, chunksize=4)}
    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for page in selected:
        for variant in variants:
            f1 = word_prf(outputs[page.key, variant], page.body)[2]
            scores[variant]["all"].append(f1)
            scores[variant][page.kind].append(f1)
    kinds = ["all", *PAGE_TYPES]
    print(f"WCXB dev, {args.half} half, word F1\n")
    print("| variant | " + " | ".join(kinds) + " |\n|---|" + "---|" * len(kinds))
    for variant in variants:
        print(f"| {variant} | " + " | ".join(f"{mean_of(scores[variant][k]):.3f}" for k in kinds)
              + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
