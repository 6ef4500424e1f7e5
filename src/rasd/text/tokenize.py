"""Offset-preserving tokenisation.

Punctuation is split from words; clitics stay attached (as in ANERcorp), and
their analysis is a separate, optional layer (``rasd.text.clitics``). Numbers
keep their internal separators ("12،500", "١٢٬٥٠٠", "1.5") as one token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rasd.model import Token
from rasd.text.normalise import normalize

_ARABIC_LETTERS = (
    "\u0621-\u063a\u0640-\u065f\u0670-\u06d3\u06d5-\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d"
)
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_LATIN = "A-Za-z\u00c0-\u024f"

TOKEN_PATTERN = re.compile(
    rf"(?P<number>[{_DIGITS}]+(?:[.,،٬٫'’][{_DIGITS}]+)*)"
    rf"|(?P<word>[{_ARABIC_LETTERS}]+)"
    rf"|(?P<latin>[{_LATIN}][{_LATIN}0-9]*(?:['’\-][{_LATIN}0-9]+)*)"
    r"|(?P<other>\S)"
)

_PUNCT = set(".,،;؛:!?؟…\"'«»“”‘’()[]{}-–—/\\|*_•·۔")


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets."""
    for m in TOKEN_PATTERN.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "other"
        surface = m.group()
        if kind == "other":
            kind = "punct" if surface in _PUNCT else "symbol"
        yield Token(start=m.start(), end=m.end(), text=surface, norm=normalize(surface), kind=kind)  # type: ignore[arg-type]


def tokenize(text: str) -> list[Token]:
    return list(iter_tokens(text))
