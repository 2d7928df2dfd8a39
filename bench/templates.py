"""Template benchmark: per-site chrome that no rule knows, planted around real articles.

Builds ``--sites`` invented sites (up to 5) of ``--pages`` pages each; a page is a real article
text (the Zyte dataset's ``noisy_trafilatura_recall/*.txt``, each used once) with its site's
invented template lines above and below it (each line on a page with probability 0.9; one
site's "Last updated" line carries a different time on each page), and on 40% of a site's
pages one in-story quote, repeated word for word between two paragraphs, which must survive.

Runs ``cleaner run`` twice (without templates, then with ``--learn-templates``) and prints:
planted lines the plain run kept (so no rule knows them) and the share of them that template
learning removed; content lines (every other line of the plain run's records) removed; and
repeated in-story quotes kept.

    .venv/bin/python -m bench.templates [--sites 5] [--pages 20] [--workers 2]
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import orjson

from cleaner.batch.runner import RunOptions, run_batch
from cleaner.batch.settings import TemplateSettings
from cleaner.stages.templates import normalize_line

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = REPO.parent / "shared" / "datasets" / "zyte-article-extraction" / "noisy_trafilatura_recall"
PRESENCE = 0.9
QUOTE_SHARE = 0.4
# (site, lines above the story, lines below it, the in-story quote); "{time}" varies by page.
SITES = (
    ("globex.test", ["Globex Daily — your morning briefing", "Last updated {time} GMT"],
     ["Globex Daily is part of the Globex Media network of local papers",
      "Copyright Globex Media Group, all rights reserved"],
     "“We will keep the doors open for as long as people need us,” the director said again."),
    ("initech.test", ["Initech Herald", "Read the Herald on your phone with our free app"],
     ["Initech Herald welcomes letters from readers of every persuasion",
      "The Herald is printed on recycled paper in Springfield"],
     "“Nobody should have to choose between heating and eating this winter,” she said."),
    ("umbrella.test", ["Umbrella Post | Independent since 1921", "Tip us off: news desk on 555 0100"],
     ["Umbrella Post journalism is funded by readers like you"],
     "“The numbers speak for themselves, and they are not good,” the minister told reporters."),
    ("hooli.test", ["HOOLI NEWS NETWORK"],
     ["Hooli News Network content may not be republished without permission",
      "Follow Hooli News Network for breaking updates all day",
      "Hooli News Network is an affiliate of Hooli Broadcasting"],
     "“We have learned our lesson and we will not repeat it,” the company said in a statement."),
    ("acme.test", ["Acme Gazette: local news, local voices", "Edition of {time}"],
     ["Acme Gazette reporters abide by the Acme Gazette code of ethics"],
     "“It is too early to say what caused the failure,” an official said on condition of anonymity."),
)


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    text: str
    planted: tuple[str, ...]  # the template lines on this page
    quote: str | None  # the in-story quote, if this page has it


def build_pages(texts: list[str], sites: int, pages: int, seed: int = 11) -> list[Page]:
    """`sites` × `pages` pages, each text used once, sites interleaved in input order."""
    rng = random.Random(seed)
    built = []
    for n in range(sites * pages):
        site, top, bottom, quote = SITES[n % sites]
        time_of_day = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}"
        above = [line.format(time=time_of_day) for line in top if rng.random() < PRESENCE]
        below = [line.format(time=time_of_day) for line in bottom if rng.random() < PRESENCE]
        with_quote = rng.random() < QUOTE_SHARE
        lines = [line for line in texts[n].splitlines() if line.strip()]
        if with_quote:
            lines.insert(len(lines) // 2, quote)
        built.append(Page(f"{site}-{n // sites:03d}", f"https://www.{site}/story/{n}",
                          "\n".join(above + lines + below), tuple(above + below),
                          quote if with_quote else None))
    return built


def write_feed(path: Path, pages: list[Page]) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"id": p.id, "url": p.url, "text": p.text}) + b"\n"
                              for p in pages))
    return path


def records_by_id(output: Path) -> dict[str, dict]:
    return {row["id"]: row for file in sorted((output / "records").glob("*.jsonl"))
            for row in map(orjson.loads, file.read_bytes().splitlines())}


def score(pages: list[Page], plain: dict[str, dict], learned: dict[str, dict]) -> dict[str, int]:
    """Planted lines no rule removed and how many of them templates removed; content lines of
    the plain run and how many templates removed; in-story quotes kept."""
    result = Counter()
    for page in pages:
        before = Counter(normalize_line(line) for line in plain[page.id]["text"].split("\n\n"))
        after = Counter(normalize_line(line) for line in learned[page.id]["text"].split("\n\n"))
        planted = Counter(normalize_line(line) for line in page.planted)
        unknown = planted & before  # planted lines the rules left in
        result["planted_unknown"] += sum(unknown.values())
        result["planted_removed"] += sum((unknown - after).values())
        content = before - planted
        result["content_lines"] += sum(content.values())
        result["content_removed"] += sum((content - after).values())
        if page.quote:
            result["quotes"] += 1
            result["quotes_kept"] += after[normalize_line(page.quote)] > 0
    return dict(result)


def run(feed: Path, output: Path, workers: int, learn: bool) -> dict[str, dict]:
    run_batch(RunOptions(inputs=(str(feed),), output=output, workers=workers,
                         learn_templates=TemplateSettings() if learn else None))
    return records_by_id(output)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", type=int, default=5, choices=range(1, len(SITES) + 1))
    ap.add_argument("--pages", type=int, default=20, help="pages per site")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    args = ap.parse_args(argv)
    texts = [f.read_text(encoding="utf-8") for f in sorted(args.texts.glob("*.txt"))]
    pages = build_pages(texts, args.sites, args.pages)
    with tempfile.TemporaryDirectory(prefix="cleaner-templates-") as tmp:
        feed = write_feed(Path(tmp) / "feed.jsonl", pages)
        plain = run(feed, Path(tmp) / "plain", args.workers, learn=False)
        learned = run(feed, Path(tmp) / "learned", args.workers, learn=True)
        templates = orjson.loads((Path(tmp) / "learned" / "templates.json").read_bytes())
    result = score(pages, plain, learned)
    removed = result["planted_removed"] / max(1, result["planted_unknown"])
    print(f"{args.sites} sites x {args.pages} pages, settings {TemplateSettings()}")
    print(f"learned {sum(len(s['lines']) for s in templates['sites'].values())} template lines "
          f"on {len(templates['sites'])} sites")
    print(f"planted lines no rule removed: {result['planted_unknown']}; removed by templates: "
          f"{result['planted_removed']} ({100 * removed:.1f}%)")
    print(f"content lines removed: {result['content_removed']} of {result['content_lines']}")
    print(f"in-story quotes kept: {result['quotes_kept']} of {result['quotes']}")
    ok = (removed >= 0.98 and not result["content_removed"]
          and result["quotes_kept"] == result["quotes"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
