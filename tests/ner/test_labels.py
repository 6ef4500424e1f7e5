"""The one label map: corpus tags -> Rasd types -> ANERcorp names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.ner.labels import map_tags, map_type, split_tag, to_anercorp


def test_type_names_across_corpora() -> None:
    assert map_type("PERS", "anercorp") == "PER"
    assert map_type("PER", "aqmar") == "PER"
    assert map_type("GPE", "wojood") == "LOC"
    assert map_type("FAC", "wojood") == "LOC"
    assert map_type("NORP", "wojood") is None
    assert map_type("DATE", "wojood") is None
    assert map_type("Politician", "newsfane") == "PER"
    assert map_type("Nation", "newsfane") == "LOC"
    assert map_type("Media", "newsfane") == "ORG"
    assert map_type("Book", "newsfane") == "MISC"


def test_iob1_becomes_iob2() -> None:
    assert map_tags(["I-PERS", "I-PERS", "O", "I-LOC"], "anercorp") == ["B-PER", "I-PER", "O", "B-LOC"]
    # a type change inside I- tags starts a new span
    assert map_tags(["I-ORG", "I-LOC"]) == ["B-ORG", "B-LOC"]
    # B- after B- of the same type keeps two spans
    assert map_tags(["B-PER", "B-PER", "I-PER"]) == ["B-PER", "B-PER", "I-PER"]


def test_dropped_types_become_o() -> None:
    assert map_tags(["B-DATE", "I-DATE", "B-GPE"], "wojood") == ["O", "O", "B-LOC"]


def test_back_to_anercorp_names() -> None:
    assert to_anercorp(["B-PER", "I-PER", "O", "B-GPE"]) == ["B-PERS", "I-PERS", "O", "B-LOC"]
    assert split_tag("B-PERS") == ("B", "PERS")
    assert split_tag("O") == ("O", None)


_TAGS = st.sampled_from(["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "I-ORG", "B-DATE", "I-NORP", "B-GPE"])


@given(st.lists(_TAGS, max_size=30))
def test_output_is_valid_iob2(tags: list[str]) -> None:
    out = map_tags(tags, "wojood")
    assert len(out) == len(tags)
    for i, tag in enumerate(out):
        if tag.startswith("I-"):
            assert i > 0 and out[i - 1] != "O" and out[i - 1][2:] == tag[2:]
