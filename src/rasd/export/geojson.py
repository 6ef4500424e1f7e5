"""GeoJSON export: geocoded entities as points (RFC 7946: longitude first)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasd.model import Entity


def entity_feature(e: Entity) -> dict[str, Any] | None:
    if e.lat is None or e.lon is None:
        return None
    return {
        "type": "Feature",
        "id": e.id,
        "geometry": {"type": "Point", "coordinates": [e.lon, e.lat]},
        "properties": {
            "name": e.name,
            "name_en": e.name_en,
            "type": e.type,
            "kb_id": e.kb_id,
            "country": e.country,
            "geo_precision": e.geo_precision,
            "mention_count": e.mention_count,
        },
    }


def places_geojson(entities: Iterable[Entity]) -> dict[str, Any]:
    """A FeatureCollection of every entity that has coordinates."""
    features = [f for f in map(entity_feature, entities) if f is not None]
    return {"type": "FeatureCollection", "features": features}
