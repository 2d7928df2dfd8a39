"""kill -9 of `cleaner run` leaves no process behind: the forkserver, the resource tracker and
every worker exit within seconds, and no shard is written after that."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.helpers import articles_jsonl

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(),
                                reason="looks for the former children in /proc")


def parent_of(pid: int) -> int | None:
    """The parent pid of a live (not zombie) process, or None."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid = stat.rsplit(")", 1)[1].split()[:2]
    return None if state in ("Z", "X") else int(ppid)


def descendants(root: int) -> set[int]:
    """Every live process below `root`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (ppid := parent_of(int(entry))) is not None:
            children.setdefault(ppid, []).append(int(entry))
    found, todo = set(), [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_kill_9_of_the_main_process_leaves_no_process_and_writes_no_shard(tmp_path, fast_config):
    feed = articles_jsonl(tmp_path / "feed.jsonl", 6000)
    out = tmp_path / "out"
    main = subprocess.Popen(
        [sys.executable, "-c", "from cleaner.cli import main; main()", "run", str(feed),
         "-o", str(out), "--workers", "2", "--shard-size", "10", "-q", "--config",
         str(fast_config)], cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: set[int] = set()
    try:
        assert wait_for(lambda: any((out / "done").glob("*.json")), 60), "no shard finished"
        children = descendants(main.pid)
        assert len(children) >= 4  # the forkserver, the resource tracker, two workers
        os.kill(main.pid, signal.SIGKILL)
        main.wait()
        assert not (out / "manifest.json").exists(), "the run ended before it was killed"
        assert wait_for(lambda: not any(parent_of(pid) for pid in children), 10), (
            f"still alive 10 s after kill -9: {[p for p in children if parent_of(p)]}")
        published = sorted(p.name for p in (out / "done").iterdir())
        time.sleep(1.5)
        assert sorted(p.name for p in (out / "done").iterdir()) == published
    finally:
        for pid in [main.pid, *children]:  # only if the test failed: never leave them
            if parent_of(pid) is not None:
                os.kill(pid, signal.SIGKILL)
        main.wait()
