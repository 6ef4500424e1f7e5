"""Training code on tiny invented data: it writes a loadable model that learned something."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.ner.evaluate import evaluate_file
from rasd.ner.model import load_model
from rasd.ner.train import split_dev


def test_split_dev_is_contiguous_and_seeded() -> None:
    sents = [([str(i)], ["O"]) for i in range(200)]
    train_a, dev_a = split_dev(sents, seed=1)
    train_b, dev_b = split_dev(sents, seed=1)
    assert dev_a == dev_b and train_a == train_b
    assert len(dev_a) + len(train_a) == 200 and 0 < len(dev_a) < 200
    ids = [int(t[0][0]) for t in dev_a]
    assert ids[:25] == list(range(ids[0], ids[0] + 25))  # chunks of contiguous sentences


def test_train_writes_model_and_metrics(tiny_model: Path) -> None:
    assert (tiny_model / "crf.crfsuite").stat().st_size > 0
    metrics = json.loads((tiny_model / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["seed"] == 3
    assert metrics["anercorp_dev_micro_f1"] > 80  # the tiny corpus is repetitive: easy to learn
    assert (tiny_model / "gazetteer.tsv.gz").exists()


def test_trained_model_predicts_unseen_combination(tiny_model: Path) -> None:
    model = load_model(f"crf:{tiny_model}")
    tags = model.predict_batch([["قال", "الوزير", "كريم", "منصور", "في", "دمشق", "."]])[0]
    assert tags[2:4] == ["B-PER", "I-PER"]
    assert tags[5] == "B-LOC"


def test_evaluate_file_last_line(tiny_model: Path, tiny_data: Path) -> None:
    report = evaluate_file(tiny_data / "ner" / "aqmar" / "dev.iob2", model=f"crf:{tiny_model}")
    lines = report.format().splitlines()
    assert lines[-1].startswith("micro_f1=")
    assert float(lines[-1].split("=")[1]) == pytest.approx(report.micro_f1, abs=0.01)
    assert any(line.startswith("PERS") for line in lines)  # ANERcorp names in the report
    assert report.tokens == 44


def test_build_clusters_on_tiny_text(tmp_path: Path) -> None:
    pytest.importorskip("fasttext")
    from rasd.ner.features import Lexicon
    from rasd.ner.train import build_clusters

    texts = ["ذهب سامي إلى دمشق ثم عاد إلى طرابلس مع ليلى ."] * 60
    info = build_clusters(tmp_path, tmp_path, seed=1, dim=8, epochs=1, sizes=(4, 2), texts=texts, min_count=2)
    lex = Lexicon.load(tmp_path)
    assert info["cluster_words"] == len(lex.clusters) > 0
    ids = lex.clusters["دمشق"]
    assert len(ids) == 2 and int(ids[0]) < 4 and int(ids[1]) < 2


def test_tail_dev_split_is_the_end_of_the_file() -> None:
    sents = [([f"w{i}"], ["O"]) for i in range(100)]
    train, dev = split_dev(sents, seed=1, mode="tail")
    assert dev == sents[90:] and train == sents[:90]
    with pytest.raises(ValueError):
        split_dev(sents, seed=1, mode="random")
