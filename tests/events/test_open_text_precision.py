"""Open-text false events: commemorations, natural disasters, accidents; no deaths for an agreement."""

import datetime as dt

import pytest

from rasd.model import Document
from rasd.pipeline import create_stage

STAGES = ("text", "ner", "link", "time", "quantity", "events")


def _events(text: str) -> list[tuple[str, str, int | None]]:
    doc = Document(id="x", text=text, published=dt.date(2018, 9, 11))
    for name in STAGES:
        doc = create_stage(name)(doc)
    return [(e.type, e.acled_event_type, e.fatalities) for e in doc.events]


@pytest.mark.parametrize(
    "text",
    [
        "أحيت البلاد، الثلاثاء، ذكرى مرور عشرين عاما على هجوم قتل فيه مئة شخص في العاصمة.",
        "قضى 30 شخصا على الأقل بعد ثوران بركان في جزيرة نائية.",
        "قالت الشرطة إن شاحنة صدمت خمسة مارة، ما أسفر عن مقتل شخص وإصابة أربعة آخرين.",
    ],
)
def test_no_conflict_event(text: str) -> None:
    assert _events(text) == []


def test_an_agreement_carries_no_deaths_from_its_sentence() -> None:
    found = _events(
        "قال النائب إن الحكومة وقعت اتفاقا مع الجارة، وانتقد التحقيق في تحطم طائرة أودى بحياة ضابطين."
    )
    assert all(fatalities is None for _, kind, fatalities in found if kind == "Strategic developments")


def test_shelling_still_counts_its_dead() -> None:
    assert _events("قتل خمسة مدنيين في قصف على بلدة قرب إدلب أمس.") == [
        ("shelling", "Explosions/Remote violence", 5)
    ]
