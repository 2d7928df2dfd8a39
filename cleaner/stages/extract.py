"""extract: the main content of an HTML page, with trafilatura; the page's declared article
body or its repeated cards when trafilatura kept much less, justext when it kept nothing.

The adapter is the only place that knows these libraries: it passes HTML as a string and the
parsed tree (never a URL, so nothing is fetched), turns comments off, and maps their metadata
to ours. Before parsing it refuses pages that would make the libraries crawl (too many tags,
a tag with too many attributes); after, pages that lxml could not parse whole.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from cleaner.document import Document
from cleaner.errors import InputError
from cleaner.html_cards import repeated_cards, share_held
from cleaner.html_declared import declares_article, json_ld_article_body
from cleaner.settings import LimitsSettings
from cleaner.stages.base import Facet, Stage, register
from cleaner.stages.extract_settings import ExtractSettings
from cleaner.text.utf8 import utf8
from cleaner.text.words import stoplist_name

if TYPE_CHECKING:
    from lxml import etree
    from lxml.html import HtmlElement

# The HTML libraries (trafilatura, lxml, justext, htmldate) are imported where they are first
# used, so that cleaning text never loads them.

_HTML_LANG = re.compile(r"<html[^>]{0,300}?\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)
# libxml2's advice at the end of a resource-limit error, which a user cannot follow here.
_PARSER_ADVICE = re.compile(r",? (?:use|try) XML_PARSE_HUGE.*$")


# -- guards ------------------------------------------------------------------------------
# The markup of a page as HTML5 tokenizes it, which libxml2 (lxml's parser) does since 2.14:
# tags with their attributes, comments, and the raw text of script, style and the like.
# Only as much as it takes to count the attributes of each tag, in one linear pass.

_SPACE = r"[\t\n\f\r ]"
_NAME_CHAR = r"[^\t\n\f\r />=]"
# What follows a tag's name: runs of separators and attributes (a name, maybe "=" and a
# value; a quoted value may hold "<" and ">"). Each part matches in one way only, the
# longest, so a regex made of them never backtracks into a tag (nor hangs on one).
_SEPARATOR_RE = r"[\t\n\f\r /]+(?![\t\n\f\r /])"
_ATTRIBUTE_RE = (
    rf"[^\t\n\f\r />]{_NAME_CHAR}*(?!{_NAME_CHAR})"
    rf"(?:{_SPACE}*={_SPACE}*(?!{_SPACE})"
    r"""(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z)|[^\t\n\f\r >"'][^\t\n\f\r >]*(?![^\t\n\f\r >])|(?=>|\Z))"""
    rf"|(?!{_SPACE}*=))")
_ITEM_RE = f"{_SEPARATOR_RE}|{_ATTRIBUTE_RE}"
_ITEM = re.compile(_ITEM_RE)
_SEPARATORS = "\t\n\f\r /"
_TAG_START = re.compile(r"</?([A-Za-z][^\t\n\f\r />]*)")
_COMMENT_END = re.compile("--!?>")
# Elements whose content libxml2 reads as text up to their end tag (plaintext: to the end).
_RAW_TEXT_END = {name: re.compile(f"</{name}", re.IGNORECASE | re.ASCII) for name in
                 ("script", "style", "iframe", "noembed", "noframes", "xmp", "textarea", "title")}


# Compiled patterns, one per `limits` value: a process uses one config or a few.
@functools.lru_cache(maxsize=4)
def _plain_markup(max_attributes: int) -> re.Pattern[str]:
    """Up to 256 runs of text and tags that need no closer look: not a comment, not a raw
    text element, at most `max_attributes` attributes. It stops before anything else.

    The 256 bounds what one match holds for backtracking (its state grows with the runs
    it repeats), not what is read: `crowded_tag` goes on where a match ends."""
    raw = "|".join((*_RAW_TEXT_END, "plaintext"))
    return re.compile(
        rf"(?:[^<]+|<(?![A-Za-z!?/])|<(?:/|(?!(?i:{raw})(?:[\t\n\f\r />]|\Z)))"
        rf"[A-Za-z][^\t\n\f\r />]*(?![^\t\n\f\r />])(?:{_SEPARATOR_RE})?"
        rf"(?:(?:{_ATTRIBUTE_RE})(?:{_SEPARATOR_RE})?){{0,{max_attributes}}}(?:>|\Z))"
        "{0,256}", re.ASCII)


