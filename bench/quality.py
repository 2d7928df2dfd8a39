"""Quality benchmark: Zyte article-extraction metric for ``cleaner.clean()``.

Three modes, each scored against ``gold.jsonl`` of the Zyte dataset:

* ``fulltext`` -- ``clean(noisy_fulltext/<id>.txt, content_type="text")``
* ``recall``   -- ``clean(noisy_trafilatura_recall/<id>.txt, content_type="text")``
* ``html``     -- ``clean(html/<id>.html, content_type="html")``

Baselines: the noisy input scored as-is (live, text modes) and trafilatura
(``extract(html, include_comments=False)``, live with ``--baselines``, else the
published reference numbers from the dataset README).

Run from the repository root::

    .venv/bin/python bench/quality.py                       # all modes
    .venv/bin/python bench/quality.py --mode html --worst 10 --baselines
    .venv/bin/python bench/quality.py --check --json out.json

Dataset: ``--dataset PATH``, else ``$CLEANER_ZYTE_DATASET``, else
``../shared/datasets/zyte-article-extraction`` relative to the repository root.
Exit code is 0 unless ``--check`` is given and a goal fails.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # so that `bench` and `cleaner` import when run as a script

from bench.zyte_metric import aggregate, page_f1, page_precision, page_recall, shingle_scores

DEFAULT_DATASET = REPO.parent / "shared" / "datasets" / "zyte-article-extraction"
FOLDERS = {"fulltext": ("noisy_fulltext", ".txt"),
           "recall": ("noisy_trafilatura_recall", ".txt"),
           "html": ("html", ".html")}
GOALS = {"fulltext": 0.90, "recall": 0.970, "html": 0.970}
# Published reference F1 numbers (dataset README), printed when baselines are not run live.
TRAF = "trafilatura 2.3.1 include_comments=False 0.960 (0.942/0.978)"
REFERENCE = {"fulltext": "jusText on noisy_fulltext 0.773",
             "recall": TRAF,
             "html": f"{TRAF}; best open-source published 0.970"}


def dataset_hash(root: Path) -> str:
    """sha256 over sorted (relative name, size) of gold.jsonl and the three folders."""
    files = [root / "gold.jsonl"] + [f for d, _ in FOLDERS.values() for f in (root / d).iterdir()]
    h = hashlib.sha256()
    for name, size in sorted((str(f.relative_to(root)), f.stat().st_size) for f in files):
        h.update(f"{name}\t{size}\n".encode())
    return h.hexdigest()


def load_gold(root: Path, limit: int | None) -> list[dict]:
    with open(root / "gold.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    return gold[:limit] if limit else gold


def read_input(root: Path, mode: str, page_id: str) -> str:
    folder, ext = FOLDERS[mode]
    return (root / folder / f"{page_id}{ext}").read_text(encoding="utf-8")


def score(gold: list[dict], preds: list[str]) -> tuple[dict, list[tuple]]:
    scores = [shingle_scores(g["body"], p) for g, p in zip(gold, preds)]
    return aggregate(scores), scores


def run_clean(root: Path, mode: str, gold: list[dict]) -> tuple[list[str], list[tuple[str, str]]]:
    """Outputs of clean() per page; a page on which clean() raises counts as empty."""
    try:
        from cleaner import clean
    except ImportError as e:
        sys.exit(f"bench/quality.py: cannot import cleaner.clean ({e})")
    content_type = "html" if mode == "html" else "text"
    preds, errors = [], []
    for g in gold:
        try:
            preds.append(clean(read_input(root, mode, g["id"]), url=g["url"],
                               content_type=content_type).text or "")
        except Exception as e:  # noqa: BLE001 -- a benchmark must survive any failure
            preds.append("")
            errors.append((g["id"], f"{type(e).__name__}: {e}"))
            if os.environ.get("CLEANER_BENCH_TRACEBACK"):
                traceback.print_exc()
    return preds, errors


def run_trafilatura(root: Path, gold: list[dict]) -> list[str]:
    import trafilatura
    return [trafilatura.extract(read_input(root, "html", g["id"]), url=g["url"],
                                include_comments=False) or "" for g in gold]


def fmt(m: dict) -> str:
    return f"{m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dataset", type=Path,
                    default=Path(os.environ.get("CLEANER_ZYTE_DATASET", DEFAULT_DATASET)))
    ap.add_argument("--limit", type=int, help="score only the first N pages (by id)")
    ap.add_argument("--mode", choices=["all", *FOLDERS], default="all")
    ap.add_argument("--json", type=Path, help="write metrics and per-page scores here")
    ap.add_argument("--worst", type=int, default=0, metavar="K",
                    help="list the K pages with the lowest F1 per mode")
    ap.add_argument("--baselines", action="store_true",
                    help="run trafilatura live in html mode (slow)")
    ap.add_argument("--check", action="store_true", help="exit 1 if a goal fails")
    args = ap.parse_args(argv)

    root = args.dataset
    gold = load_gold(root, args.limit)
    modes = list(FOLDERS) if args.mode == "all" else [args.mode]
    print(f"dataset: {root}  pages: {len(gold)}  sha256: {dataset_hash(root)}\n")

    rows, failed, report = [], [], {"dataset_sha256": dataset_hash(root), "pages": len(gold)}
    for mode in modes:
        preds, errors = run_clean(root, mode, gold)
        ours, per_page = score(gold, preds)
        if mode != "html":
            base_name = "input as-is"
            base = score(gold, [read_input(root, mode, g["id"]) for g in gold])[0]
        elif args.baselines:
            base_name, base = "trafilatura", score(gold, run_trafilatura(root, gold))[0]
        else:
            base_name, base = "-", None
        ok = ours["f1"] >= GOALS[mode]
        if not ok:
            failed.append(mode)
        rows.append(f"| {mode} | {fmt(ours)} | {base_name} | {fmt(base) if base else '- | - | -'} "
                    f"| {REFERENCE[mode]} | >= {GOALS[mode]:.3f} | {'PASS' if ok else 'FAIL'} "
                    f"| {len(errors)} |")
        report[mode] = {"ours": ours, base_name: base, "goal": GOALS[mode], "pass": ok,
                        "errors": errors, "pages": {g["id"]: s for g, s in zip(gold, per_page)}}
        if errors:
            print(f"[{mode}] clean() raised on {len(errors)} page(s), scored as empty:")
            for page_id, msg in errors:
                print(f"  {page_id}  {msg[:150]}")
            print()
        if args.worst:
            worst = sorted(zip(gold, per_page), key=lambda gs: page_f1(*gs[1]))[:args.worst]
            print(f"[{mode}] worst {len(worst)} pages:")
            print("| id | P | R | F1 | url |\n|---|---|---|---|---|")
            for g, s in worst:
                print(f"| {g['id']} | {page_precision(*s):.3f} | {page_recall(*s):.3f} "
                      f"| {page_f1(*s):.3f} | {g['url']} |")
            print()

    print("| mode | P | R | F1 | live baseline | P | R | F1 | published F1 (P/R) | goal F1 "
          "| result | clean() errors |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1))
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
