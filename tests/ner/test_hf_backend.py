"""The optional Hugging Face backend, on a tiny randomly initialised model built on the fly."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from rasd.model import Document  # noqa: E402
from rasd.ner.stage import NerStage  # noqa: E402

LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


@pytest.fixture(scope="module")
def tiny_hf_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hf")
    words = ["قال", "سامي", "في", "دمشق", "وفرنسا", "The", "Guardian", "."]
    (out / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *words, "##ا"]) + "\n", encoding="utf-8"
    )
    tokenizer = transformers.BertTokenizerFast(vocab_file=str(out / "vocab.txt"), do_lower_case=False)
    config = transformers.BertConfig(
        vocab_size=tokenizer.vocab_size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, num_labels=len(LABELS), id2label=dict(enumerate(LABELS)),
        label2id={lab: i for i, lab in enumerate(LABELS)},
    )  # fmt: skip
    transformers.set_seed(0)
    transformers.BertForTokenClassification(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def test_stage_with_hf_backend(tiny_hf_model: Path) -> None:
    text = "قال سامي في دمشق وفرنسا The Guardian ."
    stage = NerStage(model=f"transformers:{tiny_hf_model}")
    doc = stage(Document(id="h", text=text))
    tags, scores = stage.model.predict_scored([t.text for t in doc.tokens])
    assert len(tags) == len(scores) == len(doc.tokens)
    assert all(t == "O" or t[2:] in {"PER", "LOC", "ORG", "MISC"} for t in tags)  # PERS mapped to PER
    for m in doc.mentions:
        assert doc.text[m.start : m.end] == m.text
        assert m.type in {"PER", "LOC", "ORG", "MISC"}


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        NerStage(model=f"transformers:{tmp_path / 'absent'}")(Document(id="a", text="نص قصير"))
