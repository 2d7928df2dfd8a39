"""provenance: tell a whole page of text (menus and all) from an extractor's output.

HTML comes out of our extract stage as "extracted". Text is a whole page ("page") when it
has the two marks of one: many menu items (lines of at most three words) and chrome the
catalog knows at both its edges (navigation above the story, a footer below it). Anything
else stays "unknown" and is treated as extractor output: only evidence removes a line.

Measured on the tune half of WCXB dev (`bench/provenance.py`): see `ChromeSettings`.
"""

from __future__ import annotations

from cleaner.document import Block, Document
from cleaner.stages.base import Facet, Stage, register
from cleaner.stages.chrome_settings import ChromeSettings
from cleaner.text.shape import continues_above
from cleaner.text.words import words

_CHROME_SCOPES = ("line", "prefix", "tail")
_DEFAULTS = ChromeSettings()


def menu_lines(blocks: tuple[Block, ...], settings: ChromeSettings = _DEFAULTS) -> int:
    """Lines short enough to be menu items (`settings.page_menu_item_max_*`), with letters
    (code and tables have lines of "|", "," or a number), and not a piece of a sentence
    broken over lines (a link or a code word on a line of its own, which the next line
    continues)."""
    texts = [b.text for b in blocks]
    max_chars, max_words = settings.page_menu_item_max_chars, settings.page_menu_item_max_words
    return sum(_is_menu_item(text, max_chars, max_words) and not continues_above(text)
               and not continues_above(after) for text, after in zip(texts, texts[1:] + [""]))


def _is_menu_item(text: str, max_chars: int, max_words: int) -> bool:
    # The characters first: a longer line is not counted, and its words need no counting.
    return (len(text) <= max_chars and any(ch.isalpha() for ch in text)
            and len(words(text)) <= max_words)


@register
class Provenance(Stage):
    name = "provenance"
    # Its settings are in `[chrome]` (`ChromeSettings.page_*`); chrome rules match
    # repaired text, in the document's language.
    requires = frozenset({Facet.BLOCKS, Facet.REPAIRED, Facet.LANGUAGE})
    provides = frozenset({Facet.PROVENANCE})

    def __call__(self, doc: Document) -> Document:
        if doc.provenance != "unknown":
            return doc
        return doc.evolve(provenance="page") if self.is_whole_page(doc) else doc

    def is_whole_page(self, doc: Document) -> bool:
        settings, blocks = self.config.chrome, doc.blocks
        menus = menu_lines(blocks, settings)
        if menus < settings.page_min_menu_lines or menus < settings.page_min_menu_share * len(blocks):
            return False
        return self.edge_chrome(doc) >= settings.page_min_edge_chrome

    def edge_chrome(self, doc: Document) -> int:
        """Distinct chrome rules that remove whole lines (with letters: code and tables
        have lines of "|" or ",") among the first and the last 1/`page_edge_parts` (a
        fifth) of the lines."""
        blocks, language = doc.blocks, doc.meta.language
        edge = max(1, len(blocks) // self.config.chrome.page_edge_parts)
        ends = blocks[:edge] + blocks[max(edge, len(blocks) - edge):]
        found = set()
        for block in ends:
            if any(ch.isalpha() for ch in block.text):
                hits = self.rules.hits(block.text, _CHROME_SCOPES, language, None, "remove")
                found.update(hit.rule.id for hit in hits[:1])
        return len(found)
