"""A generic force name belongs to the article's country (the Syrian NDF is not Tunisia's army)."""

from __future__ import annotations

from rasd.link.resolve import resolve_corpus
from rasd.model import Document, Mention


def _doc(doc_id: str, text: str, spans: list[tuple[str, str]]) -> Document:
    doc = Document(id=doc_id, text=text)
    for i, (surface, etype) in enumerate(spans):
        start = text.index(surface)
        doc.mentions.append(
            Mention(id=f"{doc_id}{i}", start=start, end=start + len(surface), text=surface, type=etype)
        )
    return doc


def _kb_id(text: str, spans: list[tuple[str, str]], surface: str) -> str | None:
    doc = _doc("d", text, spans)
    entities = {e.id: e for e in resolve_corpus([doc])}
    mention = next(m for m in doc.mentions if m.text == surface)
    return entities[mention.entity_id or ""].kb_id


def test_bare_name_in_a_syrian_article_is_the_ndf() -> None:
    text = "هاجمت قوات الدفاع الوطني مواقع المعارضة في حمص بسوريا، وقال مصدر سوري إن الهجوم فشل."
    spans = [("قوات الدفاع الوطني", "ORG"), ("حمص", "LOC"), ("سوريا", "GPE")]
    assert _kb_id(text, spans, "قوات الدفاع الوطني") == "kb:sy-ndf"


def test_bare_name_in_a_tunisian_article_is_not_the_syrian_militia() -> None:
    text = "قال وزير تونسي إن قوات الدفاع الوطني في تونس تحتاج إلى دعم، وصادق البرلمان التونسي على الميزانية."
    spans = [("قوات الدفاع الوطني", "ORG"), ("تونس", "GPE")]
    assert _kb_id(text, spans, "قوات الدفاع الوطني") != "kb:sy-ndf"
