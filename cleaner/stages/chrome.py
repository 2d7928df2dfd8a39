"""chrome: remove site chrome with rules, the justext block model, and position.

Three passes over the blocks, each logging what it removes:

1. rules (`rules/*.yaml`): whole lines, line prefixes, in-line spans, and end-of-article
   markers that cut everything after them once most of the story is above them;
2. the justext classifier on text blocks (stopword density, length, neighbours);
3. inserted lines: headline-like lines that are not about what surrounds them (teasers,
   live-ticker headlines) and photo captions that repeat a name from the story.
"""

from __future__ import annotations

from cleaner.catalog import RuleSet
from cleaner.classifier import classify_blocks, describe
from cleaner.document import Block, Document
from cleaner.layout import Layout
from cleaner.pipeline import Stage, register
from cleaner.record import Edit
from cleaner.stages.metadata import story_stems
from cleaner.text.shape import is_headline_like, is_name_phrase
from cleaner.text.words import content_stems, overlap, shared_stems, words
from cleaner.urls import site_of

_LINE_SCOPES = ("line", "prefix", "tail")
_MENU_ITEM_MAX_WORDS = 3
_ARTICLE_LIKE = ("good", "neargood")


def _removal(rule: str, block: Block, reason: str | None = None) -> Edit:
    return Edit(stage="chrome", rule=rule, action="remove", before=block.text,
                position=block.position, reason=reason)


def densest_span(scores: list[int]) -> tuple[int, int]:
    """First and last index of the run with the largest sum (Kadane); (0, -1) if none is positive.

    >>> densest_span([-5, 300, -20, 250, -900, 400])
    (1, 3)
    """
    best, best_span = 0, (0, -1)
    total, start = 0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


