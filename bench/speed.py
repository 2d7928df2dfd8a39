"""Speed benchmark: ``cleaner.clean()`` versus ``trafilatura.extract()``, per page.

For every page of the Zyte dataset and of a sample of WCXB dev, in one process and
interleaved page by page (so machine noise hits all three alike), it times:

* ``clean(html, content_type="html")``
* ``trafilatura.extract(html, include_comments=False)`` (standard mode)
* ``clean(noisy_trafilatura_recall text, content_type="text")``

A warm-up pass comes first (models are loaded on a small page before it), then
``--rounds`` timed rounds, the order of the three rotated each round. Per page the median
over rounds is kept. The headline is the mean over pages (total time over pages), with the
median over pages beside it. Goals, on the means: text mode >= 8x faster than
trafilatura.extract, HTML mode <= 1.10x its cost. The warm-up pass is timed too and shown
after each table: there every page is new, as in a batch, and the rule sets' RE2 DFA, which
grows lazily as it meets new lines, costs more than in the rounds that repeat the pages.

Run from the repository root::

    .venv/bin/python -m bench.speed [--rounds 3] [--limit N] [--wcxb 100] [--check]
    .venv/bin/python -m bench.speed --profile text   # cProfile of text-mode clean(), top 30
    .venv/bin/python -m bench.speed --profile html   # the same for HTML mode
    .venv/bin/python -m bench.speed --startup 5      # `cleaner clean small.txt` vs import

``--startup N`` times, N times interleaved, the wall time of ``cleaner clean`` on a small
text file against ``python -c "import trafilatura"`` (goal <= 2.0x, on the means); the
disk cache (`cleaner.disk_cache`) is warmed first, as any second run finds it. The CPU
time (user and system) of each command is shown beside: on a busy machine the wall time
waits for a core, and a start that overlaps work on two threads gains nothing.

Exit code is 0 unless ``--check`` is given and a goal fails.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
from collections.abc import Callable
from time import perf_counter_ns

from bench.datasets import available, dataset_hash, read_input
from bench.datasets import pages as dataset_pages

TEXT_FASTER_GOAL = 8.0   # trafilatura / text-mode clean >= this (means per page)
HTML_COST_GOAL = 1.10    # html-mode clean / trafilatura <= this (means per page)
STARTUP_GOAL = 2.0       # `cleaner clean small.txt` / `python -c "import trafilatura"` <= this
SMALL_TEXT = ("Back to top\nThe council approved the budget on Monday after a long debate "
              "about schools, roads and the new hospital.\n")
WCXB_STEP = 7            # the WCXB sample: every 7th page of dev, in id order
TASKS = ("clean html", "trafilatura.extract", "clean text")


def load_inputs(limit: int | None, wcxb: int) -> dict[str, list[tuple[str, str]]]:
    """dataset -> (html, recall text) of each page benchmarked."""
    chosen = {"zyte": dataset_pages("zyte")[:limit] if limit else dataset_pages("zyte")}
    if wcxb and available("wcxb"):
        chosen["wcxb"] = dataset_pages("wcxb")[::WCXB_STEP][:wcxb]
    return {name: [(read_input(p, "html"), read_input(p, "recall")) for p in found]
            for name, found in chosen.items()}


def tasks() -> dict[str, Callable[[str, str], object]]:
    import trafilatura

    from cleaner import clean

    return {
        "clean html": lambda html, text: clean(html, content_type="html"),
        "trafilatura.extract": lambda html, text: trafilatura.extract(html, include_comments=False),
        "clean text": lambda html, text: clean(text, content_type="text"),
    }


def time_pages(pages: list[tuple[str, str]], rounds: int
               ) -> tuple[dict[str, list[float]], dict[str, float]]:
    """task -> ms per page (median over rounds), the three interleaved page by page; and
    task -> ms of the warm-up pass over all pages (the first sight of each page)."""
    from cleaner.pipeline import pipeline_for
    from cleaner.text import clear_caches

    run = tasks()
    for fn in run.values():  # load models and build the rule sets before the first pass
        fn(f"<html><body><p>{SMALL_TEXT}</p></body></html>", SMALL_TEXT)
    pipeline_for(None).rules.compile()  # every language's sets, not only English's
    first = dict.fromkeys(TASKS, 0)
    for html, text in pages:  # warm-up, timed too: RE2's lazy DFA has not seen these lines
        for name in reversed(TASKS):  # text mode first: the page's lines are new to it
            t0 = perf_counter_ns()
            run[name](html, text)
            first[name] += perf_counter_ns() - t0
    samples: dict[str, list[list[int]]] = {name: [[] for _ in pages] for name in TASKS}
    for r in range(rounds):
        order = TASKS[r % 3:] + TASKS[:r % 3]  # rotate so no task always runs first
        for i, (html, text) in enumerate(pages):
            for name in order:
                clear_caches()  # time every page cold: no line features left from a prior round
                t0 = perf_counter_ns()
                run[name](html, text)
                samples[name][i].append(perf_counter_ns() - t0)
    return ({n: [statistics.median(s) / 1e6 for s in samples[n]] for n in TASKS},
            {n: first[n] / 1e6 for n in TASKS})


def report_first_pass(first: dict[str, float], pages: int) -> None:
    """The warm-up pass: each page seen for the first time (models are loaded and the RE2
    sets built before it, on a small page). The timed rounds repeat pages whose lines the rule
    sets' lazy DFA has already met; a batch of new documents pays nearer this pass. Text mode
    runs first on each page; HTML mode then meets some of the same lines again."""
    traf = first["trafilatura.extract"]
    print("\nfirst pass (every page new): "
          + ", ".join(f"{n} {first[n] / pages:.2f} ms/page" for n in TASKS)
          + f"; text mode {traf / first['clean text']:.2f}x faster, html mode "
          f"{first['clean html'] / traf:.3f}x the cost (not goals: shown to say what a "
          "batch of unseen documents pays)")


def report(name: str, per_page: dict[str, list[float]]) -> tuple[float, float]:
    """Print one dataset's table; return (text faster, html cost), on the means."""
    mean = {n: statistics.fmean(v) for n, v in per_page.items()}
    med = {n: statistics.median(v) for n, v in per_page.items()}
    traf = "trafilatura.extract"
    print(f"\n{name} ({len(per_page[traf])} pages)\n\n"
          "| task | mean ms/page | median ms/page | vs trafilatura (mean) | (median) |\n"
          "|---|---|---|---|---|")
    for n in TASKS:
        print(f"| {n} | {mean[n]:.2f} | {med[n]:.2f} | {mean[n] / mean[traf]:.3f}x "
              f"| {med[n] / med[traf]:.3f}x |")
    faster, cost = mean[traf] / mean["clean text"], mean["clean html"] / mean[traf]
    print(f"\ntext mode: {faster:.2f}x faster than trafilatura.extract on the mean "
          f"(median {med[traf] / med['clean text']:.2f}x; goal >= {TEXT_FASTER_GOAL}): "
          f"{'PASS' if faster >= TEXT_FASTER_GOAL else 'FAIL'}")
    print(f"html mode: {cost:.3f}x trafilatura.extract's cost on the mean "
          f"(median {med['clean html'] / med[traf]:.3f}x; goal <= {HTML_COST_GOAL}): "
          f"{'PASS' if cost <= HTML_COST_GOAL else 'FAIL'}")
    return faster, cost


