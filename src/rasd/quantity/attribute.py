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
from rasd.quantity.numbers import NumberMatch, Scan, dual_measure, strip_prefixes
from rasd.text.normalise import normalize

_BREAKS = {".", "،", ",", "؛", ";", ":", "!", "؟", "?", "(", ")", '"', "«", "»", "-", "–", "\u201c", "\u201d"}
_SUBJECT_TYPES = {"ORG", "GPE", "NORP", "MISC", "PER", "LOC"}
_NP_STOPS = lx.HOLDER_STOPS | {"من", "و", "بعد", "قبل", "منذ", "الذي", "التي", "الذين", "كما", "حيث", "بين"}
_RELAY_VERBS = {normalize(w) for w in ("نقل", "نقلت", "ونقل", "ونقلت")}
_LINKERS = lx.ALLEGIANCE_LINKERS


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
        overlaps = mention.type in types and mention.start < end and mention.end > start
        if overlaps and (best is None or mention.start < best.start):
            best = mention
    return best


def _np(sc: Scan, i: int, limit: int, max_words: int = 5) -> tuple[int, int]:
    """Token range [i, j) of a noun phrase starting at ``i`` (stops at particles and punctuation).

    "مصدر في وزارة الداخلية": after a source noun, "في" + an institution stays in the phrase.
    """
    j = i
    while j < limit and j - i < max_words:
        w = sc.word(j)
        if (
            w in ("في", "من")
            and j > i
            and any(sc.word(x) in lx.SOURCE_HEADS for x in range(i, j))
            and sc.word(j + 1) in lx.INSTITUTION_HEADS
        ):
            j += 1
            max_words += 1
            continue
        if w in lx.NAME_QUOTES and j > i and _title_head(sc.word(j - 1)):
            close = next((c for c in range(j + 1, min(j + 6, limit)) if sc.word(c) in lx.NAME_QUOTES), None)
            if close is not None and close > j + 1:
                return i, close + 1  # تنظيم "الدولة الإسلامية": the quoted name belongs to its head
        owner = (
            w[:1] == "ل"
            and j > i
            and strip_prefixes(sc.word(j - 1), lx.SOURCE_DOCUMENTS)[1] in lx.SOURCE_DOCUMENTS
        )
        if (w in _BREAKS or w in _NP_STOPS or sc.toks[j].is_digit) and not owner:
            break  # but "تعداد لوكالة الأنباء": the publisher of a document belongs to the phrase
        base = w[1:] if w[:1] in "وف" and len(w) > 2 else w
        verb_like = any(x in lx.REPORTING_VERBS or x in lx.EVENT_CUE_WORDS for x in (w, base))
        verb_like = verb_like and w not in lx.SOURCE_DOCUMENTS  # "وفق آخر حصيلة": a document, not a verb
        prev = sc.word(j - 1)
        in_name = w in lx.REPORTING_VERBS and prev in lx.INSTITUTION_HEADS and not prev.startswith("ال")
        if j > i and verb_like and not in_name:
            break  # but "مركز رصد الزلازل": a verbal noun in construct belongs to the name
        if (
            strip_prefixes(w, lx.NUMBER_WORDS)[1] in lx.NUMBER_WORDS
            or dual_measure(w) is not None
            or dual_measure(w[1:]) is not None
        ):
            break  # the next figure starts
        j += 1
    return i, j


def _title_head(word: str) -> bool:
    heads = lx.GROUP_TITLE_WORDS | lx.MEDIA_HEADS | lx.QUOTED_NAME_HEADS
    return word in heads or (word[:1] in "وبل" and word[1:] in heads)


def _span_text(sc: Scan, i: int, j: int) -> str | None:
    if j <= i:
        return None
    return sc.original[sc.toks[i].start : sc.toks[j - 1].end]


def _as_attribution(sc: Scan, i: int, j: int, mentions: Sequence[Mention], types: set[str]) -> Attribution:
    if j <= i:
        return Attribution()
    # The phrase's head is the mention that covers its first word ("وزارة الدفاع الوطني", not the
    # "الدفاع الوطني" inside it); a person named after a title ("المتحدث باسم الجيش أحمد ...") wins too.
    head_start = sc.toks[i].start
    head = [x for x in mentions if x.type in types and x.start <= head_start < x.end]
    if head:
        return Attribution(head[0].text, head[0].id)
    person = _mention_in(mentions, head_start, sc.toks[j - 1].end, {"PER"} & types)
    if person is not None:
        return Attribution(person.text, person.id)
    # A generic head before the name ("تنظيم داعش", "قوات حفتر"): the phrase ends with the name.
    inner = _mention_in(mentions, head_start, sc.toks[j - 1].end, types)
    if inner is not None:
        return Attribution(sc.original[head_start : inner.end], inner.id)
    return Attribution(_span_text(sc, i, j))


