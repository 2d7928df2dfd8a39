"""Where the local pool's workers come from: a forkserver that loaded the pipeline once.

Before it forks any worker, the forkserver imports `cleaner.batch.execute.warm`, which builds the
default pipeline (language profiles, the built-in catalog, the extractor), so each worker
starts warm and shares those pages with its siblings. `start()` launches the forkserver ahead
of time: `cleaner run` calls it before it imports the pipeline itself, so that the two load
side by side.

No orphans: the forkserver and every worker die with the process that started them, whatever
killed it (kill -9 included), so that none goes on writing shards for a run that is over.
On Linux each asks the kernel for SIGKILL when its parent dies (`PR_SET_PDEATHSIG`); elsewhere
a thread watches the parent's pid. The resource tracker, whose pipe they all hold, sees the
pipe close and exits too.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import time

PRELOAD = ["cleaner.batch.execute.warm"]
# The pid of the process whose forkserver this is, for the forkserver to watch.
MAIN_PID_VARIABLE = "CLEANER_BATCH_MAIN_PID"
_PR_SET_PDEATHSIG = 1  # prctl's option number (linux/prctl.h)
# How often a worker without that option checks that its parent lives: an orphan dies
# within half a second, and a check is one system call.
_WATCH_SECONDS = 0.5


def pool_context() -> multiprocessing.context.BaseContext:
    """'forkserver' where it exists (never fork a process that may hold threads), else 'spawn'."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    os.environ[MAIN_PID_VARIABLE] = str(os.getpid())  # inherited by the forkserver it starts
    return context


def start() -> None:
    """Start the forkserver now, where there is one, and return while it loads."""
    if pool_context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()


def worker_options() -> dict[str, object]:
    """`ProcessPoolExecutor` arguments that make its workers die with this process."""
    return {"mp_context": pool_context(), "initializer": die_with_parent,
            "initargs": (os.getpid(),)}


def die_with_parent(main_pid: int | None = None) -> None:
    """Make this process die (SIGKILL) when its parent does. `main_pid`, the run's main
    process, covers the race where it died before this call: then this process exits now."""
    parent = os.getppid()
    if not _kernel_kills_orphan():
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True,
                         name="cleaner-parent-watch").start()
    if not _alive(main_pid) or os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)


def die_with_main_process() -> None:
    """In the forkserver: die with the process that started it (its pid is in the
    environment), so that workers forked from it, which die with it, do too."""
    main_pid = os.environ.get(MAIN_PID_VARIABLE)
    if main_pid and main_pid.isdigit() and int(main_pid) == os.getppid():
        die_with_parent(int(main_pid))


def _kernel_kills_orphan() -> bool:
    """Ask Linux to send SIGKILL to this process when its parent thread ends."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGKILL)


def _alive(pid: int | None) -> bool:
    if pid is None:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
