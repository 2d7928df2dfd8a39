"""Run a catalog entry's own examples: what `cleaner rules test` and the generic pytest run.

- a rule must remove its `remove` lines and keep its `keep` lines, and no other rule of the
  catalog may remove one of its keep lines;
- a heuristic must write at least one edit with its id (or an alias) on each `change`
  document and none on each `keep` document;
- a fix (its function itself) must turn each `change` text into its `fixed` text and return
  each `keep` text unchanged.
"""

from __future__ import annotations

from cleaner.catalog import Catalog, CompiledRule, Rule
from cleaner.entries import Entry, FixEntry, HeuristicEntry
from cleaner.record import Edit

_LINE_SCOPES = ("line", "prefix", "tail")


def entry_failures(entry: Rule | Entry, catalog: Catalog) -> list[str]:
    """What is wrong with an entry's examples (empty when they all behave)."""
    if isinstance(entry, Rule):
        return rule_failures(entry, catalog)
    if isinstance(entry, FixEntry):
        return fix_failures(entry)
    return heuristic_failures(entry)


def rule_failures(rule: Rule, rules: Catalog) -> list[str]:
    """What is wrong with a rule's own examples, against itself and the whole catalog."""
    compiled = CompiledRule(rule)
    failures = [f"does not remove {text!r}" for text in rule.examples.remove
                if compiled.match(text.strip()) is None]
    failures += [f"removes its keep example {text!r}" for text in rule.examples.keep
                 if compiled.match(text.strip()) is not None]
    for text in rule.examples.keep:
        for hit in rules.hits(text.strip(), _LINE_SCOPES, rule.language):
            if hit.rule.id != rule.id:
                failures.append(f"keep example {text!r} is removed by {hit.rule.id}")
    return failures


def fix_failures(entry: FixEntry) -> list[str]:
    """A fix's examples, run through the fix function of its stage's FIXES table."""
    fix = entry.function
    if fix is None:
        return [f"no function {entry.name!r} in the FIXES of cleaner.text.{entry.stage}"]
    failures = []
    for case in entry.examples.change:
        got = fix(case.given, case.language)
        if got != case.expected:
            failures.append(f"gives {got!r} for {case.given!r}, not {case.expected!r}")
    failures += [f"changes its keep example {case.given!r}" for case in entry.examples.keep
                 if fix(case.given, case.language) != case.given]
    return failures


def heuristic_failures(entry: HeuristicEntry) -> list[str]:
    """A heuristic's documents, run as its `run` says; each change document needs an edit
    with the entry's id, no keep document may get one."""
    names = {entry.id, *entry.aliases}
    run = {"clean": _cleaned, "stage": _staged, "site": _templated}[entry.run]
    edits = run(entry, [*entry.examples.change, *entry.examples.keep])
    failures = []
    for index, document in enumerate(entry.examples.change):
        if not any(_is_named(edit.rule, names) for edit in edits[index]):
            failures.append(f"makes no {entry.id} edit in its change example {_head(document)!r}")
    for index, document in enumerate(entry.examples.keep, len(entry.examples.change)):
        made = [e.before for e in edits[index] if _is_named(e.rule, names)]
        if made:
            failures.append(f"edits its keep example {_head(document)!r}: {made[0]!r}")
    return failures


def _is_named(rule: str, names: set[str]) -> bool:
    """An edit's rule is the entry's: its id or alias, or `template:<site>` for `template`."""
    return rule in names or rule.partition(":")[0] in names and ":" in rule


def _head(document: str) -> str:
    return document.strip().split("\n", 1)[0][:60]


def _cleaned(entry: HeuristicEntry, documents: list[str]) -> list[list[Edit]]:
    """The edits of `clean()` on each document, with the default config (and the entry
    switched on, when it is off by default)."""
    from cleaner.api import clean
    from cleaner.config import Config, RulesSettings

    config = None if entry.default == "on" else Config(rules=RulesSettings(enable=(entry.id,)))
    return [clean(doc, url=entry.url, content_type="text", config=config).edits
            for doc in documents]


def _staged(entry: HeuristicEntry, documents: list[str]) -> list[list[Edit]]:
    """The edits of the entry's stage alone on each document, one block per line as is
    (spaces and all): input the stages before it would not give."""
    from cleaner.document import Block, Document
    from cleaner.pipeline import pipeline_for

    stage = pipeline_for(None).stage(entry.stage)
    found = []
    for doc in documents:
        blocks = tuple(Block(line, i) for i, line in enumerate(doc.split("\n")) if line)
        found.append(list(stage(Document(doc, "text", url=entry.url, blocks=blocks)).edits))
    return found


def _templated(entry: HeuristicEntry, documents: list[str]) -> list[list[Edit]]:
    """The documents as pages of one site (`url`/<n>): cleaned, templates learned from them
    all with the default settings, and removed from each by the templates stage, as
    `cleaner run --learn-templates` does. The edits are the templates' only."""
    from cleaner.api import library_errors, run_pipeline
    from cleaner.batch.settings import TemplateSettings
    from cleaner.batch.steps.templates import LineCounts, learn
    from cleaner.document import Document
    from cleaner.stages.templates import remove_templates, site_key

    base = (entry.url or "https://example.com").rstrip("/")
    with library_errors():
        docs = [run_pipeline(Document(doc, "text", url=f"{base}/{n}"), None)
                for n, doc in enumerate(documents)]
    counts = LineCounts()
    for doc in docs:
        counts.add(site_key(doc.url), doc.body, doc.meta.language)
    templates = learn(counts, TemplateSettings())
    return [list(remove_templates(doc, templates).edits[len(doc.edits):]) for doc in docs]
