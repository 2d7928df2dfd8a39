"""Ceiling: how far removing lines from a text input could take its word F1, knowing the gold.

Text-mode cleaning can only take lines (and spans of lines) out of what it was given; when
the input lacks most of the gold body, no cleaner can recover it. For every WCXB page of a
half and a text input, this bench reports by page type:

- as-is: the input's word F1 (WCXB's metric, `bench.metrics`);
- oracle: the word F1 of a line selection made with the gold body at hand, greedily (drop
  any line whose removal raises F1, until none does): a selection that exists, so a level
  that line removal can reach;
- bound: an upper limit for any selection of whole lines: a line's words count as found
  when they occur in the gold body at all (never fewer than the F1 counts), so the best
  selection takes the lines in order of that share, and the best prefix is the limit;
- cleaner: `clean()`'s word F1 on the same pages, and the share of the gap from as-is to
  the oracle that it closed.

A goal of the form "as-is + x" or "at least y" for a text input is set beside these: the
share of the gap to the oracle it asks for says whether a cleaner without the gold can be
expected to reach it. Run from the repository root::

    .venv/bin/python -m bench.ceiling [--half validate] [--modes recall,fulltext]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence

from bench.datasets import PAGE_TYPES, Page, available, pages, read_input
from bench.metrics import mean_of, word_prf, word_tokens
from bench.outputs import clean_pages


def _f1(found: int, predicted: int, gold: int) -> float:
    return 2 * found / (predicted + gold) if found else 0.0


def _found_without(line: Counter, words: Counter, gold: Counter) -> int:
    """How many found words (`min(count, gold count)` summed) `words` loses without `line`."""
    return sum(min(words[w], gold[w]) - min(words[w] - n, gold[w]) for w, n in line.items())


def oracle_f1(lines: Sequence[Counter], gold: Counter) -> float:
    """Word F1 of the lines kept by dropping, greedily, any line whose removal raises it.

    >>> gold = Counter("the council met on monday".split())
    >>> lines = [Counter("the council met on monday".split()), Counter("share this".split())]
    >>> oracle_f1(lines, gold)
    1.0
    """
    gold_words = sum(gold.values())
    if not gold_words:
        return 1.0  # dropping every line gives the empty output an empty gold asks for
    kept = [True] * len(lines)
    words = sum(lines, Counter())
    found = sum((words & gold).values())
    predicted = sum(words.values())
    best = _f1(found, predicted, gold_words)
    improved = True
    while improved:
        improved = False
        for index, line in enumerate(lines):
            if not kept[index]:
                continue
            lost, size = _found_without(line, words, gold), sum(line.values())
            score = _f1(found - lost, predicted - size, gold_words)
            if score > best:
                best, found, predicted = score, found - lost, predicted - size
                words.subtract(line)
                kept[index], improved = False, True
    return best


def bound_f1(lines: Sequence[Counter], gold: Counter) -> float:
    """No selection of `lines` scores above this: each line's words counted as found when
    they occur in the gold at all, the lines taken by that share, the best prefix.

    >>> gold = Counter("a b c d".split())
    >>> bound_f1([Counter("a b".split()), Counter("x y".split())], gold)  # 2*2 / (2 + 4)
    0.6666666666666666
    """
    gold_words = sum(gold.values())
    if not gold_words:
        return 1.0
    shares = sorted(((sum(n for w, n in line.items() if w in gold), sum(line.values()))
                     for line in lines if line), key=lambda s: -s[0] / s[1])
    best = found = predicted = 0
    for line_found, line_words in shares:
        found, predicted = found + line_found, predicted + line_words
        best = max(best, _f1(found, predicted, gold_words))
    return min(best, 1.0)


def page_scores(page: Page, mode: str) -> tuple[float, float, float]:
    """(as-is, oracle, bound) word F1 of one page's input in `mode`."""
    text = read_input(page, mode)
    gold = Counter(word_tokens(page.body))
    lines = [Counter(word_tokens(line)) for line in text.split("\n")]
    lines = [line for line in lines if line]
    return word_prf(text, page.body)[2], oracle_f1(lines, gold), bound_f1(lines, gold)


def report(half: str, mode: str, workers: int | None) -> None:
    selected = pages("wcxb", half)
    cleaned = clean_pages(selected, mode, workers=workers)
    rows: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    for page in selected:
        scores = (*page_scores(page, mode), word_prf(cleaned[page.key].text, page.body)[2])
        rows["all"].append(scores)
        rows[page.kind].append(scores)
    print(f"\n| wcxb {half} | {mode} | pages | as-is | oracle | bound | cleaner | "
          "cleaner's share of the gap to the oracle |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in ("all", *PAGE_TYPES):
        if rows[kind]:
            as_is, oracle, bound, ours = (mean_of([r[i] for r in rows[kind]]) for i in range(4))
            share = (ours - as_is) / (oracle - as_is) if oracle > as_is else float("nan")
            print(f"| | {kind} | {len(rows[kind])} | {as_is:.3f} | {oracle:.3f} | {bound:.3f} | "
                  f"{ours:.3f} | {share:.0%} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("tune", "validate"), default="validate")
    parser.add_argument("--modes", default="recall,fulltext")
    parser.add_argument("--workers", type=int)
    args = parser.parse_args(argv)
    if not available("wcxb"):
        print("WCXB dev is not available (../shared/datasets/wcxb-dev)")
        return 1
    print("Word F1 by page type; WCXB dev (CC-BY-4.0), "
          f"the {args.half} half of the split (bench/wcxb_split.json)")
    for mode in args.modes.split(","):
        report(args.half, mode, args.workers)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
