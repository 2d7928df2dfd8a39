"""The page's text as HTML means it: a line break in the source is a space.

Browsers render a newline inside a paragraph's text as a space; only `<br>` (and block
elements) break lines. trafilatura keeps the source's newlines in some paragraphs (text
directly in a `<div>`), so a hard-wrapped paragraph came out as several, split
mid-sentence. Turning those newlines into spaces before extraction keeps one paragraph
one block; `<br>` line breaks (poems, addresses) and preformatted text are untouched.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# A newline between words; one at either end of a text stays (trafilatura reads where the
# page's text begins and ends when it picks the main content: turning those into spaces
# moved its choice from a product's description to a sign-up box).
_NEWLINE_RUN = re.compile(r"(?<=\S)[ \t]*[\r\n]\s*(?=\S)")
# Text with words and a newline, outside the elements whose text is shown as written (and
# scripts). Whitespace between tags is left alone: it holds no words, and skipping it keeps
# this at half a millisecond a page (the Zyte pages' median; every text node: 6 ms).
_WRAPPED_TEXT = etree.XPath(
    "//text()[contains(., '\n') or contains(., '\r')][normalize-space(.) != '']"
    "[not(ancestor::pre or ancestor::textarea"
    " or ancestor::code or ancestor::script or ancestor::style or ancestor::listing"
    " or ancestor::xmp or ancestor::plaintext)]")


def unwrap_source_lines(tree: HtmlElement) -> None:
    """Replace, in place, every newline (with the spaces around it) in the text of the
    page by one space, except inside `<pre>`, `<code>`, `<textarea>`, scripts and styles.

    >>> import lxml.html
    >>> tree = lxml.html.fromstring("<div><p>one\\n  two<br>three</p><pre>a\\nb</pre>c\\nd</div>")
    >>> unwrap_source_lines(tree)
    >>> lxml.html.tostring(tree, encoding="unicode")
    '<div><p>one two<br>three</p><pre>a\\nb</pre>c d</div>'
    """
    for found in _WRAPPED_TEXT(tree):
        owner = found.getparent()
        if owner is None:
            continue
        if found.is_tail:
            owner.tail = _NEWLINE_RUN.sub(" ", owner.tail)
        elif found.is_text:
            owner.text = _NEWLINE_RUN.sub(" ", owner.text)