def crowded_tag(html: str, max_attributes: int) -> int | None:
    """The offset of the first tag with more than `max_attributes` attributes, or None.

    Where the reading here could differ from libxml2's it ends a comment or raw text early,
    so it reads more as markup, never less (tests/hostile compares it with lxml).

    >>> crowded_tag('<p a="1 > 2" b c>x</p><script>"<b d e f>"</script>', 2)
    0
    >>> crowded_tag('<p a="1 > 2" b>x</p><script>"<b d e f>"</script>', 2) is None
    True
    """
    plain = _plain_markup(max_attributes).match
    pos, size = 0, len(html)
    while pos < size:
        end = plain(html, pos).end()
        if end > pos:
            pos = end
            continue
        tag = _TAG_START.match(html, pos)
        if tag is None:
            pos = _declaration_end(html, pos)
            continue
        read = _read_tag(html, tag.end(), max_attributes)
        if read is None:
            return pos
        pos, self_closing = read
        if html.startswith(">", pos) and not self_closing:
            pos = _raw_text_end(html, tag, pos + 1)
    return None


def _declaration_end(html: str, pos: int) -> int:
    """The end of the comment, or of the "<!...>", "<?...>" or "</..." at `pos`."""
    if html.startswith("<!--", pos):
        body = pos + 4
        if html.startswith((">", "->"), body):  # "<!-->" and "<!--->" are whole comments
            return html.find(">", body) + 1
        end = _COMMENT_END.search(html, body)
        return end.end() if end else len(html)
    end = html.find(">", pos)
    return len(html) if end == -1 else end + 1


def _read_tag(html: str, pos: int, max_attributes: int) -> tuple[int, bool] | None:
    """Where the tag whose name ends at `pos` ends, and if it is self-closing ("<x/>"); None
    when it has more than `max_attributes` attributes."""
    attributes, last = 0, ""
    while (item := _ITEM.match(html, pos)) is not None:
        last = item.group()
        if last[0] not in _SEPARATORS:
            attributes += 1
            if attributes > max_attributes:
                return None
        pos = item.end()
    return pos, last.endswith("/") and not last.strip(_SEPARATORS)


def _raw_text_end(html: str, tag: re.Match[str], pos: int) -> int:
    """Where reading goes on after the tag `tag`, which ends at `pos`: past the raw text of a
    script, style... start tag (not self-closing: libxml2 starts none for "<script/>")."""
    name = tag.group(1).lower()
    if html[tag.start() + 1] == "/":
        return pos
    if name == "plaintext":
        return len(html)
    end = _RAW_TEXT_END.get(name)
    if end is None:
        return pos
    found = end.search(html, pos)
    return found.start() if found else len(html)


def check_markup(html: str, limits: LimitsSettings) -> None:
    """InputError, before parsing, for a page that would make the HTML libraries crawl: too
    many tags, or a tag with so many attributes that lxml's quadratic check of them hangs."""
    tags = html.count("<")
    if tags > limits.max_html_tags:
        raise InputError(f"{tags:,} tags ('<') is over the limit of {limits.max_html_tags:,} "
                         "(limits.max_html_tags)")
    crowded = crowded_tag(html, limits.max_html_attributes)
    if crowded is not None:
        raise InputError(f"the tag at character {crowded:,} has more than "
                         f"{limits.max_html_attributes:,} attributes (limits.max_html_attributes)")


@functools.lru_cache(maxsize=4)  # as `_plain_markup`: one per `limits` value
def _deeper_than(levels: int) -> etree.XPath:
    from lxml import etree

    return etree.XPath("boolean(" + "/*" * (levels + 1) + ")")


