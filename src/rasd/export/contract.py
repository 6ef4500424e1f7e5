"""The JSON export contract, version 1 (``../shared/contract/export.schema.json``).

Written as a stream (one record per line inside each array) so exporting a
large store does not hold it in memory, and in a fixed order so the same store
always gives byte-identical output. Fields beyond the contract are additions;
none of the contract's fields is dropped or redefined.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import IO, Any

from rasd.model import ClaimGroup, Document, Entity, Event, Mention, Quantity, Quote, Timex
from rasd.store import Store

FORMAT = "rasd-export"
VERSION = 1
SECTIONS = ("documents", "entities", "mentions", "timexes", "quantities", "quotes", "events", "claim_groups")
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range", "vague", "change"}


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def document_record(doc: Document, with_text: bool = True) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "published": doc.published_iso,
        "sha256": doc.sha256,
        "metadata": doc.metadata,
    }
    if with_text:
        record["text"] = doc.text
    return record


def entity_record(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "name_en": e.name_en,
        "name_en_source": e.name_en_source,
        "aliases": list(e.aliases),
        "kb_id": e.kb_id,
        "lat": e.lat,
        "lon": e.lon,
        "geo_precision": e.geo_precision,
        "category": e.category,
        "country": e.country,
        "mention_count": e.mention_count,
    }


def mention_record(doc_id: str, m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "doc_id": doc_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type,
        "entity_id": m.entity_id,
        "score": round(m.score, 4),
        "source": m.source,
    }


def timex_record(doc_id: str, x: Timex) -> dict[str, Any]:
    return {
        "id": x.id,
        "doc_id": doc_id,
        "start": x.start,
        "end": x.end,
        "text": x.text,
        "type": x.type,
        "value": x.value,
        "precision": x.precision,
        "anchored": x.anchored,
        "mod": x.mod,
    }


def quantity_record(doc_id: str, q: Quantity) -> dict[str, Any]:
    return {
        "id": q.id,
        "doc_id": doc_id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "value": _number(q.value),
        "min": _number(q.min),
        "max": _number(q.max),
        "qualifier": q.qualifier if q.qualifier in QUALIFIERS else "exact",
        "unit": q.unit,
        "measure": q.measure,
        "subject_entity_id": q.subject_entity_id,
        "subject_text": q.subject_text,
        "holder_entity_id": q.holder_entity_id,
        "holder_text": q.holder_text,
        "time": q.time,
        "parsed": q.parsed,
        "unparsed_reason": q.unparsed_reason,
    }


def quote_record(doc_id: str, q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "doc_id": doc_id,
        "start": q.start,
        "end": q.end,
        "text": q.text,
        "speaker_entity_id": q.speaker_entity_id,
        "speaker_text": q.speaker_text,
        "cue": q.cue,
        "direct": q.direct,
    }


def event_record(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "acled_event_type": e.acled_event_type,
        "acled_sub_event_type": e.acled_sub_event_type,
        "date": e.date,
        "date_precision": e.date_precision,
        "location_entity_id": e.location_entity_id,
        "lat": e.lat,
        "lon": e.lon,
        "geo_precision": e.geo_precision,
        "actor_entity_ids": list(e.actor_entity_ids),
        "target_entity_ids": list(e.target_entity_ids),
        "fatalities": e.fatalities,
        "evidence": [dataclasses.asdict(s) for s in e.evidence],
    }


def claim_group_record(g: ClaimGroup) -> dict[str, Any]:
    return {
        "id": g.id,
        "subject_entity_id": g.subject_entity_id,
        "subject_key": g.subject_key,
        "measure": g.measure,
        "quantity_ids": list(g.quantity_ids),
        "disagreement": g.disagreement,
        "place_entity_ids": list(g.place_entity_ids),
    }


def _records(store: Store, section: str, with_text: bool) -> Iterator[dict[str, Any]]:
    if section == "documents":
        for doc in store.iter_documents(annotations=False, with_text=with_text):
            yield document_record(doc, with_text)
    elif section == "entities":
        yield from map(entity_record, store.entities())
    elif section == "claim_groups":
        yield from map(claim_group_record, store.claim_groups())
    elif section == "events":
        yield from map(event_record, store.real_world_events())
    else:
        for doc in store.iter_documents(with_text=False):
            if section == "mentions":
                yield from (mention_record(doc.id, m) for m in doc.mentions)
            elif section == "timexes":
                yield from (timex_record(doc.id, x) for x in doc.timexes)
            elif section == "quantities":
                yield from (quantity_record(doc.id, q) for q in doc.quantities)
            elif section == "quotes":
                yield from (quote_record(doc.id, q) for q in doc.quotes)
            elif section == "events":
                yield from map(event_record, doc.events)


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_json(store: Store, out: IO[str], with_text: bool = True) -> dict[str, int]:
    """Write the whole store as one contract document; returns the count per section."""
    counts: dict[str, int] = {}
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION}')
    for section in SECTIONS:
        out.write(f',\n"{section}": [')
        n = 0
        for record in _records(store, section, with_text):
            out.write("\n" if n == 0 else ",\n")
            out.write(_dumps(record))
            n += 1
        out.write("\n]" if n else "]")
        counts[section] = n
    out.write("}\n")
    return counts


def export_dict(store: Store, with_text: bool = True) -> dict[str, Any]:
    """The contract document as a Python dict (for small stores, tests and the web API)."""
    result: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for section in SECTIONS:
        result[section] = list(_records(store, section, with_text))
    return result
