"""Country adjectives (nisba) as the Arabic press writes them: the one table for them.

"سنجار العراقية" says which Sinjar is meant, and an article full of "العراقي/العراقية"
is about Iraq even when it never names the country. Stems are folded (rasd.text.normalise)
masculine singular forms without the article; :func:`demonym_country` accepts the
article, glued و/ب/ل, the feminine ending and the plurals.

Left out on purpose: مالي ("financial"), نيجري/نيجيري (Niger and Nigeria are confused
in print), and adjectives of peoples rather than states (كردي، عربي).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rasd.text.normalise import normalize

_STEMS: dict[str, tuple[str, ...]] = {
    "IQ": ("عراقي",),
    "SY": ("سوري",),
    "LY": ("ليبي",),
    "YE": ("يمني",),
    "SD": ("سوداني",),
    "EG": ("مصري",),
    "TN": ("تونسي",),
    "DZ": ("جزائري",),
    "MA": ("مغربي",),
    "MR": ("موريتاني",),
    "TD": ("تشادي",),
    "SO": ("صومالي",),
    "LB": ("لبناني",),
    "JO": ("أردني",),
    "PS": ("فلسطيني",),
    "IL": ("إسرائيلي",),
    "SA": ("سعودي",),
    "AE": ("إماراتي",),
    "QA": ("قطري",),
    "KW": ("كويتي",),
    "BH": ("بحريني",),
    "OM": ("عماني",),
    "IR": ("إيراني",),
    "TR": ("تركي",),
    "AF": ("أفغاني",),
    "PK": ("باكستاني",),
    "RU": ("روسي",),
    "US": ("أمريكي", "أميركي"),
    "FR": ("فرنسي",),
    "GB": ("بريطاني",),
    "DE": ("ألماني",),
    "IT": ("إيطالي",),
    "CN": ("صيني",),
    "BF": ("بوركيني",),
    "ET": ("إثيوبي",),
    "ER": ("إريتري",),
    "ES": ("إسباني",),
    "GR": ("يوناني",),
    "BG": ("بلغاري",),
}
_BY_STEM: dict[str, str] = {normalize(s): code for code, stems in _STEMS.items() for s in stems}
_WORD_RE = re.compile(r"[\u0621-\u064a]+")
# Folded endings: feminine (ه), plurals (ين/ون), feminine plural (ات after the stem's ي).
_ENDINGS = ("يين", "يون", "يات", "يه", "ي")
# Last letters (as written, before folding) of any word that folds to one of the endings.
_LAST_LETTERS = frozenset("يىةهنتـ")


@lru_cache(maxsize=1 << 14)
def demonym_country(word: str) -> str | None:
    """The ISO code whose adjective ``word`` is ("العراقية" -> "IQ"), else None."""
    w = normalize(word)
    # The word as written first: "فلسطيني" starts with what looks like a glued ف + ل.
    for form in _without_clitics(w):
        for end in _ENDINGS:
            if form.endswith(end):
                code = _BY_STEM.get(form[: len(form) - len(end)] + "ي")
                if code:
                    return code
    return None


def _without_clitics(w: str) -> list[str]:
    """``w``, then the forms left after dropping a glued و/ف/ب/ك/ل and the article."""
    forms = [w]
    rest = w[1:] if w[:1] in ("و", "ف", "ب", "ك", "ل") and len(w) > 5 else ""
    for x in (w, rest):
        if x.startswith(("ال", "لل")) and len(x) > 4:
            forms.append(x[2:])  # "العراقية", "للعراقيين", "بالعراقية", "وللعراقية"
    return forms


def document_countries(text: str) -> Counter[str]:
    """How often each country's adjective occurs in ``text``."""
    out: Counter[str] = Counter()
    for m in _WORD_RE.finditer(text or ""):
        word = m.group()
        if word[-1] not in _LAST_LETTERS:
            continue  # cannot end like an adjective: not folded nor looked up (a third of linking time)
        code = demonym_country(word)
        if code:
            out[code] += 1
    return out


def adjective_after(text: str, end: int) -> str | None:
    """The country of an adjective written right after a name ("سرت الليبية"), if any."""
    m = _WORD_RE.match(text, end + 1) if text[end : end + 1] == " " else None
    if m is None:
        return None
    word = m.group()
    if not normalize(word).startswith(("ال", "وال")):
        return None
    return demonym_country(word)
