"""The per-document events stage: one Event per real-world event an article reports.

Sentence by sentence, a trigger (``rasd.events.types``) that is neither negated,
hypothetical nor historical background makes an event mention with its arguments
(``rasd.events.arguments``). Mentions of one article that fit together (compatible
ACLED type, places within ``max_km``, dates within a day) become one Event whose
evidence lists every sentence. Cross-article merging is ``rasd.events.merge``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rasd.events import arguments as ar
from rasd.events import detect
from rasd.events import types as ty
from rasd.geo.gazetteer import Gazetteer, haversine_km, load_gazetteer
from rasd.link.kb import KnowledgeBase, load_kb
from rasd.model import Document, Event, Sentence, Span
from rasd.text.normalise import normalize


@dataclass
class EventMention:
    """One sentence's event: what the stage clusters into Events."""

    sentence: Sentence
    type: str
    trigger_start: int
    date: ar.DateRef | None
    place: ar.PlaceRef | None
    actors: list[str]
    targets: list[str]
    categories: set[str]
    fatalities: list[tuple[int, str]] = field(default_factory=list)
    weak: bool = False  # only a weak trigger (قتل، هجوم): it may join any violent event
    # Only definite weak/explosion triggers ("الهجوم"، "التفجير"): a sentence that refers back
    # to an event reported earlier, so its place (often a sub-area or a bad geocode) is no
    # reason to start a new event.
    anaphoric: bool = False
    # Mentions the attackers or "after the attack": a clash here belongs to the attack.
    refers_back: bool = False

    @property
    def acled_type(self) -> str:
        return ty.EVENT_TYPES_BY_NAME[self.type].acled_event_type


class EventStage:
    """Finds and clusters the events of one document.

    ``max_km``: two mentions farther apart than this are two events.
    ``max_day_gap``: explicit dates further apart than this are two events.
    ``lead_sentences``: a date in the first sentences dates the whole article's events
    (Arabic leads say "يوم الثلاثاء" once).
    ``max_age_days``: a sentence whose dates are all older than this (before publication)
    is background, not a reported event; None keeps every dated event.
    ``follow_up_gap``: a trigger-less sentence of casualties, claims or witnesses joins the
    event of a mention at most this many sentences before it (0 turns follow-ups off).

    Fatalities: the lowest figure of a sentence (sub-counts such as "بينهم 3 أطفال" left
    out), then, across the sentences of one event, the first sentence that has one: an
    article's lead gives its total, later sentences give breakdowns and partial quotes.
    """

    name = "events"

    def __init__(
        self,
        *,
        max_km: float = 25.0,
        max_day_gap: int = 0,
        lead_sentences: int = 2,
        max_age_days: int | None = 30,
        follow_up_gap: int = 3,
    ) -> None:
        self.follow_up_gap = follow_up_gap
        self.max_km = max_km
        self.max_day_gap = max_day_gap
        self.lead_sentences = lead_sentences
        self.max_age_days = max_age_days

    def __call__(self, doc: Document) -> Document:
        kb = load_kb(strict=False)
        gaz = load_gazetteer()
        mentions = find_event_mentions(doc, kb, gaz, max_age_days=self.max_age_days)
        follow_ups = find_follow_ups(doc, mentions, max_age_days=self.max_age_days)
        doc.events.extend(self.cluster(doc, mentions, follow_ups))
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)

    def cluster(
        self, doc: Document, mentions: list[EventMention], follow_ups: Iterable[Sentence] = ()
    ) -> list[Event]:
        """Group an article's event mentions (each joins the latest compatible group).

        ``follow_ups``: sentences with no trigger that add facts about the event reported just
        before them (``find_follow_ups``); each joins the evidence of the group of the nearest
        mention at most ``follow_up_gap`` sentences before it.
        """
        groups: list[list[EventMention]] = []
        for m in mentions:
            for group in reversed(groups):
                if all(self._compatible(m, other) for other in group):
                    group.append(m)
                    break
            else:
                groups.append([m])
        lead = _lead_date(doc, self.lead_sentences)
        extra = _attach_follow_ups(doc, groups, follow_ups, self.follow_up_gap)
        events = [_to_event(doc, i, g, lead, extra.get(i, ())) for i, g in enumerate(groups)]
        return [e for e in events if e is not None]

    def _compatible(self, a: EventMention, b: EventMention) -> bool:
        ta, tb = _family_type(a), _family_type(b)
        # A weak trigger ("الهجوم"، "قتلوا") fits any violent event, never an agreement, an
        # arrest or a protest of the same article ("هدنة" last week, then "قتلوا في الهجوم").
        weak_fits = (a.weak and tb in _VIOLENT_FAMILIES) or (b.weak and ta in _VIOLENT_FAMILIES)
        if ta != tb and not (weak_fits or (a.weak and b.weak)):
            violent = {"Battles", "Explosions/Remote violence"}
            if a.anaphoric or b.anaphoric or a.refers_back or b.refers_back:
                violent = violent | {"Violence against civilians"}
            # A sentence that names no place ("تعرضت السيارة لتفجير لغم") adds the means to
            # the event in view: an ambush by a landmine is one event, not a clash and a blast.
            # A plain "انفجار" with no place ("سمعنا دوي انفجار") in a report of an attack is
            # part of the scene, not a second event.
            close = (
                _same_place(a.place, b.place, self.max_km)
                or _unplaced_blast(a)
                or _unplaced_blast(b)
                or _means_of(a, b)
                or _means_of(b, a)
                or a.refers_back
                or b.refers_back
                or a.anaphoric
                or b.anaphoric
            )
            if not ({ta, tb} <= violent and close):
                return False
        if a.place and b.place and not (a.anaphoric or _place_fits(a.place, b.place, self.max_km)):
            return False
        return not (
            a.date
            and b.date
            and a.date.explicit
            and b.date.explicit
            and a.date.precision == b.date.precision == "day"
            and abs((a.date.day - b.date.day).days) > self.max_day_gap + (a.date.fuzzy or b.date.fuzzy)
        )


