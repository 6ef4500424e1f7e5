"""Open-ended input: whatever the text, quotes point at the document exactly and stay in one paragraph."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.model import Document
from rasd.quotes import QuoteStage
from rasd.text.stage import TextStage

_PIECES = (
    "وقال الوزير",
    "قالت الوزارة في بيان",
    "إن",
    "أن",
    "وأضاف",
    "مشيرا إلى أن",
    "بحسب مصادر محلية",
    "وفقا لـ",
    "الحكومة ستعمل على حل الأزمة",
    "القوات تقدمت",
    "عملية",
    "غدا",
    ":",
    "،",
    ".",
    '"',
    "«",
    "»",
    "“",
    "”",
    "\n",
    "\n\n",
    "يذكر أن",
    "ونقلت الوكالة عن مسؤول قوله",
    "123",
    "ـ",
    "\u200f",
)

_texts = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), min_size=0, max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_quotes_point_at_the_text_and_never_cross_paragraphs(text: str) -> None:
    doc = TextStage()(Document(id="p", text=text))
    QuoteStage()(doc)
    assert doc.text == text  # a stage never changes the text
    bounds = [(p.start, p.end) for p in doc.paragraphs]
    previous_end = -1
    for q in sorted(doc.quotes, key=lambda q: q.start):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.text == q.text.strip()
        assert any(a <= q.start and q.end <= b for a, b in bounds), "a quote crossed a paragraph"
        assert q.start >= previous_end, "quotes overlap"
        previous_end = q.end
        if q.speaker_text is not None:
            assert q.speaker_text.strip()