def _is_nisba(word: str, noun: str) -> bool:
    """An adjective of origin agreeing with the noun: "جندي أمريكي", "جنديا أمريكيا", "مسلحين أكراد"."""
    if word in lx.BROKEN_PLURAL_NATIONALITIES:
        return True
    if word in lx.NOT_NISBA or word in lx.MEASURE_NOUNS or word in lx.EVENT_CUE_WORDS or word[:1] == "و":
        return False
    if word in lx.NOT_SUBJECT:
        return False
    if len(word) <= 3 or word in _NP_STOPS:
        return False
    if word.endswith("يا"):
        return noun.endswith("ا")
    return word.endswith(("ي", "يه", "يين", "يون"))


def find_subject(
    sc: Scan,
    m: NumberMatch,
    unit_tok: int | None,
    sent_end_tok: int,
    mentions: Sequence[Mention],
    measure: str = "other",
) -> Attribution:
    """The group named right after the counted noun, else before the number ("عدد مقاتلي داعش ... بـ
    3000"), else the sender of deployed troops."""
    found = _subject_after(sc, m, unit_tok, sent_end_tok, mentions)
    if found.text is not None and _not_a_group(found.text):
        found = Attribution()
    if found.text is None:
        head = count_head_before(sc, m)
        if head is not None:
            found = _group_np(sc, head + 1, m.first_tok, mentions)
            if found.text is not None and _not_a_group(found.text):
                found = Attribution()
    # "جندي إسرائيلي واحد": a nationality between the noun and its adjectival number
    between = unit_tok + 1 if unit_tok is not None and unit_tok + 1 < m.tok_start else None
    if found.text is None and between is not None and is_nationality(sc.word(between)):
        return Attribution(sc.original[sc.toks[between].start : sc.toks[between].end])
    if found.text is None and measure in lx.PERSON_MEASURES:
        return _deploying_agent(sc, m, mentions)
    return found


def is_nationality(word: str) -> bool:
    """A nisba of a country or people ("فلسطينيين", "الأمريكي", "كرديا"), folded."""
    for p in ("وال", "بال", "لل", "ال", "و"):
        if word.startswith(p) and len(word) > len(p) + 3:
            word = word[len(p) :]
            break
    if word in lx.BROKEN_PLURAL_NATIONALITIES:
        return True
    for suffix in ("يين", "يون", "يان", "يتين", "يا", "يه", "ي"):
        if word.endswith(suffix):
            return word[: -len(suffix)] in lx.NATIONALITY_STEMS
    return False


def _not_a_group(text: str) -> bool:
    """Pronouns, "both sides", residents, conjoined casualty words: nobody's side."""
    first = normalize(text).split()[0] if text.split() else ""
    if first in lx.NOT_SUBJECT:
        return True
    base = first[1:] if first[:1] in "وف" and len(first) > 3 else first
    return (
        (first[:1] == "و" and base in lx.EVENT_CUE_WORDS)
        or base in lx.COMBINED_SECOND
        or (first[:1] == "و" and (base in lx.MEASURE_NOUNS or base in lx.PERSON_NOUNS))
    )


def count_head_before(sc: Scan, m: NumberMatch, measured: bool = False) -> int | None:
    """Token of the counted head in "عدد مقاتلي تنظيم داعش في ليبيا بما بين 3000 و5000" (مقاتلي).

    The head names whose people the later figure counts; it must stand in the same sentence,
    within 12 tokens, with no other figure in between.
    """
    k = m.first_tok - 1
    reach = 12
    while k >= 0 and m.first_tok - k <= reach:
        w = sc.word(k)
        year = sc.toks[k].is_digit and strip_prefixes(sc.word(k - 1), lx.YEAR_CUES)[1] in lx.YEAR_CUES
        if w in (".", "!", "؟", "?", ";", "؛") or (sc.toks[k].is_digit and not year):
            return None  # but "عدد المقاتلين الذين سافروا منذ عام 2011 يقدر بـ": a year is no figure
        if year:
            reach += 4
        if w in lx.COUNT_HEADS:
            h = sc.word(k + 1)
            base = strip_prefixes(h, lx.COUNTED_GROUP_HEADS)[1]
            if base in lx.COUNTED_GROUP_HEADS and k + 2 < m.first_tok:
                return k + 1
            # ``measured``: any measured plural ("عدد المقاتلين الأجانب ... يقدر بـ 27 ألفا") heads the figure
            if measured and h.startswith("ال") and h[2:] in lx.MEASURE_NOUNS and k + 2 < m.first_tok:
                return k + 1
            return None
        k -= 1
    return None


