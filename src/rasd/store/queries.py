"""Read-only queries for browsing a store (web UI, HTTP API).

Each query is one SQL statement or a few, bounded by a ``limit``, so pages stay
fast on a store of tens of thousands of articles. Results are plain dataclasses
that the HTTP layer serialises as they are.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, and_, cast, distinct, func, or_, select

from rasd.model import ClaimGroup, Entity, Event, Quantity, Quote, Span
from rasd.store import tables as t
from rasd.store.repository import Store, _from_row
from rasd.text.normalise import normalize

SNIPPET_CONTEXT = 90  # characters of text on each side of a span in a snippet


@dataclass(slots=True)
class DocumentHeader:
    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None = None
    n_mentions: int = 0


@dataclass(slots=True)
class Snippet:
    """A span in its context: ``before`` + ``text`` + ``after`` is a slice of the document."""

    doc_id: str
    start: int
    end: int
    text: str
    before: str
    after: str
    title: str | None = None
    source: str | None = None
    published: str | None = None


@dataclass(slots=True)
class Figure:
    """One quantity with the context an analyst compares figures by."""

    quantity: Quantity
    figure: str
    sentence: str
    source: str | None
    published: str | None
    title: str | None
    subject_name: str | None = None
    holder_name: str | None = None
    date: str | None = None  # the time the figure refers to when it is a calendar value, else publication


@dataclass(slots=True)
class ClaimView:
    group: ClaimGroup
    subject: str
    figures: list[Figure] = field(default_factory=list)


@dataclass(slots=True)
class DayCount:
    date: str
    documents: int


@dataclass(slots=True)
class Related:
    entity: Entity
    documents: int


@dataclass(slots=True)
class Overview:
    counts: dict[str, int]
    first_published: str | None
    last_published: str | None
    sources: list[tuple[str, int]]


def _folded(text: str) -> str:
    return " ".join(normalize(text).split())


def overview(store: Store, top_sources: int = 12) -> Overview:
    d = t.documents
    with store.engine.connect() as conn:
        first, last = conn.execute(select(func.min(d.c.published), func.max(d.c.published))).one()
        rows = conn.execute(
            select(d.c.source, func.count())
            .where(d.c.source.is_not(None))
            .group_by(d.c.source)
            .order_by(func.count().desc(), d.c.source)
            .limit(top_sources)
        ).all()
    return Overview(store.counts(), first, last, [(r[0], int(r[1])) for r in rows])


def entities(
    store: Store,
    q: str | None = None,
    type: str | None = None,
    limit: int = 50,
    offset: int = 0,
    with_coordinates: bool = False,
) -> list[Entity]:
    """Entities, most mentioned first; ``q`` matches the Arabic name, aliases or English name."""
    e = t.entities
    query = select(e)
    if type:
        query = query.where(e.c.type == type.upper())
    if with_coordinates:
        query = query.where(and_(e.c.lat.is_not(None), e.c.lon.is_not(None)))
    if q and q.strip():
        raw, folded = q.strip(), _folded(q)
        patterns = {f"%{raw}%", f"%{folded}%"}
        clauses = []
        for p in patterns:
            clauses += [e.c.name.like(p), cast(e.c.aliases, Text).like(p)]
        clauses.append(func.lower(e.c.name_en).like(f"%{raw.lower()}%"))
        query = query.where(or_(*clauses))
    query = query.order_by(e.c.mention_count.desc(), e.c.id).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [_from_row(Entity, r) for r in conn.execute(query)]


def entity(store: Store, entity_id: str) -> Entity | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(t.entities).where(t.entities.c.id == entity_id)).first()
    return _from_row(Entity, row) if row is not None else None


def entities_by_id(store: Store, ids: Sequence[str | None]) -> dict[str, Entity]:
    wanted = sorted({i for i in ids if i})
    out: dict[str, Entity] = {}
    with store.engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            query = select(t.entities).where(t.entities.c.id.in_(wanted[i : i + 500]))
            out.update({r.id: _from_row(Entity, r) for r in conn.execute(query)})
    return out


def _greatest(store: Store, a: Any, b: Any) -> Any:
    """Scalar maximum of two values: MAX(a, b) in SQLite, GREATEST in PostgreSQL."""
    return func.max(a, b) if store.engine.dialect.name == "sqlite" else func.greatest(a, b)


def entity_mentions(store: Store, entity_id: str, limit: int = 100, offset: int = 0) -> list[Snippet]:
    """Mentions of an entity in context, newest documents first."""
    m, d = t.mentions, t.documents
    left = _greatest(store, m.c.start - SNIPPET_CONTEXT, 0)
    query = (
        select(
            m.c.doc_id,
            m.c.start,
            m.c.end,
            m.c.text,
            func.substr(d.c.text, left + 1, m.c.start - left).label("before"),
            func.substr(d.c.text, m.c.end + 1, SNIPPET_CONTEXT).label("after"),
            d.c.title,
            d.c.source,
            d.c.published,
        )
        .join(d, d.c.id == m.c.doc_id)
        .where(m.c.entity_id == entity_id)
        .order_by(d.c.published.desc(), m.c.doc_id, m.c.start)
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as conn:
        return [Snippet(**dict(r._mapping)) for r in conn.execute(query)]


def related_entities(store: Store, entity_id: str, limit: int = 15) -> list[Related]:
    """Entities mentioned in the same documents, by number of shared documents."""
    m1, m2 = t.mentions.alias("m1"), t.mentions.alias("m2")
    shared = func.count(distinct(m2.c.doc_id))
    query = (
        select(m2.c.entity_id, shared.label("n"))
        .join(m1, m1.c.doc_id == m2.c.doc_id)
        .where(m1.c.entity_id == entity_id, m2.c.entity_id.is_not(None), m2.c.entity_id != entity_id)
        .group_by(m2.c.entity_id)
        .order_by(shared.desc(), m2.c.entity_id)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    found = entities_by_id(store, [r[0] for r in rows])
    return [Related(found[r[0]], int(r[1])) for r in rows if r[0] in found]


def timeline(store: Store, entity_id: str | None = None) -> list[DayCount]:
    """Documents per publication day (those mentioning ``entity_id`` when given)."""
    d, m = t.documents, t.mentions
    n = func.count(distinct(d.c.id))
    query = select(d.c.published, n).where(d.c.published.is_not(None))
    if entity_id:
        query = query.join(m, m.c.doc_id == d.c.id).where(m.c.entity_id == entity_id)
    query = query.group_by(d.c.published).order_by(d.c.published)
    with store.engine.connect() as conn:
        return [DayCount(r[0], int(r[1])) for r in conn.execute(query)]


def documents(
    store: Store,
    q: str | None = None,
    entity_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[DocumentHeader]:
    """Document headers, newest first; ``q`` searches titles and text."""
    d, m = t.documents, t.mentions
    n_mentions = select(func.count()).where(m.c.doc_id == d.c.id).scalar_subquery()
    query = select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.url, n_mentions.label("n_mentions"))
    if entity_id:
        query = query.where(d.c.id.in_(select(m.c.doc_id).where(m.c.entity_id == entity_id)))
    if q and q.strip():
        p = f"%{q.strip()}%"
        query = query.where(or_(d.c.title.like(p), d.c.text.like(p), d.c.id.like(p)))
    query = query.order_by(d.c.published.desc(), d.c.id).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return [DocumentHeader(**dict(r._mapping)) for r in conn.execute(query)]


def _figures(store: Store, where: Any, limit: int | None = None, order: Sequence[Any] = ()) -> list[Figure]:
    """Quantities matching ``where`` with their sentence and document header, in one query."""
    from rasd.quantity.claims import calendar_time, format_figure

    qt, d = t.quantities, t.documents
    sentence = func.substr(d.c.text, qt.c.sentence_start + 1, qt.c.sentence_end - qt.c.sentence_start)
    query = (
        select(qt, sentence.label("sentence"), d.c.title, d.c.source, d.c.published)
        .join(d, d.c.id == qt.c.doc_id)
        .where(where)
        .order_by(*order, qt.c.id)
    )
    if limit is not None:
        query = query.limit(limit)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    quantities = []
    for row in rows:
        q = _from_row(Quantity, row)
        q.doc_id = row.doc_id
        quantities.append(q)
    names = entities_by_id(store, [x for q in quantities for x in (q.subject_entity_id, q.holder_entity_id)])
    out = []
    for q, row in zip(quantities, rows, strict=True):
        subject = names.get(q.subject_entity_id or "")
        holder = names.get(q.holder_entity_id or "")
        out.append(
            Figure(
                quantity=q,
                figure=format_figure(q),
                sentence=" ".join((row.sentence or q.text).split()),
                source=row.source,
                published=row.published,
                title=row.title,
                subject_name=subject.label if subject else q.subject_text,
                holder_name=holder.label if holder else q.holder_text,
                date=calendar_time(q) or row.published,
            )
        )
    return out


def entity_figures(store: Store, entity_id: str, limit: int = 200) -> list[Figure]:
    """Figures about an entity (its fighters, its dead) or asserted by it."""
    qt = t.quantities
    where = or_(qt.c.subject_entity_id == entity_id, qt.c.holder_entity_id == entity_id)
    return _figures(store, where, limit, order=[t.documents.c.published.desc()])


def claims(
    store: Store,
    subject: str | None = None,
    measure: str | None = None,
    disagreements: bool = False,
    entity_id: str | None = None,
    limit: int = 100,
) -> list[ClaimView]:
    """Claim groups with their figures; disagreeing and larger groups first."""
    from rasd.quantity.claims import claim_title

    groups = [
        g
        for g in store.claim_groups()
        if (not disagreements or g.disagreement)
        and (not measure or g.measure == measure)
        and (not entity_id or g.subject_entity_id == entity_id)
    ]
    wanted_entities = [g.subject_entity_id for g in groups] + [p for g in groups for p in g.place_entity_ids]
    names = entities_by_id(store, wanted_entities)
    wanted = _folded(subject) if subject else None
    views = []
    for g in groups:
        entity_ = names.get(g.subject_entity_id or "")
        label = claim_title(g, names)
        candidates = (label, g.subject_key, entity_.name_en if entity_ else None)
        if wanted and not any(wanted in _folded(x or "") for x in candidates):
            continue
        views.append(ClaimView(dataclasses.replace(g), label))
    views.sort(key=lambda v: (not v.group.disagreement, -len(v.group.quantity_ids), v.group.id))
    views = views[:limit]
    wanted_ids = [q for v in views for q in v.group.quantity_ids]
    figures: dict[str, Figure] = {}
    for i in range(0, len(wanted_ids), 500):
        for f in _figures(store, t.quantities.c.id.in_(wanted_ids[i : i + 500])):
            figures[f.quantity.id] = f
    for v in views:
        v.figures = [figures[i] for i in v.group.quantity_ids if i in figures]
    return views


@dataclass(slots=True)
class QuoteView:
    quote: Quote
    doc_id: str
    title: str | None
    source: str | None
    published: str | None
    speaker_name: str | None = None


def quotes(
    store: Store,
    speaker_entity_id: str | None = None,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[QuoteView]:
    """Quotes with their speakers, newest documents first."""
    qt, d = t.quotes, t.documents
    query = select(qt, d.c.title, d.c.source, d.c.published).join(d, d.c.id == qt.c.doc_id)
    if speaker_entity_id:
        query = query.where(qt.c.speaker_entity_id == speaker_entity_id)
    if q and q.strip():
        query = query.where(or_(qt.c.text.like(f"%{q.strip()}%"), qt.c.speaker_text.like(f"%{q.strip()}%")))
    query = query.order_by(d.c.published.desc(), qt.c.doc_id, qt.c.start).limit(limit).offset(offset)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    names = entities_by_id(store, [r.speaker_entity_id for r in rows])
    out = []
    for row in rows:
        speaker = names.get(row.speaker_entity_id or "")
        out.append(
            QuoteView(
                quote=_from_row(Quote, row),
                doc_id=row.doc_id,
                title=row.title,
                source=row.source,
                published=row.published,
                speaker_name=speaker.label if speaker else row.speaker_text,
            )
        )
    return out


def _event_day(event: Event) -> dt.date:
    from rasd.events.arguments import parse_date

    parsed = parse_date(event.date)
    return parsed[0] if parsed else dt.date.min


@dataclass(slots=True)
class EventView:
    event: Event
    location: Entity | None
    actors: list[Entity]
    targets: list[Entity]
    documents: int  # how many documents report it
    first_spans: list[Span] = field(default_factory=list)  # each reporting document's first sentence


def events(
    store: Store,
    entity_id: str | None = None,
    event_type: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[EventView]:
    """Real-world events (merged across documents when the corpus step has run), newest first.

    Filters run in Python over the event table: events are few compared with mentions.
    """
    found = store.real_world_events()
    if event_type:
        found = [e for e in found if event_type in (e.acled_event_type, e.type)]
    if entity_id:
        found = [
            e
            for e in found
            if entity_id == e.location_entity_id
            or entity_id in e.actor_entity_ids
            or entity_id in e.target_entity_ids
        ]
    found.sort(key=lambda e: (_event_day(e), e.id), reverse=True)
    found = found[offset : offset + limit]
    names = entities_by_id(
        store, [x for e in found for x in (e.location_entity_id, *e.actor_entity_ids, *e.target_entity_ids)]
    )
    return [
        EventView(
            event=e,
            location=names.get(e.location_entity_id or ""),
            actors=[names[i] for i in e.actor_entity_ids if i in names],
            targets=[names[i] for i in e.target_entity_ids if i in names],
            documents=len({s.doc_id for s in e.evidence}),
            first_spans=list({s.doc_id: s for s in reversed(e.evidence)}.values())[::-1],
        )
        for e in found
    ]
