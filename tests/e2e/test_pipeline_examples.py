"""The full default pipeline over the shipped sample corpus, into a real store, out through the contract."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import rasd
from rasd.export import export_dict
from rasd.store import Store
from tests.conftest import EXAMPLES, SCHEMA


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("e2e") / "rasd.db")


@pytest.fixture(scope="module")
def exported(db_path: str) -> dict:
    db = db_path
    report = rasd.analyze_corpus([EXAMPLES], db=db, published="2026-03-21")
    assert report.processed == 15 and report.bad_records == 0 and report.stage_errors == 0
    store = Store(db)
    data = export_dict(store)
    store.close()
    return data


def test_contract_and_offsets(exported: dict) -> None:
    if SCHEMA.exists():
        jsonschema.validate(exported, json.loads(SCHEMA.read_text(encoding="utf-8")))
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    for section in ("mentions", "timexes", "quantities"):
        assert exported[section], f"no {section} found in the sample corpus"
        for item in exported[section]:
            assert texts[item["doc_id"]][item["start"] : item["end"]] == item["text"]


def test_every_mention_belongs_to_an_entity(exported: dict) -> None:
    entity_ids = {e["id"] for e in exported["entities"]}
    assert all(m["entity_id"] in entity_ids for m in exported["mentions"])
    libya = [e for e in exported["entities"] if e["name_en"] == "Libya"]
    assert len(libya) == 1 and libya[0]["kb_id"] == "wikidata:Q1016"
    assert all(e["name_en"] for e in exported["entities"])


def test_relative_dates_are_anchored_on_publication(exported: dict) -> None:
    # ex-001 was published on Thursday 2026-03-12; "أمس الأربعاء" is the day before.
    values = {(t["doc_id"], t["text"]): t["value"] for t in exported["timexes"]}
    assert values[("ex-001", "أمس الأربعاء")] == "2026-03-11"


def test_quantities_carry_measures_and_holders(exported: dict) -> None:
    by_doc = {}
    for q in exported["quantities"]:
        by_doc.setdefault(q["doc_id"], []).append(q)
    troops = [q for q in by_doc["ex-007"] if q["measure"] == "troops"]
    assert troops and troops[0]["value"] == 400
    ranged = [q for q in by_doc["ex-004"] if q["qualifier"] == "range"]
    assert ranged and (ranged[0]["min"], ranged[0]["max"]) == (3000, 5000)


def test_rerun_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "rasd.db")
    rasd.analyze_corpus([EXAMPLES], db=db, published="2026-03-21", stages=["text", "time"])
    again = rasd.analyze_corpus([EXAMPLES], db=db, published="2026-03-21", stages=["text", "time"])
    assert again.processed == 0 and again.unchanged == 15


def test_analyze_in_memory() -> None:
    doc = rasd.analyze("أعلنت وزارة الدفاع أمس وصول 300 جندي إلى طرابلس.", published="2026-03-21")
    assert any(t.value == "2026-03-20" for t in doc.timexes)
    assert any(q.value == 300 and q.measure == "troops" for q in doc.quantities)


def test_contested_figures_form_one_claim_group(exported: dict) -> None:
    quantities = {q["id"]: q for q in exported["quantities"]}
    fighters = [g for g in exported["claim_groups"] if g["measure"] == "fighters" and g["disagreement"]]
    assert fighters, "the sample corpus has three incompatible figures for one group's fighters"
    group = max(fighters, key=lambda g: len(g["quantity_ids"]))
    docs = {quantities[i]["doc_id"] for i in group["quantity_ids"]}
    assert len(docs) >= 2
    assert group["subject_entity_id"] is not None


def test_summary_names_the_contested_figures(exported: dict, db_path: str) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app

    result = CliRunner().invoke(app, ["summary", "--db", db_path])
    assert result.exit_code == 0
    assert "15 documents" in result.output
    assert "Figures the sources disagree on" in result.output


def test_one_airstrike_told_by_three_outlets_is_one_event_with_contested_tolls(exported: dict) -> None:
    # ex-001, ex-002 and ex-003 report the same strike near Derna with different tolls.
    strike_docs = {"ex-001", "ex-002", "ex-003"}
    events = [e for e in exported["events"] if strike_docs <= {s["doc_id"] for s in e["evidence"]}]
    assert len(events) == 1, "the three reports merge into one real-world event"
    event = events[0]
    assert event["acled_event_type"] == "Explosions/Remote violence" and event["lat"] is not None
    quantities = {q["id"]: q for q in exported["quantities"]}
    tolls = [
        g
        for g in exported["claim_groups"]
        if g["measure"] == "killed" and strike_docs <= {quantities[i]["doc_id"] for i in g["quantity_ids"]}
    ]
    assert len(tolls) == 1 and tolls[0]["disagreement"]
    # ACLED codes the most conservative credible report.
    assert event["fatalities"] == min(quantities[i]["value"] for i in tolls[0]["quantity_ids"])


def test_quotes_have_speakers(exported: dict) -> None:
    assert exported["quotes"]
    assert all(q["speaker_text"] for q in exported["quotes"])
    texts = {d["id"]: d["text"] for d in exported["documents"]}
    assert all(texts[q["doc_id"]][q["start"] : q["end"]] == q["text"] for q in exported["quotes"])


def test_cli_lists_events_quotes_and_entities(exported: dict, db_path: str) -> None:
    from typer.testing import CliRunner

    from rasd.cli import app

    runner = CliRunner()
    events = runner.invoke(app, ["events", "--db", db_path, "--type", "Explosions/Remote violence"])
    assert events.exit_code == 0 and "airstrike" in events.output
    quotes = runner.invoke(app, ["quotes", "--db", db_path, "--speaker", "محمد الطاهر"])
    assert quotes.exit_code == 0 and "الإسعاف" in quotes.output
    libya = runner.invoke(app, ["entities", "--db", db_path, "--name", "Libya", "--limit", "1"])
    assert libya.exit_code == 0 and "Libya" in libya.output


def test_one_article_filed_under_two_ids_is_not_two_agreeing_sources(tmp_path: Path) -> None:
    import datetime as dt

    from rasd.api import analyze_records
    from rasd.model import Document

    text = "قال المرصد إن 300 مقاتل من حركة النجمة قتلوا في معارك قرب درنة."
    other = "أعلن الجيش مقتل 90 مقاتلا من حركة النجمة في معارك درنة."
    day = dt.date(2026, 3, 2)
    db = str(tmp_path / "dup.db")
    docs = [Document(id="news-a", text=text, published=day), Document(id="world-a", text=text, published=day)]
    analyze_records(docs, db=db, stages=["text", "ner", "link", "quantity"])
    store = Store(db)
    assert store.claim_groups() == []  # the same text twice is one source
    analyze_records(
        [Document(id="b", text=other, published=day)], db=store, stages=["text", "ner", "link", "quantity"]
    )
    groups = [g for g in store.claim_groups() if g.measure == "killed"]
    assert len(groups) == 1 and groups[0].disagreement
    assert {q.split(":")[0] for q in groups[0].quantity_ids} == {"news-a", "b"}
    store.close()