def _deploying_agent(sc: Scan, m: NumberMatch, mentions: Sequence[Mention]) -> Attribution:
    """ "أرسلت فرنسا 500 جندي", "الأمم المتحدة تنشر 14800 جندي": the agent of a deploy verb."""
    from rasd.quantity.measures import cue_measure

    for k in range(m.first_tok - 1, max(-1, m.first_tok - 5), -1):
        if sc.word(k) in _BREAKS:
            break
        if cue_measure(sc, k) in lx.PERSON_MEASURES:
            i, j = _np(sc, k + 1, m.first_tok, max_words=4)
            if j > i:
                return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)
            s = k
            while s > 0 and k - s < 4 and sc.word(s - 1) not in _BREAKS and sc.word(s - 1) not in _NP_STOPS:
                s -= 1
            if s < k:
                return _as_attribution(sc, s, k, mentions, _SUBJECT_TYPES)
            return Attribution()
    return Attribution()


def _subject_after(
    sc: Scan, m: NumberMatch, unit_tok: int | None, sent_end_tok: int, mentions: Sequence[Mention]
) -> Attribution:
    """The group named right after the counted noun, or nothing."""
    if unit_tok is None or unit_tok < m.tok_end:
        # "17 من السرية الثالثة": no noun, the group follows من directly
        k = m.tok_end
        if unit_tok is not None and unit_tok < m.tok_start:
            k = m.tok_end  # "مدني واحد": nothing after the number names a group
        if sc.word(k) != "من":
            return Attribution()
        k += 1
        return _group_np(sc, k, sent_end_tok, mentions)
    noun = sc.word(unit_tok)
    k = unit_tok + 1
    if sc.word(k) in ("هم", "هن") and sc.word(k + 1) == "من":
        k += 1  # "9 من الجرحى هم من رجال الشرطة"
    # "مقاتلي داعش" / "عناصر الجيش": construct state, the possessor follows directly.
    construct = (noun.endswith("ي") and len(noun) > 4 and noun[-2:] != "يي") or strip_prefixes(
        noun, lx.CONSTRUCT_HEADS
    )[1] in lx.CONSTRUCT_HEADS
    w = sc.word(k)
    # "10 قيادات ميدانية من الحركة": adjectives between the noun and its group
    k2 = k
    while k2 < k + 2 and _is_nisba(sc.word(k2), noun) and sc.word(k2 + 1) in ("من", *_LINKERS):
        k2 += 1
    if k2 > k:
        k, w = k2, sc.word(k2)
    if w == "من" or w in _LINKERS:
        k += 1
        if sc.word(k) in ("ل", "الى", "لـ"):
            k += 1
    elif (w[:1] == "ل" and sc.word(k - 1) in _LINKERS) or (
        construct and w and w not in _BREAKS and w not in _NP_STOPS and w not in lx.NOT_NISBA
    ):
        pass
    elif _is_nisba(w, noun) and _nisba_can_name(sc, k, unit_tok):
        # nisba adjective: "جندي أمريكي" — the nationality is the subject
        return _as_attribution(sc, k, k + 1, mentions, _SUBJECT_TYPES)
    else:
        return Attribution()
    return _group_np(sc, k, sent_end_tok, mentions)


def _nisba_can_name(sc: Scan, k: int, noun_tok: int) -> bool:
    """Only people have a nationality ("غارة جوية" does not), and "مبنى" is no nisba."""
    if sc.original[sc.toks[k].start : sc.toks[k].end].endswith("ى"):
        return False
    noun = sc.word(noun_tok)
    return (
        strip_prefixes(noun, lx.PERSON_NOUNS)[1] in lx.PERSON_NOUNS
        or lx.MEASURE_NOUNS.get(strip_prefixes(noun, lx.MEASURE_NOUNS)[1])
        in (*lx.PERSON_MEASURES, *lx.CASUALTY_MEASURES)
        or noun.endswith(("يين", "يون", "ين", "ون"))
    )


