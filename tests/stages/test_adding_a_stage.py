"""A newcomer adds a stage by writing one file: a module placed in `cleaner/stages/` is
registered when the package is imported, so a config can name it and `Config` has its
section, without editing another module.

The module is written into a copy of the package, which one fresh interpreter imports (the
registry and `Config` of this one are assembled already): the source tree is never written,
so no other process sees the stage.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import cleaner.rules

STAGE = textwrap.dedent('''
    """newcomer: append the `[newcomer] mark` to every paragraph."""

    from __future__ import annotations

    from cleaner.document import Document
    from cleaner.settings import Settings
    from cleaner.stages.base import Facet, Stage, register


    class NewcomerSettings(Settings):
        mark: str = " (seen)"


    @register
    class Newcomer(Stage):
        name = "newcomer"
        requires = frozenset({Facet.BLOCKS})
        settings_model = NewcomerSettings

        def __call__(self, doc: Document) -> Document:
            mark = self.settings.mark
            return doc.evolve(blocks=tuple(b.with_text(b.text + mark) for b in doc.blocks))
''')

USE = textwrap.dedent('''
    import json

    import cleaner
    from cleaner import Config, clean
    from cleaner.stages import DEFAULT_STAGES

    config = Config.from_dict({"stages": [*DEFAULT_STAGES, "newcomer"],
                               "newcomer": {"mark": " [new]"}})
    text = "The council approved the new budget on Monday after a long debate."
    print(json.dumps({"package": cleaner.__file__, "default": Config().newcomer.mark,
                      "default_text": clean(text, content_type="text").text,
                      "text": clean(text, content_type="text", config=config).text}))
''')


def copy_of_the_package(root: Path) -> Path:
    """`cleaner` (with its rules, which an editable install maps from `rules/`) under `root`."""
    package = root / "cleaner"
    shutil.copytree(Path(cleaner.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    if not (package / "rules").is_dir():
        shutil.copytree(Path(cleaner.rules.__file__).parent, package / "rules",
                        ignore=shutil.ignore_patterns("__pycache__"))
    return package


def test_a_module_placed_in_the_package_is_a_stage_a_config_can_name(tmp_path):
    package = copy_of_the_package(tmp_path / "site")
    (package / "stages" / "newcomer.py").write_text(STAGE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "PYTHONDONTWRITEBYTECODE": "1"}
    out = subprocess.run([sys.executable, "-c", USE], capture_output=True, text=True,
                         check=False, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert Path(found["package"]).parent == package  # the copy, not the source tree
    assert found["default"] == " (seen)"  # its section, with its defaults, is in Config
    sentence = "The council approved the new budget on Monday after a long debate."
    assert found["default_text"] == sentence  # the default pipeline does not run it
    assert found["text"] == sentence + " [new]"