@register
class Chrome(Stage):
    name = "chrome"
    requires = frozenset({"blocks", "language"})
    provides = frozenset({"dechromed"})

    def __init__(self, config, rules: RuleSet) -> None:
        super().__init__(config, rules)
        self.settings = config.chrome
        self.removal_rules = RuleSet(r for r in rules.rules if r.action == "remove")

    def __call__(self, doc: Document) -> Document:
        language, site = doc.meta.language, site_of(doc.url)
        blocks, edits = list(doc.blocks), []
        self._page_like_text = self._page_like(blocks)
        if self.settings.rules:
            blocks = self._apply_rules(blocks, language, site, edits)
        if self.settings.classifier:
            blocks = self._classify(blocks, language, edits)
        blocks = self._inserted_lines(blocks, language, edits)
        if not edits:
            return doc
        return doc.with_edits(edits, blocks=tuple(blocks))

    # -- 1. rules ----------------------------------------------------------------------
    def _apply_rules(self, blocks: list[Block], language: str | None, site: str | None,
                     edits: list[Edit]) -> list[Block]:
        layout = Layout.of(blocks, language)
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            hits = [h for h in self.removal_rules.hits(block.text, _LINE_SCOPES, language, site)
                    if layout.in_region(h.rule.region, index)]
            if not hits:
                text = self._remove_spans(block, language, site, layout, index, edits)
                if text:
                    kept.append(block.with_text(text) if text != block.text else block)
                continue
            rule = hits[0].rule
            edits.append(_removal(rule.id, block))
            if rule.scope == "tail" and self._ends_story(layout, index):
                reason = f"after the end-of-article marker {block.text!r}"
                edits.extend(_removal(rule.id, rest, reason) for rest in blocks[index + 1:])
                break
        return kept

    def _ends_story(self, layout: Layout, index: int) -> bool:
        """An end marker cuts the rest when most of the story is above it and, unless the
        text is a whole page (where comments follow), little prose below it."""
        above = layout.prose_share_before(index)
        below = 1.0 - above - layout.prose_share_of(index)
        return above >= self.settings.tail_min_prose_share_above and (
            self._page_like_text or below <= self.settings.tail_max_prose_share_below)

    def _remove_spans(self, block: Block, language: str | None, site: str | None,
                      layout: Layout, index: int, edits: list[Edit]) -> str:
        text = block.text
        for hit in self.removal_rules.hits(text, ("inline",), language, site):
            if not layout.in_region(hit.rule.region, index):
                continue
            edits.append(Edit(stage=self.name, rule=hit.rule.id, action="remove",
                              before=text[hit.start:hit.end], position=block.position,
                              offset=hit.start))
            text = (text[:hit.start] + text[hit.end:]).strip()
            break  # spans of further hits refer to the old text; the next run catches them
        return text

    # -- 2. classifier -----------------------------------------------------------------
    def _classify(self, blocks: list[Block], language: str | None,
                  edits: list[Edit]) -> list[Block]:
        """On a whole page, keep the densest run of article-like blocks (justext's classes)."""
        if not self._page_like(blocks):
            return blocks  # extractor output, not a whole page: the model would cut real lists
        classes = classify_blocks([b.text for b in blocks], language, self.settings)
        if classes is None or not any(final == "good" for _, final in classes):
            return blocks  # no stoplist, or nothing article-like to anchor on: keep all
        # Context-free classes score the span: justext's neighbour rule turns a whole menu
        # good when one long blurb stands above it.
        cost = self.settings.story_line_cost
        first, last = densest_span([len(b.text) if cf in _ARTICLE_LIKE else -max(len(b.text), cost)
                                    for b, (cf, _) in zip(blocks, classes)])
        kept = []
        for index, (block, (cf, _)) in enumerate(zip(blocks, classes)):
            if first <= index <= last:
                kept.append(block)
            else:
                reason = f"{cf}, outside the story; {describe(block.text, language)}"
                edits.append(_removal("classifier.justext", block, reason))
        return kept

    def _page_like(self, blocks: list[Block]) -> bool:
        """Whole-page text (menus of short items), as opposed to an extractor's output."""
        menu_lines = sum(len(words(b.text)) <= _MENU_ITEM_MAX_WORDS for b in blocks)
        return menu_lines >= self.settings.page_min_menu_lines

    # -- 3. inserted lines -------------------------------------------------------------
    def _inserted_lines(self, blocks: list[Block], language: str | None,
                        edits: list[Edit]) -> list[Block]:
        verdicts = self._judge_lines(blocks, language)
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            if index in verdicts:
                rule, reason = verdicts[index]
                edits.append(_removal(rule, block, reason))
            else:
                kept.append(block)
        return kept

    def _judge_lines(self, blocks: list[Block], language: str | None) -> dict[int, tuple[str, str]]:
        """(rule, reason) for each line that was inserted into the story, by index."""
        settings = self.settings
        layout = Layout.of(blocks, language)
        verdicts: dict[int, tuple[str, str]] = {}
        for index, block in enumerate(blocks):
            if is_name_phrase(block.text, settings.caption_max_words) and any(
                    layout.prose[i] and block.text in blocks[i].text for i in range(index)):
                verdicts[index] = ("inserted.caption", "a name alone on a line, repeated from the story")
        headlines = [i for i, b in enumerate(blocks) if i not in verdicts and not layout.prose[i]
                     and is_headline_like(b.text, settings.headline_max_words)]
        if not headlines:
            return verdicts

        def stems(index: int) -> frozenset[str]:
            return content_stems(blocks[index].text, language)

        story = story_stems(blocks, layout, language)
        if headlines and headlines[0] == 0 < layout.first_prose and (
                overlap(stems(0), story) < settings.headline_min_overlap):
            verdicts[0] = ("inserted.unrelated-headline",
                           "a headline on the first line, about something else than the story")
        # Inside the story, a subheading shares words with the paragraph it introduces.
        unattached = [i for i in headlines if layout.first_prose < i < len(blocks) - 1
                      and layout.prose[i - 1] and layout.prose[i + 1]
                      and not shared_stems(stems(i), stems(i + 1))]
        # A lone such line is judged more strictly than one of several (an article's own
        # subheadings need not repeat its words; a single inserted link rarely does).
        limit = (settings.lone_teaser_max_story_overlap if len(unattached) == 1
                 else settings.teaser_max_story_overlap)
        for index in unattached:
            rest = set().union(*(stems(i) for i in range(len(blocks)) if i != index))
            if overlap(stems(index), rest) < limit:
                verdicts[index] = ("inserted.teaser", "a headline between paragraphs that neither "
                                   "introduces the next one nor shares most of its words with the story")
        return verdicts
