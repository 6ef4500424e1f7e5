"""Cross-document merging on hand-made events: one event per real-world event."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.events.merge import event_id, merge_events
from rasd.model import Entity, Event, Span

IDLIB = Entity(
    id="E-idlib",
    type="GPE",
    name="إدلب",
    name_en="Idlib",
    lat=35.93,
    lon=36.63,
    geo_precision=1,
    country="SY",
)
SARAQIB = Entity(
    id="E-saraqib", type="GPE", name="سراقب", lat=35.86, lon=36.80, geo_precision=1, country="SY"
)
ALEPPO = Entity(id="E-aleppo", type="GPE", name="حلب", lat=36.20, lon=37.16, geo_precision=1, country="SY")
SYRIA = Entity(
    id="E-syria",
    type="GPE",
    name="سوريا",
    kb_id="wikidata:Q858",
    lat=35.0,
    lon=38.0,
    geo_precision=3,
    country="SY",
)
IRAQ = Entity(
    id="E-iraq",
    type="GPE",
    name="العراق",
    kb_id="kb:country-iq",
    lat=33.0,
    lon=44.0,
    geo_precision=3,
    country="IQ",
)
RUSSIA_AF = Entity(
    id="E-ru", type="ORG", name="القوات الروسية", kb_id="kb:ru", category="external/other forces"
)
SYRIA_AF = Entity(id="E-sy", type="ORG", name="قوات النظام", kb_id="kb:sy", category="state forces")
ENTITIES = [IDLIB, SARAQIB, ALEPPO, SYRIA, IRAQ, RUSSIA_AF, SYRIA_AF]
PUBLISHED = {f"d{i}": dt.date(2019, 4, 10) for i in range(10)}


def event(
    doc: str,
    start: int,
    place: Entity | None,
    *,
    etype: str = "airstrike",
    date: str = "2019-04-09",
    fatalities: int | None = None,
    actors: tuple[str, ...] = (),
    n_sentences: int = 1,
) -> Event:
    pairs = {
        "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
        "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        "killing": ("Violence against civilians", "Attack"),
        "peaceful_protest": ("Protests", "Peaceful protest"),
        "armed_clash": ("Battles", "Armed clash"),
    }
    acled, sub = pairs[etype]
    return Event(
        id=f"{doc}:ev{start}",
        type=etype,
        acled_event_type=acled,
        acled_sub_event_type=sub,
        date=date,
        date_precision="day",
        evidence=[Span(doc, start + 100 * k, start + 100 * k + 50) for k in range(n_sentences)],
        location_entity_id=place.id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.geo_precision if place else None,
        actor_entity_ids=list(actors),
        fatalities=fatalities,
    )


def by_doc(events: list[Event]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = {}
    for e in events:
        out.setdefault(e.evidence[0].doc_id, []).append(e)
    return out


def test_reports_of_one_strike_merge_with_every_sentence_and_the_lowest_figure() -> None:
    a = event("d1", 0, IDLIB, fatalities=12, n_sentences=2)
    b = event("d2", 0, SARAQIB, date="2019-04-10", fatalities=15)  # 17 km away, a day later
    c = event("d3", 0, IDLIB, etype="killing", fatalities=9)
    [merged] = merge_events(by_doc([a, b, c]), ENTITIES, PUBLISHED)
    assert merged.evidence == sorted(
        [*a.evidence, *b.evidence, *c.evidence], key=lambda s: (s.doc_id, s.start, s.end)
    )
    assert merged.type == "airstrike" and merged.acled_sub_event_type == "Air/drone strike"
    assert merged.fatalities == 9
    assert merged.date == "2019-04-09"
    assert merged.location_entity_id == IDLIB.id
    assert merged.id == event_id(merged.evidence)


def test_far_places_other_days_other_types_and_one_document_stay_apart() -> None:
    base = event("d1", 0, IDLIB)
    others = [
        event("d2", 0, ALEPPO),  # 60 km away
        event("d3", 0, IDLIB, date="2019-04-01"),  # eight days earlier
        event("d4", 0, IDLIB, etype="peaceful_protest"),
        event("d1", 500, IDLIB),  # same article: the stage already kept them apart
        event("d5", 0, IRAQ),
    ]
    merged = merge_events(by_doc([base, *others]), ENTITIES, PUBLISHED)
    assert len(merged) == 6


def test_contradicting_kb_actors_veto_only_when_the_places_do_not_agree() -> None:
    # Same town, same day: extracted actors are too noisy to split the reports.
    a = event("d1", 0, IDLIB, actors=(RUSSIA_AF.id,))
    b = event("d2", 0, IDLIB, actors=(SYRIA_AF.id,))
    c = event("d3", 0, IDLIB)
    assert len(merge_events(by_doc([a, b, c]), ENTITIES, PUBLISHED)) == 1
    # Town vs country: the actors decide.
    d = event("d4", 0, SYRIA, actors=(SYRIA_AF.id,))
    e = event("d5", 0, IDLIB, actors=(RUSSIA_AF.id,))
    assert len(merge_events(by_doc([d, e]), ENTITIES, PUBLISHED)) == 2


def test_country_level_place_merges_with_a_town_of_that_country_on_the_same_day() -> None:
    # A country place says nothing about where: the same kind and day in that country need a
    # shared actor (or target, or toll) too.
    a = event("d1", 0, IDLIB, actors=(RUSSIA_AF.id,))
    b = event("d2", 0, SYRIA, actors=(RUSSIA_AF.id,))
    c = event("d3", 0, IRAQ, actors=(RUSSIA_AF.id,))
    merged = merge_events(by_doc([a, b, c]), ENTITIES, PUBLISHED)
    assert sorted(len(m.evidence) for m in merged) == [1, 2]
    [pair] = [m for m in merged if len(m.evidence) == 2]
    assert pair.location_entity_id == IDLIB.id and pair.geo_precision == 1


def test_country_level_place_without_anything_shared_stays_apart() -> None:
    a = event("d1", 0, IDLIB)
    b = event("d2", 0, SYRIA)  # the country centroid lies within 100 km of nothing in particular
    assert len(merge_events(by_doc([a, b]), ENTITIES, PUBLISHED)) == 2


GAZA_STRIP = Entity(
    id="E-strip", type="LOC", name="قطاع غزة", lat=31.50, lon=34.47, geo_precision=2, country="PS"
)
RAFAH = Entity(id="E-rafah", type="GPE", name="رفح", lat=31.30, lon=34.24, geo_precision=1, country="PS")
GAZA_CITY = Entity(id="E-gaza", type="GPE", name="غزة", lat=31.50, lon=34.47, geo_precision=1, country="PS")
GAZA = [GAZA_STRIP, RAFAH, GAZA_CITY, RUSSIA_AF, SYRIA_AF]


def test_a_region_and_a_town_in_it_merge_when_the_kinds_agree() -> None:
    # "قصف على قطاع غزة" and "قصف على رفح" (30 km from the strip's centroid): one event ...
    a = event("d1", 0, GAZA_STRIP, etype="shelling")
    b = event("d2", 0, RAFAH, etype="shelling")
    assert len(merge_events(by_doc([a, b]), GAZA, PUBLISHED)) == 1
    # ... but not a strike in the strip and a protest in the town, nor two towns 30 km apart.
    c = event("d3", 0, RAFAH, etype="peaceful_protest")
    d = event("d4", 0, GAZA_CITY, etype="shelling")
    assert len(merge_events(by_doc([a, c]), GAZA, PUBLISHED)) == 2
    assert len(merge_events(by_doc([b, d]), GAZA, PUBLISHED)) == 2


def test_swapped_actor_and_target_do_not_veto() -> None:
    # One outlet's extraction makes the attacker the actor, the other's the target's name.
    a = event("d1", 0, GAZA_STRIP, etype="shelling", actors=(RUSSIA_AF.id,))
    a.target_entity_ids = [SYRIA_AF.id]
    b = event("d2", 0, RAFAH, etype="shelling", actors=(SYRIA_AF.id,))
    assert len(merge_events(by_doc([a, b]), GAZA, PUBLISHED)) == 1
    c = event("d3", 0, RAFAH, etype="shelling", actors=(SYRIA_AF.id,))
    d = event("d4", 0, GAZA_STRIP, etype="shelling", actors=(RUSSIA_AF.id,))
    assert len(merge_events(by_doc([c, d]), GAZA, PUBLISHED)) == 2


def _with_sub(e: Event, etype: str, acled: str, sub: str) -> Event:
    e.type, e.acled_event_type, e.acled_sub_event_type = etype, acled, sub
    return e


def test_one_city_one_day_keeps_a_strike_and_a_bombing_apart() -> None:
    ex = "Explosions/Remote violence"
    strike = event("d1", 0, GAZA_CITY)
    shelling = event("d2", 0, GAZA_CITY, etype="shelling")  # "قصف": the same strike, worded differently
    bomb = _with_sub(event("d3", 0, GAZA_CITY), "ied", ex, "Remote explosive/landmine/IED")
    suicide = _with_sub(event("d4", 0, GAZA_CITY), "suicide_bombing", ex, "Suicide bomb")
    merged = merge_events(by_doc([strike, shelling, bomb, suicide]), GAZA, PUBLISHED)
    groups = sorted(sorted(s.doc_id for s in m.evidence) for m in merged)
    assert groups == [["d1", "d2"], ["d3", "d4"]]


def test_a_report_joins_the_most_alike_of_two_fitting_events() -> None:
    # A bombing and a strike in one city on one day are two events; a third report that only
    # says "قتل 3" fits both, and joins the strike with the same toll and actor.
    ex = "Explosions/Remote violence"
    bomb = _with_sub(event("d1", 0, GAZA_CITY, fatalities=12), "ied", ex, "Remote explosive/landmine/IED")
    strike = event("d2", 0, GAZA_CITY, fatalities=3, actors=(RUSSIA_AF.id,))
    killing = event("d3", 0, GAZA_CITY, etype="killing", fatalities=3, actors=(RUSSIA_AF.id,))
    merged = merge_events(by_doc([bomb, strike, killing]), GAZA, PUBLISHED)
    groups = sorted(sorted(s.doc_id for s in m.evidence) for m in merged)
    assert groups == [["d1"], ["d2", "d3"]]


def test_a_battle_and_a_strike_in_one_town_need_the_same_day_and_something_shared() -> None:
    battle = event("d1", 0, IDLIB, etype="armed_clash")
    battle.type = "territory_seized"  # a specific battle type, not the generic clash
    battle.acled_sub_event_type = "Non-state actor overtakes territory"
    strike = event("d2", 0, IDLIB)
    assert len(merge_events(by_doc([battle, strike]), ENTITIES, PUBLISHED)) == 2
    battle.actor_entity_ids = strike.actor_entity_ids = [RUSSIA_AF.id]
    assert len(merge_events(by_doc([battle, strike]), ENTITIES, PUBLISHED)) == 1


def test_arguments_come_from_mention_ids_after_linking() -> None:
    a = event("d1", 0, None)
    a.location_mention_id, a.actor_mention_ids, a.target_mention_ids = "d1:m0", ["d1:m1"], ["d1:m2"]
    mention_entity = {"d1:m0": IDLIB.id, "d1:m1": RUSSIA_AF.id, "d1:m2": SYRIA_AF.id}
    [merged] = merge_events({"d1": [a]}, ENTITIES, PUBLISHED, mention_entity=mention_entity)
    assert merged.location_entity_id == IDLIB.id and merged.lat == IDLIB.lat
    assert merged.actor_entity_ids == [RUSSIA_AF.id] and merged.target_entity_ids == [SYRIA_AF.id]
    assert a.location_entity_id is None  # the input is not modified


places = st.sampled_from([IDLIB, SARAQIB, ALEPPO, SYRIA, IRAQ, None])
kinds = st.sampled_from(["airstrike", "shelling", "killing", "peaceful_protest", "armed_clash"])
days = st.sampled_from(["2019-04-07", "2019-04-08", "2019-04-09", "2019-04-10"])
specs = st.lists(
    st.tuples(st.integers(0, 5), places, kinds, days, st.one_of(st.none(), st.integers(0, 40))),
    min_size=1,
    max_size=12,
)


@settings(max_examples=60, deadline=None)
@given(specs, st.randoms(use_true_random=False))
def test_merging_is_order_independent_and_never_loses_evidence(
    spec: list[tuple[int, Entity | None, str, str, int | None]], rnd: random.Random
) -> None:
    events = [
        event(f"d{doc}", 1000 * i, place, etype=kind, date=day, fatalities=fat)
        for i, (doc, place, kind, day, fat) in enumerate(spec)
    ]
    first = merge_events(by_doc(events), ENTITIES, PUBLISHED)
    shuffled = events[:]
    rnd.shuffle(shuffled)
    grouped = by_doc(shuffled)
    second = merge_events(dict(reversed(list(grouped.items()))), list(reversed(ENTITIES)), PUBLISHED)
    assert first == second
    spans = sorted((s for e in events for s in e.evidence), key=lambda s: (s.doc_id, s.start))
    merged_spans = sorted((s for e in first for s in e.evidence), key=lambda s: (s.doc_id, s.start))
    assert merged_spans == spans  # every span kept, none duplicated
    assert len({e.id for e in first}) == len(first)
    for e in first:
        figures = [
            x.fatalities for x in events if set(x.evidence) <= set(e.evidence) and x.fatalities is not None
        ]
        assert e.fatalities == (min(figures) if figures else None)


def test_reports_dated_only_by_publication_merge_on_one_day_else_need_something_shared() -> None:
    # "week" precision is the stage's publication-date fallback: the event day is unknown.
    # Two reports of clashes on one mountain published the same day are one event (round 4:
    # the old rule asked for a shared actor and kept a Jebel Semmama clash apart) ...
    a = event("d1", 0, IDLIB)
    b = event("d2", 0, IDLIB)
    for e in (a, b):
        e.date, e.date_precision = "2019-04-10", "week"
    assert len(merge_events(by_doc([a, b]), ENTITIES, PUBLISHED)) == 1
    # ... but published on different days they may be two strikes, unless an actor is shared.
    b.date = "2019-04-09"
    published = {"d1": dt.date(2019, 4, 10), "d2": dt.date(2019, 4, 9)}
    assert len(merge_events(by_doc([a, b]), ENTITIES, published)) == 2
    a.actor_entity_ids = b.actor_entity_ids = [RUSSIA_AF.id]
    assert len(merge_events(by_doc([a, b]), ENTITIES, published)) == 1


def test_one_country_named_by_both_reports_is_no_shared_place() -> None:
    a = event("d1", 0, SYRIA)
    b = event("d2", 0, SYRIA, etype="shelling")
    c = event("d3", 0, SYRIA)
    assert len(merge_events(by_doc([a, b, c]), ENTITIES, PUBLISHED)) == 3
    a.actor_entity_ids = c.actor_entity_ids = [RUSSIA_AF.id]  # same kind, day and actor
    assert len(merge_events(by_doc([a, b, c]), ENTITIES, PUBLISHED)) == 2


def test_a_plain_explosion_can_be_another_outlets_strike() -> None:
    ex = "Explosions/Remote violence"
    strike = event("d1", 0, GAZA_CITY)
    explosion = _with_sub(event("d2", 0, GAZA_CITY), "bombing", ex, "Remote explosive/landmine/IED")
    suicide = _with_sub(event("d3", 0, GAZA_CITY), "suicide_bombing", ex, "Suicide bomb")
    assert len(merge_events(by_doc([strike, explosion]), GAZA, PUBLISHED)) == 1
    assert len(merge_events(by_doc([strike, suicide]), GAZA, PUBLISHED)) == 2
