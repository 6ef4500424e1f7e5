"""The NER stage: mentions at exact offsets into the original text."""

from __future__ import annotations

from pathlib import Path

import pytest

from rasd.model import Document
from rasd.ner.stage import NerStage
from rasd.text.stage import TextStage


def _run(text: str, model: str | None) -> Document:
    doc = TextStage()(Document(id="d1", text=text))
    return NerStage(model=model)(doc)


def _check_offsets(doc: Document) -> None:
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.text == m.text.strip() and m.source == "ner"
        assert 0.0 <= m.score <= 1.0


def test_offsets_with_diacritics_tatweel_and_nbsp(tiny_model: Path) -> None:
    text = "قال\u00a0الوزير كـــريم مَنْصُور في دمشق. وصل سامي الخطيب إلى تونس أمس."
    doc = _run(text, f"crf:{tiny_model}")
    _check_offsets(doc)
    found = {(m.text, m.type) for m in doc.mentions}
    assert ("كـــريم مَنْصُور", "PER") in found
    assert ("دمشق", "LOC") in found
    assert ("سامي الخطيب", "PER") in found
    assert [m.id for m in doc.mentions] == [f"d1:m{i}" for i in range(len(doc.mentions))]
    assert doc.text == text  # the stage never changes the text


def test_same_mentions_with_or_without_marks(tiny_model: Path) -> None:
    plain = _run("قال الوزير ليلى حداد في الرباط إن حزب الأمل سيشارك.", f"crf:{tiny_model}")
    marked = _run("قال الوزير لَيلى حـداد في الرّباط إن حزب الأمل سيشارك.", f"crf:{tiny_model}")
    assert [m.type for m in plain.mentions] == [m.type for m in marked.mentions]
    assert len(plain.mentions) >= 2


def test_stage_runs_text_stage_when_needed(tiny_model: Path) -> None:
    doc = NerStage(model=f"crf:{tiny_model}")(Document(id="d2", text="وصل ناصر الحربي إلى عمان أمس."))
    assert doc.tokens and doc.sentences
    _check_offsets(doc)
    assert any(m.type == "PER" for m in doc.mentions)


def test_empty_document() -> None:
    doc = NerStage()(Document(id="e", text=""))
    assert doc.mentions == []


def test_unknown_model_spec_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown NER model"):
        NerStage(model="nonsense-model")(Document(id="x", text="نص"))
