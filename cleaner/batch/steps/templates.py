"""Site templates: lines that recur on many pages of one site are that site's chrome.

No rule has to know them (the CCNet idea, scoped per site). Learning counts, per site, on how
many pages each normalized line of the cleaned text occurs, and on how many of them it stands
at an edge of the story (no prose paragraph but itself above it, or none below it). A
template line is on at least `min_pages` pages and `min_share` of the site's pages, and at an
edge on `min_edge_share` of its pages (chrome always is; a quote that recurs inside stories
only when a story happens to start or end with it) or on `anywhere_share` of the site's pages.

Applying removes a record's template lines that stand at the edges of its story, above the
first or below the last prose paragraph that is no template line (the regions of
`cleaner.regions.Regions`, with the template lines themselves left out, so that a chrome line
shaped like prose does not hide the chrome beyond it), and those on `anywhere_share` of the
site's pages wherever they stand. A line inside the story that is on fewer pages stays.

A site is the URL's host (`cleaner.urls.site_of`), else the folder of the input file.

Removal is a post-processing of the record (the batch applies it right after `clean()`, in the
worker): the paragraphs of `record.text` are the pipeline's last blocks, so dropping some of
them and recomputing `text`, `word_count` and `content_hash` gives the record the pipeline
would have made, with one `Edit` (stage "templates", rule "template:<site>") per removed line,
at its block's position (`block_positions`; where the record cannot tell, the batch's step
asks the pipeline, `cleaner.batch.steps.templates_step`).
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import orjson

from cleaner.api import content_hash
from cleaner.batch import BatchError
from cleaner.batch.settings import TemplateSettings
from cleaner.catalog import load_rules
from cleaner.config import Config
from cleaner.document import Block
from cleaner.record import ArticleRecord, Edit
from cleaner.regions import Regions
from cleaner.text.shape import is_prose
from cleaner.text.words import words
from cleaner.urls import site_of

FORMAT = "cleaner-templates/1"
RULE_PREFIX = "template:"  # rule id of a removal: template:<site>
CATALOG_ID = "template"  # the catalog entry of these removals (rules/heuristics.yaml)
_DIGIT = re.compile(r"\d")


def normalize_line(line: str) -> str:
    """A line's words, case-folded, digits as 0: "Updated 12:05" and "UPDATED 9:40" are one line.

    >>> normalize_line("Globex Daily — your MORNING briefing, 12 May")
    'globex daily your morning briefing 00 may'
    """
    return " ".join(words(_DIGIT.sub("0", unicodedata.normalize("NFKC", line).casefold())))


def site_key(url: str | None, origin: dict[str, Any]) -> str:
    """The site a document belongs to: its URL's host, else the folder of its input file."""
    return site_of(url) or os.path.dirname(origin.get("path", "")) or "."


@dataclass
class SiteCounts:
    """One site: how many pages; for each normalized line, on how many pages it occurs, on how
    many of them at an edge of the story, and the line as first seen: {key: [pages, edge, text]}."""

    pages: int = 0
    lines: dict[str, list[Any]] = field(default_factory=dict)


