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

It ends by checking that every run wrote byte-identical records. ``--input-format parquet``
writes the same documents as a Parquet file (row groups of 1,000 rows) instead: run it at
6,000 and at 24,000 documents to see that memory stays flat.

``--read-cost`` measures the readers alone instead (no cleaning): the HTML pages of the Zyte
dataset (``html/*.html``), repeated to ``--docs`` documents, as JSONL, JSONL.gz, WARC,
WARC.gz and Parquet; for each, the time to plan the shards and read every document to text
(for WARC: the header charset weighed and the bytes decoded, as ``clean()`` would), median of
``--repeat`` interleaved rounds, per document and against JSONL of the same compression.

Run from the repository root::

    .venv/bin/python -m bench.batch [--docs 6000] [--workers 1,2] [--repeat 3] [--shard-size 1000]
                                    [--input-format jsonl|parquet] [--read-cost]
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
DATASET = REPO.parent / "shared" / "datasets" / "zyte-article-extraction"
DEFAULT_TEXTS = DATASET / "noisy_trafilatura_recall"
DEFAULT_PAGES = DATASET / "html"
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
    ap.add_argument("--input-format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--read-cost", action="store_true",
                    help="time the readers alone on HTML pages as JSONL, WARC and Parquet")
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.html pages")
    args = ap.parse_args(argv)
    if args.read_cost:
        return read_cost(args.pages, args.docs, args.repeat)

    with tempfile.TemporaryDirectory(prefix="cleaner-bench-") as tmp:
        feed = build_input(Path(tmp) / f"input.{args.input_format}", args.texts, args.docs)
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
    if path.suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.table({"id": [f"doc-{n:06d}" for n in range(count)],
                                 "text": [texts[n % len(texts)] for n in range(count)]}),
                       path, row_group_size=1000)
        return path
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


def read_cost(pages_folder: Path, count: int, rounds: int) -> int:
    """Time each reader on the same pages; print µs per document and the ratio to JSONL."""
    pages = load_pages(pages_folder, count)
    with tempfile.TemporaryDirectory(prefix="cleaner-bench-read-") as tmp:
        inputs = write_containers(Path(tmp), pages)
        times: dict[str, list[float]] = {name: [] for name in inputs}
        for _ in range(rounds):
            for name, path in inputs.items():
                times[name].append(read_seconds(path, len(pages)))
        print(f"{len(pages):,} HTML pages ({len(set(pages))} distinct), {rounds} rounds, "
              "median; planning and reading to text, no cleaning")
        print(f"{'input':>10} {'MiB':>6} {'µs/doc':>7} {'vs JSONL':>9}   rounds (µs/doc)")
        medians = {name: sorted(t)[len(t) // 2] for name, t in times.items()}
        for name, path in inputs.items():
            base = medians["jsonl.gz" if name.endswith(".gz") else "jsonl"]
            spread = ", ".join(f"{t * 1e6:.0f}" for t in times[name])
            print(f"{name:>10} {path.stat().st_size / 2**20:>6.1f} {medians[name] * 1e6:>7.0f} "
                  f"{medians[name] / base:>8.2f}x   {spread}")
    return 0


def load_pages(folder: Path, count: int) -> list[str]:
    """`count` pages cycling through the folder's HTML files, decoded as `clean()` would."""
    from cleaner.stages.decode import decode_bytes

    pages = [decode_bytes(f.read_bytes()) for f in sorted(folder.glob("*.html"))]
    if not pages:
        raise SystemExit(f"no *.html files in {folder}")
    return [pages[n % len(pages)] for n in range(count)]


def write_containers(folder: Path, pages: list[str]) -> dict[str, Path]:
    """The pages as JSONL (`html`), JSONL.gz, WARC, WARC.gz (UTF-8, charset in the header)
    and Parquet (row groups of 1,000)."""
    import gzip
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    lines = b"".join(orjson.dumps({"id": f"doc-{n:06d}", "url": f"https://bench.test/{n}",
                                   "html": page}) + b"\n" for n, page in enumerate(pages))
    paths = {"jsonl": folder / "p.jsonl", "jsonl.gz": folder / "p.jsonl.gz",
             "warc": folder / "p.warc", "warc.gz": folder / "p.warc.gz",
             "parquet": folder / "p.parquet"}
    paths["jsonl"].write_bytes(lines)
    paths["jsonl.gz"].write_bytes(gzip.compress(lines, compresslevel=6))
    for name in ("warc", "warc.gz"):
        with open(paths[name], "wb") as handle:
            writer = WARCWriter(handle, gzip=name.endswith(".gz"))
            for n, page in enumerate(pages):
                headers = StatusAndHeaders("200 OK", [("Content-Type",
                                                       "text/html; charset=utf-8")],
                                           protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(
                    f"https://bench.test/{n}", "response", http_headers=headers,
                    payload=io.BytesIO(page.encode("utf-8"))))
    pq.write_table(pa.table({"id": [f"doc-{n:06d}" for n in range(len(pages))],
                             "url": [f"https://bench.test/{n}" for n in range(len(pages))],
                             "html": pages}), paths["parquet"], row_group_size=1000)
    return paths


def read_seconds(path: Path, expected: int) -> float:
    """Seconds per document to plan `path`'s shards and read every document to text."""
    from cleaner.batch.io.inputs import expand_inputs
    from cleaner.batch.io.readers import JsonFields, SourceItem
    from cleaner.batch.io.shards import plan_shards
    from cleaner.stages.decode import decode_bytes

    fields = JsonFields()
    started = time.perf_counter()
    files, _ = expand_inputs([str(path)])
    documents = 0
    for shard in plan_shards(files, 1000):
        for item in shard.items(fields):
            if isinstance(item, SourceItem):
                source = item.source
                text = (decode_bytes(source, charset=item.charset) if isinstance(source, bytes)
                        else source)
                documents += bool(text)
    seconds = time.perf_counter() - started
    if documents != expected:
        raise SystemExit(f"{path.name}: read {documents} documents, expected {expected}")
    return seconds / documents


if __name__ == "__main__":
    sys.exit(main())
