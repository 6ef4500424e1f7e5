"""Rule-based recognition of Arabic time expressions with TIMEX3 normalisation.

Each rule is a regular expression over the folded text (``rasd.text.normalise``)
plus a handler that turns a match into a candidate (span, type, value, precision,
mod). Candidates are resolved longest-first so "أمس الأربعاء" and
"الخامس عشر من أكتوبر الماضي" come out as one expression each; spans are mapped
back to original offsets. Relative expressions are computed against the
publication date and get ``value=None`` when there is none.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rasd.model import Timex
from rasd.text.normalise import NormalizedText, normalize
from rasd.time import lexicon as lx
from rasd.time import normalise as nm

S = r"[^\S\n]+"  # whitespace that does not cross a line
OS = r"[^\S\n]*"
_LEFT = r"(?<!\w)"
_RIGHT = r"(?!\w)"
# Proclitics kept outside the span: و ف + ب ل ك.
_PREFIX = r"(?:[وف]?[بلك]?)"
_AL = r"(?:ال|(?<=ل)ل)"  # the article, or the ل left of "لل" after the preposition ل


def _alt(words: Iterable[str], article: bool = True) -> str:
    """Regex alternation of folded phrases, longest first, spaces as flexible blanks."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        body = S.join(re.escape(p) for p in w.split(" "))
        if article and w.startswith("ال"):
            body = _AL + body[2:]
        parts.append(body)
    return "(?:" + "|".join(parts) + ")"


def _key(s: str) -> str:
    """Lexicon key of matched folded text (collapse blanks, restore a "لل"-split article).

    A word that is itself a lexicon entry ("ليل", "ليلة", "لمدة") is never a split article."""
    s = " ".join(s.split())
    if s.startswith("ل") and not s.startswith("ال") and s not in lx.LEXICON_WORDS:
        return "ا" + s
    return s


WD = _alt(lx.WEEKDAYS)
WD_BARE = _alt(w[2:] for w in lx.WEEKDAYS)
DEI = _alt(lx.DEICTIC_DAYS)
POD = _alt(lx.PARTS_OF_DAY)
REL = _alt(lx.RELATIONS)
MOD = _alt(lx.MODIFIERS)
MON = _alt(lx.MONTHS)
ORD = _alt(lx.ORDINALS)
NUMW = _alt(lx.CARDINALS | {w: 0 for w in lx.THOUSANDS_PLURAL})
NUMPHRASE = rf"{NUMW}(?:(?:{S}|{OS}و{OS}){NUMW}){{0,5}}"  # bounded: no quadratic backtracking
NUM = rf"(?:\d{{1,6}}(?:\.\d+)?|{NUMPHRASE})"
UNIT = _alt(lx.UNITS)
DUNIT = _alt(lx.DEFINITE_UNITS)
DREL = _alt(lx.DURATION_RELATIONS)
ERA = _alt(lx.GREGORIAN_ERA | lx.HIJRI_ERA)
BOUND = _alt(lx.BOUNDS)
VAGUE = _alt(lx.VAGUE_COUNTS)
YEARN = _alt(lx.YEAR_NOUNS)
SEASON = _alt(lx.SEASONS)
PERIOD = _alt(lx.PERIOD_NOUNS)
HOURW = _alt(lx.HOUR_WORDS)
CPER = _alt(lx.CLOCK_PERIODS)
FRAC = _alt(lx.CLOCK_FRACTIONS)
VREF = _alt(lx.VAGUE_REFS)
RECUR = _alt(lx.RECURRENCE)
DECADE = _alt([w[2:] for w in lx.DECADE_STEMS], article=False)
_YEAR_PHRASE = rf"(?:{_AL}عام|{_AL}سنه)"


@dataclass(slots=True)
class Candidate:
    """A recognised expression at folded offsets, before overlap resolution."""

    start: int
    end: int
    type: str
    value: str | None
    precision: str | None
    anchored: bool = False
    mod: str | None = None
    kind: str = ""  # rule family, used by the merging passes
    weekday: int | None = None  # the weekday named in the expression (Monday = 0)
    pod: str | None = None  # its part of day (TIMEX3 MO, AF, EV, NI...)
    start_group: str = ""  # a named group where the expression starts when not at the match start
    year_from: str = ""  # "list": a later listed date may give the year; "same": an earlier one does


@dataclass(slots=True)
class _Ctx:
    folded: str
    norm: NormalizedText
    anchor: dt.date | None


Handler = Callable[[re.Match[str], _Ctx], Candidate | None]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    compiled = re.compile(_LEFT + _PREFIX + "(?P<core>" + pattern + ")" + _RIGHT)

    def register(fn: Handler) -> Handler:
        _RULES.append((compiled, fn))
        return fn

    return register


def _pod_code(raw: str) -> str:
    """TIMEX3 part-of-day code of a matched part-of-day word (with or without the article)."""
    key = _key(raw)
    return lx.PARTS_OF_DAY[key[2:] if key.startswith("ال") and key not in lx.PARTS_OF_DAY else key]


def _g(m: re.Match[str], name: str) -> str | None:
    value = m.groupdict().get(name)
    return _key(value) if value else None


def _cand(
    m: re.Match[str],
    type_: str,
    value: str | None,
    precision: str | None,
    anchored: bool,
    mod: str | None = None,
    kind: str = "",
    group: str = "core",
) -> Candidate:
    return Candidate(m.start(group), m.end(group), type_, value, precision, anchored, mod, kind)


def _word_before(ctx: _Ctx, pos: int) -> str:
    words = ctx.folded[max(0, pos - 30) : pos].split()
    return words[-1] if words else ""


def _bare_word_before(ctx: _Ctx, pos: int) -> str:
    """The word before ``pos``, quotation marks around it or standing alone skipped."""
    words = [w.strip("\"'«»“”") for w in ctx.folded[max(0, pos - 30) : pos].split()]
    words = [w for w in words if w]
    return words[-1] if words else ""


def _quoted_title_end(ctx: _Ctx, start: int, end: int) -> bool:
    """The span closes the quoted name of an outlet: `موقع "المصري اليوم"` (a media noun, an opening
    quotation mark, one word, the span, a closing quotation mark); quoted speech is not a name."""
    if not re.match(r"[\"»”]", ctx.folded[end : end + 1]):
        return False
    title = re.search(r"(\w+)\s*[\"«“]\w+\s+$", ctx.folded[max(0, start - 40) : start])
    return title is not None and _in_lexicon(title.group(1), lx.MEDIA_NOUNS)


def _in_lexicon(word: str, words: frozenset[str]) -> bool:
    """``word`` or the word without one or two proclitics (و ف ب ل ك) is in ``words``."""
    return any(word[i:] in words for i in range(min(3, len(word))) if i == 0 or word[i - 1] in "وفبلك")


def _rest(ctx: _Ctx, pos: int) -> str:
    return ctx.folded[pos : pos + 40]


def parse_number(text: str) -> float | None:
    """Value of digits or an Arabic number phrase ("خمسة وتسعين" -> 95); None if not a number."""
    text = text.strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    total = 0
    current = 0
    words = [w for w in re.split(r"\s+|(?<=\S)\s*و(?=\S)", text) if w]
    words = [
        w[1:] if w.startswith("و") and w not in lx.CARDINALS and w[1:] in lx.CARDINALS else w for w in words
    ]
    for word in words:
        if word in lx.THOUSANDS_PLURAL:
            total += max(current, 1) * 1000
            current = 0
        elif word in ("عشر", "عشره") and 0 < current < 10:
            current += 10
        elif word in lx.CARDINALS:
            value = lx.CARDINALS[word]
            if value >= 1000:
                total += value
            else:
                current += value
        else:
            return None
    return float(total + current) if total + current > 0 else None


# --- day-level deictics: أمس، اليوم، غدا، صباح اليوم، أمس الأربعاء ---------------------------


