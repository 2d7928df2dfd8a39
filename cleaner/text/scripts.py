"""Writing systems: which script a text is mostly written in, and the languages it allows.

Language detection by letter n-grams (langdetect) can answer a Latin-script language for a
text in Chinese, Arabic or Cyrillic when the sample is short or mixed with Latin names and
menus ("Chinese detected as Indonesian"). The script is certain; the language is then
chosen among those written in it.
"""

from __future__ import annotations

import bisect
from collections import Counter

# (first code point, last code point, script), sorted, without overlaps.
_RANGES = sorted([
    (0x0041, 0x024F, "Latin"), (0x1E00, 0x1EFF, "Latin"),
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x08A0, 0x08FF, "Arabic"), (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B80, 0x0BFF, "Tamil"), (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"), (0x0E00, 0x0E7F, "Thai"),
    (0x10A0, 0x10FF, "Georgian"), (0x1100, 0x11FF, "Hangul"), (0x3040, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xAC00, 0xD7AF, "Hangul"), (0xF900, 0xFAFF, "Han"), (0x20000, 0x2FA1F, "Han"),
])
_STARTS = [start for start, _, _ in _RANGES]

# The languages (langdetect's codes, ISO 639-1) written in each script.
LANGUAGES = {
    "Greek": ("el",), "Cyrillic": ("ru", "uk", "bg", "mk"), "Armenian": ("hy",),
    "Hebrew": ("he",), "Arabic": ("ar", "fa", "ur"), "Devanagari": ("hi", "mr", "ne"),
    "Bengali": ("bn",), "Gurmukhi": ("pa",), "Gujarati": ("gu",), "Tamil": ("ta",),
    "Telugu": ("te",), "Kannada": ("kn",), "Malayalam": ("ml",), "Thai": ("th",),
    "Georgian": ("ka",), "Hangul": ("ko",), "Kana": ("ja",), "Han": ("zh", "ja"),
}
# A Han character or syllable block carries about as much text as a short Latin word.
_WEIGHT = {"Han": 3, "Hangul": 3, "Kana": 2}


def script_of(char: str) -> str | None:
    """The script of one letter, or None for a character of no script listed here.

    >>> script_of("é"), script_of("ж"), script_of("中"), script_of("1")
    ('Latin', 'Cyrillic', 'Han', None)
    """
    if not char.isalpha():
        return None
    code = ord(char)
    index = bisect.bisect_right(_STARTS, code) - 1
    if index >= 0 and code <= _RANGES[index][1]:
        return _RANGES[index][2]
    return None


def dominant_script(text: str) -> str | None:
    """The script of most of the letters of `text` (Han, Hangul and kana weigh more, as
    one of them stands for a word or a syllable); Japanese text, kana with Han, is "Kana".

    >>> dominant_script("外交部长周三在北京举行会谈 Beijing Xinhua")
    'Han'
    >>> dominant_script("Москва и Berlin"), dominant_script("12 + 3")
    ('Cyrillic', None)
    >>> dominant_script("東京で会議が開かれた")
    'Kana'
    """
    counts: dict[str, int] = {}
    for char, times in Counter(text).items():  # each distinct character looked up once
        script = script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + _WEIGHT.get(script, 1) * times
    if not counts:
        return None
    if counts.get("Kana") and counts.get("Han"):
        counts["Kana"] += counts.pop("Han")
    return max(sorted(counts), key=counts.__getitem__)
