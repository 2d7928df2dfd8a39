"""metadata: move datelines, bylines, standfirsts and agency credits out of the body.

Runs before `chrome`, so that it claims what is article data before chrome's heuristics
judge the remaining lines (the title is taken after chrome, by `head`). Every moved piece of
text is an `Edit` with action "to_metadata".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from cleaner.catalog import Hit, RuleSet
from cleaner.document import Block, Document
from cleaner.record import Edit
from cleaner.regions import Regions
from cleaner.settings import Settings
from cleaner.stages.base import Facet, Stage, register
from cleaner.text.dates import parse_date, split_glued_date
from cleaner.text.names import clean_space, split_authors
from cleaner.urls import site_of

_ALL_SCOPES = ("line", "prefix", "tail", "inline")
# What follows a headline in a page's <title>: " - Site", " | Site", " — Site: Section".
_SITE_SUFFIX = re.compile(r"\s*[-|–—:·•]\s*\S.{0,60}")
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)+\.?$")


def fields_from(hit: Hit) -> dict[str, object]:
    """Record fields from a rule's named groups, normalized: one space between words, person
    names only in `authors` (an organisation named as author is the `publisher`)."""
    found: dict[str, object] = {}
    for name, value in hit.groups.items():
        value = clean_space(value)
        if name == "date":
            found["date"] = parse_date(value)
        elif name == "agencies":
            found["agencies"] = (value,)
        elif name == "authors":
            people, outlets = split_authors(value)
            found["authors"] = tuple(people)
            if outlets:
                found.setdefault("publisher", outlets[0])
        elif name == "description":
            text, date = split_glued_date(_TRAILING_ELLIPSIS.sub("", value).rstrip(" ,;:"))
            found["description"] = text if text[-1:] in ".?!…" else text + "."
            if date:
                found.setdefault("date", date)
        else:
            found[name] = value
    return found


def move_rule_matches(rules: RuleSet, block: Block, in_region: Callable[[str], bool],
                      language: str | None, site: str | None, stage: str,
                      edits: list[Edit]) -> tuple[str, dict[str, object]]:
    """Move what metadata rules match out of one block; the block's text is what is left.

    After an in-line move the block is matched again, until no rule matches: a dateline at
    its start and a credit at its end are two moves, and so are two credits in a row (a
    rule left matching would move on the next cleaning: cleaning must be idempotent).
    """
    found: dict[str, object] = {}
    text = block.text
    while text:
        hit = next((h for h in rules.hits(text, _ALL_SCOPES, language, site, "to_metadata")
                    if in_region(h.rule.region)), None)
        whole = hit is not None and hit.rule.scope != "inline"
        if hit is None or (not whole and hit.start == hit.end):
            break
        edits.append(Edit(stage=stage, rule=hit.rule.id, action="to_metadata",
                          before=text if whole else text[hit.start:hit.end],
                          position=block.position, offset=None if whole else hit.start))
        for name, value in fields_from(hit).items():
            if isinstance(value, tuple):  # authors, agencies: every one found
                earlier = found.get(name, ())
                found[name] = earlier + tuple(v for v in value if v not in earlier)
            elif value:
                found[name] = value
        text = "" if whole else (text[:hit.start] + text[hit.end:]).strip()
    return text, found


def move_glued_date(text: str, position: int, found: dict[str, object], edits: list[Edit],
                    ) -> tuple[str, dict[str, object]]:
    """A date a template glued to the end of a line at the top ("...recovery?Monday,
    6 January 2020") leaves the line for `date` (edit rule `metadata.glued-date`)."""
    rest, date = split_glued_date(text)
    if date is None or not rest:
        return text, found
    edits.append(Edit(stage="metadata", rule="metadata.glued-date", action="to_metadata",
                      before=text[len(rest):].strip(), position=position, offset=len(rest),
                      reason="a date glued to the end of a line at the top"))
    return rest, {"date": date, **found}


def is_same_title(line: str, title: str) -> bool:
    """True when `line` is the page's title, also when the title carries the site's name.

    >>> is_same_title("Is Football Violence a Crime?", "Is Football Violence a Crime? - WSJ")
    True
    >>> is_same_title("Is Football Violence a Crime?", "Football")
    False
    """
    line, title = line.casefold().strip(), title.casefold().strip()
    if line == title:
        return True
    rest = title.removeprefix(line)
    return rest != title and bool(_SITE_SUFFIX.fullmatch(rest))


class MetadataSettings(Settings):
    title_from_text: bool = True


@register
class MoveMetadata(Stage):
    name = "metadata"
    # Its rules match repaired text, in the document's language.
    requires = frozenset({Facet.BLOCKS, Facet.REPAIRED, Facet.LANGUAGE})
    provides = frozenset({Facet.METADATA})
    settings_model = MetadataSettings

    def __init__(self, config, rules: RuleSet) -> None:
        super().__init__(config, rules)
        self.moves_url = rules.enabled("metadata.url")
        self.moves_glued_date = rules.enabled("metadata.glued-date")

    def __call__(self, doc: Document) -> Document:
        language, site = doc.meta.language, site_of(doc.url)
        regions = Regions.of(doc.blocks, language)
        meta, blocks, edits = doc.meta, [], []
        for index, block in enumerate(doc.blocks):
            if self.moves_url and doc.url and block.text == doc.url:
                edits.append(Edit(stage=self.name, rule="metadata.url", action="to_metadata",
                                  before=block.text, position=block.position,
                                  reason="the page's own URL, already the record's url"))
                continue
            in_region = functools.partial(regions.in_region, index=index)
            text, found = move_rule_matches(self.rules, block, in_region, language, site,
                                            self.name, edits)
            if text and self.moves_glued_date and in_region("top"):
                text, found = move_glued_date(text, block.position, found, edits)
            meta = meta.merge(**found)
            if text:
                blocks.append(block.with_text(text) if text != block.text else block)
        return doc.with_edits(edits, blocks=tuple(blocks), meta=meta)
