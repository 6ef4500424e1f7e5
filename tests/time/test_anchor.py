"""Anchor inference: a document without a publication date dates itself from its own text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document
from rasd.time import find_timexes
from rasd.time.anchor import infer_anchor
from rasd.time.evaluate import evaluate_timeml
from rasd.time.stage import TimeStage

THURSDAY = dt.date(2015, 12, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير أمس الجمعة إن الاجتماع انتهى.", dt.date(2015, 12, 19)),  # Saturday on or before
        ("يصل الوفد غدا الاثنين إلى العاصمة", dt.date(2015, 12, 20)),  # a Sunday
        ("افتتح المعرض اليوم الخميس في المدينة", THURSDAY),  # the default itself is a Thursday
        ("تفتتح بعد غد الثلاثاء دورة جديدة", dt.date(2015, 12, 20)),
        ("وقع الحادث أمس الأول الأحد", dt.date(2015, 12, 22)),
    ],
)
def test_weekday_cues_pick_the_latest_matching_day_on_or_before_the_default(
    text: str, expected: dt.date
) -> None:
    guess = infer_anchor(text, THURSDAY)
    assert (guess.value, guess.source, guess.inferred) == (expected, "weekday", True)
    assert guess.start is not None and guess.end is not None
    assert text[guess.start : guess.end].split()[0] in ("أمس", "غدا", "اليوم", "بعد")


def test_a_date_tied_to_today_needs_no_default() -> None:
    text = "أعلنت الوزارة اليوم الخميس 3 مارس 2016 عن خطة جديدة"
    guess = infer_anchor(text)
    assert (guess.value, guess.source) == (dt.date(2016, 3, 3), "dated-deictic")
    assert text[guess.start : guess.end] == "اليوم الخميس 3 مارس 2016"


def test_a_date_tied_to_yesterday_moves_back_one_day() -> None:
    guess = infer_anchor("وقعت الاشتباكات أمس الأربعاء 2 مارس 2016 قرب الحدود")
    assert guess.value == dt.date(2016, 3, 3)


def test_a_date_whose_weekday_disagrees_is_not_evidence() -> None:
    # 3 March 2016 was a Thursday, not a Monday: only the weekday cue remains
    guess = infer_anchor("أعلن اليوم الاثنين 3 مارس 2016 عن الخطة", THURSDAY)
    assert (guess.value, guess.source) == (dt.date(2015, 12, 21), "weekday")


def test_dateline_on_the_first_line() -> None:
    text = "الخميس 24 ديسمبر 2015\nقال المتحدث إن الوفد وصل."
    assert infer_anchor(text).value == THURSDAY
    assert infer_anchor(text).source == "dateline"


def test_without_cues_the_default_is_used_and_not_marked_inferred() -> None:
    assert infer_anchor("لا تاريخ في هذا النص", THURSDAY) == infer_anchor("لا تاريخ في هذا النص", THURSDAY)
    guess = infer_anchor("لا تاريخ في هذا النص", THURSDAY)
    assert (guess.value, guess.inferred, guess.source) == (THURSDAY, False, "default")
    assert infer_anchor("لا تاريخ في هذا النص").value is None
    assert infer_anchor("قال أمس الجمعة").value is None  # a weekday alone names no date


def test_weekday_cues_vote() -> None:
    text = "قال أمس الجمعة إن ... وأضاف اليوم السبت ... ثم قال غدا الاثنين"
    assert infer_anchor(text, THURSDAY).value == dt.date(2015, 12, 19)  # two votes for Saturday


def test_today_meaning_the_day_in_general_is_not_a_cue() -> None:
    assert infer_anchor("كان اليوم الأول من المهرجان ناجحا", THURSDAY).source == "default"


_CUES = {"أمس": -1, "اليوم": 0, "غدا": 1, "بعد غد": 2, "أمس الأول": -2}
_DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@settings(max_examples=60, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.sampled_from(sorted(_CUES)),
    st.integers(min_value=0, max_value=6),
)
def test_inferred_anchor_makes_the_cue_consistent(default: dt.date, cue: str, weekday: int) -> None:
    """Whatever the default, the named weekday falls on anchor + offset, within a week before it."""
    text = f"قال المتحدث {cue} {_DAYS[weekday]} إن الوفد وصل"
    guess = infer_anchor(text, default)
    assert guess.value is not None
    assert 0 <= (default - guess.value).days <= 6
    assert (guess.value + dt.timedelta(days=_CUES[cue])).weekday() == weekday
    found = find_timexes(text, guess.value)
    assert found and found[0].value == (guess.value + dt.timedelta(days=_CUES[cue])).isoformat()


def test_stage_infers_only_without_a_publication_date() -> None:
    text = "وصل الوفد أمس الجمعة، ويغادر غدا"
    stage = TimeStage(infer_anchor=True, default_anchor="2015-12-24")
    doc = stage(Document(id="a", text=text))
    assert doc.metadata["time_anchor"] == {
        "value": "2015-12-19",
        "inferred": True,
        "source": "weekday",
        "evidence": [10, 20],
    }
    assert [(t.text, t.value) for t in doc.timexes] == [("أمس الجمعة", "2015-12-18"), ("غدا", "2015-12-20")]
    published = stage(Document(id="b", text=text, published=dt.date(2020, 5, 2)))
    assert "time_anchor" not in published.metadata
    assert published.timexes[0].value == "2020-05-01"


def test_stage_without_inference_keeps_relative_values_empty() -> None:
    doc = TimeStage()(Document(id="c", text="وصل الوفد أمس الجمعة"))
    assert doc.timexes[0].value is None and "time_anchor" not in doc.metadata


def test_evaluator_infers_from_text_never_from_gold(tmp_path: Path) -> None:
    # the gold value disagrees with the text's own cue: inference must follow the text
    (tmp_path / "doc1.tml").write_text(
        '<TimeML>قال <TIMEX3 tid="t1" type="DATE" value="2015-12-23">أمس الجمعة</TIMEX3> إن</TimeML>',
        encoding="utf-8",
    )
    fixed = evaluate_timeml(tmp_path, THURSDAY, infer=False, splits_to_run=("dev",))
    inferred = evaluate_timeml(tmp_path, THURSDAY, infer=True, splits_to_run=("dev",))
    assert fixed.splits["dev"].value_correct == 1
    assert inferred.splits["dev"].value_correct == 0
    assert inferred.inferred == {"doc1": "weekday 2015-12-19"}
    assert "test" not in inferred.splits


_PIECES = ["اليوم", "أمس", "غدا", "بعد غد", "الخميس", "الجمعة", "يوم", "3", "31", "فبراير", "مارس", "2016",
           "0000", "رمضان", "،", "\n", " ", "-", "ـ", "\u064e", "٢٠١٦", "99"]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=20).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 31))),
)
def test_inference_never_crashes_and_points_into_the_text(text: str, default: dt.date | None) -> None:
    guess = infer_anchor(text, default)
    if guess.start is not None:
        assert guess.end is not None and 0 <= guess.start < guess.end <= len(text)
    if default is not None:
        assert guess.value is not None
    if not guess.inferred:
        assert guess.value == default
