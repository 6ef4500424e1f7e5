"""Normalisation for matching only — never for display, never in place.

The one place for Arabic orthographic folding rules. ``normalize`` gives a
folded string; ``NormalizedText`` also keeps, for every folded character, the
offset of the original character it came from, so a match found in folded
text is reported at original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Harakat, shadda, sukun, superscript alef, Quranic marks: dropped.
_DIACRITICS = set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670}
_DIACRITICS |= set(range(0x06D6, 0x06DD)) | set(range(0x06DF, 0x06E9)) | set(range(0x06EA, 0x06EE))
TATWEEL = "\u0640"
# Zero-width and bidirectional controls, BOM, soft hyphen: dropped.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF, 0x00AD, 0x2060}
_INVISIBLE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))

ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ٬
ARABIC_DECIMAL_SEPARATOR = "\u066b"  # ٫
ARABIC_COMMA = "\u060c"  # ،

_FOLD: dict[str, str] = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ک": "ك",  # Persian keheh
    "ڪ": "ك",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    ARABIC_DECIMAL_SEPARATOR: ".",
}
for _i, (_a, _p) in enumerate(zip(ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, strict=True)):
    _FOLD[_a] = str(_i)
    _FOLD[_p] = str(_i)

_DROP = {chr(c) for c in _DIACRITICS | _INVISIBLE} | {TATWEEL}

# A character is a thousands separator when it sits between a digit and exactly
# three digits that are not followed by another digit: "12،500", "12,500", "١٢٬٥٠٠".
_GROUP_SEPARATORS = ",،٬'’"


def _fold_char(ch: str) -> str:
    if ch in _DROP:
        return ""
    folded = _FOLD.get(ch)
    if folded is not None:
        return folded
    return ch.lower() if "A" <= ch <= "Z" else ch


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Folded form of ``text`` for dictionary look-ups and matching."""
    return NormalizedText(text).text


def strip_diacritics(text: str) -> str:
    """Remove harakat and tatweel only (no letter folding)."""
    return "".join(ch for ch in text if ch not in _DROP)


def to_ascii_digits(text: str) -> str:
    return text.translate(_DIGIT_TABLE)


_DIGIT_TABLE = str.maketrans(
    {
        **{a: str(i) for i, a in enumerate(ARABIC_INDIC_DIGITS)},
        **{p: str(i) for i, p in enumerate(PERSIAN_DIGITS)},
    }
)


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or ch in ARABIC_INDIC_DIGITS or ch in PERSIAN_DIGITS


def _is_group_separator(text: str, i: int) -> bool:
    if text[i] not in _GROUP_SEPARATORS or i == 0 or not _is_digit(text[i - 1]):
        return False
    j = i + 1
    while j < len(text) and j - i <= 4 and _is_digit(text[j]):
        j += 1
    return j - i - 1 == 3


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """Folded text plus a map from folded offsets back to original offsets."""

    original: str
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; offsets[i] = original index of folded char i

    def __init__(self, original: str) -> None:
        out: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(original):
            if _is_group_separator(original, i):
                continue
            folded = _fold_char(ch)
            for f in folded:
                out.append(f)
                offsets.append(i)
        offsets.append(len(original))
        object.__setattr__(self, "original", original)
        object.__setattr__(self, "text", "".join(out))
        object.__setattr__(self, "offsets", tuple(offsets))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span covering folded ``text[start:end]`` (end exclusive)."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1

    def finditer(self, pattern: re.Pattern[str]) -> list[tuple[int, int, re.Match[str]]]:
        """Matches of ``pattern`` in the folded text, at original offsets."""
        return [(*self.to_original(m.start(), m.end()), m) for m in pattern.finditer(self.text)]
