"""Reference records: `clean()`'s output on a fixed set of inputs, to prove a change (a speed
change, say) leaves every record byte-identical.

The inputs are the golden fixtures (`fixtures/*/*.txt`, as text), every Zyte page and a
sample of WCXB dev (every 7th page, 200 pages) in all three inputs (html, recall,
fulltext). Each record is written as one JSON line, `key<TAB>record JSON`, in input order.

    .venv/bin/python -m bench.reference write .cache/reference.jsonl
    .venv/bin/python -m bench.reference compare .cache/reference.jsonl   # exit 1 on a diff
"""
from __future__ import annotations

import argparse
import multiprocessing
import sys
from pathlib import Path

from bench.datasets import MODES, REPO, available, pages, read_input

WCXB_SAMPLE = 200
WCXB_STEP = 7


def jobs() -> list[tuple[str, str, str]]:
    """(key, content_type, path or page key) of every reference input, in a fixed order."""
    out = [(str(p.relative_to(REPO)), "text", str(p))
           for p in sorted((REPO / "fixtures").glob("*/*.txt"))]
    for dataset, chosen in (("zyte", pages("zyte") if available("zyte") else []),
                            ("wcxb", sample_wcxb())):
        out.extend((f"{page.key}:{mode}", mode, page.key) for page in chosen for mode in MODES)
    return out


def sample_wcxb() -> list:
    return pages("wcxb")[::WCXB_STEP][:WCXB_SAMPLE] if available("wcxb") else []


def _source(mode: str, where: str) -> str:
    if mode == "text":
        return Path(where).read_text(encoding="utf-8")
    dataset = where.split("/", 1)[0]
    page = next(p for p in pages(dataset) if p.key == where)
    return read_input(page, mode)


def record_line(job: tuple[str, str, str]) -> str:
    from cleaner import clean
    from cleaner.errors import CleanerError

    key, mode, where = job
    try:
        rec = clean(_source(mode, where), content_type="html" if mode == "html" else "text")
        body = rec.model_dump_json()
    except CleanerError as exc:
        body = f"ERROR {type(exc).__name__}: {exc}"
    return f"{key}\t{body}"


def records(workers: int) -> list[str]:
    todo = jobs()
    if workers <= 1:
        return [record_line(j) for j in todo]
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        return pool.map(record_line, todo, chunksize=4)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("action", choices=("write", "compare"))
    ap.add_argument("path", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    lines = records(args.workers)
    if args.action == "write":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} records to {args.path}")
        return 0
    want = args.path.read_text(encoding="utf-8").splitlines()
    diffs = [w.split("\t", 1)[0] for w, g in zip(want, lines, strict=True) if w != g]
    print(f"{len(lines)} records, {len(diffs)} differ" + "".join(f"\n  {d}" for d in diffs[:20]))
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
