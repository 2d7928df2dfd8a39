"""Glitches planted in clean text: how many `clean()` and `fix_text()` repair, and how many
words of clean text they change.

Each case is one paragraph of a WCXB dev gold body (8 words or more) in two forms: the
expected text `E` (the paragraph, or the paragraph with a correctly typed quote added) and
the planted text `P` (`E` with one glitch of one kind). A glitch is fixed when the tool's
output for `P` equals its output for `E`: so the measure needs no opinion on how the rest of
the paragraph should look. Kinds (`KINDS`): a closing quote after punctuation glued to the
next word (`said,”he`), two sentences glued (`said.The`), UTF-8 read as windows-1252
(`cafÃ©`), an HTML entity (`&rsquo;`), an invisible character inside a word, a doubled
period, a space before a comma, a doubled space.

Words changed: the share of the words (letters and digits) of the clean paragraphs (`E`)
that the tool's output does not keep in place (a word-level diff), over every case of every
kind; spacing and punctuation are not words; for `clean()`
only the words of blocks it keeps count (removal is chrome's business, not repair's).

Run from the repository root::

    .venv/bin/python -m bench.glitches                  # validate half, 200 cases a kind
    .venv/bin/python -m bench.glitches --half tune --cases 50 --show 5
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
from collections.abc import Callable

from bench.datasets import HALVES, available, pages

_SENTENCE_END = re.compile(r"(?<=[a-z])([.!?,]) (?=[A-Z][a-z])")
_PERIOD = re.compile(r"(?<=[a-z])\. (?=[A-Z][a-z])")
_COMMA = re.compile(r"(?<=[a-z]), (?=[a-z])")
_NON_ASCII_WORD = re.compile(r"\b\w*[^\x00-\x7f\W]\w*\b")
_WORD = re.compile(r"\w{4,}")
_ENTITIES = {"’": "&rsquo;", "“": "&ldquo;", "”": "&rdquo;", "&": "&amp;", "é": "&eacute;",
             "—": "&mdash;", "–": "&ndash;", "\"": "&quot;"}

Planted = tuple[str, str] | None  # (expected E, planted P)


def _at(pattern: re.Pattern[str], text: str, rng: random.Random) -> re.Match[str] | None:
    found = list(pattern.finditer(text))
    return rng.choice(found) if found else None


def glued_quote(text: str, rng: random.Random) -> Planted:
    hit = _at(_SENTENCE_END, text, rng)
    if hit is None:
        return None
    quote = rng.choice("”’")
    expected = f"{text[:hit.end(1)]}{quote} {text[hit.end():]}"
    return expected, f"{text[:hit.end(1)]}{quote}{text[hit.end():]}"


def glued_sentence(text: str, rng: random.Random) -> Planted:
    hit = _at(_PERIOD, text, rng)
    return None if hit is None else (text, text[:hit.start() + 1] + text[hit.end():])


def mojibake(text: str, rng: random.Random) -> Planted:
    hit = _at(_NON_ASCII_WORD, text, rng)
    if hit is None:
        return None
    try:
        garbled = hit.group().encode("utf-8").decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text, text[:hit.start()] + garbled + text[hit.end():]


def entity(text: str, rng: random.Random) -> Planted:
    spots = [(i, c) for i, c in enumerate(text) if c in _ENTITIES]
    if not spots:
        return None
    index, char = rng.choice(spots)
    return text, text[:index] + _ENTITIES[char] + text[index + 1:]


def invisible(text: str, rng: random.Random) -> Planted:
    hit = _at(_WORD, text, rng)
    if hit is None:
        return None
    cut = hit.start() + rng.randrange(1, len(hit.group()))
    return text, text[:cut] + rng.choice("\u200b\u00ad\u2060\ufeff") + text[cut:]


def doubled_period(text: str, rng: random.Random) -> Planted:
    hit = _at(_PERIOD, text, rng)
    return None if hit is None else (text, text[:hit.start()] + ".." + text[hit.start() + 1:])


def space_before_comma(text: str, rng: random.Random) -> Planted:
    hit = _at(_COMMA, text, rng)
    return None if hit is None else (text, text[:hit.start()] + " ," + text[hit.start() + 1:])


def doubled_space(text: str, rng: random.Random) -> Planted:
    spaces = [i for i, c in enumerate(text) if c == " "]
    if not spaces:
        return None
    index = rng.choice(spaces)
    return text, text[:index] + "  " + text[index + 1:]


KINDS: dict[str, Callable[[str, random.Random], Planted]] = {
    "glued_quote": glued_quote, "glued_sentence": glued_sentence, "mojibake": mojibake,
    "entity": entity, "invisible": invisible, "doubled_period": doubled_period,
    "space_before_comma": space_before_comma, "doubled_space": doubled_space,
}


def paragraphs(half: str) -> list[str]:
    """The paragraphs of 8 words or more of the half's gold bodies, in page order."""
    found = []
    for page in pages("wcxb", half):
        found.extend(line.strip() for line in page.body.split("\n") if len(line.split()) >= 8)
    return found


