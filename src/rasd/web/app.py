"""The HTTP API (OpenAPI at /docs) and the web UI over one store.

Both are thin layers over ``rasd.store.queries``: the JSON routes return its
dataclasses as they are, the HTML routes render them with Jinja2 templates
(Arabic right-to-left, English labels). Every asset ships in ``static/``; the
pages work with no network.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field

from rasd import __version__
from rasd import api as rasd_api
from rasd.events.types import ACLED_EVENT_TYPES
from rasd.export import contract
from rasd.export.geojson import places_geojson
from rasd.ingest import record_document
from rasd.model import MEASURES, Document, Entity, ProcessingError
from rasd.store import Store
from rasd.store import queries as Q
from rasd.web.render import highlight_document, map_view, openapi_operations, timeline_bars

HERE = Path(__file__).parent
ENTITY_TYPES = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC")
PAGE = 50


@dataclass(slots=True)
class EntityDetail:
    entity: Entity
    mentions: list[Q.Snippet]
    related: list[Q.Related]
    figures: list[Q.Figure]
    timeline: list[Q.DayCount]
    quotes: list[Q.QuoteView]
    events: list[Q.EventView]


class AnalyzeRequest(BaseModel):
    """One article to analyse (the same fields as a JSONL input line)."""

    text: str = Field(description="The article text (Arabic); offsets in the response index it")
    id: str | None = Field(None, description="Document id; default: a hash of the text")
    title: str | None = None
    source: str | None = Field(None, description="Outlet")
    url: str | None = None
    published: str | None = Field(
        None, description="Publication date YYYY-MM-DD, the anchor of relative dates"
    )
    store: bool = Field(False, description="Also store it (and re-run the corpus step if `update`)")
    update: bool = Field(
        False, description="With `store`: re-run entity resolution, claims and events over the store"
    )


Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0)]


def paged(rows: Sequence[Any], offset: int) -> dict[str, Any]:
    """Template context of one list page from rows fetched with ``limit=PAGE + 1``."""
    return {"rows": rows[:PAGE], "more": len(rows) > PAGE, "offset": offset, "page_size": PAGE}


def document_records(doc: Document) -> dict[str, Any]:
    """A document and its annotations as records of the export contract (v1)."""
    return {
        "document": contract.document_record(doc),
        "mentions": [contract.mention_record(doc.id, m) for m in doc.mentions],
        "timexes": [contract.timex_record(doc.id, x) for x in doc.timexes],
        "quantities": [contract.quantity_record(doc.id, x) for x in doc.quantities],
        "quotes": [contract.quote_record(doc.id, x) for x in doc.quotes],
        "events": [contract.event_record(x) for x in doc.events],
        "errors": [{"stage": e.stage, "reason": e.reason} for e in doc.errors],
    }


def create_app(db: str | None = None, store: Store | None = None) -> FastAPI:
    """The app for a store given by path/URL (``db``) or as an open ``Store``."""
    store = store or Store(db)
    app = FastAPI(
        docs_url=None,  # the default Swagger/ReDoc pages load scripts from a CDN; /docs is ours
        redoc_url=None,
        title="Rasd",
        version=__version__,
        description="Arabic news as an evidence-linked knowledge base: entities, dates, figures "
        "with who asserts them, and where the sources disagree. Every fact points at "
        "character offsets in the original Arabic text.",
    )
    app.state.store = store
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(entity_types=ENTITY_TYPES, measures=MEASURES, version=__version__)

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, context)

    def entity_or_404(entity_id: str) -> Entity:
        found = Q.entity(store, entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return found

    def entity_detail(entity_id: str, mentions: int = 100) -> EntityDetail:
        found = entity_or_404(entity_id)
        return EntityDetail(
            entity=found,
            mentions=Q.entity_mentions(store, entity_id, limit=mentions),
            related=Q.related_entities(store, entity_id),
            figures=Q.entity_figures(store, entity_id),
            timeline=Q.timeline(store, entity_id),
            quotes=Q.quotes(store, speaker_entity_id=entity_id, limit=50),
            events=Q.events(store, entity_id=entity_id, limit=50),
        )

    # -- JSON API -------------------------------------------------------------------
    @app.get("/api/overview", tags=["api"])
    def api_overview() -> Q.Overview:
        """Counts per table, the publication date range and the largest sources."""
        return Q.overview(store)

    @app.get("/api/entities", tags=["api"])
    def api_entities(
        q: str | None = None,
        type: str | None = None,
        with_coordinates: bool = False,
        limit: Limit = PAGE,
        offset: Offset = 0,
    ) -> list[Entity]:
        """Entities, most mentioned first; ``q`` matches Arabic names, aliases and English names."""
        return Q.entities(store, q, type, limit, offset, with_coordinates)

    @app.get("/api/entities/{entity_id}", tags=["api"])
    def api_entity(entity_id: str, mentions: Limit = 100) -> EntityDetail:
        """One entity with its mentions in context, related entities, figures and timeline."""
        return entity_detail(entity_id, mentions)

    @app.get("/api/documents", tags=["api"])
    def api_documents(
        q: str | None = None, entity: str | None = None, limit: Limit = PAGE, offset: Offset = 0
    ) -> list[Q.DocumentHeader]:
        """Documents, newest first; ``q`` searches title and text, ``entity`` filters by entity id."""
        return Q.documents(store, q, entity, limit, offset)

    @app.get("/api/documents/{doc_id:path}", tags=["api"])
    def api_document(doc_id: str) -> dict[str, Any]:
        """One document and its annotations as records of the export contract (v1)."""
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return document_records(doc)

    @app.post("/api/analyze", tags=["api"])
    def api_analyze(body: AnalyzeRequest) -> dict[str, Any]:
        """Analyse one article with the default pipeline; optionally store it.

        Returns the document's records in the export contract's shapes (per-document
        entities are resolved across the store only when stored with ``update``). A bad
        record (empty text, binary content, a bad date…) is a 422 with the reason; an id
        already stored with different text is a 409.
        """
        fields = body.model_dump(exclude={"store", "update"})
        fields["id"] = fields["id"] or "api-" + hashlib.sha256(body.text.encode()).hexdigest()[:16]
        record = record_document({k: v for k, v in fields.items() if v is not None})
        if isinstance(record, ProcessingError):
            raise HTTPException(422, record.reason)
        if "published_error" in record.metadata:
            raise HTTPException(422, f"published: {record.metadata['published_error']}")
        if not body.store:
            return document_records(rasd_api.analyze(record))
        errors: list[ProcessingError] = []
        report = rasd_api.analyze_records([record], db=store, corpus=body.update, on_error=errors.append)
        if report.bad_records:
            raise HTTPException(409, errors[0].reason if errors else "not stored")
        stored = store.get_document(record.id)
        if stored is None:  # pragma: no cover - analyze_records stores or reports
            raise HTTPException(500, "the document was not stored")
        return document_records(stored)

    @app.post("/api/update", tags=["api"])
    def api_update() -> dict[str, Any]:
        """Re-run the corpus-level step: entity resolution, claim groups, real-world events."""
        return rasd_api.update_corpus(store)

    @app.get("/api/claims", tags=["api"])
    def api_claims(
        subject: str | None = None,
        measure: str | None = None,
        disagreements: bool = False,
        entity: str | None = None,
        limit: Limit = 100,
    ) -> list[Q.ClaimView]:
        """Figures about the same subject and measure across sources, disagreeing groups first."""
        return Q.claims(store, subject, measure, disagreements, entity, limit)

    @app.get("/api/quotes", tags=["api"])
    def api_quotes(
        speaker: str | None = None, q: str | None = None, limit: Limit = 100, offset: Offset = 0
    ) -> list[Q.QuoteView]:
        """Quotes with their speakers; ``speaker`` is an entity id, ``q`` searches quote and speaker text."""
        return Q.quotes(store, speaker, q, limit, offset)

    @app.get("/api/events", tags=["api"])
    def api_events(
        entity: str | None = None, type: str | None = None, limit: Limit = 200, offset: Offset = 0
    ) -> list[Q.EventView]:
        """Real-world events, newest first; ``type`` is an ACLED event type or Rasd's own type."""
        return Q.events(store, entity, type, limit, offset)

    @app.get("/api/timeline", tags=["api"])
    def api_timeline(entity: str | None = None) -> list[Q.DayCount]:
        """Documents per publication day, optionally only those mentioning an entity."""
        return Q.timeline(store, entity)

    @app.get("/api/places.geojson", tags=["api"])
    def api_places(limit: Annotated[int, Query(ge=1, le=100_000)] = 5000) -> dict[str, Any]:
        """Geocoded entities as a GeoJSON FeatureCollection (longitude, latitude)."""
        return places_geojson(Q.entities(store, limit=limit, with_coordinates=True))

    @app.get("/api/errors", tags=["api"])
    def api_errors(limit: Limit = 100) -> list[ProcessingError]:
        """Bad records and stage failures, with the document id and the reason."""
        return store.errors(limit=limit)

    # -- HTML -------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        places = Q.entities(store, limit=400, with_coordinates=True)
        return page(
            request,
            "index.html",
            overview=Q.overview(store),
            top={kind: Q.entities(store, type=kind, limit=8) for kind in ("PER", "ORG", "LOC", "GPE")},
            claims=Q.claims(store, disagreements=True, limit=6),
            map=map_view(places),
            timeline=timeline_bars(Q.timeline(store)),
            latest=Q.documents(store, limit=8),
        )

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(
        request: Request, q: str | None = None, type: str | None = None, offset: Offset = 0
    ) -> HTMLResponse:
        rows = Q.entities(store, q, type or None, PAGE + 1, offset)
        return page(request, "entities.html", q=q or "", type=type or "", **paged(rows, offset))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: str) -> HTMLResponse:
        detail = entity_detail(entity_id)
        e = detail.entity
        return page(
            request,
            "entity.html",
            d=detail,
            claims=Q.claims(store, entity_id=entity_id, limit=20),
            map=map_view([e], zoom_degrees=12) if e.lat is not None else None,
            timeline=timeline_bars(detail.timeline),
        )

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def documents_page(
        request: Request, q: str | None = None, entity: str | None = None, offset: Offset = 0
    ) -> HTMLResponse:
        rows = Q.documents(store, q, entity, PAGE + 1, offset)
        found = Q.entity(store, entity) if entity else None
        return page(request, "documents.html", q=q or "", entity=found, **paged(rows, offset))

    @app.get("/documents/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        names = Q.entities_by_id(
            store,
            [m.entity_id for m in doc.mentions]
            + [x for q in doc.quantities for x in (q.subject_entity_id, q.holder_entity_id)]
            + [q.speaker_entity_id for q in doc.quotes],
        )
        return page(request, "document.html", doc=doc, names=names, body=highlight_document(doc, names))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(
        request: Request,
        subject: str | None = None,
        measure: str | None = None,
        disagreements: bool = False,
    ) -> HTMLResponse:
        views = Q.claims(store, subject or None, measure or None, disagreements, limit=200)
        return page(
            request,
            "claims.html",
            views=views,
            subject=subject or "",
            measure=measure or "",
            disagreements=disagreements,
        )

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, type: str | None = None, offset: Offset = 0) -> HTMLResponse:
        context = paged(Q.events(store, event_type=type or None, limit=PAGE + 1, offset=offset), offset)
        shown = [v.event for v in context["rows"]]
        return page(
            request,
            "events.html",
            map=map_view([], events=shown),
            type=type or "",
            acled_types=ACLED_EVENT_TYPES,
            **context,
        )

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(request: Request, q: str | None = None, offset: Offset = 0) -> HTMLResponse:
        rows = Q.quotes(store, q=q or None, limit=PAGE + 1, offset=offset)
        return page(request, "quotes.html", q=q or "", **paged(rows, offset))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, type: str | None = None) -> HTMLResponse:
        places = Q.entities(store, type=type or None, limit=2000, with_coordinates=True)
        events = [v.event for v in Q.events(store, limit=2000)]
        return page(
            request, "map.html", map=map_view(places, events=events), places=places[:200], type=type or ""
        )

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        """The OpenAPI document rendered without external scripts (the UI works offline)."""
        spec = app.openapi()
        return page(request, "api.html", spec=spec, operations=openapi_operations(spec))

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "documents": store.counts()["documents"]}

    return app
