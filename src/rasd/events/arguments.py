"""Event arguments from one sentence: date, place, actors, targets, fatalities.

Places and actor categories come from the per-document link keys (``Mention.link_key``)
looked up in the shipped gazetteer and KB, so a document's events are geocoded before
corpus-level linking; entity ids are filled later from the argument mention ids.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from rasd.events import types as ty
from rasd.events.detect import has_cue, lexicon
from rasd.geo.gazetteer import Gazetteer, without_generic_head
from rasd.link.kb import KnowledgeBase
from rasd.model import Document, Mention, Quantity, Sentence, Timex
from rasd.text.normalise import NormalizedText, normalize
from rasd.time.lexicon import WEEKDAYS

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
ACTOR_TYPES = frozenset({"ORG", "NORP", "GPE", "PER"})
PROVINCE_PREFIX = "province:"
_SUBSET_MARKERS = ("بينهم", "منهم", "بينها", "منها", "بين هم", "من بينهم")
_SOURCE_VERBS = frozenset(
    normalize(w)
    for w in (
        "قال",
        "قالت",
        "أفاد",
        "أفادت",
        "ذكر",
        "ذكرت",
        "وفق",
        "وفقا",
        "حسب",
        "بحسب",
        "أكد",
        "أكدت",
        "أعلن",
        "أعلنت",
        "نقلت",
        "نقل",
        "أوضح",
        "أوضحت",
        "مصادر",
        "وكالة",
        "لوكالة",
    )
)
_NON_ACTOR_CATEGORIES = frozenset({"media", "political party"})
_KILLED_AND_INJURED = re.compile(
    normalize(
        r"(بين )?(قتيل|قتلى) و(جريح|جرحى|مصاب)|(بين )?(جريح|جرحى|مصاب) و(قتيل|قتلى)|مقتل وإصابة|قتلى وجرحى"
    )
)
# A toll above this is a war's or a year's total ("350 ألف قتيل منذ 2011"), never one event's.
MAX_EVENT_FATALITIES = 5000
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A geocoded place mention of the document."""

    mention_id: str
    key: str
    lat: float
    lon: float
    precision: int
    start: int
    end: int
    country: str | None = None


@dataclass(frozen=True, slots=True)
class DateRef:
    value: str
    precision: str
    day: dt.date
    explicit: bool  # from a timex (True) or from the publication date (False)
    fuzzy: bool = False  # an evening or a night ("مساء الخميس", "الليلة الماضية") may be the next day
    since: bool = False  # "منذ الثلاثاء": when an ongoing situation began, not an event's day


def parse_date(value: str | None) -> tuple[dt.date, str] | None:
    """A TIMEX3 calendar value as (first day, precision), or None for anything else."""
    if not value:
        return None
    m = _DATE_RE.match(value)
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(4):
            return dt.date.fromisocalendar(year, int(m.group(4)), 1), "week"
        if m.group(3):
            return dt.date(year, int(m.group(2)), int(m.group(3))), "day"
        if m.group(2):
            return dt.date(year, int(m.group(2)), 1), "month"
        return dt.date(year, 1, 1), "year"
    except ValueError:
        return None


def timex_date(tx: Timex, published: dt.date | None) -> DateRef | None:
    """The date a timex gives an event, unless it is not a date or lies in the future."""
    if tx.type not in ("DATE", "TIME"):
        return None
    # "مساء الخميس" is a TIME ("2018-02-22TEV"): its day dates the event.
    parsed = parse_date(tx.value[:10] if tx.type == "TIME" and tx.value else tx.value)
    if parsed is None or tx.value is None:
        return None
    day, precision = parsed
    if published is not None and day > published + dt.timedelta(days=1):
        return None
    fuzzy = tx.type == "TIME" and bool(tx.value) and tx.value.endswith(("TEV", "TNI"))
    return DateRef(day.isoformat() if precision == "day" else tx.value, precision, day, True, fuzzy)


def publication_date(published: dt.date | None) -> DateRef | None:
    """Reported events happened on or a few days before publication (ACLED time_precision 2)."""
    if published is None:
        return None
    return DateRef(published.isoformat(), "week", published, False)


