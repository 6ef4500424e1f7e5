"""What a number counts: the counted noun, the measure, and numbers that are not counts.

Measure comes from the counted noun (قتيلا → killed, جندي → troops), and for nouns naming
people in general — or no noun at all — from the verb around the number (قتل 5 أشخاص,
مقتل 12, إصابة 3). A casualty verb wins over a fighters/troops noun: in "مقتل 5 جنود"
the figure is a death toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.quantity import lexicon as lx
from rasd.quantity.numbers import NumberMatch, Scan, dual_measure, strip_prefixes

_CLAUSE_BREAKS = {".", "،", ",", "؛", ";", ":", "!", "؟", "?", "(", ")"}
_NON_PERSON_MEASURES = ("money", "distance_km", "strikes", "percent")
_PRONOUN_SUFFIXES = ("هم", "ها", "ه", "نا")  # "قتلنا 8 مسلحين": we killed
_LIST_JOINERS = ("و", "-", "او", "،", ",")


@dataclass(slots=True)
class MeasureResult:
    measure: str
    unit: str | None  # the counted noun as written in the original text
    unit_tok: int | None  # token index of the counted noun


def _lookup(word: str, table: dict[str, str] | set[str]) -> str | None:
    _prefix, base = strip_prefixes(word, table)
    if base in table:
        return base
    return None


def _is_prepositional(word: str) -> bool:
    """ "لعملية", "بجروح": a preposition glued to the next word, so not a counted noun."""
    return len(word) > 3 and word[0] in "لب" and _lookup(word, lx.MEASURE_NOUNS) is None


def counted_noun(sc: Scan, m: NumberMatch) -> int | None:
    """Token index of the noun the number counts: the next word, past a partitive من."""
    if m.noun_tok is not None:
        return m.noun_tok
    j = m.tok_end
    if sc.word(j) == "من" and sc.word(j + 1) == "بين":
        j += 1  # "5 من بين الإصابات"
    if sc.word(j) in ("من", "بين"):
        nxt = sc.word(j + 1)
        if _lookup(nxt, lx.PERSON_NOUNS) or _lookup(nxt, lx.MEASURE_NOUNS):
            j += 1
        else:
            return None  # "17 من السرية الثالثة": the group follows, the noun is elided
    w = sc.word(j)
    if not w or w in _CLAUSE_BREAKS or sc.toks[j].is_digit:
        return None
    if not (w[0].isalpha() or w in ("$", "€")):
        return None
    if w in lx.HOLDER_STOPS or w in lx.CLAUSE_WORDS or w in lx.NON_NOUNS or w in lx.PASSIVE_AUXILIARIES:
        return None
    if (
        j == m.tok_end
        and cue_measure(sc, j) in lx.CASUALTY_MEASURES
        and _lookup(w, lx.MEASURE_NOUNS) is None
        and _lookup(w, lx.PERSON_NOUNS) is None
    ):
        return None  # "المهاجمين الثلاثة قتلوا": a verb follows, the counted noun came before
    listed = w in lx.MEASURE_NOUNS or w in lx.PERSON_NOUNS
    if w[:1] == "و" and not listed and dual_measure(w[1:]) is None:
        return None  # "1.5 مليون وتؤكد", "مقتل 29 وإصابة 24": a conjunction starts the next conjunct
    return j


def cue_measure(sc: Scan, i: int) -> str | None:
    """An event cue word at token ``i`` (after stripping و/ف/ب/ل/ال and a pronoun suffix), or None."""
    w = sc.word(i)
    cands = [w]
    for p in ("وال", "بال", "فال", "لل", "ال", "وب", "ول", "فب", "و", "ف", "ب", "ل"):
        if w.startswith(p) and len(w) - len(p) > 2:
            cands.append(w[len(p) :])
    ta_marbuta = w.endswith("ه") and sc.original[sc.toks[i].end - 1] == "ة"  # w non-empty: i is in range
    for c in list(cands):
        for suf in _PRONOUN_SUFFIXES:
            if suf == "ه" and ta_marbuta:
                continue  # "قضية" is a noun in ة, not "قضى" with a pronoun
            if c.endswith(suf) and len(c) - len(suf) > 2:
                cands.append(c[: -len(suf)])
    for cand in cands:
        if cand in lx.EVENT_CUE_WORDS:
            nxt = sc.word(i + 1)
            if cand in lx.CUSTODY_WORDS and not nxt.startswith("ب"):
                continue  # "الاحتفاظ بـ 4 أشخاص" holds them; "بـ144 صوتا مع 3 احتفاظ" are abstentions
            if nxt in lx.HALTED_THINGS and lx.EVENT_CUE_WORDS[cand] == "detained":
                continue  # "لإيقاف تقدم الشرعية": halting an advance, not an arrest
            if cand in lx.LOSS_WORDS and nxt in lx.HOME_WORDS:
                return "displaced"  # "12 مليون سوري فقدوا منازلهم": homes lost, not lives
            window = [sc.word(k) for k in range(max(0, i - 8), i)]
            carried_out = any(strip_prefixes(x, lx.CARRIED_OUT)[1] in lx.CARRIED_OUT for x in window)
            if w in lx.EXECUTION_WORDS and any(x in lx.COURT_WORDS for x in window) and not carried_out:
                return "sentenced"  # "حكما نهائيا بإعدام ستة": a court sentence; "تنفيذ حكم الإعدام" kills
            if w == "السجن" and sc.word(i - 1) in ("من", "في", "داخل", "الي", "علي"):
                return None  # "فر من السجن": the prison, not a sentence

            return lx.EVENT_CUE_WORDS[cand]
    return None


def newline_before(sc: Scan, i: int) -> bool:
    """Whether a line break separates token ``i`` from the one before it (headlines, list items)."""
    return 0 < i < len(sc.toks) and "\n" in sc.original[sc.toks[i - 1].end : sc.toks[i].start]


def status_after(sc: Scan, m: NumberMatch) -> str | None:
    """ "42 بحالة إيقاف و25 بحالة سراح": the status noun after the figure, folded, or None."""
    j = m.tok_end
    openers = ("في", "علي", *lx.STATUS_HEADS)
    if sc.word(j) not in openers and sc.word(j + 1) in openers:
        j += 1  # past the counted noun: "15 شخصا في حالة حرجة"
    if sc.word(j) == "علي" and sc.word(j + 1) == "الاقل":
        j += 2  # "15 شخصا على الأقل في حالة حرجة"
    if sc.word(j) == "في" and sc.word(j + 1) in ("حاله", "حالات"):
        status = sc.word(j + 2)
        return status if status in lx.STATUS_MEASURES or j == m.tok_end else None
    if sc.word(j) in lx.STATUS_HEADS:
        status = sc.word(j + 1)  # past the noun only a known status: not "أصيب 14 مدنيا بحالات اختناق"
        return status if status in lx.STATUS_MEASURES or j == m.tok_end else None
    return None


def _count_noun_window(sc: Scan, start: int) -> int:
    """Where to start looking back for a cue: at "عدد" when the number ends "بلغ عدد X ... N"."""
    k = start - 1
    while k >= max(0, start - 24):
        w = sc.word(k)
        date_day = sc.toks[k].is_digit and _lookup(sc.word(k + 1), lx.MONTHS) is not None
        text = sc.toks[k].text
        year = sc.toks[k].is_digit and len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100
        if w in (".", "؟", "!", ":") or (sc.toks[k].is_digit and not (date_day or year)):
            break  # but "حصيلة القتلى منذ 30 آذار إلى 37", "منذ آذار 2011 حتى اليوم بلغت": dates
        if w in ("عدد", "وعدد", "بعدد", "حصيله", "وحصيله", "العدد", "والعدد"):
            return k
        k -= 1
    return start


def _clause_verb_cue(sc: Scan, k: int) -> str | None:
    """ "أوقفت الوحدة الوطنية ... التابعة للحرس الوطني، 30 عنصرا": the object comes after a long
    agent and a comma; the casualty verb opening the sentence still governs it."""
    start = k
    while k >= 0 and start - k < 16:
        w = sc.word(k)
        if w in (".", "!", "؟", "?", ":", "؛", ";") or sc.toks[k].is_digit or w in lx.CLAUSE_WORDS:
            return None
        if k == 0 or sc.word(k - 1) in (".", "!", "؟", "?", ":", "،", ",") or newline_before(sc, k):
            cue = cue_measure(sc, k)  # only the first word of the sentence or clause counts
            return cue if cue in lx.CASUALTY_MEASURES else None
        k -= 1
    return None


def _starts_source_cue(sc: Scan, k: int) -> bool:
    w = sc.word(k)
    patterns = lx.SOURCE_CUE_INDEX.get(w[1:] if w[:1] == "و" and w not in lx.SOURCE_CUE_INDEX else w, ())
    return any(all(sc.word(k + n) == x for n, x in enumerate(p[1:], 1)) for p in patterns)


def _time_adverb_before(sc: Scan, comma: int) -> int | None:
    """Index of the word before a short time adverbial that ends at ``comma`` ("قتلت يوم الأحد،")."""
    k = comma - 1
    while k >= 0 and comma - k <= 3 and sc.word(k) in lx.TIME_ADVERB_WORDS:
        k -= 1
    return k if k < comma - 1 and k >= 0 else None


def _parenthetical_before(sc: Scan, comma: int) -> int | None:
    """Index before the opening comma of a short time adverbial ending at ``comma``, else None."""
    k = comma - 1
    while k >= 0 and comma - k <= 5:
        w = sc.word(k)
        if w in ("،", ","):
            inner = [sc.word(x) for x in range(k + 1, comma)]
            timed = any(x in lx.TIME_ADVERB_WORDS or x in lx.HOLDER_STOPS for x in inner)
            sourced = bool(inner) and _starts_source_cue(sc, k + 1)  # "وقتل، حسب الحصيلة، 17 شخصا"
            return k - 1 if inner and (timed or sourced) else None
        if w in _CLAUSE_BREAKS or sc.toks[k].is_digit or (cue_measure(sc, k) and w not in lx.FIGURE_WORDS):
            return None
        k -= 1
    return None


def event_cue(sc: Scan, m: NumberMatch, noun: int | None) -> tuple[str | None, int]:
    """The nearest event cue before the number (same clause) and its distance, else after its noun."""
    k = m.first_tok - 1
    steps = 0
    while k >= 0 and steps < 8:
        w = sc.word(k)
        if w in ("،", ",") and steps == 0:
            skipped = _parenthetical_before(sc, k)
            if skipped is not None:
                k = skipped  # "قتل، أمس الأحد، 5 أشخاص": a time adverb between commas
                continue
            timed = _time_adverb_before(sc, k)
            if timed is not None and cue_measure(sc, timed) in lx.CASUALTY_MEASURES:
                return cue_measure(sc, timed), 2  # "قتلت يوم الأحد، ثلاثة من عناصر الحركة"
        if w in _CLAUSE_BREAKS or w in lx.CLAUSE_WORDS or sc.toks[k].is_digit or newline_before(sc, k + 1):
            break
        quoted = sc.word(k - 1) in lx.NAME_QUOTES  # "عن "قضائها" على أربعة"
        if w == "علي" and sc.word(k - 2 if quoted else k - 1) in lx.ELIMINATION_HEADS:
            return "killed", steps + 1  # "القضاء على 5 إرهابيين"
        cue = cue_measure(sc, k)
        if (
            cue
            and _lookup(w, lx.FUNERAL_WORDS)
            and (
                any(_lookup(sc.word(x), lx.ATTENDANCE_WORDS) for x in range(k + 1, m.first_tok))
                or (w.startswith(("ال", "بال", "وال", "فال")) and k == m.first_tok - 1)
            )
        ):
            # "تشييع حضرها المئات", "وشارك في التشييع مئات": mourners attending, not the dead (a definite
            # funeral noun is no construct head: the figure after it is its subject)
            cue = None
        if cue:
            if _combined_toll(sc, k, cue):
                return "mixed", steps + 1
            if steps >= 2 and cue in lx.CASUALTY_MEASURES:
                near = _near_cue_after(sc, m, noun)
                if near is not None and near != cue:
                    return near, 99  # "مقتل العشرات ... وأجبرت أكثر من 3 ملايين على الفرار"
            return cue, steps + 1
        k -= 1
        steps += 1
    # the clause's opening verb governs an object after a long agent or adjunct:
    # "أوقفت الوحدة ... ، 30 عنصرا", "وقتل في الاشتباكات التي اندلعت ... بين الطرفين 23 مقاتلا"
    comma = sc.word(m.first_tok - 1) in ("،", ",")
    far = _clause_verb_cue(sc, m.first_tok - 2 if comma else m.first_tok - 1)
    if far is not None:
        return far, 50
    anchor = _count_noun_window(sc, m.tok_start)
    for k in range(anchor, m.tok_start):
        if k > anchor and sc.word(k) in lx.ELIMINATION_HEADS and sc.word(k + 1).startswith("علي"):
            return "killed", m.tok_start - k  # "العدد الجملي للعناصر التي تم القضاء عليهم ... 45"
        cue = cue_measure(sc, k)
        if cue in lx.CASUALTY_MEASURES:
            return cue, m.tok_start - k
    # from the token after the number: "المهاجمين الثلاثة قتلوا" has its verb where a noun would be
    after = m.tok_end
    reach = 6
    closing = -1
    for k in range(after, min(after + 24, len(sc.toks))):
        if sc.word(k) in ("#", "_") or k <= closing:
            reach += 1  # "40 عنصرا من #ميليشيات_الحوثي قتلوا": hashtag marks are no words
            continue
        if sc.word(k) == "(" and k > after:
            # "11 عنصرا من التعبئة (الباسيج) ومن الحرس قتلوا": a short gloss in brackets is skipped
            closing = next((c for c in range(k + 1, min(k + 5, len(sc.toks))) if sc.word(c) == ")"), -1)
            if closing > 0 and not any(sc.toks[c].is_digit for c in range(k, closing)):
                reach += 1
                continue
        plural_verb = sc.word(k + 1).endswith(("وا", "ن")) and cue_measure(sc, k + 1) in lx.CASUALTY_MEASURES
        if sc.word(k) in ("،", ",") and plural_verb:
            return cue_measure(sc, k + 1), 99  # "140 عنصرا من الميليشيا الانقلابية، لقوا مصرعهم"
        conjoined = sc.toks[k].is_digit and sc.word(k - 1) == "و" and k - after <= 4
        if conjoined:
            reach = 11
            continue  # "أن 7 جنود و71 مسلحا قتلوا": one verb after two conjoined figures
        if sc.word(k) == "قد" and cue_measure(sc, k + 1) in lx.CASUALTY_MEASURES:
            return cue_measure(sc, k + 1), 99  # "وكان 27 عنصرا من الميليشيات الموالية لإيران قد قتلوا"
        stop = sc.word(k) in _CLAUSE_BREAKS or sc.toks[k].is_digit or newline_before(sc, k)
        if stop or k - after >= reach + 8:
            break
        if k - after >= reach + 3:
            continue  # only "قد قتلوا" reaches this far: "ستة من قادة التنظيم ... في الخارج قد قتلوا"
        cue = cue_measure(sc, k)
        if cue is not None and _lookup(sc.word(k), lx.FUNERAL_WORDS) is not None:
            continue  # "وشارك المئات في تشييع 5 شهداء": a funeral counts the dead after it, not the mourners
        if k - after >= reach and not (cue in lx.CASUALTY_MEASURES and sc.word(k).endswith("وا")):
            continue  # only a plural verb agreeing with the group reaches that far: "... ومن الحرس قتلوا"
        if (
            cue in lx.CASUALTY_MEASURES
            and k > after
            and sc.word(k)[:1] == "و"
            and not sc.word(k).endswith("وا")
        ):
            break  # "المئات من التونسيين تقطعت بهم السبل وتشرد الكثير منهم": a new conjunct, a new subject
        if cue in lx.CASUALTY_MEASURES:
            obj = sc.word(k + 1)
            if obj and _lookup(obj, lx.PERSON_NOUNS) is not None:
                return None, 0  # "شرطيين قتلا مواطنا": the figure is the agent, a victim follows
            return cue, 99
    return None, 0


def _near_cue_after(sc: Scan, m: NumberMatch, noun: int | None) -> str | None:
    """A casualty cue right after the figure and its noun ("3 ملايين على الفرار"), not a new conjunct."""
    first = m.tok_end if noun is None else max(m.tok_end, noun + 1)
    for k in range(first, min(first + 2, len(sc.toks))):
        w = sc.word(k)
        if w in _CLAUSE_BREAKS or sc.toks[k].is_digit or w[:1] == "و" or newline_before(sc, k):
            return None
        if w in ("علي", "الي", "من", "في"):
            continue
        cue = cue_measure(sc, k)
        return cue if cue in lx.CASUALTY_MEASURES else None
    return None


def _combined_toll(sc: Scan, k: int, cue: str) -> bool:
    """ "مقتل وإصابة 1115", "قتلى وجرحى": two casualty cues joined by و count both at once."""
    if cue not in lx.CASUALTY_MEASURES:
        return False
    second = lx.COMBINED_SECOND.get(sc.word(k))
    if second is not None:
        first = cue_measure(sc, k - 1)
        if sc.word(k) in lx.COMBINED_SECOND_VERBS:
            # "قتل وأصيب 30" opens its clause; in "38 شخصا قتلوا وأصيب 118", "رجل قتل وأصيب 6" or
            # "لقوا مصرعهم وأصيب المئات" the first verb closes the clause of an earlier subject
            opener = sc.word(k - 2)
            opens = k < 2 or opener in _CLAUSE_BREAKS or opener in lx.NAME_QUOTES or newline_before(sc, k - 1)
            if not (opens or opener in lx.CLAUSE_OPENERS):
                return False
        return first in lx.CASUALTY_MEASURES and first != second
    nxt = lx.COMBINED_SECOND.get(sc.word(k + 1))
    return nxt is not None and nxt != cue


def mixed_toll_after(sc: Scan, m: NumberMatch) -> bool:
    """ "60 شخصا بين جريح وقتيل", "العشرات من عناصرها بين قتيل وجريح": dead and wounded together."""
    for k in range(m.tok_end, min(m.tok_end + 6, len(sc.toks) - 2)):
        w = sc.word(k)
        if w in _CLAUSE_BREAKS or sc.toks[k].is_digit:
            return False
        if w == "بين" and sc.word(k + 1) in lx.MIXED_TOLL_WORDS and sc.word(k + 2) in lx.MIXED_TOLL_WORDS:
            return True
    return False


def _capacity(sc: Scan, m: NumberMatch) -> bool:
    """ "قادرة على حمل 12 صاروخا": weapons a platform carries, not strikes carried out."""
    k = m.first_tok - 1
    if sc.word(k) == "علي":
        k -= 1
    return sc.word(k) in lx.CAPACITY_CUES or sc.word(k - 1) in lx.CAPACITY_CUES


def _fired(sc: Scan, m: NumberMatch, noun: int) -> bool:
    """Munitions are strikes only when fired or falling ("أطلق 12 صاروخا", "سقوط 5 قذائف"),
    not when owned, seized or destroyed."""
    k = m.first_tok - 1
    while k >= 0 and m.first_tok - k <= 10:
        w = sc.word(k)
        if w in ("،", ","):
            k -= 1  # "قصفت المدفعية، بأكثر من 20 قذيفة، مواقع": the verb may stand before a comma
            continue
        if w in _CLAUSE_BREAKS or sc.toks[k].is_digit or newline_before(sc, k + 1):
            break
        if _lookup(sc.word(k), lx.HOLDING_CUES):
            return False  # "تدمير 150 صاروخا", "ضبط 40 قذيفة": the nearest verb holds or destroys them
        if cue_measure(sc, k) == "strikes" or _lookup(sc.word(k), lx.FALLING_CUES):
            return True
        if _lookup(sc.word(k), lx.FIRING_CUES):
            return True  # "هجوم أميركي بـ59 صاروخا", "أسقطت الدفاعات 20 صاروخا" (fired, then intercepted)
        k -= 1
    for k in range(noun + 1, min(noun + 4, len(sc.toks))):
        if cue_measure(sc, k) == "strikes" or _lookup(sc.word(k), lx.FALLING_CUES):
            return True
    return False


def measure_of(sc: Scan, m: NumberMatch) -> MeasureResult:
    """Measure and counted noun of one number."""
    noun = counted_noun(sc, m)
    before = sc.word(m.tok_start - 2)
    if sc.word(m.tok_start - 1) == "ال" and before.startswith("ال") and _lookup(before[2:], lx.PERSON_NOUNS):
        noun = m.tok_start - 2  # "مقتل جميع الركاب الـ18 الذين ...": the people noun stands before
    if noun is not None and sc.word(noun) == "عدد" and sc.word(noun + 1).startswith("ال"):
        noun += 1  # "يرتفع إلى 41 عدد الفلسطينيين الذين قتلوا": the figure counts the noun after عدد
    if m.percent:
        marker = sc.toks[m.tok_end - 1]
        if sc.word(m.first_tok) in lx.PERCENT_SIGNS:
            marker = sc.toks[m.first_tok]
        return MeasureResult("percent", sc.original[marker.start : marker.end], None)
    unit = sc.original[sc.toks[noun].start : sc.toks[noun].end] if noun is not None else None
    noun_measure: str | None = None
    is_person = False
    if noun is not None:
        w = sc.word(noun)
        dual_word = w[1:] if w[:1] in "وف" and dual_measure(w[1:]) is not None else w
        for prefix in ("وال", "ال"):  # "مقتل الجنديين"
            if dual_word.startswith(prefix) and dual_measure(dual_word[len(prefix) :]) is not None:
                dual_word = dual_word[len(prefix) :]
                break
        dual = dual_measure(dual_word)
        base = _lookup(w, lx.MEASURE_NOUNS)
        if dual is not None:
            noun_measure = None if dual == "person" else dual
            is_person = dual in ("person", *lx.PERSON_MEASURES)
        elif base is not None:
            noun_measure = lx.MEASURE_NOUNS[base]
        if _lookup(w, lx.PERSON_NOUNS) is not None:
            is_person = True
            adjective = sc.word(noun + 1)  # "عائلة نازحة", "مدنيين جرحى"
            if adjective in lx.MEASURE_NOUNS and noun_measure is None:
                noun_measure = lx.MEASURE_NOUNS[adjective]
        if noun_measure == "troops" and lx.MEASURE_NOUNS.get(sc.word(noun + 1)) in ("fighters", "detained"):
            noun_measure = lx.MEASURE_NOUNS[sc.word(noun + 1)]  # "3 رجال مسلحين", "4 حراس رهائن"
        elif noun_measure == "fighters" and _security_elements(sc, noun):
            noun_measure = "troops"  # "2000 عنصر من القوات الخاصة", "10 عناصر من الشرطة"
        elif noun_measure == "troops" and _bare_men(sc, noun):
            noun_measure, is_person = None, True  # "ثمانية رجال كانوا على متنها": men, not "رجال الأمن"
        if noun_measure is None and not is_person and _is_prepositional(w):
            noun, unit = None, None
    if noun_measure == "distance_km" and noun is not None and _speed_after(sc, noun):
        return MeasureResult("other", unit, noun)  # "30 كلم/س", "75 كم في الساعة": a speed
    if noun is not None and noun_measure in lx.CASUALTY_MEASURES:
        w2 = sc.word(noun + 1)
        second = lx.MEASURE_NOUNS.get(w2[1:]) if w2[:1] == "و" else None
        if second in lx.CASUALTY_MEASURES and second != noun_measure:
            return MeasureResult("other", unit, noun)  # "سقط 30 قتيلا وجريحا": dead and wounded together
    status = status_after(sc, m)
    if status is not None:
        measure = lx.STATUS_MEASURES.get(status, "other")
        return MeasureResult(measure, unit, noun)
    if noun_measure == "strikes" and _capacity(sc, m):
        return MeasureResult("other", unit, noun)
    if noun is not None and noun_measure is None and _attacks_launched(sc, m, noun):
        return MeasureResult("strikes", unit, noun)  # "نفذ عشرات العمليات الإرهابية", "شن 30 هجوما"
    munition = noun is not None and _lookup(sc.word(noun), lx.MUNITION_NOUNS) is not None
    if noun_measure == "strikes" and munition and not _fired(sc, m, noun):  # type: ignore[arg-type]
        return MeasureResult("other", unit, noun)  # "امتلاكها 800 صاروخ", "تدمير 200 صاروخ"
    people_or_none = noun is None or is_person or noun_measure in (None, *lx.CASUALTY_MEASURES)
    if people_or_none and mixed_toll_after(sc, m):
        return MeasureResult("other", unit, noun)
    cue, distance = event_cue(sc, m, noun)
    own_verb = _own_verb_after(sc, m, noun)
    if own_verb is not None and (cue not in lx.CASUALTY_MEASURES or distance > 2):
        cue, distance = own_verb, 1  # "مضيفا ان 11 مدنيا قتلوا": the figure's own verb, not a cue before it
    owner = sc.word(m.first_tok - 2)
    own = sc.word(m.first_tok - 1) in lx.OWN_COUNT_HEADS and cue in lx.CASUALTY_MEASURES
    if own and not _people_plural(owner) and _lookup(owner, lx.PERSON_NOUNS) is None:
        cue = None  # "المغادرة القادمة لحافلات عددها 121": the figure counts the buses (عددهم: people)
    prevented = any(sc.word(k) in lx.PREVENTION_WORDS for k in range(m.first_tok - 3, m.first_tok))
    after_noun = m.tok_end if noun is None else max(m.tok_end, noun + 1)
    protest = any(_lookup(sc.word(k), lx.PROTEST_WORDS) for k in range(after_noun, after_noun + 3))
    protest = protest or (noun is not None and _lookup(sc.word(noun), lx.PROTESTER_NOUNS) is not None)
    if cue == "injured" and _disease_after(sc, after_noun):
        cue = None  # "إصابة 4 تلاميذ بالتهاب الكبد": cases of a disease, not wounded people
    if cue == "displaced" and (prevented or protest):  # "خروج الآلاف في مظاهرات": they marched
        cue = None  # "تم منع 5000 آخرين من مغادرة البلاد": stopped from leaving, not displaced
    if noun is not None and _lookup(sc.word(noun), lx.TIMES_NOUNS) is not None and _after_attack(sc, m):
        return MeasureResult("strikes", unit, noun)  # "تعرضوا لهجمات بغازات سامة 10 مرات"
    if cue in ("sentenced", "neutralised") and noun_measure not in _NON_PERSON_MEASURES:
        # "بسجن 10 جنود": the sentence beats the troops noun; "حيدنا 4500 إرهابي": killed or captured
        return MeasureResult("other", unit, noun)
    if cue == "mixed":
        if noun_measure is None or noun_measure in lx.CASUALTY_MEASURES:
            return MeasureResult("other", unit, noun)
        cue = None
    casualty = (
        cue in lx.CASUALTY_MEASURES
        and noun_measure not in _NON_PERSON_MEASURES
        and noun_measure not in lx.CASUALTY_MEASURES
    )
    people = noun is None or is_person or noun_measure in lx.PERSON_MEASURES or looks_like_people(sc, noun)
    if not people and distance == 1 and noun_measure is None and cue in ("killed", "injured"):
        # "مقتل 3 فلسطينين": right after a death or wound noun, a sound plural not listed is people
        people = sc.word(noun).endswith(("ين", "ون")) and len(sc.word(noun)) > 4  # type: ignore[arg-type]
    if casualty and people:
        return MeasureResult(cue, unit, noun)  # type: ignore[arg-type]
    if noun_measure is not None:
        return MeasureResult(noun_measure, unit, noun)
    civilian = noun is not None and _lookup(sc.word(noun), lx.CIVILIAN_NOUNS) is not None
    if cue in lx.PERSON_MEASURES and is_person and not civilian:
        return MeasureResult(cue, unit, noun)  # "نشر 300 رجل"; but "سحب ثلاثة ركاب من الحطام" is no troops
    return MeasureResult("other", unit, noun)


def _speed_after(sc: Scan, noun: int) -> bool:
    nxt = sc.word(noun + 1)
    if nxt == "/" and sc.word(noun + 2) in ("س", "ساعه", "h"):
        return True
    return (nxt in lx.SPEED_MARKS and nxt != "/") or f"{nxt} {sc.word(noun + 2)}" in lx.SPEED_MARKS


def _security_elements(sc: Scan, noun: int) -> bool:
    if _lookup(sc.word(noun), lx.FIGHTER_ELEMENT_NOUNS) is None:
        return False
    k = noun + 2 if sc.word(noun + 1) == "من" else noun + 1
    if sc.word(k) in ("القوات", "قوات"):
        return _lookup(sc.word(k + 1), lx.STATE_FORCE_ADJECTIVES) is not None  # "من القوات الخاصة"
    return _lookup(sc.word(k), lx.SECURITY_BODIES) is not None


def _disease_after(sc: Scan, start: int) -> bool:
    """ "بالتهاب", "بفيروس", "بمرض" within three words: an infection, not a wound."""
    for k in range(start, min(start + 3, len(sc.toks))):
        w = sc.word(k)
        if w[:1] == "ب" and (_lookup(w[1:], lx.DISEASE_WORDS) or _lookup("ال" + w[3:], lx.DISEASE_WORDS)):
            return True
    return False


def _bare_men(sc: Scan, noun: int) -> bool:
    """ "رجال"/"رجل" count troops only as security men ("رجال الأمن", "من رجال الشرطة")."""
    base = _lookup(sc.word(noun), lx.MEASURE_NOUNS)
    if base not in ("رجل", "رجال"):
        return False
    return _lookup(sc.word(noun + 1), lx.SECURITY_AFTER_MEN) is None


def _attacks_launched(sc: Scan, m: NumberMatch, noun: int) -> bool:
    """Attacks counted after a verb that carries them out: "نفذ عشرات العمليات الإرهابية" are strikes.

    A bare "عملية/عمليات" is an attack only with an attack adjective after it (not "20 عملية مداهمة").
    """
    w = sc.word(noun)
    base = strip_prefixes(w, lx.ATTACK_COUNT_NOUNS)[1]
    if base not in lx.ATTACK_COUNT_NOUNS:
        return False
    if base in lx.OPERATION_NOUNS and sc.word(noun + 1) not in lx.ATTACK_OPERATION_ADJECTIVES:
        return False
    for k in range(m.first_tok - 1, max(-1, m.first_tok - 4), -1):
        x = sc.word(k)
        if x in _CLAUSE_BREAKS or sc.toks[k].is_digit:
            return False
        if strip_prefixes(x, lx.LAUNCH_VERBS)[1] in lx.LAUNCH_VERBS:
            return True
    return False


def _own_verb_after(sc: Scan, m: NumberMatch, noun: int | None) -> str | None:
    """A plural or dual casualty verb right after the figure's noun: "11 مدنيا قتلوا", "ركاب … أصيبوا".

    The verb may follow "على الأقل", a short من-phrase of at most four words ("ثلاثة ركاب من حطام
    الطائرة أصيبوا") or a share ("بينهم 13 طفلا قتلوا"); a person object after it makes the figure the
    agent ("شرطيين قتلا مواطنا").
    """
    j = m.tok_end if noun is None else max(m.tok_end, noun + 1)
    if sc.word(j) == "علي" and sc.word(j + 1) == "الاقل":
        j += 2
    if sc.word(j) == "من":
        for k in range(j + 1, min(j + 5, len(sc.toks))):
            if sc.word(k) in _CLAUSE_BREAKS or sc.toks[k].is_digit or newline_before(sc, k):
                return None
            if _plural_casualty_verb(sc, k):
                j = k
                break
        else:
            return None
    elif sc.word(j) in lx.PEOPLE_PARTITIVES:
        # "64 مدنيا على الأقل بينهم 13 طفلا قتلوا": the verb after the share governs the whole count
        for k in range(j + 1, min(j + 9, len(sc.toks))):
            if sc.word(k) in _CLAUSE_BREAKS or newline_before(sc, k):
                return None
            if _plural_casualty_verb(sc, k):
                j = k
                break
        else:
            return None
    if not _plural_casualty_verb(sc, j) or newline_before(sc, j):
        return None
    if _lookup(sc.word(j + 1), lx.PERSON_NOUNS) is not None:
        return None
    return cue_measure(sc, j)


def _plural_casualty_verb(sc: Scan, k: int) -> bool:
    w = sc.word(k)
    return w.endswith(("وا", "ا")) and w[:1] != "و" and cue_measure(sc, k) in lx.CASUALTY_MEASURES


def _after_attack(sc: Scan, m: NumberMatch) -> bool:
    """An attack noun shortly before "N مرات" in the same clause (shots fired "3 مرات" are not strikes)."""
    for k in range(m.first_tok - 1, max(-1, m.first_tok - 7), -1):
        w = sc.word(k)
        if w in _CLAUSE_BREAKS or sc.toks[k].is_digit:
            return False
        if strip_prefixes(w, lx.ATTACK_NOUNS)[1] in lx.ATTACK_NOUNS:
            return True
    return False


def looks_like_people(sc: Scan, noun: int) -> bool:
    """Nisba plurals (سوريين، فلسطينيا) name people; the cue decides what happened to them."""
    w = sc.word(noun)
    return w.endswith(("يين", "يون", "يا")) and len(w) > 4


def not_count_reason(
    sc: Scan, m: NumberMatch, unit_tok: int | None, previous: tuple[NumberMatch, str | None] | None = None
) -> str | None:
    """Why this number is not a quantity worth keeping (a year, a label, an age ...), or None.

    ``previous`` is the number before this one with its own reason: in "الفصول 101 و202" or
    "24 و25 آذار" the later members of a list share the first one's reason.
    """
    if not m.parsed:
        return None  # kept as unparsed evidence
    prev = sc.word(m.tok_start - 1)
    if (
        previous is not None
        and previous[1] is not None
        and previous[0].tok_end in (m.tok_start - 1, m.tok_start)
        and (prev in ("و", "،", ",", "-", "او") or previous[0].tok_end == m.tok_start)
    ):
        return previous[1]
    if m.is_digit_only and sc.word(m.tok_end) in _LIST_JOINERS and sc.toks[m.tok_end + 1 : m.tok_end + 2]:
        # "24 و25 آذار", "أيام 7 و8 و9 و12 جوان": a list of days ending in a month
        k = m.tok_end + 1
        while sc.toks[k : k + 1] and sc.toks[k].is_digit and len(sc.toks[k].text) <= 2:
            if sc.word(k + 1) in lx.MONTHS or _lookup(sc.word(k + 1), lx.MONTHS):
                return "date"
            if sc.word(k + 1) not in _LIST_JOINERS:
                break
            k += 2
    before2 = sc.word(m.tok_start - 2)
    people_before = (
        _people_plural(before2)
        or (before2.startswith("ال") and _lookup(before2[2:], lx.PERSON_NOUNS) is not None)
        or sc.word(m.tok_end) in lx.REMAINDER_WORDS
    )
    if prev == "ال" and not _counts_noun(sc, unit_tok) and not people_before:
        return "ordinal or age"  # "دورته الـ71", "دون الـ15"; but "الـ195 مليون دولار" is money
    prev_letters = prev[1:] if prev[:1] in "ولب" and prev[1:] in lx.LETTER_NAMES else prev
    if m.is_digit_only and (_list_item(sc, m) or _numbered_in_sequence(sc, m)):
        return "list item"  # "1- وقف ...", "2) السماح ...", "... آكار 4- وزير العدل ..."
    if m.is_digit_only and _score(sc, m):
        return "score"  # "تغلبت على مصر 3-1"
    if _bracketed_pair(sc, m, unit_tok):
        return "score"  # "خروجه أمام بلجيكا (1-2)", "خسر 1-3 ذهابا و1-2 في باريس"
    if m.is_digit_only and prev in ("+", "-", "–") and sc.word(m.tok_start - 2) == "(":
        return "rank change"  # "1599 نقطة (-3)", "(+2)": places gained or lost in a ranking
    if _weekday_date(sc, m, unit_tok):
        return "date"  # "يومي الجمعة 16 والسبت 17 من الشهر الجاري"; not "قتل الجمعة 12 شخصا"
    if _name_like(sc, m, unit_tok):
        return "name"  # "وقالت مية الجريبي": a first name spelt like a number word
    first = sc.toks[m.tok_start]
    if sc.original[first.start : first.end] in lx.VERB_LIKE_NUMBERS and not _counts_noun(sc, unit_tok):
        return "verb"  # "لست على علم": I am not
    if unit_tok is not None and _calibre(sc, m, unit_tok):
        return "calibre"  # "مدفع عيار 155 مم", "بسلاح طوله 7.65 مم": a label, not a count
    if m.is_digit_only and (prev_letters in lx.LETTER_NAMES or (prev.isascii() and prev.isalpha())):
        return "model name"  # "إف 35", "وإف 35", "MiG 29", "فرانس 24"
    if m.is_digit_only and _model_name(sc, m, unit_tok):
        return "model name"  # "صاروخ من نوع بركان 1", ""آرما 3" على الشاشة"
    if m.is_digit_only and sc.word(m.tok_end) == "و" and sc.toks[m.tok_end + 1 : m.tok_end + 2]:
        k = m.tok_end + 1
        if sc.toks[k].is_digit and _lookup(sc.word(k + 1), lx.TIME_UNITS) is not None:
            return "duration or age"  # "(طفلان 9 و7 سنوات)": the unit after the last number is shared
    if _definite_adjective(sc, m):
        return "definite numeral adjective"  # "الدول الأربع": points back at things already named
    if _standalone_definite(sc, m, unit_tok):
        return "anaphoric definite number"  # "قبل أن يجلس الثلاثة معا": the three named before
    if unit_tok is not None and _lookup(sc.word(unit_tok), lx.DEGREE_UNITS) is not None:
        return "degrees"  # "زلزال بقوة 6,4 درجات", "40 درجة مئوية": a measurement, not a count
    if m.qualifier == "range" and _year_range(sc, m, unit_tok):
        return "year range"  # "في الفترة الممتدة من 1955 الى 2013"
    if sc.word(m.tok_end) == "من" and _lookup(sc.word(m.tok_end + 1), lx.LAW_WORDS):
        return "label"  # "الفصول 201 و204 من المجلة الجزائية"
    if (
        sc.word(m.tok_end) in ("مكرر", "مكررا")
        or sc.word(m.tok_end) in lx.ARTICLE_SUFFIXES
        or (sc.word(m.tok_end) == "في" and sc.word(m.tok_end + 1).startswith(("فقرت", "فقرات", "الفقر")))
    ):
        return "label"  # "الفصل 13 مكرر", "و237 في فقراته الأولى"
    start = sc.toks[m.tok_start].start
    if m.is_digit_only and start >= 2 and sc.original[start - 1] == "-" and sc.original[start - 2].isalpha():
        return "model name"  # "جي-31"
    if sc.word(m.tok_end) == "من" and _lookup(sc.word(m.tok_end + 1), lx.AGE_CUES):
        return "age"
    if m.is_digit_only and sc.word(m.tok_end) == "من" and _lookup(sc.word(m.tok_end + 1), lx.MONTHS):
        return "date"  # "3 من جوان", "11 من سبتمبر"
    prev_base = prev[1:] if len(prev) > 2 and prev[0] in "وبل" and prev[1:] in lx.LABEL_WORDS else prev
    nxt = sc.word(m.tok_end)
    labelled = prev_base in lx.LABEL_WORDS and (not _counts_noun(sc, unit_tok) or nxt == "من")
    # "المجموعة 40 صاروخا" counts; "الفرقة 800 من الشرطة العسكرية" names a unit
    if labelled or prev in ("#", "№") or prev.lower() in ("no", "n°"):
        return "label"
    if unit_tok is not None and _lookup(sc.word(unit_tok), lx.TIME_UNITS) is not None:
        return "duration or age"
    month_before = prev in lx.MONTHS or _lookup(prev, lx.MONTHS)
    if nxt in lx.MONTHS or _lookup(nxt, lx.MONTHS) or (month_before and not m.words):
        return "date"  # but "بتاريخ 30 أبريل تسعة صحافيين": a number word after a month is a count
    if m.is_digit_only and m.value is not None:
        text = sc.toks[m.tok_start].text
        year_cue = (prev[1:] if prev[:1] in "وبلف" and prev[1:] in lx.YEAR_CUES else prev) in lx.YEAR_CUES
        if m.value == int(m.value) and 1000 <= m.value < 1900 and len(text) == 4 and year_cue:
            return "year"  # "في عام 1808"
        bare_in = (prev[1:] if prev[:1] in "وف" else prev) in ("في", "منذ") and unit_tok is None
        if m.value == int(m.value) and 1000 <= m.value < 1900 and len(text) == 4 and bare_in:
            return "year"  # "وفي 1783، اعترفت بريطانيا": nothing counted after a bare year
        if nxt in lx.CLOCK_ZONE_WORDS or (nxt == "ت" and sc.word(m.tok_end + 1) == "غ"):
            return "clock time"  # "(04.00 بتوقيت غرينتش)", "(0900 ت غ)"
        if m.value == int(m.value) and 1900 <= m.value <= 2100 and len(text) == 4:
            base_prev = prev[1:] if prev[:1] in "وبلف" and prev[1:] in lx.YEAR_CUES else prev
            if (
                base_prev in lx.YEAR_CUES
                or nxt in lx.YEAR_SUFFIXES
                or unit_tok is None
                or (
                    _lookup(sc.word(unit_tok), lx.MEASURE_NOUNS) is None
                    and _lookup(sc.word(unit_tok), lx.PERSON_NOUNS) is None
                )
            ):
                return "year"
        if (len(text) >= 8 and text.startswith("0")) or text.startswith("00"):
            return "phone number"
        if len(text) == 4 and nxt in lx.YEAR_SUFFIXES:
            return "year"  # "رمضان المعظم 1438 هجري"
        phone_cue = any(sc.word(k) in lx.PHONE_CUES for k in range(max(0, m.tok_start - 7), m.tok_start))
        if len(text) >= 8 and not _counts_noun(sc, unit_tok) and phone_cue:
            return "phone number"  # "على الرقم التالي : 52262584"
        if prev in ("+",) and len(text) >= 6:
            return "phone number"
    if prev in lx.AGE_CUES or (sc.word(m.tok_start - 2) in lx.AGE_CUES and prev == "من"):
        return "age"
    if nxt in lx.RANK_WORDS:
        return "rank"  # "مصر (18 عالميا)": a place in a ranking
    if prev == "(" and nxt == ")" and m.is_digit_only:
        if _people_plural(sc.word(m.tok_start - 2)):
            return None  # "المتهمين (2)": a bracketed count of the plural people before it
        return "age or label in brackets"
    return None


def _numbered_in_sequence(sc: Scan, m: NumberMatch) -> bool:
    """ "3- وزير الدفاع - خلوصي آكار 4- وزير العدل": "N-" after its neighbour "N-1-" numbers an item."""
    if sc.word(m.tok_end) not in ("-", "–") or m.value is None or m.value != int(m.value) or m.value > 50:
        return False
    if sc.toks[m.tok_end + 1 : m.tok_end + 2] and sc.toks[m.tok_end + 1].is_digit:
        return False  # "10-15": a range
    for k in range(max(0, m.tok_start - 40), min(len(sc.toks) - 1, m.tok_end + 40)):
        if k == m.tok_start or not sc.toks[k].is_digit or sc.word(k + 1) not in ("-", "–"):
            continue
        if sc.toks[k + 2 : k + 3] and sc.toks[k + 2].is_digit:
            continue
        text = sc.toks[k].text
        if text.isdigit() and abs(int(text) - m.value) == 1:
            return True
    return False


def _score(sc: Scan, m: NumberMatch) -> bool:
    """ "3-1", "2 - 0": two small numbers joined by a hyphen that form no rising range are a score."""
    if m.qualifier == "range" or m.value is None or m.value > 20:
        return False
    after, before = sc.word(m.tok_end), sc.word(m.tok_start - 1)
    other: int | None = None
    if after in ("-", "–") and sc.toks[m.tok_end + 1 : m.tok_end + 2] and sc.toks[m.tok_end + 1].is_digit:
        other = m.tok_end + 1
        text = sc.toks[other].text
        first, second = m.value, float(text) if text.isdigit() else -1.0
    elif before in ("-", "–") and m.tok_start >= 2 and sc.toks[m.tok_start - 2].is_digit:
        other = m.tok_start - 2
        text = sc.toks[other].text
        first, second = float(text) if text.isdigit() else -1.0, m.value
    else:
        return False
    if not text.isdigit() or int(text) > 20:
        return False
    next_word = sc.word((other if other > m.tok_start else m.tok_end - 1) + 1)
    counted = (
        _lookup(next_word, lx.MEASURE_NOUNS) is not None or _lookup(next_word, lx.PERSON_NOUNS) is not None
    )
    return first >= second and not counted  # "10-15 قتيلا" rises and counts


def _weekday_date(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    prev = sc.word(m.tok_start - 1)
    prev = prev[1:] if prev[:1] == "و" and prev[1:] in lx.WEEKDAY_WORDS else prev
    if not m.is_digit_only or prev not in lx.WEEKDAY_WORDS or m.value is None or not 1 <= m.value <= 31:
        return False
    nxt = sc.word(m.tok_end)
    day_after = nxt[:1] == "و" and nxt[1:] in lx.WEEKDAY_WORDS
    return not _counts_noun(sc, unit_tok) and (nxt in ("من", "،", ",", ".", "و") or day_after)


def _bracketed_pair(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    """ "(1-2)": a pair of small numbers alone in brackets is a score, not a range."""
    if m.qualifier != "range" or m.max is None or m.max > 10:
        return False
    inner = [sc.word(k) for k in range(m.tok_start, m.tok_end)]
    hyphen = len(inner) == 3 and inner[1] in ("-", "–")
    glued = hyphen and sc.toks[m.tok_start].end == sc.toks[m.tok_start + 1].start
    bracketed = sc.word(m.tok_start - 1) == "(" and sc.word(m.tok_end) == ")"
    bare = glued and m.first_tok == m.tok_start and cue_measure(sc, m.tok_start - 1) is None
    bare = bare and not _counts_noun(sc, unit_tok)  # "ونقل 2-3 أشخاص" counts people
    return hyphen and (bracketed or bare)  # "وقتل 1-2 يوميا": after a casualty verb it is a range


def _name_like(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    """A lone number word that is also a first name counts only before a noun it can count."""
    tok = sc.toks[m.tok_start]
    if m.tok_end - m.tok_start != 1 or sc.original[tok.start : tok.end] not in lx.NAME_LIKE_NUMBER_WORDS:
        return False  # the written form: "مئة" folds to "مية" but is never a name
    return not _counts_noun(sc, unit_tok)


def _calibre(sc: Scan, m: NumberMatch, unit_tok: int) -> bool:
    if _lookup(sc.word(unit_tok), lx.CALIBRE_UNITS) is None:
        return False
    return any(
        _lookup(sc.word(k), lx.CALIBRE_CONTEXT) is not None
        for k in range(max(0, m.first_tok - 3), m.first_tok)
    )


def _model_name(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    """A small number after a name word: after a type word ("نوع بركان 1") or a name opened by a quote."""
    if len(sc.toks[m.tok_start].text) > 2 or _counts_noun(sc, unit_tok) or m.tok_start < 2:
        return False
    name = sc.word(m.tok_start - 1)
    if not name[:1].isalpha() or cue_measure(sc, m.tok_start - 1) is not None or name in lx.NUMBER_WORDS:
        return False
    if sc.word(m.tok_start - 2) in lx.MODEL_HEADS:
        return True
    # '"آرما 3 على الشاشة"', '"آرما 3"': a quote opened right before the name, a quote or a preposition after
    quote = sc.toks[m.tok_start - 2]
    opened = sc.word(m.tok_start - 2) in lx.NAME_QUOTES and quote.end == sc.toks[m.tok_start - 1].start
    closes = sc.word(m.tok_end) in lx.NAME_QUOTES or sc.word(m.tok_end) in ("علي", "في")
    shortest = 4
    if sc.word(m.tok_start - 2) == "(" and quote.end == sc.toks[m.tok_start - 1].start:
        opened, closes, shortest = True, sc.word(m.tok_end) == ")", 3  # "(أرو 3)": a model in brackets
    if m.percent or not (opened and closes) or len(name) < shortest:
        return False
    return _lookup(name, lx.MEASURE_NOUNS) is None and _lookup(name, lx.PERSON_NOUNS) is None


def _list_item(sc: Scan, m: NumberMatch) -> bool:
    """A small number opening a line or sentence and followed by "-" or ")" numbers a list item.

    A ranking runs longer: "99- فلسطين" opening a line numbers its item up to 300.
    """
    if sc.word(m.tok_end) not in ("-", ")", "–", ".") or m.value is None:
        return False
    line_rank = sc.word(m.tok_end) in ("-", "–") and (m.tok_start == 0 or newline_before(sc, m.tok_start))
    if m.value > (300 if line_rank else 50):
        return False
    if sc.word(m.tok_end) == "." and not (m.tok_start > 0 and sc.word(m.tok_start - 1) == "."):
        return False  # "3. قريبة" after a full stop numbers an item; "ارتفع العدد إلى 3." ends a sentence
    if sc.toks[m.tok_end + 1 : m.tok_end + 2] and sc.toks[m.tok_end + 1].is_digit:
        return False  # "10-15": a range
    i = m.tok_start
    return i == 0 or sc.word(i - 1) in (".", ":", "؛") or newline_before(sc, i)


def _counts_noun(sc: Scan, unit_tok: int | None) -> bool:
    """Whether the counted noun is one the stage measures (money, people, casualties)."""
    if unit_tok is None:
        return False
    w = sc.word(unit_tok)
    return _lookup(w, lx.MEASURE_NOUNS) is not None or _lookup(w, lx.PERSON_NOUNS) is not None


def _people_plural(word: str) -> bool:
    base = word[2:] if word.startswith("ال") else word
    return base.endswith(("ين", "ون")) and (
        _lookup(base, lx.PERSON_NOUNS) is not None or _lookup(base, lx.MEASURE_NOUNS) is not None
    )


def _definite_adjective(sc: Scan, m: NumberMatch) -> bool:
    """ "الدول الأربع", "بالدول الأربع": a definite number word after a definite noun of things."""
    if m.is_digit_only or m.tok_end - m.tok_start not in (1, 2):
        return False
    for i in range(m.tok_start, m.tok_end):  # "الأربع والعشرين": a compound is definite in both words
        w = sc.word(i)
        if not (w.startswith("ال") or w.startswith(("بال", "وال", "لل"))):
            return False
        if lx.NUMBER_WORDS.get(strip_prefixes(w, lx.NUMBER_WORDS)[1], ("", 0))[0] not in ("unit", "ten"):
            return False  # "العشرات", "الآلاف" are amounts, not adjectives
    prev = sc.word(m.tok_start - 1)
    base = prev
    for p in ("وبال", "وال", "بال", "لل", "ال"):
        if prev.startswith(p) and len(prev) > len(p) + 1:
            base = prev[len(p) :]
            break
    else:
        return False
    people = (
        _lookup(base, lx.PERSON_NOUNS) is not None
        or _lookup(base, lx.MEASURE_NOUNS) is not None
        or _lookup(prev, lx.MEASURE_NOUNS) is not None
        or dual_measure(base) is not None
        or base.endswith(("يين", "ين", "ون"))
    )
    return not people


def _year_range(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    """Both ends of a range are four-digit years and nothing counted follows."""
    ends = (m.min, m.max)
    digits = [sc.toks[k].text for k in range(m.tok_start, m.tok_end) if sc.toks[k].is_digit]
    if any(e is None or e != int(e) or not 1900 <= e <= 2100 for e in ends) or not digits:
        return False
    if any(len(d) != 4 for d in digits):
        return False
    return not _counts_noun(sc, unit_tok)


def _standalone_definite(sc: Scan, m: NumberMatch, unit_tok: int | None) -> bool:
    """ "يجلس الثلاثة", "إن الأربعة": a definite number word with no noun of its own refers back."""
    if m.is_digit_only or m.tok_end - m.tok_start != 1 or _counts_noun(sc, unit_tok):
        return False
    w = sc.word(m.tok_start)
    if not w.startswith(("ال", "وال", "بال", "لل")):
        return False
    if lx.NUMBER_WORDS.get(strip_prefixes(w, lx.NUMBER_WORDS)[1], ("", 0))[0] not in ("unit", "ten"):
        return False
    prev = sc.word(m.tok_start - 1)
    if prev.startswith(("ال", "وال", "بال", "لل")) or cue_measure(sc, m.tok_start - 1) is not None:
        return False
    return not (len(prev) > 4 and prev.endswith(("ه", "ها", "هم")))  # "وروافده الثلاثة": its three
