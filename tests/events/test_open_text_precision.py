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
        "ذكرت النائبة أن جريمة الاغتصاب يجب أن تناقش داخل اللجان.",  # a legal category
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


def test_a_building_named_after_a_place_is_not_the_event_place() -> None:
    from rasd.events import arguments as ar
    from rasd.model import Mention

    text = "انفجرت السيارة قرب فندق تيبستي وسط مدينة بنغازي، ونقل الجرحى إلى مستشفى الجلاء وبمستشفى الهواري."

    def building(word: str) -> bool:
        start = text.index(word)
        return ar.names_a_building(
            text, Mention(id="m", start=start, end=start + len(word), text=word, type="LOC")
        )

    assert building("تيبستي") and building("الجلاء") and building("الهواري")
    assert not building("بنغازي")


def test_a_plane_crash_is_no_attack() -> None:
    assert _events("قتل أكثر من مئة شخص في تحطم طائرة ركاب بعد إقلاعها من مطار العاصمة.") == []