_VIOLENT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _unplaced_blast(m: EventMention) -> bool:
    return m.type == "bombing" and m.place is None


def _means_of(device: EventMention, other: EventMention) -> bool:
    """A device ("تعرضت السيارة لتفجير لغم") and an ambush or clash of one article, one of them
    with no place named: the device is the means of the attack in view — one event, not a
    clash and a blast."""
    return (
        (device.place is None or other.place is None)
        and device.type in ty.EXPLOSIVE_DEVICE_TYPES
        and (other.acled_type == "Battles" or other.type in ty.EXPLOSIVE_DEVICE_TYPES)
    )


def _family_type(m: EventMention) -> str:
    """The ACLED type a mention clusters as: a foiled attack ("أحبطت هجوما") in a report of an
    attack is part of that attack (ACLED's "Disrupted weapons use" of the same bombing)."""
    return ty.FOILED_ATTACK_FAMILY if m.type in ty.FOILED_ATTACK_TYPES else m.acled_type


def _same_place(a: ar.PlaceRef | None, b: ar.PlaceRef | None, max_km: float) -> bool:
    if a is None or b is None:
        return False
    if a.key == b.key:
        return True
    if max(a.precision, b.precision) == 3:
        return False
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= max_km


def _place_fits(a: ar.PlaceRef, b: ar.PlaceRef, max_km: float) -> bool:
    """Same place, or a coarse place (country/province) that may contain the other."""
    if _same_place(a, b, max_km):
        return True
    # Two provinces ("محافظة تعز", "محافظة البيضاء") are two fronts of one report.
    if a.key.startswith(ar.PROVINCE_PREFIX) and b.key.startswith(ar.PROVINCE_PREFIX):
        return False
    # A country in a sentence is as often an actor ("اتهمت إسرائيل") as the event's place,
    # and a province may contain the other place: within one article they never separate
    # two mentions.
    return max(a.precision, b.precision) == 3


