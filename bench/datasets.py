"""The benchmark datasets, read from `../shared/datasets` (never copied into the repository).

Two datasets, one shape: a `Page` with its gold body and, for WCXB dev, its page type, gold
title, author and date, and the half of the fixed tune/validate split its domain is in.

- ``zyte``: 181 news pages of the Zyte article-extraction benchmark (MIT).
- ``wcxb``: the 1,497 pages of WCXB's dev split, 7 page types from 1,295 domains
  (Foley, M. "WCXB: A Multi-Type Web Content Extraction Benchmark", 2026, CC-BY-4.0).

Every page has three inputs (`MODES`): its HTML, trafilatura's recall-mode output
(``recall``) and every jusText paragraph of the page (``fulltext``: whole-page text).

The split (`wcxb_split.json`) puts each domain, with all its pages, in one half: thresholds
and settings are chosen on ``tune``; the numbers reported are ``validate``'s.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CLEANER_SHARED", REPO.parent / "shared"))
DATASETS = {"zyte": "zyte-article-extraction", "wcxb": "wcxb-dev"}
SPLIT_FILE = Path(__file__).with_name("wcxb_split.json")
HALVES = ("tune", "validate")
MODES = ("html", "recall", "fulltext")
_FOLDERS = {"recall": "noisy_trafilatura_recall", "fulltext": "noisy_fulltext"}
PAGE_TYPES = ("article", "documentation", "service", "forum", "product", "collection",
              "listing")


@dataclass(frozen=True)
class Page:
    """One benchmark page and its gold."""

    dataset: str
    id: str
    url: str
    kind: str
    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    half: str | None = None
    domain: str | None = None
    with_snippets: tuple[str, ...] = field(default=(), repr=False)
    without_snippets: tuple[str, ...] = field(default=(), repr=False)

    @property
    def key(self) -> str:
        return f"{self.dataset}/{self.id}"


def dataset_root(dataset: str) -> Path:
    env = os.environ.get(f"CLEANER_{dataset.upper()}_DATASET")
    return Path(env) if env else SHARED / "datasets" / DATASETS[dataset]


def available(dataset: str) -> bool:
    return (dataset_root(dataset) / "gold.jsonl").is_file()


@cache
def load(dataset: str) -> tuple[Page, ...]:
    """Every page of `dataset`, in id order."""
    root = dataset_root(dataset)
    with open(root / "gold.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    halves = split_halves() if dataset == "wcxb" else {}
    pages = [_page(dataset, row, halves) for row in rows]
    return tuple(sorted(pages, key=lambda p: p.id))


def split_key(row: dict) -> str:
    """What the split assigns: the page's domain, or the page itself when it has none."""
    return row.get("domain") or f"page:{row['id']}"


def _page(dataset: str, row: dict, halves: dict[str, str]) -> Page:
    return Page(dataset=dataset, id=row["id"], url=row.get("url") or "",
                kind=row.get("dataset", "article") if dataset == "wcxb" else "article",
                body=row.get("body") or "", title=row.get("title"), author=row.get("author"),
                date=row.get("date"), half=halves.get(split_key(row)),
                domain=row.get("domain") or None, with_snippets=tuple(row.get("with") or ()),
                without_snippets=tuple(row.get("without") or ()))


def pages(dataset: str, half: str | None = None, kinds: tuple[str, ...] | None = None,
          ) -> list[Page]:
    """The pages of `dataset`, of one half of the split and some page types if given."""
    return [p for p in load(dataset)
            if (half is None or p.half == half) and (kinds is None or p.kind in kinds)]


def read_input(page: Page, mode: str) -> str:
    """The page's input in `mode`: its HTML, or one of its two noisy texts."""
    root = dataset_root(page.dataset)
    if mode == "html":
        plain = root / "html" / f"{page.id}.html"
        if plain.is_file():
            return plain.read_text(encoding="utf-8", errors="replace")
        with gzip.open(root / "html" / f"{page.id}.html.gz", "rt", encoding="utf-8",
                       errors="replace") as f:
            return f.read()
    return (root / _FOLDERS[mode] / f"{page.id}.txt").read_text(encoding="utf-8")


def dataset_hash(dataset: str) -> str:
    """sha256 over the sorted (name, size) of gold.jsonl and every input file: which copy
    of the dataset a number was measured on."""
    root = dataset_root(dataset)
    files = [root / "gold.jsonl"]
    for folder in ("html", *_FOLDERS.values()):
        files.extend((root / folder).iterdir())
    digest = hashlib.sha256()
    for name, size in sorted((str(f.relative_to(root)), f.stat().st_size) for f in files):
        digest.update(f"{name}\t{size}\n".encode())
    return digest.hexdigest()[:12]


@cache
def split_halves() -> dict[str, str]:
    """domain (`split_key`) -> "tune" or "validate", from the committed split."""
    data = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return {domain: half for half in HALVES for domain in data[half]}


def make_split(rows: list[dict]) -> dict[str, list[str]]:
    """A split of the domains into two halves of about equal size for every page type.

    Domains are grouped by their most common page type and ordered by a hash of their
    name; within each group they alternate between the halves. Run once; the result is
    committed (`python -m bench.datasets --make-split`), so that it never moves.
    """
    kinds: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        kinds[split_key(row)].append(row["dataset"])
    groups: dict[str, list[str]] = defaultdict(list)
    for domain, found in kinds.items():
        majority = max(sorted(set(found)), key=found.count)
        groups[majority].append(domain)
    split: dict[str, list[str]] = {half: [] for half in HALVES}
    for kind in sorted(groups):
        ordered = sorted(groups[kind], key=lambda d: hashlib.sha256(d.encode()).hexdigest())
        for index, domain in enumerate(ordered):
            split[HALVES[index % 2]].append(domain)
    return {half: sorted(domains) for half, domains in split.items()}


def _main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Dataset summary; --make-split writes the split.")
    parser.add_argument("--make-split", action="store_true")
    args = parser.parse_args()
    if args.make_split:
        with open(dataset_root("wcxb") / "gold.jsonl", encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
        SPLIT_FILE.write_text(json.dumps(make_split(rows), indent=0) + "\n", encoding="utf-8")
    for dataset in DATASETS:
        if not available(dataset):
            print(f"{dataset}: not found at {dataset_root(dataset)}")
            continue
        found = load(dataset)
        counts = defaultdict(lambda: defaultdict(int))
        for page in found:
            counts[page.kind][page.half or "-"] += 1
        print(f"{dataset}: {len(found)} pages, sha256 {dataset_hash(dataset)}")
        for kind, halves in sorted(counts.items()):
            print(f"  {kind:14} " + "  ".join(f"{h}={n}" for h, n in sorted(halves.items())))


if __name__ == "__main__":
    _main()