def _group_np(sc: Scan, k: int, sent_end_tok: int, mentions: Sequence[Mention]) -> Attribution:
    i, j = _np(sc, k, sent_end_tok, max_words=4)
    if j <= i:
        return Attribution()
    w0 = sc.word(i)
    if w0 in lx.EVENT_CUE_WORDS or w0 in lx.REPORTING_VERBS or w0 in lx.PLACE_HEADS:
        return Attribution()
    if strip_prefixes(w0, lx.PLACE_HEADS)[1] in lx.PLACE_HEADS:
        return Attribution()
    return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)


def _verb_base(w: str) -> str:
    if w in lx.REPORTING_VERBS:
        return w
    if len(w) > 3 and w[0] in "وف" and w[1:] in lx.REPORTING_VERBS:
        return w[1:]
    return ""


def following_source(sc: Scan, sent: tuple[int, int], mentions: Sequence[Mention]) -> Attribution | None:
    """The source a sentence opening "جاء ذلك في بيان للجيش" / "وذلك حسب المرصد" gives the one before."""
    first, last = sent
    k = first
    if sc.word(k) in lx.BACK_REFERENCE_VERBS and sc.word(k + 1) in ("ذلك", "هذا"):
        k += 2
        if sc.word(k) in ("في", "علي") and sc.word(k + 1) == "لسان":
            k += 2  # "جاء ذلك على لسان المتحدث"
        elif sc.word(k) in ("في", "عبر"):
            k += 1  # "جاء ذلك في بيان للجيش", but not "في مؤتمر صحفي" (the speaker is elsewhere)
            if strip_prefixes(sc.word(k), lx.SOURCE_DOCUMENTS)[1] not in lx.SOURCE_DOCUMENTS:
                return None
    elif sc.word(k) == "وذلك" and _source_cue_at(sc, k + 1) is not None:
        k = _source_cue_at(sc, k + 1) or k
    else:
        return None
    i, j = _np(sc, k, last, max_words=6)
    if j <= i or sc.word(i) in _BREAKS:
        return None
    return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)


def _source_cue_at(sc: Scan, k: int) -> int | None:
    """Token index after an "according to" cue starting at ``k``."""
    w = sc.word(k)
    patterns = lx.SOURCE_CUE_INDEX.get(w, ())
    if w[:1] in "وف":
        patterns = (*patterns, *lx.SOURCE_CUE_INDEX.get(w[1:], ()))
    for pattern in patterns:  # longest first within each first word
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


def _clause_of(sc: Scan, first: int, last: int, i: int) -> tuple[int, int]:
    """Token range of the clause holding token ``i`` (commas and فيما/بينما/حين split clauses)."""
    lo = i
    while lo > first and sc.word(lo - 1) not in _CLAUSE_SPLIT and sc.word(lo - 1) not in lx.CLAUSE_WORDS:
        lo -= 1
    hi = i
    while hi < last and sc.word(hi) not in _CLAUSE_SPLIT and sc.word(hi) not in lx.CLAUSE_WORDS:
        hi += 1
    return lo, hi


_CLAUSE_SPLIT = {"،", ",", "؛", ";", ":", "."}


def _short_clause(sc: Scan, verb: int, last: int) -> bool:
    """ "، قالت الشرطة." — the verb and its subject end the sentence or the clause."""
    i, j = _np(sc, verb + 1, last, max_words=6)
    return j > i and (j >= last or sc.word(j) in (".", "!", "؟", "،", ",", "؛", "(", "\u201d", '"', "»"))


_THAT = {"ان", "انه", "انها", "بان", "بانه", "انهم"}