def parse_html(html: str, limits: LimitsSettings) -> HtmlElement | None:
    """trafilatura's parse of `html` (None when it is not a page), or InputError when lxml
    gave up part of the way (libxml2 stops at 256 levels of nesting, or at a text or
    attribute of 10 MB, and drops the rest) or the page is nested deeper than the limit."""
    from trafilatura.utils import HTML_PARSER

    tree = load_page(html)
    fatal = HTML_PARSER.error_log.filter_from_fatals()
    if fatal:
        message = _PARSER_ADVICE.sub("", fatal[0].message.strip())
        raise InputError(f"the HTML parser stopped at line {fatal[0].line:,}: {message}")
    if tree is not None and _deeper_than(limits.max_html_depth)(tree):
        raise InputError(f"HTML nested deeper than {limits.max_html_depth} elements "
                         "(limits.max_html_depth)")
    return tree


# Characters trafilatura's `load_html` removes before parsing (its INVALID_XML_CHARS): C0
# controls but tab, LF and CR, which UTF-8 writes as single bytes; U+FFFE and U+FFFF.
_XML_INVALID_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
_XML_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())


def load_page(html: str) -> HtmlElement | None:
    """trafilatura's `load_html` of a str: the same tree, 0.8 ms sooner on a 170 kB page.

    Its first repair removes control characters with a regex over the whole page; a page
    without any (nearly every page) is found so by a byte scan at C speed and skips it. The
    rest is `load_html` step by step (tests/stages/test_extract.py compares the two).
    """
    import lxml.html
    from trafilatura.utils import (
        DOCTYPE_TAG,
        FAULTY_HTML,
        HTML_PARSER,
        fromstring_bytes,
        is_dubious_html,
        load_html,
    )

    data = utf8(html)
    if (data is None or len(data.translate(None, _XML_INVALID_BYTES)) != len(data)
            or any(noncharacter in data for noncharacter in _XML_NONCHARACTERS)):
        return load_html(html)
    beginning = html[:50].lower()  # as `load_html`: where a doctype would stand
    if "doctype" in beginning:  # libxml2 trips on a doctype with a slash
        first_line, _, rest = html.partition("\n")
        html = DOCTYPE_TAG.sub("", first_line, count=1) + "\n" + rest
    for line in html[:4096].splitlines()[:4]:  # as `load_html`: a self-closing <html/> on top
        if "<html" in line and line.endswith("/>"):
            html = FAULTY_HTML.sub(r"\1>", html, count=1)
            break
    tree, reparsed = None, False
    try:
        tree = lxml.html.fromstring(html, parser=HTML_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, reparsed = fromstring_bytes(html), True
    except Exception:  # noqa: BLE001 -- as load_html: on any other failure, try the bytes
        tree = None
    if (tree is None or len(tree) < 1) and not reparsed:
        tree = fromstring_bytes(html)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not a page: no <html> in its first characters, and one element
    return tree


# -- extraction ----------------------------------------------------------------------------

def extract_with_trafilatura(html: str, url: str | None, settings: ExtractSettings,
                             limits: LimitsSettings) -> dict | None:
    """trafilatura's text ("" when it finds no main content) and our record's metadata, or
    None when the input parses to no page.

    When the page declares its article's body (JSON-LD `articleBody`, at least
    `settings.json_ld_min_words` long) and trafilatura kept less than
    `settings.json_ld_min_share` of its words, the declared body is the text. Else, when
    the page's repeated cards (`cleaner.html_cards`) hold `settings.cards_min_ratio` times
    as many words as trafilatura kept, the cards are the text, unless trafilatura kept a
    text of `settings.cards_keep_words` words or more that the cards mostly leave out.
    """
    from cleaner.html_metadata import page_metadata
    from cleaner.html_text import unwrap_source_lines

    tree = parse_html(html, limits)
    if tree is None:
        return None
    found = page_metadata(tree, url)  # first: unwrapping lines changes the tree
    found["page_words"] = visible_words(tree)
    declared = json_ld_article_body(tree) if settings.json_ld_fallback else ""
    unwrap_source_lines(tree)  # a newline in a paragraph's source is a space, not a break
    text = trafilatura_text(tree, url, found["page_words"], settings)
    text = fallback_text(text, declared, tree, found["page_words"], settings)
    return {"text": text if text.strip() else "", **found}


def trafilatura_text(tree: HtmlElement, url: str | None, page_words: int,
                     settings: ExtractSettings) -> str:
    """trafilatura's main text of `tree`: its fast mode's, unless that kept less than
    `settings.fast_first_min_share` of the page's visible words, when its standard mode
    (which compares its own text with readability's and justext's) has the last word."""
    import trafilatura

    def run(fast: bool) -> str:
        result = trafilatura.bare_extraction(  # on a copy of the tree: it stays whole
            tree, url=url, include_comments=False, include_tables=settings.include_tables,
            favor_precision=settings.favor == "precision",
            favor_recall=settings.favor == "recall",
            fast=fast, with_metadata=False, deduplicate=False)
        return (result.text or "") if result is not None else ""

    if settings.fast:
        return run(True)
    if settings.fast_first_min_share > 0:
        text = run(True)
        if text.strip() and len(text.split()) >= settings.fast_first_min_share * page_words:
            return text
    return run(False)


def fallback_text(text: str, declared: str, tree: HtmlElement, page_words: int,
                  settings: ExtractSettings) -> str:
    """trafilatura's `text`, or the page's declared body or repeated cards when they hold
    much more (see `extract_with_trafilatura`)."""
    kept = len(text.split())
    body_words = len(declared.split())
    if body_words >= settings.json_ld_min_words and kept < settings.json_ld_min_share * body_words:
        return declared
    least = max(settings.cards_min_words, settings.cards_min_ratio * kept)
    if not settings.cards_fallback or page_words < least:  # cards are visible words
        return text
    if declares_article(tree):
        least = max(least, settings.cards_min_ratio_article * kept)
        if page_words < least:
            return text
    cards = repeated_cards(tree, settings.cards_min_items, settings.cards_min_mean_words)
    if cards.words < least:
        return text
    found = "\n".join(cards.texts)
    if kept >= settings.cards_keep_words and share_held(text, found) < settings.cards_min_held:
        return text  # trafilatura found a text of its own elsewhere: never thrown away
    return found


@functools.cache
def _body_texts() -> tuple[etree.XPath, etree.XPath]:
    """Every text node in the body, and those of them in a script, style, noscript or
    template; as plain strings (lxml's smart strings make an element for each)."""
    from lxml import etree

    return (etree.XPath("//body//text()", smart_strings=False),
            etree.XPath("//*[self::script or self::style or self::noscript or self::template]"
                        "//text()[ancestor::body]", smart_strings=False))


def visible_words(tree: HtmlElement) -> int:
    """Words of the page's visible text: what extraction chooses from. The words of the
    body's text nodes less those of its hidden ones (a subset), which costs half of
    testing each text node's ancestors."""
    every, hidden = _body_texts()
    return (sum(len(text.split()) for text in every(tree))
            - sum(len(text.split()) for text in hidden(tree)))


def extract_with_justext(html: str) -> str:
    """The good paragraphs by justext, with the stoplist of the page's declared language."""
    import justext
    from lxml import etree

    declared = _HTML_LANG.search(html[:5000])  # the <html> tag opens the page: no full scan
    name = stoplist_name(declared.group(1).lower() if declared else "en") or "English"
    try:
        paragraphs = justext.justext(html.encode("utf-8"), justext.get_stoplist(name),
                                     encoding="utf-8")
    except etree.ParserError:  # "Document is empty": no element, so no paragraph either
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


@register
class Extract(Stage):
    name = "extract"
    requires = frozenset({Facet.TEXT})
    provides = frozenset({Facet.EXTRACTED})
    settings_model = ExtractSettings

    def __call__(self, doc: Document) -> Document:
        if doc.content_type != "html":
            return doc
        settings = self.config.extract
        html = doc.text or ""
        check_markup(html, self.config.limits)
        found = extract_with_trafilatura(html, doc.url, settings, self.config.limits)
        if found is None:
            text = extract_with_justext(html) if settings.justext_fallback else ""
            return doc.evolve(text=text, provenance="extracted")
        text, page_words = found.pop("text"), found.pop("page_words")
        if not text:  # justext's paragraphs, if any; the page's fields stay, from its markup
            text = extract_with_justext(html) if settings.justext_fallback else ""
            page_words = None
        description = found["description"]
        if description and description[:settings.description_in_text_chars] in text:
            found["description"] = None  # the standfirst is already the first paragraph
        return doc.evolve(text=text, meta=doc.meta.merge(**found), provenance="extracted",
                          page_words=page_words)
