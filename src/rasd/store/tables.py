"""SQLAlchemy table definitions: the schema Alembic migrations build.

Columns of annotation tables carry the same names as the fields of the
dataclasses in ``rasd.model`` so rows and objects convert generically.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

documents = Table(
    "documents",
    metadata,
    Column("id", String, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("title", Text),
    Column("source", String),
    Column("url", Text),
    Column("published", String(10)),
    Column("metadata", JSON, nullable=False, default=dict),
    Column("text", Text, nullable=False),
    Column("stages", String, nullable=False, default=""),
    Column("n_tokens", Integer, nullable=False, default=0),
    Column("n_sentences", Integer, nullable=False, default=0),
    Column("analysed_at", String, nullable=False),
)


def _doc_fk() -> Column[str]:
    return Column(
        "doc_id", String, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True
    )


def _span_columns() -> list[Column[Any]]:
    """id, doc_id and the character span every per-document annotation has."""
    return [
        Column("id", String, primary_key=True),
        _doc_fk(),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        Column("text", Text, nullable=False),
    ]


mentions = Table(
    "mentions",
    metadata,
    *_span_columns(),
    Column("type", String(8), nullable=False),
    Column("score", Float, nullable=False, default=1.0),
    Column("source", String, nullable=False, default="ner"),
    Column("link_key", String),
    Column("entity_id", String, index=True),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String(8), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False, default=list),
    Column("name_en", Text),
    Column("name_en_source", String),
    Column("kb_id", String, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("category", String),
    Column("country", String(8)),
    Column("mention_count", Integer, nullable=False, default=0),
)

timexes = Table(
    "timexes",
    metadata,
    *_span_columns(),
    Column("type", String(10), nullable=False),
    Column("value", String),
    Column("precision", String),
    Column("anchored", Boolean, nullable=False, default=False),
    Column("mod", String),
)

quantities = Table(
    "quantities",
    metadata,
    *_span_columns(),
    Column("value", Float),
    Column("min", Float),
    Column("max", Float),
    Column("qualifier", String, nullable=False),
    Column("unit", Text),
    Column("measure", String, nullable=False, index=True),
    Column("subject_text", Text),
    Column("subject_mention_id", String),
    Column("subject_entity_id", String, index=True),
    Column("holder_text", Text),
    Column("holder_mention_id", String),
    Column("holder_entity_id", String),
    Column("time", String),
    Column("sentence_start", Integer),
    Column("sentence_end", Integer),
    Column("parsed", Boolean, nullable=False, default=True),
    Column("unparsed_reason", Text),
)

quotes = Table(
    "quotes",
    metadata,
    *_span_columns(),
    Column("direct", Boolean, nullable=False),
    Column("speaker_text", Text),
    Column("speaker_mention_id", String),
    Column("speaker_entity_id", String),
    Column("cue", String),
)


def _event_columns() -> list[Column[Any]]:
    """What an event is, whether one document's detection or a merged real-world event."""
    return [
        Column("type", String, nullable=False),
        Column("acled_event_type", String),
        Column("acled_sub_event_type", String),
        Column("date", String),
        Column("date_precision", String),
        Column("location_entity_id", String),
        Column("lat", Float),
        Column("lon", Float),
        Column("geo_precision", Integer),
        Column("actor_entity_ids", JSON, nullable=False, default=list),
        Column("target_entity_ids", JSON, nullable=False, default=list),
        Column("fatalities", Integer),
        Column("evidence", JSON, nullable=False, default=list),
        # Per-document arguments as mention ids (entity ids come after corpus linking), and
        # the figures behind ``fatalities``; added by migration 0003, hence nullable.
        Column("location_mention_id", String),
        Column("actor_mention_ids", JSON, default=list),
        Column("target_mention_ids", JSON, default=list),
        Column("quantity_ids", JSON, default=list),
    ]


# Events detected in one document (written with the document by the events stage).
events = Table("events", metadata, Column("id", String, primary_key=True), _doc_fk(), *_event_columns())

# Real-world events: the corpus-level merge of the per-document events (evidence from many documents).
corpus_events = Table("corpus_events", metadata, Column("id", String, primary_key=True), *_event_columns())

claim_groups = Table(
    "claim_groups",
    metadata,
    Column("id", String, primary_key=True),
    Column("subject_entity_id", String),
    Column("subject_key", Text),
    Column("measure", String, nullable=False),
    Column("quantity_ids", JSON, nullable=False, default=list),
    Column("disagreement", Boolean, nullable=False),
    Column("place_entity_ids", JSON),
)

errors = Table(
    "errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String),
    Column("stage", String, nullable=False),
    Column("reason", Text, nullable=False),
    Column("source", Text),
    Column("line", Integer),
    Column("created_at", String, nullable=False),
)
Index("ix_errors_doc_id", errors.c.doc_id)

# Per-document annotation tables, in the order a document's rows are written.
ANNOTATION_TABLES = {
    "mentions": mentions,
    "timexes": timexes,
    "quantities": quantities,
    "quotes": quotes,
    "events": events,
}
