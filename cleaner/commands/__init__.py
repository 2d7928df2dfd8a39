"""Sub-commands of `cleaner`, one module per family; each module exposes `register(group)`."""

from __future__ import annotations

import click


def register_all(group: click.Group) -> None:
    from cleaner.commands import batch, ci, rules

    for family in (rules, ci, batch):
        family.register(group)
