"""A generic force name belongs to the article's country (the Syrian NDF is not Tunisia's army)."""

from __future__ import annotations

from rasd.link.resolve import resolve_corpus
from tests.link._support import doc


def _kb_id(text: str, spans: list[tuple[str, str]], surface: str) -> str | None:
    article = doc("d", text, spans)
    entities = {e.id: e for e in resolve_corpus([article])}
    mention = next(m for m in article.mentions if m.text == surface)
    return entities[mention.entity_id or ""].kb_id


def test_bare_name_in_a_syrian_article_is_the_ndf() -> None:
    text = "هاجمت قوات الدفاع الوطني مواقع المعارضة في حمص بسوريا، وقال مصدر سوري إن الهجوم فشل."
    spans = [("قوات الدفاع الوطني", "ORG"), ("حمص", "LOC"), ("سوريا", "GPE")]
    assert _kb_id(text, spans, "قوات الدفاع الوطني") == "kb:sy-ndf"


def test_bare_name_in_a_tunisian_article_is_not_the_syrian_militia() -> None:
    text = "قال وزير تونسي إن قوات الدفاع الوطني في تونس تحتاج إلى دعم، وصادق البرلمان التونسي على الميزانية."
    spans = [("قوات الدفاع الوطني", "ORG"), ("تونس", "GPE")]
    assert _kb_id(text, spans, "قوات الدفاع الوطني") != "kb:sy-ndf"
