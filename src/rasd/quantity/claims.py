"""Claim groups: the same figure (subject + measure) as reported across documents, and whether
the reports can all be true at once.

Rule for ``disagreement`` (documented in docs/benchmarks/quantity.md too):

* Each figure asserts an interval: exact values and the final value of a change ±2% (at
  least ±1), approximate values ±10% (at least ±1), "at least N" [N, ∞), "at most N"
  [0, N], ranges [min, max], vague amounts (عشرات، مئات) [ACLED value, ∞), "بضعة" [3, 9].
* Two figures are compared only when they come from different documents and can refer to
  the same moment: their dates (the quantity's ``time`` at day or week precision, else the
  document's publication date) are at most ``window_days`` (31) apart or unknown. Figures
  for different times — a toll that grew over two months — do not contradict each other.
* Counts of events (killed, injured, detained, displaced, strikes) are grouped per incident:
  figures about one subject whose days lie within ``INCIDENT_DAYS`` (2) of each other. Stocks
  (fighters, troops) are grouped per subject over the whole corpus.
* Figures are about the same thing only where they are: the place named nearest to a figure
  in its sentence (``figure_scopes``) must be the same entity or a town within ``NEAR_KM``,
  or neither figure names a place; a total over a period ("منذ بدء الحرب") is compared only
  with other totals. Refugees "in Jordan" and "in Arsal", or Houthi dead
  "in al-Bayda" and "on the west coast" on one day, are different claims, not a disagreement.
* Unparsed figures are kept in the group but never compared.
* The group disagrees when two compared figures have disjoint intervals (for intervals,
  "pairwise overlapping" is the same as "all hold at once").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rasd.geo.demonyms import demonym_country
from rasd.link.kb import load_kb
from rasd.link.names import name_key, without_article
from rasd.model import MEASURES, ClaimGroup, Document, Entity, Event, Mention, Quantity
from rasd.quantity.lexicon import GROUP_TITLE_WORDS
from rasd.text.normalise import normalize

# Measures whose figures analysts compare across sources: counts of people and strikes.
COMPARABLE_MEASURES: tuple[str, ...] = tuple(
    m for m in MEASURES if m not in ("distance_km", "money", "percent", "other")
)
WINDOW_DAYS = 31
# Counts of events (casualties, arrests, strikes) are claims about one incident.
FLOW_MEASURES: frozenset[str] = frozenset({"killed", "injured", "detained", "displaced", "strikes"})
INCIDENT_DAYS = 2
# Two towns this close are one place for a claim (a town and its outskirts, a camp and its city).
NEAR_KM = 30.0
PLACE_TYPES: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def doc_id_of(quantity: Quantity) -> str:
    """The quantity's document: its ``doc_id`` when the store set it, else parsed from the id.

    Quantity ids are ``f"{doc.id}:q{n}"`` (see QuantityStage).
    """
    if quantity.doc_id:
        return quantity.doc_id
    head, sep, tail = quantity.id.rpartition(":q")
    return head if sep and tail.isdigit() else quantity.id


def default_subject_key(quantity: Quantity) -> str | None:
    """The linked entity when there is one, else ``subject_text_key`` of a subject text that names
    a party (see :func:`names_a_party`); other figures are not grouped."""
    if quantity.subject_entity_id:
        return quantity.subject_entity_id
    if quantity.subject_text and names_a_party(quantity.subject_text, quantity.subject_mention_id):
        return subject_text_key(quantity.subject_text)
    return None


def names_a_party(text: str, mention_id: str | None = None) -> bool:
    """Whether an unlinked subject text can name the same party in another article.

    Grouping figures corpus-wide by any noun the subject finder returned ("أدلة", "فصيل",
    "وأفراد من عائلاتهم") puts unrelated figures side by side and flags false disagreements.
    A subject qualifies when the tagger saw a name there, when it carries a country adjective
    ("مسلحين سوريين"), when the actor KB knows it ("داعش"), or when it is a group title with
    a complement ("حركة النجمة", not "التنظيم وأفراد").
    """
    if mention_id:
        return True
    words = [_strip_clitics(w) for w in normalize(text).split()]
    if not words:
        return False
    if any(demonym_country(w) for w in words):
        return True
    if load_kb(strict=False).candidates(text):
        return True
    head = without_article(words[0])
    return 2 <= len(words) <= 4 and head in GROUP_TITLE_WORDS and not words[1].startswith("و")


def link_subjects(quantities: Iterable[Quantity], entities: Iterable[Entity]) -> dict[str, str]:
    """Entity ids for figures whose subject text names a known entity but was not linked.

    A subject written "مقاتلي تنظيم داعش" with no mention under it still names the
    entity whose name or alias has the same ``subject_text_key`` — when exactly one
    entity has it. Returns quantity id → entity id for those figures.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in {entity.name, *entity.aliases}:
            key = subject_text_key(name)
            if key:
                owners[key].add(entity.id)
    found: dict[str, str] = {}
    for q in quantities:
        if q.subject_entity_id or not q.subject_text:
            continue
        ids = owners.get(subject_text_key(q.subject_text) or "")
        if ids is not None and len(ids) == 1:
            found[q.id] = next(iter(ids))
    return found


