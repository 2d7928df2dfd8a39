"""`Config`: which stages run and their typed settings, validated when loaded.

Every model forbids unknown keys, so a typo fails at load time with its location instead of
being silently ignored. Thresholds carry the benchmark that justified them (see README).
A config is immutable and hashable by its JSON form, which keys the pipeline cache.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cleaner.batch.settings import BatchSettings
from cleaner.errors import ConfigError, first_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# metadata runs before chrome: it claims datelines, bylines and the title before chrome's
# heuristics judge the remaining short lines.
DEFAULT_STAGES = ("decode", "extract", "segment", "repair", "language", "provenance",
                  "metadata", "chrome", "top", "punctuation")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DecodeSettings(Settings):
    fallback_encoding: str = "utf-8"


class ExtractSettings(Settings):
    include_tables: bool = True
    favor: Literal["balanced", "precision", "recall"] = "balanced"
    # trafilatura's standard mode, which compares its result with readability's and
    # justext's: on the tune half of WCXB dev (`python -m bench.extraction`, word F1)
    # standard 0.837, fast 0.805, favor recall 0.816, favor precision 0.777; fast mode lost
    # whole articles (forums 0.540 vs 0.706). Standard mode costs about 30% more time.
    fast: bool = False
    justext_fallback: bool = True
    # The page's own JSON-LD articleBody replaces trafilatura's text when that kept less
    # than this share of its words (tune half: 14 of 719 pages declare a body of 100 words
    # or more; on the one under 0.5, word F1 0.39 -> 0.99; none lost).
    json_ld_fallback: bool = True
    json_ld_min_words: int = Field(100, ge=1)
    json_ld_min_share: float = Field(0.5, ge=0.0, le=1.0)


class FixSettings(Settings):
    """For the repair and punctuation stages: fix names (see `cleaner rules list`) to skip."""

    disable: tuple[str, ...] = ()


class LanguageSettings(Settings):
    # bench (langdetect on the whole gold body as reference, 181 pages x 2 noisy inputs):
    # 150 chars and 1 trial agree on 179-180 pages, as 400 chars and langdetect's default
    # 7 trials do (179-180), at a quarter of the cost.
    sample_chars: int = Field(150, ge=50, description="characters of text langdetect sees")
    trials: int = Field(1, ge=1, le=10, description="langdetect's random trials, averaged")
    min_letters: int = Field(20, ge=1, description="below this, the language is None")


class ChromeSettings(Settings):
    rules: bool = True
    classifier: bool = True
    # justext's context-free model, applied to text blocks (justext defaults).
    length_low: int = 70
    length_high: int = 200
    stopwords_low: float = 0.30
    stopwords_high: float = 0.32
    # Whole-page text is recognized by its menus: lines of at most three words, at least
    # 20 of them and 35% of all lines (bench: 172 of the 181 noisy_fulltext pages, none of
    # the 181 extractor outputs; by count alone, a meal plan's "Meal 1" lines passed too).
    # Only there does the classifier run (on extractor output it cut real lists: tour
    # dates, products), are short repeated paragraphs dropped, and do end markers cut
    # through prose (comments follow them).
    page_min_menu_lines: int = Field(20, ge=0)
    page_min_menu_share: float = Field(0.35, ge=0.0, le=1.0)
    # ...and this many distinct chrome rules that remove lines among the first and last
    # fifth of its lines (`bench/provenance.py`, WCXB dev tune half: 10 of 719 gold bodies
    # and 13 of 719 extractor outputs pass, 587 of 719 whole-page texts; without it, 94,
    # 69 and 606).
    page_min_edge_chrome: int = Field(2, ge=0)
    # On a whole page the story is the run of blocks whose article-like characters most
    # outweigh the rest, where every other line costs at least this many characters, so a
    # long menu of short items outweighs a blurb above it; further runs outside it whose
    # sum is at least `story_min_span_share` of its sum are content too (pages hold content
    # in several regions). Chosen on the WCXB dev tune half, noisy_fulltext word F1 (all /
    # articles), `python -m bench.quality --half tune --modes fulltext`:
    #   cost 100, share 1.0: 0.727 / 0.854    cost 100, share 0.3: 0.777 / 0.885
    #   cost 150, share 0.3: 0.765 / 0.877    cost 60, share 0.3: 0.789 / 0.897
    #   cost 40, share 0.3: 0.793 / 0.901     cost 60, share 0.2: 0.795 / 0.901
    # Zyte's 181 whole pages (its metric) prefer a single dense run: 0.900 at cost 100 and
    # share 1.0, 0.875 at the chosen values (README: a goal missed there).
    story_line_cost: int = Field(60, ge=0)
    story_min_span_share: float = Field(0.2, ge=0.05, le=1.0)
    # An end marker cuts the rest only when this share of the story's prose is above it and
    # at most that share below it (a "Most read" box inside a story cuts nothing).
    tail_min_prose_share_above: float = Field(0.5, ge=0.0, le=1.0)
    tail_max_prose_share_below: float = Field(0.2, ge=0.0, le=1.0)
    # Headline-like lines: at most this many words, and no sentence-final punctuation.
    headline_max_words: int = 24
    # A headline-like line inside the story is an inserted teaser when it shares no content
    # word with the next paragraph and less than this share of its words with the story.
    teaser_max_story_overlap: float = Field(0.34, ge=0.0, le=1.0)
    lone_teaser_max_story_overlap: float = Field(0.5, ge=0.0, le=1.0)
    # A top headline is about the story if this share of its content words is in the body.
    headline_min_overlap: float = Field(0.3, ge=0.0, le=1.0)
    caption_max_words: int = 8
    # Shorter name lines are labels or headings ("Drake Tax", "IRS Direct File"), not the
    # captions of people with their role; shorter headline-like lines are subheadings, not
    # teasers of other stories (WCXB dev tune half, `bench.ablation --show inserted.`:
    # what these heuristics removed before these bounds was mostly such lines).
    caption_min_words: int = Field(4, ge=1)
    teaser_min_words: int = Field(6, ge=1)


class MetadataSettings(Settings):
    title_from_text: bool = True


class LimitsSettings(Settings):
    """What one document may cost; over a limit, `clean()` raises `InputError` naming it.
    The defaults keep every input of tests/hostile under 10 s and 1 GB (docs/hardening.md)."""

    # Length of the source (bytes, or characters of a str).
    max_input_bytes: int = Field(20_000_000, ge=1)
    # Paragraphs (non-empty lines) after extraction.
    max_blocks: int = Field(20_000, ge=1)
    # Characters of one paragraph (line).
    max_block_chars: int = Field(100_000, ge=100)
    # '<' characters of an HTML page: trafilatura and justext spend up to 40 µs per tag
    # (a million <br> took 26 s and 900 MB); real pages have a few thousand.
    max_html_tags: int = Field(200_000, ge=1)
    # Attributes of one HTML tag: lxml compares each attribute with all earlier ones
    # (40,000 took 12 s); the most on the benchmark's 181 pages is 64.
    max_html_attributes: int = Field(200, ge=1)
    # Levels of nested HTML elements. lxml (libxml2) itself stops at 256 and drops the rest
    # of the page, which is refused too, never silently cut.
    max_html_depth: int = Field(256, ge=2, le=256)
    # Wall-clock seconds for one `clean()` call, or None for no limit. Uses SIGALRM, so it
    # applies on the main thread only, and not while another ITIMER_REAL is running (the
    # batch runner has its own per-document limit, `cleaner run --timeout`).
    timeout_seconds: float | None = Field(None, gt=0)


class RulesSettings(Settings):
    builtin: bool = True
    extra: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    # Heuristics that are off by default (`cleaner rules list` marks them) to switch on.
    enable: tuple[str, ...] = ()


class Config(Settings):
    """Everything that decides what `clean()` does. `Config()` is the default pipeline."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    rules: RulesSettings = RulesSettings()
    decode: DecodeSettings = DecodeSettings()
    extract: ExtractSettings = ExtractSettings()
    repair: FixSettings = FixSettings()
    language: LanguageSettings = LanguageSettings()
    chrome: ChromeSettings = ChromeSettings()
    metadata: MetadataSettings = MetadataSettings()
    punctuation: FixSettings = FixSettings()
    limits: LimitsSettings = LimitsSettings()
    batch: BatchSettings = BatchSettings()

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "config",
                  base_dir: Path | None = None) -> Config:
        """Validate a mapping; rule-file paths are made relative to `base_dir`."""
        try:
            config = cls.model_validate(data)
        except ValidationError as exc:
            raise ConfigError(f"{source}: {first_problem(exc, '(top level)')}") from None
        if base_dir is not None and config.rules.extra:
            extra = tuple(p if p.is_absolute() else base_dir / p for p in config.rules.extra)
            config = config.model_copy(update={"rules": config.rules.model_copy(update={"extra": extra})})
        return config

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Load `cleaner.toml`, or the `[tool.cleaner]` table of a `pyproject.toml`."""
        path = Path(path)
        data = _read_toml(path)
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("cleaner", {})
        return cls.from_dict(data, source=str(path), base_dir=path.resolve().parent)

    @classmethod
    def discover(cls, folder: str | Path = ".") -> Config:
        """`cleaner.toml` in `folder`, else `[tool.cleaner]` in its `pyproject.toml`, else defaults."""
        folder = Path(folder)
        if (folder / "cleaner.toml").is_file():
            return cls.from_file(folder / "cleaner.toml")
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and "cleaner" in _read_toml(pyproject).get("tool", {}):
            return cls.from_file(pyproject)
        return cls()

    def cache_key(self) -> str:
        return self.model_dump_json()


def _read_toml(path: Path) -> dict[str, Any]:
    """A TOML file as a mapping; any problem is a ConfigError naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