def find_holder(
    sc: Scan,
    m: NumberMatch,
    sent: tuple[int, int],
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    outlet: str | None,
    state: HolderState,
    others: Sequence[int] = (),
) -> Attribution:
    """Who asserts the figure (see module docstring for the order of evidence).

    ``others`` are the first token indices of the other figures in the document.

    Order: a quote's speaker; an "according to" or reporting verb in the number's own clause;
    the nearest one before the number in the sentence; a reporting verb after it; the last
    holder when the sentence's verb has no subject ("وأضاف أن"); the outlet.
    """
    for quote in quotes:
        start = sc.toks[m.tok_start].start
        if quote.start <= start < quote.end and (quote.speaker_text or quote.speaker_mention_id):
            return Attribution(quote.speaker_text, quote.speaker_mention_id)
    first, last = sent
    c_lo, c_hi = _clause_of(sc, first, last, m.tok_start)
    # candidates: (token index, attribution or None when the cue has no subject of its own)
    cands: list[tuple[int, Attribution | None]] = []
    for k in range(first, last):
        after = _source_cue_at(sc, k)
        if after is not None:
            while _verb_base(_strip_pronoun(sc.word(after))) or sc.word(after) in lx.SUBJECTLESS_REPORTING:
                after += 1  # "حسبما أوردته مصادر", "بحسب ما أعلنته منظمة"
            if sc.word(after) in lx.SOURCE_CUE_VERBS and sc.word(after + 1) in ("في", "علي", "عن"):
                after += 2  # "وفق ما جاء في تقرير", "حسب ما ورد في بيان"
            i, j = _np(sc, after, last, max_words=6)
            if j > i:
                att = _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)
                w = sc.word(i)
                if att.mention_id is None and w[:1] == "ل" and len(w) > 3 and sc.word(after - 1) != "ل":
                    # "وفقا لمنظمة ...": the preposition is glued to the holder's name
                    start = sc.norm.to_original(sc.toks[i].fstart + 1, sc.toks[i].fstart + 2)[0]
                    att = Attribution(sc.original[start : sc.toks[j - 1].end])
                cands.append((k, att))
            continue
        head = sc.word(k - 1)
        if _verb_base(sc.word(k)) and head in lx.INSTITUTION_HEADS and not head.startswith("ال"):
            continue  # "مركز رصد الزلازل": a verbal noun inside a name, not a verb ("الادعاء أكد" is one)
        if (_verb_base(sc.word(k)) and _reporting(sc, k)) or sc.word(k) in lx.SUBJECTLESS_REPORTING:
            named = (
                None
                if sc.word(k) in lx.SUBJECTLESS_REPORTING
                else _verb_subject(sc, k, first, last, mentions)
            )
            cands.append((k, named if named is not None and named.text else None))
    # a trailing "، حسب X" opens the next clause but still sources this one
    trailing = c_hi + 1 if sc.word(c_hi) in _CLAUSE_SPLIT - {"."} else -1
    same_clause = [
        c
        for c in cands
        if (c_lo <= c[0] < c_hi and (c[0] < m.tok_start or _is_cue(sc, c[0])))
        or (c[0] in (trailing, trailing + 1) and _is_cue(sc, c[0]))
    ]
    before = sorted((c for c in cands if c[0] < m.tok_start), key=lambda c: -c[0])
    after_v = [c for c in cands if m.tok_end <= c[0] < c_hi and not _is_cue(sc, c[0])]
    # a trailing "according to" also sources the figures before it, back to the previous figure
    later = [n for n in others if n > m.tok_start]
    reach = min(later) if later else last
    trailing_cues = [c for c in cands if m.tok_end <= c[0] < reach and _is_cue(sc, c[0])]
    # "قتل 5 أشخاص، قالت الشرطة." / "، كما أعلن الجيش": a closing clause that only attributes
    closing = [
        c
        for c in cands
        if trailing >= 0
        and c[0] in (trailing, trailing + 1)
        and c[0] < reach
        and not _is_cue(sc, c[0])
        and (c[0] == trailing or sc.word(trailing) == "كما")
        and sc.word(c[0])[:1] != "و"  # "، وقالت الشرطة …" starts a new statement
        and _verb_base(sc.word(c[0])) in lx.SPEECH_VERBS
        and _short_clause(sc, c[0], last)
    ]
    pools = (
        sorted(same_clause, key=lambda c: abs(c[0] - m.tok_start)),
        before,
        after_v[:1],
        trailing_cues[:1],
        closing[:1],
    )
    for pool in pools:
        for _k, found in pool:
            if found is not None:
                state.last = found
                return found
    if any(pools) and state.last is not None:
        return state.last  # "وأضاف أن ...", "موضحة أنه": the holder named last
    return Attribution(outlet, None)


