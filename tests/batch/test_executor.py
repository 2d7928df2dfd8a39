"""Executors: a worker killed by the OS, the Ray executor's orchestration, the choice of one."""

from __future__ import annotations

import sys

import pytest

from cleaner.batch import BatchError
from cleaner.batch.execute.executor import (
    CRASH_MESSAGE,
    InlineExecutor,
    LocalExecutor,
    RayExecutor,
    make_executor,
)
from cleaner.batch.execute.worker import process_shard
from cleaner.batch.runner import RunOptions, run_batch
from cleaner.config import Config
from tests.batch.helpers import articles_jsonl, crash_on_poison, is_poison, rows


@pytest.fixture
def feeds(tmp_path, fast_config):
    """Six good documents and three in a file whose shards kill their worker."""
    good = articles_jsonl(tmp_path / "good.jsonl", 6)
    poison = articles_jsonl(tmp_path / "poison.jsonl", 3)
    return RunOptions(inputs=(str(good), str(poison)), output=tmp_path / "out",
                      config=Config.from_file(fast_config), shard_size=2)


def assert_poison_ends_as_crash_rows(options, manifest):
    errors = rows(options.output, "errors")
    assert [(e["origin"]["line"], e["error"], e["message"]) for e in errors] == [
        (line, "worker_crashed", CRASH_MESSAGE) for line in (1, 2, 3)]
    assert [e["id"] for e in errors] == ["doc-00000", "doc-00001", "doc-00002"]
    assert len(rows(options.output, "records")) == 6
    assert manifest["counts"]["documents"] == 9


def test_a_shard_that_kills_its_worker_twice_becomes_error_rows(feeds):
    manifest = run_batch(feeds, executor=LocalExecutor(2, shard_fn=crash_on_poison))
    assert_poison_ends_as_crash_rows(feeds, manifest)


class FakeRay:
    """Just enough of `ray` to run RayExecutor in this process: tasks run when submitted."""

    class exceptions:  # the name ray uses
        class WorkerCrashedError(Exception):
            pass

        class OutOfMemoryError(Exception):
            pass

    def __init__(self):
        self.address = "unset"

    def init(self, address=None, ignore_reinit_error=False):
        self.address = address

    def cluster_resources(self):
        return {"CPU": 3.0}

    def remote(self, max_retries):
        assert max_retries == 1
        return lambda fn: type("Remote", (), {"remote": staticmethod(lambda *a: self._run(fn, a))})

    def _run(self, fn, args):
        """An object ref: the task's result, or the error a worker crash gives."""
        return Ref(self.exceptions.WorkerCrashedError() if is_poison(args[0]) else fn(*args))

    def wait(self, refs, num_returns):
        return refs[:num_returns], refs[num_returns:]

    def get(self, ref):
        if isinstance(ref.value, Exception):
            raise ref.value
        return ref.value


class Ref:
    def __init__(self, value):
        self.value = value


def test_ray_executor_runs_one_task_per_shard(feeds, monkeypatch):
    ray = FakeRay()
    monkeypatch.setitem(sys.modules, "ray", ray)
    options = RunOptions(**{**feeds.__dict__, "executor": "ray", "ray_address": "ray://head:10001"})
    manifest = run_batch(options)
    assert ray.address == "ray://head:10001"
    assert manifest["run"]["workers"] == 3
    assert_poison_ends_as_crash_rows(options, manifest)


def test_ray_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    with pytest.raises(BatchError, match=r"pip install 'cleaner\[ray\]'"):
        make_executor("ray", 2)


def test_make_executor():
    assert isinstance(make_executor("local", 0), InlineExecutor)
    local = make_executor("local", 3)
    assert isinstance(local, LocalExecutor) and local.workers == 3
    assert local.shard_fn is process_shard
    with pytest.raises(BatchError, match="unknown executor 'dask'"):
        make_executor("dask", 2)
    with pytest.raises(BatchError, match="--ray-address needs --executor ray"):
        make_executor("local", 2, "auto")
    assert not isinstance(make_executor("local", 1), RayExecutor)
