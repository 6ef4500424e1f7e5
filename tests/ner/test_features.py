"""Feature extraction: clitics, shapes, robustness to diacritics and tatweel."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.ner.features import FeatureExtractor, Lexicon, shape, strip_clitics


def test_strip_clitics() -> None:
    assert strip_clitics("وفرنسا") == ("و", "فرنسا")
    assert strip_clitics("لحزب") == ("ل", "حزب")
    assert strip_clitics("والحكومه") == ("وال", "حكومه")
    assert strip_clitics("للحكومه") == ("لل", "حكومه")
    assert strip_clitics("وبالمدينه") == ("وبال", "مدينه")
    # short words keep their letters
    assert strip_clitics("ولد") == ("", "ولد")


def test_shapes() -> None:
    assert shape("باريس") == "ar"
    assert shape("Guardian") == "Lat"
    assert shape("BBC") == "LAT"
    assert shape("2024") == "num"
    assert shape("١٢٬٥٠٠") == "num"
    assert shape("،") == "punct"


def test_context_and_lexicon_features() -> None:
    lex = Lexicon(clusters={"باريس": ("7", "3")}, gazetteer={"باريس": ("LOC",)})
    fx = FeatureExtractor(lex)
    feats = fx.sentence(["قال", "الرئيس", "في", "باريس"])
    assert len(feats) == 4
    last = set(feats[3])
    assert {"w=باريس", "c0=7", "c1=3", "g=LOC", "-1:w=في", "-1:t=PLOC", "1:BOUND"} <= last
    assert "t=TPER" in feats[1] and "t=TSAY" in feats[0]
    assert "-1:BOUND" in feats[0]


def test_diacritics_and_tatweel_do_not_change_the_word() -> None:
    fx = FeatureExtractor()
    plain = set(fx.sentence(["محمد"])[0])
    marked = set(fx.sentence(["مُحَمَّـــد"])[0])
    assert marked - plain == {"diac"}
    assert plain - marked == set()


@given(st.lists(st.text(min_size=1, max_size=8), max_size=8))
def test_any_tokens_give_one_feature_list_each(tokens: list[str]) -> None:
    feats = FeatureExtractor().sentence(tokens)
    assert len(feats) == len(tokens)
    assert all(f and f[0] == "bias" for f in feats)
