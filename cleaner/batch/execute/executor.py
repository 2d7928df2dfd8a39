"""Executors run shards and yield each one's completion marker as it finishes.

`LocalExecutor` runs them on a process pool whose workers are forked, warm, from a
forkserver that built the default pipeline once (`cleaner.batch.execute.pool`). When the OS kills a
worker the whole pool breaks; the shards it held are retried once, each in a one-process pool
of its own (so a shard that kills its worker again takes no other shard down), and a shard that
kills its worker twice is published as "worker_crashed" error rows. `RayExecutor` runs the
same shard function as one Ray task per shard, and `InlineExecutor` in this process (for
debugging and profiling: no pool, no isolation).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, as_completed, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from cleaner.batch import BatchError
from cleaner.batch.execute.pool import worker_options
from cleaner.batch.execute.worker import ShardTask, crashed_shard, process_shard
from cleaner.batch.io.shards import Shard

ShardFn = Callable[[Shard, ShardTask], dict[str, Any]]

CRASH_MESSAGE = ("the worker process died twice while cleaning this shard "
                 "(killed by the OS, out of memory?)")
RAY_MISSING = "ray executor needs the 'ray' extra: pip install 'cleaner[ray]'"


class Executor(Protocol):
    workers: int

    def run(self, shards: list[Shard], task: ShardTask) -> Iterator[dict[str, Any]]: ...


def make_executor(kind: str, workers: int, ray_address: str | None = None) -> Executor:
    """The executor named by `--executor`, checked before any work starts."""
    if kind == "ray":
        return RayExecutor(ray_address)
    if ray_address is not None:
        raise BatchError("--ray-address needs --executor ray")
    if kind != "local":
        raise BatchError(f"unknown executor {kind!r} (choose local or ray)")
    return LocalExecutor(workers) if workers else InlineExecutor()


class InlineExecutor:
    """Shards one after another in this process (`--workers 0`)."""

    workers = 0

    def __init__(self, shard_fn: ShardFn = process_shard) -> None:
        self.shard_fn = shard_fn

    def run(self, shards: list[Shard], task: ShardTask) -> Iterator[dict[str, Any]]:
        for shard in shards:
            yield self.shard_fn(shard, task)


class LocalExecutor:
    """Shards on `workers` local processes, at most two queued per worker."""

    def __init__(self, workers: int, shard_fn: ShardFn = process_shard) -> None:
        self.workers = workers
        self.shard_fn = shard_fn

    def run(self, shards: list[Shard], task: ShardTask) -> Iterator[dict[str, Any]]:
        workers = max(1, min(self.workers, len(shards)))  # no idle processes for few shards
        queue = deque(shards)
        lost: list[Shard] = []
        while queue:
            lost += yield from self._until_done_or_broken(queue, task, workers)
        for start in range(0, len(lost), self.workers):
            yield from self._isolated(lost[start:start + self.workers], task)

    def _until_done_or_broken(self, queue: deque[Shard], task: ShardTask, workers: int,
                              ) -> Generator[dict[str, Any], None, list[Shard]]:
        """Run queued shards on one pool until the queue is empty or the pool breaks; return
        the shards the broken pool held."""
        lost: list[Shard] = []
        with ProcessPoolExecutor(workers, **worker_options()) as pool:
            running: dict[Future[dict[str, Any]], Shard] = {}
            while running or (queue and not lost):
                while queue and not lost and len(running) < 2 * workers:
                    shard = queue.popleft()
                    running[pool.submit(self.shard_fn, shard, task)] = shard
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    shard = running.pop(future)
                    try:
                        marker = future.result()
                    except BrokenProcessPool:
                        lost.append(shard)
                        continue
                    yield marker
        return lost

    def _isolated(self, shards: list[Shard], task: ShardTask) -> Iterator[dict[str, Any]]:
        """Retry each shard in a one-process pool of its own, all at once."""
        pools = [ProcessPoolExecutor(1, **worker_options()) for _ in shards]
        try:
            futures = {pool.submit(self.shard_fn, shard, task): shard
                       for pool, shard in zip(pools, shards)}
            for future in as_completed(futures):
                try:
                    marker = future.result()
                except BrokenProcessPool:
                    marker = crashed_shard(futures[future], task, CRASH_MESSAGE)
                yield marker
        finally:
            for pool in pools:
                pool.shutdown()


class RayExecutor:
    """One Ray task per shard, at most `max_in_flight` at once. Workers write straight into the
    output folder, which must be on storage that every node shares."""

    def __init__(self, address: str | None, shard_fn: ShardFn = process_shard,
                 max_in_flight: int = 256) -> None:
        try:
            import ray
        except ImportError:
            raise BatchError(RAY_MISSING) from None
        self.ray = ray
        self.address = address
        self.shard_fn = shard_fn
        self.max_in_flight = max_in_flight
        self.workers = 0  # decided by the cluster

    def run(self, shards: list[Shard], task: ShardTask) -> Iterator[dict[str, Any]]:
        ray = self.ray
        ray.init(address=self.address, ignore_reinit_error=True)
        self.workers = int(ray.cluster_resources().get("CPU", 0))
        remote = ray.remote(max_retries=1)(self.shard_fn)  # a dead worker's task runs once more
        crashes = (ray.exceptions.WorkerCrashedError, ray.exceptions.OutOfMemoryError)
        queue = deque(shards)
        running: dict[Any, Shard] = {}
        while running or queue:
            while queue and len(running) < self.max_in_flight:
                shard = queue.popleft()
                running[remote.remote(shard, task)] = shard
            done, _ = ray.wait(list(running), num_returns=1)
            shard = running.pop(done[0])
            try:
                marker = ray.get(done[0])
            except crashes:
                marker = crashed_shard(shard, task, CRASH_MESSAGE)
            yield marker
