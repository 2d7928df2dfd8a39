"""Quality: `clean()` on Zyte and WCXB dev, in the three inputs, beside its baselines.

Inputs (modes): ``html`` (the page), ``recall`` (trafilatura's recall-mode output, with its
leftover chrome) and ``fulltext`` (every jusText paragraph of the page: whole-page text).
Baselines: the input as it is (text modes) and trafilatura alone on the HTML
(``extract(html, include_comments=False)``). A row below its baseline (trafilatura for
HTML, the input as it is for text) is marked ``▼``.

Metrics, means over pages: WCXB's word F1, and the Zyte benchmark's shingle metric (P and
R averaged over pages, F1 of the means). WCXB dev is split by domain
(`bench/wcxb_split.json`): settings are chosen on ``--half tune``; the numbers reported
are ``--half validate`` (the default).

Run from the repository root::

    .venv/bin/python -m bench.quality                          # the report: validate half + Zyte
    .venv/bin/python -m bench.quality --half tune --set extract.fast=true
    .venv/bin/python -m bench.quality --datasets wcxb --modes html --worst 5 --kind forum
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from bench import goals
from bench.datasets import DATASETS, MODES, PAGE_TYPES, Page, available, dataset_hash, pages
from bench.metrics import mean_of, word_prf
from bench.outputs import Output, as_is, clean_pages, trafilatura_outputs
from bench.settings import add_config_arguments, config_from_args
from bench.zyte_metric import aggregate, shingle_scores

BELOW = "▼"


def score_rows(selected: list[Page], outputs: dict[str, str]) -> dict[str, dict[str, float]]:
    """Word F1 and Zyte F1 of `outputs`, overall ("all") and by page type."""
    groups: dict[str, list[Page]] = defaultdict(list)
    for page in selected:
        groups["all"].append(page)
        groups[page.kind].append(page)
    scores = {}
    for kind, group in groups.items():
        word = [word_prf(outputs[p.key], p.body)[2] for p in group]
        zyte = aggregate([shingle_scores(p.body, outputs[p.key]) for p in group])
        scores[kind] = {"pages": len(group), "word_f1": mean_of(word), "zyte_f1": zyte["f1"]}
    return scores


def page_scores(selected: list[Page], outputs: dict[str, str]) -> dict[str, float]:
    return {p.key: word_prf(outputs[p.key], p.body)[2] for p in selected}


def evaluate(dataset: str, half: str | None, mode: str, config, workers: int | None,
             kinds: tuple[str, ...] | None) -> dict:
    """Scores of cleaner and its baselines on one dataset (half) and mode."""
    selected = pages(dataset, half, kinds)
    cleaned = clean_pages(selected, mode, config, workers)
    texts = {key: out.text for key, out in cleaned.items()}
    result = {"dataset": dataset, "half": half, "mode": mode,
              "cleaner": score_rows(selected, texts),
              "trafilatura": score_rows(selected, trafilatura_outputs(selected, workers)),
              "errors": {k: o.error for k, o in cleaned.items() if o.error},
              "pages": page_scores(selected, texts), "outputs": cleaned}
    if mode != "html":
        inputs = as_is(selected, mode)
        result["as-is"] = score_rows(selected, inputs)
        result["as-is pages"] = page_scores(selected, inputs)
    else:
        result["trafilatura pages"] = page_scores(selected, trafilatura_outputs(selected))
    return result


def baseline_name(mode: str) -> str:
    return "trafilatura" if mode == "html" else "as-is"


def table(results: list[dict], metric: str) -> list[str]:
    lines = ["| dataset | mode | page type | pages | cleaner | as-is | trafilatura | goal |",
             "|---|---|---|---|---|---|---|---|"]
    for result in results:
        name = f"{result['dataset']}" + (f" {result['half']}" if result["half"] else "")
        base = baseline_name(result["mode"])
        for kind in ("all", *PAGE_TYPES):
            if kind not in result["cleaner"]:
                continue
            ours = result["cleaner"][kind][metric]
            baseline = result[base][kind][metric]
            mark = f" {BELOW}" if ours < baseline - 0.0005 else ""
            plain = result.get("as-is", {}).get(kind, {}).get(metric)
            goal = goals.describe(result, kind, metric)
            lines.append(
                f"| {name} | {result['mode']} | {kind} | {result['cleaner'][kind]['pages']} "
                f"| **{ours:.3f}**{mark} | {'-' if plain is None else f'{plain:.3f}'} "
                f"| {result['trafilatura'][kind][metric]:.3f} | {goal} |")
    return lines


def worst_pages(result: dict, count: int) -> list[str]:
    """The pages where cleaner loses most against its baseline, with the rules that cut."""
    base = result["as-is pages" if result["mode"] != "html" else "trafilatura pages"]
    ours = result["pages"]
    losses = sorted(ours, key=lambda key: ours[key] - base[key])[:count]
    lines = [(f"worst {count} of {result['dataset']} {result['mode']} "
             f"(cleaner F1 vs {baseline_name(result['mode'])}):")]
    for key in losses:
        out: Output = result["outputs"][key]
        cut = defaultdict(int)
        for rule, text in out.removed():
            cut[rule] += len(text.split())
        rules = ", ".join(f"{r} {n}w" for r, n in sorted(cut.items(), key=lambda kv: -kv[1])[:4])
        lines.append(f"  {key}  {ours[key]:.3f} vs {base[key]:.3f}  {out.error or rules}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--datasets", default="zyte,wcxb")
    parser.add_argument("--half", choices=["tune", "validate", "all"], default="validate",
                        help="half of the WCXB dev split (default: validate)")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--kind", action="append", choices=PAGE_TYPES,
                        help="only these page types (WCXB)")
    parser.add_argument("--worst", type=int, default=0, metavar="K")
    parser.add_argument("--workers", type=int)
    parser.add_argument("--json", type=Path, help="write the scores per page here")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal fails")
    add_config_arguments(parser)
    args = parser.parse_args(argv)
    config = config_from_args(args)

    results = []
    for dataset in args.datasets.split(","):
        if dataset not in DATASETS or not available(dataset):
            print(f"dataset {dataset}: not found, skipped", file=sys.stderr)
            continue
        half = None if dataset == "zyte" or args.half == "all" else args.half
        kinds = tuple(args.kind) if args.kind and dataset == "wcxb" else None
        print(f"{dataset}: sha256 {dataset_hash(dataset)}, half {half or 'all'}", file=sys.stderr)
        for mode in args.modes.split(","):
            result = evaluate(dataset, half, mode, config, args.workers, kinds)
            results.append(result)
            for key, error in result["errors"].items():
                print(f"  {mode} {key}: {error[:160]}", file=sys.stderr)
            if args.worst:
                print("\n".join(worst_pages(result, args.worst)))
    print("\nWord F1 (WCXB's metric), mean over pages\n")
    print("\n".join(table(results, "word_f1")))
    print("\nZyte shingle F1 (Zyte's metric)\n")
    print("\n".join(table(results, "zyte_f1")))
    failed = goals.failures(results)
    if failed:
        print("\ngoals missed: " + "; ".join(failed))
    if args.json:
        args.json.write_text(json.dumps(
            [{k: v for k, v in r.items() if k != "outputs"} for r in results], indent=1))
    return 1 if args.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())
