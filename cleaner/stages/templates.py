"""templates: remove a site's template lines, as a templates file lists them.

A template line recurs on many pages of one site: it is that site's chrome, which no rule has
to know (the CCNet idea, scoped per site). `cleaner run --learn-templates` learns them
(`cleaner.batch.steps.templates`) into a templates.json; this stage removes them, in `clean()`
as in the batch, when `[templates] file` names such a file (none by default: the stage then
changes nothing).

A document's template lines go when they stand at the edges of its story, above the first or
below the last prose paragraph that is no template line (the regions of
`cleaner.regions.Regions`, with the template lines themselves left out, so that a chrome line
shaped like prose does not hide the chrome beyond it), and wherever they stand when they are
on `anywhere_share` of the site's pages (the file's settings). A line inside the story that is
on fewer pages stays. Each removal is an `Edit` (stage "templates", rule "template:<site>") at
its block's position.

A document's site is its URL's host (`cleaner.urls.site_of`), else the `site` it was given
(the batch gives the folder of the input file), else ".".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from cleaner.batch.settings import TemplateSettings
from cleaner.document import Block, Document
from cleaner.errors import ConfigError
from cleaner.record import Edit
from cleaner.regions import Regions
from cleaner.settings import Settings
from cleaner.stages.base import Facet, Stage, register
from cleaner.text.words import words
from cleaner.urls import site_of

if TYPE_CHECKING:
    from cleaner.catalog import Catalog
    from cleaner.config import Config

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


def site_key(url: str | None, site: str | None = None) -> str:
    """The site a document belongs to: its URL's host, else `site`, else "."."""
    return site_of(url) or site or "."


@dataclass(frozen=True)
class SiteTemplate:
    """A site's template lines: {normalized line: (text, pages)}, and its number of pages."""

    pages: int
    lines: dict[str, tuple[str, int]]


@dataclass(frozen=True)
class Templates:
    """The template lines of every site, as learned or read from a templates.json."""

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
        return orjson.dumps({"format": FORMAT, "settings": self.settings.model_dump(),
                             "sites": sites}, option=orjson.OPT_INDENT_2)

    @classmethod
    def from_json(cls, data: bytes, where: str = "templates") -> Templates:
        """Read templates.json (hand-edited ones too: a line needs only its text); a
        ValueError naming `where` when it is none."""
        try:
            parsed = orjson.loads(data)
            if parsed.get("format") != FORMAT:
                raise ValueError(f"format is not {FORMAT!r}")
            settings = _settings(parsed.get("settings", {}))
            sites = {name: SiteTemplate(int(site["pages"]), {
                normalize_line(line["text"]): (line["text"], int(line.get("pages", site["pages"])))
                for line in site["lines"]}) for name, site in parsed["sites"].items()}
        except (orjson.JSONDecodeError, ValueError, TypeError, KeyError, AttributeError) as exc:
            raise ValueError(f"{where}: not a templates file: {type(exc).__name__}: {exc}",
                             ) from None
        return cls(settings, sites)

    def placement(self, pages: int, site_pages: int, regions: Regions, index: int) -> str | None:
        """Why a template line at block `index` goes ("above the story", ...), or None."""
        if pages >= self.settings.anywhere_share * site_pages:
            return "nearly every page"
        if regions.in_region("top", index):
            return "above the story"
        if regions.in_region("end", index):
            return "below the story"
        return None


def _settings(data: dict[str, Any]) -> TemplateSettings:
    """Settings from JSON: known names, numbers of the right type; ValueError otherwise."""
    defaults = TemplateSettings().model_dump()
    unknown = sorted(set(data) - set(defaults))
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(unknown)}")
    return TemplateSettings(**{name: type(defaults[name])(value) for name, value in data.items()})


def remove_templates(doc: Document, templates: Templates) -> Document:
    """`doc` without its site's template lines at the story's edges (or anywhere, for lines
    on nearly all pages), each removal an Edit at its block's position."""
    site = site_key(doc.url, doc.site)
    template = templates.sites.get(site)
    if template is None or not doc.blocks:
        return doc
    found = [template.lines.get(normalize_line(block.text)) for block in doc.blocks]
    if not any(found):
        return doc
    # The story is the prose that is no template line: a chrome line shaped like prose
    # must not hide the chrome beyond it.
    regions = Regions.of([Block("" if hit else block.text, i) for i, (block, hit)
                          in enumerate(zip(doc.blocks, found))], doc.meta.language)
    kept: list[Block] = []
    edits: list[Edit] = []
    for index, (block, hit) in enumerate(zip(doc.blocks, found)):
        where = hit and templates.placement(hit[1], template.pages, regions, index)
        if not where:
            kept.append(block)
            continue
        edits.append(Edit(stage="templates", rule=f"{RULE_PREFIX}{site}", action="remove",
                          before=block.text, position=block.position,
                          reason=f"on {hit[1]} of {template.pages} pages of {site}, {where}"))
    return doc.with_edits(edits, blocks=tuple(kept)) if edits else doc


def read_templates(path: Path, sha256: str | None = None) -> Templates:
    """The templates of the file `path`; a ConfigError when it cannot be read, is no
    templates file, or its SHA-256 is not `sha256` (when given)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"templates: cannot read {path}: {exc.strerror or exc}") from None
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise ConfigError(f"templates: {path} is not the file of SHA-256 {sha256} "
                          "([templates] sha256): it changed")
    try:
        return Templates.from_json(data, str(path))
    except ValueError as exc:
        raise ConfigError(f"templates: {exc}") from None


class TemplatesStageSettings(Settings):
    """`[templates]`: the templates file whose lines the stage removes.

    `file`: a templates.json (`cleaner run --learn-templates` writes one into its output
    folder); relative to the config file's folder. None (the default): the stage changes
    nothing. `sha256`: when given, the file must have this SHA-256 (the batch sets it, so
    that a worker never applies a file other than its run's). The file is read once, when
    the pipeline is built.
    """

    file: Path | None = None
    sha256: str | None = None

    def relative_to(self, base_dir: Path) -> TemplatesStageSettings:
        if self.file is None or self.file.is_absolute():
            return self
        return self.model_copy(update={"file": base_dir / self.file})


@register
class TemplatesStage(Stage):
    name = "templates"
    requires = frozenset({Facet.BLOCKS, Facet.LANGUAGE})
    provides = frozenset({Facet.DETEMPLATED})
    # Templates are learned on the finished text (`cleaner run`'s learning pass), and the
    # lines must be the ones the stages before would leave.
    after = frozenset({Facet.METADATA, Facet.DECHROMED, Facet.HEAD, Facet.PUNCTUATED})
    settings_model = TemplatesStageSettings

    def __init__(self, config: Config, rules: Catalog) -> None:
        super().__init__(config, rules)
        file = self.settings.file
        self.templates = (read_templates(file, self.settings.sha256)
                          if file is not None and rules.enabled(CATALOG_ID) else None)

    def __call__(self, doc: Document) -> Document:
        return doc if self.templates is None else remove_templates(doc, self.templates)
