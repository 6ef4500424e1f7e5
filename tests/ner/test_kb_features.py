"""Opt-in feature groups from the project's own knowledge: KB phrases, nisba adjectives, name chains."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.ner.features import FeatureExtractor, Lexicon, clitic_variants, match_phrases
from rasd.ner.train import build_kb_phrases, train
from rasd.text.normalise import normalize


def _lexicon() -> Lexicon:
    lex = Lexicon(gazetteer={"رومانيا": ("LOC",), "طرابلس": ("LOC",)})
    lex.add_phrases(
        [
            ("حلف شمال الاطلسي", "ORG"),
            ("الناتو", "ORG"),
            ("حلف", "ORG"),
            ("البنك الاهلي", "ORG"),
            ("سامي الخطيب", "PER"),
            ("وادي النور", "PLACE"),
        ]
    )
    return lex


def _fold(words: str) -> list[str]:
    return [normalize(w).lower() for w in words.split()]


def test_clitic_variants_keep_the_article() -> None:
    assert clitic_variants("والناتو") == ("والناتو", "الناتو")
    assert clitic_variants("للبنك") == ("للبنك", "البنك")
    assert clitic_variants("وبالبنك") == ("وبالبنك", "بالبنك", "البنك")
    assert clitic_variants("ولد") == ("ولد",)


def test_longest_phrase_wins_and_clitics_only_on_the_first_word() -> None:
    lex = _lexicon()
    tags = match_phrases(_fold("اجتمع قادة حلف شمال الأطلسي أمس"), lex)
    assert tags == ["", "", "B-ORG", "I-ORG", "I-ORG", ""]
    assert match_phrases(_fold("قال حلف الناتو"), lex) == ["", "B-ORG", "B-ORG"]
    assert match_phrases(_fold("وأكد للبنك الأهلي"), lex) == ["", "B-ORG", "I-ORG"]
    # a clitic glued to a later word breaks the match
    assert match_phrases(_fold("سامي والخطيب"), lex) == ["", ""]
    tags = match_phrases(_fold("زار سامي الخطيب وادي النور"), lex)
    assert tags == ["", "B-PER", "I-PER", "B-PLACE", "I-PLACE"]


def test_kb_features_reach_the_neighbours() -> None:
    fx = FeatureExtractor(_lexicon(), extra=["kb"])
    feats = fx.sentence(["قال", "والناتو", "إن"])
    assert "1:kb=B-ORG" in feats[0]
    assert "0:kb=B-ORG" in feats[1]
    assert "-1:kb=B-ORG" in feats[2]
    plain = FeatureExtractor(_lexicon()).sentence(["قال", "والناتو", "إن"])
    assert not any("kb=" in f for fs in plain for f in fs)  # opt-in only


def test_nisba_of_a_known_place() -> None:
    fx = FeatureExtractor(_lexicon(), extra=["nisba"])
    feats = fx.sentence(["فاز", "نادي", "الأمل", "الروماني", "و", "الطرابلسية"])
    assert "nis" in feats[3] and "1:nis" in feats[2]
    assert "nis" in feats[5]
    assert "nis" not in feats[2]  # الامل is no place adjective


def test_chain_counts_words_after_a_head_until_a_break() -> None:
    fx = FeatureExtractor(_lexicon(), extra=["chain"])
    feats = fx.sentence(["قال", "مجلس", "الاحتياطي", "الاتحادي", "إن", "الوزير", "سامي", "،", "هنا"])
    chains = [next((f for f in fs if f.startswith("ch=")), "") for fs in feats]
    assert chains == ["", "", "ch=ORG1", "ch=ORG2", "", "", "ch=PER1", "", ""]


def test_unknown_group_is_refused() -> None:
    with pytest.raises(ValueError):
        FeatureExtractor(extra=["nope"])


_WORDS = ["حلف", "شمال", "الاطلسي", "والناتو", "سامي", "الخطيب", "x", "،"]


@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_phrase_tags_are_well_formed(words: list[str]) -> None:
    tags = match_phrases(words, _lexicon())
    assert len(tags) == len(words)
    for i, tag in enumerate(tags):
        if tag.startswith("I-"):
            assert i > 0 and tags[i - 1][2:] == tag[2:] and tags[i - 1] != ""


def test_build_kb_phrases_is_deterministic(tmp_path: Path) -> None:
    actors = tmp_path / "actors.jsonl"
    actors.write_text(
        json.dumps(
            {"type": "ORG", "name": "حركة الأمل", "aliases": ["الأمل الجديد", "ح"]}, ensure_ascii=False
        )
        + "\n"
        + json.dumps({"type": "GPE", "name": "دولة النور", "aliases": []}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    places = tmp_path / "places.jsonl"
    places.write_text(json.dumps({"names": ["وادي الريح"]}, ensure_ascii=False) + "\n", encoding="utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    assert build_kb_phrases(a, actors, places)["kb_phrases"] == 4  # the one-letter alias is dropped
    build_kb_phrases(b, actors, places)
    assert (a / "kb_phrases.tsv.gz").read_bytes() == (b / "kb_phrases.tsv.gz").read_bytes()
    with gzip.open(a / "kb_phrases.tsv.gz", "rt", encoding="utf-8") as handle:
        rows = dict(line.rstrip("\n").split("\t") for line in handle)
    assert rows["حركه الامل"] == "ORG" and rows["دوله النور"] == "GPE" and rows["وادي الريح"] == "PLACE"
    lex = Lexicon.load(a)
    assert match_phrases(_fold("قالت حركة الأمل"), lex) == ["", "B-ORG", "I-ORG"]


def test_training_with_the_new_groups_records_them(tiny_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "m"
    train(
        output_dir=out,
        data_dir=tiny_data,
        seed=3,
        config={
            "clusters": False,
            "student": False,
            "corpora": ["anercorp"],
            "max_iterations": 30,
            "silver_sentences": 0,
            "features": ["kb", "nisba", "chain"],
        },
    )
    assert (out / "kb_phrases.tsv.gz").exists()
    fx = FeatureExtractor.for_model(out)
    assert fx.extra == {"kb", "nisba", "chain"} and fx.lexicon.phrases


def test_shipped_model_uses_the_kb_group() -> None:
    from rasd.ner.model import default_model_dir, load_model

    fx = FeatureExtractor.for_model(default_model_dir())
    assert "kb" in fx.extra and fx.lexicon.phrases
    # an alias the KB lists: the round-3 default (no kb group) tagged it PER
    tokens = ["وأكد", "الناتو", "أن", "مهمته", "في", "أفغانستان", "مستمرة", "."]
    tags = load_model("crf").predict_batch([tokens])[0]
    assert tags[1] == "B-ORG" and tags[5] == "B-LOC"
