"""What a number counts: the counted noun, the measure, and numbers that are not counts.

Measure comes from the counted noun (قتيلا → killed, جندي → troops), and for nouns naming
people in general — or no noun at all — from the verb around the number (قتل 5 أشخاص,
مقتل 12, إصابة 3). A casualty verb wins over a fighters/troops noun: in "مقتل 5 جنود"
the figure is a death toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.quantity import lexicon as lx
from rasd.quantity.numbers import NumberMatch, Scan, strip_prefixes

_CLAUSE_BREAKS = {".", "،", ",", "؛", ";", ":", "!", "؟", "?", "(", ")", '"', "«", "»"}
_NOUN_SKIP = {"من", "الف", "مليون"}  # "عشرات من المقاتلين": skip the partitive من


@dataclass(slots=True)
class MeasureResult:
    measure: str
    unit: str | None  # the counted noun as written in the original text
    unit_tok: int | None  # token index of the counted noun


def _lookup(word: str, table: dict[str, str] | set[str]) -> str | None:
    prefix, base = strip_prefixes(word, table)  # type: ignore[arg-type]
    if base in table:
        return base
    return None


def counted_noun(sc: Scan, m: NumberMatch) -> int | None:
    """Token index of the noun the number counts: the next word, past a partitive من."""
    j = m.tok_end
    if sc.word(j) == "من" and sc.word(j + 1)[:2] == "ال":
        j += 1
    w = sc.word(j)
    if not w or w in _CLAUSE_BREAKS or sc.toks[j].is_digit:
        return None
    if not (w[0].isalpha() or w in ("$", "€")):
        return None
    return j


def _cue_measure(sc: Scan, i: int) -> str | None:
    """An event cue word at token ``i`` (after stripping و/ف/ب/ل), or None."""
    w = sc.word(i)
    for cand in (w, w[1:] if len(w) > 2 and w[0] in "وفبل" else "", w[2:] if w[:2] in ("وب", "ول", "فب") else ""):
        if cand and cand in lx.EVENT_CUE_WORDS:
            return lx.EVENT_CUE_WORDS[cand]
    return None


def event_cue(sc: Scan, m: NumberMatch, noun: int | None) -> str | None:
    """The nearest event cue before the number (same clause), else right after its noun."""
    k = m.tok_start - 1
    steps = 0
    while k >= 0 and steps < 6:
        w = sc.word(k)
        if w in _CLAUSE_BREAKS:
            break
        if sc.toks[k].is_digit:
            break
        cue = _cue_measure(sc, k)
        if cue:
            return cue
        k -= 1
        steps += 1
    after = (noun + 1) if noun is not None else m.tok_end
    for k in range(after, min(after + 3, len(sc.toks))):
        if sc.word(k) in _CLAUSE_BREAKS or sc.toks[k].is_digit:
            break
        cue = _cue_measure(sc, k)
        if cue in lx.CASUALTY_MEASURES:
            return cue
    return None


def measure_of(sc: Scan, m: NumberMatch) -> MeasureResult:
    """Measure and counted noun of one number."""
    noun = counted_noun(sc, m)
    unit = sc.original[sc.toks[noun].start : sc.toks[noun].end] if noun is not None else None
    if m.percent:
        marker = sc.toks[m.tok_end - 1]
        return MeasureResult("percent", sc.original[marker.start : marker.end], None)
    noun_measure: str | None = None
    is_person = False
    if noun is not None:
        w = sc.word(noun)
        base = _lookup(w, lx.MEASURE_NOUNS)
        if base is not None:
            noun_measure = lx.MEASURE_NOUNS[base]
        if _lookup(w, lx.PERSON_NOUNS) is not None:
            is_person = True
            adjective = _lookup(sc.word(noun + 1), lx.MEASURE_NOUNS)  # "عائلة نازحة", "مدنيين جرحى"
            if adjective is not None and noun_measure is None:
                noun_measure = lx.MEASURE_NOUNS[adjective]
    cue = event_cue(sc, m, noun)
    if noun_measure in (None, *lx.PERSON_MEASURES) and cue in lx.CASUALTY_MEASURES and (
        noun is None or is_person or noun_measure in lx.PERSON_MEASURES or _looks_like_people(sc, noun)
    ):
        return MeasureResult(cue, unit, noun)
    if noun_measure is not None:
        return MeasureResult(noun_measure, unit, noun)
    if cue in ("killed", "injured") and noun is None:
        return MeasureResult(cue, unit, noun)
    if cue in lx.PERSON_MEASURES and is_person:
        return MeasureResult(cue, unit, noun)
    return MeasureResult("other", unit, noun)


def _looks_like_people(sc: Scan, noun: int) -> bool:
    """Nisba plurals (سوريين، فلسطينيا) name people; the cue decides what happened to them."""
    w = sc.word(noun)
    return w.endswith(("يين", "يون", "يا")) and len(w) > 4


def not_count_reason(sc: Scan, m: NumberMatch, unit_tok: int | None) -> str | None:
    """Why this number is not a quantity worth keeping (a year, a label, an age ...), or None."""
    if not m.parsed:
        return None  # kept as unparsed evidence
    prev = sc.word(m.tok_start - 1)
    prev_base = prev[1:] if len(prev) > 2 and prev[0] in "وبل" and prev[1:] in lx.LABEL_WORDS else prev
    nxt = sc.word(m.tok_end)
    if prev_base in lx.LABEL_WORDS or prev in ("#", "№") or prev.lower() in ("no", "n°"):
        return "label"
    if unit_tok is not None and _lookup(sc.word(unit_tok), lx.TIME_UNITS) is not None:
        return "duration or age"
    if nxt in lx.MONTHS or prev in lx.MONTHS or _lookup(nxt, lx.MONTHS) or _lookup(prev, lx.MONTHS):
        return "date"
    if m.is_digit_only and m.value is not None:
        text = sc.toks[m.tok_start].text
        if m.value == int(m.value) and 1900 <= m.value <= 2100 and len(text) == 4:
            base_prev = prev[1:] if prev[:1] in "وبلف" and prev[1:] in lx.YEAR_CUES else prev
            if base_prev in lx.YEAR_CUES or nxt in lx.YEAR_SUFFIXES or unit_tok is None or (
                _lookup(sc.word(unit_tok), lx.MEASURE_NOUNS) is None
                and _lookup(sc.word(unit_tok), lx.PERSON_NOUNS) is None
            ):
                return "year"
        if len(text) >= 8 and text.startswith("0") or text.startswith("00"):
            return "phone number"
        if prev in ("+",) and len(text) >= 6:
            return "phone number"
    if prev in lx.AGE_CUES or sc.word(m.tok_start - 2) in lx.AGE_CUES and prev == "من":
        return "age"
    if prev == "(" and nxt == ")" and m.is_digit_only:
        return "age or label in brackets"
    return None
