"""extract: our parse of a page is trafilatura's `load_html`, only faster."""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.utils import load_html

from cleaner.stages.extract import load_page

BODY = "<body><h1>Budget</h1><p>The council approved the budget on Monday.</p></body>"
ACCENTS = BODY.replace("Monday", "lundi, à Zürich 中文")
CONTROLS = BODY.replace("budget", "bud\x00get\x0b\x1f")  # characters load_html removes
NONCHARACTERS = BODY.replace("budget", "budget\ufffe\uffff")
XHTML_DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                 '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')  # a slash: repaired
PAGES = [
    f"<!DOCTYPE html>\n<html lang='en'><head><title>T</title></head>{BODY}</html>",
    f"<html><head><meta charset='utf-8'></head>{ACCENTS}</html>",
    f"<html>{CONTROLS}</html>",
    f"<html>{NONCHARACTERS}</html>",
    f"{XHTML_DOCTYPE}\n<html>{BODY}</html>",
    f'<html lang="en"/>\n<head></head>{BODY}',
    f'<?xml version="1.0" encoding="utf-8"?>\n<html>{BODY}</html>',
    "<p>only a paragraph</p>",
    "<div><p>one</p><p>two</p></div>",
    "just text, no markup at all",
    "",
    "\x00\x01",
]


@pytest.mark.parametrize("page", PAGES)
def test_load_page_gives_the_tree_load_html_gives(page):
    ours, theirs = load_page(page), load_html(page)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
