"""A newcomer adds a stage by writing one file: a module placed in `cleaner/stages/` is
registered when the package is imported, so a config can name it and `Config` has its
section, without editing another module.

The module is written into the package for one fresh interpreter (the registry and `Config`
of this one are assembled already) and removed after it, its bytecode never written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import cleaner.stages

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

    from cleaner import Config, clean
    from cleaner.stages import DEFAULT_STAGES

    config = Config.from_dict({"stages": [*DEFAULT_STAGES, "newcomer"],
                               "newcomer": {"mark": " [new]"}})
    text = "The council approved the new budget on Monday after a long debate."
    print(json.dumps({"default": Config().newcomer.mark,
                      "default_text": clean(text, content_type="text").text,
                      "text": clean(text, content_type="text", config=config).text}))
''')


def test_a_module_placed_in_the_package_is_a_stage_a_config_can_name(tmp_path):
    package = Path(cleaner.stages.__file__).parent
    module = package / f"newcomer_{os.getpid()}.py"
    module.write_text(STAGE, encoding="utf-8")
    try:
        out = subprocess.run([sys.executable, "-c", USE], capture_output=True, text=True,
                             check=False, cwd=tmp_path,
                             env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    finally:
        module.unlink()
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    assert found["default"] == " (seen)"  # its section, with its defaults, is in Config
    sentence = "The council approved the new budget on Monday after a long debate."
    assert found["default_text"] == sentence  # the default pipeline does not run it
    assert found["text"] == sentence + " [new]"
    assert not module.exists()