class LineCounts:
    """Per-site line counts of many pages; a shard's counts travel in its learning marker."""

    def __init__(self, max_line_chars: int = TemplateSettings().max_line_chars) -> None:
        self.max_line_chars = max_line_chars
        self.sites: dict[str, SiteCounts] = {}

    def add(self, site: str, text: str, language: str | None,
            removed_at_edge: Iterable[str] = ()) -> None:
        """Count one page: each distinct line once, at an edge if one of its copies is.

        `removed_at_edge`: lines the pipeline removed from the edge of this page's story.
        They count as there, at an edge: a site's chrome line that a heuristic removes on
        some of its pages (and not on others) is still on all of them.
        """
        counts = self.sites.setdefault(site, SiteCounts())
        counts.pages += 1
        found = _distinct_lines(text, language, self.max_line_chars)
        for line in removed_at_edge:
            key = normalize_line(line) if len(line) <= self.max_line_chars else ""
            if key:
                found[key] = (found.get(key, (line, True))[0], True)
        for key, (line, edge) in found.items():
            entry = counts.lines.setdefault(key, [0, 0, line])
            entry[0] += 1
            entry[1] += edge

    def merge(self, data: dict[str, Any]) -> None:
        """Add the counts of `to_dict()` output; a line keeps the text it was first seen with."""
        for site, other in data.items():
            counts = self.sites.setdefault(site, SiteCounts())
            counts.pages += other["pages"]
            for key, (pages, edge, line) in other["lines"].items():
                entry = counts.lines.setdefault(key, [0, 0, line])
                entry[0] += pages
                entry[1] += edge

    def to_dict(self) -> dict[str, Any]:
        return {site: asdict(counts) for site, counts in sorted(self.sites.items())}


def _distinct_lines(text: str, language: str | None, max_chars: int,
                    ) -> dict[str, tuple[str, bool]]:
    """{key: (line, at an edge)} of a page's lines. A line is at an edge when no prose
    paragraph but itself stands above it, or none below it."""
    lines = text.split("\n\n")
    prose = [is_prose(line, language) for line in lines]
    above, total = 0, sum(prose)
    found: dict[str, tuple[str, bool]] = {}
    for line, is_paragraph in zip(lines, prose):
        below = total - above - is_paragraph
        key = normalize_line(line) if len(line) <= max_chars else ""
        if key:
            first = found.get(key, (line, False))
            found[key] = (first[0], first[1] or not above or not below)
        above += is_paragraph
    return found


@dataclass(frozen=True)
class SiteTemplate:
    """A site's template lines: {normalized line: (text, pages)}, and its number of pages."""

    pages: int
    lines: dict[str, tuple[str, int]]


@dataclass(frozen=True)
class Templates:
    """The template lines of every site, as learned (`learn`) or read from templates.json."""

    settings: TemplateSettings
    sites: dict[str, SiteTemplate]

    @property
    def line_count(self) -> int:
        return sum(len(site.lines) for site in self.sites.values())

    def to_json(self) -> bytes:
        """templates.json: sites in name order, each site's lines by pages, then text."""
        sites = {name: {"pages": site.pages,
                        "lines": [{"text": text, "pages": pages} for text, pages in sorted(
                            site.lines.values(), key=lambda tp: (-tp[1], tp[0]))]}
                 for name, site in sorted(self.sites.items())}
        return orjson.dumps({"format": FORMAT, "settings": self.settings.model_dump(), "sites": sites},
                            option=orjson.OPT_INDENT_2)

    @classmethod
    def from_json(cls, data: bytes, source: str = "templates") -> Templates:
        """Read templates.json (hand-edited ones too: a line needs only its text)."""
        try:
            parsed = orjson.loads(data)
            if parsed.get("format") != FORMAT:
                raise ValueError(f"format is not {FORMAT!r}")
            settings = _settings(parsed.get("settings", {}))
            sites = {name: SiteTemplate(int(site["pages"]), {
                normalize_line(line["text"]): (line["text"], int(line.get("pages", site["pages"])))
                for line in site["lines"]}) for name, site in parsed["sites"].items()}
        except (orjson.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise BatchError(f"{source}: not a templates file: {type(exc).__name__}: {exc}",
                             ) from None
        return cls(settings, sites)

    def apply(self, record: ArticleRecord, site: str,
              positions: Callable[[ArticleRecord, int], list[int]] | None = None,
              ) -> ArticleRecord:
        """`record` without its site's template lines at the story's edges (or anywhere, for
        lines on nearly all pages), each removal logged as an Edit at the position `positions`
        gives its paragraph (by default `block_positions`)."""
        template = self.sites.get(site)
        if template is None or not record.text:
            return record
        lines = record.text.split("\n\n")
        found = [template.lines.get(normalize_line(line)) for line in lines]
        if not any(found):
            return record
        # The story is the prose that is no template line: a chrome line shaped like prose
        # must not hide the chrome beyond it.
        regions = Regions.of([Block("" if hit else line, i) for i, (line, hit)
                            in enumerate(zip(lines, found))], record.language)
        at = (positions or block_positions)(record, len(lines))
        kept: list[str] = []
        edits: list[Edit] = []
        for index, (line, hit) in enumerate(zip(lines, found)):
            where = hit and self._placement(hit[1], template.pages, regions, index)
            if not where:
                kept.append(line)
                continue
            edits.append(Edit(stage="templates", rule=f"{RULE_PREFIX}{site}", action="remove",
                              before=line, position=at[index],
                              reason=f"on {hit[1]} of {template.pages} pages of {site}, {where}"))
        return with_text(record, "\n\n".join(kept), edits) if edits else record

    def _placement(self, pages: int, site_pages: int, regions: Regions, index: int) -> str | None:
        """Why a template line at `index` goes ("above the story", ...), or None if it stays."""
        if pages >= self.settings.anywhere_share * site_pages:
            return "nearly every page"
        if regions.in_region("top", index):
            return "above the story"
        if regions.in_region("end", index):
            return "below the story"
        return None


def templates_enabled(config: Config) -> bool:
    """False when `[rules] disable` of `config` switches the catalog entry `template` off:
    the run then learns and applies no templates."""
    rules = load_rules(config.rules.extra, config.rules.disable, config.rules.builtin,
                       config.rules.enable)
    return rules.enabled(CATALOG_ID)


def _settings(data: dict[str, Any]) -> TemplateSettings:
    """Settings from JSON: known names, numbers of the right type; ValueError otherwise."""
    defaults = TemplateSettings().model_dump()
    unknown = sorted(set(data) - set(defaults))
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(unknown)}")
    return TemplateSettings(**{name: type(defaults[name])(value) for name, value in data.items()})


