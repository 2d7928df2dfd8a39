"""Record fields from HTML pages: title, date and author of `clean()` against WCXB dev gold,
with trafilatura's own metadata (`bare_extraction(..., with_metadata=True)`) scored beside it
on the same pages.

Scoring (each a share of pages; higher is better):

- **title**: exact after Unicode NFKC, lowercase, and punctuation folded to spaces (runs of
  spaces collapsed). Every page has a gold title, so every page is scored.
- **date**: the same day (a gold date of only ``YYYY-MM`` asks for the same month).
- **author**: the normalized name lists, one contains the other (names are split on ``,``
  ``;`` ``&`` ``|`` and the word "and"; a name is normalized like a title). So "Jane Doe"
  matches the gold "Jane Doe, MD" and "Jane Doe and John Roe", never "Acme News".
- **author or publisher**: the same, or no author and the publisher matches the gold author
  (trafilatura: its sitename). The record puts organisations in `publisher`, never in
  `authors`, while WCXB's gold names some as authors ("Acme Team"); this column shows how
  much of the strict author score that costs. The strict column is the one the goals use.

Pages whose gold field is empty: title never is. For date and author an empty gold field
means "the page has none that the annotator saw" on product, service or listing pages, and
"not annotated" on others; what a tool returns there cannot be judged fairly, so the main
score counts only pages with a gold value (``n`` says how many), and the column ``extra``
gives, for information, the share of empty-gold pages where the tool still gave a value.

Why a field is missed (``--why``): each page where `clean()` is wrong gets the first reason
that holds, so the table shows which misses no reading of the page can mend (the gold is not
on it), which the record's own rules make (an organisation goes to `publisher`; a published
date is preferred to a later update's), and which are ours to mend:

- author: the gold's names are not in the page (its markup included); the record names no
  person and the gold is the site's name (it is in our publisher or the URL's host: "Acme"
  for "Acme News Online"); the gold adds words to our name (a role, a team:
  "Jane Doe (Editor)" for "Jane Doe"); our name adds words to the gold's; none found; another
  name.
- date: the gold day is not in the page (ISO in the markup, or written in its text); ours is
  the page's declared published date and the gold a later day (the page shows an update);
  none found; another date.

Time: the median milliseconds per page of `clean()` (HTML mode, everything) and of
trafilatura's `bare_extraction` with metadata.

Run from the repository root::

    .venv/bin/python -m bench.metadata                        # both halves
    .venv/bin/python -m bench.metadata --half tune --misses author --show 30
    .venv/bin/python -m bench.metadata --half validate --tools cleaner --why
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from html import unescape

from bench.datasets import HALVES, Page, available, dataset_hash, pages, read_input
from cleaner.text.dates import find_dates
from cleaner.text.titles import fold
from cleaner.urls import site_of

FIELDS = ("title", "date", "author")
SCORES = (*FIELDS, "author|publisher")
_PUNCTUATION = re.compile(r"[^\w\s]|_", re.UNICODE)
_NAME_SEPARATORS = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.IGNORECASE)


def normalize(text: str) -> str:
    """NFKC, lowercase, punctuation to spaces, spaces collapsed.

    >>> normalize("  Ça va? Oui — “très” bien!  ")
    'ça va oui très bien'
    """
    folded = _PUNCTUATION.sub(" ", unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def name_list(authors: str | list[str] | tuple[str, ...] | None) -> set[str]:
    """The normalized names in an author field (a string of names or a list).

    >>> sorted(name_list("Jane Doe, MD and John Roe"))
    ['jane doe', 'john roe', 'md']
    """
    if not authors:
        return set()
    joined = authors if isinstance(authors, str) else ", ".join(authors)
    return {n for part in _NAME_SEPARATORS.split(joined) if (n := normalize(part))}


def title_right(found: str | None, gold: str) -> bool:
    return bool(found) and normalize(found) == normalize(gold)


def date_right(found: str | None, gold: str) -> bool:
    return bool(found) and found[:len(gold)] == gold


def author_right(found: list[str] | str | None, gold: str) -> bool:
    ours, theirs = name_list(found), name_list(gold)
    return bool(ours) and bool(theirs) and (ours <= theirs or theirs <= ours)


def ours(html: str, page: Page) -> dict:
    from cleaner import clean

    record = clean(html, url=page.url or None, content_type="html")
    return {"title": record.title, "date": record.date, "author": record.authors,
            "publisher": record.publisher}


def trafilatura_fields(html: str, page: Page) -> dict:
    import trafilatura

    result = trafilatura.bare_extraction(html, url=page.url or None, with_metadata=True,
                                         include_comments=False)
    if result is None:
        return {"title": None, "date": None, "author": None, "publisher": None}
    return {"title": result.title, "date": result.date, "author": result.author,
            "publisher": result.sitename}


TOOLS: dict[str, Callable[[str, Page], dict]] = {"cleaner": ours, "trafilatura": trafilatura_fields}
def author_or_publisher_right(found: dict, gold: str) -> bool:
    """The author right, or no author and the publisher is the gold author: the record puts
    organisations in `publisher`, and WCXB's gold names some as authors ("Acme Team")."""
    return author_right(found["author"], gold) or (
        not found["author"] and author_right(found.get("publisher"), gold))


