"""The built-in stages. `DEFAULT_STAGES` is the one place their order is written: the
default pipeline.

Importing this package imports every module in it (`pkgutil`), so each `@register`ed stage
(`cleaner.stages.base`) is known before `cleaner.config` assembles `Config` from the
registry: a new module here is a stage a config can name (`stages = [...]`), with its
`[name]` section, without editing another module. The default stages are imported first, in
their order (which is the order of `Config`'s sections), then the other modules by name.

metadata runs before chrome: it claims datelines, bylines and the title before chrome's
heuristics judge the remaining short lines. `docs/architecture.md` tells what each does.
"""

from __future__ import annotations

import importlib
import pkgutil

DEFAULT_STAGES = ("decode", "extract", "segment", "repair", "language", "provenance",
                  "metadata", "chrome", "head", "punctuation", "recheck", "templates")


def _import_all() -> None:
    """Import the default stages in their order, then every other module of the package."""
    others = sorted(info.name for info in pkgutil.iter_modules(__path__))
    for name in (*DEFAULT_STAGES, *others):
        importlib.import_module(f"{__name__}.{name}")


_import_all()
