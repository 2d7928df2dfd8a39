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
from cleaner.stages.metadata import headline_overlap, story_stems
from cleaner.text.shape import is_headline_like, is_name_phrase
from cleaner.text.words import content_stems
from cleaner.urls import site_of

_LINE_SCOPES = ("line", "prefix", "tail")


def _removal(rule: str, block: Block, reason: str | None = None) -> Edit:
    return Edit(stage="chrome", rule=rule, action="remove", before=block.text,
                position=block.position, reason=reason)


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
            if rule.scope == "tail" and layout.prose_share_before(index) >= self.settings.tail_min_prose_share:
                reason = f"after the end-of-article marker {block.text!r}"
                edits.extend(_removal(rule.id, rest, reason) for rest in blocks[index + 1:])
                break
        return kept

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
        classes = classify_blocks([b.text for b in blocks], language, self.settings)
        if classes is None or "good" not in classes:
            return blocks  # no stoplist, or nothing article-like to anchor on: keep all
        kept = []
        for block, label in zip(blocks, classes):
            if label == "good":
                kept.append(block)
            else:
                edits.append(_removal("classifier.justext", block, describe(block.text, language)))
        return kept

    # -- 3. inserted lines -------------------------------------------------------------
    def _inserted_lines(self, blocks: list[Block], language: str | None,
                        edits: list[Edit]) -> list[Block]:
        layout = Layout.of(blocks, language)
        story = story_stems(blocks, layout, language)
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            verdict = self._judge_line(blocks, index, layout, story, language)
            if verdict is None:
                kept.append(block)
            else:
                edits.append(_removal(verdict[0], block, verdict[1]))
        return kept

    def _judge_line(self, blocks: list[Block], index: int, layout: Layout, story: set[str],
                    language: str | None) -> tuple[str, str] | None:
        """(rule, reason) when the line at `index` was inserted into the story, else None."""
        text = blocks[index].text
        settings = self.settings
        if is_name_phrase(text, settings.caption_max_words) and any(
                text in other.text for i, other in enumerate(blocks) if i != index):
            return "inserted.caption", "a name alone on a line, repeated from the story"
        if layout.prose[index] or not is_headline_like(text, settings.headline_max_words):
            return None
        if index < layout.first_prose:
            if headline_overlap(text, story, language) < settings.headline_min_overlap:
                return "inserted.unrelated-headline", "a headline above the story, about something else"
            return None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None:
            return None
        shared = content_stems(text, language) & content_stems(following.text, language)
        if len(shared) < settings.subheading_min_shared:
            return "inserted.teaser", "a headline inside the story that shares no words with the next paragraph"
        return None
