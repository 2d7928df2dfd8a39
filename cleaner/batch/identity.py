"""What a run is (`run.json`), so that a resumed run can be told apart from a different one,
and a refused resume can name what differs: the config, the rule files, an option, or an
input."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson

# The command-line option behind each setting of the identity.
OPTION_OF = {
    "output_format": "--output-format", "compression": "--compression",
    "shard_size": "--shard-size", "fields.id": "--id-field", "fields.text": "--text-field",
    "fields.html": "--html-field", "fields.url": "--url-field",
    "dedup": "--dedup / --drop-duplicates / --near-duplicate-threshold",
    "templates": "--learn-templates / --templates and their thresholds",
}


def run_identity(config_hash: str, rules_hash: str, settings: dict[str, Any],
                 fingerprints: list[tuple[str, str]]) -> dict[str, Any]:
    """The identity of a run: hashes of its config and rules, its settings as given, each
    input's hash (of how it is cut into shards) and the hash of the whole plan.
    `fingerprints` is (input, shard fingerprint) in plan order."""
    per_input: dict[str, Any] = {}
    plan = hashlib.sha256(orjson.dumps(settings, option=orjson.OPT_SORT_KEYS))
    for name, fingerprint in fingerprints:
        data = fingerprint.encode("utf-8", "surrogateescape") + b"\n"
        plan.update(data)
        per_input.setdefault(name, hashlib.sha256()).update(data)
    return {"config_hash": config_hash, "rules_hash": rules_hash,
            "plan_hash": plan.hexdigest()[:16], "settings": settings,
            "inputs": {name: digest.hexdigest()[:16] for name, digest in per_input.items()}}


def difference(previous: dict[str, Any], current: dict[str, Any]) -> str | None:
    """What makes `current` another run than `previous`, in words; None for the same run."""
    if previous.get("config_hash") != current.get("config_hash"):
        return "a different config"
    if previous.get("rules_hash") != current.get("rules_hash"):
        return "rule files that have changed since"
    if previous.get("plan_hash") == current.get("plan_hash"):
        return None
    return (_setting_difference(previous.get("settings"), current.get("settings"))
            or _input_difference(previous.get("inputs"), current.get("inputs"))
            or "different inputs or options")


def _setting_difference(before: Any, now: Any) -> str | None:
    if not isinstance(before, dict) or not isinstance(now, dict):
        return None
    old, new = _flat(before), _flat(now)
    for key in sorted(old.keys() | new.keys()):
        if old.get(key) != new.get(key):
            option = OPTION_OF.get(key, key)
            return (f"another {option} ({_shown(old.get(key))} there, "
                    f"{_shown(new.get(key))} now)")
    return None


def _input_difference(before: Any, now: Any) -> str | None:
    if not isinstance(before, dict) or not isinstance(now, dict):
        return None
    for name in before:
        if name not in now:
            return f"other inputs ({name} was one, and is not now)"
    for name in now:
        if name not in before:
            return f"other inputs ({name} was not one)"
    for name, digest in now.items():
        if before[name] != digest:
            return f"another version of the input {name} (it has changed since)"
    if list(before) != list(now):
        return "the same inputs in another order"
    return None


def _flat(settings: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in settings.items():
        if isinstance(value, dict) and key == "fields":
            flat |= _flat(value, f"{prefix}{key}.")
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _shown(value: Any) -> str:
    return "none" if value is None else orjson.dumps(value).decode()
