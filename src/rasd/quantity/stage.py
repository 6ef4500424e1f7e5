"""The quantity stage: every count in a document with its measure, subject, holder and time."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from rasd.model import Document, Quantity, Timex
from rasd.quantity import lexicon as lx
from rasd.quantity.attribute import (
    Attribution,
    HolderState,
    count_head_before,
    find_holder,
    find_subject,
    following_source,
    note_holders,
)
from rasd.quantity.measures import (
    MeasureResult,
    cue_measure,
    looks_like_people,
    measure_of,
    mixed_toll_after,
    not_count_reason,
    status_after,
)
from rasd.quantity.numbers import NumberMatch, Scan, dual_measure, find_numbers, scan, strip_prefixes

_SENTENCE_END = re.compile(r"[.!?؟\n]+")
_NO_SUBJECT = {"percent", "distance_km", "money"}


def _fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans when the text stage has not run (pure use of this stage)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        # a dot between digits is a separator, not a sentence end (12.500)
        if (
            m.group() == "."
            and 0 < m.start() < len(text) - 1
            and text[m.start() - 1].isdigit()
            and text[m.end()].isdigit()
        ):
            continue
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    # a sentence starts at its first visible character
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            out.append((a, b))
    return out


def _sentence_spans(doc: Document) -> list[tuple[int, int]]:
    if doc.sentences:
        return [(s.start, s.end) for s in doc.sentences]
    return _fallback_sentences(doc.text)


def _token_range(sc: Scan, starts: list[int], span: tuple[int, int]) -> tuple[int, int]:
    lo = bisect_right(starts, span[0] - 1)
    hi = bisect_right(starts, span[1] - 1)
    return lo, hi


def _overlaps_timex(m: NumberMatch, sc: Scan, timexes: list[Timex]) -> bool:
    start, end = sc.toks[m.tok_start].start, sc.toks[m.tok_end - 1].end
    return any(t.start < end and start < t.end for t in timexes)


def _time_for(m_start: int, sent: tuple[int, int], doc: Document) -> str | None:
    """Nearest dated timex in the same sentence, else the publication date."""
    best: tuple[int, str] | None = None
    for t in doc.timexes:
        if t.type == "DATE" and t.value and sent[0] <= t.start < sent[1]:
            dist = abs(t.start - m_start)
            if best is None or dist < best[0]:
                best = (dist, t.value)
    if best is not None:
        return best[1]
    return doc.published_iso


def _has_subject(sc: Scan, m: NumberMatch, mr: MeasureResult) -> bool:
    """Subjects are for counts of people and strikes ("whose fighters"), not tons or provinces."""
    if mr.measure in _NO_SUBJECT:
        return False
    if mr.measure != "other":
        return True
    if mr.unit_tok is None:
        return sc.word(m.tok_end) == "من"  # "39 من المعارضة المسلحة"
    noun = sc.word(mr.unit_tok)
    return strip_prefixes(noun, lx.PERSON_NOUNS)[1] in lx.PERSON_NOUNS or looks_like_people(sc, mr.unit_tok)


def _inherit_measure(
    sc: Scan, m: NumberMatch, mr: MeasureResult, last: tuple[int, str, int] | None, sentence: int
) -> MeasureResult:
    """In an enumeration the measure carries over: "مقتل 60 بينهم 59 سائحا", "134 مليار دولار و27 مليار".

    A casualty measure also carries over a fighters/troops noun that continues the list or
    is a share of the count before: "استشهاد 10 أمنيين وعسكريين اثنين", "مقتل 60 بينهم 9 جنود".
    """
    if last is None or last[0] != sentence or last[1] in ("other", "percent") or mixed_toll_after(sc, m):
        return mr
    if m.tok_start - last[2] > 40 or status_after(sc, m) is not None:
        return mr
    if any(sc.word(k) in lx.CLAUSE_WORDS for k in range(last[2], m.tok_start)):
        return mr  # "... 206 قتلى في حين يوجد نحو 220 آخرين": a new clause, a new count
    if mr.measure in lx.PERSON_MEASURES and last[1] in lx.CASUALTY_MEASURES and _continues_list(sc, m, mr):
        return MeasureResult(last[1], mr.unit, mr.unit_tok)
    # "أطلقت 22 صاروخا، 9 منها توماهوك و8 صواريخ كروز": the munitions of a salvo
    noun = sc.word(mr.unit_tok) if mr.unit_tok is not None else ""
    if last[1] == "strikes" and strip_prefixes(noun, lx.MUNITION_NOUNS)[1] in lx.MUNITION_NOUNS:
        return MeasureResult("strikes", mr.unit, mr.unit_tok)
    if mr.measure != "other":
        return mr
    noun = sc.word(mr.unit_tok) if mr.unit_tok is not None else ""
    people = bool(noun) and (
        strip_prefixes(noun, lx.PERSON_NOUNS)[1] in lx.PERSON_NOUNS
        or dual_measure(noun) is not None
        or dual_measure(noun[1:]) is not None
        or looks_like_people(sc, mr.unit_tok)  # type: ignore[arg-type]
    )
    if last[1] in ("money", "distance_km"):
        if mr.unit_tok is None or not people:
            return (
                MeasureResult(last[1], mr.unit, mr.unit_tok) if mr.unit_tok is None or _no_noun(noun) else mr
            )
        return mr
    if last[1] in lx.PERSON_MEASURES and any(cue_measure(sc, k) for k in range(last[2], m.first_tok)):
        return mr  # "ثلاثة مسلحين أطلقوا النار على 40 شخصا": a new event, the victims are no fighters
    if _new_head_before(sc, m):
        return mr  # "مليون طفل بحالة تشرد، وحاجة 8.4 مليون للمياه": a new conjunct with its own head
    if mr.unit_tok is None or people or _no_noun(noun):
        return MeasureResult(last[1], mr.unit, mr.unit_tok)
    return mr


def _new_head_before(sc: Scan, m: NumberMatch) -> bool:
    """A noun glued to و, or after مع, right before the figure heads a new conjunct ("وحاجة 8.4 مليون")."""
    k = m.first_tok - 1
    w = sc.word(k)
    if len(w) < 4 or not w[:1].isalpha() or cue_measure(sc, k) is not None:
        return False
    if w in lx.PARTITIVE_WORDS or strip_prefixes(w, lx.NUMBER_WORDS)[1] in lx.NUMBER_WORDS:
        return False
    if strip_prefixes(w, lx.PERSON_NOUNS)[1] in lx.PERSON_NOUNS or w[1:] in lx.MEASURE_NOUNS:
        return False
    if w.endswith(("ين", "ون", "ان", "يا")):
        return False  # "26 طفلا وصحفيان وخمسة مسعفين": people (a dual, a plural) continue the list
    return (w[0] == "و" and w[1:2] != "ب") or sc.word(k - 1) == "مع"


def _continues_list(sc: Scan, m: NumberMatch, mr: MeasureResult) -> bool:
    """ "و3 جنود", "وعسكريين اثنين", "بينهم 9 جنود": a conjunct or a share of the count before."""
    before = sc.word(m.first_tok - 1)
    if before in lx.PARTITIVE_WORDS or before == "و":
        return True
    if (not m.is_digit_only or m.first_tok < m.tok_start) and sc.word(m.first_tok)[:1] == "و":
        return True  # "قتل 22 متمردا وأربعة مقاتلين", "370 مقاتلا ونحو 340 عنصرا": a glued conjunction
    if sc.word(m.first_tok - 2) == "من" and before in lx.PARTITIVE_WORDS:
        return True
    if before in ("،", ",") and sc.word(m.tok_end) == "من":
        return True  # "خلفت 19 شهيدا، 12 من الأمنيين و7 مدنيين": a breakdown after a comma
    noun = mr.unit_tok
    return noun is not None and noun < m.tok_start and sc.word(noun)[:1] == "و"


def _measure_from_context(
    sc: Scan, m: NumberMatch, mr: MeasureResult, last_measure: str | None
) -> MeasureResult:
    """A figure with no measure of its own takes one from its head before it.

    "عدد مقاتلي التنظيم ... بـ 3000" → the counted head (fighters); "ذلك العدد 1.5 مليون" → the
    figure the anaphor refers to, the last specific one in the document.
    """
    if mr.measure != "other" or mixed_toll_after(sc, m):
        return mr  # "ارتفعت حصيلة القتلى إلى 60 شخصا بين جريح وقتيل": dead and wounded together
    if sc.word(m.tok_end) in lx.PARTITIVE_WORDS and last_measure in lx.CASUALTY_MEASURES:
        return MeasureResult(last_measure, mr.unit, mr.unit_tok)  # "قتل 12. وأوضح أن 3 منهم أطفال"
    if mr.unit_tok is not None:
        noun = sc.word(mr.unit_tok)
        generic = strip_prefixes(noun, lx.PERSON_NOUNS)[1] in lx.PERSON_NOUNS or _no_noun(noun)
        if not generic:
            return mr
    if sc.word(m.first_tok - 1) in lx.ANAPHORIC_COUNT_HEADS and last_measure is not None:
        return MeasureResult(last_measure, mr.unit, mr.unit_tok)
    head = count_head_before(sc, m, measured=True)
    if head is not None:
        word = sc.word(head)
        base = strip_prefixes(word, lx.MEASURE_NOUNS)[1]
        measure = lx.MEASURE_NOUNS.get(base) or lx.EVENT_CUE_WORDS.get(base)
        if measure in (*lx.PERSON_MEASURES, *lx.CASUALTY_MEASURES):
            return MeasureResult(measure, mr.unit, mr.unit_tok)
    return mr


def _bracketed_share(last: tuple[int, str, int] | None, sentence: int) -> bool:
    """A bracketed number is a count when a count of people came before it in the sentence."""
    return (
        last is not None and last[0] == sentence and last[1] in (*lx.PERSON_MEASURES, *lx.CASUALTY_MEASURES)
    )


def _bracketed_list_head(sc: Scan, m: NumberMatch, first: int) -> str | None:
    """The measure of a list of bracketed figures after names, from the people noun heading the list.

    "تشمل قائمة المقاتلين الأجانب تونس (6500) والسعودية (2500)": each bracketed figure counts
    fighters. A rank list ("في المرتبة ... مصر (18) والجزائر (27)") and a single bracket are no list.
    """
    if sc.word(m.first_tok - 1) != "(" or sc.word(m.tok_end) != ")":
        return None
    bracketed = [
        k
        for k in range(max(first, m.first_tok - 10), min(len(sc.toks) - 1, m.tok_end + 10))
        if sc.toks[k].is_digit and sc.word(k - 1) == "(" and not m.first_tok <= k < m.tok_end
    ]
    if not bracketed or all(_year_like(sc.toks[k].text) for k in (*bracketed, m.tok_start)):
        return None  # "تونس (2011) ومصر (2012)": a list of years
    inside = False  # walking back through "(14 ألفا و72)", an earlier member of the list
    for k in range(m.first_tok - 2, first - 1, -1):
        w = sc.word(k)
        if w in (")", "("):
            inside = w == ")"
            continue
        if w in lx.RANKING_HEADS or w in lx.RANK_WORDS:
            return None
        if sc.toks[k].is_digit and not inside:
            return None  # a figure of its own stands between: the list is not headed by a noun
        base = strip_prefixes(w, lx.MEASURE_NOUNS)[1]
        measure = lx.MEASURE_NOUNS.get(base)
        if measure in (*lx.PERSON_MEASURES, *lx.CASUALTY_MEASURES):
            return measure
    return None


def _bracketed_list_subject(sc: Scan, m: NumberMatch) -> Attribution | None:
    """Whose figure a list member is: "تونس (6500)" → تونس, "(9607) من أفريقيا" → أفريقيا."""
    words: list[str] = []
    if sc.word(m.tok_end + 1) == "من":
        for k in range(m.tok_end + 2, min(m.tok_end + 6, len(sc.toks))):
            w = sc.word(k)
            if not w[:1].isalpha() or (w[:1] == "و" and sc.word(k + 1) == "("):
                break
            words.append(sc.original[sc.toks[k].start : sc.toks[k].end])
    else:
        k = m.first_tok - 2
        if k >= 0 and sc.word(k)[:1].isalpha():
            w = sc.original[sc.toks[k].start : sc.toks[k].end]
            words.append(w[1:] if w[:1] == "و" and len(w) > 3 else w)
    return Attribution(" ".join(words)) if words else None


def _year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _and_a_half(sc: Scan, m: NumberMatch, mr: MeasureResult) -> NumberMatch:
    """ "ستة كيلومترات ونصف" is 6.5 km: a half after the counted noun belongs to the number."""
    if mr.unit_tok is None or sc.word(mr.unit_tok + 1) != "ونصف" or m.value is None:
        return m
    if m.qualifier not in ("exact", "approx") or m.value != int(m.value) or m.min != m.max:
        return m
    half = m.value + 0.5
    return replace(m, value=half, min=half, max=half, end=sc.toks[mr.unit_tok + 1].end)


def _no_noun(word: str) -> bool:
    """A word after a number that is not what it counts (a preposition phrase, a particle)."""
    return (len(word) > 3 and word[0] in "لب") or word in ("من", "في", "منهم", "منهن", "بينهم")


def extract_quantities(doc: Document) -> list[Quantity]:
    """Quantities of one document, ids continuing after any already present."""
    sc = scan(doc.text)
    starts = [t.start for t in sc.toks]
    sentences = _sentence_spans(doc)
    sent_starts = [s[0] for s in sentences]
    state = HolderState()
    out: list[Quantity] = []
    n = len(doc.quantities)
    current_sentence = -1
    noted = -1  # sentences before this index have had their holders noted
    previous: tuple[NumberMatch, str | None] | None = None
    last_kept: tuple[int, str, int] | None = None  # (sentence, measure, token end) of the last kept count
    last_people: tuple[int, str, int] | None = None  # the same for the last casualty count of people
    last_measure: str | None = None  # the last specific measure in the document, for "ذلك العدد"
    matches = find_numbers(sc)
    starts_of_figures = [x.tok_start for x in matches]
    measures = [measure_of(sc, m) for m in matches]
    for n_m in range(len(matches) - 2, -1, -1):
        # "6.5 و11 كيلومترا", "3 أو 4 قتلى": the noun after the second number counts both
        this, nxt = matches[n_m], matches[n_m + 1]
        joined = nxt.tok_start == this.tok_end + 1 and sc.word(this.tok_end) in ("و", "او")
        if measures[n_m].unit_tok is None and measures[n_m].measure == "other" and joined:
            measures[n_m] = MeasureResult(measures[n_m + 1].measure, None, None)
    for m, mr in zip(matches, measures, strict=True):
        core_start = sc.toks[m.tok_start].start
        si = max(0, bisect_right(sent_starts, core_start) - 1)
        sent = sentences[si] if sentences else (0, len(doc.text))
        if si != current_sentence:
            current_sentence = si
        reason = not_count_reason(sc, m, mr.unit_tok, previous)
        if reason == "age or label in brackets" and _bracketed_share(last_kept, si):
            reason = None  # "بلغ عدد الموقوفين 37 شخصا أغلبهم من البلد س (27)": a share of that count
        listed = reason in (None, "age or label in brackets", "year")
        list_subject: Attribution | None = None
        if listed and mr.measure == "other" and mr.unit_tok is None:
            head = _bracketed_list_head(sc, m, _token_range(sc, starts, sent)[0])
            if head is not None:  # "قائمة المقاتلين ... تونس (6500) والسعودية (2500)"
                reason, mr = None, MeasureResult(head, None, None)
                list_subject = _bracketed_list_subject(sc, m)
        previous = (m, reason)
        if reason is not None:
            continue
        m = _and_a_half(sc, m, mr)
        antecedent = last_kept
        if (
            sc.word(m.first_tok - 1) in lx.PEOPLE_PARTITIVES
            and last_kept is not None
            and last_kept[1] == "other"
        ):
            # "توقيف 22 مشتبها بهم على خلفية السطو على ستة مصارف، بينهم خمسة": "هم" are the people
            antecedent = last_people or last_kept
        mr = _inherit_measure(sc, m, mr, antecedent, si)
        mr = _measure_from_context(sc, m, mr, last_measure)
        last_kept = (si, mr.measure, m.tok_end)
        if mr.measure in lx.CASUALTY_MEASURES:
            last_people = last_kept
        if mr.measure not in ("other", "percent"):
            last_measure = mr.measure
        if m.parsed and _overlaps_timex(m, sc, doc.timexes):
            continue
        first, last = _token_range(sc, starts, sent)
        while noted < si:  # holders named in sentences without figures ("قال X ... . وأضاف أن 40")
            if noted >= 0:
                a, b = _token_range(sc, starts, sentences[noted])
                note_holders(sc, (a, b), doc.mentions, state)
            noted += 1
        subject = list_subject or (
            find_subject(sc, m, mr.unit_tok, last, doc.mentions, mr.measure)
            if _has_subject(sc, m, mr)
            else None
        )
        holder = find_holder(
            sc, m, (first, last), doc.mentions, doc.quotes, doc.source, state, starts_of_figures
        )
        if holder.text == doc.source and holder.mention_id is None and si + 1 < len(sentences):
            # "قتل 5 جنود في هجوم. جاء ذلك في بيان للجيش": the source follows in the next sentence
            next_range = _token_range(sc, starts, sentences[si + 1])
            holder = following_source(sc, next_range, doc.mentions) or holder
        out.append(
            Quantity(
                id=f"{doc.id}:q{n}",
                start=m.start,
                end=m.end,
                text=doc.text[m.start : m.end],
                value=m.value,
                min=m.min,
                max=m.max,
                qualifier=m.qualifier,
                unit=mr.unit,
                measure=mr.measure,
                subject_text=subject.text if subject else None,
                subject_mention_id=subject.mention_id if subject else None,
                holder_text=holder.text,
                holder_mention_id=holder.mention_id,
                time=_time_for(m.start, sent, doc),
                sentence_start=sent[0],
                sentence_end=sent[1],
                parsed=m.parsed,
                unparsed_reason=m.reason,
            )
        )
        n += 1
    return out


class QuantityStage:
    """Appends ``Quantity`` annotations; uses sentences, mentions, quotes and timexes when present."""

    name = "quantity"

    def __init__(self) -> None:
        pass  # the lexicons are module-level: constructing the stage costs nothing

    def __call__(self, doc: Document) -> Document:
        doc.quantities.extend(extract_quantities(doc))
        return doc
