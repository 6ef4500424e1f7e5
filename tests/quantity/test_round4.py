"""Round 4 (issue 5): classes of errors found on the fresh dev batch dev-seed37-r4.

Every sentence here is invented for the test; none comes from the news data.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.quantity._support import only, quantities


@pytest.mark.parametrize(
    "text",
    [
        "ضرب زلزال بقوة 5,8 درجات سواحل الجزيرة فجر اليوم.",
        "وكانت هزة قوتها 4.9 درجة على مقياس ريختر قد ضربت المدينة.",
        "وارتفعت الحرارة إلى 47 درجة مئوية في الجنوب.",
        "وتناولت الجلسة الانتهاكات التي وقعت في الفترة الممتدة من 1961 الى 1987 في البلاد.",
        "واجتمع الرئيس مع زعيم المعارضة قبل أن يجلس الثلاثة معا على طاولة واحدة.",
    ],
)
def test_not_counts(text: str) -> None:
    """Magnitudes and degrees, year ranges and a bare definite number word are no counts."""
    assert quantities(text) == []


def test_degrees_do_not_hide_the_toll() -> None:
    found = quantities("أودى زلزال قوته 6.1 درجة في شمال البلاد بحياة 84 شخصا على الأقل وأصاب المئات.")
    assert [(q.text, q.measure) for q in found] == [("84", "killed"), ("المئات", "injured")]
    assert found[0].qualifier == "at_least"


def test_definite_number_after_a_possessed_noun_still_counts() -> None:
    q = only("وفاض النهر وروافده الثلاثة على القرى المجاورة.")
    assert q.value == 3 and q.measure == "other"


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        # a casualty cue right after the figure beats a far one before it
        ("وأسفرت الحرب عن مقتل الآلاف من المدنيين وأجبرت أكثر من مليوني شخص على النزوح.", 2e6, "displaced"),
        # a noun ending in ة is no verb with a pronoun: "قضية" is not "قضى"
        ("وقال المحامي الذي يتابع قضية 14 مدعيا إن الحكم مهم.", 14, "other"),
        # "قد" before a plural casualty verb far after the group
        ("وكان 19 عنصرا من الجماعة المسلحة الموالية للجيش قد قتلوا أمس.", 19, "killed"),
        # funerals and burials count the dead
        ("وشارك الأهالي في جنازة جماعية لنحو 30 شخصا.", 30, "killed"),
        # "بحياة N" is a death toll even when its verb is far before
        ("وأودى الانفجار الذي وقع في سوق المدينة القديمة مساء بحياة 12 شخصا.", 12, "killed"),
        # people under treatment are wounded
        ("وقال المسؤول إن 25 شخصا يتلقون العلاج في المستشفى.", 25, "injured"),
        # a total before "تم القضاء عليهم" ending far after "العدد"
        (
            "ويبلغ العدد الجملي للعناصر الإرهابية الذين تم القضاء عليهم منذ بداية العملية 33 إرهابيا.",
            33,
            "killed",
        ),
        # currencies
        ("وأمرت المحكمة بمنح كل متضرر 20 ألف كرونة كتعويض.", 20000, "money"),
    ],
)
def test_measures(text: str, value: float, measure: str) -> None:
    found = [q for q in quantities(text) if q.value == value]
    assert len(found) == 1, [(q.text, q.value, q.measure) for q in quantities(text)]
    assert found[0].measure == measure


def test_share_of_treated_keeps_injured() -> None:
    found = quantities("وهناك 40 شخصا يتلقون العلاج منهم 9 ما زالوا في العناية المركزة.")
    assert [(q.value, q.measure) for q in found] == [(40, "injured"), (9, "injured")]


def test_accusative_thousands_is_vague() -> None:
    q = only("وقتل الزلزال رجلا وأصاب آلافا آخرين.")
    assert (q.value, q.min, q.max, q.qualifier, q.measure) == (1000, 1000, None, "vague", "injured")


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=1.0, max_value=9.9).map(lambda x: round(x, 1)))
def test_any_magnitude_is_no_count(magnitude: float) -> None:
    text = f"ضرب زلزال بقوة {magnitude} درجات المنطقة وأدى إلى مقتل 3 أشخاص."
    assert [(q.value, q.measure) for q in quantities(text)] == [(3, "killed")]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1900, max_value=2090), st.integers(min_value=1, max_value=10))
def test_any_year_range_is_no_count(first: int, span: int) -> None:
    assert quantities(f"في الفترة الممتدة من {first} الى {first + span} شهدت البلاد أحداثا.") == []


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # a noun in ة is no cue: "أسرة" is not "أسر" (captivity), "رحلة" is not "رحل"
        ("وقالت المنظمة إن 12 ألف أسرة تقريبا نزحت من المحافظة.", "displaced"),
        ("وذكر المصدر أن المسلحين هجروا قسريا 27 أسرة من القرية.", "displaced"),
        ("وكانت الطائرة في رحلة على متنها 140 راكبا.", "other"),
        ("وقال الطبيب إن 6 أشخاص فقط تلقوا العلاج.", "injured"),
    ],
)
def test_families_and_nouns_in_ta_marbuta(text: str, measure: str) -> None:
    assert only(text).measure == measure


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("وبعد توقيف ناشطين السبت، أوقفت الشرطة اثنين آخرين الأحد.", 2, "detained"),
        ("وقتل 8 طلبة في الهجوم على المدرسة.", 8, "killed"),
        ("وحصدت الألغام أرواح 300 مدني خلال العام.", 300, "killed"),
        ("كما أجلت السلطات أكثر من 500 شخص من القرى.", 500, "displaced"),
        ("ولقي نحو 60 تاجرا مصرعهم في الحملة.", 60, "killed"),
    ],
)
def test_people_nouns_and_cues(text: str, value: float, measure: str) -> None:
    q = only(text)
    assert (q.value, q.measure) == (value, measure)


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("وقالت الوزارة إن جنديين من الجيش قتلا في المعارك.", 2, "killed"),
        ("وكانت القوات قد قتلت يوم الأحد، خمسة من عناصر الحركة.", 5, "killed"),
        ("وقال مصدر إن أكثر من 30 عنصرا من #ميليشيات_المثال قتلوا في الغارات.", 30, "killed"),
    ],
)
def test_casualty_verbs_around_the_figure(text: str, value: float, measure: str) -> None:
    q = only(text)
    assert (q.value, q.measure) == (value, measure)


def test_glued_conjunction_number_word_continues_the_toll() -> None:
    found = quantities("وخلال اليومين الماضيين، قتل 15 متمردا وثلاثة مقاتلين من القوات الحكومية.")
    assert [(q.value, q.measure) for q in found] == [(15, "killed"), (3, "killed")]


def test_agents_of_a_killing_are_not_its_toll() -> None:
    q = only("وعاقبت الولاية شرطيين قتلا مواطنا أعزل.")
    assert q.measure != "killed"


@pytest.mark.parametrize(
    "text",
    [
        "وحكمت المحكمة على أربعة متهمين بالسجن 10 أعوام.",
        "وقضت المحكمة العسكرية بسجن 12 جنديا.",
        "كما قضت الدائرة بسجن 3 متهمين آخرين.",
    ],
)
def test_prison_sentences_are_not_arrests(text: str) -> None:
    """Guideline (round 4): a court sentence counts people but is neither an arrest nor troops."""
    assert [q.measure for q in quantities(text)] == ["other"]


def test_arrests_stay_detained() -> None:
    assert only("واعتقلت الشرطة 7 أشخاص في المدينة.").measure == "detained"


def test_drowning_is_death() -> None:
    found = quantities("وترك المهربون 120 مهاجرا في البحر، متسببين بغرق 30 منهم.")
    assert [(q.value, q.measure) for q in found] == [(120, "other"), (30, "killed")]  # migrants: round 6


def test_numbered_item_after_a_full_stop_is_no_count() -> None:
    assert quantities("زار الوزير المدينة عام 2016. 2. التكلفة: لم تعلن بعد.") == []
    assert [q.value for q in quantities("وارتفع عدد القتلى إلى 4.")] == [4]