def note_holders(sc: Scan, sent: tuple[int, int], mentions: Sequence[Mention], state: HolderState) -> None:
    """Remember the last named holder of a sentence that carries no figure of its own."""
    first, last = sent
    for k in range(last - 1, first - 1, -1):
        if _verb_base(sc.word(k)) and _reporting(sc, k):
            att = _verb_subject(sc, k, first, last, mentions)
            if att.text:
                state.last = att
                return


def _is_cue(sc: Scan, k: int) -> bool:
    return _source_cue_at(sc, k) is not None


def _strip_pronoun(word: str) -> str:
    """ "أوردته" → "أوردت": a reporting verb with an object pronoun."""
    for suf in ("ها", "هم", "ه"):
        if word.endswith(suf) and _verb_base(word[: -len(suf)]):
            return word[: -len(suf)]
    return word


def _reporting(sc: Scan, k: int) -> bool:
    base = _verb_base(sc.word(k))
    if base in lx.WEAK_REPORTING_VERBS:
        # "نقلت صحيفة "نيويورك تايمز" الأميركية عن": a quoted name makes the subject longer
        reach = 9 if base in _RELAY_VERBS else 6
        nxt = [sc.word(x) for x in range(k + 1, k + reach)]
        return any(w in ("ان", "انه", "انها", "بان", "عن") for w in nxt)
    return True


def _verb_subject(sc: Scan, k: int, first: int, last: int, mentions: Sequence[Mention]) -> Attribution:
    """Subject of the reporting verb at ``k``: after it (VSO) or right before it (SVO)."""
    start = k + 1
    while sc.word(start) in lx.VERB_ADVERBS:
        start += 1  # "أعلنت سابقا عن ...": the adverb is nobody
    i, j = _np(sc, start, last, max_words=7)
    if _verb_base(sc.word(k)) in _RELAY_VERBS:
        # "نقلت المصادر عن المستشار ...": the holder is the one quoted
        # "نقلت صحيفة "الوقت" الأسبوعية عن ...": an adjective may stand before عن
        at = next((x for x in (j, j + 1, j + 2) if sc.word(x) == "عن"), None)
        if at is None and sc.word(k + 1) == "عن":
            at = k + 1
        if at is not None:
            i2, j2 = _np(sc, at + 1, last, max_words=7)
            if j2 > i2:
                return _as_attribution(sc, i2, j2, mentions, _SUBJECT_TYPES)
    if (
        j == i + 1
        and sc.word(i) in lx.FIGURE_WORDS
        and sc.word(j) in ("التي", "الذي")
        and _verb_base(_strip_pronoun(sc.word(j + 1)))
    ):
        # "وأفادت الأرقام التي أوردتها يونامي": the figures speak for whoever published them
        a = j + 2
        while sc.word(a) in ('"', "«", "\u201c"):
            a += 1
        i2, j2 = _np(sc, a, last, max_words=7)
        if j2 > i2:
            return _as_attribution(sc, i2, j2, mentions, _SUBJECT_TYPES)
    from rasd.quantity.measures import cue_measure

    if j > i and (cue_measure(sc, i) is not None or sc.word(i) in lx.NUMBER_WORDS):
        j = i  # "أكد أمس مقتل 6": the object follows, the subject stood before the verb
    # "وأضاف المصدر" keeps the NP, "وأضاف أن" has none
    if j > i:
        return _as_attribution(sc, i, j, mentions, _SUBJECT_TYPES)
    if strip_prefixes(sc.word(k + 1), lx.NUMBER_WORDS)[1] in lx.NUMBER_WORDS or (
        sc.toks[k + 1 : k + 2] and sc.toks[k + 1].is_digit
    ):
        return Attribution()  # "صرح اثنان بأنهما ...": the counted people speak, no holder here
    # SVO: "المرصد السوري قال إن" — the words back to the clause start
    if sc.word(k - 1) in ("قد", "لقد") and sc.word(k - 2) not in _BREAKS:
        k -= 1  # "وكان المرصد السوري قد أكد": the subject stands before قد
    s = k
    while s > first and k - s < 6:
        w = sc.word(s - 1)
        if w in _BREAKS or w in _NP_STOPS or sc.toks[s - 1].is_digit:
            break
        s -= 1
    if s < k:
        return _as_attribution(sc, s, k, mentions, _SUBJECT_TYPES)
    return Attribution()
