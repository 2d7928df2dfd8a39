"""The whole-page detector: how often text is taken for a whole page, by kind of input.

It must (almost) never fire on extractor output (``recall``) nor on clean text (the gold
bodies of every page type); its recall is measured on whole-page text (``fulltext``).
Run from the repository root::

    .venv/bin/python -m bench.provenance [--half tune] [--set chrome.page_min_edge_chrome=2]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict

from bench.datasets import available, pages, read_input
from bench.settings import add_config_arguments, config_from_args
from cleaner.document import Document
from cleaner.pipeline import pipeline_for


def provenance(text: str, pipeline) -> str:
    """The provenance the default stages give `text`, up to the provenance stage."""
    doc = Document(source=text, content_type="text")
    for stage in pipeline.stages:
        doc = stage(doc)
        if stage.name == "provenance":
            return doc.provenance
    raise RuntimeError("the pipeline has no provenance stage")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=["tune", "validate"], default="tune")
    add_config_arguments(parser)
    args = parser.parse_args(argv)
    pipeline = pipeline_for(config_from_args(args))
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for dataset in ("wcxb", "zyte"):
        if not available(dataset):
            continue
        for page in pages(dataset, None if dataset == "zyte" else args.half):
            inputs = {"extractor output (recall)": read_input(page, "recall"),
                      "whole page (fulltext)": read_input(page, "fulltext"),
                      f"gold body: {page.kind}": page.body}
            for name, text in inputs.items():
                tally = counts[f"{dataset} {name}"]
                tally[0] += provenance(text, pipeline) == "page"
                tally[1] += 1
    print("| input | taken for a whole page |\n|---|---|")
    for name, (hits, total) in sorted(counts.items()):
        print(f"| {name} | {hits} of {total} ({hits / total:.1%}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