def find_event_mentions(
    doc: Document, kb: KnowledgeBase, gaz: Gazetteer, *, max_age_days: int | None = 30
) -> list[EventMention]:
    """Event mentions sentence by sentence (at most one per sentence: the most specific trigger)."""
    sentences = doc.sentences or [Sentence(0, len(doc.text), 0, len(doc.tokens))]
    dateline = ar.dateline_end(doc.text)
    places = {
        m.id: p
        for m in doc.mentions
        if m.start >= dateline
        and (p := ar.place_of(m, kb, gaz, doc.text)) is not None
        and not ar.names_an_actor(doc.text, m)
        and not ar.names_a_building(doc.text, m)
    }
    # "هيئة تحرير الشام", "حركة المقاومة": a trigger word inside a group's name is no event.
    names = [(m.start, m.end) for m in doc.mentions if m.type in ("ORG", "PER", "NORP", "MISC")]
    out: list[EventMention] = []
    for sent in sentences:
        text = doc.text[sent.start : sent.end]
        triggers = [
            t
            for t in detect.find_triggers(text, sent.start)
            if not detect.is_irrealis(doc.text[sent.start : t.start])
            and not (t.purpose and t.type == "territory_seized")
        ]
        if not triggers:
            continue
        dates = ar.sentence_dates(doc, sent)
        if ar.is_background(doc, sent, dates, max_age_days):
            continue
        folded = normalize(text)
        killed = ar.killed_figures(doc, sent)
        if not killed and ar.one_victim(doc, sent):
            killed = [(1, "")]
        if any(d.since for _, d in dates):
            # "ارتفع عدد القتلى إلى 250 منذ بدء العملية": a campaign's running toll, no event's.
            killed = []
        triggers = [
            t
            for t in triggers
            if not detect.pretends(doc.text, t)
            and not _inside_name(t, names)
            and not detect.after_name_head(doc.text, t)
            and not detect.is_judicial(folded, t)
            and not detect.names_a_category(doc.text, t)
        ]
        if detect.has_cue(folded, "diplomatic"):
            triggers = [t for t in triggers if ty.EVENT_TYPES_BY_NAME[t.type].acled_event_type != "Protests"]
        clear = [
            t for t in triggers if not detect.is_ambiguous(t) and not ty.EVENT_TYPES_BY_NAME[t.type].weak
        ]
        if not (clear or killed or detect.has_cue(folded, "armed")):
            triggers = [t for t in triggers if not detect.is_ambiguous(t)]
        strong = [t for t in triggers if not ty.EVENT_TYPES_BY_NAME[t.type].weak]
        non_political = detect.has_cue(folded, "non_political")
        if non_political:
            strong = [t for t in strong if t.type not in ("bombing", "territory_seized")]
        # Weak triggers (قتل، هجوم، إطلاق نار) alone need a figure or an armed context.
        if not triggers:
            continue
        if not strong and (non_political or not (killed or detect.has_cue(folded, "armed"))):
            continue
        chosen = max(strong or triggers, key=lambda t: (ty.EVENT_TYPES_BY_NAME[t.type].rank, -t.start))
        sent_mentions = [m for m in doc.mentions if sent.start <= m.start < sent.end]
        actors, targets, categories = ar.actors_and_targets(doc, sent, sent_mentions, kb, chosen.type)
        etype = detect.refine(chosen.type, folded, categories, bool(killed), phrase=chosen.phrase)
        place = ar.choose_place([places[m.id] for m in sent_mentions if m.id in places], chosen.start)
        # "منذ الثلاثاء" dates an ongoing situation, not this sentence's event.
        event_dates = [d for d in dates if not d[1].since]
        date = min(event_dates, key=lambda d: abs(d[0] - chosen.start))[1] if event_dates else None
        out.append(
            EventMention(
                sent,
                etype,
                chosen.start,
                date,
                place,
                actors,
                targets,
                categories,
                killed,
                weak=ty.EVENT_TYPES_BY_NAME[chosen.type].weak,
                anaphoric=(chosen.definite or (not strong and any(t.definite for t in triggers)))
                and not any(d.explicit for _, d in dates),
                refers_back=detect.has_cue(folded, "refers_back"),
            )
        )
    return out