_RIGHT = {"title": title_right, "date": date_right, "author": author_right}


def run_tool(tool: Callable[[str, Page], dict], selected: list[Page], inputs: dict[str, str],
             ) -> tuple[dict[str, dict], list[float]]:
    found, times = {}, []
    for page in selected:
        start = time.perf_counter()
        try:
            found[page.key] = tool(inputs[page.key], page)
        except Exception:  # noqa: BLE001 -- a failed page scores as nothing found
            found[page.key] = {name: None for name in (*FIELDS, "publisher")}
        times.append((time.perf_counter() - start) * 1000)
    return found, times


def score(selected: list[Page], found: dict[str, dict]) -> dict[str, dict[str, float]]:
    """Per field: the share right among pages with gold (`score`, `n`) and the share of
    empty-gold pages given a value anyway (`extra`)."""
    table = {}
    for name in FIELDS:
        gold = [p for p in selected if getattr(p, name)]
        empty = [p for p in selected if not getattr(p, name)]
        right = sum(_RIGHT[name](found[p.key][name], getattr(p, name)) for p in gold)
        extra = sum(bool(found[p.key][name]) for p in empty)
        table[name] = {"score": right / len(gold) if gold else 0.0, "n": len(gold),
                       "extra": extra / len(empty) if empty else 0.0}
    gold = [p for p in selected if p.author]
    right = sum(author_or_publisher_right(found[p.key], p.author) for p in gold)
    table["author|publisher"] = {"score": right / len(gold) if gold else 0.0, "n": len(gold)}
    return table


def print_table(half: str, results: dict[str, dict], times: dict[str, list[float]]) -> None:
    print(f"\n## WCXB dev, {half} half")
    print("| tool | title | date | author | author or publisher | date extra | author extra "
          "| ms/page |")
    print("|---|---|---|---|---|---|---|---|")
    for tool, table in results.items():
        cells = [f"{table[f]['score']:.3f}" for f in SCORES]
        cells += [f"{table[f]['extra']:.3f}" for f in ("date", "author")]
        print(f"| {tool} | " + " | ".join(cells) + f" | {statistics.median(times[tool]):.1f} |")
    table = next(iter(results.values()))
    print("pages with gold: " + ", ".join(f"{f} {table[f]['n']}" for f in FIELDS))


def author_miss(found: dict, gold: str, page_words: str, host: str = "") -> str:
    """Why the author is wrong, the first reason that holds (see the module's doc).

    >>> author_miss({"author": ["Jane Doe"], "publisher": None}, "Jane Doe (Editor)",
    ...             " by jane doe editor ")
    'gold adds words to ours'
    >>> author_miss({"author": [], "publisher": "Acme News Online"}, "Acme News", " acme news ")
    "the site's name: in publisher"
    """
    ours, theirs = name_list(found["author"]), name_list(gold)
    if not any(f" {name} " in page_words for name in theirs):
        return "gold not in the page"
    if not ours:
        site = [fold(found.get("publisher") or ""), fold(host)]
        named = any(fold(name) in name_of_site for name in theirs for name_of_site in site)
        return "the site's name: in publisher" if named else "none found"
    if any(f" {o} " in f" {g} " for o in ours for g in theirs):
        return "gold adds words to ours"
    if any(f" {g} " in f" {o} " for o in ours for g in theirs):
        return "ours adds words to gold"
    return "another name"


