"""chrome: remove site chrome with rules, the justext block model, and position.

Three passes over the blocks, each logging what it removes:

1. rules (`rules/*.yaml`): whole lines, line prefixes, in-line spans, and end-of-article
   markers that cut everything after them once most of the story is above them;
2. on whole pages only (provenance "page": menus and all, never an extractor's output):
   the story is the densest run of blocks that justext's model calls article-like, with
   every other run nearly as dense (`page.story-span`); the rest goes;
3. inserted lines: teaser headlines of other stories between paragraphs, photo captions
   that repeat a name from the story, and (off by default, see rules/heuristics.yaml)
   repeated paragraphs and a list of other stories ending the text.

Every heuristic is a catalog entry: it runs only when `RuleSet.enabled` says so.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

from cleaner.catalog import RuleSet, list_item_text
from cleaner.classifier import classify_blocks, describe
from cleaner.document import Block, Document
from cleaner.record import Edit
from cleaner.regions import Regions
from cleaner.stages.base import Facet, Stage, register
from cleaner.stages.chrome_settings import ChromeSettings
from cleaner.text.shape import is_headline_like, is_name_phrase, is_numbered, is_title_case
from cleaner.text.words import StemCounts, content_stems, overlap, shared_stems, words
from cleaner.urls import site_of

_LINE_SCOPES = ("line", "prefix", "tail")
# "5. Step", "Trend 3: AI", "IV) Part": a numbered subheading.
_CLOSING = "\"'”’»)]"
_STORY_SPAN = "page.story-span"
_REPEATED, _CAPTION = "inserted.repeated-paragraph", "inserted.caption"
_RELATED, _TEASER = "inserted.related-list", "inserted.teaser"
_INSERTED = (_REPEATED, _CAPTION, _RELATED, _TEASER)
_HEURISTICS = (_STORY_SPAN, *_INSERTED)
_ARTICLE_LIKE = ("good", "neargood")
_RELATED_LIST_REASON = "an item of the list that ends the text, not about the story above it"
_TEASER_REASON = ("a headline between paragraphs that neither introduces the next one nor "
                  "shares most of its words with the story")


def _removal(rule: str, block: Block, reason: str | None = None) -> Edit:
    return Edit(stage="chrome", rule=rule, action="remove", before=block.text,
                position=block.position, reason=reason)


def densest_span(scores: list[int]) -> tuple[int, int, int]:
    """First and last index of the run with the largest sum (Kadane), and the sum;
    (0, -1, 0) if none is positive.

    >>> densest_span([-5, 300, -20, 250, -900, 400])
    (1, 3, 530)
    """
    best, best_span = 0, (0, -1)
    total, start = 0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return (*best_span, best)


def story_spans(scores: list[int], min_share: float) -> list[tuple[int, int]]:
    """The densest run, and every further run outside it whose sum is at least `min_share`
    of the first's: a page may hold its content in several regions (a forum's posts, a
    documentation page's sections) that a menu or a link list separates.

    >>> story_spans([-5, 300, -20, 250, -900, 400], 0.5)
    [(1, 3), (5, 5)]
    >>> story_spans([-5, 300, -20, 250, -900, 400], 1.0)
    [(1, 3)]
    """
    first, last, best = densest_span(scores)
    if last < first:
        return []
    spans, pending = [(first, last)], [(0, first), (last + 1, len(scores))]
    while pending:
        low, high = pending.pop()
        start, end, total = densest_span(scores[low:high])
        if end >= start and total >= min_share * best:
            spans.append((low + start, low + end))
            pending += [(low, low + start), (low + end + 1, high)]
    return sorted(spans)


def bridge_gaps(spans: list[tuple[int, int]], scores: list[int],
                max_share: float) -> list[tuple[int, int]]:
    """Join two neighbouring story runs across the lines between them when those lines cost
    at most `max_share` of the lesser run's sum: a list inside the story (pros and cons, a
    product's features) between two of its paragraphs is part of it.

    >>> bridge_gaps([(0, 0), (3, 3), (6, 6)], [500, -60, -60, 400, -900, -60, 300], 0.5)
    [(0, 3), (6, 6)]
    """
    if not spans:
        return spans
    joined = [spans[0]]
    for first, last in spans[1:]:
        low, high = joined[-1]
        gap = -sum(scores[high + 1:first])
        lesser = min(sum(scores[low:high + 1]), sum(scores[first:last + 1]))
        if gap <= max_share * lesser:
            joined[-1] = (low, last)
        else:
            joined.append((first, last))
    return joined


@dataclass(frozen=True, slots=True)
class _Page:
    """What the chrome stage knows of one document: its language, its site, and whether
    it is a whole page (menus and all) rather than an extractor's output."""

    language: str | None
    site: str | None
    whole: bool


