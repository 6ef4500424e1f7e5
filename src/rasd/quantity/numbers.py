"""Numbers in Arabic text: digits in any script, number words, ranges, bounds and changes.

Everything is matched on the folded text (``rasd.text.normalise.NormalizedText``) and
reported at original offsets. The parser never raises on odd input: a number it cannot
read (500 digits, ``1e309``, mixed digit scripts, a range with one side missing) comes
back with ``parsed=False`` and a reason, so the stage can keep it as evidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rasd.quantity import lexicon as lx
from rasd.text.normalise import ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, NormalizedText

MAX_DIGITS = 15  # beyond this a float cannot hold the count exactly; no real count is that long

_TOKEN_RE = re.compile(
    # digits (letters glued on are kept to report them); "2،6 مليون": an Arabic decimal comma before a
    # multiplier word is read as a decimal point
    r"[0-9]+(?:[.,][0-9]+|،[0-9]{1,2}(?=\s*(?:مليون|مليار|ملايين|مليارات|الف)))*"
    r"(?:[A-Za-z]+[0-9A-Za-z.,]*)?"
    r"|[\u0621-\u063A\u0641-\u064A]+"  # Arabic letters (folded text has no diacritics/tatweel)
    r"|[A-Za-z]+"
    r"|\S"
)
# Dates and clock times written with digits are not counts: 2014-03-23, 23/3/2014, 10:30.
_DATE_RE = re.compile(r"\b\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\b|\b\d{1,2}:\d{2}\b")
_GLUED_UNITS = {"km", "kg", "m", "cm", "mm", "h", "k"}


@dataclass(slots=True)
class Tok:
    """One token of the folded text; ``start``/``end`` are original offsets."""

    text: str  # folded
    start: int
    end: int
    fstart: int
    fend: int

    @property
    def is_digit(self) -> bool:
        return self.text[:1].isdigit()


@dataclass(slots=True)
class Scan:
    """Folded text and its tokens, shared by the number, measure and attribution steps."""

    original: str
    norm: NormalizedText
    toks: list[Tok]
    skip: set[int] = field(default_factory=set)  # token indices inside digit dates/clock times

    def word(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""


def scan(text: str) -> Scan:
    norm = NormalizedText(text)
    toks: list[Tok] = []
    for m in _TOKEN_RE.finditer(norm.text):
        start, end = norm.to_original(m.start(), m.end())
        toks.append(Tok(m.group().replace("،", ","), start, end, m.start(), m.end()))
    skip: set[int] = set()
    dates = [(m.start(), m.end()) for m in _DATE_RE.finditer(norm.text)]
    if dates:
        for i, t in enumerate(toks):
            if any(s <= t.fstart and t.fend <= e for s, e in dates):
                skip.add(i)
    return Scan(text, norm, toks, skip)


def strip_prefixes(
    word: str, table: dict[str, tuple[str, float]] | set[str] | dict[str, str]
) -> tuple[str, str]:
    """Split a clitic prefix (و، ب، ل، ال ...) off ``word`` when the rest is in ``table``."""
    if word in table:
        return "", word
    for p in lx.NUMBER_PREFIXES:
        if word.startswith(p) and word[len(p) :] in table:
            return p, word[len(p) :]
    return "", word


@dataclass(slots=True)
class _Elem:
    kind: str  # digit, unit, ten, hundred, mult, dual, vague, few, fraction, teen_only
    value: float
    index: int  # token index
    conj: bool = False
    definite: bool = False
    ambiguous_thousands: bool = False  # "12.500": a decimal or twelve thousand five hundred
    reason: str | None = None


@dataclass(slots=True)
class NumberMatch:
    """A number phrase with its value and qualifier; offsets are original."""

    start: int
    end: int
    tok_start: int  # first token index of the number phrase (after qualifier words)
    tok_end: int  # token index after the phrase (including a % sign)
    value: float | None
    min: float | None
    max: float | None
    qualifier: str = "exact"
    parsed: bool = True
    reason: str | None = None
    percent: bool = False
    words: bool = False  # written (at least partly) in words
    is_digit_only: bool = False
    text: str = ""
    noun_tok: int | None = None  # the counted noun when it is not after the number (dual noun, "مدني واحد")
    q_start: int = -1  # first token of the whole match (qualifier words included); -1: same as tok_start

    @property
    def first_tok(self) -> int:
        return self.q_start if self.q_start >= 0 else self.tok_start


def _digit_scripts(s: str) -> int:
    scripts = 0
    scripts |= 1 if any("0" <= c <= "9" for c in s) else 0
    scripts |= 2 if any(c in ARABIC_INDIC_DIGITS for c in s) else 0
    scripts |= 4 if any(c in PERSIAN_DIGITS for c in s) else 0
    return bin(scripts).count("1")


def parse_digits(s: str) -> tuple[float | None, str | None, bool]:
    """Value of a folded digit string; (value, reason-if-unreadable, ambiguous '12.500')."""
    digits = sum(c.isdigit() for c in s)
    if re.search(r"[A-Za-z]", s):
        return None, f"letters inside a number: {s[:40]!r}", False
    if digits > MAX_DIGITS:
        return None, f"too many digits ({digits})", False
    try:
        if re.fullmatch(r"\d+", s):
            return float(int(s)), None, False
        if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):
            return float(int(s.replace(".", ""))), None, False
        if re.fullmatch(r"\d+\.\d{3}", s):
            return float(s), None, True
        if re.fullmatch(r"\d+[.,]\d+", s):
            value = float(s.replace(",", "."))
            return (value, None, False) if math.isfinite(value) else (None, "not a finite number", False)
    except (OverflowError, ValueError) as exc:  # defensive: never let a number crash the stage
        return None, f"unreadable number: {exc}", False
    return None, f"unrecognised separators in {s[:40]!r}", False


def _elem(sc: Scan, i: int) -> _Elem | None:
    if i >= len(sc.toks) or i in sc.skip:
        return None
    tok = sc.toks[i]
    if tok.is_digit:
        raw = sc.original[tok.start : tok.end]
        text = tok.text
        m = re.fullmatch(r"([0-9.,]+?)([A-Za-z]+)", text)
        if m and m.group(2).lower() in _GLUED_UNITS:
            text = m.group(1)
        value, reason, ambiguous = parse_digits(text)
        if reason is None and _digit_scripts(raw) > 1:
            value, reason = None, f"mixed digit scripts in {raw[:40]!r}"
        return _Elem("digit", value or 0.0, i, ambiguous_thousands=ambiguous, reason=reason)
    prefix, base = strip_prefixes(tok.text, lx.NUMBER_WORDS)
    if base not in lx.NUMBER_WORDS:
        return None
    kind, value = lx.NUMBER_WORDS[base]
    if base == "اثني" and not sc.word(i + 1).startswith("عشر"):
        return None  # "اثني" only counts in "اثني عشر"; alone it is the verb "أثنى" (praised)
    if "\u0651" in sc.original[tok.start : tok.end] and base == "الف":
        return None  # "ألّف كتابا": with a shadda it is the verb "authored", not a thousand
    return _Elem(kind, value, i, conj=prefix.startswith("و"), definite="ال" in prefix or prefix == "لل")


_CONJ_NEXT = {
    "unit": {"ten"},
    "teen_only": set(),
    "hundred": {"unit", "ten", "teen_only"},
    "mult": {"hundred", "unit", "ten", "fraction", "digit", "teen_only"},
    "dual": {"hundred", "unit", "ten", "fraction", "digit", "teen_only"},
}
_PLAIN_NEXT = {
    "unit": {"mult", "hundred"},
    "teen_only": set(),
    "ten": {"mult"},
    "hundred": {"mult"},
    "digit": {"mult"},
    "vague": {"mult"},
    "few": {"mult", "vague"},
    "fraction": {"mult"},
}


def _next_elem(sc: Scan, j: int, prev: _Elem, elems: list[_Elem]) -> tuple[_Elem | None, int]:
    """The element that continues a number phrase at token ``j`` (and the token after it)."""
    conj_tok = sc.word(j) == "و"
    k = j + 1 if conj_tok else j
    e = _elem(sc, k)
    if e is None:
        return None, j
    conj = conj_tok or e.conj
    if conj:
        if e.kind not in _CONJ_NEXT.get(prev.kind, set()):
            return None, j
        if prev.kind == "unit" and (prev.value == 10 or any(x.kind == "ten" for x in elems)):
            return None, j
        if e.kind == "digit" and prev.kind in ("mult", "dual") and e.value >= prev.value:
            return None, j
        if e.kind == "teen_only" and _elem(sc, k + 1) is None:
            return None, j
        after = _elem(sc, k + 1)
        if prev.kind == "mult" and after is not None and after.kind == "mult" and after.value >= prev.value:
            return None, j  # "27 ألفا و31 ألف": a second number of thousands, not 27,031
        e.conj = True
        return e, k + 1
    if e.kind == "unit" and e.value == 10 and prev.kind in ("unit", "teen_only") and prev.value < 10:
        return e, k + 1  # خمسة عشر
    if e.kind in _PLAIN_NEXT.get(prev.kind, set()):
        if e.kind == "hundred" and (prev.kind != "unit" or prev.value >= 10 or e.value != 100):
            return None, j
        if e.kind == "vague" and e.definite is False and prev.kind == "few":
            return e, k + 1
        if prev.kind == "mult" and e.kind == "mult":
            return None, j
        return e, k + 1
    return None, j


def _combine(elems: list[_Elem]) -> float:
    total = 0.0
    current = 0.0
    last_factor = 1.0
    for idx, e in enumerate(elems):
        prev = elems[idx - 1] if idx else None
        if e.kind == "vague" and prev is not None and prev.kind == "few":
            current *= e.value  # "بضع مئات": a few hundred
        elif e.kind in ("unit", "teen_only", "digit", "ten", "vague", "few"):
            current += e.value
        elif e.kind == "hundred":
            if prev is not None and prev.kind == "unit" and not e.conj and current < 10:
                current *= 100
            else:
                current += e.value
        elif e.kind == "mult":
            if current == 0:
                current = 1
            if prev is not None and prev.kind == "digit" and current >= 1000 and e.value == 1000:
                total += current  # the redundant "7000 آلاف"
            else:
                total += current * e.value
            current = 0
            last_factor = e.value
        elif e.kind == "dual":
            total += e.value
            last_factor = e.value / 2
        elif e.kind == "fraction":
            nxt = elems[idx + 1] if idx + 1 < len(elems) else None
            if nxt is not None and nxt.kind == "mult":
                current += e.value
            else:
                total += e.value * last_factor
    return total + current


@dataclass(slots=True)
class _Phrase:
    elems: list[_Elem]
    tok_start: int
    tok_end: int
    value: float | None
    reason: str | None
    vague: bool
    few: bool
    mult: float  # trailing multiplier (for ranges sharing it: بين 3 و4 آلاف)


def _starts_phrase(sc: Scan, i: int) -> bool:
    e = _elem(sc, i)
    if e is None:
        return False
    prev = sc.word(i - 1)
    ordinal_before = prev in lx.ORDINAL_STEMS or strip_prefixes(prev, lx.ORDINAL_STEMS)[1] in lx.ORDINAL_STEMS
    if ordinal_before and e.kind == "digit" and sc.word(i - 2) in lx.MONTHS:
        return False  # "كانون الثاني 2017": a month name ending in an ordinal
    if ordinal_before and e.kind != "digit":
        return False  # "الحادي عشر"; a digit after an ordinal ("الأشهر الأولى 5015 حادث") is a count
    nxt = _elem(sc, i + 1)
    if e.kind == "teen_only":
        return nxt is not None and nxt.kind == "unit" and nxt.value == 10
    if e.kind == "fraction":
        return nxt is not None and nxt.kind == "mult"
    if e.kind == "unit" and e.value == 1:
        # "واحد" alone is mostly "one and the same"; count it inside a compound or after a noun it counts.
        return _next_elem(sc, i + 1, e, [e])[0] is not None or _counted_before(sc, i) is not None
    if e.kind == "unit" and e.value == 2 and e.definite:
        return False  # الاثنين: Monday or "both"
    if e.kind in ("ten", "hundred") and e.definite:
        return False  # العشرين: mostly an ordinal (القرن العشرين)
    # الألف: "the thousand" is a name more often than a count
    return not (
        e.kind == "mult"
        and e.definite
        and sc.toks[i].text.startswith("ال")
        and lx.NUMBER_WORDS.get(sc.toks[i].text[2:], ("", 0))[0] == "mult"
        and sc.toks[i].text[2:] not in lx.PLURAL_MULTIPLIERS
    )


def _counted_before(sc: Scan, i: int) -> int | None:
    """The noun before an adjectival number ("مدني واحد", "مقاتلين اثنين") that it counts, or None."""
    if strip_prefixes(sc.toks[i].text, lx.ADJECTIVAL_NUMBERS)[1] not in lx.ADJECTIVAL_NUMBERS:
        return None
    tables = (lx.PERSON_NOUNS, lx.MEASURE_NOUNS)
    prev = sc.word(i - 1)
    if any(strip_prefixes(prev, table)[1] in table for table in tables):
        return i - 1
    # "جندي إسرائيلي واحد": a nisba adjective between the noun and its number
    before = sc.word(i - 2)
    if _nisba_like(prev) and any(strip_prefixes(before, table)[1] in table for table in tables):
        return i - 2
    return None


def _nisba_like(word: str) -> bool:
    return len(word) > 3 and word.endswith(("ي", "يه", "يين", "يون", "يا"))


def _definite_dual_victims(sc: Scan, i: int) -> bool:
    """ "مقتل الجنديين", "وقتلت الرجلين": a definite dual right after a casualty cue counts two.

    Elsewhere a definite dual points back at people already counted ("الجنديان أصيبا").
    """
    w = sc.word(i)
    for prefix in ("وال", "ال"):
        if w.startswith(prefix) and dual_measure(w[len(prefix) :]) is not None:
            break
    else:
        return False
    prev = sc.word(i - 1)
    cands = [prev] + [
        prev[len(p) :] for p in ("و", "ف", "ب") if prev.startswith(p) and len(prev) > len(p) + 2
    ]
    return any(lx.EVENT_CUE_WORDS.get(c) in ("killed", "injured", "detained") for c in cands)


def dual_measure(word: str) -> str | None:
    """The measure a dual noun counts ("person" for people in general), else None.

    Listed duals, plus the -ين/-ان forms of people nouns whose plural is broken (طبيبين،
    رجلان: never a plural) and the nominative -يان of nisba nouns (فلسطينيان، عسكريان: the
    plural would end in -يون).
    """
    if word in lx.DUAL_NOUNS:
        return lx.DUAL_NOUNS[word]
    if len(word) < 5:
        return None
    stem = word[:-2]
    if word.endswith(("ين", "ان")) and stem in lx.BROKEN_PLURAL_SINGULARS:
        return lx.BROKEN_PLURAL_SINGULARS[stem]
    if word.endswith("يان") and (stem in lx.PERSON_NOUNS or stem in lx.MEASURE_NOUNS):
        measure = lx.MEASURE_NOUNS.get(stem)
        return measure if measure in (*lx.PERSON_MEASURES, *lx.CASUALTY_MEASURES) else "person"
    return None


def _dual_noun(sc: Scan, i: int) -> NumberMatch | None:
    """A dual noun counting two ("وفردين من", "قتل شخصان"), with an optional "اثنين" after it."""
    if i in sc.skip:
        return None
    w = sc.toks[i].text
    if not w.endswith(("ين", "ان")):
        return None  # every dual ends so; most tokens are rejected here cheaply
    base = w[1:] if w[:1] in "وف" and dual_measure(w[1:]) is not None else w
    if dual_measure(base) is None and not _definite_dual_victims(sc, i):
        return None
    prev = sc.word(i - 1)
    if base not in lx.DUAL_NOUNS and prev.endswith(("ان", "ين")) and len(prev) > 4:
        return None  # "مصدران دبلوماسيان": a derived dual after a dual noun is its adjective
    if w.endswith("ان") and prev.endswith("ان") and len(prev) > 4 and prev not in lx.NUMBER_WORDS:
        return None  # "تفجيران انتحاريان": even a listed dual is an adjective after a nominative dual
    end = i + 1
    if strip_prefixes(sc.word(end), lx.ADJECTIVAL_NUMBERS)[1] in lx.ADJECTIVAL_NUMBERS:
        end += 1
    return NumberMatch(
        sc.toks[i].start,
        sc.toks[end - 1].end,
        i,
        end,
        2.0,
        2.0,
        2.0,
        words=True,
        text=_text(sc, i, end),
        noun_tok=i,
    )


def _phrase(sc: Scan, i: int) -> _Phrase | None:
    if not _starts_phrase(sc, i):
        return None
    first = _elem(sc, i)
    assert first is not None
    if first.kind == "mult" and strip_prefixes(sc.toks[i].text, lx.NUMBER_WORDS)[1] in lx.PLURAL_MULTIPLIERS:
        first = _Elem("vague", first.value, i, conj=first.conj, definite=first.definite)
    elems = [first]
    j = i + 1
    while True:
        e, nj = _next_elem(sc, j, elems[-1], elems)
        if e is None:
            break
        elems.append(e)
        j = nj
    reason = next((e.reason for e in elems if e.reason), None)
    value = None if reason else _combine(elems)
    if value is not None and elems[0].ambiguous_thousands and not any(e.kind == "mult" for e in elems):
        value = float(int(sc.toks[elems[0].index].text.replace(".", "")))
    if value is not None and not math.isfinite(value):
        value, reason = None, "not a finite number"
    mult = elems[-1].value if elems[-1].kind == "mult" else 1.0
    return _Phrase(
        elems,
        i,
        j,
        value,
        reason,
        vague=any(e.kind == "vague" for e in elems),
        few=any(e.kind == "few" for e in elems),
        mult=mult,
    )


def _matches_before(sc: Scan, i: int, pattern: tuple[str, ...]) -> bool:
    """Whether the tokens ending right before ``i`` spell ``pattern`` (first word may carry و/ب/ل/ف)."""
    start = i - len(pattern)
    if start < 0:
        return False
    for k, word in enumerate(pattern):
        tok = sc.word(start + k)
        if tok == word:
            continue
        if k == 0 and len(tok) > 1 and tok[0] in "وبلف" and tok[1:] in (word, word.removeprefix("ال")):
            continue
        if k == 0 and tok[:2] in ("وب", "ول", "فب") and tok[2:] == word:
            continue
        return False
    return True


_NEGATIONS = {"لا", "لم", "لن", "ليس", "ليست", "ولا", "ولم"}


def _qualifier_before(sc: Scan, i: int) -> tuple[str | None, int]:
    for pattern, qualifier in lx.QUALIFIER_BEFORE:
        if _matches_before(sc, i, pattern):
            start = i - len(pattern)
            # "ولا تشكل هذه المناطق أكثر من 3 بالمئة": a denied minimum is a maximum
            denied = any(sc.word(k) in _NEGATIONS for k in range(max(0, start - 4), start))
            if qualifier == "at_least" and not _NEGATIONS & set(pattern) and denied:
                return "at_most", start
            return qualifier, start
    return None, i


def _qualifier_after(sc: Scan, j: int) -> str | None:
    """A qualifier after the number or after its noun: "5 قتلى على الأقل"."""
    for skip in (0, 1, 2):
        for pattern, qualifier in lx.QUALIFIER_AFTER:
            at = j + skip
            if all(sc.word(at + k) == w for k, w in enumerate(pattern)):
                if skip and any(
                    sc.word(j + s) in ("،", ",", ".", "و") or sc.toks[j + s].is_digit for s in range(skip)
                ):
                    continue
                return qualifier
    return None


def _percent_after(sc: Scan, j: int) -> int:
    """Token index after a percent marker at ``j`` (``j`` itself when there is none)."""
    if sc.word(j) in lx.PERCENT_SIGNS:
        return j + 1
    for pattern in lx.PERCENT_WORDS:
        if all(sc.word(j + k) == w for k, w in enumerate(pattern)):
            return j + len(pattern)
    return j


def _is_joiner(sc: Scan, j: int) -> tuple[str | None, int]:
    """A range joiner at token ``j`` and the index where the second number starts."""
    w = sc.word(j)
    if w in ("-", "–", "—", "الي", "او", "حتي"):
        return w, j + 1
    if w == "و":
        return "و", j + 1
    if w.startswith("و") and _elem(sc, j) is not None and _elem(sc, j).conj:  # type: ignore[union-attr]
        return "و", j
    return None, j


def _second_phrase(sc: Scan, k: int) -> _Phrase | None:
    """The number after a joiner; a و glued to it (و4000 / وأربعة) is not part of it."""
    e = _elem(sc, k)
    if e is None:
        return None
    p = _phrase(sc, k)
    return p


def find_numbers(sc: Scan) -> list[NumberMatch]:
    """Every number phrase in the scanned text, left to right, non-overlapping."""
    out: list[NumberMatch] = []
    i = 0
    n = len(sc.toks)
    while i < n:
        p = _phrase(sc, i)
        if p is None:
            dual = _dual_noun(sc, i)
            if dual is not None:
                out.append(dual)
                i = dual.tok_end
            else:
                i += 1
            continue
        out.append(_resolve(sc, p))
        noun = _counted_before(sc, p.tok_start)
        if noun is not None and out[-1].qualifier == "exact":
            out[-1].noun_tok = noun
        i = max(out[-1].tok_end, i + 1)
    return out


def _resolve(sc: Scan, p: _Phrase) -> NumberMatch:
    """Turn a phrase into a match: ranges, changes, bounds, percent, vague amounts."""
    start_i = p.tok_start
    qualifier = "exact"
    value, lo, hi = p.value, p.value, p.value
    reason = p.reason
    end_i = p.tok_end
    opener = None
    before = sc.word(start_i - 1)
    among = before == "بين" and sc.word(start_i - 2) in ("من", "ومن")  # "من بين 4 جواسيس": among
    if not among and (before in lx.RANGE_OPENERS or (before[:1] in "وف" and before[1:] in lx.RANGE_OPENERS)):
        opener = "between"
        if sc.word(start_i - 2) == "ما":
            start_i -= 1
        start_i -= 1
    elif before in ("من", "ومن"):
        opener = "from"
    joiner, k = _is_joiner(sc, p.tok_end)
    second = _second_phrase(sc, k) if joiner else None
    own_noun = False  # the first number has its own noun, so it shares no multiplier
    if opener in ("between", "from") and second is None and sc.word(p.tok_end) not in ("،", ",", "."):
        # "بين 6 سنوات و14 سنة", "من 20 دينارا إلى 50 ألف دينار": the noun is repeated after each number
        joiner, k = _is_joiner(sc, p.tok_end + 1)
        allowed = ("و", "الي", "-") if opener == "between" else ("الي", "حتي")
        second = _second_phrase(sc, k) if joiner in allowed else None
        own_noun = second is not None
    if second is not None and joiner == "و" and opener != "between":
        second = None  # "3 و 5" without بين is a list, not a range
    dash = joiner in ("-", "–", "—")
    loose = dash or (joiner in ("الي", "حتي") and opener not in ("between", "from"))
    if second is not None and loose and not _increasing(p, second):
        second = None  # "200 إلى 300" is a range, "2 - 1" is not
    if (
        second is not None
        and joiner in ("-", "–", "—")
        and not (sc.toks[p.tok_start].is_digit and sc.toks[second.tok_start].is_digit)
    ):
        second = None
    if opener == "between" and second is None and not _joiner_follows(sc, p.tok_end):
        # "صدامات بين مئات الشبان والجيش": between two parties, not a range
        opener, start_i = None, p.tok_start
    if opener == "between" and second is None:
        return NumberMatch(
            sc.toks[start_i].start,
            sc.toks[end_i - 1].end,
            p.tok_start,
            end_i,
            None,
            p.value,
            None,
            "range",
            parsed=False,
            reason="range with one side missing",
            text=_text(sc, start_i, end_i),
        )
    if second is not None:
        v1, v2 = p.value, second.value
        end_i = second.tok_end
        reason = reason or second.reason
        if (
            v1 is not None
            and v2 is not None
            and not own_noun
            and second.mult > 1
            and p.mult == 1
            and v1 < second.mult
            and v1 * second.mult <= v2
        ):
            v1 *= second.mult  # "بين 3 و4 آلاف"
        if reason or v1 is None or v2 is None:
            return NumberMatch(
                sc.toks[start_i].start,
                sc.toks[end_i - 1].end,
                p.tok_start,
                end_i,
                None,
                None,
                None,
                "range",
                parsed=False,
                reason=reason or "unreadable range",
                text=_text(sc, start_i, end_i),
            )
        if opener == "from" and (v1 > v2 or _change_cue(sc, p.tok_start - 1)):
            start_i -= 1
            qualifier, value, lo, hi = "change", v2, v2, v2
        else:
            if opener == "from":
                start_i -= 1
            qualifier, value, lo, hi = "range", None, min(v1, v2), max(v1, v2)
    else:
        if p.few:
            # بضعة: three to nine (of whatever scale follows: بضع مئات → 300–900)
            qualifier, lo, hi = "vague", value, value * 3 if value is not None else None
        elif p.vague:
            qualifier, lo, hi = "vague", value, None
    if second is None and p.mult > 1 and value is not None and sc.word(end_i + 1) == "ونصف":
        value = lo = hi = value + 0.5 * p.mult  # "2 مليار دينار ونصف"
    # "ما يقارب الـ300 شخص": the article may stand between the qualifier and the number
    at = start_i - 1 if sc.word(start_i - 1) == "ال" else start_i
    q_before, q_start = _qualifier_before(sc, at)
    percent_end = _percent_after(sc, end_i)
    percent = percent_end != end_i
    end_i = percent_end
    if (
        not percent
        and sc.word(start_i - 1) in lx.PERCENT_SIGNS
        and sc.toks[p.tok_start].is_digit
        and not (start_i >= 2 and sc.toks[start_i - 2].is_digit)
    ):
        percent = True  # "٪15": the sign typed before the number in right-to-left text
        start_i -= 1
    q_after = _qualifier_after(sc, end_i) if q_before is None else None
    bound = q_before or q_after
    if bound and qualifier in ("exact", "vague") and value is not None:
        qualifier = bound
        if bound == "at_least":
            lo, hi = value, None
        elif bound == "at_most":
            lo, hi = None, value
        # approx keeps min = max = value; claim comparison widens it (rasd.quantity.claims)
    if q_before is not None:
        start_i = q_start
    if reason is not None:
        value, lo, hi = None, None, None
    return NumberMatch(
        sc.toks[start_i].start,
        sc.toks[end_i - 1].end,
        p.tok_start,
        end_i,
        value,
        lo,
        hi,
        qualifier,
        parsed=reason is None,
        reason=reason,
        percent=percent,
        words=any(e.kind != "digit" for e in p.elems),
        is_digit_only=all(e.kind == "digit" for e in p.elems) and second is None,
        text=_text(sc, start_i, end_i),
        q_start=start_i,
    )


def _joiner_follows(sc: Scan, j: int) -> bool:
    """A range joiner right after the number or after its noun ("بين 5 و", "بين 5 سنوات و")."""
    return any(_is_joiner(sc, k)[0] in ("و", "الي", "-", "–", "—") for k in (j, j + 1))


def _increasing(first: _Phrase, second: _Phrase) -> bool:
    return first.value is not None and second.value is not None and second.value > first.value


def _change_cue(sc: Scan, i: int) -> bool:
    """A change verb within a few words before token ``i`` (ارتفع العدد من 9 إلى 12)."""
    for k in range(max(0, i - 6), i):
        w = sc.word(k)
        if any(w == c or (len(w) > 1 and w[0] in "وفل" and w[1:] == c) for c in lx.CHANGE_CUES):
            return True
    return False


def _text(sc: Scan, i: int, j: int) -> str:
    return sc.original[sc.toks[i].start : sc.toks[j - 1].end]


def parse_number(text: str) -> NumberMatch | None:
    """The first number phrase in ``text`` (handy for tests and the CLI)."""
    found = find_numbers(scan(text))
    return found[0] if found else None
