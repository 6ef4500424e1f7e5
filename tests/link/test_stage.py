"""LinkStage over tokenised invented text."""

from __future__ import annotations

from rasd.link.stage import LinkStage
from rasd.model import Document, Mention
from rasd.text.stage import TextStage

TEXT = (
    "أعلن المشير خليفة حفتر أن قواته دخلت تاورغاء وبغداد وصور يوم الخميس، فيما دعت الأمم المتحدة "
    "وحلف شمال الأطلسي إلى التهدئة، وكتبت The Guardian أن حماة الوطن في الدولة يراقبون."
)


def test_stage_adds_confident_mentions_and_sets_keys() -> None:
    doc = TextStage()(Document(id="d1", text=TEXT))
    doc.mentions.append(Mention(id="d1:m0", start=12, end=22, text=TEXT[12:22], type="PER"))
    out = LinkStage()(doc)
    assert out.text == TEXT
    by_text = {m.text: m for m in out.mentions}
    assert by_text["خليفة حفتر"].source == "ner" and by_text["خليفة حفتر"].link_key == "kb:p-haftar"
    assert by_text["وبغداد"].source == "kb" and by_text["وبغداد"].link_key.startswith("geonames:")
    assert by_text["تاورغاء"].source == "kb"  # a curated place
    assert by_text["الأمم المتحدة"].link_key == "wikidata:Q1065"
    assert by_text["The Guardian"].type == "ORG"
    # Weekdays, "the state" and common words that are also place names are not added.
    assert not {"الخميس", "الدولة", "حماة", "حماة الوطن", "وصور"} & set(by_text)
    for m in out.mentions:
        assert out.text[m.start : m.end] == m.text and m.link_key


def test_stage_without_adding_only_links() -> None:
    doc = TextStage()(Document(id="d2", text=TEXT))
    LinkStage(add_missing=False)(doc)
    assert doc.mentions == []


def test_stage_is_cheap_to_construct_twice() -> None:
    a, b = LinkStage(), LinkStage()
    assert a.name == b.name == "link"


def test_clitic_glued_country_and_capital_acronyms() -> None:
    text = "وصل الوفد إلى طرابلس وليبيا تستعد، وقال مسؤول في PKK إن who يعرف."
    doc = LinkStage()(TextStage()(Document(id="d3", text=text)))
    found = {m.text: m for m in doc.mentions}
    assert found["وليبيا"].link_key == "wikidata:Q1016"
    assert found["PKK"].type == "ORG"
    assert "who" not in found
