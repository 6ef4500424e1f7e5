"""find_timexes on arbitrary input: never crashes, spans are exact slices of the original text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.time import find_timexes

_PIECES = [
    "أمس", "الأربعاء", "الماضي", "23", "مارس", "آب", "2014", "عام", "هـ", "منذ", "أكثر من", "أربعة", "أشهر",
    "الأسبوع", "المقبل", "صباح", "اليوم", "رمضان", "1435", "/", "(", ")", "٢٠١٤", "ـ", "\u064e", "\u200f",
    "الـ", "9999", "0", "31", "فبراير", "الثلاثين", "من", "قبل", "كل", "يوم", "الساعة", "99:99", " ",
    "\n", "،",
    "للعام", "الشتاء", "القرن", "الخمسينيات", "1e309", "9" * 500,
]  # fmt: skip

arabic_ish = st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join)
anchors = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))


def _check(text: str, published: dt.date | None) -> None:
    found = find_timexes(text, published, "p")
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.text == text[t.start : t.end]
        assert t.start >= previous_end  # sorted, never overlapping
        previous_end = t.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if published is None and t.anchored:
            assert t.value is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), anchors)
def test_arbitrary_unicode_never_crashes(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=300, deadline=None)
@given(arabic_ish, anchors)
def test_time_like_noise_never_crashes(text: str, published: dt.date | None) -> None:
    _check(text, published)