def make_cases(kind: str, source: list[str], count: int, seed: int) -> list[tuple[str, str]]:
    rng = random.Random(f"{seed}:{kind}")
    order = list(range(len(source)))
    rng.shuffle(order)
    cases = []
    for index in order:
        planted = KINDS[kind](source[index], rng)
        if planted is not None:
            cases.append(planted)
            if len(cases) == count:
                break
    return cases


def with_fix_text(text: str) -> str:
    from cleaner import fix_text

    return fix_text(text)


def with_clean(text: str) -> str:
    from cleaner import clean

    return clean(text, content_type="text").text


TOOLS = {"fix_text": with_fix_text, "clean": with_clean}


def changed_words(before: str, after: str) -> tuple[int, int]:
    """(words of `before` that `after` does not keep in place, words of `before`); words
    are runs of letters and digits (`cleaner.text.words`), so "said ," made "said," is
    not a changed word, "Ã©tÃ©" made "été" is.

    >>> changed_words("He said , twice", "He said, twice")
    (0, 3)
    """
    from cleaner.text.words import words

    old, new = words(before), words(after)
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    kept = sum(block.size for block in matcher.get_matching_blocks())
    return len(old) - kept, len(old)


def measure(tool: Callable[[str], str], cases: list[tuple[str, str]],
            ) -> tuple[int, int, int, list[tuple[str, str, str]]]:
    """(fixed, changed words, words, failures as (expected, planted, output))."""
    fixed = changed = total = 0
    failures = []
    for expected, planted in cases:
        want, got = tool(expected), tool(planted)
        if want == got:
            fixed += 1
        else:
            failures.append((want, planted, got))
        if want:  # clean() may drop a whole paragraph as chrome: no word of it is "changed"
            lost, words = changed_words(expected, want)
            changed, total = changed + lost, total + words
    return fixed, changed, total, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=HALVES, default="validate")
    parser.add_argument("--cases", type=int, default=200, help="cases of each kind")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="failures to print per kind")
    args = parser.parse_args()
    if not available("wcxb"):
        raise SystemExit("WCXB dev not found (see bench/datasets.py)")
    source = paragraphs(args.half)
    print(f"WCXB dev {args.half} half: {len(source)} paragraphs, {args.cases} cases a kind, "
          f"seed {args.seed}")
    print("| kind | cases | " + " | ".join(f"{t} fixed" for t in TOOLS) + " |")
    print("|---|---|" + "---|" * len(TOOLS))
    totals = {tool: [0, 0, 0, 0] for tool in TOOLS}
    for kind in KINDS:
        cases = make_cases(kind, source, args.cases, args.seed)
        cells = []
        for name, tool in TOOLS.items():
            fixed, changed, words, failures = measure(tool, cases)
            for i, value in enumerate((fixed, len(cases), changed, words)):
                totals[name][i] += value
            cells.append(f"{fixed / len(cases):.3f}" if cases else "-")
            for want, planted, got in failures[:args.show]:
                print(f"  {name} {kind}: planted {planted!r}\n    want {want!r}\n    got  {got!r}")
        print(f"| {kind} | {len(cases)} | " + " | ".join(cells) + " |")
    for name, (fixed, cases, changed, words) in totals.items():
        print(f"{name}: {fixed}/{cases} = {fixed / cases:.4f} fixed; "
              f"{changed}/{words} = {changed / words:.4%} of clean words changed")


if __name__ == "__main__":
    main()