def date_miss(found: dict, gold: str, html: str, declared: str | None) -> str:
    """Why the date is wrong, the first reason that holds (see the module's doc); `html` is
    the page with its entities resolved, `declared` its declared published date.

    >>> date_miss({"date": "2024-02-01"}, "2025-04-19",
    ...           '"datePublished": "2024-02-01" <p>Updated on April 19, 2025</p>', "2024-02-01")
    'ours declared published, gold later'
    >>> date_miss({"date": "2024-02-01"}, "2023-05-06", "<p>Posted 2024-02-01</p>", None)
    'gold not in the page'
    """
    shown = {date for _, date in find_dates(html)}
    if gold not in html and not any(date.startswith(gold) for date in shown):
        return "gold not in the page"
    if not found["date"]:
        return "none found"
    if found["date"] == declared and gold > found["date"]:
        return "ours declared published, gold later"
    return "another date"


def miss_reasons(selected: list[Page], found: dict[str, dict], inputs: dict[str, str],
                 ) -> dict[str, Counter]:
    """Per field, how many pages are right and how many are missed for each reason."""
    reasons = {"author": Counter(), "date": Counter()}
    for page in selected:
        ours = found[page.key]
        if page.author:
            right = author_right(ours["author"], page.author)
            reasons["author"]["right" if right else _author_miss_of(page, ours, inputs)] += 1
        if page.date:
            right = date_right(ours["date"], page.date)
            reasons["date"]["right" if right else _date_miss_of(page, ours, inputs)] += 1
    return reasons


def _author_miss_of(page: Page, ours: dict, inputs: dict[str, str]) -> str:
    page_words = f" {normalize(unescape(inputs[page.key]))} "
    return author_miss(ours, page.author, page_words, site_of(page.url) or "")


def _date_miss_of(page: Page, ours: dict, inputs: dict[str, str]) -> str:
    import lxml.html

    from cleaner.html_dates import declared_published

    html = inputs[page.key]
    declared = declared_published(lxml.html.fromstring(html))
    return date_miss(ours, page.date, unescape(html), declared)


def print_reasons(reasons: dict[str, Counter]) -> None:
    for name, counts in reasons.items():
        total = sum(counts.values())
        print(f"\n| {name}: right or why missed | pages | share |\n|---|---|---|")
        for reason, count in counts.most_common():
            print(f"| {reason} | {count} | {count / total:.3f} |")


def show_misses(field: str, selected: list[Page], found: dict[str, dict], limit: int) -> None:
    shown = 0
    for page in selected:
        gold = getattr(page, field)
        if gold and not _RIGHT[field](found["cleaner"][page.key][field], gold) and shown < limit:
            shown += 1
            print(f"- gold {gold!r}\n  ours {found['cleaner'][page.key][field]!r}"
                  f"\n  traf {found['trafilatura'][page.key][field]!r}  [{page.key}]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=HALVES, action="append")
    parser.add_argument("--tools", nargs="+", choices=list(TOOLS), default=list(TOOLS))
    parser.add_argument("--misses", choices=FIELDS, help="print pages where cleaner is wrong")
    parser.add_argument("--why", action="store_true",
                        help="count cleaner's misses of author and date by reason")
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--limit", type=int, help="only the first N pages of each half")
    args = parser.parse_args()
    if not available("wcxb"):
        raise SystemExit("WCXB dev not found (see bench/datasets.py)")
    print(f"WCXB dev sha256 {dataset_hash('wcxb')}")
    for half in args.half or HALVES:
        selected = pages("wcxb", half)[:args.limit]
        inputs = {p.key: read_input(p, "html") for p in selected}
        found, times, results = {}, {}, {}
        for tool in args.tools:
            found[tool], times[tool] = run_tool(TOOLS[tool], selected, inputs)
            results[tool] = score(selected, found[tool])
        print_table(half, results, times)
        if args.why and "cleaner" in found:
            print_reasons(miss_reasons(selected, found["cleaner"], inputs))
        if args.misses and len(args.tools) == len(TOOLS):
            show_misses(args.misses, selected, found, args.show)


if __name__ == "__main__":
    main()