def _strip_clitics(word: str) -> str:
    """Glued و/ف and ب/ل/ك before the article only ("وللجيش" → "الجيش"): never off a bare name (ليبيا)."""
    if word[:1] in ("و", "ف") and word[1:].startswith(("ال", "لل", "بال", "كال")):
        word = word[1:]
    if word.startswith("لل") and len(word) > 3:
        return "ال" + word[2:]
    if word[:1] in ("ب", "ل", "ك") and word[1:].startswith("ال"):
        return word[1:]
    return word


def _fold_nisba(word: str) -> str:
    """One form for a nisba in any case, number or gender: فلسطينيين/فلسطينيا/فلسطينية → فلسطيني."""
    for ending in ("يين", "يون", "يات"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + "ي"
    for ending in ("يا", "يه"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + "ي"
    return word


def subject_text_key(text: str) -> str | None:
    """Grouping key of a subject name written in different ways in different articles.

    Folded by ``rasd.link.names.name_key`` (hamza, ta marbuta, hashtags, underscores), then
    glued clitics and the article dropped, nisba endings unified and a generic head
    ("تنظيم داعش" → "داعش") removed: "#ميليشيا_الحوثي", "لميليشيا الحوثي" and "الحوثي" share
    one key, as do "الفلسطينيين", "فلسطينيا" and "فلسطيني".
    """
    words = [without_article(_strip_clitics(w)) for w in name_key(text).split()]
    words = [w for w in words if w]
    if len(words) > 1:
        head = words[0]
        if head[:1] in ("و", "ب", "ل") and head[1:] in GROUP_TITLE_WORDS:
            head = head[1:]  # "لتنظيم داعش"
        if head in GROUP_TITLE_WORDS:
            words = words[1:]
    return " ".join(_fold_nisba(w) for w in words) or None


def claim_interval(q: Quantity) -> tuple[float, float] | None:
    """The interval of values a figure asserts, or None when it cannot be compared."""
    if not q.parsed:
        return None
    qual = q.qualifier
    if qual == "range" and q.min is not None and q.max is not None:
        return q.min, q.max
    if qual == "at_least" and q.min is not None:
        return q.min, math.inf
    if qual == "at_most" and q.max is not None:
        return 0.0, q.max
    if qual == "vague":
        lo = q.min if q.min is not None else q.value
        if lo is None:
            return None
        return lo, q.max if q.max is not None else math.inf
    value = q.value if q.value is not None else q.min
    if value is None:
        return None
    share = 0.10 if qual == "approx" else 0.02
    tol = max(1.0, abs(value) * share)
    return max(0.0, value - tol), value + tol


def _date_of(q: Quantity, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The day a figure refers to: its TIMEX3 day, else the Monday of its ISO week, else the
    publication date, else the first day of its month or year."""
    value = q.time or ""
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(value[:10])
    week = _ISO_WEEK.match(value)
    if week:
        with contextlib.suppress(ValueError):
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
    if published.get(doc_id_of(q)) is not None:
        return published[doc_id_of(q)]
    for fmt, size in (("%Y-%m", 7), ("%Y", 4)):
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(value[:size], fmt).date()
    return None


@dataclass(frozen=True, slots=True)
class FigureScope:
    """What a figure is about beyond its subject and measure."""

    place: str | None = None  # the place entity named nearest to it in its stretch of sentence
    # A count of events totalled over a period ("منذ بدء المعارك"، "خلال أسبوع"), not one incident.
    cumulative: bool = False


# Counts of events that are tallied over periods; refugee figures ("يستضيف مليون لاجئ منذ 2011")
# are mostly stocks, whatever period the sentence names.
_TALLIED: frozenset[str] = FLOW_MEASURES - {"displaced"}
# A total over a period: "منذ بدء الحرب", "خلال الأيام الثلاثة", "خلال 48 ساعة", "إجمالي".
_CUMULATIVE = re.compile(
    r"(?:^|\s)[وف]?(?:منذ|اجمالي|باجمالي|اجمالا|اجماليه)(?:\s|$)"
    r"|(?:^|\s)[وف]?حتي الان(?:\s|$)"
    r"|(?:^|\s)[وف]?خلال\s+(?:ال)?(?:\d+\s+)?(?:ال)?(?:ايام|يومين|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|"
    r"ساعات|ساعه|عام|عامين|اعوام|سنه|سنوات|فتره|حرب|معارك|حمله|عمليه|عمليات)(?:\s|$)"
)


def figure_scopes(
    docs: Iterable[Document], countries: Mapping[str, str | None] | None = None
) -> dict[str, FigureScope]:
    """Where each figure is and whether it totals a period, from its stretch of sentence.

    A sentence with several figures is cut between them ("قتل 15 في الحديدة و10 في تعز"); the
    figure's place is the first place phrase that follows it closely ("في X"، "بمحافظة X"،
    "قرب X"), else the nearest place in its stretch, a place after it counting half the
    distance of one before it (back to the previous figure), else the nearest in the sentence.
    Not places of the figure: the subject's and the holder's own mentions, a patron named
    after the party ("الموالية لإيران") and the subject's own country (``countries``: entity id
    → ISO code; "لاجئ سوري" is not a figure about Syria). Mentions need corpus entity ids
    (after ``resolve_corpus``); without document text no figure is marked cumulative.
    Returns quantity id → scope, for figures with a place or a period only.
    """
    countries = countries or {}
    found: dict[str, FigureScope] = {}
    for doc in docs:
        places = sorted(
            (m for m in doc.mentions if m.type in PLACE_TYPES and m.entity_id), key=lambda m: m.start
        )
        figures = sorted(
            (q for q in doc.quantities if q.sentence_start is not None and q.sentence_end is not None),
            key=lambda q: q.start,
        )
        for i, q in enumerate(figures):
            s_start, s_end = q.sentence_start or 0, q.sentence_end or 0
            prev_end = figures[i - 1].end if i and figures[i - 1].sentence_start == s_start else s_start
            nxt = figures[i + 1] if i + 1 < len(figures) else None
            next_start = nxt.start if nxt is not None and nxt.sentence_start == s_start else s_end
            place = _nearest_place(places, q, prev_end, next_start, doc.text, countries)
            cumulative = (
                q.measure in _TALLIED
                and bool(doc.text)
                and bool(_CUMULATIVE.search(normalize(doc.text[prev_end:next_start])))
            )
            if place or cumulative:
                found[q.id] = FigureScope(place, cumulative)
    return found


# "الموالية لإيران", "المدعومة من إيران": a patron named after the party, not where the figure is.
_PATRON_BEFORE = re.compile(r"(?:موال|مدعوم|تابع|حليف|حلفاء|وكلاء|وكيل)\S*\s*(?:من\s*|ل\s*|ل)?$")


# A place phrase after a figure: "في الحديدة"، "بمحافظة صعدة"، "قرب دمشق"، "شمال سوريا"، "بالحديدة".
_LOCATIVE_BEFORE = re.compile(
    r"(?:(?:^|\s)(?:في|داخل|قرب|بالقرب من|عند|شمال|جنوب|شرق|غرب|وسط|شمالي|جنوبي|شرقي|غربي)"
    r"(?:\s+(?:مدينه|محافظه|مديريه|منطقه|ولايه|بلده|قريه|مخيم|حي|جبهه|اقليم|ريف))?\s*"
    r"|(?:^|\s)[وف]?(?:ب|بمدينه|بمحافظه|بمديريه|بمنطقه|بولايه|ببلده|بقريه|بمخيم|بحي|بجبهه|باقليم|بريف)\s*)$"
)
# How far after a figure its place phrase may start (characters).
_LOCATIVE_REACH = 45


def _is_locative(text: str, mention: Mention) -> bool:
    return bool(text) and bool(
        _LOCATIVE_BEFORE.search(normalize(text[max(0, mention.start - 20) : mention.start]))
    )


def _names_a_patron(text: str, mention: Mention) -> bool:
    return bool(text) and bool(
        _PATRON_BEFORE.search(normalize(text[max(0, mention.start - 30) : mention.start]))
    )


def _nearest_place(
    places: Sequence[Mention],
    q: Quantity,
    prev_end: int,
    next_start: int,
    text: str = "",
    countries: Mapping[str, str | None] | None = None,
) -> str | None:
    own = {q.subject_mention_id, q.holder_mention_id}
    skip = {m.entity_id for m in places if m.id in own} | {q.subject_entity_id}
    subject_country = next((c for c in map(demonym_country, (q.subject_text or "").split()) if c), None)
    candidates = [
        m
        for m in places
        if m.id not in own
        and m.entity_id not in skip
        and (q.sentence_start or 0) <= m.start
        and m.end <= (q.sentence_end or 0)
        and not _names_a_patron(text, m)
        and not (subject_country and (countries or {}).get(m.entity_id or "") == subject_country)
    ]
    if not candidates:
        return None
    for m in candidates:  # "قتل 15 ... في الحديدة": the place phrase that follows the count
        if q.end <= m.start <= q.end + _LOCATIVE_REACH and m.end <= next_start and _is_locative(text, m):
            return m.entity_id

    def gap(m: Mention) -> float:
        if q.end <= m.start:
            return (m.start - q.end) / 2 if m.end <= next_start else 1e6 + m.start - q.end
        if m.end <= q.start:
            return q.start - m.end if prev_end <= m.start else 1e6 + q.start - m.end
        return 0.0

    return min(candidates, key=gap).entity_id


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def same_place(
    a: str | None, b: str | None, coordinates: Mapping[str, tuple[float, float]] | None = None
) -> bool:
    """Whether two figures' places can be one: both name none, the same entity, or two towns
    (``coordinates`` of precision-1 places) within ``NEAR_KM`` of each other."""
    if a is None or b is None:
        return a is None and b is None
    if a == b:
        return True
    coordinates = coordinates or {}
    return a in coordinates and b in coordinates and _distance_km(coordinates[a], coordinates[b]) <= NEAR_KM


def town_coordinates(entities: Iterable[Entity]) -> dict[str, tuple[float, float]]:
    """Coordinates of the places placed as towns (ACLED precision 1), for :func:`same_place`."""
    return {
        e.id: (e.lat, e.lon)
        for e in entities
        if e.lat is not None and e.lon is not None and e.geo_precision == 1
    }


def _by_place(
    members: list[Quantity],
    scopes: Mapping[str, FigureScope],
    coordinates: Mapping[str, tuple[float, float]],
) -> list[list[Quantity]]:
    """Split figures into sets about one place (a town and its near neighbours), order kept."""
    parts: list[tuple[str | None, list[Quantity]]] = []
    for q in members:
        place = scopes.get(q.id, _NO_SCOPE).place
        for anchor, part in parts:
            if same_place(anchor, place, coordinates):
                part.append(q)
                break
        else:
            parts.append((place, [q]))
    return [part for _, part in parts]


_NO_SCOPE = FigureScope()


def _own_day(q: Quantity, published: Mapping[str, dt.date | None]) -> str | None:
    """The day the text itself gives the figure ("السبت", "أمس"): a day-level time other than the
    publication date, which the quantity stage falls back to."""
    if not q.time or len(q.time) < 10 or not q.time[:4].isdigit():
        return None
    pub = published.get(doc_id_of(q))
    return None if pub is not None and q.time[:10] == pub.isoformat() else q.time[:10]


def _two_days(own_a: str | None, day_a: dt.date | None, own_b: str | None, day_b: dt.date | None) -> bool:
    """Tolls of two different days: both figures name their day, or neither does (each is the
    day of its report), and the days differ."""
    if (own_a is None) != (own_b is None):
        return False  # "أمس" in one report, the day of publication in the other
    a = own_a or (day_a.isoformat() if day_a else None)
    b = own_b or (day_b.isoformat() if day_b else None)
    return a is not None and b is not None and a != b


def _disagree(
    quantities: Sequence[Quantity],
    day: Callable[[Quantity], dt.date | None],
    window_days: int,
    per_day: Mapping[str, dt.date | None] | None = None,
) -> bool:
    """Two figures from different documents, for about the same time, whose intervals are disjoint.

    Figures within one document are not compared: an article giving 5 dead in one town and 7
    in another is breaking a figure down, not contradicting itself. With ``per_day`` (counts of
    events; the publication dates), two figures that each name their own, different day, or
    that name none and were published on different days, are the tolls of two days; a report
    dated "أمس" is still compared with the day before's report.
    """
    items = []
    for q in quantities:
        interval = claim_interval(q)
        if interval is not None and q.qualifier != "change":
            items.append(
                (interval, day(q), doc_id_of(q), _own_day(q, per_day) if per_day is not None else None)
            )
    for i, (a, da, doc_a, own_a) in enumerate(items):
        for b, db, doc_b, own_b in items[i + 1 :]:
            if doc_a == doc_b:
                continue
            if da is not None and db is not None and abs((da - db).days) > window_days:
                continue
            if per_day is not None and _two_days(own_a, da, own_b, db):
                continue
            if a[1] < b[0] or b[1] < a[0]:
                return True
    return False


def _by_incident(
    members: list[Quantity], day: Callable[[Quantity], dt.date | None], window_days: int
) -> list[list[Quantity]]:
    """Split figures of a flow measure into runs of nearby days: one run per incident.

    "Killed" figures about one group over a year report many different attacks; only
    figures for the same days can be claims about the same toll.
    """
    runs: list[list[Quantity]] = []
    start: dt.date | None = None
    for q in members:  # sorted by date
        when = day(q)
        if runs and (when is None or start is None or (when - start).days <= window_days):
            runs[-1].append(q)
            continue
        runs.append([q])
        start = when
    return runs


def group_id(
    subject_key: str,
    measure: str,
    incident: dt.date | None = None,
    place: str | None = None,
    cumulative: bool = False,
) -> str:
    suffix = f"|{incident.isoformat()}" if incident else ""
    suffix += f"|at:{place}" if place else ""
    suffix += "|total" if cumulative else ""
    return "cg:" + hashlib.sha1(f"{subject_key}|{measure}{suffix}".encode()).hexdigest()[:12]


def group_claims(
    quantities: Iterable[Quantity],
    subject_key: Callable[[Quantity], str | None] = default_subject_key,
    published: Mapping[str, dt.date | None] | None = None,
    *,
    min_documents: int = 2,
    window_days: int = WINDOW_DAYS,
    incident_days: int = INCIDENT_DAYS,
    measures: Sequence[str] = COMPARABLE_MEASURES,
    scopes: Mapping[str, FigureScope] | None = None,
    coordinates: Mapping[str, tuple[float, float]] | None = None,
) -> list[ClaimGroup]:
    """Group figures by (subject, measure) across documents and flag disagreements.

    Stocks (fighters, troops) form one group per subject and measure, compared within
    ``window_days``; flows (killed, injured, detained, displaced, strikes) one group per
    incident: figures whose days lie within ``incident_days`` of the run's first day.

    ``published`` maps document id → publication date (for figures without their own
    time). ``scopes`` (:func:`figure_scopes`) say where each figure is and whether it totals
    a period: figures about different places (:func:`same_place` with ``coordinates``, see
    :func:`town_coordinates`) form different groups, and so do period totals and single
    counts; a period total is dated by its publication ("119 since 30 March" is a figure of
    the day it was written). When scopes are given, a flow figure with no place is left to the
    per-event groups (:func:`event_claim_groups`): "killed" figures about one party on one
    day, with no place, are mostly tolls of different fronts. Groups need a subject (figures
    with none are about unknown parties and are not grouped) and figures from at least
    ``min_documents`` documents. Ids are deterministic.
    """
    published = published or {}
    coordinates = coordinates or {}
    scoped = scopes is not None
    scopes = scopes or {}

    def day(q: Quantity) -> dt.date | None:
        if scopes.get(q.id, _NO_SCOPE).cumulative and published.get(doc_id_of(q)) is not None:
            return published[doc_id_of(q)]
        return _date_of(q, published)

    buckets: dict[tuple[str, str, bool], list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.measure not in measures:
            continue
        scope = scopes.get(q.id, _NO_SCOPE)
        if scoped and q.measure in FLOW_MEASURES and scope.place is None:
            continue
        key = subject_key(q)
        if key:
            buckets[(key, q.measure, scope.cumulative)].append(q)
    groups: list[ClaimGroup] = []
    for (key, measure, cumulative), bucket in buckets.items():
        bucket.sort(key=lambda q: (day(q) or dt.date.min, q.id))
        flow = measure in FLOW_MEASURES
        runs = _by_incident(bucket, day, incident_days) if flow else [bucket]
        for members in (part for run in runs for part in _by_place(run, scopes, coordinates)):
            if len({doc_id_of(q) for q in members}) < min_documents:
                continue
            entity_ids = Counter(q.subject_entity_id for q in members if q.subject_entity_id)
            incident = day(members[0]) if flow else None
            place = scopes.get(members[0].id, _NO_SCOPE).place
            groups.append(
                ClaimGroup(
                    id=group_id(key, measure, incident, place, cumulative),
                    subject_entity_id=entity_ids.most_common(1)[0][0] if entity_ids else None,
                    measure=measure,
                    quantity_ids=[q.id for q in members],
                    disagreement=_disagree(
                        members,
                        day,
                        incident_days if flow else window_days,
                        per_day=published if measure in _TALLIED and not cumulative else None,
                    ),
                    subject_key=key,
                    place_entity_ids=[place] if place else [],
                )
            )
    groups.sort(key=lambda g: g.id)
    return groups


def event_claim_groups(
    events: Iterable[Event],
    quantities: Mapping[str, Quantity],
    published: Mapping[str, dt.date | None] | None = None,
    *,
    existing: Iterable[ClaimGroup] = (),
    places: Mapping[str, Entity] | None = None,
    min_documents: int = 2,
) -> list[ClaimGroup]:
    """One group per real-world event whose casualty figures come from several documents.

    Reports of one airstrike rarely name whose dead they count, so subject-keyed groups miss
    them; the merged event (``rasd.events.merge``) says the figures are about the same
    incident. ``quantities`` maps id → Quantity (``doc_id`` set); a group whose figures all
    belong to one of the ``existing`` groups is not repeated. Disagreement uses the same
    interval rule as :func:`group_claims`, with the event itself as the time window. The
    group's ``subject_key`` names the event: type, place (from ``places``) and date.
    """
    published = published or {}
    covered = [set(g.quantity_ids) for g in existing]
    groups: list[ClaimGroup] = []
    for event in events:
        by_measure: dict[str, list[Quantity]] = defaultdict(list)
        for qid in event.quantity_ids:
            q = quantities.get(qid)
            if q is not None and q.measure in FLOW_MEASURES:
                by_measure[q.measure].append(q)
        for measure, members in sorted(by_measure.items()):
            ids = {q.id for q in members}
            if len({doc_id_of(q) for q in members}) < min_documents or any(ids <= c for c in covered):
                continue
            members.sort(key=lambda q: (doc_id_of(q), q.start))
            groups.append(
                ClaimGroup(
                    id=group_id(f"event:{event.id}", measure),
                    subject_entity_id=None,
                    measure=measure,
                    quantity_ids=[q.id for q in members],
                    disagreement=_disagree(members, lambda q: _date_of(q, published), window_days=10_000),
                    subject_key=_event_label(event, places or {}),
                    place_entity_ids=[event.location_entity_id] if event.location_entity_id else [],
                )
            )
    groups.sort(key=lambda g: g.id)
    return groups


def _event_label(event: Event, places: Mapping[str, Entity]) -> str:
    place = places.get(event.location_entity_id or "")
    parts = [event.type.replace("_", " "), place.name if place else "", event.date or ""]
    return " · ".join(p for p in parts if p)


def claim_groups_for_documents(docs: Iterable[Document], **options: object) -> list[ClaimGroup]:
    """Convenience over annotated documents: their quantities and publication dates."""
    docs = list(docs)
    quantities = [q for d in docs for q in d.quantities]
    published = {d.id: d.published for d in docs}
    return group_claims(quantities, published=published, **options)  # type: ignore[arg-type]


def claim_title(group: ClaimGroup, entities: Mapping[str, Entity]) -> str:
    """The group's subject (entity label, else its key) and, when known, where it is:
    "سوري · في الأردن (Jordan)"."""
    subject = entities.get(group.subject_entity_id or "")
    title = subject.label if subject else (group.subject_key or group.subject_entity_id or "?")
    where = [entities[i].label for i in group.place_entity_ids if i in entities]
    return f"{title} · في {'، '.join(where)}" if where else title


def calendar_time(q: Quantity) -> str | None:
    """The figure's TIMEX3 value when it names a calendar time (2018-05-14, 2018-W20), not PAST_REF."""
    return q.time if q.time and q.time[:4].isdigit() else None


def format_figure(q: Quantity) -> str:
    """ "≥140", "~250", "1500–4000", "52", "?" (unparsed)."""
    if not q.parsed:
        return f"? ({q.unparsed_reason})"

    def n(x: float | None) -> str:
        if x is None:
            return "?"
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"

    if q.qualifier == "range":
        return f"{n(q.min)}–{n(q.max)}"
    if q.qualifier == "at_least":
        return f"≥{n(q.min)}"
    if q.qualifier == "at_most":
        return f"≤{n(q.max)}"
    if q.qualifier == "approx":
        return f"~{n(q.value)}"
    if q.qualifier == "vague":
        return f"≥{n(q.min)} ({q.text})"
    if q.qualifier == "change":
        return f"→{n(q.value)}"
    return n(q.value)


def format_claim_groups(
    groups: Sequence[ClaimGroup],
    quantities: Mapping[str, Quantity],
    documents: Mapping[str, Document],
    subject: str | None = None,
    measure: str | None = None,
    sentence_width: int = 90,
) -> str:
    """Plain-text tables for ``rasd claims [--subject NAME] [--measure M]``.

    ``quantities`` maps quantity id → Quantity; ``documents`` maps document id → Document
    (only ``source``, ``published`` and ``text`` are read; the sentence is cut from the text
    by the quantity's sentence offsets). ``subject`` matches the group's subject key or any
    member's subject text after folding (substring); ``measure`` must be equal.
    """
    wanted = " ".join(normalize(subject).split()) if subject else None
    out: list[str] = []
    for g in groups:
        if measure and g.measure != measure:
            continue
        members = [quantities[i] for i in g.quantity_ids if i in quantities]
        if wanted:
            names = [g.subject_key or ""] + [normalize(q.subject_text or "") for q in members]
            if not any(wanted in name for name in names):
                continue
        flag = "DISAGREEMENT" if g.disagreement else "consistent"
        title = g.subject_key or g.subject_entity_id or "?"
        out.append(f"== {title} · {g.measure} · {len(members)} figures · {flag} [{g.id}]")
        rows = [("figure", "holder", "outlet", "date", "sentence")]
        for q in members:
            doc = documents.get(doc_id_of(q))
            sentence = ""
            if doc is not None and q.sentence_start is not None and q.sentence_end is not None:
                sentence = " ".join(doc.text[q.sentence_start : q.sentence_end].split())
            if len(sentence) > sentence_width:
                sentence = sentence[: sentence_width - 1] + "…"
            date = calendar_time(q) or (doc.published_iso if doc is not None else None) or "?"
            rows.append(
                (
                    format_figure(q),
                    q.holder_text or "?",
                    (doc.source if doc is not None else None) or "?",
                    date,
                    sentence,
                )
            )
        widths = [max(len(r[c]) for r in rows) for c in range(4)]
        for r in rows:
            out.append(" | ".join(r[c].ljust(widths[c]) for c in range(4)) + " | " + r[4])
        out.append("")
    return "\n".join(out) if out else "no claim groups match\n"
