"""The page's text as HTML means it: a line break in the source is a space.

Browsers render a newline inside a paragraph's text as a space; only `<br>` (and block
elements) break lines. trafilatura keeps the source's newlines in some paragraphs (text
directly in a `<div>`), so a hard-wrapped paragraph came out as several, split
mid-sentence. Turning those newlines into spaces before extraction keeps one paragraph
one block; `<br>` line breaks (poems, addresses) and preformatted text are untouched.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_NEWLINE_RUN = re.compile(r"[ \t]*[\r\n][\s]*")
# Elements whose text is shown as written (and whose content is not prose).
_AS_WRITTEN = frozenset({"pre", "textarea", "code", "script", "style", "listing", "plaintext",
                         "xmp"})


def unwrap_source_lines(tree: HtmlElement) -> None:
    """Replace, in place, every newline (with the spaces around it) in the text of the
    page by one space, except inside `<pre>`, `<code>`, `<textarea>`, scripts and styles.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring("<div><p>one\\n  two<br>three</p><pre>a\\nb</pre></div>")
    >>> unwrap_source_lines(tree)
    >>> lxml.html.tostring(tree, encoding="unicode")
    '<div><p>one two<br>three</p><pre>a\\nb</pre></div>'
    """
    skip = {e for e in tree.iter(*_AS_WRITTEN)}
    inside = {d for e in skip for d in e.iterdescendants()}
    for element in tree.iter():
        if element.text and "\n" in element.text and element not in skip and element not in inside:
            element.text = _NEWLINE_RUN.sub(" ", element.text)
        if element.tail and "\n" in element.tail and element not in inside:
            element.tail = _NEWLINE_RUN.sub(" ", element.tail)
