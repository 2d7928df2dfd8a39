"""The batch runner against hostile inputs and a hostile machine: ids that look like paths, a
full disk, an output folder that cannot be written, a worker the OS kills."""

from __future__ import annotations

import errno
import os
import sys

import orjson
import pytest
from click.testing import CliRunner

from cleaner.batch.execute.executor import LocalExecutor
from cleaner.batch.runner import RunOptions, run_batch
from cleaner.cli import main
from cleaner.config import Config, RulesSettings
from tests.hostile.workers import killed_once

STORY = "The council approved the new budget on Monday after a long debate, officials said."
PATH_LIKE_IDS = ["../../../escape", "/etc/passwd", "a/b/c", "..", ".", "~", "C:\\x\\..\\y",
                 "nul\x00byte", "-rf", "$(touch x)", "records/../../up", "é/ü"]
FAST = Config(rules=RulesSettings(builtin=False))  # workers start in a second


def feed(path, ids):
    path.write_bytes(b"".join(orjson.dumps({"id": i, "text": f"{STORY} ({n})"}) + b"\n"
                              for n, i in enumerate(ids)))
    return path


def rows(out, kind):
    return [orjson.loads(line) for file in sorted((out / kind).glob("*.jsonl"))
            for line in file.read_bytes().splitlines()]


def run(*args):
    return CliRunner().invoke(main, ["run", *map(str, args)])


def test_ids_never_become_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    feed(tmp_path / "feed.jsonl", PATH_LIKE_IDS)
    result = run("feed.jsonl", "-o", "out", "--workers", "0", "-q")
    assert result.exit_code == 0, result.output
    outside = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")} - {
        p.relative_to(tmp_path) for p in (tmp_path / "out").rglob("*")}
    assert {str(p) for p in outside} == {"feed.jsonl", "out"}
    names = {p.name for p in (tmp_path / "out").rglob("*")}
    assert not any(i.strip("./") and i.strip("./") in name for i in PATH_LIKE_IDS for name in names)
    assert [r["id"] for r in rows(tmp_path / "out", "records")] == PATH_LIKE_IDS


@pytest.fixture
def full_disk(monkeypatch):
    """fsync of any file under records/ fails as on a full disk (ENOSPC)."""
    real_fsync = os.fsync

    def fsync(fd):
        if f"{os.sep}records{os.sep}" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")
def test_a_full_disk_is_a_clear_error_and_marks_no_shard_done(tmp_path, monkeypatch, full_disk):
    monkeypatch.chdir(tmp_path)
    feed(tmp_path / "feed.jsonl", [f"doc-{n}" for n in range(5)])
    result = run("feed.jsonl", "-o", "out", "--workers", "0", "-q", "--shard-size", "2")
    assert result.exit_code == 2
    assert result.stderr == ("cleaner: [E030] cannot write the output in out: OSError: "
                             "No space left on device\n")
    assert not list((tmp_path / "out" / "done").iterdir())
    assert not list((tmp_path / "out" / "records").iterdir())
    monkeypatch.undo()  # space again: the same command resumes and completes
    monkeypatch.chdir(tmp_path)
    assert run("feed.jsonl", "-o", "out", "--workers", "0", "-q", "--shard-size", "2",
               ).exit_code == 0
    assert len(rows(tmp_path / "out", "records")) == 5


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    feed(tmp_path / "feed.jsonl", ["a"])
    (tmp_path / "file").write_text("not a folder")
    result = run(tmp_path / "feed.jsonl", "-o", tmp_path / "file" / "out", "--workers", "0")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Not a directory" in result.stderr


def test_a_worker_killed_once_is_retried_and_loses_nothing(tmp_path):
    good = feed(tmp_path / "good.jsonl", [f"good-{n}" for n in range(4)])
    poison = feed(tmp_path / "poison.jsonl", ["poison-0", "poison-1"])  # one shard
    options = RunOptions(inputs=(str(good), str(poison)), output=tmp_path / "out", config=FAST,
                         shard_size=2)
    manifest = run_batch(options, executor=LocalExecutor(2, shard_fn=killed_once))
    assert list(tmp_path.glob("out.*poison*.killed"))  # the kill did happen
    assert sorted(r["id"] for r in rows(tmp_path / "out", "records")) == sorted(
        [f"good-{n}" for n in range(4)] + ["poison-0", "poison-1"])
    assert rows(tmp_path / "out", "errors") == []
    assert manifest["counts"]["records"] == 6
