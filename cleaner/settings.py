"""Settings models that are not a stage's: the base model, `[limits]`, `[rules]` and `[flags]`.

Every model forbids unknown keys, so a typo fails at load time with its location instead of
being silently ignored, and is frozen. Each stage owns its own settings model (its
`settings_model`, next to its code); `cleaner.config.Config` assembles them all.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def relative_to(self, base_dir: Path) -> Settings:
        """These settings with their relative paths made relative to `base_dir` (the folder
        of the config file that gave them); a section that holds paths overrides it."""
        return self


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


class FlagSettings(Settings):
    """`[flags]`: when a record's `flags` warn about its quality (`cleaner.flags`). Warnings
    only: they change no text. README states them as they are: "little_extracted" when
    extraction kept under 10% of a page of 500+ visible words (a page of comments, the teaser
    of a long story: the article was likely missed; shorter pages are mostly the story),
    "mostly_removed" when cleaning removed more than half the words it was given (more than
    chrome usually is, so worth a look)."""

    little_extracted: float = Field(0.1, ge=0.0, le=1.0)
    page_min_words: int = Field(500, ge=0)
    mostly_removed: float = Field(0.5, ge=0.0, le=1.0)


class RulesSettings(Settings):
    builtin: bool = True
    extra: tuple[Path, ...] = ()
    disable: tuple[str, ...] = ()
    # Heuristics that are off by default (`cleaner rules list` marks them) to switch on.
    enable: tuple[str, ...] = ()

    def relative_to(self, base_dir: Path) -> RulesSettings:
        if not self.extra:
            return self
        extra = tuple(p if p.is_absolute() else base_dir / p for p in self.extra)
        return self.model_copy(update={"extra": extra})
