"""Vietnamese text: diacritic-insensitive folding and the Vietnamese name sort key.

`fold` turns "Nguyễn Văn Đức" into "nguyen van duc" (đ = d), so a search typed
without diacritics finds the name. `name_sort_key` orders names the Vietnamese way:
by given name (the last word), then family name, then middle names, each compared
letter by letter in the Vietnamese alphabet (a ă â b c d đ e ê ...) with tones as
the last tie-breaker (ngang, huyền, hỏi, ngã, sắc, nặng).
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")

# Vietnamese alphabet order, with the Latin letters Vietnamese does not use slotted in
# where they fall so that foreign names still sort sensibly.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# Tone marks (combining characters) in dictionary order; 0 is no tone (ngang).
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Marks that make a different letter rather than a tone: breve, circumflex, horn.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics, map đ to d, collapse spaces."""
    if not text:
        return ""
    lowered = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip()


def _letter_code(letter: str) -> str:
    """Two lower-case characters that sort in Vietnamese alphabet order."""
    index = _ALPHABET.find(letter)
    if index < 0:  # digits and anything else sort after the alphabet, in code order
        index = len(_ALPHABET) + min(ord(letter), 25 * 26)
    return chr(ord("a") + index // 26) + chr(ord("a") + index % 26)


def _word_key(word: str) -> str:
    letters: list[str] = []
    tone = 0
    for base in unicodedata.normalize("NFD", word.lower()):
        if base in _TONES:
            tone = _TONES[base]
        elif base in _LETTER_MARKS and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + base)
        elif unicodedata.combining(base):
            continue
        elif base.isalnum():
            letters.append(base)
    return "".join(_letter_code(letter) for letter in letters) + str(tone + 1)


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) of a Vietnamese full name."""
    words = _SPACES.sub(" ", (full_name or "").strip()).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def name_sort_key(full_name: str) -> str:
    """A key of [a-z0-9] only, so that SQLite and PostgreSQL (any collation) agree.

    Order: given name, then family name, then middle names. Word keys are joined
    with "0", which sorts before every letter code and every tone digit (1-6).
    """
    family, middle, given = split_name(full_name)
    parts = [given, family, *middle.split(" ")] if middle else [given, family]
    return "0".join(_word_key(part) for part in parts if part)[:250]
