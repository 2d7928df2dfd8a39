"""ftfy's kinds of cases: `fix_text` against ftfy itself on ftfy's own test cases.

The cases are `tests/test_cases.json` of ftfy's source distribution (MIT licence, Robyn
Speer; not in its wheel, so not copied here): get them once with ::

    .venv/bin/python -m pip download --no-binary :all: --no-deps ftfy==6.3.1 -d /tmp/ftfy
    tar -xzf /tmp/ftfy/ftfy-6.3.1.tar.gz -C /tmp/ftfy

Only the cases ftfy marks `"expect": "pass"` count. An output is right when it equals the
case's `fixed` text after Unicode NFKC, quotes folded to ASCII (`fix_text` keeps curly
quotes, ftfy's `uncurl_quotes` does not) and whitespace collapsed. The `spacing folded`
column also ignores where spaces are: the whitespace policy adds one after a sentence's
period ("سعيد.Que" to "سعيد. Que"), which ftfy's expected text leaves glued.

Run from the repository root::

    .venv/bin/python -m bench.ftfy_cases /tmp/ftfy/ftfy-6.3.1/tests/test_cases.json --show 10
"""

from __future__ import annotations

import argparse
import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

# Quotes and apostrophes folded to ASCII: curly, low, primes, the modifier apostrophe ("ʼn").
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "ʼ": "'",
                         "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"'})


def folded(text: str, spacing: bool = False) -> str:
    """The text as cases are compared: NFKC, ASCII quotes, whitespace collapsed (or gone).

    >>> folded("“Ça” ’n  test"), folded("a. b", spacing=True)
    ('"Ça" \\'n test', 'a.b')
    """
    words = unicodedata.normalize("NFKC", text).translate(_QUOTES).split()
    return ("" if spacing else " ").join(words)


def cases(path: Path) -> list[dict]:
    return [case for case in json.loads(path.read_text(encoding="utf-8"))
            if case.get("expect") == "pass"]


def tools() -> dict[str, Callable[[str], str]]:
    import ftfy

    from cleaner import fix_text

    return {"cleaner fix_text": fix_text, f"ftfy {ftfy.__version__}": ftfy.fix_text}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", type=Path, help="ftfy's tests/test_cases.json")
    parser.add_argument("--show", type=int, default=0, help="print cleaner's first N misses")
    args = parser.parse_args()
    selected = cases(args.cases)
    print(f"| tool | right (of {len(selected)}) | right, spacing folded |\n|---|---|---|")
    for index, (name, fix) in enumerate(tools().items()):
        outputs = [fix(case["original"]) for case in selected]
        right = [folded(o) == folded(c["fixed"]) for o, c in zip(outputs, selected)]
        loose = sum(folded(o, True) == folded(c["fixed"], True)
                    for o, c in zip(outputs, selected))
        print(f"| {name} | {sum(right)} | {loose} |")
        misses = [(c, o) for c, o, ok in zip(selected, outputs, right) if not ok]
        for case, output in misses[:args.show if index == 0 else 0]:
            print(f"- {case['label']}\n  want {case['fixed'][:120]!r}\n  ours {output[:120]!r}")


if __name__ == "__main__":
    main()
