"""The built-in stages. `DEFAULT_STAGES` is the one place their order is written: the
default pipeline, in which importing this package registers them (`cleaner.stages.base`).

metadata runs before chrome: it claims datelines, bylines and the title before chrome's
heuristics judge the remaining short lines. `docs/architecture.md` tells what each does.
"""

from __future__ import annotations

import importlib

DEFAULT_STAGES = ("decode", "extract", "segment", "repair", "language", "provenance",
                  "metadata", "chrome", "head", "punctuation", "recheck", "templates")

for _name in DEFAULT_STAGES:
    importlib.import_module(f"{__name__}.{_name}")
