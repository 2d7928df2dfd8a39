"""Run `clean()` (and the baselines) over benchmark pages, in parallel, deterministically.

`clean_pages` returns, for every page, what the benchmarks score and audit: the body, the
fields text may move to (title, description), the edits with their rule ids, the record's
flags and the time it took. Baselines are the input as it is and trafilatura alone on the
HTML (`include_comments=False`); trafilatura's outputs are cached under `.cache/bench/`,
keyed by its version and the dataset's hash.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.datasets import REPO, Page, dataset_hash, read_input

CACHE = Path(os.environ.get("CLEANER_BENCH_CACHE", REPO / ".cache" / "bench"))


@dataclass(frozen=True)
class Output:
    """What `clean()` made of one page."""

    text: str
    title: str | None = None
    description: str | None = None
    edits: tuple[tuple[str, str, str], ...] = ()  # (rule, action, before)
    flags: tuple[str, ...] = ()
    error: str | None = None
    seconds: float = 0.0

    def removed(self) -> Iterable[tuple[str, str]]:
        """(rule, text) of every removal."""
        return ((rule, before) for rule, action, before in self.edits if action == "remove")


def content_type(mode: str) -> str:
    return "html" if mode == "html" else "text"


_worker_config = None


def _init_worker(config) -> None:
    global _worker_config
    _worker_config = config


def _clean_one(job: tuple[Page, str, str | None]) -> tuple[str, Output]:
    page, mode, source = job
    from cleaner import clean

    if source is None:
        source = read_input(page, mode)
    start = time.perf_counter()
    try:
        record = clean(source, url=page.url or None, content_type=content_type(mode),
                       config=_worker_config)
    except Exception as exc:  # noqa: BLE001 -- a benchmark scores a failure as empty
        return page.key, Output("", error=f"{type(exc).__name__}: {exc}",
                                seconds=time.perf_counter() - start)
    seconds = time.perf_counter() - start
    edits = tuple((e.rule, e.action, e.before) for e in record.edits)
    return page.key, Output(record.text, record.title, record.description, edits,
                            tuple(record.flags), None, seconds)


def clean_pages(pages: Sequence[Page], mode: str, config=None, workers: int | None = None,
                sources: dict[str, str] | None = None) -> dict[str, Output]:
    """`clean()` of every page's input in `mode`, by page key; `sources` overrides inputs
    (the no-harm bench feeds gold bodies)."""
    jobs = [(p, mode, (sources or {}).get(p.key)) for p in pages]
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < 8:
        _init_worker(config)
        return dict(map(_clean_one, jobs))
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        return dict(pool.imap(_clean_one, jobs, chunksize=4))


def as_is(pages: Sequence[Page], mode: str) -> dict[str, str]:
    return {p.key: read_input(p, mode) for p in pages}


def _trafilatura_one(page: Page) -> tuple[str, str]:
    import trafilatura

    text = trafilatura.extract(read_input(page, "html"), url=page.url or None,
                               include_comments=False)
    return page.key, text or ""


def trafilatura_outputs(pages: Sequence[Page], workers: int | None = None) -> dict[str, str]:
    """`trafilatura.extract(html, include_comments=False)` of every page, cached on disk."""
    import trafilatura

    found: dict[str, str] = {}
    missing: list[Page] = []
    caches: dict[str, dict[str, str]] = {}
    for page in pages:
        cache = caches.setdefault(page.dataset, _read_cache(page.dataset, trafilatura.__version__))
        if page.key in cache:
            found[page.key] = cache[page.key]
        else:
            missing.append(page)
    if missing:
        context = multiprocessing.get_context("fork")
        with context.Pool(workers or os.cpu_count() or 1) as pool:
            found.update(pool.imap(_trafilatura_one, missing, chunksize=4))
        for dataset, cache in caches.items():
            cache.update({k: v for k, v in found.items() if k.startswith(dataset + "/")})
            _write_cache(dataset, trafilatura.__version__, cache)
    return found


def _cache_file(dataset: str, version: str) -> Path:
    return CACHE / f"trafilatura-{version}-{dataset}-{dataset_hash(dataset)}.json"


def _read_cache(dataset: str, version: str) -> dict[str, str]:
    path = _cache_file(dataset, version)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _write_cache(dataset: str, version: str, cache: dict[str, str]) -> None:
    path = _cache_file(dataset, version)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(cache, sort_keys=True), encoding="utf-8")
    temporary.replace(path)
