"""The neural student on tiny invented data: numpy inference matches torch, and it learns."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.ner.student import (
    LABELS,
    StudentNer,
    StudentVocab,
    constrained_viterbi,
    load_vectors,
    reverse_within,
    save_vectors,
)
from rasd.ner.transformer import allowed_transitions, viterbi


@pytest.fixture(scope="session")
def tiny_student(tiny_model: Path, tiny_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A student trained for a few epochs on the invented corpus, next to the tiny CRF's gazetteer."""
    pytest.importorskip("torch")
    from rasd.ner.student_train import train_student
    from rasd.ner.train import load_corpora

    out = tmp_path_factory.mktemp("student")
    for f in tiny_model.iterdir():
        if f.suffix == ".gz":
            shutil.copy(f, out / f.name)
    rng = np.random.default_rng(0)
    words = ["قال", "الوزير", "في", "إلى", "دمشق", "من", "."]
    save_vectors(out, [w for w in words], rng.normal(size=(len(words), 8)).astype(np.float32))
    sets = load_corpora(tiny_data, 3, ["anercorp"])
    cfg = {"student_hidden": 16, "student_epochs": 10, "student_char_filters": 16, "student_threads": 1}
    cfg.update(student_batch=4, student_lr=0.01, student_dropout=0.1, student_known_dim=8)
    train_student([sets["anercorp_train"]], out, cfg, seed=3)
    return out


def test_vectors_round_trip_int8(tmp_path: Path) -> None:
    vecs = np.array([[0.5, -1.0, 0.25], [3.0, 0.0, -3.0]], np.float32)
    save_vectors(tmp_path, ["سلام", "عليكم"], vecs)
    words, table = load_vectors(tmp_path)
    assert words == ["سلام", "عليكم"]
    assert np.allclose(table, vecs, atol=0.03)


def test_vocab_folds_diacritics_and_finds_stems() -> None:
    from rasd.ner.features import Lexicon

    vocab = StudentVocab(["حزب", "الامل"], "", Lexicon())
    plain, marked = vocab.ids("الامل"), vocab.ids("الامَـل")
    assert plain.word == marked.word == 2
    assert "diac" in [vocab.flags[i] for i in marked.flags]
    assert "diac" not in [vocab.flags[i] for i in plain.flags]
    glued = vocab.ids("وحزب")
    assert glued.word == 0 and glued.stem == 1  # و stripped: the stem has a vector


def test_numpy_forward_matches_torch(tiny_student: Path) -> None:
    from rasd.ner.student_train import torch_log_probs

    sentences = [
        ["قال", "الوزير", "سامي", "الخطيب", "في", "دمشق", "."],
        ["وصل", "ناصر", "إلى", "تونس"],
        ["The", "Guardian"],
    ]
    model = StudentNer(tiny_student)
    logp, lengths = model.log_probs(sentences)
    expected = torch_log_probs(tiny_student, sentences)
    for r, exp in enumerate(expected):
        assert np.allclose(logp[r, : lengths[r]], exp, atol=1e-4)


def test_student_learns_the_tiny_corpus(tiny_student: Path) -> None:
    model = StudentNer(tiny_student)
    tags = model.predict_batch([["قال", "الوزير", "كريم", "منصور", "في", "دمشق", "."], []])
    assert tags[0][2:4] == ["B-PER", "I-PER"]
    assert tags[0][5] == "B-LOC"
    assert tags[1] == []
    scored_tags, scores = model.predict_scored(["وصل", "رنا", "يوسف", "إلى", "طرابلس"])
    assert len(scores) == 5 and all(0.0 < s <= 1.0 for s in scores)
    assert scored_tags[1] == "B-PER"


def test_reverse_within_keeps_padding() -> None:
    x = np.arange(8).reshape(2, 4)
    out = reverse_within(x, np.array([4, 2]))
    assert out.tolist() == [[3, 2, 1, 0], [5, 4, 6, 7]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=6), st.integers(0, 10_000))
def test_batched_viterbi_equals_per_sentence(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    allowed = allowed_transitions(LABELS)
    t = max(lengths)
    logits = rng.normal(size=(len(lengths), t, len(LABELS)))
    logp = logits - np.log(np.exp(logits).sum(axis=-1, keepdims=True))
    paths = constrained_viterbi(logp, np.array(lengths), allowed)
    for r, n in enumerate(lengths):
        assert paths[r, :n].tolist() == viterbi(logp[r, :n], allowed)
        tags = [LABELS[j] for j in paths[r, :n]]
        for prev, cur in zip(["O", *tags], tags, strict=False):
            if cur.startswith("I-"):
                assert prev[2:] == cur[2:] and prev != "O"


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=150), min_size=1, max_size=200))
def test_length_groups_partition_the_sorted_sentences(lengths: list[int]) -> None:
    from rasd.ner.student import length_groups

    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    groups = length_groups(order, [lengths[i] for i in order])
    assert [i for g in groups for i in g] == order
    assert all(0 < len(g) <= 64 for g in groups)


def test_shipped_student_loads_and_tags_a_sentence() -> None:
    from rasd.ner.model import DEFAULT_SPEC, load_model

    assert DEFAULT_SPEC == "student"
    model = load_model(None)
    sentence = ["قال", "وزير", "الخارجية", "الأردني", "أيمن", "الصفدي", "في", "عمان", "."]
    tags = model.predict_batch([sentence])[0]
    assert tags[4:6] == ["B-PER", "I-PER"]
    assert tags[7] == "B-LOC"
