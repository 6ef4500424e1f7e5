"""Constrained IOB2 decoding of the e5 mode's per-word scores (numpy only)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from rasd.ner.transformer import LABELS, allowed_transitions, viterbi

ALLOWED = allowed_transitions(LABELS)
IDX = {lab: i for i, lab in enumerate(LABELS)}


def _valid(path: list[int]) -> bool:
    prev = "O"
    for i in path:
        lab = LABELS[i]
        if lab.startswith("I-") and (prev == "O" or prev[2:] != lab[2:]):
            return False
        prev = lab
    return True


def test_transition_mask() -> None:
    start = len(LABELS)
    assert not ALLOWED[start, IDX["I-PER"]] and ALLOWED[start, IDX["B-PER"]]
    assert not ALLOWED[IDX["O"], IDX["I-LOC"]]
    assert ALLOWED[IDX["B-LOC"], IDX["I-LOC"]] and ALLOWED[IDX["I-LOC"], IDX["I-LOC"]]
    assert not ALLOWED[IDX["B-ORG"], IDX["I-LOC"]]
    assert ALLOWED[IDX["I-ORG"], IDX["B-ORG"]] and ALLOWED[IDX["O"], IDX["O"]]


def test_stray_inside_tag_is_joined_to_the_span_it_continues() -> None:
    # word 0 leans B-PER, word 1 leans O only slightly over I-PER, word 2 strongly I-PER:
    # argmax gives B-PER O I-PER (a broken span); the constrained path keeps one PER span.
    logits = np.full((3, len(LABELS)), -5.0, dtype=np.float32)
    logits[0, IDX["B-PER"]] = 4.0
    logits[1, IDX["O"]], logits[1, IDX["I-PER"]] = 2.0, 1.8
    logits[2, IDX["I-PER"]] = 4.0
    assert [LABELS[i] for i in logits.argmax(axis=1)] == ["B-PER", "O", "I-PER"]
    assert [LABELS[i] for i in viterbi(logits, ALLOWED)] == ["B-PER", "I-PER", "I-PER"]


def test_empty_sentence() -> None:
    assert viterbi(np.zeros((0, len(LABELS)), dtype=np.float32), ALLOWED) == []


@settings(max_examples=200, deadline=None)
@given(
    arrays(
        np.float32, st.tuples(st.integers(1, 12), st.just(len(LABELS))), elements=st.floats(-8, 8, width=32)
    )
)
def test_viterbi_path_is_valid_iob2_and_agrees_with_a_valid_argmax(logits: np.ndarray) -> None:
    path = viterbi(logits, ALLOWED)
    assert len(path) == len(logits) and _valid(path)
    greedy = [int(i) for i in logits.argmax(axis=1)]
    if _valid(greedy):
        # with no constraint to enforce, the best path is the per-word best (up to ties)
        chosen = sum(float(logits[t, i] - np.logaddexp.reduce(logits[t])) for t, i in enumerate(path))
        best = sum(float(logits[t, i] - np.logaddexp.reduce(logits[t])) for t, i in enumerate(greedy))
        assert abs(chosen - best) < 1e-3
