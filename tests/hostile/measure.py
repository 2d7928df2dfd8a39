"""Clean each case of the hostile corpus in a child process of its own, under an address-space
limit and a wall-clock limit, and print one JSON line per case:

    {"name", "kind", "outcome": "record" | error class, "message", "seconds", "peak_mb"}

    python -m tests.hostile.measure [--jobs N] [NAME...]

The parent loads the pipeline once; each child is forked from it (so it starts warm, as a
batch worker does), builds its input, then times `clean()` alone. `peak_mb` is the child's
peak resident memory, the parent's pages included. A child that runs past the wall-clock
limit is killed and reported with outcome "killed".
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sys
import time

from cleaner import CleanerError, clean
from tests.hostile.corpus import CASES, Case

MEMORY_LIMIT = 1536 << 20  # RLIMIT_AS of each child: 1.5 GB
KILL_AFTER = 60.0  # seconds; the tests ask for 20, this only stops a hang


def run_case(case: Case) -> dict:
    """Clean `case` here and now (in the child): its outcome and time."""
    source = case.make()
    start = time.perf_counter()
    try:
        record = clean(source, content_type=case.content_type)
        outcome, message = "record", f"{record.word_count} words"
    except CleanerError as exc:
        outcome, message = type(exc).__name__, str(exc)
    except BaseException as exc:  # noqa: BLE001 - the point is to report anything else
        outcome, message = f"crash:{type(exc).__name__}", str(exc)[:300]
    return {"name": case.name, "kind": case.kind, "outcome": outcome, "message": message,
            "seconds": round(time.perf_counter() - start, 3)}


def fork_case(case: Case) -> tuple[int, int]:
    """Start a child that cleans `case` under the memory limit; (pid, read end of its pipe)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        with os.fdopen(write, "w") as out:
            out.write(json.dumps(run_case(case)))
        os._exit(0)
    os.close(write)
    return pid, read


def collect(pid: int, read: int, case: Case, started: float) -> dict | None:
    """The child's report once it has exited, None while it runs (killed past the limit)."""
    done, status, usage = os.wait4(pid, os.WNOHANG)
    if not done:
        if time.monotonic() - started < KILL_AFTER:
            return None
        os.kill(pid, signal.SIGKILL)
        done, status, usage = os.wait4(pid, 0)
    with os.fdopen(read) as pipe:
        report = pipe.read()
    row = json.loads(report) if report else {
        "name": case.name, "kind": case.kind, "outcome": "killed",
        "message": f"no report (wait status {status})", "seconds": None}
    row["peak_mb"] = round(usage.ru_maxrss / 1024)
    return row


def measure(cases: list[Case], jobs: int):
    """Yield each case's row as it finishes, running up to `jobs` children at once."""
    clean("Share this\nThe council approved the new budget on Monday after a long debate.")
    waiting = list(cases)
    running: dict[int, tuple[int, Case, float]] = {}
    while waiting or running:
        while waiting and len(running) < jobs:
            case = waiting.pop(0)
            pid, read = fork_case(case)
            running[pid] = (read, case, time.monotonic())
        for pid, (read, case, started) in list(running.items()):
            row = collect(pid, read, case, started)
            if row is not None:
                del running[pid]
                yield row
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="cases to run (default: all)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    cases = [c for c in CASES if not args.names or c.name in args.names]
    for row in measure(cases, args.jobs):
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    sys.exit(main())
