"""The pre-filter of `repair.fix_mojibake`: could ftfy fix anything in a line? Answered without
importing ftfy, which costs a start-up 70 ms of CPU, more than cleaning a small file.

The filter's tables come from ftfy's single-byte encodings (`ftfy.chardata.CHARMAP_ENCODINGS`,
with its "sloppy" codecs) and its ligatures. They are built once, with ftfy, and kept in the
disk cache (`cleaner.disk_cache`) under a key of ftfy's files they come from, of this module
and of the Python version (whose codecs decode the bytes); later processes read them back
and import ftfy only for a line the filter passes (34 of 4,471 lines of the benchmark).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from cleaner.disk_cache import cached_object, file_digests, key_of

# ftfy's files the tables are made from: the encodings and ligatures, the sloppy codecs.
_FTFY_SOURCES = ("chardata.py", "bad_codecs/sloppy.py")


@dataclass(frozen=True)
class MojibakeTables:
    """Per lead character (a UTF-8 lead byte in some ftfy encoding): the characters that may
    follow it in mojibake directly (`follow`), after it and a space (`after_space`) and after
    it and a "?" (`after_lost`); and the ligatures ftfy expands."""

    follow: dict[str, frozenset[str]]
    after_space: dict[str, frozenset[str]]
    after_lost: dict[str, frozenset[str]]
    ligatures: frozenset[str]


def build_tables() -> MojibakeTables:
    """The tables, from ftfy (imported here).

    Mojibake is UTF-8 decoded with one of ftfy's single-byte encodings, so in that encoding
    it shows a UTF-8 lead byte (0xC0-0xF4) directly followed by a continuation byte
    (0x80-0xBF), or by a space standing for a lost 0xA0 (ftfy's ``ALTERED_UTF8_RE``, never
    for macroman) or a "?" standing for a byte a sloppy codec lost (``LOSSY_UTF8_RE``).
    """
    import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-*" codecs decoded with here)
    from ftfy.chardata import CHARMAP_ENCODINGS, LIGATURES

    follow: dict[str, set[str]] = {}
    after_space: dict[str, set[str]] = {}
    after_lost: dict[str, set[str]] = {}
    for encoding in CHARMAP_ENCODINGS:
        table = bytes(range(0x80, 0x100)).decode(encoding, errors="replace")
        cont = {ch for ch in table[: 0xC0 - 0x80] if ch != "\ufffd"}
        a0_restored = encoding != "macroman"
        sloppy = encoding.startswith("sloppy")
        for byte in range(0xC0, 0xF5):
            lead = table[byte - 0x80]
            if lead == "\ufffd":
                continue
            follow.setdefault(lead, set()).update(cont)
            if a0_restored and byte in (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9):
                follow[lead].add(" ")  # 2-byte sequence whose 0xA0 became a space
            if a0_restored and byte in (0xE2, 0xE3, 0xF0):
                after_space.setdefault(lead, set()).update(cont)
            if sloppy and byte in (0xC2, 0xC3):
                follow[lead].add("?")  # 2-byte sequence whose 2nd byte was lost
            if sloppy and byte >= 0xE0:
                after_lost.setdefault(lead, set()).update(cont)
    frozen = ({lead: frozenset(chars) for lead, chars in found.items()}
              for found in (follow, after_space, after_lost))
    return MojibakeTables(*frozen, ligatures=frozenset(map(chr, LIGATURES)))


@functools.cache
def tables() -> MojibakeTables:
    """The tables, read from the disk cache when ftfy's files are the ones they were built
    from, else built (importing ftfy) and written for the next process."""
    key = _sources_key()
    if key is None:
        return build_tables()
    found = cached_object("mojibake-tables", key, build_tables)
    return found if isinstance(found, MojibakeTables) else build_tables()


def _sources_key() -> str | None:
    """A key of what the tables depend on, found without importing ftfy; None when ftfy's
    files cannot be read."""
    spec = importlib.util.find_spec("ftfy")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations)))
    try:
        contents = file_digests((*(folder / name for name in _FTFY_SOURCES), __file__))
    except OSError:
        return None
    return key_of(contents, sys.version)


class MojibakeFilter:
    """The two checks of the pre-filter, compiled from the tables."""

    def __init__(self, found: MojibakeTables) -> None:
        self.tables = found
        # Stage 1: a char that is a UTF-8 lead byte in some ftfy encoding, followed by a
        # continuation char of any encoding, a space or "?". One character-class pair, so
        # a scan costs about as much as a str.find; every hit is then checked (stage 2).
        self.lead = re.compile(
            "[" + "".join(re.escape(ch) for ch in sorted(found.follow)) + "](?=["
            + "".join(re.escape(ch) for ch in sorted(set().union(*found.follow.values())))
            + "])")
        # Characters that make ftfy's other enabled fixes act by themselves: C1 controls,
        # U+FFFD and U+001A (bytes lost by a codec), surrogates, ligatures.
        self.trigger = re.compile("[\x80-\x9f\ufffd\x1a\ud800-\udfff"
                                  + "".join(re.escape(ch) for ch in sorted(found.ligatures))
                                  + "]")

    def passes(self, text: str) -> bool:
        """True when ftfy could change `text` (not ASCII: the caller checks that first)."""
        return self.trigger.search(text) is not None or self._has_mojibake_bytes(text)

    def _has_mojibake_bytes(self, text: str) -> bool:
        """Stage 2: does any stage-1 hit form a byte pattern ftfy can decode?"""
        follow, after_space, after_lost = (self.tables.follow, self.tables.after_space,
                                           self.tables.after_lost)
        for match in self.lead.finditer(text):
            i = match.start()
            lead, after = text[i], text[i + 1]
            if after in follow[lead]:
                return True
            if after == " " and text[i + 2 : i + 3] in after_space.get(lead, ()):
                return True
            if after == "?" and text[i + 2 : i + 3] in after_lost.get(lead, ()):
                return True
        return False


@functools.cache
def mojibake_filter() -> MojibakeFilter:
    return MojibakeFilter(tables())
