"""View helpers for the web UI: highlighted article text, the SVG map, the timeline.

Pure functions from model objects to small view structures (or escaped HTML), so
they are tested without a server or a browser.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

from markupsafe import Markup

from rasd.model import Document, Entity, Event
from rasd.store.queries import DayCount

MAP_SCALE = 10  # SVG units per degree, as in static/world.svg (built by scripts/build_world_map.py)


@dataclass(slots=True)
class Span:
    start: int
    end: int
    kind: str  # mention type (PER, ORG…), "timex" or "quantity"
    title: str
    href: str | None = None
    anchor: str = "m"  # element id prefix: m- mention, t- timex, q- quantity


def _spans(doc: Document, names: Mapping[str, Entity]) -> list[Span]:
    spans = []
    for m in doc.mentions:
        entity = names.get(m.entity_id or "")
        title = f"{m.type}: {entity.label}" if entity else m.type
        href = f"/entities/{entity.id}" if entity else None
        spans.append(Span(m.start, m.end, m.type, title, href))
    for x in doc.timexes:
        spans.append(Span(x.start, x.end, "timex", f"{x.type} {x.value or '(unanchored)'}", anchor="t"))
    for q in doc.quantities:
        parts = [q.measure, f"value {q.value:g}" if q.value is not None else "unparsed"]
        if q.subject_text:
            parts.append(f"subject: {q.subject_text}")
        if q.holder_text:
            parts.append(f"according to: {q.holder_text}")
        spans.append(Span(q.start, q.end, "quantity", " · ".join(parts), anchor="q"))
    return spans


def highlight_document(doc: Document, names: Mapping[str, Entity]) -> Markup:
    """The article's text with its annotations marked; overlapping spans keep the longest.

    Offsets are into ``doc.text`` exactly as stored, so what is marked is what the export
    contract points at.
    """
    chosen: list[Span] = []
    taken: list[tuple[int, int]] = []
    for span in sorted(_spans(doc, names), key=lambda s: (-(s.end - s.start), s.start)):
        if span.end <= span.start or any(span.start < b and a < span.end for a, b in taken):
            continue
        chosen.append(span)
        taken.append((span.start, span.end))
    chosen.sort(key=lambda s: s.start)
    # Quotes and event sentences are long and overlap the marks: they get anchors, not marks.
    anchors = sorted(
        {(q.start, f"qt-{q.start}") for q in doc.quotes}
        | {(s.start, f"ev-{s.start}") for e in doc.events for s in e.evidence if s.doc_id == doc.id}
    )
    out: list[str] = []
    cursor = 0

    def plain(upto: int) -> None:
        nonlocal cursor
        while anchors and anchors[0][0] <= upto:
            at, name = anchors.pop(0)
            at = max(at, cursor)
            out.append(escape(doc.text[cursor:at]) + f'<span class="anchor" id="{name}"></span>')
            cursor = at
        out.append(escape(doc.text[cursor:upto]))
        cursor = upto

    for span in chosen:
        plain(span.start)
        inner = escape(doc.text[span.start : span.end])
        if span.href:
            inner = f'<a href="{escape(span.href)}">{inner}</a>'
        out.append(
            f'<mark id="{span.anchor}-{span.start}" class="k-{escape(span.kind)}" '
            f'data-start="{span.start}" data-end="{span.end}" '
            f'title="{escape(span.title)}">{inner}</mark>'
        )
        cursor = span.end
    plain(len(doc.text))
    return Markup("".join(out))


@dataclass(slots=True)
class MapPoint:
    entity: Entity
    x: float
    y: float
    r: float


@dataclass(slots=True)
class EventPoint:
    event: Event
    x: float
    y: float
    r: float


@dataclass(slots=True)
class MapView:
    """An SVG viewBox over static/world.svg and the points to draw in it."""

    view_box: str
    points: list[MapPoint] = field(default_factory=list)
    events: list[EventPoint] = field(default_factory=list)


def map_view(
    places: Sequence[Entity],
    zoom_degrees: float = 0.0,
    margin: float = 0.15,
    events: Sequence[Event] = (),
) -> MapView:
    """Frame the places and events (at least ``zoom_degrees`` wide); places grow with mentions."""
    located = [e for e in places if e.lat is not None and e.lon is not None]
    placed_events = [e for e in events if e.lat is not None and e.lon is not None]
    coords = [(float(e.lon or 0), float(e.lat or 0)) for e in located] + [
        (float(e.lon or 0), float(e.lat or 0)) for e in placed_events
    ]
    if not coords:
        return MapView("-1800 -900 3600 1800")
    west, east = min(c[0] for c in coords), max(c[0] for c in coords)
    south, north = min(c[1] for c in coords), max(c[1] for c in coords)
    width = max(east - west, zoom_degrees, 8.0) * (1 + 2 * margin)
    height = max(north - south, width / 2, 4.0) * (1 + 2 * margin)
    width = max(width, height * 1.6)
    cx, cy = (west + east) / 2, (south + north) / 2
    x0, y0 = (cx - width / 2) * MAP_SCALE, -(cy + height / 2) * MAP_SCALE
    box = f"{x0:.1f} {y0:.1f} {width * MAP_SCALE:.1f} {height * MAP_SCALE:.1f}"
    unit = width * MAP_SCALE / 160  # radius of a point mentioned once
    most = max((e.mention_count for e in located), default=1) or 1
    points = [
        MapPoint(
            e,
            float(e.lon) * MAP_SCALE,  # type: ignore[arg-type]
            -float(e.lat) * MAP_SCALE,  # type: ignore[arg-type]
            unit * (1 + 2.5 * math.sqrt(max(e.mention_count, 1) / most)),
        )
        for e in sorted(located, key=lambda e: -e.mention_count)
    ]
    event_points = [
        EventPoint(
            e,
            float(e.lon) * MAP_SCALE,  # type: ignore[arg-type]
            -float(e.lat) * MAP_SCALE,  # type: ignore[arg-type]
            unit * (1 + min(len({s.doc_id for s in e.evidence}), 9) / 3),
        )
        for e in placed_events
    ]
    return MapView(box, points, event_points)


@dataclass(slots=True)
class Bar:
    label: str
    count: int
    height: float  # 0–100, share of the tallest bar


def timeline_bars(days: Sequence[DayCount], max_bars: int = 60) -> list[Bar]:
    """Documents per day, month or year (the finest that fits ``max_bars``), gaps included."""
    dated = [(dt.date.fromisoformat(d.date[:10]), d.documents) for d in days if _is_iso_day(d.date)]
    if not dated:
        return []
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    for key, step in ((_day_key, _next_day), (_month_key, _next_month), (_year_key, _next_year)):
        labels = _labels(first, last, key, step)
        if len(labels) <= max_bars:
            break
    labels = labels[-max_bars:]  # years beyond the bars (corrupt dates) fall off the start
    counts = Counter({label: 0 for label in labels})
    for day, n in dated:
        if key(day) in counts:
            counts[key(day)] += n
    top = max(counts.values()) or 1
    return [Bar(label, counts[label], 100.0 * counts[label] / top) for label in labels]


def _is_iso_day(text: str | None) -> bool:
    try:
        dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return False
    return True


def _day_key(d: dt.date) -> str:
    return d.isoformat()


def _month_key(d: dt.date) -> str:
    return d.isoformat()[:7]


def _year_key(d: dt.date) -> str:
    return str(d.year)


def _next_day(d: dt.date) -> dt.date:
    return d + dt.timedelta(days=1)


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _next_year(d: dt.date) -> dt.date:
    return dt.date(d.year + 1, 1, 1)


def _labels(first: dt.date, last: dt.date, key: Any, step: Any) -> list[str]:
    labels: list[str] = []
    current = first
    while current <= last:
        label = key(current)
        if not labels or labels[-1] != label:
            labels.append(label)
        current = step(current)
        if len(labels) > 10_000:  # a corrupt date far in the past or future
            break
    return labels


@dataclass(slots=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[dict[str, Any]]
    response: str


def openapi_operations(spec: Mapping[str, Any]) -> list[Operation]:
    """The operations of an OpenAPI document, flattened for the offline /docs page."""
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            schema = op.get("responses", {}).get("200", {}).get("content", {})
            schema = schema.get("application/json", {}).get("schema", {})
            ref = schema.get("$ref") or schema.get("items", {}).get("$ref") or schema.get("type", "")
            response = str(ref).rsplit("/", 1)[-1]
            if schema.get("type") == "array":
                response = f"list of {response}"
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": p.get("required", False),
                    "type": _schema_type(p.get("schema", {})),
                    "default": p.get("schema", {}).get("default"),
                }
                for p in op.get("parameters", [])
            ]
            out.append(
                Operation(
                    method.upper(),
                    path,
                    op.get("summary", ""),
                    op.get("description", ""),
                    params,
                    response,
                )
            )
    return out


def _schema_type(schema: Mapping[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_schema_type(s) for s in schema["anyOf"])
    return str(schema.get("type") or schema.get("$ref", "").rsplit("/", 1)[-1] or "any")
