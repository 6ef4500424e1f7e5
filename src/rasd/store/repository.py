"""The store: SQLite by default, PostgreSQL for shared deployments.

One transaction per document: a document and all its annotations are written
(or replaced) together, so an interrupted run never leaves half a document.
The schema is created and upgraded by Alembic on open.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, Table, bindparam, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection

from rasd.model import (
    ClaimGroup,
    Document,
    Entity,
    Event,
    Mention,
    ProcessingError,
    Quantity,
    Quote,
    Span,
    Timex,
)
from rasd.store import tables as t

DEFAULT_DB = "rasd.db"
MIGRATIONS = Path(__file__).with_name("migrations")
_ROW_CLASSES: dict[str, type] = {
    "mentions": Mention,
    "timexes": Timex,
    "quantities": Quantity,
    "quotes": Quote,
    "events": Event,
}


def database_url(db: str | None = None) -> str:
    """Accept a file path, ``sqlite:///…`` or ``postgresql://…``; default ``$RASD_DB`` or ./rasd.db."""
    db = db or os.environ.get("RASD_DB") or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        # pg8000 (BSD) rather than psycopg (LGPL): Rasd's dependencies stay permissive.
        return "postgresql+pg8000://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def _utcnow() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(table: Table, obj: Any, **extra: Any) -> dict[str, Any]:
    """Column values of ``table`` taken from a model dataclass by field name."""
    values = {c.name: getattr(obj, c.name) for c in table.columns if hasattr(obj, c.name)}
    values.update(extra)
    return values


def _from_row(cls: type, row: Any) -> Any:
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in row._mapping.items() if k in names})


DocumentStatus = Literal["new", "unchanged", "changed"]


