"""The catalog's data: YAML files of rules, heuristics, fixes and word lists, shipped in the wheel
as the package `cleaner.rules` (the same folder name in the repository and in the wheel)."""
