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
