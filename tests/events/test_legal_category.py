"""A definite act after 'crime of' / 'charge of' names a legal category, not an event."""

import datetime as dt

import pytest

from rasd.events import detect
from rasd.model import Document
from rasd.pipeline import create_stage


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("ذكرت النائبة أن جريمة الاغتصاب يجب أن تناقش داخل اللجان.", True),
        ("أدين الرجل بتهمة القتل العمد.", True),
        ("وقعت جريمة اغتصاب في المدينة أمس.", False),  # indefinite: a rape that happened
        ("قتل مسلحون ثلاثة مدنيين في هجوم على قرية.", False),
    ],
)
def test_names_a_category(text: str, category: bool) -> None:
    triggers = detect.find_triggers(text)
    assert triggers
    assert detect.names_a_category(text, triggers[0]) is category


def test_a_law_debate_yields_no_event() -> None:
    doc = Document(
        id="x", text="ذكرت النائبة أن جريمة الاغتصاب يجب أن تناقش داخل اللجان.", published=dt.date(2018, 4, 8)
    )
    for name in ("text", "ner", "link", "time", "quantity", "events"):
        doc = create_stage(name)(doc)
    assert doc.events == []
