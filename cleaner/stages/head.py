"""head: settle the head of the cleaned story: its title, subtitles, and what only now stands first.

Runs after `chrome`, on what is left, and judges the first line again and again until it
stays: so that cleaning the result again finds nothing more to take there (cleaning is
idempotent). The first line is, in this order:

- the page's known title (from its HTML): the title line, moved to metadata;
- matched by a metadata rule (a wire credit, a dateline that chrome's removals brought to
  the top): the match moves, as in the `metadata` stage;
- headline-like and about the story (its words are the first paragraphs'): the title when
  none is known, else a subtitle, and the first subtitle becomes the description;
- headline-like and about something else: a ticker or teaser headline above the story,
  removed (`inserted.unrelated-headline`), when the head is short (`[chrome]
  headline_max_head_lines`); in a longer one it is the first item of a list, and stays.

Anything else (a paragraph of the story, a line no rule knows) ends the head. Without a
paragraph of prose there is no story to be about, and nothing is judged. Each decision is a
catalog entry (`metadata.title`, `metadata.subtitle`, `inserted.unrelated-headline`); one
switched off by `[rules] disable` leaves the line where it is, which ends the head.
"""

from __future__ import annotations

from cleaner.document import Block, Document, Metadata
from cleaner.record import Edit
from cleaner.regions import Regions, headline_overlap, story_stems
from cleaner.stages.base import Facet, Stage, register
from cleaner.stages.metadata import is_same_title, move_rule_matches
from cleaner.text.names import clean_space
from cleaner.text.shape import is_headline_like, is_numbered
from cleaner.text.titles import is_breadcrumb
from cleaner.urls import site_of

_TITLE = ("metadata.title", "headline-like line above the story, about the story")
_KNOWN_TITLE = ("metadata.title", "the page's title")
_SUBTITLE = ("metadata.subtitle", "a further headline-like line above the story, about the story")
_UNRELATED = ("inserted.unrelated-headline",
              "a headline above the story, about something else than the story")


@register
class Head(Stage):
    name = "head"
    # It reads `[chrome]` headline settings and `[metadata] title_from_text`.
    requires = frozenset({Facet.LANGUAGE, Facet.METADATA, Facet.DECHROMED})
    provides = frozenset({Facet.HEAD})

    def __init__(self, config, rules) -> None:
        super().__init__(config, rules)
        # A decision switched off by `[rules] disable` leaves the first line where it is.
        self.enabled = {rule: rules.enabled(rule) for rule, _ in
                        (_TITLE, _SUBTITLE, _UNRELATED)}

    def __call__(self, doc: Document) -> Document:
        blocks, meta, edits = list(doc.blocks), doc.meta, []
        known_title = meta.title
        site = site_of(doc.url)
        while blocks:
            first = blocks[0]
            if known_title is not None and is_same_title(first.text, known_title):
                if not self.enabled[_KNOWN_TITLE[0]] or len(blocks) == 1:  # all there is
                    break
                edits.append(_edit(_KNOWN_TITLE, "to_metadata", first))
                known_title = None  # found: a second copy is a subtitle
                blocks.pop(0)
                continue
            text, found = move_rule_matches(self.rules, first, _top_only, meta.language, site,
                                            self.name, edits)
            if text != first.text:
                meta = meta.merge(**found)
                blocks[:1] = [first.with_text(text)] if text else []
                continue
            verdict = self._judge_headline(blocks, meta)
            if verdict is None or not self.enabled[verdict[0][0]]:
                break
            (rule, reason), action, meta = verdict
            edits.append(_edit((rule, reason), action, first))
            blocks.pop(0)
        if not edits:
            return doc
        return doc.with_edits(edits, blocks=tuple(blocks), meta=meta)

    def _judge_headline(self, blocks: list[Block], meta: Metadata,
                        ) -> tuple[tuple[str, str], str, Metadata] | None:
        """What the first line is, if it is a headline above the story: (rule and reason,
        action, metadata with what it gave); None when it is not."""
        text, language = blocks[0].text, meta.language
        regions = Regions.of(blocks, language)
        if regions.first_prose == 0 or regions.first_prose >= len(blocks):
            return None  # a paragraph of the story, or no story at all
        if not is_headline_like(text, self.config.chrome.headline_max_words) or is_breadcrumb(text):
            return None  # a breadcrumb is never a title
        if is_numbered(text):
            return None  # an item of a list or of contents: no title, no ticker
        story = story_stems(blocks, regions, language)
        if headline_overlap(text, story, language) < self.config.chrome.headline_min_overlap:
            if regions.first_prose > self.config.chrome.headline_max_head_lines:
                return None  # a list's first items, not a ticker above a story
            return _UNRELATED, "remove", meta
        if not self.config.metadata.title_from_text:
            return None
        if meta.title is None:
            return _TITLE, "to_metadata", meta.merge(title=clean_space(text))
        if meta.description is None:
            return _SUBTITLE, "to_metadata", meta.merge(description=clean_space(text))
        return _SUBTITLE, "remove", meta


def _top_only(region: str) -> bool:
    """Metadata rules may move from the first line unless they are for the end only."""
    return region != "end"


def _edit(rule_and_reason: tuple[str, str], action: str, block: Block) -> Edit:
    rule, reason = rule_and_reason
    return Edit(stage="head", rule=rule, action=action, before=block.text,
                position=block.position, reason=reason)
