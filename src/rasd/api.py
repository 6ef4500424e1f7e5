"""The Python API; the CLI and the web layer are thin shells around it.

import rasd
doc = rasd.analyze("قال المتحدث ...", published="2018-03-01")   # one text, in memory
report = rasd.analyze_corpus(["articles.jsonl.gz"], db="rasd.db")   # a corpus, into a store
store = rasd.open_store("rasd.db")
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.ingest import IngestOptions, parse_date, read
from rasd.model import Document, ProcessingError
from rasd.pipeline import DEFAULT_STAGES, Pipeline, available_stages
from rasd.store import Store

_PIPELINES: dict[tuple[tuple[str, ...], str], Pipeline] = {}


def default_stage_names() -> list[str]:
    """The default stages this installation can run, in pipeline order."""
    installed = set(available_stages())
    return [name for name in DEFAULT_STAGES if name in installed]


def get_pipeline(
    stages: Sequence[str] | None = None, options: dict[str, dict[str, Any]] | None = None
) -> Pipeline:
    """A cached pipeline for these stage names and options (models load once per process)."""
    names = tuple(stages) if stages is not None else tuple(default_stage_names())
    key = (names, json.dumps(options or {}, sort_keys=True, default=str))
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline.from_names(list(names), options)
    return _PIPELINES[key]


def _as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value)


def analyze(
    text: str | Document,
    *,
    published: str | dt.date | None = None,
    doc_id: str = "doc",
    stages: Sequence[str] | None = None,
) -> Document:
    """Analyse one text in memory (no store) and return the annotated Document."""
    doc = text if isinstance(text, Document) else Document(id=doc_id, text=text)
    if published is not None:
        doc.published = _as_date(published)
    return get_pipeline(stages)(doc)


def open_store(db: str | None = None) -> Store:
    return Store(db)


@dataclass
class AnalyzeReport:
    processed: int = 0
    unchanged: int = 0
    bad_records: int = 0
    stage_errors: int = 0
    seconds: float = 0.0
    stages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False when nothing at all could be processed (the CLI then exits with 2)."""
        return self.processed + self.unchanged > 0

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0


Runner = Callable[[Iterable[Document]], Iterable[Document]]


