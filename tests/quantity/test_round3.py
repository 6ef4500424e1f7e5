"""Round 3 (issue 5): error classes found on a fresh dev batch, each tested on invented sentences.

Recall (derived duals, digits after ordinal words, definite money figures, bracketed counts,
adjectival "واحد" after a nisba, ranges with a repeated noun), not-counts (list items, model and
channel names, definite numeral adjectives of things, legal article numbers), measure (status
phrases, munitions only when fired, casualty measures carried over lists and shares, conjuncts,
time adverbials between commas, clause-opening verbs, line breaks) and holder ("وفق ما جاء في",
quoted media names, institutions with "في", "وكان X قد أكد", "على ما أفادت", relayed quotes).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.quantity.evaluate import names_match
from rasd.quantity.numbers import dual_measure
from rasd.text.normalise import normalize
from tests.quantity._support import OUTLET, only, quantities
from tests.quantity._support import figures as summary

# --- recall ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("وكلفت المحكمة طبيبين من المستشفى بفحص المتهم", 2),
        ("وصل خبيران إلى المدينة", 2),
        ("قتل فلسطينيان في المواجهات", 2),
        ("أصيب عسكريان بجروح", 2),
    ],
)
def test_duals_of_people_are_derived_not_listed(text: str, value: float) -> None:
    assert only(text).value == value


def test_derived_duals_keep_their_measure() -> None:
    assert dual_measure(normalize("ضابطين")) == "troops"
    assert dual_measure(normalize("جريحين")) == "injured"
    assert dual_measure(normalize("فلسطينيان")) == "person"
    # names and sound plurals are not duals
    for word in ("سفيان", "بيان", "مسلحين", "طالبين", "العاملين"):
        assert dual_measure(normalize(word)) is None


def test_a_digit_after_an_ordinal_word_is_a_count() -> None:
    q = only("وسجلت الوزارة خلال الأشهر الأولى 4120 حادثا")
    assert q.value == 4120
    assert quantities("وصل في المرتبة الحادية عشر") == []


def test_definite_figure_with_money_is_kept() -> None:
    q = only("وقررت الحكومة صرف الـ250 مليون دولار المتبقية")
    assert (q.value, q.measure) == (250e6, "money")
    assert quantities("احتفلت الجمعية بدورتها الـ71") == []


def test_bracketed_count_after_a_plural_of_people() -> None:
    q = only("أصدر القاضي بطاقة إيداع في حق الموقوفين (3) بعد استنطاقهم")
    assert q.value == 3
    assert quantities("قال الشاب (19 عاما) إنه بخير") == []


def test_adjectival_one_after_a_nisba() -> None:
    q = only("وقتل جندي فرنسي واحد في الكمين")
    assert (q.value, q.measure) == (1, "killed")


def test_range_with_the_noun_repeated_after_each_number() -> None:
    q = only("ويعاقب بخطية من 100 دينار إلى 20 ألف دينار")
    assert (q.min, q.max, q.qualifier, q.measure) == (100, 20000, "range", "money")


def test_two_hundred_in_construct() -> None:
    assert only("قتل مئتا شخص في الزلزال").value == 200


# --- not counts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "وتشمل المطالب: 1- وقف القتال. 2- فتح المعابر.",
        "تحطمت طائرة من طراز 320 قرب المطار",
        "وكانت طائرات إف 16 وإف 35 في الأجواء",
        "وقال مراسل لفرانس 24 إن الوضع هادئ",
        "وأطلقت الأطراف الأربعة مبادرة",
        "وتنسق الدول الثلاث فيما بينها",
        "بموجب الفصول 12 و14 من المجلة الجزائية",
        "سجل اللاعب هدفه في الدقيقة 45",
    ],
)
def test_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_label_word_before_a_counted_noun_is_a_count() -> None:
    q = only("وتمتلك المجموعة 40 صاروخا")
    assert (q.value, q.measure) == (40, "other")


def test_definite_numeral_after_people_is_still_counted() -> None:
    assert [q.value for q in quantities("وقال إن المهاجمين الثلاثة قتلوا")] == [3]


# --- measure -----------------------------------------------------------------------------


def test_status_after_the_figure_decides_the_measure() -> None:
    found = summary("وشملت التهم 30 شخصا منهم 18 بحالة إيقاف و9 بحالة سراح و3 بحالة فرار")
    assert found == [(30, "other"), (18, "detained"), (9, "other"), (3, "other")]


def test_munitions_are_strikes_only_when_fired() -> None:
    found = summary("ويمتلك الجيش 300 دبابة و800 صاروخ")
    assert found == [(300, "other"), (800, "other")]
    assert only("وأدى القصف إلى تدمير 150 صاروخا").measure == "other"
    assert only("وأطلق المسلحون 12 صاروخا على البلدة").measure == "strikes"
    assert only("واستهدفت البوارج الموقع بـ40 صاروخا").measure == "strikes"
    assert only("وسقطت 6 قذائف على الحي").measure == "strikes"


def test_conjunct_after_a_figure_is_not_its_noun() -> None:
    assert summary("أسفر الهجوم عن مقتل 14 وإصابة 20") == [(14, "killed"), (20, "injured")]


def test_casualty_measure_carries_over_a_list_of_people() -> None:
    text = "واستشهد 6 أمنيين (سالم وعلي وخالد) وعسكريين اثنين و4 مدنيين"
    assert summary(text) == [(6, "killed"), (2, "killed"), (4, "killed")]
    assert summary("قتل 25 شخصا بينهم 5 جنود") == [(25, "killed"), (5, "killed")]
    # a new verb is a new count
    assert summary("قتل 3 مدنيين ونشر الجيش 300 جندي") == [(3, "killed"), (300, "troops")]


def test_share_in_the_next_sentence_takes_the_casualty_measure() -> None:
    found = summary("قتل 12 شخصا في الانفجار. وأوضح مصدر أمني أن 3 منهم من الأطفال.")
    assert found == [(12, "killed"), (3, "killed")]


def test_release_and_abductees_count_detainees() -> None:
    assert only("وأطلق التنظيم سراح 13 عسكريا").measure == "detained"
    assert only("وأفرج المسلحون أمس عن 28 مخطوفا").measure == "detained"


def test_leaving_in_an_evacuation_is_displacement() -> None:
    assert only("وبلغ إجمالي من غادروا المدينة 9 آلاف شخص").measure == "displaced"


@pytest.mark.parametrize(
    "text",
    [
        "قتل، أمس الأحد، 5 أشخاص في هجوم",
        "قتل مسلحون، الليلة الماضية، 12 مدنيا",
        "وقتل في الاشتباكات التي اندلعت منذ فجر اليوم بين الطرفين 23 مقاتلا",
    ],
)
def test_clause_opening_casualty_verb_governs_a_distant_object(text: str) -> None:
    assert only(text).measure == "killed"


def test_a_line_break_ends_the_reach_of_a_cue() -> None:
    found = summary("نزوح الآلاف من المدينة\nأم لخمسة أطفال تروي قصتها")
    assert found == [(1000, "displaced"), (5, "other")]


def test_reservists_are_troops() -> None:
    assert only("ويبلغ عدد أفراد الجيش 40 ألف احتياطي").measure == "troops"


def test_we_killed_is_a_casualty_cue() -> None:
    assert only('وقال المتحدث: "قتلنا 8 مسلحين"').measure == "killed"


def test_executions_of_convicts() -> None:
    assert only("وأعدمت السلطات 3 مدانين").measure == "killed"


# --- holder ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("يبلغ عدد الجنود 40 ألفا وفق ما جاء في تقرير دولي", "تقرير دولي"),
        ('ذكرت صحيفة "الأخبار اليومية" أن 8 آلاف جندي يشاركون في العملية', "الأخبار اليومية"),
        ("وقالت مصادر في المعارضة إن القصف أسفر عن إصابة 9 أشخاص", "مصادر في المعارضة"),
        ("وكان المرصد الوطني قد أكد أمس مقتل 6 من عناصره", "المرصد الوطني"),
        ("وقتل 6 مدنيين، على ما أفادت مصادر محلية.", "مصادر محلية"),
        ("ونقلت رويترز عن مسؤول أمني قوله إن 6 جنود قتلوا", "مسؤول أمني"),
        ("وقال مسؤول محلي لفرانس برس إن 30 مدنيا قتلوا", "مسؤول محلي"),
        ('ونقلت صحيفة "الوقت" الأسبوعية عن مسؤول في التحالف قوله إن القصف دمر 200 صاروخ', "مسؤول في التحالف"),
        ("وقال مركز رصد الزلازل إن الهزة دمرت 26 منزلا", "مركز رصد الزلازل"),
    ],
)
def test_holders(text: str, holder: str) -> None:
    q = only(text)
    assert names_match(q.holder_text, [holder]), q.holder_text


def test_outlet_voice_without_a_source() -> None:
    assert only("وتضم القوات 5 آلاف عنصر").holder_text == OUTLET


# --- properties ---------------------------------------------------------------------------

_PEOPLE = ["شخصا", "مدنيا", "جنديا", "مسلحا"]


@given(
    st.integers(min_value=3, max_value=99),
    st.integers(min_value=3, max_value=99),
    st.sampled_from(_PEOPLE),
    st.sampled_from(_PEOPLE),
)
def test_killed_then_injured_keep_their_own_measures(a: int, b: int, noun_a: str, noun_b: str) -> None:
    found = summary(f"أسفر الهجوم عن مقتل {a} {noun_a} وإصابة {b} {noun_b} آخرين")
    assert found == [(a, "killed"), (b, "injured")]


@given(st.integers(min_value=2, max_value=30), st.sampled_from(["-", ")"]))
def test_list_numbers_never_become_counts(n: int, mark: str) -> None:
    text = f"وجاء في البيان ما يلي:\n{n}{mark} وقف إطلاق النار\n{n + 1}{mark} فتح الطرق"
    assert quantities(text) == []


def test_percent_sign_typed_before_the_number() -> None:
    q = only("ارتفعت نسبة البطالة إلى ٪15 هذا العام")
    assert (q.value, q.measure) == (15, "percent")


def test_bodies_recovered_are_a_death_toll() -> None:
    assert only("عثر الأهالي على جثث 30 شخصا في الوادي").measure == "killed"


def test_qualifier_before_a_definite_figure() -> None:
    q = only("قتل ما يقارب الـ 300 شخص في المعارك")
    assert (q.value, q.qualifier, q.measure) == (300, "approx", "killed")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("قتل 5 جنود في هجوم على حاجز. جاء ذلك في بيان للجيش الوطني.", "بيان للجيش الوطني"),
        ("قتل 5 جنود في هجوم على حاجز. وجاء ذلك على لسان المتحدث باسم الجيش.", "المتحدث باسم الجيش"),
        ("قتل 5 جنود في هجوم على حاجز، وذلك حسب مصادر محلية.", "مصادر محلية"),
    ],
)
def test_source_given_in_the_following_sentence(text: str, holder: str) -> None:
    assert names_match(only(text).holder_text, [holder])


def test_following_sentence_without_a_source_leaves_the_outlet() -> None:
    assert only("قتل 5 جنود في هجوم. جاء ذلك خلال مؤتمر صحفي.").holder_text == OUTLET
    assert only("قتل 5 جنود في هجوم. وجاء ذلك بعد يومين من هجوم مماثل.").holder_text == OUTLET


@pytest.mark.parametrize(
    ("text", "qualifier", "maximum"),
    [
        ("وتبلغ ميزانية الدفاع ما تفوق 550 مليون دولار", "at_least", None),
        ("وقتل ما يناهز 50 مسلحا", "approx", 50),
        ("ونزح ما يقدر بـ 5000 شخص", "approx", 5000),
        ("وبلغت الخسائر ما لا تقل عن 30 مليون دولار", "at_least", None),
        ("وهي حصيلة لا تتجاوز 12 قتيلا", "at_most", 12),
    ],
)
def test_verb_forms_of_bounds(text: str, qualifier: str, maximum: float | None) -> None:
    q = only(text)
    assert (q.qualifier, q.max) == (qualifier, maximum)


def test_nationality_between_noun_and_adjectival_number() -> None:
    q = only("وقتل جندي أمريكي واحد في الانفجار")
    assert q.subject_text == "أمريكي"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("قتل 5 أشخاص في الهجوم، قالت الشرطة.", "الشرطة"),
        ("قتل 5 أشخاص في الهجوم، كما أعلن الجيش.", "الجيش"),
        ("وأعلنت الشرطة مقتل 5 أشخاص في الانفجار", "الشرطة"),
    ],
)
def test_closing_attribution_clause(text: str, holder: str) -> None:
    assert only(text).holder_text == holder


def test_a_new_statement_after_a_comma_does_not_source_the_figure_before() -> None:
    assert only("قتل 5 أشخاص في الهجوم، وقالت الشرطة إن التحقيق بدأ.").holder_text == OUTLET


def test_source_parenthetical_between_verb_and_figure() -> None:
    q = only("وقتل، حسب الحصيلة الأخيرة، 17 شخصا")
    assert (q.measure, q.holder_text) == ("killed", "الحصيلة الأخيرة")


def test_plural_casualty_verb_after_fighters() -> None:
    assert only("وأكدت مصادر أمنية أن 12 عنصرا أوقفوا").measure == "detained"


@pytest.mark.parametrize(
    "text",
    [
        "تفتح المراكز أبوابها عند السابعة صباحا (04.00 بتوقيت غرينتش) أمام الناخبين",
        "وتأسس المتحف في عام 1818 باسم المتحف الملكي",
        "وتنتهي المهلة عند الخامسة (0900 ت غ)",
    ],
)
def test_clock_times_and_early_years_are_not_counts(text: str) -> None:
    assert quantities(text) == []


def test_munitions_of_an_attack_or_salvo_are_strikes() -> None:
    assert only("فتبعه هجوم أميركي بـ 59 صاروخا على المطار").measure == "strikes"
    assert only("وأسقطت منظومة الدفاع الجوي 20 صاروخا").measure == "strikes"
    found = summary("أطلقت السفن 22 صاروخا، 9 منها صواريخ توماهوك، و8 صواريخ كروز")
    assert found == [(22, "strikes"), (9, "strikes"), (8, "strikes")]


def test_barrels_of_oil_are_not_strikes() -> None:
    assert only("وتنتج المملكة نحو 10 ملايين برميل يوميا").measure == "other"


def test_casualty_verb_after_a_comma_following_the_group() -> None:
    q = only("قال الجيش إن أكثر من 140 عنصرا من الميليشيا الانقلابية، لقوا مصرعهم في المعارك")
    assert q.measure == "killed"
    other = only("قال الجيش إن 140 عنصرا من الميليشيا، وهي مدعومة من الخارج، يتحصنون في الجبال")
    assert other.measure == "fighters"


def test_article_numbers_with_paragraphs() -> None:
    assert quantities("وأحيل على معنى الفصل 13 مكرر و237 في فقراته الأولى") == []


def test_among_is_not_a_range_and_between_parties_is_not_either() -> None:
    found = quantities("وكان الرجل من بين أربعة جواسيس أطلقت السلطات سراحهم")
    assert [(q.value, q.qualifier, q.measure) for q in found] == [(4, "exact", "detained")]
    q = only("وقال المراسل إن صدامات تجري بين مئات الشبان والجيش")
    assert (q.value, q.qualifier) == (100, "vague")
    assert only("قتل ما بين 10 و15 مسلحا").qualifier == "range"


def test_fired_munitions_across_a_comma() -> None:
    q = only("فقد قصفت المدفعية، بأكثر من 20 قذيفة، مواقع على طول الحدود")
    assert (q.value, q.qualifier, q.measure) == (20, "at_least", "strikes")


def test_one_verb_after_two_conjoined_figures() -> None:
    found = summary("أعلن المتحدث أن 7 من عناصر الجيش و71 مسلحا قتلوا في العملية")
    assert found == [(7, "killed"), (71, "killed")]


def test_toll_head_before_a_date_and_the_figure() -> None:
    q = only("وترتفع حصيلة قتلى الاحتجاجات منذ 30 آذار الماضي إلى 37 فلسطينيا")
    assert (q.value, q.measure) == (37, "killed")


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ('أسفر القصف عن مقتل 4 فلسطينيين، وفق ما أفاد مراسل "قناة المثال".', 'مراسل "قناة المثال"'),
        ("وارتفع العدد إلى 22 قتيلا، بحسب تعداد لوكالة الأنباء استنادا إلى أرقام.", "تعداد لوكالة الأنباء"),
    ],
)
def test_holder_phrases_with_a_publisher(text: str, holder: str) -> None:
    assert names_match(only(text).holder_text, [holder])


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "maximum"),
    [
        ("قتل عشرون ونيف شخصا", 20, "at_least", None),
        ("قتل ألوف المدنيين", 1000, "vague", None),
        ("قتل 5 أشخاص أو أكثر", 5, "at_least", None),
    ],
)
def test_more_amount_forms(text: str, value: float, qualifier: str, maximum: float | None) -> None:
    q = only(text)
    assert (q.value, q.qualifier, q.max) == (value, qualifier, maximum)


def test_dead_and_wounded_nouns_joined_after_the_figure() -> None:
    assert only("سقط 30 قتيلا وجريحا في القصف").measure == "other"
    assert summary("وأسفر الانفجار عن سقوط 5 قتلى و10 جرحى") == [(5, "killed"), (10, "injured")]


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("وقال مسؤولون في الصحة لرويترز إن 12 شخصا قتلوا", "مسؤولون في الصحة"),
        ("ووفق آخر حصيلة، قتل 40 شخصا", "آخر حصيلة"),
        ("وكان الادعاء أكد أن 6 متهمين أوقفوا", "الادعاء"),
    ],
)
def test_more_holder_phrases(text: str, holder: str) -> None:
    assert names_match(only(text).holder_text, [holder])


def test_quoted_name_after_an_organisation_head() -> None:
    q = only('وقالت منظمة "أطباء العالم" إن 30 شخصا قتلوا')
    assert names_match(q.holder_text, ["منظمة أطباء العالم"])


def test_closing_clause_must_be_a_short_verb_of_saying() -> None:
    assert only("أقيم الحفل بحضور 300 شخص، اعترفت بريطانيا باستقلال المستعمرات.").holder_text == OUTLET
    assert only("قتل 12 شخصا، وأعلن تنظيم الدولة مسؤوليته.").holder_text == OUTLET


def test_precision_guards_from_the_corpus_view() -> None:
    # a derived dual after a dual noun is its adjective; "أبرز ثلاثة" is "the three most prominent"
    assert quantities("وقال مصدران دبلوماسيان إن الاجتماع تأجل") == []
    assert only("أزاح فرقا قوية أبرز ثلاثة منها باريس").holder_text == OUTLET
    # a month name ending in an ordinal word: the digits after it are a year
    assert quantities("في يناير/كانون الثاني 017 وقع الاتفاق") == []
