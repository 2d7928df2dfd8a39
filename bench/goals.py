"""Issue 6's quality goals: WCXB by word F1 (reported on the validate half), Zyte by its own
shingle metric. A goal is a floor, a margin over a baseline, or both."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    floor: float | None = None
    baseline: str | None = None  # "trafilatura" or "as-is": at least its score
    margin: float = 0.0          # ...plus this

    def target(self, result: dict, kind: str, metric: str) -> float:
        values = [self.floor] if self.floor is not None else []
        if self.baseline:
            values.append(result[self.baseline][kind][metric] + self.margin)
        return max(values)

    def text(self) -> str:
        parts = [f"≥ {self.floor:.3f}"] if self.floor is not None else []
        if self.baseline:
            parts.append(f"≥ {self.baseline}" + (f" + {self.margin:.2f}" if self.margin else ""))
        return ", ".join(parts)


# (dataset, mode, page type) -> goal, with "*" for every page type not named.
GOALS: dict[tuple[str, str, str], tuple[str, Goal]] = {
    ("wcxb", "html", "all"): ("word_f1", Goal(floor=0.86, baseline="trafilatura")),
    ("wcxb", "html", "article"): ("word_f1", Goal(floor=0.945, baseline="trafilatura")),
    ("wcxb", "html", "*"): ("word_f1", Goal(baseline="trafilatura")),
    ("wcxb", "recall", "all"): ("word_f1", Goal(baseline="as-is", margin=0.02)),
    ("wcxb", "recall", "article"): ("word_f1", Goal(floor=0.95, baseline="as-is")),
    ("wcxb", "recall", "*"): ("word_f1", Goal(baseline="as-is")),
    ("wcxb", "fulltext", "all"): ("word_f1", Goal(floor=0.78)),
    ("wcxb", "fulltext", "article"): ("word_f1", Goal(floor=0.90)),
    ("zyte", "html", "all"): ("zyte_f1", Goal(floor=0.965)),
    ("zyte", "recall", "all"): ("zyte_f1", Goal(floor=0.965)),
    ("zyte", "fulltext", "all"): ("zyte_f1", Goal(floor=0.90)),
}


def goal_of(result: dict, kind: str, metric: str) -> Goal | None:
    for key in ((result["dataset"], result["mode"], kind), (result["dataset"], result["mode"], "*")):
        if key in GOALS and GOALS[key][0] == metric:
            return GOALS[key][1]
    return None


def describe(result: dict, kind: str, metric: str) -> str:
    goal = goal_of(result, kind, metric)
    if goal is None:
        return ""
    met = result["cleaner"][kind][metric] >= goal.target(result, kind, metric) - 1e-9
    return f"{goal.text()} {'met' if met else '**missed**'}"


def failures(results: list[dict]) -> list[str]:
    missed = []
    for result in results:
        for kind, scores in result["cleaner"].items():
            for metric in ("word_f1", "zyte_f1"):
                goal = goal_of(result, kind, metric)
                if goal and scores[metric] < goal.target(result, kind, metric) - 1e-9:
                    missed.append(f"{result['dataset']} {result['mode']} {kind} {metric} "
                                  f"{scores[metric]:.3f} < {goal.target(result, kind, metric):.3f}")
    return missed