class _LazyStems:
    """Content stems of blocks, computed when first asked for: most documents need only a
    few blocks' (headlines and their neighbours)."""

    def __init__(self, blocks: list[Block], language: str | None) -> None:
        self._blocks, self._language = blocks, language

    def __len__(self) -> int:
        return len(self._blocks)

    def __getitem__(self, index: int) -> frozenset[str]:
        return content_stems(self._blocks[index].text, self._language)


@register
class Chrome(Stage):
    name = "chrome"
    # Its rules match repaired text; metadata first claims datelines, bylines and titles.
    requires = frozenset({Facet.BLOCKS, Facet.REPAIRED, Facet.LANGUAGE, Facet.PROVENANCE,
                          Facet.METADATA})
    provides = frozenset({Facet.DECHROMED})
    settings_model = ChromeSettings

    def __init__(self, config, rules: RuleSet) -> None:
        super().__init__(config, rules)
        self.enabled = {entry: rules.enabled(entry) for entry in _HEURISTICS}

    def __call__(self, doc: Document) -> Document:
        blocks, edits = list(doc.blocks), []
        page = _Page(doc.meta.language, site_of(doc.url), doc.provenance == "page")
        if self.settings.rules:
            blocks = self._apply_rules(blocks, page, edits)
        if page.whole and self.settings.classifier and self.enabled[_STORY_SPAN]:
            blocks = self._classify(blocks, page.language, edits)  # never on extractor output
        if any(self.enabled[entry] for entry in _INSERTED):
            blocks = self._inserted_lines(blocks, page, edits)
        if not edits:
            return doc
        return doc.with_edits(edits, blocks=tuple(blocks))

    # -- 1. rules ----------------------------------------------------------------------
    def _apply_rules(self, blocks: list[Block], page: _Page, edits: list[Edit]) -> list[Block]:
        regions = Regions.of(blocks, page.language)
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            hits = [h for h in self.rules.hits(block.text, _LINE_SCOPES, page.language, page.site,
                                               "remove")
                    if regions.in_region(h.rule.region, index)]
            if not hits:
                text = self._remove_spans(block, page, regions, index, edits)
                if text:
                    kept.append(block.with_text(text) if text != block.text else block)
                continue
            rule = hits[0].rule
            edits.append(_removal(rule.id, block))
            if rule.scope == "tail" and self._ends_story(regions, index, page.whole):
                reason = f"after the end-of-article marker {block.text!r}"
                edits.extend(_removal(rule.id, rest, reason) for rest in blocks[index + 1:])
                break
        return kept

    def _ends_story(self, regions: Regions, index: int, whole_page: bool) -> bool:
        """An end marker cuts the rest when most of the story is above it and, unless the
        text is a whole page (where comments follow), little prose below it."""
        above = regions.prose_share_before(index)
        below = 1.0 - above - regions.prose_share_of(index)
        return above >= self.settings.tail_min_prose_share_above and (
            whole_page or below <= self.settings.tail_max_prose_share_below)

    def _remove_spans(self, block: Block, page: _Page, regions: Regions, index: int,
                      edits: list[Edit]) -> str:
        """Remove the spans in-line rules match, matching again after each removal (spans
        of further hits refer to the old text); every rule removes at most once."""
        text, used = block.text, set()
        while text:
            hit = next((h for h in self.rules.hits(text, ("inline",), page.language, page.site,
                                                   "remove")
                        if h.rule.id not in used and regions.in_region(h.rule.region, index)), None)
            if hit is None:
                break
            used.add(hit.rule.id)
            edits.append(Edit(stage=self.name, rule=hit.rule.id, action="remove",
                              before=text[hit.start:hit.end], position=block.position,
                              offset=hit.start))
            text = (text[:hit.start] + text[hit.end:]).strip()
        return text

    # -- 2. classifier -----------------------------------------------------------------
    def _classify(self, blocks: list[Block], language: str | None,
                  edits: list[Edit]) -> list[Block]:
        """On a whole page, keep the densest runs of article-like blocks (justext's classes)."""
        classes = classify_blocks([b.text for b in blocks], language, self.settings)
        if classes is None or "good" not in classes:
            return blocks  # no stoplist, or nothing article-like to anchor on: keep all
        regions = Regions.of(blocks, language)
        scores = [self._story_score(b.text, cf, regions.prose[i])
                  for i, (b, cf) in enumerate(zip(blocks, classes))]
        spans = bridge_gaps(story_spans(scores, self.settings.story_min_span_share), scores,
                            self.settings.story_max_gap_share)
        inside = {i for first, last in spans for i in range(first, last + 1)}
        kept = []
        for index, (block, cf) in enumerate(zip(blocks, classes)):
            if index in inside:
                kept.append(block)
            else:
                reason = f"{cf}, outside the story; {describe(block.text, language)}"
                edits.append(_removal(_STORY_SPAN, block, reason))
        return kept

    def _story_score(self, text: str, cf_class: str, prose: bool) -> int:
        """How much a block pulls the story span towards it: article-like text by its length,
        prose with few stopwords (results, names) by half, any other line by at least a cost."""
        if cf_class in _ARTICLE_LIKE:
            return len(text)
        if prose:
            return int(len(text) * self.settings.story_prose_weight)
        return -max(len(text), self.settings.story_line_cost)

    # -- 3. inserted lines -------------------------------------------------------------
    def _inserted_lines(self, blocks: list[Block], page: _Page, edits: list[Edit]) -> list[Block]:
        verdicts = self._judge_lines(blocks, page)
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            if index in verdicts:
                rule, reason = verdicts[index]
                edits.append(_removal(rule, block, reason))
            else:
                kept.append(block)
        return kept

    def _judge_lines(self, blocks: list[Block], page: _Page) -> dict[int, tuple[str, str]]:
        """(rule, reason) for each line that was inserted into the story, by index."""
        language, on = page.language, self.enabled
        regions = Regions.of(blocks, language)
        verdicts: dict[int, tuple[str, str]] = {}
        if on[_REPEATED]:
            verdicts.update(dict.fromkeys(self._repeats(blocks, page.whole),
                                          (_REPEATED, "the same paragraph stands above")))
        if on[_CAPTION]:
            verdicts.update(dict.fromkeys(self._captions(blocks, regions), (
                _CAPTION, "a name alone on a line, repeated from the story")))
        stems = _LazyStems(blocks, language)
        if on[_RELATED]:
            verdicts.update(dict.fromkeys(self._related_list(blocks, stems),
                                          (_RELATED, _RELATED_LIST_REASON)))
        max_words = self.settings.headline_max_words
        inside = [i for i, b in enumerate(blocks) if i not in verdicts and not regions.prose[i]
                  and regions.first_prose < i < regions.last_prose
                  and is_headline_like(b.text, max_words)]
        headlines = [i for i in inside if self._teaser_shaped(blocks[i].text)]
        # A story with subheadings of its own (lines no teaser is shaped like) has its
        # sentence-case headings too: "Why you can trust my advice" is one of them.
        if headlines and on[_TEASER] and len(headlines) == len(inside):
            verdicts.update(dict.fromkeys(self._teasers(headlines, stems, regions),
                                          (_TEASER, _TEASER_REASON)))
        return verdicts

    def _related_list(self, blocks: list[Block], stems: _LazyStems) -> list[int]:
        """The last items of the bulleted list that ends the text, when at least
        `related_list_min_items` in a row there are not about the story above the list: a
        box of links to other stories, which an extractor writes as "- headline" lines (the
        list's own first items, about the story, stay)."""
        end = len(blocks)
        start = end
        while start > 0 and list_item_text(blocks[start - 1].text) != blocks[start - 1].text:
            start -= 1
        min_items = self.settings.related_list_min_items
        if end - start < min_items:
            return []
        story: set[str] = set()
        for index in range(start):
            story |= stems[index]
        limit = self.settings.teaser_max_story_overlap
        first = end
        while first > start and overlap(stems[first - 1], story) < limit:
            first -= 1
        return list(range(first, end)) if end - first >= min_items else []

    def _repeats(self, blocks: list[Block], whole_page: bool) -> list[int]:
        """Later copies of a paragraph (gallery captions, teasers shown twice). An article
        may repeat a short line on purpose (a meal plan's lines, a refrain), and questions
        (an interview asks each guest the same), so in extractor output only long
        paragraphs count."""
        settings = self.settings
        min_chars = settings.repeat_min_chars
        min_words = (settings.repeat_min_words if whole_page
                     else settings.repeat_min_words_extracted)
        seen: set[str] = set()
        repeats = []
        for index, block in enumerate(blocks):
            text = block.text
            if text in seen:
                repeats.append(index)
            elif (len(text) >= min_chars and len(words(text)) >= min_words
                  and not text.rstrip("\"'”’»)").endswith("?")):
                seen.add(text)
        return repeats

    def _captions(self, blocks: list[Block], regions: Regions) -> list[int]:
        """Lines between two paragraphs that only repeat a name the story's prose already
        gave (photo captions). A short name, or one that stands on several lines, is a
        label or a heading (a product, a section), not a caption."""
        prose = [i for i, flag in enumerate(regions.prose) if flag]
        starts, offset = [], 0
        for i in prose:
            starts.append(offset)
            offset += len(blocks[i].text) + 1
        joined = "\n".join(blocks[i].text for i in prose)
        lines = Counter(block.text for block in blocks)
        found = []
        for index, block in enumerate(blocks[1:-1], start=1):
            if (lines[block.text] > 1 or not (regions.prose[index - 1] and regions.prose[index + 1])
                    or len(block.text.split()) < self.settings.caption_min_words
                    or block.text.isupper()
                    or not is_name_phrase(block.text, self.settings.caption_max_words)):
                continue
            at = joined.find(block.text)
            if at >= 0 and prose[bisect.bisect_right(starts, at) - 1] < index:
                found.append(index)
        return found

    def _teaser_shaped(self, text: str) -> bool:
        """A headline of another story, not a subheading of this one: long enough to be a
        headline, in sentence case, neither numbered nor a question nor in brackets
        (subheadings are short, Title Case, numbered steps or questions)."""
        return (len(words(text)) >= self.settings.teaser_min_words
                and not is_title_case(text) and not is_numbered(text)
                and not text.rstrip(_CLOSING).endswith("?") and text[:1] not in "([")

    def _teasers(self, headlines: list[int], stems: _LazyStems, regions: Regions) -> list[int]:
        """Headline-like lines between paragraphs that neither introduce the next paragraph
        (a subheading shares its words) nor use mostly words of the story."""
        last = len(stems) - 1
        unattached = [i for i in headlines if regions.first_prose < i < last
                      and regions.prose[i - 1] and regions.prose[i + 1]
                      and not shared_stems(stems[i], stems[i + 1])]
        if not unattached:
            return []
        # A lone such line is judged more strictly than one of several (an article's own
        # subheadings need not repeat its words; a single inserted link rarely does).
        limit = (self.settings.lone_teaser_max_story_overlap if len(unattached) == 1
                 else self.settings.teaser_max_story_overlap)
        counts = StemCounts(stems[i] for i in range(len(stems)))
        return [i for i in unattached if counts.overlap_with_others(stems[i]) < limit]
