"""The local pool's forkserver: workers forked from it start with the pipeline built."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from cleaner.batch.execute import pool
from cleaner.batch.execute.cleaning import ready_config
from cleaner.config import Config


def default_pipeline_was_ready() -> bool:
    """In a worker: did asking for the default config's pipeline find it already built?"""
    hits = ready_config.cache_info().hits
    ready_config(Config().cache_key())
    return ready_config.cache_info().hits == hits + 1


def test_workers_start_with_the_default_pipeline_ready():
    pool.start()
    with ProcessPoolExecutor(1, mp_context=pool.pool_context()) as executor:
        assert executor.submit(default_pipeline_was_ready).result(timeout=120)
