import datetime as dt

from rasd.model import ClaimGroup, Document, Entity, Event, Mention, ProcessingError, Quantity, Span, Timex
from rasd.store import Store, database_url


def annotated_document() -> Document:
    text = "قال وزير الدفاع إن 300 جندي وصلوا أمس إلى طرابلس."
    doc = Document(id="d1", text=text, source="وكالة", published=dt.date(2020, 5, 6), metadata={"k": [1, 2]})
    start = text.index("طرابلس")
    doc.mentions.append(Mention(id="d1:m0", start=start, end=start + 6, text="طرابلس", type="GPE"))
    doc.timexes.append(Timex(id="d1:t0", start=34, end=37, text=text[34:37], type="DATE", value="2020-05-05"))
    q = text.index("300")
    doc.quantities.append(
        Quantity(
            id="d1:q0",
            start=q,
            end=q + 8,
            text=text[q : q + 8],
            value=300,
            min=300,
            max=300,
            measure="troops",
            holder_mention_id="d1:m0",
        )
    )
    doc.events.append(
        Event(
            id="d1:e0",
            type="deployment",
            acled_event_type="Strategic developments",
            acled_sub_event_type=None,
            date="2020-05-05",
            evidence=[Span("d1", 0, len(text))],
        )
    )
    doc.errors.append(ProcessingError(doc_id="d1", stage="quotes", reason="boom"))
    return doc


def test_database_url_forms() -> None:
    assert database_url("x.db") == "sqlite:///x.db"
    assert database_url("postgresql://u@h/db") == "postgresql+pg8000://u@h/db"
    assert database_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"


def test_round_trip_and_replace(db_url: str) -> None:
    store = Store(db_url)
    doc = annotated_document()
    assert store.document_status("d1", doc.sha256) == "new"
    store.save_document(doc, ["text"])
    assert store.document_status("d1", doc.sha256) == "unchanged"
    assert store.document_status("d1", "0" * 64) == "changed"
    loaded = store.get_document("d1")
    assert loaded is not None
    assert loaded.text == doc.text and loaded.published == doc.published and loaded.metadata == {"k": [1, 2]}
    assert loaded.mentions == doc.mentions
    assert loaded.timexes == doc.timexes
    assert loaded.quantities[0].value == 300 and loaded.quantities[0].measure == "troops"
    assert loaded.events[0].evidence == [Span("d1", 0, len(doc.text))]
    assert [e.reason for e in store.errors()] == ["boom"]
    # Saving again replaces annotations instead of duplicating them.
    store.save_document(doc, ["text"])
    assert store.counts()["mentions"] == 1 and store.counts()["errors"] == 1
    store.close()


def test_entities_propagate_to_quantities(db_url: str) -> None:
    store = Store(db_url)
    store.save_document(annotated_document())
    store.replace_entities([Entity(id="E1", type="GPE", name="طرابلس", mention_count=1)], {"d1:m0": "E1"})
    doc = store.get_document("d1")
    assert doc is not None
    assert doc.mentions[0].entity_id == "E1"
    assert doc.quantities[0].holder_entity_id == "E1"
    store.replace_claim_groups(
        [
            ClaimGroup(
                id="c1", subject_entity_id="E1", measure="troops", quantity_ids=["d1:q0"], disagreement=False
            )
        ]
    )
    assert store.claim_groups()[0].quantity_ids == ["d1:q0"]
    assert [e.id for e in store.entities()] == ["E1"]
    store.close()


def test_iter_documents_in_batches(db_url: str) -> None:
    store = Store(db_url)
    for i in range(7):
        store.save_document(Document(id=f"doc{i:02d}", text=f"نص رقم {i}"))
    ids = [d.id for d in store.iter_documents(batch_size=3)]
    assert ids == [f"doc{i:02d}" for i in range(7)]
    store.close()


def test_migrations_are_idempotent(sqlite_url: str) -> None:
    Store(sqlite_url).close()
    store = Store(sqlite_url)  # upgrading an up-to-date database is a no-op
    assert store.counts()["documents"] == 0
    store.close()


def test_corpus_events_replace_the_per_document_ones_in_the_export(db_url: str) -> None:
    from rasd.export import export_dict

    store = Store(db_url)
    doc = annotated_document()
    store.save_document(doc, ["text"])
    assert [e["id"] for e in export_dict(store)["events"]] == ["d1:e0"]  # nothing merged yet
    merged = Event(
        id="E1",
        type="deployment",
        acled_event_type="Strategic developments",
        acled_sub_event_type="Non-violent transfer of territory",
        date="2020-05-05",
        evidence=[Span("d1", 0, 10), Span("d2", 5, 20)],
        actor_entity_ids=["E-army"],
        fatalities=0,
    )
    store.replace_corpus_events([merged])
    assert store.corpus_events() == [merged]
    assert store.counts()["corpus_events"] == 1 and store.counts()["events"] == 1
    exported = export_dict(store)["events"]
    assert [e["id"] for e in exported] == ["E1"]
    assert exported[0]["evidence"] == [
        {"doc_id": "d1", "start": 0, "end": 10},
        {"doc_id": "d2", "start": 5, "end": 20},
    ]
    store.replace_corpus_events([])
    assert store.corpus_events() == []
    store.close()
