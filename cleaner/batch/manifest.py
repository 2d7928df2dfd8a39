"""Counts of a shard (kept in its completion marker) and of a run (`manifest.json`).

The manifest is rebuilt from the markers at the end of every run, so a resumed run reports
the same totals as an uninterrupted one. Everything but the `run` section (timings, workers,
versions of the moment) depends only on the inputs and the config.
"""

from __future__ import annotations

import contextlib
import hashlib
import platform
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from cleaner.batch.io.inputs import Skipped
from cleaner.batch.io.readers import ErrorRow, InputFile
from cleaner.catalog import builtin_rule_files
from cleaner.config import Config
from cleaner.record import ArticleRecord

_PACKAGES = ("cleaner", "trafilatura", "justext", "langdetect", "ftfy", "charset-normalizer",
             "google-re2", "pydantic", "orjson")
_NO_LANGUAGE = "und"  # ISO 639-2 "undetermined"
_SHARD_KEYS = ("shard", "input", "documents", "records", "errors")


@dataclass
class Stats:
    """What a shard (or a whole run) produced; `merge` adds another's counts."""

    documents: int = 0
    records: int = 0
    errors: int = 0
    blank_lines: int = 0
    error_kinds: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    words: int = 0
    seconds: Counter[str] = field(default_factory=Counter)  # "read", "clean", "write"
    skipped_records: Counter[str] = field(default_factory=Counter)  # WARC records, by reason
    flags: Counter[str] = field(default_factory=Counter)  # records by quality flag

    def add(self, outcome: ArticleRecord | ErrorRow) -> None:
        self.documents += 1
        if isinstance(outcome, ErrorRow):
            self.errors += 1
            self.error_kinds[outcome.error] += 1
            return
        self.records += 1
        self.words += outcome.word_count
        self.languages[outcome.language or _NO_LANGUAGE] += 1
        self.flags.update(outcome.flags)
        for edit in outcome.edits:
            self.rules[edit.rule] += 1
            self.actions[edit.action] += 1

    def merge(self, other: Stats) -> None:
        for name in ("documents", "records", "errors", "blank_lines", "words"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("error_kinds", "rules", "actions", "languages", "seconds",
                     "skipped_records", "flags"):
            getattr(self, name).update(getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        """Counters sorted by count then name, so the JSON is the same on every run."""
        data: dict[str, Any] = {name: getattr(self, name) for name in (
            "documents", "records", "errors", "blank_lines", "words")}
        for name in ("error_kinds", "rules", "actions", "languages", "skipped_records", "flags"):
            data[name] = ranked(getattr(self, name))
        data["seconds"] = {k: round(v, 3) for k, v in sorted(self.seconds.items())}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        stats = cls(**{name: data[name] for name in (
            "documents", "records", "errors", "blank_lines", "words")})
        for name in ("error_kinds", "rules", "actions", "languages", "seconds",
                     "skipped_records", "flags"):
            getattr(stats, name).update(data.get(name, {}))
        return stats


def ranked(counts: Counter[str]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def config_hash(config: Config) -> str:
    """The hash of what decides `clean()`: the config without its `batch` section (how the
    run is made, which run.json records apart)."""
    data = config.model_dump_json(exclude={"batch"})
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def rules_hash(config: Config) -> str:
    """A hash of the rule files the config uses, by content: editing a rule changes it."""
    files = (builtin_rule_files() if config.rules.builtin else []) + list(config.rules.extra)
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode() + b"\0")
        with contextlib.suppress(OSError):  # a missing file fails the run when rules load
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def package_versions() -> dict[str, str]:
    versions = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def duplicate_ids(shards: list[dict[str, Any]], named: int = 5) -> dict[str, Any]:
    """How many documents have an id an earlier document (in input order) already had, and
    the first `named` such ids. Ids are the record's or the error row's."""
    seen: set[str] = set()
    count = 0
    first: list[str] = []
    for marker in shards:
        for doc_id in marker.get("ids", ()):
            if doc_id is None:
                continue
            if doc_id in seen:
                count += 1
                if len(first) < named and doc_id not in first:
                    first.append(doc_id)
            seen.add(doc_id)
    return {"count": count, "first": first}


def build_manifest(*, files: list[InputFile], skipped: list[Skipped], shards: list[dict[str, Any]],
                   config: Config, run: dict[str, Any], sections: dict[str, Any] | None = None,
                   output_format: str = "jsonl") -> dict[str, Any]:
    """The run's manifest from its inputs and every shard's completion marker, in plan order,
    with the `sections` of the steps around cleaning (`templates`, `duplicates`)."""
    total = Stats()
    for marker in shards:
        total.merge(Stats.from_dict(marker["stats"]))
    return {
        "format": output_format,
        "config_hash": config_hash(config),
        "rules_hash": rules_hash(config),
        "counts": {"inputs": len(files), "shards": len(shards), "documents": total.documents,
                   "records": total.records, "errors": total.errors,
                   "skipped_files": len(skipped), "blank_lines": total.blank_lines,
                   "skipped_records": sum(total.skipped_records.values())},
        "skipped_records": ranked(total.skipped_records),
        "duplicate_ids": duplicate_ids(shards),
        "errors": ranked(total.error_kinds),
        "rules": ranked(total.rules),
        "actions": ranked(total.actions),
        "languages": ranked(total.languages),
        "flags": ranked(total.flags),
        "words": total.words,
        **(sections or {}),
        "inputs": [{"path": file.display, "kind": file.kind} for file in files],
        "skipped": [{"path": s.display, "reason": s.reason} for s in skipped],
        "shards": [{key: marker[key] for key in _SHARD_KEYS} for marker in shards],
        "config": config.model_dump(mode="json", exclude={"batch"}),
        "run": run | {"seconds": total.to_dict()["seconds"], "packages": package_versions()},
    }


def summary(manifest: dict[str, Any], output: str) -> str:
    """One paragraph for the end of `cleaner run`: counts, top rules, languages, time."""
    counts, run = manifest["counts"], manifest["run"]
    wall = run["wall_seconds"]
    rate = run["documents_cleaned"] / wall if wall else 0.0
    resumed = f", {run['resumed_shards']:,} done before" if run["resumed_shards"] else ""
    parts = [(f"{_plural(counts['documents'], 'document')} from "
              f"{_plural(counts['inputs'], 'input')} ({_plural(counts['shards'], 'shard')}"
              f"{resumed}) in {wall:.1f} s ({rate:,.1f} docs/s, {_workers(run['workers'])}): "
              f"{counts['records']:,} records, "
              f"{_plural(counts['errors'], 'error')}{_listing(manifest['errors'])}.")]
    if counts["skipped_files"]:
        parts.append(f"Skipped {_plural(counts['skipped_files'], 'file')} of unsupported types.")
    if counts.get("skipped_records"):
        parts.append(f"Skipped {_plural(counts['skipped_records'], 'WARC record')} that are no "
                     f"HTML response ({_listing(manifest['skipped_records'], bare=True)}).")
    if manifest.get("duplicate_ids", {}).get("count"):
        parts.append(f"Duplicate ids: {manifest['duplicate_ids']['count']:,}.")
    actions = manifest["actions"]
    parts.append(f"Removed {actions.get('remove', 0):,} lines, moved "
                 f"{actions.get('to_metadata', 0):,} to metadata, made "
                 f"{_plural(actions.get('replace', 0), 'fix', 'fixes')}.")
    if manifest["rules"]:
        parts.append(f"Top rules: {_listing(manifest['rules'], limit=5, bare=True)}.")
    if manifest["languages"]:
        parts.append(f"Languages: {_listing(manifest['languages'], limit=5, bare=True)}.")
    if manifest.get("flags"):
        parts.append(f"Flagged records: {_listing(manifest['flags'], bare=True)}.")
    if "templates" in manifest:
        templates = manifest["templates"]
        parts.append(f"Templates: {_plural(templates['lines'], 'line')} of "
                     f"{_plural(templates['sites'], 'site')}, "
                     f"{templates['removed_lines']:,} removed.")
    if "duplicates" in manifest:
        found = manifest["duplicates"]
        dropped = f", {found['dropped']:,} dropped" if found["dropped"] else ""
        parts.append(f"Duplicates: {found['exact']:,} exact, {found['near']:,} near{dropped}.")
    parts.append(f"Output: {output}/records, {output}/errors, {output}/manifest.json.")
    return " ".join(parts)


def _workers(count: int) -> str:
    return _plural(count, "worker") if count else "in one process"


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else plural or word + 's'}"


def _listing(counts: dict[str, int], limit: int = 5, bare: bool = False) -> str:
    """ "a 3, b 2, c 1 and 4 more"; in parentheses unless `bare`; empty for no counts."""
    if not counts:
        return ""
    items = list(counts.items())
    text = ", ".join(f"{name} {count:,}" for name, count in items[:limit])
    if len(items) > limit:
        text += f" and {len(items) - limit} more"
    return text if bare else f" ({text})"
