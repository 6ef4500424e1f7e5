"""Round 6 (issue 5): error classes read on blind5 and on an open-text sample of unannotated articles.

Every sentence here is invented for the test; none comes from the news data.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.quantity._support import figures, only, quantities

# --- "تحييد" (neutralised) is killed, captured or wounded together: other -------------------------


def test_neutralised_beats_the_fighters_noun() -> None:
    assert figures("وقال الوزير: حيدنا 3200 إرهابي في المنطقة منذ بداية العملية.") == [(3200, "other")]


def test_neutralised_verbal_noun() -> None:
    assert figures("وأعلن الجيش تحييد 14 مسلحا في غارات على الجبال.") == [(14, "other")]


def test_killing_fighters_is_still_killed() -> None:
    assert figures("وأعلن الجيش مقتل 14 مسلحا في غارات على الجبال.") == [(14, "killed")]


# --- migrants are people, not displaced (round-6 convention) -----------------------------------


def test_rescued_migrants_are_other() -> None:
    assert figures("وأنقذت سفينة تابعة لمنظمة إغاثة 212 مهاجرا قبالة السواحل.") == [(212, "other")]


def test_migrants_fleeing_are_displaced() -> None:
    assert figures("وأدى القتال إلى فرار 300 مهاجر من مراكز الإيواء.") == [(300, "displaced")]


# --- a displacement verb in the تفعّل form ----------------------------------------------------------


def test_tashrrud_is_displacement() -> None:
    assert figures("وتشرد مئات الأشخاص عن قراهم بعد الفيضانات.") == [(100, "displaced")]


# --- the figure's own plural casualty verb right after its noun -----------------------------------


def test_own_plural_verb_beats_an_earlier_injury_count() -> None:
    text = "وأصيب عشرات آخرون بجروح جراء قصف استهدف الحي، مضيفا أن 9 مدنيين قتلوا صباح الأحد."
    assert figures(text) == [(10, "injured"), (9, "killed")]


def test_own_verb_past_a_short_min_phrase() -> None:
    text = "وأفادت وسائل إعلام محلية بسحب أربعة ركاب من بين الحطام أصيبوا بجروح خطيرة."
    assert figures(text) == [(4, "injured")]


def test_verb_with_a_person_object_makes_the_figure_the_agent() -> None:
    found = figures("وقالت الشرطة إن 3 مسلحين قتلوا شرطيا في الهجوم.")
    assert found == [(3, "fighters")]


# --- deployment cues never make civilians troops; bare "رجال" are men ------------------------------


def test_pulling_passengers_out_is_no_deployment() -> None:
    assert figures("وتمكن المسعفون من سحب خمسة ركاب من السيارة.") == [(5, "other")]


def test_bare_men_are_not_troops() -> None:
    assert figures("وتحطمت الطائرة وعلى متنها سبعة رجال من طاقمها.") == [(7, "other")]


def test_security_men_stay_troops() -> None:
    assert figures("ونشرت السلطات 400 رجل أمن حول الملعب.")[0][1] == "troops"
    assert figures("وأصيب ثلاثة من رجال الشرطة بجروح.") == [(3, "injured")]


# --- attacks carried out are strikes ------------------------------------------------------------


def test_attacks_carried_out_are_strikes() -> None:
    assert figures("وقال خبير إن القيادي نفذ عشرات العمليات الإرهابية في البلاد.") == [(10, "strikes")]
    assert figures("وشن التنظيم 25 هجوما على مواقع الجيش خلال الشهر.") == [(25, "strikes")]


def test_security_operations_are_not_strikes() -> None:
    assert figures("ونفذت الوحدات 40 عملية مداهمة في الأحياء.") == [(40, "other")]


def test_attacks_without_a_launch_verb_keep_their_measure() -> None:
    assert figures("ووقع هجوم تخلله 6 عمليات انتحارية في المدينة.") == [(6, "other")]


# --- a passive auxiliary after the figure is no counted noun --------------------------------------


def test_passive_auxiliary_after_the_figure() -> None:
    text = "وأطلقت النيابة سراح 5 من 14 تم إيقافهم مساء الجمعة."
    assert figures(text) == [(5, "detained"), (14, "detained")]


# --- among them: the people, not the things counted in between ------------------------------------


def test_partitive_refers_back_to_the_people_count() -> None:
    text = (
        "وقالت الشرطة إنه تم توقيف 31 مشتبها بهم في سرقة أربعة مصارف في العاصمة، بينهم ستة من قادة العصابة."
    )
    assert figures(text) == [(31, "detained"), (4, "other"), (6, "detained")]


# --- not counts: calibres, scores, list numbers, bare years, compound definite adjectives, names ------


def test_calibre_is_a_label() -> None:
    assert quantities("واستخدم المهاجمون مدفع هاون عيار 120 مم في القصف.") == []
    assert quantities("وأطلق النار بسلاح طوله 9 مم على الحارس.") == []


def test_millimetres_of_rain_still_count() -> None:
    assert figures("وبلغت كمية الأمطار 35 مم في المدينة.") == [(35, "other")]


def test_match_score_is_not_a_count() -> None:
    assert quantities("وفاز المنتخب على ضيفه 4-2 مساء الثلاثاء.") == []


def test_hyphen_range_still_counts() -> None:
    q = only("وقتل 10-15 شخصا في الاشتباكات.")
    assert (q.min, q.max, q.measure) == (10, 15, "killed")


def test_numbered_list_inside_a_line() -> None:
    text = "والتشكيلة: 1- وزير المالية - سالم 2- وزير النقل - كريم 3- وزير الصحة - نادية 4- وزير العدل - هشام"
    assert quantities(text) == []


def test_bare_year_after_fi() -> None:
    assert quantities("وفي 1830، دخلت القوات الفرنسية المدينة.") == []


def test_compound_definite_adjective_of_hours() -> None:
    assert figures("وتقدمت القوات خلال الساعات الست والثلاثين الماضية وقتل 12 مسلحا.") == [(12, "killed")]


def test_first_name_spelt_like_a_number() -> None:
    assert quantities("وقالت مية العبيدي إن الحزب سيشارك في الانتخابات.") == []


def test_hundred_spelt_mia_still_counts() -> None:
    assert figures("وشارك في المسيرة مئة شخص.") == [(100, "other")]


# --- a dual of a distance unit ---------------------------------------------------------------------


def test_dual_of_kilometre() -> None:
    q = only("وتوغلت الدبابات بعمق كيلومترين داخل الأراضي.")
    assert (q.value, q.measure, q.text) == (2, "distance_km", "كيلومترين")


@settings(max_examples=40, deadline=None)
@given(
    a=st.integers(min_value=0, max_value=9),
    b=st.integers(min_value=0, max_value=9),
)
def test_descending_hyphen_pairs_are_never_counts(a: int, b: int) -> None:
    """A pair "a-b" with a ≥ b and no counted noun is a score, whatever the digits."""
    hi, lo = max(a, b), min(a, b)
    assert quantities(f"وانتهت المباراة بنتيجة {hi}-{lo} لصالح الفريق.") == []


# --- second batch: classes from the fresh open-text sample (seed 607) -------------------------------


def test_tunisian_custody_idiom_is_detention() -> None:
    text = "وتمكنت الوحدات الأمنية من الاحتفاظ بـ 03 أشخاص من أجل السرقة والقتل."
    assert figures(text) == [(3, "detained")]


def test_keeping_seats_is_no_detention() -> None:
    assert figures("ونجح الحزب في الاحتفاظ بـ 7 مقاعد في البرلمان.") == [(7, "other")]


def test_euro_spelt_oro_is_money() -> None:
    assert figures("وبلغت قيمة الصفقة 12 مليون أورو.") == [(12_000_000, "money")]


def test_hijri_year_is_not_a_count() -> None:
    assert quantities("وانطلقت الحملة في رمضان المبارك 1439 هجري في كل الولايات.") == []


def test_long_number_after_a_phone_cue() -> None:
    assert quantities("ويمكن الاتصال على الرقم الأخضر : 80100200 للإبلاغ.") == []


def test_large_counts_stay_counts() -> None:
    assert figures("وبلغ عدد الناخبين المسجلين 12345678 ناخبا.") == [(12_345_678, "other")]


def test_speeds_are_not_distances() -> None:
    assert figures("وتهب رياح تصل سرعتها إلى 60 كلم/س على السواحل.") == [(60, "other")]
    assert figures("بسرعة 90 كم في الساعة على الطريق.") == [(90, "other")]
    assert figures("وتقع القرية على بعد 45 كلم من العاصمة.") == [(45, "distance_km")]


def test_verb_after_a_share_governs_the_whole_count() -> None:
    text = "وقال المسعفون إن 42 مدنيا على الأقل بينهم 9 أطفال قتلوا في القصف."
    assert figures(text) == [(42, "killed"), (9, "killed")]
    text = "وأكدت المصادر أن 25 شخصا بينهم 3 نساء و7 أطفال أصيبوا بجروح."
    assert figures(text) == [(25, "injured"), (3, "injured"), (7, "injured")]


def test_share_without_a_casualty_verb_stays_other() -> None:
    assert figures("وقال إن 30 شخصا بينهم مسؤولون كبار حضروا الاجتماع.") == [(30, "other")]


# --- third batch: regressions seen in a corpus view of changed figures (seed 609) -------------------


def test_abstentions_are_not_custody() -> None:
    text = "وصادق المجلس على الفصل بـ120 صوتا مع 4 احتفاظ و9 رفضا."
    assert figures(text) == [(120, "other"), (4, "other"), (9, "other")]


def test_a_new_conjunct_after_the_group_ends_the_verb_reach() -> None:
    text = "وأوضح أن المئات من العمال علقوا في المدينة وتشرد الكثير منهم."
    assert figures(text) == [(100, "other")]


def test_a_new_head_noun_stops_the_carry_over() -> None:
    text = "وأشار التقرير إلى نزوح مليون شخص، وحاجة 2.5 مليون للمساعدات مع تعرض 3 ملايين شخص لخطر الجوع."
    assert figures(text) == [(1_000_000, "displaced"), (2_500_000, "other"), (3_000_000, "other")]


def test_a_list_of_people_keeps_carrying_the_toll() -> None:
    text = "وأضاف أن بين الجرحى 20 طفلا وصحفيان وأربعة مسعفين."
    assert figures(text) == [(20, "injured"), (2, "injured"), (4, "injured")]


# --- fourth batch: a sample of casualty/people figures in unannotated articles (seed 610) -----------


def test_glued_qualifier_continues_the_toll() -> None:
    text = "وقتل أكثر من 200 مقاتل من الطرفين ونحو 150 عنصرا من الفصائل الحليفة."
    assert figures(text) == [(200, "killed"), (150, "killed")]


def test_captured_and_killed_together_is_other() -> None:
    assert figures("وأكد سقوط العشرات من عناصر الميليشيا ما بين أسير وقتيل.") == [(10, "other")]


def test_mourners_are_not_the_dead() -> None:
    assert figures("وجرت مراسم تشييع حضرها الآلاف من أبناء المدينة.") == [(1000, "other")]
    assert figures("وشارك المئات في تشييع 4 شهداء.") == [(100, "other"), (4, "killed")]


def test_convicted_soldiers_are_other() -> None:
    assert figures("وأدين الضابط وثمانية جنود آخرين بتهم التعذيب.") == [(8, "other")]


def test_going_out_to_protest_is_no_displacement() -> None:
    assert figures("وشهدت المدينة خروج الآلاف في مظاهرات حاشدة.") == [(1000, "other")]
    assert figures("وتواصل خروج الآلاف من المدينة هربا من القصف.") == [(1000, "displaced")]


def test_a_unit_number_before_min_is_a_label() -> None:
    assert quantities("وخدم في الكتيبة 305 من الحرس الوطني.") == []


# --- fifth batch: a sample of "other" figures of people in unannotated articles (seed 611) ----------


def test_model_named_in_brackets() -> None:
    assert quantities("وقال المسؤول إن (حيتس 2) سيخضع لتجربة جديدة الشهر المقبل.") == []


def test_last_is_a_verb_not_six() -> None:
    assert quantities("وقالت المتحدثة: لست على علم بهذه التقارير.") == []


def test_a_row_of_phone_numbers() -> None:
    assert (
        quantities("ويمكن الاتصال بالأرقام الهاتفية التالية: 71.222.333 71.444.555 71.666.777 للإبلاغ.") == []
    )


# --- sixth batch: a random sample of figures in unannotated articles (seed 612) ----------------------


def test_movement_name_is_a_label() -> None:
    assert quantities("وتقود حركة خمس نجوم الائتلاف الحاكم.") == []


def test_score_alone_in_brackets() -> None:
    assert quantities("بعد خروج المنتخب من ربع النهائي أمام منافسه (1-3).") == []


def test_ranking_table_lines() -> None:
    text = "8- اليابان 1500 نقطة (-2)\n9- المكسيك 1480 نقطة (+4)\n120- ليبيا"
    assert figures(text) == [(1500, "other"), (1480, "other")]


def test_day_numbers_after_weekdays_are_dates() -> None:
    assert quantities("وتنعقد الجلسات يومي الخميس 14 والجمعة 15 من الشهر الجاري.") == []


def test_a_count_after_a_weekday_still_counts() -> None:
    assert figures("وقتل الخميس 9 أشخاص في الهجوم.") == [(9, "killed")]


def test_a_toll_head_past_a_dated_year() -> None:
    text = 'وقال إن حصيلة القتلى منذ بداية الحرب في آذار 2015 حتى اليوم بلغت "12,400 شخص على الأقل".'
    assert figures(text) == [(12_400, "killed")]


# --- seventh batch: a second sample of people figures (seed 613) -----------------------------------


def test_arabic_decimal_comma_before_a_multiplier() -> None:
    q = only("وأدى النزاع إلى تهجير 1،8 مليون شخص.")
    assert (q.value, q.measure) == (1_800_000, "displaced")


def test_arabic_comma_between_small_numbers_stays_a_list() -> None:
    assert [v for v, _ in figures("وأصيب 3،4 أشخاص في الحادث.")] == [3, 4]


def test_halting_an_advance_is_no_arrest() -> None:
    assert figures("ودفعت الجماعة بالمئات من عناصرها لإيقاف تقدم القوات.")[0][1] != "detained"


def test_lost_homes_are_displacement() -> None:
    assert figures("وقالت المنظمة إن نحو 9 ملايين شخص فقدوا منازلهم.") == [(9_000_000, "displaced")]
    assert figures("وفقدت القوات 20 جنديا في المعارك.") == [(20, "killed")]


def test_protesters_going_out_are_not_displaced() -> None:
    assert figures("وخرج مئات المتظاهرين في العاصمة.") == [(100, "other")]


def test_elements_of_a_state_force_are_troops() -> None:
    assert figures("ويقتصر الوجود العسكري على 1500 عنصر من القوات الخاصة.") == [(1500, "troops")]
    assert figures("وانضم 300 عنصر من قوات سوريا الديمقراطية إلى المعركة.") == [(300, "fighters")]


def test_disease_cases_are_not_wounds() -> None:
    assert figures("وتم تسجيل إصابة 6 تلاميذ بالتهاب الكبد في المدرسة.") == [(6, "other")]
    assert figures("وأصيب 6 أشخاص بالرصاص في المدينة.") == [(6, "injured")]


def test_mourners_after_a_definite_funeral_noun() -> None:
    assert figures("وشارك في الجنازة آلاف من سكان القرية.") == [(1000, "other")]
    assert figures("وقال إنه حضر جنازة جماعية لنحو 30 شخصا.") == [(30, "killed")]


# --- eighth batch: a last random sample (seed 614) --------------------------------------------------


def test_two_leg_scores() -> None:
    assert quantities("(خسر الفريق 0-2 ذهابا و1-3 إيابا)") == []


def test_hyphen_ranges_of_people_still_count() -> None:
    assert figures("ونقل 2-4 أشخاص إلى المستشفى.") == [(None, "other")]
    assert [q.max for q in quantities("وقتل 1-2 يوميا في المدينة.")] == [2]


def test_airliner_model() -> None:
    assert quantities("وتحطمت طائرة من طراز إيرباص 320 قرب المطار.") == []
    assert quantities("وكانت الطائرة بوينغ 737 تقل ركابا.") == []


def test_killed_and_wounded_after_a_relative_pronoun() -> None:
    assert figures("وانهار الجسر الذي قتل وأصاب العشرات.") == [(10, "other")]
