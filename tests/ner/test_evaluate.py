"""Exact-span scoring against hand-computed examples, and CoNLL reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.ner.conll import ConllFormatError, iter_conll, read_conll
from rasd.ner.evaluate import score, spans


def test_spans_iob2_and_iob1() -> None:
    assert spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    assert spans(["I-PER", "I-PER", "I-LOC"]) == [(0, 2, "PER"), (2, 3, "LOC")]
    assert spans(["B-PER", "B-PER"]) == [(0, 1, "PER"), (1, 2, "PER")]
    assert spans(["O", "I-ORG"]) == [(1, 2, "ORG")]
    assert spans([]) == []


def test_hand_computed_scores() -> None:
    gold = [["B-PER", "I-PER", "O", "B-LOC", "O"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC", "O"], ["B-ORG", "I-ORG", "B-LOC"]]
    report = score(gold, pred)
    # gold: PER(0,2) LOC(3,4) ORG(0,2)  pred: PER(0,1) LOC(3,4) ORG(0,2) LOC(2,3)
    assert report.per_type["PER"].tp == 0
    assert report.per_type["LOC"].tp == 1 and report.per_type["LOC"].pred == 2
    assert report.per_type["ORG"].f1 == 1.0
    micro = report.micro
    assert (micro.tp, micro.gold, micro.pred) == (2, 3, 4)
    assert report.micro_f1 == pytest.approx(100 * 2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3))
    text = report.format()
    assert text.splitlines()[-1] == "micro_f1=57.14"
    assert "LOC" in text and "tokens_per_second=" in text


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([["O", "O"]], [["O"]])


@given(
    st.lists(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "I-LOC"]), max_size=12), max_size=5)
)
def test_perfect_prediction_scores_100(tags: list[list[str]]) -> None:
    report = score(tags, tags)
    if report.micro.gold:
        assert report.micro_f1 == pytest.approx(100.0)
    assert report.micro.tp == report.micro.gold == report.micro.pred


def test_reads_tabs_spaces_and_nested_columns(tmp_path: Path) -> None:
    path = tmp_path / "x.conll"
    path.write_text(
        "-DOCSTART- O\n\nزار B-PERS\nعلي I-PERS\n\nفي\tO\nمدينة\tB-GPE\tB-LOC\n$#$ O\n\n",
        encoding="utf-8",
    )
    sentences = list(iter_conll(path))
    assert [s.tokens for s in sentences] == [["زار", "علي"], ["في", "مدينة"]]
    assert read_conll(path) == [(["زار", "علي"], ["B-PER", "I-PER"]), (["في", "مدينة"], ["O", "B-LOC"])]


def test_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.conll"
    path.write_text("كلمة O\nوحيدة\n", encoding="utf-8")
    with pytest.raises(ConllFormatError, match=r"bad\.conll:2"):
        list(iter_conll(path))