def find_follow_ups(
    doc: Document, mentions: list[EventMention], *, max_age_days: int | None = 30
) -> list[Sentence]:
    """Sentences with no event mention that report more about an event ("وأصيب 13 آخرون",
    "ولم تتبن أي جهة الهجوم", "وقال شهود عيان"): reports of one event share them across
    outlets, so leaving them out keeps most of an article's evidence from meeting the others'.
    Reactions (diplomatic cues) and background sentences are never follow-ups."""
    taken = {m.sentence.start for m in mentions}
    out = []
    for sent in doc.sentences:
        if sent.start in taken:
            continue
        folded = normalize(doc.text[sent.start : sent.end])
        if not detect.has_cue(folded, "elaboration") or detect.has_cue(folded, "diplomatic"):
            continue
        if ar.is_background(doc, sent, ar.sentence_dates(doc, sent), max_age_days):
            continue
        out.append(sent)
    return out


def _attach_follow_ups(
    doc: Document, groups: list[list[EventMention]], follow_ups: Iterable[Sentence], gap: int
) -> dict[int, list[Sentence]]:
    """Group index -> follow-up sentences: each joins the group of the nearest earlier mention."""
    index = {s.start: i for i, s in enumerate(doc.sentences)}
    owners = sorted(
        (index[m.sentence.start], g)
        for g, group in enumerate(groups)
        for m in group
        if m.sentence.start in index
    )
    out: dict[int, list[Sentence]] = {}
    for sent in follow_ups:
        i = index.get(sent.start)
        if i is None:
            continue
        before = [(j, g) for j, g in owners if j < i]
        if before and i - before[-1][0] <= gap:
            out.setdefault(before[-1][1], []).append(sent)
    return out


def _inside_name(t: detect.TriggerMatch, names: list[tuple[int, int]]) -> bool:
    return any(start <= t.start and t.end <= end for start, end in names)


def _lead_date(doc: Document, n: int) -> ar.DateRef | None:
    for sent in doc.sentences[:n]:
        for _, ref in ar.sentence_dates(doc, sent):
            if ref.precision == "day" and not ref.since:
                return ref
    return None


_GENERIC = frozenset({"bombing", "attack", "killing", "shooting", "armed_clash", "attack_on_civilians"})


def _best_type(group: list[EventMention]) -> str:
    """The type most sentences give, among specific ones (a generic "انفجار" or a weak
    trigger votes only when nothing specific fired); ties go to the earlier sentence (the
    lead names the event), then to the more specific type."""
    specific = [m for m in group if not m.weak and m.type not in _GENERIC]
    # A foiled part of an attack does not name the attack.
    specific = [m for m in specific if m.type not in ty.FOILED_ATTACK_TYPES] or specific
    voters = specific or [m for m in group if not m.weak] or group
    votes: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in voters:
        votes[m.type] = votes.get(m.type, 0) + 1
        first.setdefault(m.type, m.sentence.start)
    best = max(votes, key=lambda t: (votes[t], -first[t], ty.EVENT_TYPES_BY_NAME[t].rank, t))
    # Weak triggers only ("هجوم"، "قتل"): "armed clash" is their default, civilian victims
    # named in any sentence are evidence.
    if not specific and all(m.weak for m in voters) and "attack_on_civilians" in votes:
        best = "attack_on_civilians"
    # ACLED types an ambush by its means: a landmine or a grenade makes it an explosion.
    if best in ty.MEANS_NAMED_TYPES:
        devices = [m for m in group if m.type in ty.EXPLOSIVE_DEVICE_TYPES]
        if devices:
            return max(
                devices, key=lambda m: (votes.get(m.type, 0), ty.EVENT_TYPES_BY_NAME[m.type].rank)
            ).type
    # ACLED types an assassination or a killing by its means: an explosive one is an explosion.
    if ty.EVENT_TYPES_BY_NAME[best].acled_event_type == "Violence against civilians":
        means = [
            m
            for m in group
            if ty.EVENT_TYPES_BY_NAME[m.type].acled_event_type == "Explosions/Remote violence"
        ]
        if means:
            return max(means, key=lambda m: (ty.EVENT_TYPES_BY_NAME[m.type].rank, -m.sentence.start)).type
    return best


