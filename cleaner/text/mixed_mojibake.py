"""Mojibake words in text that is otherwise right: UTF-8 read as windows-1252, one word.

ftfy decodes a text whose whole run of characters can be encoded back; a paragraph that
also holds characters windows-1252 lacks ("Kenzaburō ÅŒe", "ω = 2 x Ï€", "│ â‘¢-1 …")
is left as it is. Here each run of characters that reads as UTF-8 bytes written in
windows-1252 (a lead byte as Â-ô, then its continuation bytes as € ‚ ƒ … ¿) is decoded on
its own. Text can hold such a run by design only in a mojibake sample; a run that does not
decode as UTF-8 is kept.
"""

from __future__ import annotations

import re
import unicodedata

# windows-1252's characters for the bytes 0x80-0xBF (UTF-8 continuation bytes); its five
# undefined bytes are read as the C1 control of the same number, as ftfy's "sloppy" codec.
_CONTINUATION = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_TO_BYTE = {char: byte for byte, char in zip(range(0x80, 0xC0), _CONTINUATION)}
_CONT = "[" + re.escape(_CONTINUATION) + "]"
# A UTF-8 sequence as windows-1252 shows it: lead byte (0xC2-0xF4: "Â"-"ô") + continuations.
_SEQUENCE = f"(?:[\u00c2-\u00df]{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}})"
_MOJIBAKE_RUN = re.compile(f"{_SEQUENCE}+")
# What every run starts with: a lead byte and a continuation (a test that costs a fifth of
# searching for a run).
_RUN_START = re.compile(f"[\u00c2-\u00f4]{_CONT}")
# Layers of mojibake decoded at most (as `repair.settle`, bounded: built input could need more).
_ROUNDS = 8
# Punctuation that follows a word: closing quotes and brackets, dashes, "…", "¿".
_CLOSING = frozenset({"Pf", "Pe", "Pd", "Po"})


def _as_bytes(run: str) -> bytes:
    return bytes(_TO_BYTE.get(char, ord(char)) for char in run)


def _decode(match: re.Match[str]) -> str:
    run = match.group()
    try:
        decoded = _as_bytes(run).decode("utf-8")
    except UnicodeDecodeError:
        return run
    if _after_broken_sequence(match):
        return run  # "ã†â€™ãƒâ€": amid bytes that decode as nothing, a garble, not text
    if any("\x80" <= c <= "\x9f" or "\u0700" <= c <= "\u07ff" for c in decoded):
        return run  # C1 controls; Syriac, Thaana, NKo: "ß’" is German, not NKo "ߒ"
    if len(decoded) == 1 and _is_word_end(match) and not _less_bad(match, decoded):
        return run  # "MARQUÉ…", "SÓ…", "NESTLÉ®", "ZZAJÉ’s", "5×£35": a letter, then a sign
    return decoded


def _after_broken_sequence(match: re.Match[str]) -> bool:
    """True when the run follows a lead byte and a continuation byte that are no UTF-8
    sequence with it ("ã†" before "â€™"): the run is part of a longer garble.

    >>> _after_broken_sequence(_MOJIBAKE_RUN.search("ã†â€™ãƒ")), _after_broken_sequence(
    ...     _MOJIBAKE_RUN.search("l’Ã©tÃ©"))
    (True, False)
    """
    before = match.string[max(0, match.start() - 2):match.start()]
    return len(before) == 2 and "\u00c2" <= before[0] <= "\u00f4" and before[1] in _TO_BYTE


def _is_word_end(match: re.Match[str]) -> bool:
    """True when the run follows a letter or digit and its continuation bytes show as
    punctuation or symbols (…, ’, ®, £, ¿, no-break space), or follows anything and they
    show as closing punctuation (”, …, —): the end of a word and a sign after it, as text
    writes it, more often than one character's mojibake."""
    before = match.string[match.start() - 1:match.start()]
    after = match.string[match.end():match.end() + 1]
    if after and after in _CONTINUATION:
        return False  # mojibake of mojibake: "PaweÃ…‚" is "Paweł" garbled twice
    signs = match.group()[1:]
    if before.isalnum():
        return not any(c.isalpha() for c in signs)
    # A letter or sign then punctuation ("“×” curves", "Õ…", "10 Å—", "Ã’s"): the
    # punctuation closes it, as text writes it.
    return all(unicodedata.category(c) in _CLOSING for c in signs)


def _less_bad(match: re.Match[str], decoded: str) -> bool:
    """True when ftfy's measure of mojibake finds the word better decoded ("CafÃ©")."""
    from ftfy.badness import badness  # here: ftfy costs a start-up 70 ms

    text = match.string
    start = max(text.rfind(" ", 0, match.start()) + 1, match.start() - 20)
    end = text.find(" ", match.end())
    end = min(len(text) if end < 0 else end, match.end() + 20)
    word = text[start:end]
    fixed = text[start:match.start()] + decoded + text[match.end():end]
    return badness(fixed) < badness(word)


def could_be_mojibake_words(text: str) -> bool:
    """Whether `fix_mojibake_words` could change `text`: it holds the start of a UTF-8
    sequence as windows-1252 shows it.

    >>> could_be_mojibake_words("naïve café"), could_be_mojibake_words("CafÃ©")
    (False, True)
    """
    return not text.isascii() and _RUN_START.search(text) is not None


def fix_mojibake_words(text: str, language: str | None = None) -> str:
    """Decode each run of UTF-8-read-as-windows-1252 in `text`, leaving the rest alone.

    >>> fix_mojibake_words("Kenzaburō ÅŒe and CzesÅ‚aw Miłosz; ω = 2 x Ï€ x rpm; ÃƒÂ©")
    'Kenzaburō Ōe and Czesław Miłosz; ω = 2 x π x rpm; é'
    >>> fix_mojibake_words("SÃO PAULO, à « très » bien, naïve café, Äußerst, 5 €, ‘ß’")
    'SÃO PAULO, à « très » bien, naïve café, Äußerst, 5 €, ‘ß’'
    >>> fix_mojibake_words("IL Y MARQUÉ… NESTLÉ® 5×£35 but CafÃ© and voilÃ\xa0")
    'IL Y MARQUÉ… NESTLÉ® 5×£35 but Café and voilà'
    >>> fix_mojibake_words("the “+” and “×” curves; HUHLL Õ…; 10 Å—; QUEM É¿; lot of Ã’s")
    'the “+” and “×” curves; HUHLL Õ…; 10 Å—; QUEM É¿; lot of Ã’s'
    >>> fix_mojibake_words("Hosted by PaweÃ…‚ Dolega")
    'Hosted by Paweł Dolega'
    """
    if text.isascii():
        return text
    for _ in range(_ROUNDS):  # mojibake of mojibake decodes once per round ("ÃƒÂ©": "Ã©", "é")
        fixed = _MOJIBAKE_RUN.sub(_decode, text)
        if fixed == text:
            break
        text = fixed
    return text
