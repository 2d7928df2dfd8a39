"""The settings of the extract stage, `[extract]` in `cleaner.toml`: trafilatura's mode,
and when the page's declared body (JSON-LD) or its repeated cards replace its text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cleaner.settings import Settings


class ExtractSettings(Settings):
    include_tables: bool = True
    favor: Literal["balanced", "precision", "recall"] = "balanced"
    # trafilatura's standard mode, which compares its result with readability's and
    # justext's: on the tune half of WCXB dev (`python -m bench.extraction`, word F1)
    # standard 0.837, fast 0.805, favor recall 0.816, favor precision 0.777; fast mode lost
    # whole articles (forums 0.540 vs 0.706). Standard mode costs about 30% more time.
    fast: bool = False
    # Unless `fast`, the fast mode runs first, and its text stands when it kept at least
    # this share of the page's visible words; else the standard mode runs (0: standard
    # only). Standard mode's comparison helps where the fast one kept little, and where it
    # kept much it can only swap the text for readability's or justext's, which lost more
    # than it won. Tune half of WCXB dev, `clean()` HTML word F1 (all / articles): standard
    # only 0.8526 / 0.9487, share 0.1 0.8500 / 0.9464, 0.2 0.8552 / 0.9472, 0.3 0.8538 /
    # 0.9472 (0.2: forum 0.720 -> 0.737, listing 0.609 -> 0.631); Zyte shingle F1 0.9648 ->
    # 0.9701 at 0.2.
    fast_first_min_share: float = Field(0.2, ge=0.0, le=1.0)
    justext_fallback: bool = True
    # The page's own JSON-LD articleBody replaces trafilatura's text when that kept less
    # than this share of its words (tune half: 14 of 719 pages declare a body of 100 words
    # or more; on the one under 0.5, word F1 0.39 -> 0.99; none lost).
    json_ld_fallback: bool = True
    json_ld_min_words: int = Field(100, ge=1)
    json_ld_min_share: float = Field(0.5, ge=0.0, le=1.0)
    # The page's largest run of look-alike siblings (`cleaner.html_cards`: items of a
    # listing, sections of a service page) replaces trafilatura's text when it holds at
    # least `cards_min_words` words and `cards_min_ratio` times as many as trafilatura
    # kept; items average `cards_min_mean_words` words (menus hold one or two). Tune half
    # of WCXB dev, word F1 of the extraction: +0.017 overall; listing +0.088, collection
    # +0.072, service +0.033, forum +0.029, product +0.004, article -0.001. Every grid
    # point (3 to 6 items, 4 to 10 words, ratio 1.25 to 2) gains +0.013 to +0.018.
    cards_fallback: bool = True
    cards_min_items: int = Field(4, ge=2)
    cards_min_mean_words: float = Field(8.0, ge=0.0)
    cards_min_words: int = Field(30, ge=1)
    cards_min_ratio: float = Field(1.5, ge=0.0)
    # On a page that declares itself an article (og:type, JSON-LD @type) trafilatura's
    # text stands unless the cards hold this many times its words: on the Zyte news pages,
    # the 1.5 ratio swapped 13 whole articles for their page's related links, comments or
    # wrappers (word F1 -0.034). Tune half: ratios 3, 5, 10 and never gain +0.015,
    # +0.014, +0.013, +0.011 (1.5: +0.018); Zyte loses -0.019, -0.013, -0.005, -0.005.
    cards_min_ratio_article: float = Field(10.0, ge=0.0)
    # Cards never replace a text of `cards_keep_words` words or more of which they hold under
    # `cards_min_held` (its words found in theirs): trafilatura found that text elsewhere on
    # the page, and the cards are then a menu's columns or a shop's grid beside it. Tune
    # half, word F1 of the extraction on the 77 pages where cards qualify: mean over the
    # half +0.0177 -> +0.0196 for any share from 0.3 to 0.5 with 200 to 500 words (2 pages
    # kept, none lost); 100 words catches 5 pages at 0.3 (+0.0195) and 7 at 0.4 (+0.0178);
    # 50 words loses at every share from 0.2 to 0.6 (+0.0116 to +0.0164). The share is the
    # middle of the gap between the pages kept (0.20, 0.26) and the nearest that gains from
    # its cards (0.51, which falls under 0.5 in the pipeline's own extraction).
    cards_keep_words: int = Field(200, ge=0)
    cards_min_held: float = Field(0.4, ge=0.0, le=1.0)
    # The page's description is no field of the record when its first this many characters
    # are in the text: it is the standfirst, already the first paragraph. Set on examples
    # with the first extract stage, not measured.
    description_in_text_chars: int = Field(80, ge=1)
