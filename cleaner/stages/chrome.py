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
from cleaner.text.shape import is_headline_like, is_name_phrase, is_sentence
from cleaner.text.words import content_stems, overlap, shared_stems
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
        layout = Layout.of(blocks, language)
        if blocks and layout.prose.count(False) / len(blocks) < self.settings.classifier_min_nonprose_share:
            return blocks  # already extracted text: the neighbour model would cut real lines
        classes = classify_blocks([b.text for b in blocks], language, self.settings)
        if classes is None or "good" not in classes:
            return blocks  # no stoplist, or nothing article-like to anchor on: keep all
        first = classes.index("good")
        last = len(classes) - 1 - classes[::-1].index("good")
        kept = []
        for index, (block, label) in enumerate(zip(blocks, classes)):
            if label == "good" or first <= index <= last or is_sentence(block.text):
                kept.append(block)
            else:
                edits.append(_removal("classifier.justext", block, describe(block.text, language)))
        return kept

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
                    block.text in other.text for i, other in enumerate(blocks) if i != index):
                verdicts[index] = ("inserted.caption", "a name alone on a line, repeated from the story")
        headlines = [i for i, b in enumerate(blocks) if i not in verdicts and not layout.prose[i]
                     and is_headline_like(b.text, settings.headline_max_words)]
        if not headlines:
            return verdicts

        def stems(index: int) -> frozenset[str]:
            return content_stems(blocks[index].text, language)

        story = story_stems(blocks, layout, language)
        for index in headlines:
            if index < layout.first_prose and overlap(stems(index), story) < settings.headline_min_overlap:
                verdicts[index] = ("inserted.unrelated-headline",
                                   "a headline above the story, about something else")
        # Inside the story, a subheading shares words with the paragraph it introduces.
        unattached = [i for i in headlines if layout.first_prose < i < len(blocks) - 1
                      and not shared_stems(stems(i), stems(i + 1))]
        for index in unattached:
            rest = set().union(*(stems(i) for i in range(len(blocks)) if i != index))
            off_topic = overlap(stems(index), rest) < settings.teaser_max_story_overlap
            if off_topic or len(unattached) == 1:
                verdicts[index] = ("inserted.teaser", "a headline inside the story that does not "
                                   "introduce the next paragraph" + (" nor match the story" if off_topic else ""))
        return verdicts