def _to_event(
    doc: Document,
    index: int,
    group: list[EventMention],
    lead: ar.DateRef | None,
    follow_ups: Iterable[Sentence] = (),
) -> Event | None:
    etype = _best_type(group)
    follow_ups = list(follow_ups)
    if etype == "armed_clash" and all(m.weak for m in group) and _names_civilians(doc, follow_ups):
        # "هجوم" with a toll defaults to a clash; witnesses who say the victims were
        # passengers or worshippers make it an attack on civilians.
        etype = "attack_on_civilians"
    acled_type, acled_sub = ty.acled_pair(etype)
    dated = [m.date for m in group if m.date is not None]
    order = {"day": 0, "week": 1, "month": 2, "year": 3}
    date = min(dated, key=lambda d: (order.get(d.precision, 9), d.day)) if dated else None
    if date is None or (date.precision not in ("day",) and lead is not None):
        date = lead or date
    date = date or ar.publication_date(doc.published)
    # A sentence that only refers back ("الهجوم استهدف ...") does not move the event.
    placed = [m.place for m in group if m.place is not None and not m.anaphoric]
    placed = placed or [m.place for m in group if m.place is not None]
    place = event_place(placed)
    if place is None:
        place = _follow_up_place(doc, follow_ups)
    actors = _unique(a for m in group for a in m.actors)
    targets = _unique(t for m in group for t in m.targets if t not in actors)
    figures = [f for m in group for f in m.fatalities]
    first = next((m.fatalities for m in group if m.fatalities), [])
    fatalities = min(v for v, _ in first) if first else None
    if acled_type == "Strategic developments":
        # An arrest or an agreement kills nobody: deaths in its sentence belong to another event.
        figures, fatalities = [], None
    evidence = [Span(doc.id, m.sentence.start, m.sentence.end) for m in group]
    # Follow-ups are evidence only: their figures and places stay out of the event's fields.
    evidence += [Span(doc.id, s.start, s.end) for s in follow_ups]
    return Event(
        id=f"{doc.id}:ev{index}",
        type=etype,
        acled_event_type=acled_type,
        acled_sub_event_type=acled_sub,
        date=date.value if date else None,
        evidence=sorted(set(evidence), key=lambda s: (s.start, s.end)),
        date_precision=date.precision if date else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.precision if place else None,
        fatalities=fatalities,
        location_mention_id=place.mention_id if place else None,
        actor_mention_ids=actors,
        target_mention_ids=targets,
        quantity_ids=_unique(qid for _, qid in figures if qid),
    )


def event_place(placed: list[ar.PlaceRef], region_km: float = 50.0) -> ar.PlaceRef | None:
    """Where an article's event happened: the first sub-national place its sentences name,
    refined by a more precise place within ``region_km`` of it (a town of the province); a
    precise place far from it (an earlier attack recalled later) does not move the event.
    With only countries named, the first country."""
    if not placed:
        return None
    ordered = sorted(placed, key=lambda p: p.start)
    local = [p for p in ordered if _sub_national(p)]
    if not local:
        return ordered[0]
    anchor = local[0]
    near = [
        p
        for p in local
        if p.key == anchor.key or haversine_km(p.lat, p.lon, anchor.lat, anchor.lon) <= region_km
    ]
    return min(near, key=lambda p: (p.precision, p.start))


def _names_civilians(doc: Document, sentences: Iterable[Sentence]) -> bool:
    return any(detect.has_cue(normalize(doc.text[s.start : s.end]), "civilian") for s in sentences)


def _sub_national(p: ar.PlaceRef) -> bool:
    """A town, a region or a province (ACLED precision 3 covers provinces and countries)."""
    return p.precision < 3 or p.key.startswith(ar.PROVINCE_PREFIX)


def _follow_up_place(doc: Document, follow_ups: Iterable[Sentence]) -> ar.PlaceRef | None:
    """An event whose mentions name no place takes the first sub-national place of its
    follow-up sentences ("وقال شهود إن الهجوم استهدف حافلة ... بمحافظة المنيا")."""
    sentences = sorted(follow_ups, key=lambda s: s.start)
    if not sentences:
        return None
    kb, gaz = load_kb(strict=False), load_gazetteer()
    for sent in sentences:
        for m in doc.mentions:
            if sent.start <= m.start < sent.end:
                p = ar.place_of(m, kb, gaz, doc.text)
                if p is not None and _sub_national(p):
                    return p
    return None


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def event_date(event: Event) -> dt.date | None:
    """The first day an event's date value covers (None when it is not a calendar date)."""
    parsed = ar.parse_date(event.date)
    return parsed[0] if parsed else None
