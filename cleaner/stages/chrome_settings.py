"""The settings of the chrome stage, `[chrome]` in `cleaner.toml`; provenance (`page_*`) and
head (`headline_*`) read them too."""

from __future__ import annotations

from pydantic import Field

from cleaner.settings import Settings


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
    # A menu line: letters, at most this many words and this many characters (three long
    # words, a URL, are no menu item). `python -m bench.provenance --half tune`, with every
    # default: whole pages taken 523 of WCXB's 719 and 143 of Zyte's 181; WCXB extractor
    # outputs 11 and gold bodies 6 (Zyte's: none). With 2 words: 378, 132, 7, 4; with 4:
    # 565, 148, 12, 7; with 5: 601, 150, 12, 7 (more pages, and more text taken for a page
    # that is none). The characters change nothing from 40 up (30: 522 pages; 20: 469):
    # the words decide, and a longer line's words are not counted.
    page_menu_item_max_words: int = Field(3, ge=1)
    page_menu_item_max_chars: int = Field(60, ge=1)
    # The edges where `page_min_edge_chrome` counts rules: the first and the last 1/N of the
    # lines, the fifths measured above. Same bench as the menu lines': N = 3 takes 530 and
    # 148 whole pages, 4 takes 528 and 145, 8 takes 508 and 139, with the same extractor
    # outputs and gold bodies (8: one gold body fewer); what that changes in the cleaned
    # text is not measured, so the fifth stays.
    page_edge_parts: int = Field(5, ge=2)
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
    # A block that is prose (`regions.py`) but that justext's model does not call
    # article-like (few stopwords: results, names, figures) pulls with this share of its
    # characters. Set with the story span, before the measures above; not measured alone.
    story_prose_weight: float = Field(0.5, ge=0.0, le=1.0)
    story_min_span_share: float = Field(0.2, ge=0.05, le=1.0)
    # Two story runs are one across the lines between them when those cost at most this
    # many times the lesser run's sum (`chrome.bridge_gaps`: a list of pros and cons, a
    # product's features between two paragraphs). Tune half, noisy_fulltext word F1 (all /
    # articles / documentation / listings): 0 (off): 0.796 / 0.902 / 0.830 / 0.551;
    # 0.5: unchanged; 1.5: 0.797 / 0.904; 3: 0.800 / 0.906 / 0.842 / 0.562; 6: 0.800 /
    # 0.906. Zyte's whole pages: 0.872 -> 0.870.
    story_max_gap_share: float = Field(3.0, ge=0.0)
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
    # ...and one about something else is a ticker only when at most this many lines stand
    # above the story: a longer head is a list (a listing's first items, each with its
    # date), whose headlines are content (WCXB dev tune half, listings: 5 of 51 pages lost
    # their first items as "unrelated headlines", one of them a third of its words).
    headline_max_head_lines: int = Field(3, ge=0)
    caption_max_words: int = 8
    # Shorter name lines are labels or headings ("Drake Tax", "IRS Direct File"), not the
    # captions of people with their role; shorter headline-like lines are subheadings, not
    # teasers of other stories (WCXB dev tune half, `bench.ablation --show inserted.`:
    # what these heuristics removed before these bounds was mostly such lines).
    caption_min_words: int = Field(4, ge=1)
    teaser_min_words: int = Field(6, ge=1)
    # Off-by-default heuristics (rules/heuristics.yaml, `[rules] enable`): bench.ablation
    # measured them with these values as a whole (most of what they removed was gold);
    # the values were set on examples, not tuned. A repeated paragraph counts when its
    # first copy has at least `repeat_min_chars` characters and `repeat_min_words` words on
    # a whole page, `repeat_min_words_extracted` in extractor output (an article repeats a
    # short line on purpose: a meal plan's lines, a refrain).
    repeat_min_chars: int = Field(40, ge=0)
    repeat_min_words: int = Field(8, ge=0)
    repeat_min_words_extracted: int = Field(25, ge=0)
    # A list of links to other stories that ends the text has at least this many items not
    # about the story (one or two unrelated items end many lists of the story's own).
    related_list_min_items: int = Field(3, ge=1)