def learn(counts: LineCounts, settings: TemplateSettings) -> Templates:
    """The template lines of each site in `counts`, by the thresholds of `settings` (see the
    module's docstring)."""
    sites: dict[str, SiteTemplate] = {}
    for name, site in sorted(counts.sites.items()):
        needed = max(settings.min_pages, settings.min_share * site.pages)
        lines = {key: (text, pages) for key, (pages, edge, text) in site.lines.items()
                 if pages >= needed and (edge >= settings.min_edge_share * pages
                                         or pages >= settings.anywhere_share * site.pages)}
        if lines:
            sites[name] = SiteTemplate(site.pages, lines)
    return Templates(settings, sites)


def block_positions(record: ArticleRecord, count: int) -> list[int]:
    """The segment positions of the record's `count` paragraphs: in order, those that no edit
    removed whole. Exact unless `positions_uncertain`: a block that in-line removals alone
    emptied leaves no edit that says so, and the positions after it would be one too low."""
    gone = {edit.position for edit in record.edits if _removes_block(edit)}
    return list(itertools.islice((p for p in itertools.count() if p not in gone), count))


def positions_uncertain(record: ArticleRecord) -> bool:
    """True when some block that no edit removed whole had in-line removals, which may have
    emptied it (then the pipeline drops it without a further edit)."""
    gone = {edit.position for edit in record.edits if _removes_block(edit)}
    return any(edit.offset is not None and edit.action != "replace" and edit.position not in gone
               for edit in record.edits)


def _removes_block(edit: Edit) -> bool:
    return edit.offset is None and edit.action != "replace"


def with_text(record: ArticleRecord, text: str, edits: Iterable[Edit]) -> ArticleRecord:
    """`record` with a new body; `word_count` and `content_hash` follow it, `edits` are added."""
    return record.model_copy(update={"text": text, "word_count": len(text.split()),
                                     "content_hash": content_hash(text),
                                     "edits": [*record.edits, *edits]})

