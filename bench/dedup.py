"""Duplicate benchmark: planted exact and near copies among real articles, and the seeds.

Takes the texts of the Zyte dataset's ``noisy_trafilatura_recall/*.txt`` (181 distinct pages),
plants copies of randomly chosen ones (seeded): ``--exact`` unchanged, ``--near`` with chrome
lines added ("Share this article" above; "Related Articles" and three headlines below) and
one word changed; each copy goes to a random place after its original. Runs
``cleaner run --dedup`` on them and prints how many copies point to their original, how many
originals were wrongly marked, and the time of the dedup pass (run again on the finished
output, which it leaves unchanged). Then checks the seed documents: fixtures/seeds 000 and
001 (one story from two outlets) must pair, 002 and 003 (one event, two texts) must not.

    .venv/bin/python -m bench.dedup [--exact 30] [--near 30] [--workers 2]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import orjson

from cleaner.batch.runner import RunOptions, run_batch
from cleaner.batch.settings import DedupSettings
from cleaner.batch.steps.dedup import dedup_pass

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO.parent / "shared" / "datasets" / "zyte-article-extraction" / "noisy_trafilatura_recall"
SEEDS = REPO / "fixtures" / "seeds"
RELATED = ("Related Articles", "City council approves new budget after long debate",
           "Storm closes schools across the region", "Local team wins the championship final")


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    copy_of: str | None = None  # the id of the original, for a planted copy
    kind: str = "original"  # "original", "exact" or "near"


def plant_copies(texts: list[str], exact: int, near: int, seed: int = 7) -> list[Doc]:
    """The originals in order, with `exact` + `near` copies of distinct originals, each at a
    random place after its original."""
    rng = random.Random(seed)
    originals = [Doc(f"orig-{n:04d}", text) for n, text in enumerate(texts)]
    chosen = rng.sample(range(len(originals)), exact + near)
    placed = [(float(n), doc) for n, doc in enumerate(originals)]
    for count, index in enumerate(chosen):
        original = originals[index]
        kind = "exact" if count < exact else "near"
        text = original.text if kind == "exact" else near_copy(original.text, rng)
        copy = Doc(f"copy-{count:04d}", text, original.id, kind)
        placed.append((rng.uniform(index + 0.5, len(originals)), copy))
    return [doc for _, doc in sorted(placed, key=lambda pair: pair[0])]


def near_copy(text: str, rng: random.Random) -> str:
    """The text with chrome lines around it and one word (of four letters or more) changed."""
    words = text.split(" ")
    candidates = [i for i, word in enumerate(words) if len(word) >= 4 and word.isalpha()]
    index = rng.choice(candidates)
    words[index] = "banana" if words[index].lower() != "banana" else "apple"
    return "\n".join(["Share this article", " ".join(words), *RELATED])


def write_feed(path: Path, docs: list[Doc]) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"id": d.id, "text": d.text}) + b"\n" for d in docs))
    return path


def score(docs: list[Doc], rows: list[dict]) -> dict[str, int]:
    """Copies found (pointing to their original), originals wrongly marked, by kind."""
    marked = {row["id"]: row["duplicate_of"] for row in rows}
    copies = [d for d in docs if d.copy_of]
    found = {kind: sum(marked[d.id] == d.copy_of for d in copies if d.kind == kind)
             for kind in ("exact", "near")}
    return {"planted": len(copies), "found": sum(found.values()), "found_exact": found["exact"],
            "found_near": found["near"],
            "false_positives": sum(marked[d.id] is not None for d in docs if not d.copy_of)}


def margins(docs: list[Doc], rows: list[dict]) -> tuple[float, float]:
    """(the lowest estimated similarity of a near copy to its original, the highest between
    two originals): how far the threshold is from each side."""
    from cleaner.batch.steps.minhash import signature

    values = {row["id"]: signature(row["text"], DedupSettings()) for row in rows}
    ids = [d.id for d in docs if not d.copy_of]
    matrix = np.array([values[i] for i in ids])
    highest = max(float(np.mean(matrix[n + 1:] == matrix[n], axis=1).max(initial=0))
                  for n in range(len(ids)))
    lowest = min(float(np.mean(values[d.id] == values[d.copy_of]))
                 for d in docs if d.kind == "near")
    return lowest, highest


def read_records(output: Path) -> list[dict]:
    return [orjson.loads(line) for file in sorted((output / "records").glob("*.jsonl"))
            for line in file.read_bytes().splitlines()]


def run_dedup(inputs: list[Path], output: Path, workers: int, shard_size: int = 1000,
              settings: DedupSettings | None = None) -> list[dict]:
    """`cleaner run --dedup` over `inputs`; the record rows, in output order."""
    run_batch(RunOptions(inputs=tuple(map(str, inputs)), output=output, workers=workers,
                         shard_size=shard_size, dedup=settings or DedupSettings()))
    return read_records(output)


def seeds_pairing(output: Path) -> tuple[bool, bool]:
    """(000 and 001 pair, 002 and 003 stay apart) after `cleaner run --dedup` on the seeds."""
    rows = {Path(row["origin"]["path"]).name[:3]: row
            for row in run_dedup([SEEDS], output, workers=0)}
    return (rows["001"]["duplicate_of"] == rows["000"]["id"],
            rows["002"]["duplicate_of"] is None and rows["003"]["duplicate_of"] is None)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--exact", type=int, default=30)
    ap.add_argument("--near", type=int, default=30)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    args = ap.parse_args(argv)
    texts = [f.read_text(encoding="utf-8") for f in sorted(args.texts.glob("*.txt"))]
    docs = plant_copies(texts, args.exact, args.near)
    with tempfile.TemporaryDirectory(prefix="cleaner-dedup-") as tmp:
        feed = write_feed(Path(tmp) / "feed.jsonl", docs)
        output = Path(tmp) / "out"
        started = time.perf_counter()
        rows = run_dedup([feed], output, args.workers)
        run_seconds = time.perf_counter() - started
        result = score(docs, rows)
        lowest, highest = margins(docs, rows)
        names = [p.stem for p in sorted((output / "records").glob("*.jsonl"))]
        started = time.perf_counter()
        dedup_pass(output / "records", output / "signatures", names, DedupSettings())
        pass_seconds = time.perf_counter() - started
        pair, apart = seeds_pairing(Path(tmp) / "seeds")
    print(f"{len(texts)} originals + {result['planted']} planted copies "
          f"({args.exact} exact, {args.near} near), {args.workers} workers, "
          f"settings {DedupSettings()}")
    print(f"found {result['found']}/{result['planted']} (exact {result['found_exact']}, "
          f"near {result['found_near']}); originals wrongly marked: {result['false_positives']}")
    print(f"estimated similarity: near copy to its original >= {lowest:.2f}; "
          f"between two originals <= {highest:.2f}")
    print(f"run {run_seconds:.1f} s; dedup pass alone {pass_seconds * 1000:.0f} ms "
          f"for {len(docs)} documents")
    print(f"seeds: 000 & 001 pair: {'yes' if pair else 'NO'}; "
          f"002 & 003 apart: {'yes' if apart else 'NO'}")
    ok = (result["found"] >= result["planted"] - 1 and not result["false_positives"]
          and pair and apart)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
