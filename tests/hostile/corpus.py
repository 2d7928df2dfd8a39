"""The hostile corpus: inputs built to hang, crash or exhaust the pipeline, generated in code.

Each case is a name, a factory (called in the process that cleans it, so nothing big is kept
in the test process or the repository), the content type passed to `clean()`, what it attacks,
and what must come of it: "record", or a fragment of the CleanerError's message. Heavy cases
(seconds each: pages at the size limits) run in CI (CI=true) and with measure.py.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

STORY = ("The council approved the new budget on Monday after a long debate, "
         "and members said the plan would fund schools and roads. ")
DEPTH = "the HTML parser stopped at line 1: Excessive depth"
TRUNCATED = "the HTML parser stopped at line 1: Resource limit exceeded"


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], str | bytes]
    content_type: str
    kind: str  # what it attacks, for the report
    expect: str  # "record", or a fragment of the error message
    heavy: bool = False


def page(body: str) -> str:
    """`body` inside a minimal page, so the HTML path is taken."""
    return f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"


def _random_bytes(size: int) -> bytes:
    return random.Random(5).randbytes(size)


CASES = [
    # HTML: nesting
    Case("deep-divs", lambda: page("<div>" * 5_000 + STORY), "html", "nesting depth", DEPTH),
    Case("deep-inline", lambda: page("<b><i>" * 5_000 + STORY), "html", "nesting depth", DEPTH),
    Case("deep-tables", lambda: page("<table><tr><td>" * 5_000 + STORY), "html", "nesting depth",
         DEPTH),
    Case("deep-lists", lambda: page("<ul><li>" * 5_000 + STORY), "html", "nesting depth", DEPTH),
    Case("deep-svg", lambda: page("<svg>" + "<g>" * 5_000 + "</svg>" + STORY), "html",
         "nesting depth", DEPTH),
    Case("json-ld-nesting", lambda: page('<script type="application/ld+json">' + "[" * 200_000
                                         + f"</script><article><p>{STORY}</p></article>"),
         "html", "JSON-LD recursion", "record"),
    # HTML: many tags
    Case("br-only", lambda: page("<br>" * 1_000_000), "html", "justext on <br>",
         "limits.max_html_tags"),
    Case("br-flood", lambda: page("<p>" + "word<br>" * 190_000 + "</p>"), "html",
         "justext on <br>", "limits.max_blocks", heavy=True),
    Case("unclosed-p", lambda: page(("<p>" + STORY) * 20_000), "html", "implicit closes",
         "record", heavy=True),
    Case("stray-closers", lambda: page("</div></span>" * 95_000 + STORY), "html",
         "unbalanced tags", "record"),
    # trafilatura's standard mode keeps all 25,000 paragraphs: over limits.max_blocks
    Case("many-paragraphs", lambda: page(f"<p>{STORY}</p>" * 25_000), "html", "block count",
         "limits.max_blocks", heavy=True),
    # one line of links, or one per link: limits.max_block_chars or limits.max_blocks
    Case("many-links", lambda: page("".join(f'<a href="https://x.test/{i}">l{i}</a> '
                                            for i in range(50_000))), "html", "links",
         "limits.max_block", heavy=True),
    Case("meta-flood", lambda: "<html><head>" + '<meta name="author" content="A">' * 100_000
         + f"</head><body><p>{STORY}</p></body></html>", "html", "metadata", "record",
         heavy=True),
    Case("comment-bomb", lambda: page("<!--x-->" * 190_000 + STORY), "html", "comments",
         "record"),
    Case("cdata-and-pi", lambda: page("<![CDATA[" * 90_000 + "<?php x ?>" * 90_000 + STORY),
         "html", "markup declarations", "record"),
    # HTML: big tags, texts and attributes
    Case("many-attributes", lambda: page("<div " + " ".join(f"a{i}=x" for i in range(300_000))
                                         + f">{STORY}</div>"), "html", "lxml's attribute check",
         "limits.max_html_attributes"),
    Case("hidden-attributes", lambda: page('<p title="<script>"><div ' + 'a=">" b c ' * 20_000
                                           + f">{STORY}</div>"), "html",
         "lxml's attribute check", "limits.max_html_attributes"),
    Case("dense-attributes", lambda: page("<p>" + ("<i " + "b " * 190 + ">x</i> ") * 40_000),
         "html", "many tags with many attributes", "record", heavy=True),
    Case("huge-attribute", lambda: page('<div title="' + "a" * 15_000_000 + f'">{STORY}</div>'),
         "html", "huge attribute", TRUNCATED),
    Case("huge-text-node", lambda: page("<p>" + "word " * 1_000_000 + "</p>"), "html",
         "line length", "limits.max_block_chars"),
    Case("unclosed-comment", lambda: page("<!--" + STORY * 100_000), "html", "comments",
         TRUNCATED),
    Case("script-flood", lambda: page("<script>" + "x=1;" * 3_000_000 + f"</script><p>{STORY}"),
         "html", "script", TRUNCATED),
    Case("entity-flood", lambda: page("<p>" + "&amp;" * 2_000_000 + "</p>"), "html", "entities",
         "limits.max_block_chars", heavy=True),
    # HTML: odd characters and shapes
    Case("comment-prefix", lambda: "<!---->" * 40 + STORY, "auto", "regex backtracking",
         "record"),
    Case("nul-in-html", lambda: page(("<p>" + STORY + "\x00" * 1000 + "</p>") * 100), "html",
         "control characters", "record"),
    Case("surrogates-in-html", lambda: page(f"<p>\ud800{STORY}\udfff</p>" * 100), "html",
         "invalid Unicode", "record"),
    Case("empty-html", lambda: "   ", "html", "nothing to parse", "record"),
    # text
    Case("many-lines", lambda: "Menu\n" * 1_000_000, "text", "block count", "limits.max_blocks"),
    Case("long-line", lambda: "word " * 2_000_000, "text", "line length",
         "limits.max_block_chars"),
    Case("entity-chain", lambda: "&" + "amp;" * 24_000 + "lt;", "text", "nested entities",
         "record"),
    Case("numeric-entity-chain", lambda: ("&#38;" * 9_000 + "#59;\n") * 2, "text",
         "nested entities", "record"),
    Case("combining-flood", lambda: "a" + "\u0301" * 99_000, "text", "Unicode normalization",
         "record"),
    Case("invisible-flood", lambda: ("\u200b\u202e\u00ad" * 30_000 + STORY + "\n") * 20, "text",
         "invisible characters", "record"),
    Case("mojibake-flood", lambda: ("CafÃ© â€œquotedâ€\x9d " * 4_000 + "\n") * 5, "text",
         "ftfy", "record"),
    Case("punctuation-flood", lambda: (". , ; : ! ? " * 8_000 + "\n") * 10, "text",
         "punctuation regexes", "record"),
    Case("lone-surrogates", lambda: "\ud800 " + STORY + "\udfff\ud83d" * 1000, "text",
         "invalid Unicode", "record"),
    Case("nul-characters", lambda: ("\x00" * 50_000 + STORY + "\n") * 10, "text",
         "control characters", "record"),
    Case("max-size-prose", lambda: "".join(f"Part {n}: {STORY * 7}\n" for n in range(19_000)),
         "text", "size at the limits", "record", heavy=True),
    # bytes
    Case("random-bytes", lambda: _random_bytes(5_000_000), "auto", "charset detection",
         "no charset decodes"),
    Case("nul-bytes", lambda: b"\x00" * 5_000_000, "auto", "binary", "limits.max_block_chars"),
    Case("invalid-utf8", lambda: (STORY.encode() + b"\xff\xfe\xc3\n") * 5_000, "auto",
         "charset detection", "record"),
    Case("bad-declared-charset", lambda: b'<meta charset="idna"><p>' + b"\xff" * 1000
         + STORY.encode(), "auto", "charset declaration", "record"),
    Case("utf16-odd-length", lambda: b"\xff\xfe" + "line\n".encode("utf-16-le") * 1_000 + b"\x00",
         "auto", "byte order mark", "record"),
    Case("over-size-limit", lambda: "x" * 25_000_000, "text", "input size",
         "limits.max_input_bytes"),
]