@_rule(rf"(?:(?P<pod>{POD}){S}(?:يوم{S})?)?(?:يوم{S})?(?P<dei>{DEI})(?:{S}(?:يوم{S})?(?P<wd>{WD}))?")
def _deictic(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    dei = _g(m, "dei") or ""
    if dei == "اليوم" and not m.group("wd") and _quoted_title_end(ctx, m.start("core"), m.end("core")):
        return None  # "موقع \"المصري اليوم\"": a title ending in "اليوم"
    if dei == "اليوم" and not m.group("wd"):
        follow = re.match(rf"{S}(ال\w+)", _rest(ctx, m.end()))
        if follow and follow.group(1) not in lx.WEEKDAYS and follow.group(1) not in ("الي", "الا"):
            return None  # "اليوم الأول", "اليوم العالمي": the noun "day", not today
        if _word_before(ctx, m.start("core")) in ("ذلك", "نفس", "ذات", "هذا"):
            return None
        if not m.group("pod") and _word_before(ctx, m.start("core")) == "مدار":
            return _cand(m, "DURATION", "P1D", "day", False, kind="duration")  # "على مدار اليوم"
        if re.match(rf"{S}(?:نفسه|ذاته|عينه)(?!\w)", _rest(ctx, m.end())):
            return None  # "وفي اليوم نفسه": the day just narrated, not today
    offset = lx.DEICTIC_DAYS[dei]
    pod = _pod_code(m.group("pod")) if m.group("pod") else None
    if ctx.anchor is None:
        cand = _cand(m, "TIME" if pod else "DATE", None, "day", True, kind="day")
    else:
        day = ctx.anchor + dt.timedelta(days=offset)
        if m.group("wd"):
            # "اليوم السبت" in a paper dated Sunday: the article was written before its date
            # stamp, and the named weekday is the better evidence; up to three days back.
            back = (day.weekday() - lx.WEEKDAYS[_g(m, "wd") or ""]) % 7
            if back <= 3:
                day -= dt.timedelta(days=back)
        value = day.isoformat()
        if pod:
            cand = _cand(m, "TIME", f"{value}T{pod}", "partofday", True, kind="day")
        else:
            cand = _cand(m, "DATE", value, "day", True, kind="day")
    cand.pod = pod
    cand.weekday = lx.WEEKDAYS[_g(m, "wd") or ""] if m.group("wd") else None
    return cand


@_rule(rf"(?:{_AL}ليله{S}(?P<past>{_AL}ماضيه)|(?:هذه{S})?{_AL}ليله|هذا{S}(?P<pod>{_AL}صباح|{_AL}مساء))")
def _tonight(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    if not m.group("past") and not m.group("pod") and re.match(rf"{S}ال\w", _rest(ctx, m.end())):
        return None
    pod = "NI" if not m.group("pod") else ("MO" if "صباح" in m.group("pod") else "EV")
    if ctx.anchor is None:
        return _cand(m, "TIME", None, "partofday", True, kind="day")
    day = nm.shift_days(ctx.anchor, -1 if m.group("past") else 0)
    return _cand(m, "TIME", f"{day}T{pod}", "partofday", True, kind="day")


# --- weekdays: الأربعاء، يوم الأربعاء المقبل، مساء الأحد -----------------------------------------


_NAMED_DAY = _alt(lx.NAMED_DAY_ADJECTIVES)
# After a weekday: a clause relating it to an event ("الذي يسبق العيد") or saying it recurs ("الأول
# من شهر نيسان في كل عام"); such a weekday is not one of the publication's week.
_NOT_THIS_WEEK = re.compile(
    rf"{S}(?:{_AL}ذي|{_AL}تي){S}(?:ي|ت)?(?:سبق|يلي|تلي|تلا|يسبقه|يليه|سبقت|تلت){_RIGHT}"
    rf"|(?:{S}{ORD}{S}من)?(?:{S}شهر)?{S}{MON}(?:{OS}/{OS}{MON})?{S}(?:في{S}|من{S})?كل{S}(?:عام|سنه){_RIGHT}"
    rf"|{S}(?:في{S}|من{S})?كل{S}(?:اسبوع|عام|سنه){_RIGHT}"
)


@_rule(
    rf"(?:(?P<pod>{POD}){S})?(?:(?P<this>هذا){S})?(?:يوم{S})?(?P<wd>{WD})"
    rf"(?:{S}(?P<rel>{REL})|{S}(?P<named>{_NAMED_DAY}))?"
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    wd = _g(m, "wd") or ""
    after = _rest(ctx, m.end())
    if re.match(rf"{S}عشره?{_RIGHT}", after):
        return None  # "الأحد عشر" is eleven
    if wd == "الاثنين" and _word_before(ctx, m.start("core")) in ("بين", "كلا", "هذين", "هذان", "من"):
        return None  # "the two"
    weekday = lx.WEEKDAYS[wd]
    rel_word = _g(m, "rel")
    relation = lx.RELATIONS[rel_word] if rel_word else 0
    pod = _pod_code(m.group("pod")) if m.group("pod") else None
    type_ = "TIME" if pod else "DATE"
    if ctx.anchor is None:
        cand = _cand(m, type_, None, "day", True, kind="weekday")
        cand.weekday, cand.pod = weekday, pod
        return cand
    if m.group("named") or _NOT_THIS_WEEK.match(after) or _word_before(ctx, m.start("core")) == "ايام":
        # "الأربعاء الأحمر", "الجمعة العظيمة" name days; "صباح الثلاثاء الذي يسبق العيد" is
        # relative to the feast: an unresolved weekday, not the publication's week.
        value = f"XXXX-WXX-{weekday + 1}"
        cand = _cand(m, type_, f"{value}T{pod}" if pod else value, "partofday" if pod else "day", False)
        cand.kind, cand.weekday, cand.pod = "weekday", weekday, pod
        return cand
    coming = _future_before(ctx, m.start("core")) or _present_main_verb(ctx, m.start("core"))
    if (m.group("this") or coming) and not rel_word:
        value = nm.weekday_on_or_after(ctx.anchor, weekday).isoformat()  # "هذا السبت", "سيزور ... الأحد"
    else:
        value = nm.weekday_relative(ctx.anchor, weekday, relation).isoformat()
    if pod:
        value = f"{value}T{pod}"
    cand = _cand(m, type_, value, "partofday" if pod else "day", True, kind="weekday")
    cand.weekday, cand.pod = weekday, pod
    return cand


@_rule(rf"(?P<pod>ليل|{_AL}ليل|ليله|{_AL}ليله){S}(?P<wd1>{WD}){OS}(?:[-/–]|الي{S}|و)?{OS}(?P<wd2>{WD})")
def _night_between(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "ليل الثلاثاء الأربعاء": the night from Tuesday to Wednesday (TIMEX3 night of the first day)."""
    first, second = lx.WEEKDAYS[_g(m, "wd1") or ""], lx.WEEKDAYS[_g(m, "wd2") or ""]
    if (first + 1) % 7 != second:
        return None
    if ctx.anchor is None:
        return _cand(m, "TIME", None, "partofday", True, kind="night")
    if _future_before(ctx, m.start("core")):
        end_day = nm.weekday_on_or_after(ctx.anchor, second)
    else:
        end_day = nm.weekday_on_or_before(ctx.anchor, second)
    return _cand(m, "TIME", f"{nm.shift_days(end_day, -1)}TNI", "partofday", True, kind="night")


# --- relative periods: الأسبوع الماضي، هذا العام، أوائل الشهر الماضي، منتصف العام الجاري ---------


@_rule(
    rf"(?:(?P<mod>{MOD}){S})?(?:(?P<this>هذا|هذه){S}(?P<unit1>{PERIOD})"
    rf"|(?P<unit2>{PERIOD}){S}(?:(?P<before>قبل{S}{_AL}ماضي)|(?P<rel>{REL})))"
)
def _period(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    unit_word = _g(m, "unit1") or _g(m, "unit2") or ""
    granularity = lx.PERIOD_NOUNS[unit_word]
    if granularity in ("quarter", "half"):
        return None  # "النصف الماضي" is not a date; quarters need "من العام" (see below)
    if (
        unit_word == "العام"
        and _g(m, "rel") in lx.OFFICE_RELATIONS
        and _after_definite_noun(ctx, m.start("core"))
    ):
        return None  # "الأمين العام السابق": the former secretary-general
    if _g(m, "rel") in ("السابق", "السابقه") and re.match(rf"{S}(?:علي{_RIGHT}|ل\w)", _rest(ctx, m.end())):
        # "العام السابق على انتخابه": the year before an event of the story, not before publication;
        # "مارس 2015 وهو العام السابق على ..." names the year just given, else it stays untagged.
        if _word_before(ctx, m.start("core")) not in ("وهو", "وهي", "هو", "هي"):
            return None
        cand = _cand(m, "DATE", _period_value(ctx.anchor, granularity, -1), granularity, False, kind="period")
        cand.year_from = "same" if granularity == "year" else ""
        return cand if granularity == "year" else None
    if m.group("before"):
        relation = -2
    elif m.group("rel"):
        relation = lx.RELATIONS[_g(m, "rel") or ""]
    else:
        relation = 0
    mod = lx.MODIFIERS[_g(m, "mod") or ""] if m.group("mod") else None
    value = _period_value(ctx.anchor, granularity, relation)
    if granularity == "week" and _g(m, "mod") in lx.WEEKEND_WORDS:
        return _cand(m, "DATE", value and value + "-WE", "weekend", True, kind="period")
    return _cand(m, "DATE", value, granularity, True, mod, kind="period")


@_rule(rf"(?P<mod>{MOD}){S}(?:شهر{S})?(?P<unit>{_AL}اسبوع|{_AL}شهر|{_AL}عام|{_AL}سنه)")
def _period_mod_only(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """A modifier on a bare period ("مطلع العام", "نهاية الشهر") means the current period."""
    if re.match(rf"{S}(?:{REL}|\d|{MON}|قبل)", _rest(ctx, m.end())):
        return None  # handled by the longer rules
    granularity = lx.PERIOD_NOUNS[_g(m, "unit") or ""]
    mod = lx.MODIFIERS[_g(m, "mod") or ""]
    if granularity == "week" and _g(m, "mod") in lx.WEEKEND_WORDS:
        # Early in the week, a bare "نهاية الأسبوع" in a report is the weekend just past,
        # unless the clause speaks of the future ("ستعقد ... نهاية الأسبوع").
        early = ctx.anchor is not None and ctx.anchor.weekday() <= 3
        past = (
            early and not _future_before(ctx, m.start("core")) and not _imperfect_before(ctx, m.start("core"))
        )
        value = _period_value(ctx.anchor, "week", -1 if past else 0)
        return _cand(m, "DATE", value and value + "-WE", "weekend", True, kind="period")
    return _cand(m, "DATE", _period_value(ctx.anchor, granularity, 0), granularity, True, mod, kind="period")


_CLAUSE_END = re.compile(r"[.،,؛;:!?؟\n\"«»()]")
_NOT_IMPERFECT = frozenset(
    normalize(w) for w in ("يوم", "يوما", "يومي", "يومين", "يناير", "يونيو", "يوليو", "يونيه", "يوليه")
)


def _clause_words(ctx: _Ctx, pos: int, across_comma: bool = False) -> list[str]:
    """The words of the clause before ``pos`` (up to 80 characters back), a glued و/ف removed.

    ``across_comma``: a comma right before ``pos`` sets off an adverb of the clause before it
    ("ومن المقرر أن تفتتح الولايات المتحدة، الاثنين، سفارتها")."""
    chunk = ctx.folded[max(0, pos - 80) : pos]
    if across_comma:
        chunk = re.sub(r"[،,]\s*$", " ", chunk)
    clause = _CLAUSE_END.split(chunk)[-1]
    return [w[1:] if w[:1] in "وف" and len(w) > 4 else w for w in clause.split()]


def _imperfect_before(ctx: _Ctx, pos: int, window: int = 6) -> bool:
    """A present-tense verb (يـ) among the last words of the clause: "يسافر اللاعبون نهاية الأسبوع"."""
    recent = _clause_words(ctx, pos)[-window:]
    return any(w.startswith("ي") and len(w) >= 4 and w not in _NOT_IMPERFECT for w in recent)


_WAS = frozenset({"كان", "كانت", "وكان", "وكانت"})


def _future_before(ctx: _Ctx, pos: int, window: int = 6) -> bool:
    """A future cue among the few words before ``pos`` in the same clause: a verb with the future
    prefix سـ ("سيزور", "ستعقد") or "سوف"/"من المقرر"."""
    words = _clause_words(ctx, pos)
    # "من المقرر أن تفتتح الوزيرة المعرض الجديد في العاصمة الاثنين": a scheduling word
    # governs the whole clause, even across a comma before the weekday; a verb's future prefix
    # only the last few words of its own clause (a name such as "ستيفن، الخميس" is no verb).
    wide = _clause_words(ctx, pos, across_comma=True)
    for i, w in enumerate(wide):
        if w in lx.SCHEDULE_WORDS and not set(wide[max(0, i - 3) : i]) & _WAS:
            return True  # not "وكان من المقرر/المتوقع أن": a plan or expectation of the past
        if w == "علي" and i + 1 < len(wide) and wide[i + 1] == "ان":
            return True  # "على أن يستأنف التحقيق يومي الأحد والاثنين": what is to follow
    recent = words[-window:]
    return any(
        (w in lx.FUTURE_WORDS and not set(recent[max(0, i - 3) : i]) & _WAS)
        or (re.fullmatch(r"س[يتن]\w{3,}", w) and w not in lx.NOT_FUTURE_VERBS)
        for i, w in enumerate(recent)
    )


_MAIN_CLAUSE_END = re.compile(r"[.،,؛;:!?؟\n]")
_WHEN = frozenset(normalize(w) for w in ("عندما", "حين", "حينما", "لما", "ثم"))
_THAT = frozenset(normalize(w) for w in ("إن", "أن", "إنه", "أنه", "إنها", "أنها", "بأن", "بأنه"))
_RELATIVE_PRONOUNS = frozenset(normalize(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"))
_PAST_LINKS = frozenset(normalize(w) for w in ("كان", "كانت", "وكان", "وكانت", "منذ", "بعد", "عقب", "إثر"))


def _present_main_verb(ctx: _Ctx, pos: int) -> bool:
    """The clause of ``pos`` opens with a present-tense verb: "يواجه المنتخب الفرنسي الثلاثاء نظيره"
    (news tells past events with the perfect, so a bare weekday there is the coming one).

    A ت-initial word counts only in the shapes no perfect verb or common name has ("تستكمل",
    "تتحضر"; not "تغلب", "ترامب"); "كان", "منذ", "بعد" or a relative pronoun in the clause vetoes it."""
    chunk = re.sub(r"[،,]\s*$", " ", ctx.folded[max(0, pos - 150) : pos])
    parts = _MAIN_CLAUSE_END.split(chunk)
    if len(parts) < 2 and pos > 150:
        return False  # the clause starts out of sight
    words = [w.strip("\"'«»“”()") for w in parts[-1].split()]
    words = [w[1:] if w[:1] in "وف" and len(w) > 4 else w for w in words if w]
    if set(words) & _PAST_LINKS:
        return False  # "ويأتي الاجتماع بعد ضربات نفذت فجر السبت": the weekday is the earlier event's
    if set(words) & _RELATIVE_PRONOUNS:
        return False  # "اللجنة التي يهيمن عليها الجمهوريون الاثنين": a description, not the main verb
    if set(words) & _THAT:
        return False  # "ويقول الجيش إن قواته قتلت الخميس ...": the weekday is the reported clause's
    if words and words[0] in lx.DISCOURSE_VERBS:
        return False  # "يأتي هذا في وقت نقلت فيه القناة ... مساء الإثنين": a connective, not an event
    when = bool(words) and words[0] in _WHEN
    words = words[1:] if when else words
    if not words or (len(words) < 2 and not when):
        return False
    first = words[0]
    if when:  # "عندما يحل ضيفا ... السبت"
        return (first[:1] == "ي" and first not in lx.NOT_VERBS_YA) or first.startswith(("تت", "تست"))
    if len(first) < 4 or first in _NOT_IMPERFECT or first in lx.NOT_VERBS_YA:
        return False
    # ت-initial: only the shapes no perfect verb has ("تستكمل", "تتحضر"); "تغلب"/"توفي" may be past
    return first[0] == "ي" or first.startswith(("تت", "تست"))


_SENTENCE_END = re.compile(r"[.!?؟\n]")
_POD_WORD = re.compile(rf"(?<!\w)[وفبل]?(?P<pod>(?:ال)?{POD})(?!\w)")


def _part_of_day_before(ctx: _Ctx, pos: int, window: int = 8) -> str | None:
    """The part of day named a few words earlier in the same sentence, if any."""
    sentence = _SENTENCE_END.split(ctx.folded[max(0, pos - 100) : pos])[-1]
    recent = " ".join(sentence.split()[-window:])
    found = [m.group("pod") for m in _POD_WORD.finditer(recent)]
    return _pod_code(found[-1]) if found else None


def _after_definite_noun(ctx: _Ctx, pos: int) -> bool:
    """The word before ``pos`` is a definite noun (proclitics aside): "العام" after it is "general"."""
    return re.match(r"(?:[وف]?[بكل]?ال|[وف]?لل)\w\w", _word_before(ctx, pos)) is not None


def _period_value(anchor: dt.date | None, granularity: str, relation: int) -> str | None:
    if anchor is None:
        return None
    if granularity == "week":
        return nm.iso_week_value(anchor, relation)
    if granularity == "month":
        return nm.month_value(*nm.shift_month(anchor, relation))
    if granularity == "year":
        return f"{anchor.year + relation:04d}"
    if granularity == "decade":
        return f"{anchor.year // 10 + relation:03d}"
    if granularity == "century":
        return f"{anchor.year // 100 + relation:02d}"
    return None


_SMALL_ORD = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": 0}


@_rule(
    rf"(?P<qh>{_AL}ربع|{_AL}نصف){S}(?P<ord>الاول|الثاني|الثالث|الرابع|الاخير){S}من{S}"
    rf"(?:{_YEAR_PHRASE}{S}(?P<rel>{REL})|(?:{_YEAR_PHRASE}{S}|عام{S})?(?P<year>\d{{4}})|(?P<cur>{_YEAR_PHRASE}))"
)
def _quarter(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    quarter = "ربع" in m.group("qh")
    n = _SMALL_ORD[_g(m, "ord") or ""] or (4 if quarter else 2)
    if not quarter and n > 2:
        return None
    if m.group("year"):
        year: int | None = int(m.group("year"))
        anchored = False
    else:
        anchored = True
        rel = lx.RELATIONS[_g(m, "rel") or ""] if m.group("rel") else 0
        year = ctx.anchor.year + rel if ctx.anchor else None
    value = f"{year:04d}-{'Q' if quarter else 'H'}{n}" if year is not None else None
    return _cand(m, "DATE", value, "quarter" if quarter else "half", anchored, kind="period")


# --- seasons: الشتاء الماضي، صيف 2014، صيفا ------------------------------------------------------


@_rule(
    rf"(?:(?P<mod>{MOD}){S})?(?:(?P<this>هذا){S})?(?P<season>{SEASON})"
    rf"(?:{S}(?P<rel>{REL})|{S}(?:من{S})?(?:{YEARN}{S})?(?P<year>\d{{4}}))?"
)
def _season(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    word = _g(m, "season") or ""
    after = _rest(ctx, m.end())
    if word.endswith("ربيع") and re.match(rf"{S}(?:{_AL}عربي|{_AL}اول|{_AL}ثاني|{_AL}اخر)", after):
        return None  # the Arab Spring, Hijri ربيع الأول
    definite = word.startswith("ال")
    context = definite or m.group("rel") or m.group("year") or m.group("this") or m.group("mod")
    if not context and word not in lx.SEASON_ADVERBS:
        return None
    code = lx.SEASONS[word]
    mod = lx.MODIFIERS[_g(m, "mod") or ""] if m.group("mod") else None
    if m.group("year"):
        return _cand(m, "DATE", f"{m.group('year')}-{code}", "season", False, mod, kind="season")
    relation = lx.RELATIONS[_g(m, "rel") or ""] if m.group("rel") else None
    value = nm.season_value(ctx.anchor, code, relation) if ctx.anchor else None
    return _cand(m, "DATE", value, "season", True, mod, kind="season")


# --- explicit dates: 23 مارس، الخامس عشر من أكتوبر/تشرين الأول الماضي، سبتمبر 2014 ---------------

_SAME_YEAR = (
    rf"{_AL}(?:عام|سنه){S}(?:نفسه|نفسها|ذاته|ذاتها|عينه)"
    rf"|(?:نفس|ذات|ذلك|تلك){S}{_AL}(?:عام|سنه)"
)
_DAY = rf"(?P<day>\d{{1,2}}|{ORD})"
_YEAR_TAIL = rf"{OS}[,،]?{OS}(?:من{S})?(?:{YEARN}{OS})?(?P<year>\d{{4}})(?!\d)(?:{OS}(?P<era>{ERA})(?!\w))?"


@_rule(
    rf"(?:(?P<mod>{MOD}){S})?(?:{_DAY}{S}(?:من{S})?)?(?P<shahr>شهر{S})?(?P<mon>{MON})"
    rf"(?:{OS}[/(-]{OS}(?P<mon2>{MON}){OS}\)?)?"
    rf"(?:{_YEAR_TAIL}|{S}(?:من{S})?{_YEAR_PHRASE}{S}(?P<relyear>{REL})|{S}(?P<rel>{REL})"
    rf"|{S}(?:من{S}|في{S})?(?P<same>{_SAME_YEAR}))?"
)
def _explicit_date(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    cand = _explicit_date_candidate(m, ctx)
    if cand is not None and cand.start_group:
        cand.start = m.start(cand.start_group)
    return cand


def _explicit_date_candidate(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    month = lx.MONTHS[_g(m, "mon") or ""]
    day_text = m.group("day")
    strong = bool(
        day_text
        or m.group("year")
        or m.group("rel")
        or m.group("relyear")
        or m.group("shahr")
        or m.group("mod")
        or m.group("mon2")
    )
    if not strong and _bare_word_before(ctx, m.start("core")) in lx.NAMING_WORDS:
        return None  # "إله البحر الذي يدعى \"أغسطس\"": a name, not the month
    if month.ambiguous and not strong:
        before = _word_before(ctx, m.start("core"))
        if month.hijri or before not in lx.MONTH_CONTEXT or before in ("من", "الى"):
            return None  # "بارك آب", "قال رمضان": a word or a name, not the month
    day = None
    start_group = ""
    if day_text and not day_text.isdigit() and _word_before(ctx, m.start("day")) in lx.PART_NOUNS:
        day_text = None  # "النصف الثاني من شهر نوفمبر": the month, not its second day
        if m.group("mod"):
            return None
        start_group = "shahr" if m.group("shahr") else "mon"
    if day_text:
        day = int(day_text) if day_text.isdigit() else lx.ORDINALS.get(_key(day_text))
        if day is None or not 1 <= day <= 31:
            return None
    mod = lx.MODIFIERS[_g(m, "mod") or ""] if m.group("mod") else None
    year_from = ""
    era = _g(m, "era")
    hijri = month.hijri or (era in lx.HIJRI_ERA and m.group("mon2") is None)
    if m.group("year"):
        year: int | None = int(m.group("year"))
        anchored = False
        if hijri and month.hijri and (year or 0) >= 1700 and era not in lx.HIJRI_ERA:
            year = nm.hijri_year_in_gregorian(year or 0, month.number)  # "رمضان 2017": a Gregorian year
        if not hijri and not 1000 <= (year or 0) <= 2199:
            return None
    elif re.match(rf"{S}(?:من{S}|في{S})?كل{S}(?:عام|سنه)|{S}سنويا", _rest(ctx, m.end())):
        if month.hijri:
            return None
        every = f"XXXX-{month.number:02d}" + (f"-{day:02d}" if day else "")
        return _cand(
            m, "SET", every, "day" if day else "month", False, mod, kind="date"
        )  # "17 أبريل من كل عام"
    elif (
        day
        and not hijri
        and not (m.group("rel") or m.group("relyear") or m.group("mod"))
        and _in_lexicon(_word_before(ctx, m.start("core")), lx.DATE_NAME_NOUNS)
    ):
        # "ثورة 17 فبراير", "هجمات 11 سبتمبر": a date naming an event, its year is not the publication's;
        # the best-known such names carry their year
        year_named = lx.NAMED_DATES.get((month.number, day))
        known = year_named and _in_lexicon(_word_before(ctx, m.start("core")), lx.NAMED_DATE_NOUNS)
        value = (
            f"{year_named:04d}-{month.number:02d}-{day:02d}"
            if known
            else f"XXXX-{month.number:02d}-{day:02d}"
        )
        cand = _cand(m, "DATE", value, "day", False, None, kind="date")
        cand.start_group = start_group
        return cand
    else:
        anchored = True
        year = _implicit_year(ctx.anchor, month.number, hijri, _g(m, "rel"), _g(m, "relyear"), day)
        if m.group("same"):
            year_from = "same"  # "في آذار/مارس من العام نفسه": the year named before, set after resolution
        elif not (hijri or m.group("rel") or m.group("relyear")):
            year_from = "list"  # "شهري أكتوبر ونوفمبر 2016": the year of the listed date after it
            year = _year_by_tense(ctx, (m.start("core"), m.end("core")), year, month.number)
    if year is None:
        cand = _cand(m, "DATE", None, "day" if day else "month", anchored, mod, kind="date")
        cand.start_group = start_group
        return cand
    if hijri:
        if day:
            value = nm.hijri_to_gregorian(year, month.number, day, strict=False).isoformat()
        else:
            mid = nm.hijri_to_gregorian(year, month.number, 15)
            value = nm.month_value(mid.year, mid.month)
    elif day:
        value = dt.date(year, month.number, day).isoformat()
    else:
        value = nm.month_value(year, month.number)
    cand = _cand(m, "DATE", value, "day" if day else "month", anchored, mod, kind="date")
    cand.start_group = start_group
    cand.year_from = year_from
    return cand


def _year_by_tense(ctx: _Ctx, span: tuple[int, int], year: int | None, month: int) -> int | None:
    """The year of a month said without one: the publication year unless the sentence says otherwise.

    "منذ نوفمبر" in an April paper is last November; a month four or more months ahead in a
    sentence with no sign of the present or future ("عين النادي المدرب في أكتوبر" in April) is
    last year's; one four or more months back after a future verb ("سيزور البلاد في فبراير" in
    November) is next year's. Any doubt keeps the publication year."""
    if ctx.anchor is None or year is None or year != ctx.anchor.year:
        return year
    pos, end = span
    ahead = month - ctx.anchor.month
    before = _word_before(ctx, pos)
    if ahead > 0 and _in_lexicon(before, lx.SINCE_WORDS):
        return year - 1
    future = _future_before(ctx, pos)
    if ahead <= -4:
        return year + 1 if future else year
    if ahead < 4 or future or _in_lexicon(before, lx.FORWARD_WORDS):
        return year
    sentence = _SENTENCE_END.split(ctx.folded[max(0, pos - 120) : pos])[-1].split()[-12:]
    after = _CLAUSE_END.split(ctx.folded[end : end + 40])[0].split()[:4]
    words = [w[1:] if w[:1] in "وف" and len(w) > 4 else w for w in sentence + after]
    doubt = any(
        w in lx.FUTURE_WORDS
        or w in lx.SCHEDULE_WORDS
        or w in lx.MAYBE_WORDS
        or (re.fullmatch(r"س[يتن]\w{3,}", w) and w not in lx.NOT_FUTURE_VERBS)
        for w in words
    )
    # any ي/ت-initial word near the month may be a present-tense verb ("تنتهي الأعمال في آب",
    # "شهر ديسمبر لا يمكن فيه ...")
    near = _clause_words(ctx, pos)[-6:] + after
    doubt = doubt or any(w[:1] in "يت" and len(w) >= 4 and w not in _NOT_IMPERFECT for w in near)
    return year if doubt else year - 1


@_rule(rf"(?:يوم{S})?{_DAY}{S}(?:من{S})?(?P<month>{_AL}شهر){S}(?P<rel>{REL})")
def _day_of_relative_month(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "في الثاني من الشهر الجاري", "يوم 20 من الشهر الماضي": a day of the month said relatively."""
    text = m.group("day")
    day = int(text) if text.isdigit() else lx.ORDINALS.get(_key(text))
    if (
        day is None
        or not 1 <= day <= 31
        or (not text.isdigit() and _word_before(ctx, m.start("day")) in lx.PART_NOUNS)
    ):
        return None
    if ctx.anchor is None:
        return _cand(m, "DATE", None, "day", True, kind="date")
    year, month = nm.shift_month(ctx.anchor, lx.RELATIONS[_g(m, "rel") or ""])
    return _cand(m, "DATE", dt.date(year, month, day).isoformat(), "day", True, kind="date")


def _implicit_year(
    anchor: dt.date | None, month: int, hijri: bool, rel: str | None, relyear: str | None, day: int | None
) -> int | None:
    if anchor is None:
        return None
    if relyear:
        base = nm.gregorian_to_hijri(anchor)[0] if hijri else anchor.year
        return base + lx.RELATIONS[relyear]
    relation = lx.RELATIONS[rel] if rel else 0
    if hijri:
        hy, hm, hd = nm.gregorian_to_hijri(anchor)
        return nm.relative_year(hy, hm, hd, month, relation, day)
    return nm.month_relative(anchor, month, relation, day)


@_rule(
    r"(?:(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<y2>\d{4})(?P<sep2>[/.-])(?P<m2>\d{1,2})(?P=sep2)(?P<d2>\d{1,2}))(?![./-]\d)"
    rf"(?:{OS}(?P<era>{ERA})(?!\w))?"
)
def _numeric_date(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    if m.start("core") > 0 and ctx.folded[m.start("core") - 1] in "./-":
        return None
    if m.group("d"):
        d, mo, y = int(m.group("d")), int(m.group("m")), m.group("y")
        year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    else:
        d, mo, year = int(m.group("d2")), int(m.group("m2")), int(m.group("y2"))
    if _g(m, "era") in lx.HIJRI_ERA:
        value = nm.hijri_to_gregorian(year, mo, d, strict=False).isoformat()
    else:
        if not 1000 <= year <= 2199:
            return None
        value = dt.date(year, mo, d).isoformat()
    return _cand(m, "DATE", value, "day", False, kind="date")


# --- years: عام 1969، 2002م، 1436 هـ، منذ 2011، في 2014 ---------------------------------------------


@_rule(
    rf"(?:(?P<mod>{MOD}){S})?(?:(?P<noun>{YEARN}){OS})(?P<year>\d{{4}})(?!\d)(?:{OS}(?P<era>{ERA})(?!\w))?"
    rf"|(?P<year2>\d{{4}})(?:{OS}(?P<era2>{ERA}))(?!\w)"
    rf"|(?P<mod3>{MOD}){S}(?P<year3>\d{{4}})(?!\d)"
)
def _year(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    year = int(m.group("year") or m.group("year2") or m.group("year3"))
    era = _g(m, "era") or _g(m, "era2")
    mod_word = _g(m, "mod") or _g(m, "mod3")
    if m.group("year2") and era in lx.GREGORIAN_ERA and not 1800 <= year <= 2199:
        return None
    if m.group("year3") and not 1900 <= year <= 2099:
        return None
    return _year_candidate(m, year, era, lx.MODIFIERS[mod_word] if mod_word else None)


def _year_candidate(
    m: re.Match[str], year: int, era: str | None, mod: str | None, group: str = "core"
) -> Candidate | None:
    if era in lx.HIJRI_ERA:
        if not 1 <= year <= 1600:
            return None
        mid = nm.hijri_to_gregorian(year, 6, 15)
        value = f"{mid.year:04d}"
    elif 1000 <= year <= 2199:
        value = f"{year:04d}"
    else:
        return None
    return _cand(m, "DATE", value, "year", False, mod, kind="year", group=group)


@_rule(r"(?P<prep>منذ|حتي|بحلول|في|قبل|بعد|خلال|عن)" + S + r"(?P<year>\d{4})(?!\d)")
def _year_after_preposition(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """A bare four-digit number is a year only when the context says so."""
    year = int(m.group("year"))
    if not 1900 <= year <= 2099:
        return None
    after = _rest(ctx, m.end())
    prep = m.group("prep")
    closes = re.match(rf"{OS}(?:$|[.,،؛:;)\]\"»]|و{OS}\d{{4}}|-{OS}\d{{4}}|\n)", after)
    if prep in ("في", "قبل", "بعد", "خلال", "عن") and not closes:
        return None  # "في 2014 حالة" counts cases
    if re.match(rf"{S}(?:{UNIT}|\w+ا{_RIGHT})", after) and not closes:
        return None  # "منذ 2000 عام", "حتى 2000 شخصا"
    return _year_candidate(m, year, None, None, group="year")


@_rule(rf"(?P<ev>{_alt(lx.EVENT_YEAR_NOUNS)}){S}(?P<year>\d{{4}})(?!\d)")
def _event_year(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "مونديال 2010", "انتخابات 2014": a four-digit number naming an event's year."""
    year = int(m.group("year"))
    if not 1900 <= year <= 2099 or re.match(rf"{OS}(?:{UNIT}|[%٪])", _rest(ctx, m.end())):
        return None
    return _year_candidate(m, year, None, None, group="year")


@_rule(rf"(?<=-)(?P<lead>{OS})(?P<year>\d{{4}})(?!\d)")
def _year_in_citation(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "(سان سيمون - 1821": a year after a dash inside an open bracket cites a work's date."""
    year = int(m.group("year"))
    before = ctx.folded[max(0, m.start() - 40) : m.start() - 1]
    if not 1500 <= year <= 2099 or "(" not in before or ")" in before.split("(")[-1]:
        return None
    if re.search(r"\d\s*$", before):
        return None  # "(2010 - 2014)" is a year range, handled with the first year
    return _year_candidate(m, year, None, None, group="year")


@_rule(r"(?<=\()(?P<year>\d{4})(?=\))")
def _year_in_brackets(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """A year in brackets after a title or event ("(1949)"), within a plausible range."""
    year = int(m.group("year"))
    if not 1800 <= year <= 2099:
        return None
    return _year_candidate(m, year, None, None)


# --- decades and centuries: الستينيات، ثمانينيات القرن الماضي، القرن التاسع عشر ---------------------

_CENT = rf"(?P<cent>{ORD}|\d{{1,2}}|{REL})"


@_rule(rf"(?:(?P<mod>{MOD}){S})?(?:ال)?(?P<dec>{DECADE})(?:يات|ات)(?:{S}(?:من{S})?{_AL}قرن{S}{_CENT})?")
def _decade(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    tens = lx.DECADE_STEMS["ال" + m.group("dec")]
    century = _century_number(m.group("cent"), ctx.anchor) if m.group("cent") else None
    mod = lx.MODIFIERS[_g(m, "mod") or ""] if m.group("mod") else None
    if m.group("cent") and century is None:
        return _cand(m, "DATE", None, "decade", True, mod, kind="decade")
    value = nm.decade_value(ctx.anchor, tens, century)
    anchored = century is None or bool(m.group("cent") and _key(m.group("cent")) in lx.RELATIONS)
    return _cand(m, "DATE", value, "decade", anchored, mod, kind="decade")


@_rule(rf"(?:(?P<mod>{MOD}){S})?{_AL}قرن(?P<dual>ين)?{S}{_CENT}")
def _century(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "القرن التاسع عشر"; "القرنين الثامن عشر والتاسع عشر" is valued by its first century."""
    century = _century_number(m.group("cent"), ctx.anchor)
    relative = _key(m.group("cent")) in lx.RELATIONS
    if m.group("dual") and relative:
        return None
    mod = lx.MODIFIERS[_g(m, "mod") or ""] if m.group("mod") else None
    value = f"{century:02d}" if century is not None else None
    return _cand(m, "DATE", value, "century", relative, mod, kind="century")


def _century_number(text: str, anchor: dt.date | None) -> int | None:
    """TIMEX3 century digits: "القرن العشرين" (20th) -> 19; "القرن الماضي" -> anchor's minus one."""
    key = _key(text)
    if key in lx.RELATIONS:
        return anchor.year // 100 + lx.RELATIONS[key] if anchor else None
    n = int(key) if key.isdigit() else lx.ORDINALS.get(key)
    return n - 1 if n and 1 <= n <= 30 else None


# --- durations and ages: منذ أكثر من أربعة أشهر، خلال الأيام الثلاثة الماضية، 25 عاما ------------------

_SIGNAL = r"(?P<sig>قبل|بعد|منذ|لمده|طوال|خلال|مده|طيله)"


@_rule(
    rf"(?:{_SIGNAL}{S})?(?:(?P<bound>{BOUND}){S})?(?:(?P<num>(?:ال)?{NUM})|(?P<vague>{VAGUE})){OS}(?P<unit>{UNIT})"
)
def _duration_count(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    unit = lx.UNITS[_g(m, "unit") or ""]
    if m.group("num"):
        raw = m.group("num")
        count = parse_number(raw[2:] if raw.startswith("ال") else raw)
        if count is None or unit.implied == 2:
            return None
        before = ctx.folded[max(0, m.start("num") - 8) : m.start("num")]
        if count == 100 and raw.startswith("ال") and re.search(r"(?:ب|في\s+)$", before):
            return None  # "5 بالمائة سنة 2016": per cent, then the year
        if unit.implied == 1 and count < 3 and not raw[0].isdigit() and count != 1:
            return None
        if unit.letter == "DE" and _g(m, "unit") == "عقد":
            return None  # "500 عقد" are contracts; decades take عقود/عقدا
    else:
        if unit.implied != 0:
            return None
        count = None
    return _duration(m, ctx, count, unit)


@_rule(rf"(?:{_SIGNAL}{S})?(?:(?P<bound>{BOUND}){S})?(?P<unit>{UNIT}|{DUNIT})")
def _duration_unit(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """A unit alone: a dual ("يومين"), or a singular after a signal or bound ("بعد شهر")."""
    word = _g(m, "unit") or ""
    unit = lx.UNITS.get(word) or lx.DEFINITE_UNITS[word]
    if unit.implied == 0:
        return None
    if word.startswith("ال") and unit.implied != 2:
        return None
    if word.startswith("ال") and re.match(rf"{S}\d", _rest(ctx, m.end())):
        return None  # "في الدقيقتين 19 و87": minutes of a match, not a duration
    if (
        word.startswith("ال")
        and not (m.group("sig") or m.group("bound"))
        and _after_definite_noun(ctx, m.start("unit"))
    ):
        return None  # "المراقبين العامين": the adjective "general"
    if unit.implied == 1:
        if unit.letter == "DE" and not m.group("bound"):
            return None  # "عقد" is also a contract, "عقد اجتماعا" held a meeting
        accusative = word.endswith("ا") and word not in ("ثانيه",)
        if not (m.group("sig") or m.group("bound") or accusative):
            return None
        if re.match(rf"{S}ما{_RIGHT}", _rest(ctx, m.end())):
            return None  # "يوما ما" someday
        clause = _CLAUSE_END.split(ctx.folded[max(0, m.start("core") - 40) : m.start("core")])[-1].split()
        if not (m.group("sig") or m.group("bound")) and set(clause[-4:]) & {
            "لم",
            "لن",
            "ما",
            "لا",
            "ولم",
            "ولن",
        }:
            return None  # "لم يثيروا يوما غبارا": ever/never, not a duration
        if word == "عاما" and not (m.group("sig") or m.group("bound")):
            before = _word_before(ctx, m.start("unit"))
            if before.endswith("ا") and not before.isdigit():
                return None  # "مديرا عاما", "إضرابا عاما": the adjective "general"
        if re.match(rf"{S}(?:من{S})?(?:\d|{MON}|{WD})", _rest(ctx, m.end())):
            return None
    return _duration(m, ctx, float(unit.implied), unit)


_SMALLER = {
    ("H", True): (60, "M", True),
    ("D", False): (24, "H", True),
    ("Y", False): (12, "M", False),
    ("CE", False): (100, "Y", False),
    ("DE", False): (10, "Y", False),
    ("M", True): (60, "S", True),
}


def _fraction_value(count: float, unit: lx.Unit) -> str:
    """A fractional count in a whole smaller unit when there is one: 1.5 hours -> PT90M."""
    smaller = _SMALLER.get((unit.letter, unit.clock))
    if smaller and not float(count).is_integer() and float(count * smaller[0]).is_integer():
        return nm.duration_value(count * smaller[0], smaller[1], smaller[2])
    return nm.duration_value(count, unit.letter, unit.clock)


def _fraction_duration(m: re.Match[str], count: float, unit: lx.Unit) -> Candidate:
    """A DURATION of a fractional count of ``unit``, with an optional bound ("أكثر من")."""
    bound = lx.BOUNDS[_g(m, "bound") or ""] if m.group("bound") else None
    return Candidate(
        m.start("core"),
        m.end("core"),
        "DURATION",
        _fraction_value(count, unit),
        unit.granularity,
        False,
        bound,
        "duration",
    )


@_rule(rf"(?:(?P<bound>{BOUND}){S})?(?P<frac>{_alt(lx.UNIT_FRACTIONS)}){S}(?P<unit>{UNIT})")
def _duration_fraction(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "نصف ساعة" (PT30M), "ربع قرن" (P25Y), "أكثر من نصف ساعة"."""
    unit = lx.UNITS[_g(m, "unit") or ""]
    if unit.implied != 1:
        return None
    count = lx.UNIT_FRACTIONS[_g(m, "frac") or ""]
    return _fraction_duration(m, count, unit)


@_rule(rf"(?:(?P<bound>{BOUND}){S})?(?P<unit>{UNIT}){OS}و{OS}(?P<frac>{_alt(lx.UNIT_FRACTIONS)})")
def _unit_and_fraction(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "ساعة ونصف" (PT90M), "سنة وربع" (P15M)."""
    unit = lx.UNITS[_g(m, "unit") or ""]
    if unit.implied == 0:
        return None
    count = unit.implied + lx.UNIT_FRACTIONS[_g(m, "frac") or ""]
    return _fraction_duration(m, count, unit)


def _definite_count(m: re.Match[str]) -> tuple[lx.Unit, str, float | None]:
    """The definite plural unit, the count as written and its value ("الثلاثة", "الـ24")."""
    raw = m.group("num")
    return lx.DEFINITE_UNITS[_g(m, "unit") or ""], raw, parse_number(raw[2:] if raw.startswith("ال") else raw)


@_rule(rf"(?P<unit>{DUNIT}){S}(?P<num>(?:ال)?{NUM})(?:{S}(?P<rel>{DREL}))?")
def _duration_definite(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """Definite plural with a count: "الأيام الثلاثة الماضية", "السنوات الخمس", "الساعات الـ24 الماضية"."""
    unit, raw, count = _definite_count(m)
    if unit.implied != 0 or count is None:
        return None
    if not raw.startswith("ال") and not m.group("rel"):
        return None
    return _duration(m, ctx, count, unit)


@_rule(rf"(?P<num>ال{NUMW}|(?:ال)?\d{{1,4}}){S}(?P<unit>{DUNIT})(?:{S}(?P<rel>{DREL}))?")
def _duration_number_first(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "الستة الأشهر القادمة", "الـ14 عاما الماضية" (count before a definite plural)."""
    unit, _, count = _definite_count(m)
    if unit.implied != 0 or count is None:
        return None
    return _duration(m, ctx, count, unit)


@_rule(rf"(?P<unit>{DUNIT}){S}(?P<rel>{DREL})")
def _duration_dual_rel(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    unit = lx.DEFINITE_UNITS[_g(m, "unit") or ""]
    if unit.implied != 2:
        return None
    return _duration(m, ctx, 2.0, unit)


@_rule(
    rf"(?P<age>من{S}{_AL}عمر|عمره|عمرها|عمرهم|بعمر|{_AL}سن|سن){S}(?P<num>(?:ال)?(?:\d{{1,3}}|{NUMPHRASE}))"
)
def _age(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    if re.match(rf"{OS}(?:{UNIT})", _rest(ctx, m.end())):
        return None  # "من العمر 25 عاما" is found by the duration rule
    raw = m.group("num")
    count = parse_number(raw[2:] if raw.startswith("ال") else raw)
    if count is None or not 0 < count < 130:
        return None
    return Candidate(
        m.start("num"),
        m.end("num"),
        "DURATION",
        nm.duration_value(count, "Y", False),
        "year",
        False,
        None,
        "age",
    )


def _duration(m: re.Match[str], ctx: _Ctx, count: float | None, unit: lx.Unit) -> Candidate | None:
    if count is not None and count > 100000:
        return None
    bound = lx.BOUNDS[_g(m, "bound") or ""] if m.groupdict().get("bound") else None
    sig = m.groupdict().get("sig")
    follow = _rest(ctx, m.end())
    relative_to_event = re.match(rf"{S}(?:\w+{S})?(?:من|على|علي){_RIGHT}(?!{S}{_AL}ان{_RIGHT})", follow)
    future = sig == "بعد" and _future_before(ctx, m.start("core"))
    if (sig == "قبل" or future) and not relative_to_event:
        if unit.clock or count is None or not float(count).is_integer():
            start = (
                m.start("bound") if bound else m.start("num") if m.groupdict().get("num") else m.start("unit")
            )
            return Candidate(
                start,
                m.end(),
                "DURATION",
                nm.duration_value(count, unit.letter, unit.clock),
                unit.granularity,
                False,
                bound,
                "duration",
            )
        shift = int(count) * (-1 if sig == "قبل" else 1)
        mod = "MORE_THAN" if bound == "MORE_THAN" else None
        if ctx.anchor is None:
            return _cand(m, "DATE", None, unit.granularity, True, mod, kind="ago")
        shifted = nm.shift_by_unit(ctx.anchor, shift, unit.letter)
        if shifted is None:
            return None
        return _cand(m, "DATE", shifted[0], shifted[1], True, mod, kind="ago")
    start = m.start("core")
    if sig:
        start = (
            m.start("bound")
            if bound
            else (
                m.start("num")
                if m.groupdict().get("num")
                else m.start("vague")
                if m.groupdict().get("vague")
                else m.start("unit")
            )
        )
    return Candidate(
        start,
        m.end("core"),
        "DURATION",
        nm.duration_value(count, unit.letter, unit.clock),
        unit.granularity,
        False,
        bound,
        "duration",
    )


# --- vague references and recurrences ------------------------------------------------------------


@_rule(rf"(?P<vref>{VREF})")
def _vague(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    key = _key(m.group("vref"))
    if lx.VAGUE_REFS[key] == "FUTURE_REF" and re.match(rf"{S}(?:من|الي|جدا){_RIGHT}", _rest(ctx, m.end())):
        return None  # "قريبا من" near (in space), not soon
    if key == "الان":
        start = ctx.norm.to_original(m.start("core"), m.start("core") + 1)[0]
        if ctx.norm.original[start : start + 2] == "آل":
            return None  # the name آلان (Alain)
        if _in_lexicon(_bare_word_before(ctx, m.start("core")), lx.MEDIA_NOUNS):
            return None  # "تلفزيون الآن", "راديو الآن": a station's name
    return _cand(m, "DATE", lx.VAGUE_REFS[key], None, False, kind="vague")


@_rule(
    rf"كل{S}(?:(?:يوم{S})?(?P<wd>{WD_BARE}|{WD})|(?P<num>{NUM}){OS}(?P<unit>{UNIT})|(?P<unit1>{UNIT}))"
    rf"|(?P<recur>{RECUR})"
)
def _recurrence(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    if m.group("recur"):
        return _cand(m, "SET", lx.RECURRENCE[_key(m.group("recur"))], None, False, kind="set")
    if m.group("wd"):
        wd = _key(m.group("wd"))
        weekday = lx.WEEKDAYS.get(wd, lx.WEEKDAYS.get("ال" + wd))
        if weekday is None:
            return None
        return _cand(m, "SET", f"XXXX-WXX-{weekday + 1}", "day", False, kind="set")
    unit = lx.UNITS[_key(m.group("unit") or m.group("unit1"))]
    if m.group("num"):
        count = parse_number(m.group("num"))
        if count is None or count > 100000:
            return None
    else:
        count = float(unit.implied)
        if count == 0:
            return None
    return _cand(
        m, "SET", nm.duration_value(count, unit.letter, unit.clock), unit.granularity, False, kind="set"
    )


# --- clock times: الساعة العاشرة صباحا، الساعة 10:30 مساء أمس -------------------------------------


@_rule(
    rf"(?P<sa>{_AL}ساعه{S})?(?:(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?|(?P<hw>{HOURW})(?:{S}(?:و{OS}|الا{S})(?P<frac>{FRAC}))?)"
    rf"(?:{S}(?P<per>{CPER}))?"
    rf"(?:{S}(?:من{S})?(?:(?P<pod>{POD}){S})?(?:يوم{S})?(?P<day>{DEI}|{WD}|غد)(?:{S}(?P<rel>{REL}))?)?"
)
def _clock(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    if not m.group("sa") and not (m.group("hw") and (m.group("per") or m.group("pod"))):
        return None  # without "الساعة", only "العاشرة صباحا" / "العاشرة من مساء الجمعة" are clock times
    hour = int(m.group("h")) if m.group("h") else lx.HOUR_WORDS[_key(m.group("hw"))]
    minute = int(m.group("mi")) if m.group("mi") else 0
    if m.group("frac"):
        frac = lx.CLOCK_FRACTIONS[_key(m.group("frac"))]
        minute = frac if "الا" not in m.group(0).split(m.group("hw"))[-1][:6] else 60 - frac
        if minute > 30:
            hour -= 1
    period = lx.CLOCK_PERIODS[_key(m.group("per"))] if m.group("per") else None
    pod = _pod_code(m.group("pod")) if m.group("pod") else None
    if period is None and pod is None:
        pod = _part_of_day_before(ctx, m.start("core"))  # "مساء الاثنين عند الساعة الثامنة"
    after_midnight = hour < 5 and (pod == "NI" or _key(m.group("per") or "") == "ليلا")
    past_noon = pod == "MI" and 1 <= hour < 6  # "الساعة الواحدة من ظهر أمس" is 13:00
    if (period == "pm" or pod in ("AF", "EV", "NI") or past_noon) and 1 <= hour < 12 and not after_midnight:
        hour += 12  # "الساعة الثامنة ليلا" is 20:00, "الساعة الثانية ليلا" 02:00
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    clock = f"T{hour:02d}:{minute:02d}"
    day_word = _key(m.group("day")) if m.group("day") else None
    if day_word is None:
        return _cand(m, "TIME", f"XXXX-XX-XX{clock}", "minute", False, kind="clock")
    if ctx.anchor is None:
        return _cand(m, "TIME", None, "minute", True, kind="clock")
    rel_word = _g(m, "rel")
    if day_word == "غد":
        day = nm.shift_days(ctx.anchor, 1)  # "مساء غد"
    elif day_word in lx.DEICTIC_DAYS:
        day = nm.shift_days(ctx.anchor, lx.DEICTIC_DAYS[day_word])
    elif rel_word:
        day = nm.weekday_relative(ctx.anchor, lx.WEEKDAYS[day_word], lx.RELATIONS[rel_word]).isoformat()
    elif _future_before(ctx, m.start("core")):
        day = nm.weekday_on_or_after(ctx.anchor, lx.WEEKDAYS[day_word]).isoformat()  # "ستقام ... مساء الأحد"
    else:
        day = nm.weekday_on_or_before(ctx.anchor, lx.WEEKDAYS[day_word]).isoformat()
    return _cand(m, "TIME", f"{day}{clock}", "minute", True, kind="clock")


@_rule(rf"(?P<pod>{POD}){S}غد")
def _pod_tomorrow(m: re.Match[str], ctx: _Ctx) -> Candidate | None:
    """ "صباح غد", "مساء غد": the bare construct "غد" is tomorrow only after a part of day."""
    pod = _pod_code(m.group("pod"))
    value = f"{nm.shift_days(ctx.anchor, 1)}T{pod}" if ctx.anchor else None
    cand = _cand(m, "TIME", value, "partofday", True, kind="day")
    cand.pod = pod
    return cand


# --- resolution ----------------------------------------------------------------------------------

_JOIN = re.compile(rf"^{OS}[,،\-–(]?{OS}(?:{_AL}موافق{OS}(?:ل{OS})?)?$")
_YEAR_LIST = re.compile(rf"^{OS}(?:و|-|–|/|الي{S}|حتي{S}|وحتي{S}){OS}(?:{YEARN}{OS})?(\d{{4}})(?!\w)")


def _merge_weekday_dates(cands: list[Candidate], folded: str) -> list[Candidate]:
    """A weekday next to its own date ("الأربعاء 23 مارس 2014", "مساء اليوم الأربعاء 9 أفريل 2014",
    "يوم الأحد الموافق 25 يونيو") is one expression with the date's value."""
    out = list(cands)
    dates: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.kind == "date" and c.precision == "day" and c.type == "DATE":
            dates.setdefault(c.start, []).append(c)
    for a in cands:
        if a.weekday is None or a.kind not in ("weekday", "day"):
            continue
        for start in range(a.end, min(a.end + 25, len(folded)) + 1):
            for b in dates.get(start, []):
                if not _JOIN.match(folded[a.end : b.start]):
                    continue
                if b.value is not None and dt.date.fromisoformat(b.value).weekday() != a.weekday:
                    continue  # "الأحد ... 18 أبريل" naming two different days
                value = f"{b.value}T{a.pod}" if a.pod and b.value else b.value
                out.append(
                    Candidate(
                        a.start,
                        b.end,
                        "TIME" if a.pod else "DATE",
                        value,
                        "partofday" if a.pod else "day",
                        b.anchored,
                        b.mod,
                        "date",
                    )
                )
    return out


def _year_lists(cands: list[Candidate], folded: str) -> list[Candidate]:
    """A year listed after a recognised year is one too: "عامي 2002 و2003", "بين 2010 و2012"."""
    out = list(cands)
    queue = [c for c in cands if c.kind == "year"]
    seen = {c.start for c in queue}
    while queue:
        c = queue.pop()
        m = _YEAR_LIST.match(folded[c.end : c.end + 30])
        if not m:
            continue
        year = int(m.group(1))
        if not 1000 <= year <= 2199:
            continue
        if c.end + m.start(1) in seen:
            continue
        new = Candidate(
            c.end + m.start(1), c.end + m.end(1), "DATE", f"{year:04d}", "year", False, None, "year"
        )
        seen.add(new.start)
        out.append(new)
        queue.append(new)
    return out


_DAY_BEFORE = re.compile(rf"(?<!\w)(\d{{1,2}}|{ORD}){OS}(?:-|–|و|الي{S}|حتي{S}|وحتي{S}){OS}$")


def _day_ranges(cands: list[Candidate], folded: str) -> list[Candidate]:
    """The first day of "يومي 10 و11 أبريل", "من 3 إلى 5 مايو" shares the month of the second."""
    out = list(cands)
    for c in cands:
        if (
            c.kind != "date"
            or c.precision != "day"
            or not re.match(rf"\d|{ORD}", folded[c.start : c.start + 30])
        ):
            continue
        m = _DAY_BEFORE.search(folded[max(0, c.start - 40) : c.start])
        if not m:
            continue
        word = m.group(1)
        day = int(word) if word.isdigit() else lx.ORDINALS.get(_key(word))
        if day is None or not 1 <= day <= 31:
            continue
        value = c.value
        if value is not None:
            try:
                value = dt.date.fromisoformat(value).replace(day=day).isoformat()
            except ValueError:
                continue
        offset = max(0, c.start - 40)
        out.append(
            Candidate(
                offset + m.start(1), offset + m.end(1), "DATE", value, "day", c.anchored, None, "day_range"
            )
        )
    return out


_POD_BEFORE_DATE = re.compile(rf"(?<!\w)[وفب]?(?P<pod>(?:ال)?{POD}){S}(?:(?:من{S})?يوم{S})?$")


def _parts_of_dated_days(cands: list[Candidate], folded: str) -> list[Candidate]:
    """A part of day before a dated day is its part: "مساء 15 يوليو" (TEV), "ليل 15 إلى 16 يوليو
    2016" (the night of the 15th, TNI)."""
    out = list(cands)
    for c in cands:
        if c.kind not in ("date", "day_range") or c.precision != "day" or c.type != "DATE":
            continue
        m = _POD_BEFORE_DATE.search(folded[max(0, c.start - 30) : c.start])
        if not m:
            continue
        pod = _pod_code(m.group("pod"))
        start = max(0, c.start - 30) + m.start("pod")
        value = f"{c.value}T{pod}" if c.value else None
        cand = Candidate(start, c.end, "TIME", value, "partofday", c.anchored, c.mod, c.kind)
        cand.pod, cand.year_from = pod, c.year_from
        out.append(cand)
    return out


_DURATION_PART = re.compile(r"^P(T?)(\d+)([A-Z]+)$")
_UNIT_ORDER = {"": ("CE", "DE", "Y", "M", "W", "D"), "T": ("H", "M", "S")}


def _compound_durations(cands: list[Candidate], folded: str) -> list[Candidate]:
    """ "16 ساعة و20 دقيقة" is one duration (PT16H20M), "عام وستة أشهر" P1Y6M."""
    out = list(cands)
    durations = sorted((c for c in cands if c.kind == "duration" and c.value), key=lambda c: c.start)
    for a, b in itertools.pairwise(durations):
        ma, mb = _DURATION_PART.match(a.value or ""), _DURATION_PART.match(b.value or "")
        if not (ma and mb) or not re.fullmatch(rf"{OS}و{OS}", folded[a.end : b.start]):
            continue
        if ma.group(1) != mb.group(1) or mb.group(3) not in _UNIT_ORDER[ma.group(1)]:
            continue
        order = _UNIT_ORDER[ma.group(1)]
        if ma.group(3) not in order or order.index(ma.group(3)) >= order.index(mb.group(3)):
            continue
        value = f"P{ma.group(1)}{ma.group(2)}{ma.group(3)}{mb.group(2)}{mb.group(3)}"
        out.append(Candidate(a.start, b.end, "DURATION", value, a.precision, False, a.mod, "duration"))
    return out


_AND_HALF = re.compile(rf"^{OS}و{OS}(?P<frac>نصف|ربع|ثلث){_RIGHT}")


def _and_a_half(cands: list[Candidate], folded: str) -> list[Candidate]:
    """ "ساعة ونصف" (PT90M), "عامين ونصف" (P30M): a fraction after a duration."""
    out = list(cands)
    for c in cands:
        m = _DURATION_PART.match(c.value or "") if c.kind == "duration" else None
        after = _AND_HALF.match(folded[c.end : c.end + 12])
        if not (m and after):
            continue
        clock = m.group(1) == "T"
        unit = next((u for u in lx.UNITS.values() if u.letter == m.group(3) and u.clock == clock), None)
        if unit is None:
            continue
        count = int(m.group(2)) + lx.UNIT_FRACTIONS[after.group("frac")]
        out.append(
            Candidate(
                c.start,
                c.end + after.end(),
                "DURATION",
                _fraction_value(count, unit),
                c.precision,
                False,
                c.mod,
                "duration",
            )
        )
    return out


def _resolve(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then leftmost; an expression never overlaps another."""
    chosen: list[Candidate] = []
    taken = bytearray(max((c.end for c in cands), default=0))
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if c.end <= c.start or any(taken[c.start : c.end]):
            continue
        chosen.append(c)
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    return sorted(chosen, key=lambda c: c.start)


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T(?:MO|MI|AF|EV|NI|DT))?")


def _clock_days(chosen: list[Candidate], folded: str, reach: int = 100) -> list[Candidate]:
    """A clock time without its own day takes the day named earlier in its sentence:
    "تنطلق غدا الندوة في الساعة العاشرة" is tomorrow at 10:00, not XXXX-XX-XXT10:00."""
    for i, c in enumerate(chosen):
        if c.kind != "clock" or not (c.value or "").startswith("XXXX-XX-XX"):
            continue
        for prev in reversed(chosen[:i]):
            if c.start - prev.end > reach or _SENTENCE_END.search(folded[prev.end : c.start]):
                break
            if prev.value and _DAY_VALUE.fullmatch(prev.value):  # a day, or its part ("الليلة")
                c.value = prev.value[:10] + (c.value or "")[10:]
                c.anchored = prev.anchored
                break
    return chosen


_LIST_JOIN = re.compile(rf"{OS}(?:و|-|–|/|الي{S}|حتي{S}|وحتي{S}|و{OS}الي{S}){OS}(?:شهر{S})?")
_YEAR_START = re.compile(r"(\d{4})(?:-\d{2}|$)")


def _with_year(value: str, year: int) -> str | None:
    """``value`` ("2017-10", "2017-10-05") in another year; None when that day does not exist."""
    new = f"{year:04d}{value[4:]}"
    try:
        if len(new) == 10:
            dt.date.fromisoformat(new)
    except ValueError:
        return None
    return new


def _years_from_context(chosen: list[Candidate], folded: str, reach: int = 300) -> list[Candidate]:
    """Months said without a year take it from the text around them rather than the publication:
    a listed date after them ("شهري أكتوبر ونوفمبر 2016", "من 3 مارس إلى 5 أبريل 2015") or, after
    "من العام نفسه", the last year named before ("نوفمبر 2019 ... في مارس من العام نفسه")."""
    for i in reversed(range(len(chosen))):
        c = chosen[i]
        if c.year_from == "list" and i + 1 < len(chosen):
            b = chosen[i + 1]
            own, other = _YEAR_START.match(c.value or ""), _YEAR_START.match(b.value or "")
            if not (c.value and own and other and b.kind == "date" and not b.anchored):
                continue
            if not _LIST_JOIN.fullmatch(folded[c.end : b.start]):
                continue
            year = int(other.group(1)) - (c.value[5:7] > (b.value or "")[5:7])  # "ديسمبر ويناير 2017"
            c.value, c.anchored = _with_year(c.value, year), False
        elif c.year_from == "same" and c.value:
            value, c.value, c.anchored = c.value, None, False  # unknown rather than the publication year
            for prev in reversed(chosen[:i]):
                if c.start - prev.end > reach:
                    break
                named = _YEAR_START.match(prev.value or "")
                if named and prev.type == "DATE":
                    c.value = _with_year(value, int(named.group(1)))
                    break
    return chosen


def recognise(text: str, published: dt.date | None) -> list[tuple[int, int, Candidate]]:
    """Candidates resolved and mapped to original offsets (start, end, candidate)."""
    norm = NormalizedText(text)
    ctx = _Ctx(norm.text, norm, published)
    cands: list[Candidate] = []
    for pattern, handler in _RULES:
        for m in pattern.finditer(norm.text):
            try:
                cand = handler(m, ctx)
            except (ValueError, OverflowError, KeyError):
                cand = None  # impossible dates (31 February, year 0): not a time expression
            if cand is not None:
                cands.append(cand)
    cands = _year_lists(_merge_weekday_dates(cands, norm.text), norm.text)
    cands = _parts_of_dated_days(_day_ranges(cands, norm.text), norm.text)
    cands = _compound_durations(cands, norm.text)
    cands = _and_a_half(cands, norm.text)
    out = []
    for c in _clock_days(_years_from_context(_resolve(cands), norm.text), norm.text):
        start, end = norm.to_original(c.start, c.end)
        if c.start > 0 and norm.text[c.start] == "ل" and norm.text[c.start - 1] == "ل":
            start = norm.to_original(c.start - 1, c.start)[0]  # "للعام الماضي": keep the word whole
        while end < len(text) and normalize(text[end]) == "" and not text[end].isspace():
            end += 1  # trailing diacritics/tatweel belong to the last word
        out.append((start, end, c))
    return out


def find_timexes(text: str, published: dt.date | None, doc_id: str = "") -> list[Timex]:
    """TIMEX3 expressions of ``text`` anchored on ``published`` (None: relative values are None)."""
    timexes = []
    for n, (start, end, c) in enumerate(recognise(text, published), start=1):
        timexes.append(
            Timex(
                id=f"{doc_id}:t{n}",
                start=start,
                end=end,
                text=text[start:end],
                type=c.type,
                value=c.value,
                precision=c.precision,
                anchored=c.anchored,
                mod=c.mod,
            )
        )
    return timexes
