"""Property tests: the parser and the stage never crash and spans stay inside the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document
from rasd.quantity.numbers import find_numbers, scan
from rasd.quantity.stage import QuantityStage

WORDS = [
    "قتل",
    "مقتل",
    "بين",
    "و",
    "إلى",
    "من",
    "أكثر",
    "من",
    "نحو",
    "عشرات",
    "آلاف",
    "ألف",
    "مليون",
    "ثلاثة",
    "وعشرون",
    "مقاتلا",
    "جنديا",
    "بحسب",
    "قال",
    "المرصد",
    "إن",
    "،",
    ".",
    "%",
    "بالمئة",
    "1e309",
    "١٢٬٥٠٠",
    "12.500",
    "-",
    "أو",
    "على",
    "الأقل",
    "رقم",
    "عام",
    "2014",
    "فردين",
    "واحد",
    "نصف",
    "ونصف",
    "(",
    ")",
]
arabicish = st.text(
    alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲.,،٬٫%-+ eE/:قتلمنبيوالأإآةىئؤ")), max_size=80
)
phrases = st.lists(st.one_of(st.sampled_from(WORDS), st.integers(0, 10**20).map(str)), max_size=30).map(
    " ".join
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=120), arabicish, phrases))
def test_numbers_never_crash_and_spans_are_inside(text: str) -> None:
    for m in find_numbers(scan(text)):
        assert 0 <= m.start < m.end <= len(text)
        assert m.parsed or m.reason
        if m.parsed and m.value is not None:
            assert m.value == m.value  # not NaN


@settings(max_examples=200, deadline=None)
@given(st.one_of(arabicish, phrases))
def test_stage_never_crashes(text: str) -> None:
    doc = QuantityStage()(Document(id="p", text=text, source="س"))
    for q in doc.quantities:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.sentence_start is not None and q.sentence_start <= q.start
        assert q.parsed or q.unparsed_reason
        if q.min is not None and q.max is not None:
            assert q.min <= q.max
