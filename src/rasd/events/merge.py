"""Corpus-level event merging: one event per real-world event, however many articles report it.

Two events (from different documents) are the same real-world event when

* their ACLED event types agree (a weak type such as ``killing`` or ``attack`` fits any
  violent type; Battles and Explosions/Remote violence fit each other at the same place),
* their places are within ``max_km`` (both town-level) or, when one is coarse (province or
  country, ACLED geo_precision 3), the precise one lies in the coarse one's country and
  within ``coarse_km``; an event without a place merges only with one of the same
  sub-event type and the same date that shares an actor,
* their dates are within ``max_days`` (publication-date fallbacks count as dated up to
  ``max_days + 2`` days before publication),
* their actors do not contradict each other (two KB-linked actor sets with nothing in
  common) — checked only when the places do not already agree, since extracted actors are
  noisier than places and dates.

Clustering is greedy complete-link in a canonical order (date, then first evidence
span), so the result does not depend on the input order. A merged event:

* ``evidence``: every sentence of every member, sorted;
* ``type``: the most specific type among members (by lexicon rank), then the ACLED pair
  of that type;
* ``date``: the most precise date, the earliest of those;
* place: the most precise location, the most reported among those;
* ``fatalities``: the lowest per-document figure (ACLED codes the most conservative
  credible report); every document's figure stays visible through ``quantity_ids``;
* ``id``: ``"ev"`` + a hash of the first evidence span, so ids are stable and
  order-independent.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from rasd.events import types as ty
from rasd.events.arguments import parse_date
from rasd.geo.gazetteer import haversine_km
from rasd.model import Entity, Event, Span

_GENERIC_TYPES = frozenset({"killing", "attack", "shooting", "attack_on_civilians", "armed_clash"})
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def event_id(evidence: Iterable[Span]) -> str:
    """A stable id from the first evidence span (doc id, start, end)."""
    first = min(evidence, key=_span_key)
    return "ev" + hashlib.sha1(f"{first.doc_id}:{first.start}:{first.end}".encode()).hexdigest()[:12]


def _span_key(s: Span) -> tuple[str, int, int]:
    return (s.doc_id, s.start, s.end)


def _rank(etype: str) -> int:
    t = ty.EVENT_TYPES_BY_NAME.get(etype)
    return t.rank if t else 0


def resolve_arguments(events: Iterable[Event], mention_entity: Mapping[str, str | None]) -> None:
    """Fill entity ids from the per-document argument mention ids (after corpus linking)."""
    for e in events:
        if e.location_mention_id and mention_entity.get(e.location_mention_id):
            e.location_entity_id = mention_entity[e.location_mention_id]
        actors = [x for m in e.actor_mention_ids if (x := mention_entity.get(m))]
        targets = [x for m in e.target_mention_ids if (x := mention_entity.get(m))]
        if actors:
            e.actor_entity_ids = list(dict.fromkeys(actors))
        if targets:
            e.target_entity_ids = [t for t in dict.fromkeys(targets) if t not in e.actor_entity_ids]


class _Item:
    """One per-document event with what the comparison needs, computed once."""

    __slots__ = ("country", "country_level", "day", "doc_id", "event", "explicit", "published")

    def __init__(self, doc_id: str, event: Event, entities: Mapping[str, Entity], published: dt.date | None):
        self.doc_id = doc_id
        self.event = event
        parsed = parse_date(event.date)
        self.day = parsed[0] if parsed else None
        # A "week" date from the stage is the publication-date fallback.
        self.explicit = parsed is not None and event.date_precision in ("day", None) and parsed[1] == "day"
        if parsed is not None and parsed[1] != "day":
            # Only a week, a month or a year ("أيار الجاري"): the event happened within it, and
            # news reports it shortly after, so it is dated like a publication fallback — the
            # publication day when that falls within the period, else the period's last day.
            self.day = _anchor_day(parsed[0], parsed[1], published)
        location = entities.get(event.location_entity_id or "")
        self.country = location.country if location else None
        # Only a country is named ("في العراق"): the event may be anywhere in it.
        self.country_level = (
            (event.geo_precision or 0) >= 3 and location is not None and _is_country(location)
        )
        self.published = published


def _anchor_day(first: dt.date, precision: str, published: dt.date | None) -> dt.date:
    if precision == "week":
        last = first + dt.timedelta(days=6)
    elif precision == "month":
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    else:
        last = first.replace(month=12, day=31)
    if published is None or published < first:
        return first
    return min(published, last)


def _is_country(location: Entity) -> bool:
    """The KB's places with coordinates are countries (Wikidata or "kb:country-xx" ids);
    towns and provinces come from the gazetteer ("geonames:", "province:")."""
    return (location.kb_id or "").startswith(("kb:country-", "wikidata:"))


def _corroborated(a: Event, b: Event) -> bool:
    """Something beyond kind, day and region that two reports share: an actor, a target or
    the same death toll (ubiquitous actors such as "الحوثيون" alone are weak, so the
    uncertain-place rule asks for this on top of the same country)."""
    return bool(
        set(a.actor_entity_ids) & set(b.actor_entity_ids)
        or set(a.target_entity_ids) & set(b.target_entity_ids)
        or similar_tolls(a.fatalities, b.fatalities)
    )


def similar_tolls(a: int | None, b: int | None) -> bool:
    """The same death toll, or (from five up) figures within a fifth of each other: outlets
    report one event's toll at different hours (23 then 24 dead), two small events rarely
    differ by one."""
    if a is None or b is None or a <= 0 or b <= 0:
        return False
    if a == b:
        return True
    return min(a, b) >= 5 and abs(a - b) <= 0.2 * max(a, b)


def _family(e: Event) -> str:
    """The ACLED type an event merges as (a foiled attack merges with the attack)."""
    return ty.FOILED_ATTACK_FAMILY if e.type in ty.FOILED_ATTACK_TYPES else e.acled_event_type or ""


def _types_fit(a: Event, b: Event, same_place: bool) -> bool:
    ta, tb = _family(a), _family(b)
    if ta == tb:
        return True
    if ta in _VIOLENT and tb in _VIOLENT:
        if a.type in _GENERIC_TYPES or b.type in _GENERIC_TYPES:
            return True
        return same_place and {ta, tb} <= {"Battles", "Explosions/Remote violence"}
    return False


def _place_relation(a: _Item, b: _Item, max_km: float, coarse_km: float, region_km: float = 50.0) -> str:
    """ "same", "near", "far" or "unknown".

    "near": one place is a region ("قطاع غزة", "ريف حلب": ACLED precision 2) within
    ``region_km`` of the other, or two towns within ``region_km`` of which one was only the
    region's name ("غزة" for an event in Rafah): the same event when the kinds agree.
    """
    ea, eb = a.event, b.event
    if a.country_level or b.country_level:
        # "في سوريا" in two reports says nothing about where either event happened.
        if a.country and b.country and a.country != b.country:
            return "far"
        return "unknown"
    if ea.location_entity_id and ea.location_entity_id == eb.location_entity_id:
        return "same"
    if ea.lat is None or eb.lat is None or ea.lon is None or eb.lon is None:
        return "unknown"
    km = haversine_km(ea.lat, ea.lon, eb.lat, eb.lon)
    pa, pb = ea.geo_precision or 3, eb.geo_precision or 3
    if pa < 3 and pb < 3:
        if km <= max_km:
            return "same"
        return "near" if max(pa, pb) == 2 and km <= region_km else "far"
    if a.country and b.country and a.country != b.country:
        return "far"
    # A country centroid lies near its capital by chance: a country is never "same".
    if km <= coarse_km and not (a.country_level or b.country_level):
        return "same"
    # A country-level place says nothing about distance: same country is "unknown", and
    # same_event then asks for the same sub-event type and date.
    return "unknown" if a.country and a.country == b.country else "far"


def _dates_fit(a: _Item, b: _Item, max_days: int) -> bool:
    if a.day is None or b.day is None:
        return True
    gap = abs((a.day - b.day).days)
    if a.explicit and b.explicit:
        # Two reports that each give the day: a day apart at most (a night attack is "ليل
        # الخميس" in one and "فجر الجمعة" in another); a town under daily bombardment has a
        # strike every day, and a wider gap chains them into one.
        return gap <= min(max_days, 1)
    # A publication-date fallback: the event happened up to a few days before.
    return gap <= max_days + 2


def _actors_fit(a: Event, b: Event, entities: Mapping[str, Entity]) -> bool:
    """Two KB-linked actor sets with nothing in common contradict each other, unless one
    side's actor is the other's target: extraction often swaps them ("قصفت إسرائيل مواقع
    لحماس" vs "حماس ... القصف الإسرائيلي")."""

    def linked(ids: Iterable[str]) -> set[str]:
        return {x for x in ids if (e := entities.get(x)) is not None and e.kb_id}

    ka, kb_ = linked(a.actor_entity_ids), linked(b.actor_entity_ids)
    if not (ka and kb_) or ka & kb_:
        return True
    return bool((ka | linked(a.target_entity_ids)) & (kb_ | linked(b.target_entity_ids)))


# Sub-event types one report may give for what another calls differently: "قصف" is an air
# strike or shelling, a car bomb is a suicide bomb when one outlet says so. Two specific
# sub-types outside one group at one town are two events (a strike and a bombing the same day).
_CONFUSABLE_SUB_TYPES: tuple[frozenset[str], ...] = (
    frozenset({"Air/drone strike", "Shelling/artillery/missile attack"}),
    frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"}),
)


def _sub_types_fit(a: Event, b: Event) -> bool:
    if _kinds_agree(a, b) or a.acled_event_type != b.acled_event_type:
        return True
    # A plain "انفجار" says only that something exploded: one outlet's explosion is
    # another's air strike or shell.
    if "bombing" in (a.type, b.type):
        return True
    return any({a.acled_sub_event_type, b.acled_sub_event_type} <= g for g in _CONFUSABLE_SUB_TYPES)


def _kinds_agree(a: Event, b: Event) -> bool:
    """Same sub-event type, or one of them only a generic trigger ("هجوم", "قتل")."""
    return (
        a.acled_sub_event_type == b.acled_sub_event_type
        or a.type in _GENERIC_TYPES
        or b.type in _GENERIC_TYPES
    )


def same_event(
    a: _Item,
    b: _Item,
    entities: Mapping[str, Entity],
    *,
    max_km: float = 25.0,
    coarse_km: float = 100.0,
    max_days: int = 2,
) -> bool:
    """Whether two per-document events report the same real-world event (see the module doc)."""
    return veto(a, b, entities, max_km=max_km, coarse_km=coarse_km, max_days=max_days) is None


def veto(
    a: _Item,
    b: _Item,
    entities: Mapping[str, Entity],
    *,
    max_km: float = 25.0,
    coarse_km: float = 100.0,
    max_days: int = 2,
) -> str | None:
    """Why two per-document events are not one real-world event (None: they are); the
    reason names the rule, so missed merges can be counted by class."""
    if a.doc_id == b.doc_id:
        return "same document"
    place = _place_relation(a, b, max_km, coarse_km)
    if place == "far":
        return "place: far"
    if not _types_fit(a.event, b.event, place == "same"):
        return f"type: {a.event.acled_event_type} vs {b.event.acled_event_type} ({place} place)"
    if not _dates_fit(a, b, max_days):
        return f"date: {a.day} vs {b.day} (explicit {a.explicit}/{b.explicit})"
    # Extracted actors are noisy: they veto a merge only when the places do not already agree.
    if place != "same" and not _actors_fit(a.event, b.event, entities):
        return "actors"
    if place == "near":
        return None if _kinds_agree(a.event, b.event) else "sub-type at a near place"
    if not _sub_types_fit(a.event, b.event):
        return f"sub-type: {a.event.acled_sub_event_type} vs {b.event.acled_sub_event_type}"
    if place == "unknown":
        same_kind = (
            a.event.acled_sub_event_type == b.event.acled_sub_event_type
            and a.day is not None
            and b.day is not None
            and abs((a.day - b.day).days) <= 1
        )
        # The same kind and day in the same country (one place coarse) or with no place at
        # all: a shared actor, target or toll must back it up.
        same_country = a.country is not None and a.country == b.country
        no_country = a.country is None or b.country is None
        if not same_kind:
            return "unknown place: kind or day differ"
        if not (same_country or no_country):
            return "unknown place: countries differ"
        return None if _corroborated(a.event, b.event) else "unknown place: nothing shared"
    if not (a.explicit or b.explicit) and not (
        _kinds_agree(a.event, b.event) and _corroborated(a.event, b.event)
    ):
        # Neither report gives a day (both dated by publication, a window of days): a city
        # sees many events in such a window, so the kind and an actor, target or toll must agree.
        return "both dated by publication: nothing shared"
    if _family(a.event) != _family(b.event) and not (
        a.event.type in _GENERIC_TYPES or b.event.type in _GENERIC_TYPES
    ):
        # A battle and a strike at one town are one event only on one explicit day and with
        # something else in common (a city hosts many events a week).
        if a.explicit and b.explicit and a.day == b.day and _corroborated(a.event, b.event):
            return None
        return "battle vs strike: not one explicit day with something shared"
    return None


def explain_pair(
    a: tuple[str, Event],
    b: tuple[str, Event],
    entities: Iterable[Entity] | Mapping[str, Entity],
    published: Mapping[str, dt.date | None],
    mention_entity: Mapping[str, str | None] | None = None,
) -> str | None:
    """``veto`` for two (document id, event) pairs as ``merge_events`` sees them: the
    evaluation prints it for every missed pair of reports of one gold event."""
    by_id = entities if isinstance(entities, Mapping) else {e.id: e for e in entities}
    items = []
    for doc_id, e in (a, b):
        copy = replace(e, evidence=list(e.evidence))
        if mention_entity is not None:
            resolve_arguments([copy], mention_entity)
        _fill_place(copy, by_id)
        items.append(_Item(doc_id, copy, by_id, published.get(doc_id)))
    return veto(items[0], items[1], by_id)


def _affinity(a: _Item, b: _Item) -> float:
    """How alike two fitting reports are: same sub-type, same place entity, same explicit
    day, a shared actor or target, the same death toll."""
    ea, eb = a.event, b.event
    score = 2.0 * (ea.acled_sub_event_type == eb.acled_sub_event_type)
    score += bool(ea.location_entity_id) and ea.location_entity_id == eb.location_entity_id
    score += a.explicit and b.explicit and a.day == b.day
    score += bool(set(ea.actor_entity_ids) & set(eb.actor_entity_ids))
    score += bool(set(ea.target_entity_ids) & set(eb.target_entity_ids))
    score += similar_tolls(ea.fatalities, eb.fatalities)
    return float(score)


def merge_events(
    events_by_doc: Mapping[str, Iterable[Event]],
    entities: Iterable[Entity] | Mapping[str, Entity],
    published: Mapping[str, dt.date | None],
    *,
    mention_entity: Mapping[str, str | None] | None = None,
    max_km: float = 25.0,
    coarse_km: float = 100.0,
    max_days: int = 2,
) -> list[Event]:
    """One event per real-world event across documents (rules in the module docstring).

    ``events_by_doc``: each document's events from :class:`rasd.events.stage.EventStage`.
    ``entities``: the corpus entities (countries of places, KB ids of actors).
    ``published``: publication date per document id.
    ``mention_entity``: mention id -> entity id from corpus linking; when given, the
    events' argument entity ids are filled from their argument mention ids first.
    The input events are not modified; the result is sorted by (date, id).
    """
    by_id = entities if isinstance(entities, Mapping) else {e.id: e for e in entities}
    items: list[_Item] = []
    for doc_id in sorted(events_by_doc):
        for e in events_by_doc[doc_id]:
            copy = replace(e, evidence=list(e.evidence))
            if mention_entity is not None:
                resolve_arguments([copy], mention_entity)
            _fill_place(copy, by_id)
            items.append(_Item(doc_id, copy, by_id, published.get(doc_id)))
    items.sort(
        key=lambda it: (it.day or dt.date.max, min(map(_span_key, it.event.evidence), default=("", 0, 0)))
    )
    clusters: list[list[_Item]] = []
    # Reports placed in two different countries never merge (see _place_relation): each
    # cluster keeps the country of its members, and a report with a country looks only at
    # its country's clusters and those with no country yet (``by_country[None]``).
    countries: list[str | None] = []
    by_country: dict[str | None, list[int]] = {None: []}
    # Clusters are created in date order, so a cluster's first item has its earliest day;
    # each list's start skips those too old to fit any later item (dates fit within
    # max_days + 2), which keeps a whole corpus near-linear instead of quadratic.
    window = dt.timedelta(days=max_days + 2)
    starts: dict[str | None, int] = {}
    for it in items:
        if it.country is None:
            keys: list[str | None] = [k for k in by_country]
        else:
            keys = [it.country, None]
        candidates: set[int] = set()
        for key in keys:
            indices = by_country.get(key, [])
            start = starts.get(key, 0)
            if it.day is not None:
                while start < len(indices):
                    day = clusters[indices[start]][0].day
                    if day is None or day >= it.day - window:
                        break
                    start += 1
                starts[key] = start
                candidates.update(indices[start:])
            else:
                candidates.update(indices)
        # Several events may fit (a strike and a bombing in one city on one day): the report
        # joins the one it resembles most, not the first one found.
        best: int | None = None
        best_score = -1.0
        for k in sorted(candidates):
            if it.country and countries[k] and countries[k] != it.country:
                continue
            cluster = clusters[k]
            if all(
                same_event(it, other, by_id, max_km=max_km, coarse_km=coarse_km, max_days=max_days)
                for other in cluster
            ):
                score = sum(_affinity(it, other) for other in cluster) / len(cluster)
                if score > best_score:
                    best, best_score = k, score
        if best is not None:
            clusters[best].append(it)
            if countries[best] is None and it.country is not None:
                countries[best] = it.country
                by_country.setdefault(it.country, []).append(best)
        else:
            clusters.append([it])
            countries.append(it.country)
            by_country.setdefault(it.country, []).append(len(clusters) - 1)
    merged = [_combine(c) for c in clusters]
    return sorted(merged, key=lambda e: (e.date or "", e.id))


def _fill_place(e: Event, entities: Mapping[str, Entity]) -> None:
    loc = entities.get(e.location_entity_id or "")
    if loc is not None and e.lat is None and loc.lat is not None:
        e.lat, e.lon, e.geo_precision = loc.lat, loc.lon, loc.geo_precision


def _combine(cluster: list[_Item]) -> Event:
    events = [it.event for it in cluster]
    evidence = sorted({s for e in events for s in e.evidence}, key=_span_key)
    if len(events) == 1:
        single = replace(events[0], evidence=evidence)
        single.id = event_id(evidence)
        return single
    best = max(events, key=lambda e: (e.type not in _GENERIC_TYPES, _rank(e.type), e.type))
    dated = [it for it in cluster if it.day is not None]
    precision_order = {"day": 0, "week": 1, "month": 2, "year": 3}
    date_item = (
        min(
            dated,
            key=lambda it: (not it.explicit, precision_order.get(it.event.date_precision or "", 9), it.day),
        )
        if dated
        else None
    )
    placed = [e for e in events if e.lat is not None]
    place_votes = Counter((e.location_entity_id, e.lat, e.lon, e.geo_precision) for e in placed)
    place = (
        min(place_votes, key=lambda p: (p[3] or 9, -place_votes[p], str(p[0]), p[1], p[2]))
        if place_votes
        else None
    )
    figures = [e.fatalities for e in events if e.fatalities is not None]
    actors = Counter(a for e in events for a in dict.fromkeys(e.actor_entity_ids))
    targets = Counter(t for e in events for t in dict.fromkeys(e.target_entity_ids))
    actor_ids = sorted(actors, key=lambda a: (-actors[a], a))
    return Event(
        id=event_id(evidence),
        type=best.type,
        acled_event_type=best.acled_event_type,
        acled_sub_event_type=best.acled_sub_event_type,
        date=date_item.event.date if date_item else None,
        evidence=evidence,
        date_precision=date_item.event.date_precision if date_item else None,
        location_entity_id=place[0] if place else None,
        lat=place[1] if place else None,
        lon=place[2] if place else None,
        geo_precision=place[3] if place else None,
        actor_entity_ids=actor_ids,
        target_entity_ids=[t for t in sorted(targets, key=lambda t: (-targets[t], t)) if t not in actors],
        fatalities=min(figures) if figures else None,
        location_mention_id=None,
        actor_mention_ids=sorted({m for e in events for m in e.actor_mention_ids}),
        target_mention_ids=sorted({m for e in events for m in e.target_mention_ids}),
        quantity_ids=sorted({q for e in events for q in e.quantity_ids}),
    )
