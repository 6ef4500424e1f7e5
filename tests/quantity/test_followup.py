"""Follow-up fixes on invented sentences: combined tolls, capacity, subject before the number,
allegiance linkers, anaphoric counts, definite duals, "واحدا", broken-plural nationalities,
the publisher of figures as holder, and the claim subject key."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.model import Document, Quantity
from rasd.quantity.claims import default_subject_key, group_claims, subject_text_key
from rasd.quantity.evaluate import names_match
from rasd.quantity.stage import QuantityStage


def quantities(text: str) -> list[Quantity]:
    doc = Document(id="d", text=text, source="إذاعة المثال", published=dt.date(2017, 5, 2))
    return QuantityStage()(doc).quantities


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [(q.text, q.measure) for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت البعثة عن مقتل وإصابة 230 مدنيا في الشهر الماضي",
        "خلفت المواجهات قتلى وجرحى بلغ عددهم 75 شخصا",
        "سقط 40 شخصا بين قتيل وجريح في الانفجار",
        "سقط العشرات من عناصر الكتيبة بين جريح وقتيل",
    ],
)
def test_combined_dead_and_wounded_is_other(text: str) -> None:
    assert only(text).measure == "other"


def test_a_single_casualty_cue_still_decides() -> None:
    assert only("أعلنت البعثة عن مقتل 230 مدنيا").measure == "killed"
    assert only("أعلنت البعثة عن إصابة 230 مدنيا").measure == "injured"


def test_missiles_a_plane_can_carry_are_not_strikes() -> None:
    assert only("الطائرة قادرة على حمل 8 صواريخ").measure == "other"
    assert only("يحمل الزورق 4 صواريخ مضادة للسفن").measure == "other"
    assert only("أطلقت الفصائل 20 صاروخا على المدينة").measure == "strikes"


def test_elimination_is_a_death_toll() -> None:
    assert only("انتهت العملية بالقضاء على 7 مسلحين").measure == "killed"


@pytest.mark.parametrize(
    ("text", "measure", "subject"),
    [
        ("قدر الخبير عدد مقاتلي جماعة الفجر في الإقليم بما بين 2000 و2500", "fighters", "جماعة الفجر"),
        ("وأوضح أن عدد عناصر الحركة في الجبل يبلغ 600", "fighters", "الحركة"),
        ("ارتفع عدد قتلى القوات النظامية إلى 140 منذ بداية الشهر", "killed", "القوات النظامية"),
    ],
)
def test_subject_named_before_the_number(text: str, measure: str, subject: str) -> None:
    q = only(text)
    assert q.measure == measure
    assert names_match(q.subject_text, [subject]), q.subject_text


def test_an_incident_before_the_number_is_no_subject() -> None:
    q = only("ارتفع عدد ضحايا هذا الهجوم إلى 33 قتيلا")
    assert q.measure == "killed" and q.subject_text is None


def test_allegiance_links_fighters_to_their_side() -> None:
    q = only("قتل 12 مقاتلا مواليا للحكومة في الكمين")
    assert q.measure == "killed"
    assert q.subject_text is not None and "للحكومه" in q.subject_text.replace("ة", "ه")


@pytest.mark.parametrize(
    "text",
    [
        "قتل 3 جنود وإصابة 5 آخرين في القصف",
        "سقط 4 مسلحين مبنى البلدية",
        "نفذت الطائرات 14 غارة جوية على المواقع",
        "خلفت الحرب نحو 1000 قتيل من الجانبين",
        "قال الطبيب إن 6 من الجرحى هم أطفال",
    ],
)
def test_words_that_are_no_group_are_not_subjects(text: str) -> None:
    assert quantities(text)[0].subject_text is None


def test_pronoun_then_group() -> None:
    q = quantities("وقال المحافظ إن 9 من الجرحى هم من رجال الإطفاء")[0]
    assert names_match(q.subject_text, ["رجال الإطفاء"]), q.subject_text


def test_broken_plural_nationality_is_a_subject() -> None:
    q = only("قتل 4 مسلحين أكراد في اشتباك قرب القرية")
    assert q.measure == "killed" and q.subject_text == "أكراد"


def test_that_number_takes_the_measure_of_the_figure_it_refers_to() -> None:
    found = quantities("قالت الوزارة إن 300 ألف لاجئ عادوا. ويقول المسؤولون إن ذلك العدد 200 ألف فقط.")
    assert [(q.value, q.measure) for q in found] == [(300000, "displaced"), (200000, "displaced")]


def test_definite_dual_after_a_casualty_cue_counts_two() -> None:
    q = only("أعلنت الشرطة مقتل الجنديين في الهجوم")
    assert (q.text, q.value, q.measure) == ("الجنديين", 2, "killed")
    q = only("وقال إنه قتل الرجلين قرب المزرعة")
    assert (q.value, q.measure) == (2, "killed")


def test_definite_dual_elsewhere_points_back() -> None:
    assert quantities("وصل الجنديان إلى المستشفى صباحا") == []


def test_wahid_after_a_noun() -> None:
    q = only("وقال المتحدث إن مدنيا واحدا قتل في القصف")
    assert (q.value, q.measure) == (1, "killed")


def test_adjectival_number_followed_by_its_verb() -> None:
    q = only("وقالت الشرطة إن المهاجمين الثلاثة قتلوا في تبادل لإطلاق النار")
    assert (q.value, q.measure) == (3, "killed")


def test_fled_is_displacement() -> None:
    assert only("وفر حوالي 12 ألف شخص من القرى الحدودية").measure == "displaced"


def test_figures_speak_for_their_publisher() -> None:
    q = only('وأفادت الأرقام التي أوردتها "المفوضية" في تقريرها بأن عدد القتلى بلغ 80 مدنيا')
    assert names_match(q.holder_text, ["المفوضية"]), q.holder_text


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("#ميليشيا_الحوثي", "الحوثي"),
        ("لميليشيا الحوثي", "ميليشيات الحوثي"),
        ("تنظيم داعش", "داعش"),
        ('لتنظيم "داعش"', "داعش"),
        ("الفلسطينيين", "فلسطينيا"),
        ("وللجيش السوري", "الجيش السوري"),
        ("للنظام السوري", "النظام السوري"),
    ],
)
def test_subject_key_folds_spelling_clitics_and_heads(a: str, b: str) -> None:
    assert subject_text_key(a) == subject_text_key(b)


def test_subject_key_keeps_bare_names_and_different_groups_apart() -> None:
    assert subject_text_key("ليبيا") != subject_text_key("يبيا")
    assert subject_text_key("وزارة الدفاع") == "وزاره دفاع"  # و of وزارة is no conjunction
    assert subject_text_key("الجيش السوري") != subject_text_key("الجيش العراقي")


def test_claims_group_across_spellings() -> None:
    def q(doc: str, value: float, subject: str) -> Quantity:
        return Quantity(
            id=f"{doc}:q0",
            start=0,
            end=1,
            text="x",
            value=value,
            min=value,
            max=value,
            measure="fighters",
            subject_text=subject,
        )

    groups = group_claims([q("a", 3000, "تنظيم داعش"), q("b", 9000, "#داعش")])
    assert len(groups) == 1 and groups[0].disagreement
    assert default_subject_key(q("c", 1, "لتنظيم داعش")) == "داعش"


@given(st.text(alphabet='ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآ _#"', max_size=40))
def test_subject_key_is_stable(text: str) -> None:
    key = subject_text_key(text)
    assert key is None or (key == key.strip() and "  " not in key and subject_text_key(key) is not None)


def test_verb_opening_the_clause_governs_a_figure_after_a_long_agent() -> None:
    q = only("اعتقلت الوحدة الخاصة التابعة لإدارة الحدود في الجنوب، 14 عنصرا من المهربين")
    assert q.measure == "detained"


def test_a_verb_that_is_not_a_casualty_does_not_reach_past_the_comma() -> None:
    q = only("وصلت القافلة التابعة للهلال الأحمر إلى البلدة، 14 شاحنة محملة بالمواد")
    assert q.measure == "other"


def test_active_wounding_verb() -> None:
    assert only("ويصيب القناصة العشرات منهم بجروح").measure == "injured"


def test_denied_minimum_is_a_maximum() -> None:
    q = only("ولا تشكل هذه المناطق أكثر من 3 بالمئة من المساحة")
    assert (q.qualifier, q.min, q.max) == ("at_most", None, 3)
    q = only("قتل أكثر من 30 شخصا")
    assert (q.qualifier, q.min, q.max) == ("at_least", 30, None)


def test_list_of_days_before_a_month_is_a_date() -> None:
    assert quantities("تجرى الامتحانات أيام 7 و8 و9 و12 جوان المقبل") == []
    assert [q.value for q in quantities("وصل 5 و6 جنود")] == [5, 6]


def test_anniversaries_and_aircraft_models_are_not_counts() -> None:
    assert quantities("احتفلت البلاد بالذكرى 73 للنصر") == []
    assert quantities("شاركت مقاتلات سوخوي 57 في العرض") == []


def test_quoted_name_after_a_generic_head_stays_in_the_phrase() -> None:
    q = only('وأعلن تنظيم "الفجر الجديد" مسؤوليته عن مقتل 11 شخصا')
    assert q.holder_text == 'تنظيم "الفجر الجديد"'
    q = only('قتل 20 عنصرا من تنظيم "الفجر" في الغارة')
    assert q.subject_text == 'تنظيم "الفجر"' and subject_text_key(q.subject_text) == "فجر"


def test_adverb_after_a_reporting_verb_is_not_the_holder() -> None:
    q = only("وأعلنت سابقا وزارة الصحة مقتل 12 شخصا")
    assert q.holder_text == "وزارة الصحة"


def test_bracketed_share_of_a_count_of_people() -> None:
    found = quantities("وبلغ عدد الموقوفين على الحدود 40 شخصا أغلبهم من بلد الجوار (25).")
    assert [(q.value, q.measure) for q in found] == [(40, "detained"), (25, "detained")]
    assert quantities("قال الرجل (45 عاما) إنه لم ير شيئا") == []
    assert [q.value for q in quantities("وشارك في المؤتمر وفد من المدينة (12).")] == []


def test_long_enumeration_keeps_its_casualty_measure() -> None:
    text = (
        "وأوضح المسؤول أن القتلى هم 4 من الشرطة البلدية في الحي الشرقي، وفرد من الحرس الوطني في الميناء،"
        " وفرد من الدفاع المدني في السوق القديمة، وفرد من المرور في الطريق الساحلية،"
        " و3 أفراد من الكتيبة الثانية."
    )
    assert [(q.value, q.measure) for q in quantities(text)] == [(4, "killed"), (3, "killed")]
