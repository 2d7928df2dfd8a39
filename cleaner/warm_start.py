"""Start-up work begun early: the RE2 sets of the built-in catalog compile in background
threads while `cleaner clean` imports the pipeline.

Compiling the catalog's RE2 sets is the largest single cost of a start (about as long as all
the imports), and RE2 releases the GIL while it compiles. The patterns of the sets a catalog
of the built-in rule files last compiled are kept in the disk cache (`cleaner.disk_cache`),
keyed by the content of those files; `start_rule_sets()` reads them with nothing but the
standard library and RE2 imported, and hands them to `cleaner.matching.prepare_sets`. A
catalog of other patterns (a config's own rules, a rule switched off) compiles its own
sets as before: a stale or missing entry only means no head start.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cleaner.disk_cache import read_entry, write_entry

_ENTRY = "rule-sets"


def _rulebook() -> Path:
    import cleaner.rulebook

    return Path(cleaner.rulebook.__file__).parent


def builtin_files_key() -> str | None:
    """A hash of the content of every YAML file of the built-in catalog, or None when one
    cannot be read."""
    digest = hashlib.sha256()
    try:
        for path in sorted(_rulebook().glob("*.yaml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()[:16]


def remember_rule_sets(patterns_by_anchor: dict[str, list[str]]) -> None:
    """Keep these sets' patterns for the next start, unless they are kept already."""
    key = builtin_files_key()
    if key is None:
        return
    data = json.dumps(patterns_by_anchor, sort_keys=True).encode("utf-8")
    if read_entry(_ENTRY, key) != data:
        write_entry(_ENTRY, key, data)


def start_rule_sets() -> None:
    """Start compiling the sets the built-in catalog compiled last time, if they are known."""
    key = builtin_files_key()
    data = read_entry(_ENTRY, key) if key is not None else None
    if data is None:
        return
    try:
        patterns = json.loads(data)
    except ValueError:
        return
    if isinstance(patterns, dict):
        from cleaner.matching import prepare_sets

        prepare_sets({anchor: [p for p in found if isinstance(p, str)]
                      for anchor, found in patterns.items() if isinstance(found, list)})