class Store:
    """Read and write Rasd's knowledge base."""

    def __init__(self, db: str | None = None, *, migrate: bool = True) -> None:
        self.url = database_url(db)
        self.engine: Engine = create_engine(self.url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        if migrate:
            self.migrate()

    # -- schema -----------------------------------------------------------
    def migrate(self, revision: str = "head") -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ------------------------------------------------------------
    def document_status(self, doc_id: str, sha256: str) -> DocumentStatus:
        with self.engine.connect() as conn:
            stored = conn.execute(select(t.documents.c.sha256).where(t.documents.c.id == doc_id)).scalar()
        if stored is None:
            return "new"
        return "unchanged" if stored == sha256 else "changed"

    def save_document(self, doc: Document, stages: Sequence[str] = ()) -> None:
        """Write a document with all its annotations, replacing any earlier version."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.documents).where(t.documents.c.id == doc.id))
            for table in t.ANNOTATION_TABLES.values():  # no reliance on ON DELETE CASCADE
                conn.execute(delete(table).where(table.c.doc_id == doc.id))
            conn.execute(delete(t.errors).where(t.errors.c.doc_id == doc.id, t.errors.c.stage != "ingest"))
            conn.execute(
                insert(t.documents),
                {
                    "id": doc.id,
                    "sha256": doc.sha256,
                    "title": doc.title,
                    "source": doc.source,
                    "url": doc.url,
                    "published": doc.published_iso,
                    "metadata": doc.metadata,
                    "text": doc.text,
                    "stages": ",".join(stages),
                    "n_tokens": len(doc.tokens),
                    "n_sentences": len(doc.sentences),
                    "analysed_at": _utcnow(),
                },
            )
            self._insert_annotations(conn, doc)
            if doc.errors:
                self._insert_errors(conn, doc.errors)

    def _insert_annotations(self, conn: Connection, doc: Document) -> None:
        for name, table in t.ANNOTATION_TABLES.items():
            items = getattr(doc, name)
            if not items:
                continue
            rows = []
            for item in items:
                row = _row(table, item, doc_id=doc.id)
                if name == "events":
                    row["evidence"] = [dataclasses.asdict(s) for s in item.evidence]
                rows.append(row)
            conn.execute(insert(table), rows)

    def record_errors(self, errors: Iterable[ProcessingError]) -> None:
        errors = list(errors)
        if errors:
            with self.engine.begin() as conn:
                self._insert_errors(conn, errors)

    def _insert_errors(self, conn: Connection, errors: Sequence[ProcessingError]) -> None:
        now = _utcnow()
        conn.execute(insert(t.errors), [_row(t.errors, e, created_at=now) for e in errors])

    def document_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            return list(conn.execute(select(t.documents.c.id).order_by(t.documents.c.id)).scalars())

    def get_document(self, doc_id: str, annotations: bool = True) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.id == doc_id)).first()
            if row is None:
                return None
            doc = _document_from_row(row)
            if annotations:
                self._load_annotations(conn, [doc])
        return doc

    def iter_documents(
        self,
        annotations: bool | Sequence[str] = True,
        with_text: bool = True,
        batch_size: int = 500,
    ) -> Iterator[Document]:
        """All documents in id order, loaded in batches so memory stays bounded.

        ``annotations``: all (True), none (False), or the names of the tables to load
        (e.g. ``["mentions"]`` for entity resolution).
        """
        names = list(t.ANNOTATION_TABLES) if annotations is True else list(annotations or [])
        columns = [c for c in t.documents.columns if with_text or c.name != "text"]
        last: str | None = None
        while True:
            with self.engine.connect() as conn:
                query = select(*columns).order_by(t.documents.c.id).limit(batch_size)
                if last is not None:
                    query = query.where(t.documents.c.id > last)
                docs = [_document_from_row(r) for r in conn.execute(query)]
                if not docs:
                    return
                if names:
                    self._load_annotations(conn, docs, names)
            yield from docs
            last = docs[-1].id

    def _load_annotations(
        self, conn: Connection, docs: list[Document], names: Sequence[str] = tuple(t.ANNOTATION_TABLES)
    ) -> None:
        by_id = {d.id: d for d in docs}
        for name in names:
            table = t.ANNOTATION_TABLES[name]
            query = select(table).where(table.c.doc_id.in_(by_id)).order_by(table.c.doc_id, table.c.id)
            for row in conn.execute(query):
                item = _event_from_row(row) if name == "events" else _from_row(_ROW_CLASSES[name], row)
                if isinstance(item, Quantity):
                    item.doc_id = row.doc_id
                getattr(by_id[row.doc_id], name).append(item)
        for doc in docs:
            for name in names:
                getattr(doc, name).sort(key=lambda a: (getattr(a, "start", 0), getattr(a, "end", 0), a.id))

    # -- corpus-level results ----------------------------------------------------
    def replace_entities(self, entities: Iterable[Entity], mention_entity: dict[str, str | None]) -> None:
        """Store a fresh entity table and every mention's entity id, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.entities))
            rows = [_row(t.entities, e) for e in entities]
            for chunk in _chunks(rows, 1000):
                conn.execute(insert(t.entities), chunk)
            conn.execute(update(t.mentions).values(entity_id=None))
            pairs = [{"mid": m, "eid": e} for m, e in mention_entity.items() if e is not None]
            statement = (
                update(t.mentions)
                .where(t.mentions.c.id == bindparam("mid"))
                .values(entity_id=bindparam("eid"))
            )
            for chunk in _chunks(pairs, 5000):
                conn.execute(statement, chunk)
            self._propagate_entity_ids(conn)

    def _propagate_entity_ids(self, conn: Connection) -> None:
        """Quantities and quotes point at mentions; give them the mentions' entities."""
        for table, pairs in (
            (
                t.quantities,
                (("subject_mention_id", "subject_entity_id"), ("holder_mention_id", "holder_entity_id")),
            ),
            (t.quotes, (("speaker_mention_id", "speaker_entity_id"),)),
        ):
            for mention_col, entity_col in pairs:
                sub = (
                    select(t.mentions.c.entity_id)
                    .where(t.mentions.c.id == table.c[mention_col])
                    .scalar_subquery()
                )
                conn.execute(update(table).values({entity_col: sub}))

    def set_quantity_subjects(self, subjects: dict[str, str]) -> None:
        """Subject entity ids found after linking (quantity id → entity id)."""
        statement = (
            update(t.quantities)
            .where(t.quantities.c.id == bindparam("qid"))
            .values(subject_entity_id=bindparam("eid"))
        )
        rows = [{"qid": q, "eid": e} for q, e in subjects.items()]
        with self.engine.begin() as conn:
            for chunk in _chunks(rows, 5000):
                conn.execute(statement, chunk)

    def replace_claim_groups(self, groups: Iterable[ClaimGroup]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.claim_groups))
            rows = [_row(t.claim_groups, g) for g in groups]
            for chunk in _chunks(rows, 1000):
                conn.execute(insert(t.claim_groups), chunk)

    def replace_corpus_events(self, events: Iterable[Event]) -> None:
        """Store a fresh set of real-world events (merged across documents), in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.corpus_events))
            rows = []
            for e in events:
                row = _row(t.corpus_events, e)
                row["evidence"] = [dataclasses.asdict(s) for s in e.evidence]
                rows.append(row)
            for chunk in _chunks(rows, 1000):
                conn.execute(insert(t.corpus_events), chunk)

    def corpus_events(self) -> list[Event]:
        with self.engine.connect() as conn:
            query = select(t.corpus_events).order_by(t.corpus_events.c.id)
            return [_event_from_row(r) for r in conn.execute(query)]

    def real_world_events(self) -> list[Event]:
        """The corpus-level merge when it has run, else each document's detections (document order)."""
        merged = self.corpus_events()
        if merged:
            return merged
        return [e for d in self.iter_documents(annotations=["events"], with_text=False) for e in d.events]

    def quantities_by_id(self, ids: Iterable[str]) -> dict[str, Quantity]:
        """Quantities (with ``doc_id`` set) for the given ids."""
        wanted = list(ids)
        result: dict[str, Quantity] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(wanted), 500):
                query = select(t.quantities).where(t.quantities.c.id.in_(wanted[i : i + 500]))
                for row in conn.execute(query):
                    quantity = _from_row(Quantity, row)
                    quantity.doc_id = row.doc_id
                    result[quantity.id] = quantity
        return result

    def entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            return [_from_row(Entity, r) for r in conn.execute(select(t.entities).order_by(t.entities.c.id))]

    def claim_groups(self) -> list[ClaimGroup]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.claim_groups).order_by(t.claim_groups.c.id))
            groups = [_from_row(ClaimGroup, r) for r in rows]
        for g in groups:  # rows written before the column existed
            g.place_entity_ids = g.place_entity_ids or []
        return groups

    def errors(self, limit: int | None = None) -> list[ProcessingError]:
        with self.engine.connect() as conn:
            query = select(t.errors).order_by(t.errors.c.id)
            if limit:
                query = query.limit(limit)
            return [_from_row(ProcessingError, r) for r in conn.execute(query)]

    def counts(self) -> dict[str, int]:
        names = ["documents", "entities", *t.ANNOTATION_TABLES, "corpus_events", "claim_groups", "errors"]
        with self.engine.connect() as conn:
            return {
                name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
                for name in names
            }


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _document_from_row(row: Any) -> Document:
    m = row._mapping
    published = dt.date.fromisoformat(m["published"]) if m.get("published") else None
    return Document(
        id=m["id"],
        text=m.get("text") or "",
        title=m["title"],
        source=m["source"],
        url=m["url"],
        published=published,
        metadata=m["metadata"] or {},
        sha256=m["sha256"],
    )


def _event_from_row(row: Any) -> Event:
    event_ = _from_row(Event, row)
    event_.evidence = [Span(**s) for s in row.evidence]
    for name in ("actor_mention_ids", "target_mention_ids", "quantity_ids"):
        if getattr(event_, name) is None:  # rows written before migration 0003
            setattr(event_, name, [])
    return event_


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
