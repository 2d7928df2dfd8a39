"""Cleaning text never imports the HTML stack: `cleaner clean story.txt` starts fast."""

from __future__ import annotations

import subprocess
import sys

_HTML_STACK = ("trafilatura", "lxml", "justext", "htmldate", "courlan")

_PROBE = f"""
import sys
from cleaner import clean
clean("Back to top\\nThe council approved the budget on Monday after a long debate.",
      content_type="text")
from cleaner.cli import main
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {_HTML_STACK!r})
print(",".join(loaded))
"""


def test_cleaning_text_imports_no_html_library():
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == ""


def test_cleaning_html_still_works_after_lazy_imports():
    from cleaner import clean

    html = ("<html><body><article><p>The council approved the budget on Monday after a "
            "long debate about schools and roads.</p></article></body></html>")
    assert "council approved" in clean(html, content_type="html").text


_FTFY_PROBE = """
import sys
from cleaner import clean
clean("Back to top\\nThe café owner’s view: prices “rise” on Monday, after a long debate.",
      content_type="text")
print(",".join(sorted({m.split(".")[0] for m in sys.modules} & {"ftfy", "yaml"})))
"""


def test_text_without_mojibake_imports_no_ftfy_nor_yaml():
    """ftfy is imported for a line the mojibake pre-filter passes, not for accents and curly
    quotes; the pre-filter's tables, the catalog and the word lists come from the disk
    cache (the first run writes them), so no YAML is parsed either."""
    runs = [subprocess.run([sys.executable, "-c", _FTFY_PROBE], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs[1] == ""
