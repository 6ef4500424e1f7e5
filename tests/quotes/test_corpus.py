"""Through the real pipeline and store: a quote's speaker mention gets its entity after linking."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from rasd.api import analyze_corpus
from rasd.export.contract import export_dict
from rasd.pipeline import STAGE_FACTORIES, register_stage
from rasd.store import Store

SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "contract" / "export.schema.json"


def test_speaker_entity_is_filled_after_corpus_resolution(tmp_path: Path) -> None:
    if "quotes" not in STAGE_FACTORIES:
        register_stage("quotes", "rasd.quotes.stage:QuoteStage")
    corpus = tmp_path / "news.jsonl"
    rows = [
        {
            "id": "a1",
            "text": "قال وزير الخارجية الفرنسي جان إيف لودريان إن بلاده ترفض أي تصعيد جديد في المنطقة.",
        },
        {
            "id": "a2",
            "text": "وأكد جان إيف لودريان أن المحادثات ستستأنف الأسبوع المقبل في جنيف.\n"
            "وأضاف أن الاتحاد الأوروبي يدعم الحل السياسي.",
        },
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    db = str(tmp_path / "rasd.db")
    report = analyze_corpus([corpus], db=db, stages=["text", "ner", "link", "quotes"])
    assert report.ok
    with Store(db) as store:
        docs = [store.get_document(i) for i in ("a1", "a2")]
        exported = export_dict(store)
    jsonschema.validate(exported, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(exported["quotes"]) == 3
    assert all(r["speaker_entity_id"] and r["cue"] and r["speaker_text"] for r in exported["quotes"])
    quotes = [q for d in docs if d is not None for q in d.quotes]
    assert len(quotes) == 3
    assert all(q.speaker_mention_id for q in quotes)
    entity_ids = {q.speaker_entity_id for q in quotes}
    assert None not in entity_ids
    assert len(entity_ids) == 1  # the same minister in both documents
    mentions = {m.id: m for d in docs if d is not None for m in d.mentions}
    assert all(mentions[str(q.speaker_mention_id)].entity_id == q.speaker_entity_id for q in quotes)
