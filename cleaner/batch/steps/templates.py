"""Site templates, learned: lines that recur on many pages of one site are that site's chrome.

Learning counts, per site, on how many pages each normalized line of the cleaned text occurs,
and on how many of them it stands at an edge of the story (no prose paragraph but itself above
it, or none below it). A template line is on at least `min_pages` pages and `min_share` of the
site's pages, and at an edge on `min_edge_share` of its pages (chrome always is; a quote that
recurs inside stories only when a story happens to start or end with it) or on
`anywhere_share` of the site's pages.

The learned lines are written to a templates.json (`Templates.to_json`), and removed by the
templates stage (`cleaner.stages.templates`, which has the file's format and the removal),
which `clean()` runs as the batch does: one code path, at the blocks' exact positions.

A site is the URL's host (`cleaner.urls.site_of`), else the folder of the input file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from cleaner.batch.io.readers import origin_site
from cleaner.batch.settings import TemplateSettings
from cleaner.catalog import load_catalog
from cleaner.config import Config
from cleaner.stages.templates import (
    CATALOG_ID,
    SiteTemplate,
    Templates,
    normalize_line,
    site_key,
)
from cleaner.text.shape import is_prose


def site_of_item(url: str | None, origin: dict[str, Any]) -> str:
    """The site a document belongs to: its URL's host, else the folder of its input file."""
    return site_key(url, origin_site(origin))


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


def templates_enabled(config: Config) -> bool:
    """False when `[rules] disable` of `config` switches the catalog entry `template` off:
    the run then learns and applies no templates."""
    rules = load_catalog(config.rules.extra, config.rules.disable, config.rules.builtin,
                       config.rules.enable)
    return rules.enabled(CATALOG_ID)


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
