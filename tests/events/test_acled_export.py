"""ACLED CSV export: ACLED's columns, codes from the KB categories, unknowns empty."""

from __future__ import annotations

import csv
import io

from rasd.export.acled import ACLED_COLUMNS, write_acled_csv
from rasd.model import Entity, Event, Span

IDLIB = Entity(
    id="E1", type="GPE", name="إدلب", name_en="Idlib", lat=35.93, lon=36.63, geo_precision=1, country="SY"
)
AIR = Entity(
    id="E2",
    type="ORG",
    name="القوات الجوية الروسية",
    name_en="Russian Air Force",
    category="external/other forces",
)
REBELS = Entity(id="E3", type="ORG", name="فصيل معارض", category="rebel group")
CIVILIANS = Entity(id="E4", type="NORP", name="مدنيون", name_en="Civilians", category="civilians")


def rows(events: list[Event], sources: dict[str, str] | None = None) -> list[dict[str, str]]:
    out = io.StringIO()
    n = write_acled_csv(events, [IDLIB, AIR, REBELS, CIVILIANS], out, sources=sources, timestamp=1700000000)
    parsed = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(parsed)
    assert out.getvalue().splitlines()[0] == ",".join(ACLED_COLUMNS)
    return parsed


def test_a_merged_strike_becomes_one_acled_row() -> None:
    e = Event(
        id="evabc",
        type="airstrike",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date="2019-04-09",
        date_precision="day",
        evidence=[Span("a", 0, 10), Span("b", 5, 20)],
        location_entity_id="E1",
        lat=35.93,
        lon=36.63,
        geo_precision=1,
        actor_entity_ids=["E2"],
        target_entity_ids=["E4"],
        fatalities=9,
    )
    [row] = rows([e], sources={"a": "Outlet A", "b": "Outlet B"})
    assert row["event_id_cnty"] == "SYRevabc"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2019-04-09", "2019", "1")
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Russian Air Force",
        "8",
        "Civilians",
        "7",
    )
    assert row["interaction"] == "78"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert (row["country"], row["iso"], row["location"]) == ("Syria", "760", "Idlib")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("35.93", "36.63", "1")
    assert row["source"] == "Outlet A; Outlet B"
    assert row["fatalities"] == "9" and row["tags"] == "rasd_type=airstrike"
    assert "Russian Air Force" in row["notes"] and "Idlib" in row["notes"] and "2 reports" in row["notes"]
    assert row["admin1"] == row["region"] == row["source_scale"] == ""
    assert row["timestamp"] == "1700000000"


def test_unknowns_stay_empty_and_no_fatalities_is_zero() -> None:
    e = Event(
        id="evx",
        type="peaceful_protest",
        acled_event_type="Protests",
        acled_sub_event_type="Peaceful protest",
        date="2019-04-10",
        date_precision="week",
        evidence=[Span("a", 0, 10)],
        actor_entity_ids=["E3"],
    )
    [row] = rows([e])
    assert row["time_precision"] == "2"
    assert row["disorder_type"] == "Demonstrations"
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("فصيل معارض", "2", "20")
    assert row["latitude"] == row["location"] == row["country"] == row["source"] == ""
    assert row["fatalities"] == "0"
    assert row["civilian_targeting"] == ""


def test_event_dates_become_calendar_days() -> None:
    from rasd.export.acled import _calendar_date

    assert _calendar_date("2026-03-05") == "2026-03-05"
    assert _calendar_date("2026-W04") == "2026-01-19"  # the Monday of ISO week 4
    assert _calendar_date("2026-03") == "2026-03-01" and _calendar_date("2026") == "2026-01-01"
    assert _calendar_date("PAST_REF") == "" and _calendar_date("2026-W60") == ""
