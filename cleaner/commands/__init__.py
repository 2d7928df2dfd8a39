"""Sub-commands of `cleaner`, one module per family; each module exposes `register(group)`.

`cleaner.cli.COMMAND_FAMILIES` names the family of each command, so that only the family of
the command being run is imported.
"""
