"""Number parsing: digits in every script, number words, ranges, bounds, changes, bad input."""

from __future__ import annotations

import pytest

from rasd.quantity.numbers import find_numbers, parse_number, scan


def one(text: str):
    found = find_numbers(scan(text))
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    ["سقط 12،500 شخص", "سقط 12,500 شخص", "سقط ١٢٬٥٠٠ شخص", "سقط ۱۲٬۵۰۰ شخص", "سقط 12.500 شخص"],
)
def test_separators_are_thousands(text: str) -> None:
    m = one(text)
    assert (m.value, m.qualifier, m.parsed) == (12500, "exact", True)


def test_decimal_before_multiplier() -> None:
    assert one("رصدت الحكومة 1.5 مليون دينار للإعمار").value == 1_500_000
    assert one("بلغ العجز ٢٫٥ مليار دولار").value == 2_500_000_000


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وصل ستين مقاتلا إلى البلدة", 60),
        ("أطلق سراح ثلاثة صيادين", 3),
        ("نشرت الحكومة ألف شرطي", 1000),
        ("وصل ألفين جندي", 2000),
        ("وصلت أربعة آلاف وثلاثمائة عائلة", 4300),
        ("قتل ثلاثة وعشرون شخصا", 23),
        ("نزح مليون ونصف مواطن", 1_500_000),
        ("عاد نصف مليون لاجئ", 500_000),
        ("أصيب خمسة عشر طالبا", 15),
        ("نفذت إحدى عشرة غارة", 11),
        ("جمع 7000 آلاف توقيع", 7000),
        ("ضمت القافلة 12 ألف شاحنة", 12000),
        ("استقبل المخيم ثلاث مئة أسرة", 300),
        ("وزعت المنظمة مئتي سلة غذائية", 200),
    ],
)
def test_number_words_and_compounds(text: str, value: float) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("سقط عشرات الجرحى", 10),
        ("سقط العشرات من الجرحى", 10),
        ("فر مئات السكان", 100),
        ("فر المئات من السكان", 100),
        ("نزح آلاف المدنيين", 1000),
        ("نزح عشرات الآلاف", 10000),
    ],
)
def test_vague_amounts_take_acled_conservative_value(text: str, value: float) -> None:
    m = one(text)
    assert (m.value, m.min, m.max, m.qualifier) == (value, value, None, "vague")


def test_few_is_three_to_nine() -> None:
    m = one("وصل بضعة جنود")
    assert (m.min, m.max, m.qualifier) == (3, 9, "vague")


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("يتراوح عددهم بين 1500 و 4000 مقاتل", 1500, 4000),
        ("يقدر عددهم ما بين 200 إلى 300 عنصر", 200, 300),
        ("وصل 200-300 مقاتل", 200, 300),
        ("بين 3 و4 آلاف مقاتل", 3000, 4000),
        ("اعتقل ثلاثة أو أربعة أشخاص", 3, 4),
        ("تراوحت أعمار الضحايا بين خمسة وعشرة أعوام ووصل بين عشرين وثلاثين مسلحا", 20, 30),
    ],
)
def test_ranges(text: str, lo: float, hi: float) -> None:
    ranges = [m for m in find_numbers(scan(text)) if m.qualifier == "range"]
    assert (ranges[-1].min, ranges[-1].max, ranges[-1].value) == (lo, hi, None)


def test_change_from_to() -> None:
    m = one("تراجع عدد المقاتلين من 9000 إلى 900 مقاتل")
    assert (m.qualifier, m.value, m.min, m.max) == ("change", 900, 900, 900)
    # a decrease is a change even without a change verb
    assert one("من 500 إلى 50 عنصرا").qualifier == "change"


@pytest.mark.parametrize(
    ("text", "qualifier", "lo", "hi"),
    [
        ("قتل أقل من 25 شخصا", "at_most", None, 25),
        ("قتل 5 أشخاص على الأقل", "at_least", 5, None),
        ("قتل على الأقل 5 أشخاص", "at_least", 5, None),
        ("قتل ما لا يقل عن 30 شخصا", "at_least", 30, None),
        ("نشر ما يصل إلى 1000 جندي", "at_most", None, 1000),
        ("قتل أزيد من 60 مسلحا", "at_least", 60, None),
        ("شنت أكثر من 100 غارة", "at_least", 100, None),
        ("شنت ما يزيد على 40 غارة", "at_least", 40, None),
        ("نزح نحو 5 آلاف شخص", "approx", 5000, 5000),
        ("نزح حوالي 300 شخص", "approx", 300, 300),
        ("نزح قرابة 40 ألف شخص", "approx", 40000, 40000),
        ("نزح زهاء مئتي شخص", "approx", 200, 200),
        ("نزح ما يقارب 12 ألف شخص", "approx", 12000, 12000),
        ("وصل بنحو 70 مقاتلا", "approx", 70, 70),
    ],
)
def test_bounds(text: str, qualifier: str, lo: float | None, hi: float | None) -> None:
    m = one(text)
    assert (m.qualifier, m.min, m.max) == (qualifier, lo, hi)


def test_percent_is_flagged() -> None:
    assert one("ارتفعت النسبة إلى 45%").percent
    assert one("ارتفعت النسبة إلى 12 بالمئة").percent
    assert one("ارتفعت النسبة إلى ٣٠٪").value == 30


def test_dual_nouns_count_two() -> None:
    m = one("أصيب شرطيان في الانفجار")
    assert m.value == 2 and m.noun_tok == m.tok_start
    assert one("وصل مقاتلان اثنان").value == 2  # one quantity, not two


def test_adjectival_one() -> None:
    assert one("قتل مدني واحد").value == 1
    assert find_numbers(scan("في وقت واحد")) == []


@pytest.mark.parametrize(
    "text", ["الحادي عشر من سبتمبر", "يوم الاثنين", "في القرن العشرين", "2014-03-23", "الساعة 10:30"]
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(scan(text)) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9" * 500 + " قتيل", "too many digits"),
        ("1e309 قتيل", "letters inside a number"),
        ("1٢3 قتيل", "mixed digit scripts"),
        ("قتل بين 200 و", "range with one side missing"),
        ("12.3.4.5 جندي", "unrecognised separators"),
    ],
)
def test_pathological_numbers_are_kept_unparsed(text: str, reason: str) -> None:
    m = find_numbers(scan(text))[0]
    assert not m.parsed and m.value is None and reason in (m.reason or "")


def test_offsets_are_original() -> None:
    text = "قُتِلَ  ١٢٬٥٠٠ شخصٍ"
    m = parse_number(text)
    assert m is not None and text[m.start : m.end] == "١٢٬٥٠٠"


def test_few_hundreds() -> None:
    m = one("قدر عددهم ببضع مئات")
    assert (m.value, m.min, m.max, m.qualifier) == (300, 300, 900, "vague")


def test_half_after_the_noun() -> None:
    assert one("ترصد الحكومة 2 مليار دينار ونصف").value == 2_500_000_000
