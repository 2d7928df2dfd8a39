"""Test inputs, and shard functions that tests hand to worker processes (so importable)."""

from __future__ import annotations

import os
import random
from pathlib import Path

import orjson

from cleaner.batch.execute.worker import process_shard

_TOPICS = ("the city council", "the regional court", "the football club", "the port authority",
           "the national museum", "the water utility", "the university senate")


def article(n: int) -> str:
    """A short, distinct news text with one line of chrome, so records show an edit."""
    topic = _TOPICS[n % len(_TOPICS)]
    return (f"Share this article\n"
            f"On Monday {topic} approved plan number {n} after a long debate that lasted "
            f"until late in the evening, officials said.\n"
            f"The decision follows months of talks, and a final vote is expected in {n % 12 + 1} "
            f"weeks, according to a statement.")


_VOCABULARY = (
    "council", "budget", "river", "bridge", "school", "teacher", "harbour", "ferry", "museum",
    "painting", "election", "mayor", "court", "judge", "witness", "farmer", "harvest", "drought",
    "storm", "flood", "railway", "station", "tunnel", "engineer", "hospital", "nurse", "doctor",
    "patient", "vaccine", "factory", "worker", "union", "strike", "wage", "market", "price",
    "bakery", "bread", "festival", "music", "orchestra", "stadium", "coach", "player", "season",
    "library", "author", "poem", "garden", "tree", "forest", "village", "road", "accident",
    "police", "officer", "report", "minister", "treaty", "border", "island", "tourist", "hotel",
    "airport", "pilot", "weather", "snow", "winter", "summer", "energy", "solar", "wind",
    "turbine",
)


def story(n: int, paragraphs: int = 4) -> str:
    """A distinct story (seeded random sentences), paragraphs one per line: no two stories
    share more than a few three-word runs."""
    rng = random.Random(n)
    return "\n".join(" ".join(_sentence(rng) for _ in range(3)) for _ in range(paragraphs))


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_VOCABULARY) for _ in range(rng.randint(9, 14))]
    return f"The {' '.join(words)} said officials."


def write_jsonl(path: Path, lines: list[object]) -> Path:
    """Write documents (dicts) and raw lines (str) as a JSONL file."""
    path.write_bytes(b"".join((line.encode() if isinstance(line, str) else orjson.dumps(line))
                              + b"\n" for line in lines))
    return path


def articles_jsonl(path: Path, count: int) -> Path:
    return write_jsonl(path, [{"id": f"doc-{n:05d}", "text": article(n)} for n in range(count)])


def is_poison(shard) -> bool:
    return Path(shard.input).name.startswith("poison")


def crash_on_poison(shard, task):
    """A shard function whose worker dies (like an OOM kill) on shards of poison* inputs."""
    if is_poison(shard):
        os._exit(9)
    return process_shard(shard, task)


def rows(output: Path, kind: str) -> list[dict]:
    """Every row of `output/<kind>/*.jsonl`, files in name order."""
    return [orjson.loads(line) for file in sorted((output / kind).glob("*.jsonl"))
            for line in file.read_bytes().splitlines()]


def tree(output: Path) -> dict[str, bytes]:
    """records/ and errors/ of a run, as {relative path: bytes}, for byte-for-byte comparison."""
    return {str(p.relative_to(output)): p.read_bytes()
            for kind in ("records", "errors") for p in sorted((output / kind).iterdir())}


def manifest(output: Path) -> dict:
    return orjson.loads((output / "manifest.json").read_bytes())