def sentence_dates(doc: Document, sent: Sentence) -> list[tuple[int, DateRef]]:
    """(offset, date) of the calendar timexes inside ``sent``; a weekday the time stage left
    untagged ("ليل الخميس") dates the sentence too, and a timex whose day contradicts the
    weekday it names ("اليوم السبت" in a Sunday paper) moves to that weekday."""
    out = []
    for tx in doc.timexes:
        if sent.start <= tx.start < sent.end:
            ref = timex_date(tx, doc.published)
            if ref is not None:
                ref = _weekday_fixed(doc.text[tx.start : tx.end], ref)
                if _since_clause(doc.text, tx.start):
                    ref = replace(ref, since=True)
                out.append((tx.start, ref))
    covered = [(tx.start, tx.end) for tx in doc.timexes]
    for start, ref in weekday_dates(doc.text, sent.start, sent.end, doc.published):
        if not any(a <= start < b for a, b in covered):
            out.append((start, ref))
    return sorted(out, key=lambda x: x[0])


# A day word before a weekday makes it a date ("ليل الخميس", "يوم الأحد"); a bare "الأحد" or
# "الجمعة" is as often "one" or Friday prayers.
_DAY_PARTS = ("يوم", "ليل", "ليلة", "مساء", "صباح", "فجر", "ظهر", "عصر", "نهار", "فجر يوم", "صباح يوم")
_NIGHT_PARTS = ("ليل", "ليلة", "مساء")
_WEEKDAY_RE = re.compile(
    r"(?<![\u0621-\u064a])[وب]?(?P<part>"
    + "|".join(sorted({normalize(p) for p in _DAY_PARTS}, key=len, reverse=True))
    + r") (?P<day>"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + r")(?![\u0621-\u064a])"
)


def weekday_dates(text: str, start: int, end: int, published: dt.date | None) -> list[tuple[int, DateRef]]:
    """Dates from "ليل الخميس"-style weekdays in ``text[start:end]``: the latest such weekday
    on or before publication (news reports the past week)."""
    if published is None:
        return []
    norm = NormalizedText(text[start:end])
    out = []
    for m in _WEEKDAY_RE.finditer(norm.text):
        back = (published.weekday() - WEEKDAYS[m.group("day")]) % 7
        day = published - dt.timedelta(days=back)
        fuzzy = normalize(m.group("part")) in {normalize(p) for p in _NIGHT_PARTS}
        offset = norm.to_original(m.start("part"), m.end("day"))[0] + start
        out.append((offset, DateRef(day.isoformat(), "day", day, True, fuzzy)))
    return out


def _weekday_fixed(timex_text: str, ref: DateRef) -> DateRef:
    """A day-precise date whose text names one other weekday moves back to that weekday (within
    six days): the time stage anchors "اليوم السبت" to the publication day. A night across two
    days ("ليل السبت-الأحد") names two and stays."""
    if ref.precision != "day":
        return ref
    named = [WEEKDAYS[w] for w in re.findall(r"[\u0621-\u064a]+", normalize(timex_text)) if w in WEEKDAYS]
    if len(named) != 1 or named[0] == ref.day.weekday():
        return ref
    day = ref.day - dt.timedelta(days=(ref.day.weekday() - named[0]) % 7)
    return DateRef(day.isoformat(), "day", day, ref.explicit, ref.fuzzy)


def is_background(
    doc: Document, sent: Sentence, dates: list[tuple[int, DateRef]], max_age_days: int | None = 30
) -> bool:
    """Historical context, not news: a background cue, only coarse dates before this month, or
    only dates more than ``max_age_days`` before publication ("بدأت تركيا في 20 يناير")."""
    folded = normalize(doc.text[sent.start : sent.end])
    if has_cue(folded, "anniversary"):
        return True
    day_dated = any(d.precision in ("day", "week") for _, d in dates)
    if has_cue(folded, "background") and not day_dated:
        return True
    if dates and max_age_days is not None and doc.published is not None:
        oldest_allowed = doc.published - dt.timedelta(days=max_age_days)
        if all(d.day < oldest_allowed for _, d in dates):
            return True
    if dates and not day_dated and doc.published is not None:
        # "في 2014 سيطر التنظيم على الموصل": only year/month dates, all before this month.
        month_start = doc.published.replace(day=1)
        return all(d.day < month_start for _, d in dates)
    return False


