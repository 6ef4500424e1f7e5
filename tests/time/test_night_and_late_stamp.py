"""Nights named by their weekday, and a weekday that contradicts the paper's date stamp."""

import datetime as dt

import pytest

from rasd.time.recognise import find_timexes

SUNDAY = dt.date(2018, 4, 8)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("قتل ثلاثة أشخاص ليل الخميس في غارة.", "ليل الخميس", "2018-04-05TNI"),
        ("وقعت الغارة ليلة الخميس على البلدة.", "ليلة الخميس", "2018-04-05TNI"),
        ("وقع الانفجار مساء الخميس.", "مساء الخميس", "2018-04-05TEV"),
        # written on Saturday, stamped Sunday: the named weekday wins, up to three days back
        ("قال المتحدث اليوم السبت إن القصف توقف.", "اليوم السبت", "2018-04-07"),
        ("قال المتحدث أمس الجمعة إن القصف توقف.", "أمس الجمعة", "2018-04-06"),
        ("قال المتحدث اليوم الأحد إن القصف توقف.", "اليوم الأحد", "2018-04-08"),
        ("سيصل الوفد غدا الاثنين.", "غدا الاثنين", "2018-04-09"),
    ],
)
def test_values(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, SUNDAY)}
    assert found.get(expression) == value


def test_a_weekday_far_from_the_deictic_day_leaves_it_alone() -> None:
    # Thursday's paper: "أمس الجمعة" cannot be moved six days back; yesterday stays yesterday.
    found = {t.text: t.value for t in find_timexes("قال أمس الجمعة إن", dt.date(2015, 12, 24))}
    assert found["أمس الجمعة"] == "2015-12-23"


MONDAY = dt.date(2018, 4, 9)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("قتل ثلاثة أشخاص في اشتباكات وقعت نهاية الأسبوع.", "نهاية الأسبوع", "2018-W14-WE"),  # just past
        ("ستعقد القمة نهاية الأسبوع.", "نهاية الأسبوع", "2018-W15-WE"),
        ("يسافر اللاعبون في نهاية الأسبوع.", "نهاية الأسبوع", "2018-W15-WE"),
        (
            "من المقرر أن تفتتح الوزيرة المعرض الجديد في العاصمة التونسية يوم الخميس.",
            "يوم الخميس",
            "2018-04-12",
        ),
        ("أمهلت الحكومة المحتجين حتى نهاية الثلاثاء لمغادرة الساحة.", "الثلاثاء", "2018-04-10"),
        ("قتل ثلاثة أشخاص الخميس.", "الخميس", "2018-04-05"),
    ],
)
def test_monday_paper(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, MONDAY)}
    assert found.get(expression) == value


@pytest.mark.parametrize("text", ["وفي اليوم نفسه قتل شخصان.", "وفي اليوم ذاته أعلن الجيش"])
def test_the_same_day_is_not_today(text: str) -> None:
    assert find_timexes(text, MONDAY) == []
