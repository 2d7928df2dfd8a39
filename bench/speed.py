"""Speed benchmark: ``cleaner.clean()`` versus ``trafilatura.extract()``, per page.

For every page of the Zyte dataset, in one process and interleaved page by page
(so machine noise hits all three alike), it times:

* ``clean(html, content_type="html")``
* ``trafilatura.extract(html, include_comments=False)``
* ``clean(noisy_trafilatura_recall text, content_type="text")``

A warm-up pass comes first (first calls load models), then ``--rounds`` timed
rounds. Per page the median over rounds is kept; the report gives the median
and mean over pages in milliseconds and the goals:
text mode >= 6x faster than trafilatura.extract, html mode <= 1.15x its cost
(both on the median per-page time).

Run from the repository root::

    .venv/bin/python -m bench.speed [--rounds 3] [--limit N] [--check]
    .venv/bin/python -m bench.speed --profile     # cProfile of text-mode clean(), top 25

Exit code is 0 unless ``--check`` is given and a goal fails.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
from time import perf_counter_ns

from bench.datasets import dataset_hash, read_input
from bench.datasets import pages as dataset_pages

TEXT_FASTER_GOAL = 6.0   # trafilatura / text-mode clean >= this
HTML_COST_GOAL = 1.15    # html-mode clean / trafilatura <= this


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true",
                    help="also run cProfile over text-mode clean() and print the top 25")
    ap.add_argument("--check", action="store_true", help="exit 1 if a goal fails")
    args = ap.parse_args(argv)

    import trafilatura

    from cleaner import clean
    from cleaner.text import clear_caches

    chosen = dataset_pages("zyte")[:args.limit] if args.limit else dataset_pages("zyte")
    pages = [(read_input(p, "html"), read_input(p, "recall")) for p in chosen]
    print(f"dataset: zyte  pages: {len(pages)}  rounds: {args.rounds}  "
          f"sha256: {dataset_hash('zyte')}")
    tasks = {
        "clean html": lambda html, text: clean(html, content_type="html"),
        "trafilatura.extract": lambda html, text: trafilatura.extract(html, include_comments=False),
        "clean text": lambda html, text: clean(text, content_type="text"),
    }

    for html, text in pages:  # warm-up
        for fn in tasks.values():
            fn(html, text)

    names = list(tasks)
    samples = {name: [[] for _ in pages] for name in names}  # name -> page -> ns per round
    for r in range(args.rounds):
        order = names[r % 3:] + names[:r % 3]  # rotate so no task always runs first
        for i, (html, text) in enumerate(pages):
            for name in order:
                clear_caches()  # time every page cold: no line features left from a prior round
                t0 = perf_counter_ns()
                tasks[name](html, text)
                samples[name][i].append(perf_counter_ns() - t0)

    per_page = {n: [statistics.median(s) / 1e6 for s in samples[n]] for n in names}
    med = {n: statistics.median(v) for n, v in per_page.items()}
    print("\n| task | median ms/page | mean ms/page |\n|---|---|---|")
    for n in names:
        print(f"| {n} | {med[n]:.2f} | {statistics.mean(per_page[n]):.2f} |")

    faster = med["trafilatura.extract"] / med["clean text"]
    cost = med["clean html"] / med["trafilatura.extract"]
    ok_text, ok_html = faster >= TEXT_FASTER_GOAL, cost <= HTML_COST_GOAL
    print(f"\ntext mode is {faster:.2f}x faster than trafilatura.extract "
          f"(goal >= {TEXT_FASTER_GOAL}): {'PASS' if ok_text else 'FAIL'}")
    print(f"html mode costs {cost:.2f}x trafilatura.extract "
          f"(goal <= {HTML_COST_GOAL}): {'PASS' if ok_html else 'FAIL'}")

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _, text in pages:
            clean(text, content_type="text")
        prof.disable()
        print("\ncProfile, text-mode clean() over all pages, top 25 by cumulative time:")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(25)
    return 1 if args.check and not (ok_text and ok_html) else 0


if __name__ == "__main__":
    sys.exit(main())