def place_of(m: Mention, kb: KnowledgeBase, gaz: Gazetteer, text: str = "") -> PlaceRef | None:
    """Coordinates and ACLED precision of a place mention, from its link key."""
    if m.type not in PLACE_TYPES or not m.link_key:
        return _headed_place(m, gaz)
    key = m.link_key
    entry = kb.by_kb_id.get(key)
    if entry is not None and entry.lat is not None and entry.lon is not None:
        precision = 3 if entry.id.startswith("country-") else 1
        return PlaceRef(m.id, key, entry.lat, entry.lon, precision, m.start, m.end, entry.country)
    if key.startswith(PROVINCE_PREFIX):
        town = gaz.by_key(key[len(PROVINCE_PREFIX) :])
        if town is not None:
            return PlaceRef(m.id, key, town.lat, town.lon, 3, m.start, m.end, town.country)
        return None
    place = gaz.by_key(key)
    if place is not None:
        precision = max(place.precision, _head_precision(text, m.start))
        return PlaceRef(m.id, key, place.lat, place.lon, precision, m.start, m.end, place.country)
    return None


_REGION_HEADS = {
    normalize(w): p
    for w, p in (("قطاع", 2), ("ريف", 2), ("منطقة", 2), ("محافظة", 3), ("ولاية", 3), ("إقليم", 3))
}


def _head_precision(text: str, start: int) -> int:
    """ "قطاع غزة", "ريف حلب", "محافظة إدلب": the word before a place the NER tagged alone says
    the event is somewhere in a region (ACLED precision 2) or a province (3), not in the town."""
    before = normalize(text[max(0, start - 12) : start]).split()
    if not before:
        return 1
    word = before[-1]
    word = word[1:] if len(word) > 3 and word[0] in "وفب" else word
    return _REGION_HEADS.get(word, 1)


def _headed_place(m: Mention, gaz: Gazetteer) -> PlaceRef | None:
    """A mistagged "العاصمة كابول"/"مدينة غاو": the words after a generic place head, when the
    gazetteer knows them (the most populous candidate)."""
    rest = without_generic_head(m.text)
    if rest == m.text.strip():
        return None
    places = gaz.candidates(rest)
    if not places:
        return None
    p = max(places, key=lambda p: p.population)
    return PlaceRef(m.id, p.key, p.lat, p.lon, p.precision, m.start, m.end, p.country)


# "دبي، الإمارات العربية المتحدة (CNN) -- نجا ...": where the article was filed, not where the
# event happened.
_DATELINE = re.compile(r"^\s*(?:[^.\n!?]{2,80}?(?:\([^()\n]{2,25}\))?\s*(?:--|—|–)|[^.\n!?\d]{2,40}?\s-\s)")


def dateline_end(text: str) -> int:
    """End offset of the article's dateline (0 when it has none)."""
    m = _DATELINE.match(text)
    return m.end() if m else 0


def names_an_actor(text: str, m: Mention) -> bool:
    """A place named as who backs or speaks ("الموالية لإيران", "دعت طهران"), not where."""
    before = [w.removesuffix("ل") for w in _words_before(text, m.start, 2)]
    return any(has_cue(w, "actor_place") for w in before if w)


def names_a_building(text: str, m: Mention) -> bool:
    """ "فندق تيبستي", "بمستشفى الشفاء": the place name is a building's, not the event's place."""
    before = _words_before(text, m.start, 1)
    if not before:
        return False
    heads = lexicon().cue_sets["building"]
    word = before[-1]
    forms = [word]  # "فندق" itself starts with ف: the word as written first
    for _ in range(2):  # then without glued و/ف and ب/ل ("وبمستشفى")
        if len(word) > 3 and word[0] in "وفبل":
            word = word[1:]
            forms.append(word)
    return any(f in heads for f in forms)


def choose_place(places: list[PlaceRef], anchor: int) -> PlaceRef | None:
    """The most precise place, nearest the trigger (towns beat provinces beat countries)."""
    if not places:
        return None
    return min(places, key=lambda p: (p.precision, abs(p.start - anchor), p.start))


def category_of(m: Mention, kb: KnowledgeBase) -> str | None:
    entry = kb.by_kb_id.get(m.link_key or "")
    return entry.category if entry is not None else None


def _words_before(text: str, start: int, n: int) -> list[str]:
    return normalize(text[max(0, start - 40) : start]).split()[-n:]


_SINCE = normalize("منذ")
_BEGINNING_NOUNS = frozenset(normalize(w) for w in ("بدء", "بداية", "انطلاق", "انطلاقة", "اندلاع"))


def _since_clause(text: str, start: int) -> bool:
    """ "منذ الثلاثاء", or "منذ بدء عملية تحرير الحديدة قبل 3 أيام": the date a campaign or an
    ongoing situation began, not the day of the event the sentence reports."""
    before = normalize(text[max(0, start - 60) : start]).split()[-6:]
    if before[-1:] == [_SINCE]:
        return True
    if _SINCE not in before:
        return False
    after = before[len(before) - before[::-1].index(_SINCE) :]
    return any(w.lstrip("وف") in _BEGINNING_NOUNS or w in _BEGINNING_NOUNS for w in after)