def analyze_corpus(
    paths: Sequence[str | Path],
    *,
    db: str | Store | None = None,
    published: str | dt.date | None = None,
    stages: Sequence[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    replace: bool = False,
    max_chars: int | None = None,
    on_error: Callable[[ProcessingError], None] | None = None,
    on_document: Callable[[Document, str], None] | None = None,
    corpus: bool = True,
    runner: Runner | None = None,
) -> AnalyzeReport:
    """Read, analyse and store every document under ``paths``; bad records never stop the run.

    Unchanged documents (same id, same sha256) are skipped, so re-running is
    idempotent. A stored id with different text is an error unless ``replace``.
    ``options`` are keyword options per stage, e.g. ``{"time": {"infer_anchor": True}}``.
    ``runner`` maps the documents to analyse to analysed documents, in order; the default runs
    the pipeline in this process, ``rasd.distributed.RayRunner`` runs it on a Ray cluster.
    The store is only ever written from this process.
    """
    ingest = IngestOptions(published=_as_date(published), **({"max_chars": max_chars} if max_chars else {}))
    return analyze_records(
        read(paths, ingest),
        db=db,
        stages=stages,
        options=options,
        replace=replace,
        on_error=on_error,
        on_document=on_document,
        corpus=corpus,
        runner=runner,
    )


def analyze_records(
    records: Iterable[Document | ProcessingError],
    *,
    db: str | Store | None = None,
    stages: Sequence[str] | None = None,
    options: dict[str, dict[str, Any]] | None = None,
    replace: bool = False,
    on_error: Callable[[ProcessingError], None] | None = None,
    on_document: Callable[[Document, str], None] | None = None,
    corpus: bool = True,
    runner: Runner | None = None,
) -> AnalyzeReport:
    """:func:`analyze_corpus` over records already read (documents, or errors to record)."""
    store = db if isinstance(db, Store) else Store(db)
    pipeline = get_pipeline(stages, options)
    report = AnalyzeReport(stages=pipeline.names)
    seen: dict[str, str] = {}
    statuses: dict[str, str] = {}
    started = time.perf_counter()

    def fail(error: ProcessingError) -> None:
        report.bad_records += 1
        store.record_errors([error])
        if on_error:
            on_error(error)

    def to_analyse() -> Iterator[Document]:
        for record in records:
            if isinstance(record, ProcessingError):
                fail(record)
                continue
            doc = record
            earlier = seen.get(doc.id)
            if earlier is not None:
                if earlier != doc.sha256:
                    fail(
                        _duplicate_error(
                            doc, "appears twice in this batch with different text; the first is kept"
                        )
                    )
                else:
                    report.unchanged += 1
                continue
            seen[doc.id] = doc.sha256
            status = store.document_status(doc.id, doc.sha256)
            if status == "unchanged":
                report.unchanged += 1
                if on_document:
                    on_document(doc, "unchanged")
                continue
            if status == "changed" and not replace:
                fail(
                    _duplicate_error(
                        doc, "is already stored with different text (use --replace to update it)"
                    )
                )
                continue
            if "published_error" in doc.metadata:
                doc.errors.append(
                    ProcessingError(
                        doc.id, "ingest", f"published date ignored: {doc.metadata['published_error']}"
                    )
                )
            statuses[doc.id] = status
            yield doc

    run: Runner = runner or (lambda docs: map(pipeline, docs))
    for doc in run(to_analyse()):
        store.save_document(doc, pipeline.names)
        report.processed += 1
        report.stage_errors += sum(1 for e in doc.errors if e.stage != "ingest")
        for error in doc.errors:
            if on_error:
                on_error(error)
        if on_document:
            on_document(doc, statuses.pop(doc.id, "new"))
    if corpus and report.processed:
        update_corpus(store)
    report.seconds = time.perf_counter() - started
    return report


def _duplicate_error(doc: Document, what: str) -> ProcessingError:
    return ProcessingError(doc_id=doc.id, stage="ingest", reason=f"duplicate id: {doc.id!r} {what}")


def update_corpus(store: Store) -> dict[str, Any]:
    """Corpus-level stages over the store: entity resolution, claim groups, real-world events."""
    # Imported here: the KB, gazetteer and claim rules load only when a corpus is updated.
    from rasd.events.merge import merge_events
    from rasd.link.resolve import resolve_corpus
    from rasd.quantity.claims import (
        event_claim_groups,
        figure_scopes,
        group_claims,
        link_subjects,
        town_coordinates,
    )

    docs = list(store.iter_documents(annotations=["mentions"], with_text=False))
    entities = resolve_corpus(docs)
    mention_entity = {m.id: m.entity_id for d in docs for m in d.mentions}
    store.replace_entities(entities, mention_entity)
    del docs

    docs = list(store.iter_documents(annotations=["mentions", "quantities"], with_text=True))
    quantities, published = _stored_quantities(docs)
    subjects = link_subjects(quantities, store.entities())
    for q in quantities:
        q.subject_entity_id = subjects.get(q.id, q.subject_entity_id)
    store.set_quantity_subjects(subjects)
    # Where each figure is: refugees "in Jordan" and "in Lebanon" are two claims, not a disagreement.
    scopes = figure_scopes(docs, {e.id: e.country for e in entities if e.type in ("GPE", "LOC")})
    del docs
    groups = group_claims(
        quantities, published=published, scopes=scopes, coordinates=town_coordinates(entities)
    )

    events_by_doc = {
        d.id: d.events for d in store.iter_documents(annotations=["events"], with_text=False) if d.events
    }
    merged = merge_events(events_by_doc, entities, published, mention_entity=mention_entity)
    store.replace_corpus_events(merged)
    # Casualty figures of one real-world event, reported by several outlets, are claims about
    # the same toll even when no report names whose dead they are.
    by_id = {q.id: q for q in quantities}
    groups += event_claim_groups(
        merged, by_id, published, existing=groups, places={e.id: e for e in entities}
    )
    store.replace_claim_groups(groups)
    return {"entities": len(entities), "claim_groups": len(groups), "events": len(merged)}


def _stored_quantities(docs: Iterable[Document]) -> tuple[list[Any], dict[str, dt.date | None]]:
    """Every stored figure, except those of a document whose text repeats an earlier one.

    Outlets file one article under two categories (two ids, the same text): its figures
    would otherwise stand in a claim group as two sources agreeing with each other.
    """
    quantities = []
    published: dict[str, dt.date | None] = {}
    seen_texts: set[str] = set()
    for doc in docs:
        published[doc.id] = doc.published
        if doc.sha256 in seen_texts:
            continue
        seen_texts.add(doc.sha256)
        quantities.extend(doc.quantities)
    return quantities, published