def profile(pages: list[tuple[str, str]], mode: str, top: int = 30) -> None:
    """cProfile of `mode` clean() over `pages` (after a warm-up pass over them), top by tottime and
    by cumulative time."""
    from cleaner import clean

    def one(html: str, text: str) -> object:
        return clean(html if mode == "html" else text, content_type=mode)

    for page in pages:  # warm-up: models loaded, RE2 sets built and their DFAs grown
        one(*page)
    prof = cProfile.Profile()
    prof.enable()
    for html, text in pages:
        one(html, text)
    prof.disable()
    for key in ("tottime", "cumulative"):
        print(f"\ncProfile, {mode}-mode clean() over {len(pages)} pages, top {top} by {key}:")
        pstats.Stats(prof, stream=sys.stdout).sort_stats(key).print_stats(top)


def startup(rounds: int) -> bool:
    """Print the wall times of `cleaner clean small.txt` and of importing trafilatura."""
    import subprocess
    import tempfile
    from pathlib import Path

    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.txt"
        small.write_text(SMALL_TEXT, encoding="utf-8")
        commands = {"cleaner clean small.txt": [str(bin_dir / "cleaner"), "clean", str(small)],
                    "python -c 'import trafilatura'": [sys.executable, "-c", "import trafilatura"]}
        subprocess.run(commands["cleaner clean small.txt"], check=True, capture_output=True)
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(rounds):
            for name, command in commands.items():
                wall, used = _run_timed(command)
                times[name].append(wall)
                cpu[name].append(used)
    print("\n| command | mean s | median s | CPU s (mean) |\n|---|---|---|---|")
    for name, values in times.items():
        print(f"| {name} | {statistics.fmean(values):.3f} | {statistics.median(values):.3f} "
              f"| {statistics.fmean(cpu[name]):.3f} |")
    mine, theirs = "cleaner clean small.txt", "python -c 'import trafilatura'"
    ratio = statistics.fmean(times[mine]) / statistics.fmean(times[theirs])
    print(f"\nstart-up: {ratio:.2f}x the import of trafilatura on wall time (goal <= "
          f"{STARTUP_GOAL}): {'PASS' if ratio <= STARTUP_GOAL else 'FAIL'}; CPU time "
          f"{statistics.fmean(cpu[mine]) / statistics.fmean(cpu[theirs]):.2f}x (what a busy "
          "machine's wall time follows)")
    return ratio <= STARTUP_GOAL


def _run_timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user and system) of one run of `command`."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = perf_counter_ns()
    subprocess.run(command, check=True, capture_output=True)
    wall = (perf_counter_ns() - t0) / 1e9
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, help="the first N Zyte pages only")
    ap.add_argument("--wcxb", type=int, default=100, help="WCXB dev pages sampled (0: none)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", choices=("text", "html"),
                    help="only run cProfile over clean() in this mode and print the top")
    ap.add_argument("--startup", type=int, metavar="N",
                    help="only time `cleaner clean small.txt` against importing trafilatura")
    ap.add_argument("--check", action="store_true", help="exit 1 if a goal fails")
    args = ap.parse_args(argv)
    if args.startup:
        return 1 if not startup(args.startup) and args.check else 0

    inputs = load_inputs(args.limit, args.wcxb)
    if args.profile:
        profile([page for found in inputs.values() for page in found], args.profile)
        return 0
    print(f"rounds: {args.rounds}  zyte sha256: {dataset_hash('zyte')}"
          + (f"  wcxb sha256: {dataset_hash('wcxb')}" if "wcxb" in inputs else ""))
    ok = True
    for name, found in inputs.items():
        per_page, first = time_pages(found, args.rounds)
        faster, cost = report(name, per_page)
        report_first_pass(first, len(found))
        ok = ok and faster >= TEXT_FASTER_GOAL and cost <= HTML_COST_GOAL
    return 1 if args.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
