"""Batch benchmark: ``cleaner run`` throughput with 1 and 2 workers, peak memory, I/O share.

Builds a JSONL file of ``--docs`` documents (the texts of the Zyte dataset's
``noisy_trafilatura_recall/*.txt``, repeated, each with a unique id), then runs
``cleaner run FILE --output TMP --workers N`` as a subprocess for each N of ``--workers``
and prints one row per run:

* wall time and documents per second (the whole command: start-up included); with
  ``--repeat R``, the runs of each N are interleaved (1, 2, 1, 2, ...) and the row is the
  run of median wall time, so that a burst of load on a shared machine moves no ratio;
* peak RSS of the largest process of the run (the main process, the workers' forkserver or
  a worker), and the sum of every process's peak: ``VmHWM`` from ``/proc/<pid>/status`` of
  the run's process tree (a high-water mark, so reading it every 0.1 s and looking for new
  processes every 0.5 s keeps the monitor off the CPUs the workers need), checked against
  ``getrusage(RUSAGE_CHILDREN)``;
* worker seconds (the sum over workers of time spent on shards: when it grows with more
  workers, they are competing for CPUs), and its share spent reading inputs, cleaning and
  writing output (from the manifest's ``run.seconds``).

It ends by checking that every run wrote byte-identical records. Run from the repository
root::

    .venv/bin/python bench/batch.py [--docs 6000] [--workers 1,2] [--repeat 3] [--shard-size 1000]
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO.parent / "shared" / "datasets" / "zyte-article-extraction" / "noisy_trafilatura_recall"
CLEANER = Path(sys.executable).with_name("cleaner")
POLL_SECONDS = 0.1
SCAN_EVERY = 5  # polls between two looks for new processes in /proc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=6000, help="documents in the input (default 6000)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each worker count, interleaved; the median is shown (default 3)")
    ap.add_argument("--shard-size", type=int, default=1000)
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of *.txt inputs")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        feed = build_input(Path(tmp) / "input.jsonl", args.texts, args.docs)
        print(f"input: {args.docs:,} documents, {feed.stat().st_size / 2**20:.1f} MiB "
              f"({len(list(args.texts.glob('*.txt')))} texts repeated); "
              f"shard size {args.shard_size}; {os.cpu_count()} CPUs")
        counts = [int(n) for n in args.workers.split(",")]
        runs: dict[int, list[dict]] = {n: [] for n in counts}
        for attempt in range(args.repeat):
            for n in counts:
                runs[n].append(run(feed, Path(tmp) / f"out-{n}-{attempt}", n, args.shard_size))
        results = [median_run(runs[n]) for n in counts]
        print_table(results)
        if args.repeat > 1:
            print_spread(runs)
        every_run = [r for attempts in runs.values() for r in attempts]
        outputs = {hashlib.sha256(records_bytes(r["output"])).digest() for r in every_run}
        print(f"records identical across all {len(every_run)} runs: "
              f"{'yes' if len(outputs) == 1 else 'NO'}{first_difference(every_run)}")
        print(f"getrusage(RUSAGE_CHILDREN) peak RSS over all runs: "
              f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")
    return 0 if len(outputs) == 1 else 1


def build_input(path: Path, texts_folder: Path, count: int) -> Path:
    """`count` documents cycling through the texts, ids doc-000000, doc-000001, ..."""
    texts = [f.read_text(encoding="utf-8") for f in sorted(texts_folder.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"no *.txt files in {texts_folder}")
    path.write_bytes(b"".join(orjson.dumps({"id": f"doc-{n:06d}", "text": texts[n % len(texts)]})
                              + b"\n" for n in range(count)))
    return path


def run(feed: Path, output: Path, workers: int, shard_size: int) -> dict:
    """One `cleaner run`, timed, with the peak RSS of each process of its tree."""
    command = [str(CLEANER), "run", str(feed), "--output", str(output), "--workers", str(workers),
               "--shard-size", str(shard_size), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peaks: dict[int, int] = {}
    polls = 0
    while process.poll() is None:
        if polls % SCAN_EVERY == 0:
            for pid in [process.pid, *descendants(process.pid)]:
                peaks.setdefault(pid, 0)
        for pid, peak in peaks.items():
            peaks[pid] = max(peak, peak_rss_kib(pid))
        polls += 1
        time.sleep(POLL_SECONDS)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited with {process.returncode}")
    manifest = orjson.loads((output / "manifest.json").read_bytes())
    return {"workers": workers, "wall": wall, "output": output, "manifest": manifest,
            "largest_mib": max(peaks.values(), default=0) / 1024,
            "sum_mib": sum(peaks.values()) / 1024}


def median_run(runs: list[dict]) -> dict:
    return sorted(runs, key=lambda r: r["wall"])[len(runs) // 2]


def print_spread(runs: dict[int, list[dict]]) -> None:
    """Every run's wall time, and the speedup of each attempt (its runs were side by side)."""
    base = next(iter(runs))
    for n, attempts in runs.items():
        walls = ", ".join(f"{r['wall']:.1f}" for r in attempts)
        ratios = ", ".join(f"{b['wall'] / r['wall']:.2f}x" for b, r in zip(runs[base], attempts))
        print(f"{n} worker(s): wall {walls} s; speedup per attempt {ratios}")


def descendants(root: int) -> list[int]:
    """Pids of every process below `root`, from the parent pids in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        for child in children.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def peak_rss_kib(pid: int) -> int:
    """VmHWM (the process's peak resident set so far) in KiB, 0 once the process is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def records_bytes(output: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted((output / "records").glob("*.jsonl")))


def first_difference(results: list[dict]) -> str:
    """Where the first run's records and another's first differ: " (doc-000123: text)"."""
    first = records_bytes(results[0]["output"]).splitlines()
    for other in results[1:]:
        for a, b in zip(first, records_bytes(other["output"]).splitlines()):
            if a != b:
                x, y = orjson.loads(a), orjson.loads(b)
                fields = ", ".join(k for k in x if x[k] != y.get(k))
                return f" ({x['id']}: {fields}; were rules edited during the runs?)"
    return ""


def print_table(results: list[dict]) -> None:
    base = results[0]["wall"]
    print(f"{'workers':>7} {'docs':>7} {'wall s':>7} {'docs/s':>7} {'speedup':>7} "
          f"{'worker s':>8} {'largest MiB':>11} {'sum MiB':>8} {'read %':>6} {'clean %':>7} "
          f"{'write %':>7}")
    for r in results:
        counts, seconds = r["manifest"]["counts"], r["manifest"]["run"]["seconds"]
        busy = sum(seconds.values()) or 1.0
        share = {k: 100 * seconds.get(k, 0.0) / busy for k in ("read", "clean", "write")}
        print(f"{r['workers']:>7} {counts['documents']:>7,} {r['wall']:>7.1f} "
              f"{counts['documents'] / r['wall']:>7.1f} {base / r['wall']:>6.2f}x {busy:>8.1f} "
              f"{r['largest_mib']:>11.0f} {r['sum_mib']:>8.0f} {share['read']:>6.2f} "
              f"{share['clean']:>7.2f} {share['write']:>7.2f}")


if __name__ == "__main__":
    sys.exit(main())
