"""The built-in rule catalog: YAML data, shipped in the wheel as `cleaner.rulebook`."""
