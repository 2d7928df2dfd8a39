"""Sub-commands of `cleaner`, one module per family; each module exposes `register(group)`."""

from __future__ import annotations

import click


def register_all(group: click.Group) -> None:
    from cleaner.commands import rules

    rules.register(group)
    from cleaner.commands import ci

    ci.register(group)
    from cleaner.commands import batch; batch.register(group)  # noqa: E702
