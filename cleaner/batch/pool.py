"""Where the local pool's workers come from: a forkserver that loaded the pipeline once.

Before it forks any worker, the forkserver imports `cleaner.batch.warm`, which builds the
default pipeline (language profiles, the built-in rule catalog, the extractor), so each worker
starts warm and shares those pages with its siblings. `start()` launches the forkserver ahead
of time: `cleaner run` calls it before it imports the pipeline itself, so that the two load
side by side.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver

PRELOAD = ["cleaner.batch.warm"]


def pool_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where it exists (never fork a process that may hold threads), else 'spawn'."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start() -> None:
    """Start the forkserver now, where there is one, and return while it loads."""
    if pool_context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()
