"""Round 6 error classes from the real-news audits (sentences invented for these tests)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.time.recognise import _key, find_timexes

SATURDAY = dt.date(2017, 2, 4)
WEDNESDAY = dt.date(2018, 4, 18)


def values(text: str, published: dt.date = WEDNESDAY) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_timexes(text, published)]


def test_lexicon_words_starting_with_lam_are_not_split_articles() -> None:
    assert _key("ليل") == "ليل"
    assert _key("ليله") == "ليله"
    assert _key("لعام") == "العام"  # "للعام": the preposition ل before the article


def test_tonight_gives_a_clock_time_its_day_and_evening() -> None:
    found = values("تقام الليلة انطلاقا من الساعة الثامنة في الملعب البلدي مباراة الترتيب", SATURDAY)
    assert found == [("الليلة", "2017-02-04TNI"), ("الساعة الثامنة", "2017-02-04T20:00")]


def test_a_night_named_earlier_in_the_sentence_sets_the_clock() -> None:
    found = dict(values("قتل ثلاثة أشخاص في ليل الخميس عند الساعة العاشرة في قصف على القرية"))
    assert found["الساعة العاشرة"] == "2018-04-12T22:00"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وقع الانفجار الساعة الثانية ليلا", "XXXX-XX-XXT02:00"),
        ("وقع الانفجار الساعة العاشرة ليلا", "XXXX-XX-XXT22:00"),
    ],
)
def test_small_hours_of_the_night_stay_after_midnight(text: str, value: str) -> None:
    assert values(text)[0][1] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("أحرقت سيارتان خلال شهري أكتوبر ونوفمبر 2016 في الضاحية.", "أكتوبر", "2016-10"),
        ("تراجعت الصادرات بين ديسمبر ويناير 2016 بشكل حاد.", "ديسمبر", "2015-12"),
        ("أقيم المعرض من 3 مارس إلى 5 أبريل 2015 في العاصمة.", "3 مارس", "2015-03-03"),
        ("زار الوفد البلاد في 12 مارس و15 أبريل 2016.", "12 مارس", "2016-03-12"),
    ],
)
def test_a_month_listed_before_a_dated_one_takes_its_year(text: str, expression: str, value: str) -> None:
    assert dict(values(text))[expression] == value


def test_a_month_alone_keeps_the_publication_year() -> None:
    assert values("أحرقت سيارتان في أكتوبر في الضاحية.", dt.date(2017, 1, 26)) == [("أكتوبر", "2017-10")]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        (
            "تجري الانتخابات العامة في نوفمبر 2019 على أن يسبقها اقتراع بلدي في آذار/مارس من العام نفسه.",
            "آذار/مارس من العام نفسه",
            "2019-03",
        ),
        ("افتتح الجسر في مايو 2009 ثم أغلق في 3 سبتمبر من نفس العام.", "3 سبتمبر من نفس العام", "2009-09-03"),
        ("أغلق الجسر في سبتمبر من العام ذاته.", "سبتمبر من العام ذاته", None),  # no year named before
    ],
)
def test_the_same_year_is_the_year_named_before(text: str, expression: str, value: str | None) -> None:
    assert dict(values(text))[expression] == value


def test_the_year_before_an_event_is_not_the_year_before_publication() -> None:
    assert values("وفي العام السابق على الانتخابات تراجع الاقتصاد.") == []
    found = values("ووقعت الحادثة في مارس 2015 وهو العام السابق على انتخاب الحاكم.")
    assert found == [("مارس 2015", "2015-03"), ("العام السابق", "2015")]
    assert values("تراجع الاقتصاد في العام السابق.") == [("العام السابق", "2017")]


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        # a Sunday paper: readiness looks ahead to the coming Tuesday
        (
            "أكد الطبيب أن المهاجم جاهز للمشاركة في مباراة الثلاثاء أمام الضيوف.",
            dt.date(2018, 6, 17),
            "الثلاثاء",
            "2018-06-19",
        ),
        ("يواصل الفريق تدريباته استعدادا لمواجهة الأحد.", dt.date(2018, 6, 13), "الأحد", "2018-06-17"),
        # a scheduling word reaches a weekday set off by commas
        ("ومن المقرر أن تفتح الوزارة، الاثنين، مكتبا جديدا.", dt.date(2018, 5, 13), "الاثنين", "2018-05-14"),
        # but a comma-set weekday after a past verb stays past
        ("وقال الوزير، الاثنين، إن الحكومة ستعقد اجتماعا.", dt.date(2018, 5, 16), "الاثنين", "2018-05-14"),
    ],
)
def test_weekdays_about_coming_days(text: str, published: dt.date, expression: str, value: str) -> None:
    assert dict(values(text, published))[expression] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("يحتفل السكان بالأربعاء الأحمر في الربيع.", "الأربعاء الأحمر", "XXXX-WXX-3"),
        ("ويصادف العيد الأربعاء الأول من شهر نيسان في كل عام.", "الأربعاء", "XXXX-WXX-3"),
        ("وفي صباح الثلاثاء الذي يسبق العيد يزور الناس المقابر.", "صباح الثلاثاء", "XXXX-WXX-2TMO"),
        ("تفتح السوق الأسبوعية الأربعاء من كل أسبوع.", "الأربعاء", "XXXX-WXX-3"),
        ("يحتفل الأهالي في 21 مارس في كل عام بعيد الأم.", "21 مارس", "XXXX-03-21"),
    ],
)
def test_named_recurring_or_event_relative_days_are_not_this_week(
    text: str, expression: str, value: str
) -> None:
    assert dict(values(text))[expression] == value


def test_a_weekday_in_one_clause_is_not_made_recurring_by_the_next() -> None:
    assert dict(values("وقال الوزير الثلاثاء إن الاجتماعات تعقد كل أسبوع."))["الثلاثاء"] == "2018-04-17"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بلغ التضخم 5 بالمائة سنة 2016 و4.6 في المائة سنة 2017.",
            [("سنة 2016", "2016"), ("سنة 2017", "2017")],
        ),
        ('أجرت الصحافية التي تعمل في "تلفزيون الآن" تحقيقا.', []),
        ("ولم تعلن أي جهة مسؤوليتها حتى الآن.", [("الآن", "PRESENT_REF")]),
        ('هو إله البحر الذي يدعى "أغسطس" في الأسطورة.', []),
        ("سجل المهاجم هدفين في الدقيقتين 19 و87 من اللقاء.", []),
        ("بقي الوفد في المدينة اليومين الماضيين.", [("اليومين الماضيين", "P2D")]),
        ("حرب المائة عام بين البلدين.", [("المائة عام", "P100Y")]),
    ],
)
def test_words_that_are_not_time_expressions(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بعد محاولة الانقلاب ليل 15 إلى 16 يوليو 2016.", ("ليل 15", "2016-07-15TNI")),
        ("وقع الهجوم مساء 15 يوليو 2016.", ("مساء 15 يوليو 2016", "2016-07-15TEV")),
        ("وقع الهجوم صباح يوم 2 مارس 2016.", ("صباح يوم 2 مارس 2016", "2016-03-02TMO")),
        ("شهدت المدينة في القرنين الثامن عشر والتاسع عشر ازدهارا.", ("القرنين الثامن عشر", "17")),
    ],
)
def test_spans_of_parts_of_dated_days_and_centuries(text: str, expected: tuple[str, str]) -> None:
    assert expected in values(text)


@given(st.sampled_from(["أكتوبر", "نوفمبر", "مارس", "يونيو"]), st.integers(min_value=1990, max_value=2030))
def test_listed_months_share_the_year_of_the_last(first: str, year: int) -> None:
    found = dict(values(f"تراجعت المبيعات خلال شهري {first} وديسمبر {year} في الأسواق."))
    assert (found[first] or "").startswith(str(year))


def test_later_in_a_past_story_is_not_a_future_reference() -> None:
    assert values("وقال الرئيس لاحقا إن الحريق أخمد.") == []


def test_a_name_before_a_comma_set_weekday_is_not_a_future_verb() -> None:
    # "ستيفن" has the shape of a future verb; the comma keeps it out of the weekday's clause
    found = values("وذكر الوزير ستيفن، الخميس، أن الخطة جاهزة.", dt.date(2018, 8, 17))
    assert found == [("الخميس", "2018-08-16")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("تجتمع اللجنة يوم الثلاثاء 6 جوان 2017 على الساعة التاسعة ليلا.", "2017-06-06T21:00"),
        ("دخل المفتشون المكاتب مساء الجمعة في الثامنة ليلا.", "2018-04-13T20:00"),
    ],
)
def test_clock_times_at_night_are_recognised(text: str, value: str) -> None:
    assert values(text)[-1][1] == value


def test_the_same_year_may_be_named_in_the_paragraph_before() -> None:
    text = "وفي ديسمبر عام 2017 طالب الادعاء بسجن اللاعب.\nوفي يونيو من ذات العام اعتقلت السلطات النقابي."
    assert ("يونيو من ذات العام", "2017-06") in values(text)


APRIL_PAPER = dt.date(2018, 4, 11)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("تراجعت الليرة إلى أدنى مستوى لها منذ نوفمبر.", "نوفمبر", "2017-11"),
        ("عين النادي المدرب في أكتوبر خلفا لسلفه.", "أكتوبر", "2017-10"),
        ("سيقترح الرئيس تخفيضات ضريبية قبل نوفمبر.", "نوفمبر", "2018-11"),
        ("تجري الانتخابات النصفية في نوفمبر.", "نوفمبر", "2018-11"),  # present tense: kept
        ("ومن المتوقع أن تنتهي الأشغال في ديسمبر.", "ديسمبر", "2018-12"),
        ("يلتقي الفريقان في الثامن من مايو.", "الثامن من مايو", "2018-05-08"),  # near: kept
        ("وقع الاتفاق في مايو.", "مايو", "2018-05"),  # a month ahead: the publication year
        ("سنعرف ذلك قريبا، ربما في أكتوبر.", "أكتوبر", "2018-10"),  # a doubt keeps the year
        ("لأن شهر ديسمبر لا يمكن تنظيم الانتخابات خلاله.", "شهر ديسمبر", "2018-12"),
    ],
)
def test_a_month_without_a_year_follows_the_tense(text: str, expression: str, value: str) -> None:
    assert dict(values(text, APRIL_PAPER))[expression] == value


def test_a_month_far_back_in_a_future_clause_is_next_year() -> None:
    assert values("سيزور الرئيس البلاد في فبراير.", dt.date(2018, 11, 20)) == [("فبراير", "2019-02")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وكان من المتوقع أن يبدأ الفريق عمله الأحد، إلا أنه تأخر.", "2018-04-15"),  # a past expectation
        ("وكان من المقرر أن تعقد القمة الأحد لكنها أرجئت.", "2018-04-15"),
        ("ومن المتوقع أن يبدأ الفريق عمله الأحد.", "2018-04-22"),
    ],
)
def test_plans_of_the_past_do_not_look_ahead(text: str, value: str) -> None:
    assert dict(values(text, dt.date(2018, 4, 16)))["الأحد"] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أخليت الحديقة عندئذ من الزوار.", [("عندئذ", "PAST_REF")]),
        (
            "يدفع النزيل إيجارا أسبوعيا وآخر إيجار أسبوعي قيمته مئة دينار.",
            [("أسبوعيا", "P1W"), ("أسبوعي", "P1W")],
        ),
        ("سيوفر البرنامج فرصا كثيرة في المرحلة المقبلة.", [("المرحلة المقبلة", "FUTURE_REF")]),
        ('وفق ما أورده موقع "المصري اليوم" فإن اللوحات سرقت.', []),
        ("ونقلت صحيفة «تونس اليوم» الخبر.", []),
        ('قال المدرب: "سنلعب اليوم".', [("اليوم", "2018-04-18")]),  # quoted speech, not a title
    ],
)
def test_recall_spot_check_classes(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قررت النيابة حبسه، على أن يستأنف التحقيق يومي الأحد والاثنين المقبلين.",
            [("الأحد", "2018-08-26"), ("الاثنين المقبلين", "2018-08-27")],
        ),
        (
            "اجتمع الطرفان يومي الأحد والاثنين الماضيين.",
            [("الأحد", "2018-08-19"), ("الاثنين الماضيين", "2018-08-20")],
        ),
    ],
)
def test_weekday_pairs_with_a_dual_relation(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, dt.date(2018, 8, 24)) == expected


def test_throughout_the_day_is_a_day_long_duration() -> None:
    assert values("يتتبع الجهاز السعرات الحرارية على مدار اليوم.") == [("اليوم", "P1D")]
    assert values("تواصل القصف طوال اليوم.") == [("اليوم", "2018-04-18")]


MONDAY_JULY = dt.date(2018, 7, 9)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يواجه المنتخب الأول الثلاثاء نظيره في نصف النهائي.", "2018-07-10"),
        ("وتستكمل المرحلة الثلاثاء بثلاث مباريات.", "2018-07-10"),
        ("ومن المحتمل أن يلعب الحارس، عندما يحل الفريق ضيفا على جاره، الثلاثاء.", "2018-07-10"),
        # the perfect tells the past; so do a relative clause, "كان" and "بعد"
        ("واجه المنتخب الأول الثلاثاء نظيره في نصف النهائي.", "2018-07-03"),
        ("تغلب المنتخب على ضيفه الثلاثاء.", "2018-07-03"),
        ("أعلنت اللجنة التي يهيمن عليها المحافظون الثلاثاء نتائج التحقيق.", "2018-07-03"),
        ("وكان الخبراء يرتقبون العرض الثلاثاء.", "2018-07-03"),
        ("ويأتي الاجتماع بعد ضربات نفذتها الطائرات الثلاثاء.", "2018-07-03"),
    ],
)
def test_a_clause_opening_with_a_present_verb_looks_ahead(text: str, value: str) -> None:
    assert [v for _, v in values(text, MONDAY_JULY)] == [value]


def test_days_of_the_week_in_general_are_not_dated() -> None:
    found = values("تسير الشركة رحلتين أيام الثلاثاء والخميس.", MONDAY_JULY)
    assert found[0] == ("الثلاثاء", "XXXX-WXX-2")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "أوقف المشتبه به في الثاني من الشهر الجاري.",
            dt.date(2017, 5, 13),
            ("الثاني من الشهر الجاري", "2017-05-02"),
        ),
        ("وصل الوفد يوم 20 من الشهر الماضي.", dt.date(2017, 3, 13), ("يوم 20 من الشهر الماضي", "2017-02-20")),
        ("في أعقاب هجمات 11 سبتمبر تغيرت القوانين.", dt.date(2018, 5, 21), ("11 سبتمبر", "2001-09-11")),
        ("تدور عشية اليوم مباريات الجولة الثالثة.", dt.date(2017, 3, 5), ("عشية اليوم", "2017-03-05TAF")),
    ],
)
def test_days_of_relative_months_named_dates_and_afternoons(
    text: str, published: dt.date, expected: tuple[str, str]
) -> None:
    assert expected in values(text, published)


def test_half_of_the_month_is_not_its_second_day() -> None:
    assert values("في النصف الثاني من الشهر الجاري.", dt.date(2017, 4, 6)) == [("الشهر الجاري", "2017-04")]


def test_a_first_name_opening_a_clause_is_not_a_present_verb() -> None:
    found = values(
        "قال رئيس الحكومة، يوسف الشاهد أوضح في تصريح السبت، أن الأحزاب موافقة.", dt.date(2016, 8, 8)
    )
    assert found == [("السبت", "2016-08-06")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("يأتي هذا في وقت نقلت فيه القناة خبر الهجوم على المطار، مساء الإثنين.", "2018-04-16TEV"),
        ("ويقول الجيش إن قواته قتلت الاثنين عشرين مسلحا.", "2018-04-16"),
        ("وينتظر أن يعود المهاجم إلى التشكيلة في مباراة الاثنين.", "2018-04-23"),
        ("ثم يعود الفريقان إلى ملعبهما، الاثنين، إذا اقتضت الحاجة.", "2018-04-23"),
    ],
)
def test_connectives_and_reported_clauses_do_not_look_ahead(text: str, value: str) -> None:
    assert [v for _, v in values(text, dt.date(2018, 4, 17))] == [value]


def test_an_hour_after_noon() -> None:
    assert values("أوقفت الدورية 13 شخصا حوالي الساعة الواحدة من ظهر أمس.", dt.date(2017, 6, 16)) == [
        ("الساعة الواحدة من ظهر أمس", "2017-06-15T13:00")
    ]
