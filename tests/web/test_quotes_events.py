"""Quotes and events in the browse queries, the API and the pages (hand-made annotations)."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from rasd.model import Document, Entity, Event, Mention, Quote, Span
from rasd.store import Store
from rasd.store import queries as Q
from rasd.web import create_app


def _store(db_url: str) -> Store:
    store = Store(db_url)
    texts = {
        "a": 'قال المتحدث باسم الجيش أحمد المسماري إن "الغارة استهدفت مخزنا للذخيرة" قرب سرت.',
        "b": "أعلن الجيش أن غارة جوية قرب سرت أسفرت عن مقتل أربعة مسلحين.",
    }
    for doc_id, text in texts.items():
        doc = Document(id=doc_id, text=text, source=f"outlet-{doc_id}", published=dt.date(2026, 3, 2))
        sirte = text.index("سرت")
        doc.mentions.append(Mention(id=f"{doc_id}:m0", start=sirte, end=sirte + 3, text="سرت", type="GPE"))
        if doc_id == "a":
            speaker = text.index("أحمد المسماري")
            doc.mentions.append(
                Mention(id="a:m1", start=speaker, end=speaker + 13, text="أحمد المسماري", type="PER")
            )
            q0 = text.index("الغارة")
            doc.quotes.append(
                Quote(
                    id="a:qt0",
                    start=q0,
                    end=q0 + 29,
                    text=text[q0 : q0 + 29],
                    direct=True,
                    speaker_text="أحمد المسماري",
                    speaker_mention_id="a:m1",
                    cue="قال",
                )
            )
        doc.events.append(
            Event(
                id=f"{doc_id}:e0",
                type="airstrike",
                acled_event_type="Explosions/Remote violence",
                acled_sub_event_type="Air/drone strike",
                date="2026-03-01",
                evidence=[Span(doc_id, 0, len(text))],
            )
        )
        store.save_document(doc, ["text"])
    entities = [
        Entity(id="E-sirte", type="GPE", name="سرت", name_en="Sirte", lat=31.2, lon=16.59, mention_count=2),
        Entity(id="E-mismari", type="PER", name="أحمد المسماري", name_en="Ahmed al-Mismari", mention_count=1),
    ]
    store.replace_entities(entities, {"a:m0": "E-sirte", "b:m0": "E-sirte", "a:m1": "E-mismari"})
    return store


def test_quotes_carry_their_speaker_entity(db_url: str) -> None:
    store = _store(db_url)
    views = Q.quotes(store, speaker_entity_id="E-mismari")
    assert [v.quote.id for v in views] == ["a:qt0"]
    assert views[0].speaker_name == "أحمد المسماري (Ahmed al-Mismari)" and views[0].source == "outlet-a"
    assert Q.quotes(store, q="مخزنا")[0].quote.id == "a:qt0"
    assert Q.quotes(store, q="لا يوجد") == []
    store.close()


def test_merged_events_replace_per_document_detections(db_url: str) -> None:
    store = _store(db_url)
    assert {v.event.id for v in Q.events(store)} == {"a:e0", "b:e0"}  # before the corpus merge
    merged = Event(
        id="EV1",
        type="airstrike",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date="2026-03-01",
        evidence=[Span("a", 0, 10), Span("b", 0, 10)],
        location_entity_id="E-sirte",
        lat=31.2,
        lon=16.59,
        fatalities=4,
    )
    store.replace_corpus_events([merged])
    (view,) = Q.events(store)
    assert (
        view.event.id == "EV1" and view.documents == 2 and view.location and view.location.name_en == "Sirte"
    )
    assert [v.event.id for v in Q.events(store, entity_id="E-sirte")] == ["EV1"]
    assert Q.events(store, event_type="Protests") == []
    assert [v.event.id for v in Q.events(store, event_type="airstrike")] == ["EV1"]
    store.close()


def test_pages_and_api_show_quotes_and_events(db_url: str) -> None:
    store = _store(db_url)
    located = Event(
        id="EV1",
        type="airstrike",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Air/drone strike",
        date="2026-03-01",
        evidence=[Span("a", 0, 10), Span("b", 0, 10)],
        location_entity_id="E-sirte",
        actor_entity_ids=["E-mismari"],
    )
    store.replace_corpus_events([located])
    client = TestClient(create_app(store=store))
    assert client.get("/api/quotes", params={"speaker": "E-mismari"}).json()[0]["quote"]["cue"] == "قال"
    assert client.get("/api/events").json()[0]["event"]["type"] == "airstrike"
    events_page = client.get("/events").text
    assert "Air/drone strike" in events_page and "/entities/E-sirte" in events_page
    assert "مخزنا للذخيرة" in client.get("/quotes").text
    entity_page = client.get("/entities/E-mismari").text
    assert "مخزنا للذخيرة" in entity_page and "Explosions/Remote violence" in entity_page
    doc_page = client.get("/documents/a").text
    quote_start = store.get_document("a").quotes[0].start  # type: ignore[union-attr]
    assert f'id="qt-{quote_start}"' in doc_page and 'id="ev-0"' in doc_page
    store.close()


def test_post_analyze_in_memory_and_stored(db_url: str) -> None:
    store = Store(db_url)
    client = TestClient(create_app(store=store))
    text = "قال المتحدث باسم الجيش إن 30 مسلحا قتلوا أمس في اشتباكات قرب سرت."
    body = {"text": text, "id": "api-1", "source": "وكالة", "published": "2026-03-02"}
    result = client.post("/api/analyze", json=body).json()
    assert result["document"]["id"] == "api-1" and result["document"]["text"] == text
    for section in ("mentions", "timexes", "quantities", "quotes"):
        for item in result[section]:
            assert text[item["start"] : item["end"]] == item["text"]
    assert any(t["value"] == "2026-03-01" for t in result["timexes"])  # أمس, anchored on publication
    assert any(q["value"] == 30 and q["measure"] == "killed" for q in result["quantities"])
    assert store.counts()["documents"] == 0  # not stored unless asked
    stored = client.post("/api/analyze", json={**body, "store": True, "update": True})
    assert stored.status_code == 200 and store.counts()["documents"] == 1
    assert store.counts()["entities"] > 0  # the corpus step ran
    clash = client.post("/api/analyze", json={**body, "text": text + " تغيير", "store": True})
    assert clash.status_code == 409 and "already stored" in clash.json()["detail"]
    empty = client.post("/api/analyze", json={"text": "   "})
    assert empty.status_code == 422 and "empty" in empty.json()["detail"]
    bad_date = client.post("/api/analyze", json={"text": text, "published": "yesterday-ish"})
    assert bad_date.status_code == 422
    assert client.post("/api/update").json()["entities"] == store.counts()["entities"]
    store.close()
