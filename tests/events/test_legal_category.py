"""A definite act after 'crime of' / 'charge of' names a legal category, not an event."""

import pytest

from rasd.events import detect


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
