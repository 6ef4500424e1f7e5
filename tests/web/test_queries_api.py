"""Browse queries and the HTTP API over a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from rasd.store import Store
from rasd.store import queries as Q
from rasd.web import create_app


@pytest.fixture(scope="module")
def client(analysed_store: Store) -> TestClient:
    return TestClient(create_app(store=analysed_store))


def test_entities_most_mentioned_first_and_searchable(analysed_store: Store) -> None:
    rows = Q.entities(analysed_store, limit=20)
    counts = [e.mention_count for e in rows]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    libya = Q.entities(analysed_store, q="ليبيا", type="GPE")
    assert libya and libya[0].name_en == "Libya"
    # English names and folded Arabic both find the entity.
    assert Q.entities(analysed_store, q="libya")[0].id == libya[0].id
    assert Q.entities(analysed_store, q="ليبيا")[0].id == libya[0].id
    assert all(e.lat is not None for e in Q.entities(analysed_store, with_coordinates=True))


def test_mention_snippets_are_cut_around_the_stored_offsets(analysed_store: Store) -> None:
    top = Q.entities(analysed_store, limit=1)[0]
    snippets = Q.entity_mentions(analysed_store, top.id)
    assert len(snippets) == top.mention_count
    for s in snippets:
        doc = analysed_store.get_document(s.doc_id, annotations=False)
        assert doc is not None
        assert doc.text[s.start : s.end] == s.text
        assert doc.text[: s.start].endswith(s.before) and doc.text[s.end :].startswith(s.after)
        assert len(s.before) <= Q.SNIPPET_CONTEXT and len(s.after) <= Q.SNIPPET_CONTEXT


def test_related_entities_share_documents(analysed_store: Store) -> None:
    top = Q.entities(analysed_store, limit=1)[0]
    docs_of_top = {s.doc_id for s in Q.entity_mentions(analysed_store, top.id)}
    related = Q.related_entities(analysed_store, top.id)
    assert related and all(r.entity.id != top.id for r in related)
    for r in related[:5]:
        shared = docs_of_top & {s.doc_id for s in Q.entity_mentions(analysed_store, r.entity.id, limit=1000)}
        assert len(shared) == r.documents


def test_timeline_counts_documents_per_day(analysed_store: Store) -> None:
    days = Q.timeline(analysed_store)
    assert sum(d.documents for d in days) == analysed_store.counts()["documents"]
    assert [d.date for d in days] == sorted(d.date for d in days)


def test_claims_show_figures_with_holder_outlet_and_sentence(analysed_store: Store) -> None:
    views = Q.claims(analysed_store)
    assert views and views[0].group.disagreement  # disagreeing groups come first
    for figure in views[0].figures:
        doc = analysed_store.get_document(figure.quantity.doc_id or "", annotations=False)
        assert doc is not None and figure.source == doc.source
        assert figure.quantity.text in figure.sentence
    sources = {f.source for f in views[0].figures}
    assert len(sources) == len(views[0].figures)  # one figure per outlet in the sample story
    assert Q.claims(analysed_store, measure="no-such-measure") == []


def test_documents_search_and_entity_filter(analysed_store: Store) -> None:
    every = Q.documents(analysed_store, limit=100)
    assert len(every) == analysed_store.counts()["documents"]
    top = Q.entities(analysed_store, limit=1)[0]
    with_top = Q.documents(analysed_store, entity_id=top.id, limit=100)
    assert {d.id for d in with_top} == {s.doc_id for s in Q.entity_mentions(analysed_store, top.id)}
    assert all(
        "درنة" in (analysed_store.get_document(d.id) or every[0]).text
        for d in Q.documents(analysed_store, q="درنة")
    )


def test_api_routes_return_typed_json(client: TestClient) -> None:
    overview = client.get("/api/overview").json()
    assert overview["counts"]["documents"] > 0
    entities = client.get("/api/entities", params={"limit": 3}).json()
    assert len(entities) == 3 and {"id", "name", "name_en", "mention_count"} <= set(entities[0])
    detail = client.get(f"/api/entities/{entities[0]['id']}").json()
    assert detail["entity"]["id"] == entities[0]["id"] and detail["mentions"]
    doc_id = detail["mentions"][0]["doc_id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    text = doc["document"]["text"]
    for m in doc["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    places = client.get("/api/places.geojson").json()
    assert places["type"] == "FeatureCollection" and places["features"]
    lon, lat = places["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert client.get("/api/claims", params={"disagreements": True}).json()[0]["group"]["disagreement"]
    assert client.get("/api/entities/E-none").status_code == 404
    assert client.get("/api/documents/none").status_code == 404
    assert client.get("/api/entities", params={"limit": 0}).status_code == 422


def test_openapi_lists_every_api_route_and_docs_need_no_network(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/entities", "/api/entities/{entity_id}", "/api/claims", "/api/places.geojson"} <= paths
    docs = client.get("/docs").text
    for path in paths:
        assert html.escape(path) in docs or path in docs
    for page in ("/docs", "/", "/map"):
        body = client.get(page).text
        assert not re.search(r"""(src|href)=["']https?://""", body), f"{page} loads a remote asset"


def test_html_pages_render_in_arabic_rtl(client: TestClient, analysed_store: Store) -> None:
    home = client.get("/")
    assert home.status_code == 200 and '<html lang="ar" dir="rtl">' in home.text
    top = Q.entities(analysed_store, limit=1)[0]
    page = client.get(f"/entities/{top.id}").text
    assert top.name in page and (top.name_en or "") in page
    claims = client.get("/claims", params={"disagreements": "true"}).text
    assert "disagreement" in claims
    assert client.get("/entities/E-none").status_code == 404


def test_document_page_marks_exactly_the_stored_spans(client: TestClient, analysed_store: Store) -> None:
    doc_id = Q.documents(analysed_store, limit=1)[0].id
    doc = analysed_store.get_document(doc_id)
    assert doc is not None
    body = client.get(f"/documents/{doc_id}").text
    marks = re.findall(
        r'<mark id="[mtq]-\d+" class="k-[\w]+" data-start="(\d+)" data-end="(\d+)"[^>]*>(.*?)</mark>', body
    )
    assert marks
    for start, end, inner in marks:
        assert html.unescape(re.sub(r"<[^>]+>", "", inner)) == doc.text[int(start) : int(end)]


def test_cli_exports_geojson(analysed_store: Store, tmp_path) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app

    if analysed_store.engine.dialect.name != "sqlite":
        pytest.skip("one backend is enough for the CLI")
    out = tmp_path / "places.geojson"
    db = analysed_store.engine.url.database or ""
    result = CliRunner().invoke(app, ["export", "--db", db, "--format", "geojson", "--out", str(out)])
    assert result.exit_code == 0, result.output
    import json

    collection = json.loads(out.read_text(encoding="utf-8"))
    located = Q.entities(analysed_store, with_coordinates=True, limit=10_000)
    assert {f["id"] for f in collection["features"]} == {e.id for e in located}
    assert CliRunner().invoke(app, ["export", "--db", db, "--format", "csv"]).exit_code != 0