def actors_and_targets(
    doc: Document, sent: Sentence, mentions: list[Mention], kb: KnowledgeBase, event_type: str
) -> tuple[list[str], list[str], set[str]]:
    """Argument mention ids (actors, targets) and the actors' KB categories.

    A mention is an argument when the KB gives it an armed/civilian category, or its
    name or the word before it says it is an armed group (قوات، تنظيم، مسلحو …).
    Mentions after على/ضد/استهدف, civilians, and the second side of "بين X و Y" are
    targets; sources ("قال المرصد", media) are never arguments.
    """
    actors: list[str] = []
    targets: list[str] = []
    categories: set[str] = set()
    between_seen = False
    for m in mentions:
        if m.type not in ACTOR_TYPES or (m.type in PLACE_TYPES and category_of(m, kb) is None):
            continue
        category = category_of(m, kb)
        if category in _NON_ACTOR_CATEGORIES:
            continue
        before = _words_before(doc.text, m.start, 3)
        plain_before = [w[1:] if len(w) > 3 and w[0] in "وف" else w for w in before]
        if any(w in _SOURCE_VERBS for w in plain_before[-2:]):
            continue
        folded = normalize(m.text)
        armed_name = has_cue(folded, "armed") or any(has_cue(w, "armed") for w in plain_before[-1:])
        if category is None and not armed_name and m.type != "NORP" and event_type != "mass_arrest":
            continue
        if category == "civilians" or has_cue(" ".join(plain_before[-2:]), "target"):
            targets.append(m.id)
            continue
        if between_seen and actors:
            targets.append(m.id)
            continue
        if "بين" in plain_before[-2:]:
            between_seen = True
        actors.append(m.id)
        if category:
            categories.add(category)
    return actors, targets, categories


def killed_figures(doc: Document, sent: Sentence) -> list[tuple[int, str]]:
    """(fatalities, quantity id) for the killed counts of a sentence, sub-counts ("بينهم 3 أطفال") left out.

    Vague counts use the lowest value they allow (عشرات → 10), following ACLED's
    conservative coding; an unparsed count is skipped.
    """
    out = []
    for q in doc.quantities:
        if q.measure != "killed" or not (sent.start <= q.start < sent.end):
            continue
        value = _count_value(q)
        if value is None or value > MAX_EVENT_FATALITIES:
            continue
        before = normalize(doc.text[max(sent.start, q.start - 16) : q.start])
        if any(normalize(mk) in before for mk in _SUBSET_MARKERS):
            continue
        around = normalize(doc.text[max(sent.start, q.start - 40) : min(sent.end, q.end + 40)])
        if _KILLED_AND_INJURED.search(around):
            continue  # "60 بين قتيل وجريح": not a death toll
        out.append((value, q.id))
    return out


_ONE_VICTIM = re.compile(
    normalize(
        r"(?:قتل|قُتل|مقتل|استشهاد|استشهد|مصرع|لقي) "
        r"(?:مزارع|فلسطيني|شخص|شاب|طفل|طفلة|جندي|مدني|رجل|امرأة|سيدة|شرطي|عنصر|مسلح|مواطن|صحفي|طالب|"
        r"ضابط|مقاتل|عامل|صياد|راع|سائق|فتى|فتاة|مسعف)(?![\u0621-\u064a])"
    )
)


def one_victim(doc: Document, sent: Sentence) -> bool:
    """ "قتل مزارع فلسطيني": one death with no number written (ACLED counts 1)."""
    return bool(_ONE_VICTIM.search(normalize(doc.text[sent.start : sent.end])))


def _count_value(q: Quantity) -> int | None:
    value = q.min if q.qualifier in ("range", "vague") or q.value is None else q.value
    if value is None or value < 0:
        return None
    return int(value)


def civilian_targets_only(folded_sentence: str) -> bool:
    return has_cue(folded_sentence, "civilian") and not has_cue(folded_sentence, "armed")


__all__ = [
    "DateRef",
    "PlaceRef",
    "actors_and_targets",
    "choose_place",
    "is_background",
    "killed_figures",
    "parse_date",
    "place_of",
    "publication_date",
    "sentence_dates",
    "timex_date",
    "ty",
]
