"""Optional feature groups, the per-model feature recipe, and silver (distillation) data plumbing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.ner.features import FEATURES_FILE, FeatureExtractor, Lexicon, write_feature_config
from rasd.ner.silver import _read, evidence

_SENT = ["قال", "الرئيس", "سامي", "الخطيب", "في", "دمشق", "."]


def _lexicon() -> Lexicon:
    return Lexicon(
        clusters={"دمشق": ("7", "3", "1"), "سامي": ("9", "4", "2")},
        gazetteer={"دمشق": ("LOC",), "سامي": ("PERN",)},
    )


def test_base_features_unchanged_without_extras() -> None:
    feats = FeatureExtractor(_lexicon()).sentence(_SENT)
    assert not any(f.startswith(("cb-", "cb+", "gb-", "gb+")) for fs in feats for f in fs)


def test_cluster_bigrams() -> None:
    feats = FeatureExtractor(_lexicon(), extra=["cbg"]).sentence(_SENT)
    assert "cb+=4|ar" in feats[2]  # سامي (coarse cluster 4) before an unclustered Arabic word
    assert "cb-=BOS|ar" in feats[0]
    assert "cb+=3|punct" in feats[5]  # دمشق before the full stop


def test_gazetteer_bigrams() -> None:
    feats = FeatureExtractor(_lexicon(), extra=["gbg"]).sentence(_SENT)
    assert "gb-=TPER|PERN" in feats[2]  # a title, then a known first name
    assert "gb+=PERN|-" in feats[2]
    assert not any(f.startswith("gb") for f in feats[4] if "-|-" in f)


def test_unknown_feature_group_rejected() -> None:
    with pytest.raises(ValueError, match="unknown NER feature groups"):
        FeatureExtractor(extra=["nope"])


def test_feature_recipe_round_trip(tmp_path: Path) -> None:
    write_feature_config(tmp_path, 2, ["gbg", "cbg"])
    assert json.loads((tmp_path / FEATURES_FILE).read_text(encoding="utf-8"))["extra"] == ["cbg", "gbg"]
    extractor = FeatureExtractor.for_model(tmp_path)
    assert extractor.extra == {"cbg", "gbg"} and extractor.window == 2
    assert FeatureExtractor.for_model(tmp_path / "missing").extra == frozenset()


def test_evidence_counts_gazetteer_and_trigger_hits() -> None:
    assert evidence(_SENT, _lexicon()) == 5  # قال (speech), الرئيس (title), سامي, في, دمشق
    assert evidence(["أكل", "الولد", "التفاحة"], _lexicon()) == 0


def test_silver_cache_file_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "s.conll"
    path.write_text("سامي\tB-PER\nوصل\tO\n\nدمشق\tB-LOC\n", encoding="utf-8")
    assert _read(path) == [(["سامي", "وصل"], ["B-PER", "O"]), (["دمشق"], ["B-LOC"])]


def test_training_with_gold_repeat_and_features(tiny_data: Path, tmp_path: Path) -> None:
    from rasd.ner.model import load_model
    from rasd.ner.train import train

    metrics = train(
        output_dir=tmp_path,
        data_dir=tiny_data,
        seed=3,
        config={
            "clusters": False,
            "student": False,
            "corpora": ["anercorp"],
            "max_iterations": 40,
            "gold_repeat": 2,
            "silver_sentences": 0,
            "features": ["cbg", "gbg"],
        },
    )
    assert metrics["anercorp_dev_micro_f1"] > 80
    model = load_model(f"crf:{tmp_path}")
    assert model.features.extra == {"cbg", "gbg"}  # type: ignore[attr-defined]
    tags = model.predict_batch([["قال", "الوزير", "كريم", "منصور", "في", "دمشق", "."]])[0]
    assert tags[2:4] == ["B-PER", "I-PER"]


def test_silver_reuses_a_longer_cached_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rasd.ner.silver import silver_sentences, teacher_fingerprint

    monkeypatch.setenv("RASD_CACHE", str(tmp_path))
    teacher = teacher_fingerprint(tmp_path / "no-model")
    (tmp_path / f"ner_silver_n3_s5_t{teacher}.conll").write_text(
        "سامي\tB-PER\n\nدمشق\tB-LOC\n\nقال\tO\n", encoding="utf-8"
    )
    # no e5 model and no data are needed: the first two sentences of the cached stream are returned
    got = silver_sentences(tmp_path / "no-data", tmp_path, tmp_path / "no-model", 2, seed=5)
    assert got == [(["سامي"], ["B-PER"]), (["دمشق"], ["B-LOC"])]


def test_silver_cache_is_keyed_by_the_teacher(tmp_path: Path) -> None:
    from rasd.ner.silver import teacher_fingerprint

    (tmp_path / "e5ner.npz").write_bytes(b"weights one")
    (tmp_path / "e5ner.json").write_text('{"decode": "argmax"}', encoding="utf-8")
    first = teacher_fingerprint(tmp_path)
    assert teacher_fingerprint(tmp_path) == first
    (tmp_path / "e5ner.json").write_text('{"decode": "viterbi"}', encoding="utf-8")
    second = teacher_fingerprint(tmp_path)
    (tmp_path / "e5ner.npz").write_bytes(b"weights two")
    assert len({first, second, teacher_fingerprint(tmp_path)}) == 3


def test_latin_name_runs_are_continued() -> None:
    from rasd.ner.model import extend_latin_names

    tokens = ["صحيفة", "The", "New", "York", "Times", "في", "Paris"]
    tags = ["O", "B-ORG", "O", "O", "O", "O", "O"]
    assert extend_latin_names(tokens, tags) == ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]
    # an Arabic word before a Latin one never starts a continuation
    assert extend_latin_names(["لندن", "Reuters"], ["B-LOC", "O"]) == ["B-LOC", "O"]
