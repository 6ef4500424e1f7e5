"""Round 6 (issue 4): the words that put a place inside or by another, building heads, macro regions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.geo.gazetteer import anchor_gap, building_head, is_macro_region


def test_relation_words_between_two_places_anchor_the_first() -> None:
    for gap in [
        " في ",
        " ب",
        " بمحافظة ",
        " في مديرية ",
        " التابعة لمديرية ",
        " جنوب شرق ",
        " شمالي ",
        "، غرب العاصمة ",
        " شرق مدينة ",
        " في وسط ",
        " بالقرب من ",
        " الواقعة في ",
        " الى الشمال من ",
    ]:
        assert anchor_gap(gap), gap


def test_a_list_or_a_conjunction_is_no_relation() -> None:
    # "حلب، إدلب", "حلب وإدلب", "من حلب إلى إدلب", "وفي إدلب" (and in Idlib): two places, not one in the other
    for gap in ["، ", " و", " ", "", " وفي ", " و في ", " إلى ", " ومن ", " ل", " - ", " أو "]:
        assert not anchor_gap(gap), gap


def test_a_long_gap_is_never_a_relation() -> None:
    assert not anchor_gap(" في " + "كلام " * 12)


@given(st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهوي ،", max_size=30))
def test_anchor_gap_is_total(gap: str) -> None:
    assert anchor_gap(gap) in (True, False)


def test_building_head_inside_or_before_the_span() -> None:
    text = "انفجرت سيارة قرب فندق تيبستي وسط المدينة، ثم أغلق شارع بغداد."
    assert building_head(text, text.index("فندق"), "فندق تيبستي") == "فندق"
    assert building_head(text, text.index("تيبستي"), "تيبستي") == "فندق"
    assert building_head(text, text.index("بغداد"), "بغداد") == "شارع"
    # a glued preposition on the head ("بمستشفى [الجلاء]")
    text2 = "نقل الجرحى بمستشفى الجلاء."
    assert building_head(text2, text2.index("الجلاء"), "الجلاء") == "مستشفي"
    # a town named after a place head is not a building: "مدينة بغداد", "جسر الشغور"
    text3 = "وصل إلى مدينة بغداد ثم إلى جسر الشغور."
    assert building_head(text3, text3.index("بغداد"), "بغداد") is None
    assert building_head(text3, text3.index("جسر"), "جسر الشغور") is None


def test_macro_regions_are_never_points() -> None:
    for name in ["أوروبا", "البحر المتوسط", "الخليج العربي", "المحيط الهندي", "شمال أفريقيا", "الشرق الأوسط"]:
        assert is_macro_region(name), name
    for name in ["الهري", "حي المهندسين", "مديرية حيران", "بحري"]:
        assert not is_macro_region(name), name


def test_english_cities_missing_from_geonames_arabic_names_are_in_england() -> None:
    from rasd.geo.geocode import geocode_names

    for name in ["برمنغهام", "ليستر", "مانشيستر", "ساوثامبتون"]:
        place = geocode_names([name], countries=["GB"])[0]
        assert place is not None and place.country == "GB", name
    # Birmingham (England, a million people) beats Birmingham (Alabama) with no focus at all
    place = geocode_names(["برمنغهام"])[0]
    assert place is not None and place.country == "GB"
    # in an American story the Alabama city still wins
    place = geocode_names(["برمنغهام", "ألاباما"], countries=["US"])[0]
    assert place is not None and place.country == "US"


@given(
    st.lists(
        st.sampled_from(
            ["العراقية", "للسوريين", "المصري", "الليبيون", "وزارة", "قال", "ليبيا", "اليمنيات", "مصرى"]
        ),
        max_size=12,
    ),
    st.text(alphabet="ابتثجحخدذرسشصضطظعغفقكلمنهويىةـ ", max_size=40),
)
def test_document_countries_counts_exactly_the_adjectives_it_skips_nothing(
    words: list[str], noise: str
) -> None:
    import re
    from collections import Counter

    from rasd.geo.demonyms import demonym_country, document_countries

    text = " ".join(words) + " " + noise
    expected: Counter[str] = Counter()
    for w in re.findall(r"[\u0621-\u064a]+", text):
        if code := demonym_country(w):
            expected[code] += 1
    assert document_countries(text) == expected
