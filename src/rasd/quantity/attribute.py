"""Whose figure it is (subject) and who says so (holder).

Subject: the group the counted people belong to, named right after the counted noun —
"مقاتل من تنظيم داعش", "مقاتلي داعش" (construct), "جندي أمريكي" (nisba),
"عناصر تابعين لـ ..." — as an NER mention when one is there, else as the noun phrase.

Holder: the speaker of a quote covering the number, else the "according to" source
(بحسب، وفقا لـ، نقلا عن ...) in the sentence, else the subject of a reporting verb
(قال، أعلن، أكد، ذكر ...) in the sentence — "وأضاف أن" with no named subject keeps the
previous sentence's holder — else the outlet (``Document.source``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.model import Mention, Quote
from rasd.quantity import lexicon as lx
from rasd.quantity.numbers import NumberMatch, Scan, strip_prefixes

_BREAKS = {".", "،", ",", "؛", ";", ":", "!", "؟", "?", "(", ")", '"', "«", "»", "-", "–", "\u201c", "\u201d"}
_SUBJECT_TYPES = {"ORG", "GPE", "NORP", "MISC", "PER", "LOC"}
_NP_STOPS = lx.HOLDER_STOPS | {"من", "و", "بعد", "قبل", "منذ", "الذي", "التي", "الذين", "كما", "حيث", "بين"}
_LINKERS = {"التابعين", "التابعة", "التابع", "التابعون", "ينتمون", "المنتمين", "الموالين", "الموالية"}


@dataclass(slots=True)
class Attribution:
    text: str | None = None
    mention_id: str | None = None


@dataclass(slots=True)
class HolderState:
    """The holder last named in the document, for "وأضاف أن ..." in a later sentence."""

    last: Attribution | None = None


def _mention_in(mentions: Sequence[Mention], start: int, end: int, types: set[str]) -> Mention | None:
    best: Mention | None = None
    for mention in mentions:
        if mention.type in types and mention.start < end and mention.end > start:
            if best is None or mention.start < best.start:
                best = mention
    return best


def _np(sc: Scan, i: int, limit: int, max_words: int = 5) -> tuple[int, int]:
    """Token range [i, j) of a noun phrase starting at ``i`` (stops at particles and punctuation)."""
    j = i
    while j < limit and j - i < max_words:
        w = sc.word(j)
        if w in _BREAKS or w in _NP_STOPS or sc.toks[j].is_digit:
            break
        base = w[1:] if w[:1] in "وف" and len(w) > 2 else w
        if j > i and any(x in lx.REPORTING_VERBS or x in lx.EVENT_CUE_WORDS for x in (w, base)):
            break
        if strip_prefixes(w, lx.NUMBER_WORDS)[1] in lx.NUMBER_WORDS:
            break
        j += 1
    return i, j


def _span_text(sc: Scan, i: int, j: int) -> str | None:
    if j <= i:
        return None
    return sc.original[sc.toks[i].start : sc.toks[j - 1].end]


def _as_attribution(sc: Scan, i: int, j: int, mentions: Sequence[Mention], types: set[str]) -> Attribution:
    if j <= i:
        return Attribution()
    mention = _mention_in(mentions, sc.toks[i].start, sc.toks[j - 1].end, types)
    if mention is not None:
        return Attribution(mention.text, mention.id)
    return Attribution(_span_text(sc, i, j))


def find_subject(
    sc: Scan, m: NumberMatch, unit_tok: int | None, sent_end_tok: int, mentions: Sequence[Mention]
) -> Attribution:
    """The group named right after the counted noun, or nothing."""
    if unit_tok is None:
        return Attribution()
    noun = sc.word(unit_tok)
    k = unit_tok + 1
    # "مقاتلي داعش" / "عناصر الجيش": construct state, the possessor follows directly.
    construct = noun.endswith("ي") and len(noun) > 4 and noun[-2:] != "يي" or strip_prefixes(noun, {"عناصر"})[1] in (
        "عناصر",
    )
    w = sc.word(k)
    if w == "من" or w in _LINKERS:
        k += 1
        if sc.word(k) in ("ل", "الى", "لـ"):
            k += 1
    elif w[:1] == "ل" and sc.word(k - 1) in _LINKERS:
        pass
    elif construct and w and w not in _BREAKS and w not in _NP_STOPS:
        pass
    elif w.endswith(("ي", "يه", "يين", "يون", "يا")) and w[:2] != "في" and len(w) > 3 and w not in _NP_STOPS:
        # nisba adjective: "جندي أمريكي" — the nationality is the subject
        return _as_attribution(sc, k, k + 1, mentions, _SUBJECT_TYPES)
    else:
        return Attribution()
    i, j = _np(sc, k, sent_end_tok, max_words=4)
    if j <= i:
        return Attribution()
    w0 = sc.word(i)
    if w0 in lx.EVENT_CUE_WORDS or w0 in lx.REPORTING_VERBS:
        return Attribution()
    return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)


def _verb_base(w: str) -> str:
    if w in lx.REPORTING_VERBS:
        return w
    if len(w) > 3 and w[0] in "وف" and w[1:] in lx.REPORTING_VERBS:
        return w[1:]
    return ""


def _source_cue_at(sc: Scan, k: int) -> int | None:
    """Token index after an "according to" cue starting at ``k``."""
    for pattern in lx.SOURCE_CUES:
        ok = True
        for n, word in enumerate(pattern):
            tok = sc.word(k + n)
            if tok == word or (n == 0 and tok[:1] in "وف" and tok[1:] == word):
                continue
            ok = False
            break
        if ok:
            after = k + len(pattern)
            nxt = sc.word(after)
            if nxt in ("ل", "لـ", "ـ"):
                after += 1
            return after
    return None


def find_holder(
    sc: Scan,
    m: NumberMatch,
    sent: tuple[int, int],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    outlet: str | None,
    state: HolderState,
) -> Attribution:
    """Who asserts the figure (see module docstring for the order of evidence)."""
    for quote in quotes:
        if quote.start <= sc.toks[m.tok_start].start < quote.end and (quote.speaker_text or quote.speaker_mention_id):
            return Attribution(quote.speaker_text, quote.speaker_mention_id)
    first, last = sent
    # 1. "according to" anywhere in the sentence, nearest to the number
    cues: list[tuple[int, int, Attribution]] = []
    for k in range(first, last):
        after = _source_cue_at(sc, k)
        if after is not None:
            i, j = _np(sc, after, last, max_words=6)
            if j > i:
                cues.append((abs(k - m.tok_start), k, _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)))
    if cues:
        found = min(cues, key=lambda c: (c[0], c[1]))[2]
        state.last = found
        return found
    # 2. reporting verb: the nearest one before the number, else the first after it
    verbs = [k for k in range(first, last) if _verb_base(sc.word(k)) and _reporting(sc, k)]
    before = [k for k in verbs if k < m.tok_start]
    after_v = [k for k in verbs if k > m.tok_end]
    if before:
        att = _verb_subject(sc, before[-1], first, last, mentions)
        if att.text:
            state.last = att
            return att
        if state.last is not None:
            return state.last  # "وأضاف أن ..." continues the last named holder
    if after_v:
        att = _verb_subject(sc, after_v[0], first, last, mentions)
        if att.text:
            state.last = att
            return att
    return Attribution(outlet, None)


def _reporting(sc: Scan, k: int) -> bool:
    base = _verb_base(sc.word(k))
    if base in lx.WEAK_REPORTING_VERBS:
        nxt = [sc.word(x) for x in range(k + 1, k + 6)]
        return any(w in ("ان", "انه", "انها", "بان") for w in nxt)
    return True


def _verb_subject(sc: Scan, k: int, first: int, last: int, mentions: Sequence[Mention]) -> Attribution:
    """Subject of the reporting verb at ``k``: after it (VSO) or right before it (SVO)."""
    i, j = _np(sc, k + 1, last, max_words=7)
    # skip a pronoun-like start: "وأضاف المصدر" keeps the NP, "وأضاف أن" has none
    if j > i:
        return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)
    # SVO: "المرصد السوري قال إن" — the words back to the clause start
    s = k
    while s > first and k - s < 6:
        w = sc.word(s - 1)
        if w in _BREAKS or w in _NP_STOPS or sc.toks[s - 1].is_digit:
            break
        s -= 1
    if s < k:
        return _as_attribution(sc, s, k, mentions, _SUBJECT_TYPES)
    return Attribution()
