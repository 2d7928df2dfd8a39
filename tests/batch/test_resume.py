"""A killed or interrupted run, re-run, ends with exactly the output of an uninterrupted one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.batch.helpers import articles_jsonl, manifest, rows, tree

CLEANER = Path(sys.executable).with_name("cleaner")


def wait_for_markers(done: Path, count: int, process: subprocess.Popen, limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None:
        if done.is_dir() and len(list(done.glob("*.json"))) >= count:
            return
        time.sleep(0.005)
    raise AssertionError(f"the run ended or stalled before {count} shards were done")


def test_kill_9_mid_run_then_resume_gives_identical_output(tmp_path, cli, fast_config):
    feed = articles_jsonl(tmp_path / "feed.jsonl", 400)
    args = ["run", feed, "--shard-size", "4", "--config", fast_config, "-q"]
    killed, reference = tmp_path / "killed", tmp_path / "reference"
    process = subprocess.Popen([CLEANER, *map(str, args), "-o", str(killed), "--workers", "2"],
                               start_new_session=True, stderr=subprocess.DEVNULL)
    try:
        wait_for_markers(killed / "done", 2, process)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the run and its worker processes
        process.wait()
    finished = len(list((killed / "done").glob("*.json")))
    assert 2 <= finished < 100 and not (killed / "manifest.json").exists()

    assert cli(*args, "-o", killed, "--workers", "0").exit_code == 0
    assert cli(*args, "-o", reference, "--workers", "0").exit_code == 0
    assert tree(killed) == tree(reference)
    assert len(rows(killed, "records")) == 400
    resumed, whole = manifest(killed), manifest(reference)
    assert resumed.pop("run")["resumed_shards"] >= finished
    whole.pop("run")
    assert resumed == whole


def test_unfinished_shards_are_redone_and_leftovers_of_a_crash_replaced(tmp_path, cli):
    feed = tmp_path / "feed.jsonl"
    good = b'{"text": "The mayor opened the new bridge on Monday, officials said."}\n'
    feed.write_bytes(good + b'{"id": "no-text"}\n' + good + good)
    args = ["run", feed, "-o", tmp_path / "out", "--shard-size", "2", "--workers", "0", "-q"]
    assert cli(*args).exit_code == 0
    out = tmp_path / "out"
    expected = tree(out)
    markers = sorted((out / "done").iterdir())
    # Shard 0 has a record and an error, shard 1 two records. Leave what crashes leave: files
    # renamed but no marker, a torn file, an errors file of an earlier attempt, a temporary file.
    markers[0].unlink()
    markers[1].unlink()
    first_records = min((out / "records").iterdir())
    first_records.write_bytes(first_records.read_bytes()[:10])
    (out / "errors" / markers[1].with_suffix(".jsonl").name).write_bytes(b'{"stale": 1}\n')
    (out / "records" / ".tmp-x-1.jsonl").write_bytes(b"partial")
    assert cli(*args).exit_code == 0
    assert tree(out) == expected
    assert manifest(out)["run"]["resumed_shards"] == 0
    assert manifest(out)["counts"]["documents"] == 4


def test_a_finished_run_reruns_as_a_no_op(tmp_path, cli):
    articles_jsonl(tmp_path / "feed.jsonl", 3)
    args = ["run", tmp_path / "feed.jsonl", "-o", tmp_path / "out", "--workers", "0"]
    assert cli(*args, "-q").exit_code == 0
    before = tree(tmp_path / "out")
    result = cli(*args)
    assert "(1 shard, 1 done before)" in result.output
    assert tree(tmp_path / "out") == before
