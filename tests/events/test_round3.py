"""Round 3 of events merging: reports of one real-world event that stayed apart (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.events import arguments as ar
from rasd.events.merge import explain_pair, merge_events, similar_tolls
from rasd.events.stage import EventStage, event_place
from rasd.model import Document, Entity, Event, Span
from rasd.pipeline import Pipeline

MOSUL = Entity(id="E-mosul", type="GPE", name="الموصل", lat=36.34, lon=43.13, geo_precision=1, country="IQ")
PUBLISHED = dt.date(2019, 4, 11)  # a Thursday


def report(
    doc: str,
    *,
    etype: str = "car_bomb",
    pair: tuple[str, str] = ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    date: str = "2019-04-10",
    precision: str = "day",
    place: Entity | None = MOSUL,
    fatalities: int | None = None,
) -> Event:
    return Event(
        id=f"{doc}:ev0",
        type=etype,
        acled_event_type=pair[0],
        acled_sub_event_type=pair[1],
        date=date,
        date_precision=precision,
        evidence=[Span(doc, 0, 40)],
        location_entity_id=place.id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.geo_precision if place else None,
        fatalities=fatalities,
    )


def merged_docs(*events: Event) -> list[set[str]]:
    published = {e.evidence[0].doc_id: PUBLISHED for e in events}
    out = merge_events({e.evidence[0].doc_id: [e] for e in events}, [MOSUL], published)
    return [{s.doc_id for s in e.evidence} for e in out]


def test_a_month_dated_report_meets_the_report_that_gives_the_day() -> None:
    # "انفجار سيارة مفخخة ... في نيسان الجاري": only the month; the other outlet says Wednesday.
    month = report("d1", date="2019-04", precision="month")
    day = report("d2", date="2019-04-10")
    assert merged_docs(month, day) == [{"d1", "d2"}]


def test_a_month_long_past_stays_apart() -> None:
    month = report("d1", date="2019-01", precision="month")
    assert len(merged_docs(month, report("d2"))) == 2


def test_close_tolls_back_a_report_without_a_place() -> None:
    a = report(
        "d1", etype="attack_on_civilians", pair=("Violence against civilians", "Attack"), fatalities=23
    )
    b = report(
        "d2",
        etype="attack_on_civilians",
        pair=("Violence against civilians", "Attack"),
        place=None,
        fatalities=24,
    )
    assert merged_docs(a, b) == [{"d1", "d2"}]
    c = report(
        "d3",
        etype="attack_on_civilians",
        pair=("Violence against civilians", "Attack"),
        place=None,
        fatalities=40,
    )
    assert len(merged_docs(a, c)) == 2


def test_a_foiled_attack_merges_with_the_bombing_it_was_part_of() -> None:
    bomb = report("d1", etype="suicide_bombing", pair=("Explosions/Remote violence", "Suicide bomb"))
    foiled = report("d2", etype="weapons_disrupted", pair=("Strategic developments", "Disrupted weapons use"))
    assert merged_docs(bomb, foiled) == [{"d1", "d2"}]


def test_two_explicit_days_two_days_apart_are_two_strikes() -> None:
    # A town shelled every day: each outlet's day tells the strikes apart.
    a = report(
        "d1", etype="shelling", pair=("Explosions/Remote violence", "Shelling/artillery/missile attack")
    )
    b = report(
        "d2",
        etype="shelling",
        pair=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        date="2019-04-08",
    )
    assert len(merged_docs(a, b)) == 2
    reason = explain_pair(("d1", a), ("d2", b), [MOSUL], {"d1": PUBLISHED, "d2": PUBLISHED})
    assert reason is not None and reason.startswith("date")
    same_day = report(
        "d2", etype="shelling", pair=("Explosions/Remote violence", "Shelling/artillery/missile attack")
    )
    assert explain_pair(("d1", a), ("d2", same_day), [MOSUL], {}) is None


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_similar_tolls_is_symmetric_and_exact_below_five(a: int, b: int) -> None:
    assert similar_tolls(a, b) == similar_tolls(b, a)
    if a == b:
        assert similar_tolls(a, b) == (a > 0)
    if min(a, b) < 5 and a != b:
        assert not similar_tolls(a, b)
    if similar_tolls(a, b):
        assert abs(a - b) <= 0.2 * max(a, b)


def _place(key: str, lat: float, lon: float, precision: int, start: int) -> ar.PlaceRef:
    return ar.PlaceRef(f"m{start}", key, lat, lon, precision, start, start + 5)


def test_event_place_is_the_first_local_place_refined_nearby() -> None:
    region = _place("region", 36.5, 8.4, 2, 10)
    town = _place("town", 36.45, 8.44, 1, 300)  # 6 km away: refines the region
    recalled = _place("sousse", 35.8, 10.6, 1, 900)  # an earlier attack recalled later
    country = _place("country", 34.0, 9.0, 3, 0)
    assert event_place([country, region, recalled]) == region
    assert event_place([country, recalled, region, town]) == town
    assert event_place([country]) == country
    assert event_place([]) is None


def test_weekday_dates_and_fixes() -> None:
    [(offset, ref)] = ar.weekday_dates("انفجرت سيارة ليل الأربعاء في السوق", 0, 34, PUBLISHED)
    assert ref.day == dt.date(2019, 4, 10) and ref.explicit and ref.fuzzy and offset == 13
    assert ar.weekday_dates("قال الأحد من الحاضرين", 0, 20, PUBLISHED) == []  # "one of", no day word
    # The time stage anchors "اليوم الثلاثاء" to the Thursday paper: it moves back to Tuesday.
    today = ar.DateRef("2019-04-11", "day", PUBLISHED, True)
    fixed = ar._weekday_fixed("اليوم الثلاثاء", today)
    assert fixed.day == dt.date(2019, 4, 9)
    assert ar._weekday_fixed("ليل الأربعاء-الخميس", today) == today


@pytest.fixture(scope="module")
def analyse() -> object:
    pipeline = Pipeline.from_names(["text", "ner", "link", "time", "quantity"])
    stage = EventStage()

    def run(text: str) -> Document:
        return stage(pipeline(Document(id="r3", text=text, published=PUBLISHED)))

    return run


def test_an_ambush_by_a_landmine_is_one_explosion(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "قتل خمسة جنود في كمين نصبه مسلحون قرب مدينة الموصل يوم الأربعاء. "
        "وقال مصدر عسكري إن العربة تعرضت لانفجار عبوة ناسفة زرعت على الطريق."
    )
    doc = analyse(text)
    [event] = doc.events
    assert event.type == "ied" and event.acled_sub_event_type == "Remote explosive/landmine/IED"
    assert len(event.evidence) == 2


def test_civil_aviation_is_no_air_strike(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(
        "سقطت ثلاث قذائف يوم الأربعاء في باحة مطار الموصل، "
        "وقالت سلطة الطيران المدني إن حركة الطيران لم تتأثر."
    )
    assert [e.type for e in doc.events] == ["shelling"]


def test_a_since_date_does_not_date_the_event(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("سقطت قذائف على مدينة الموصل التي تشهد احتجاجات منذ الأحد الماضي.")
    [event] = doc.events
    assert event.date != "2019-04-07"


def test_gunmen_on_a_bus_of_copts_attack_civilians(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse("هاجم مسلحون حافلة تقل أقباطا في محافظة المنيا يوم الأربعاء وقتلوا 12 شخصا.")
    [event] = doc.events
    assert event.acled_event_type == "Violence against civilians"


def test_witnesses_naming_civilian_victims_make_an_attack_on_civilians(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(
        "أسفر هجوم في مدينة المنيا يوم الأربعاء عن مقتل 12 شخصا. "
        "وقال شهود عيان إن الهجوم استهدف حافلة تقل أقباطا."
    )
    [event] = doc.events
    assert event.acled_event_type == "Violence against civilians" and len(event.evidence) == 2


def test_the_dateline_is_where_the_report_was_filed() -> None:
    text = "دبي، الإمارات العربية المتحدة (CNN) -- انفجرت عبوة ناسفة قرب موكب في غزة."
    assert text[: ar.dateline_end(text)].endswith("--")
    assert ar.dateline_end("بغداد - قتل 3 في تفجير") == len("بغداد - ")
    assert ar.dateline_end("قتل 5 أشخاص في غارة. وقال -- مصدر") == 0


def test_a_dateline_city_is_not_the_event_place(analyse) -> None:  # type: ignore[no-untyped-def]
    doc = analyse(
        "دبي، الإمارات العربية المتحدة (CNN) -- انفجرت عبوة ناسفة يوم الأربعاء قرب موكب في مدينة الموصل."
    )
    [event] = doc.events
    assert event.lat is not None and abs(event.lat - 36.34) < 0.3
