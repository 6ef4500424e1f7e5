"""Places curated from the whole-corpus table of unresolved place names (issue 4)."""

from __future__ import annotations

import pytest

from rasd.geo.gazetteer import overrides_path, read_overrides
from rasd.geo.geocode import geocode_names, haversine_km

CASES = [
    ("حمورية", "SY", 33.5286, 36.3933),
    ("بانمونغوم", "KP", 37.9558, 126.6772),
    ("سالسبيري", "GB", 51.0688, -1.7945),
    ("خان الأحمر", "PS", 31.8028, 35.3278),
    ("زيوريخ", "CH", 47.3769, 8.5417),
    ("شينغيانغ", "CN", 41.1, 85.3),
    ("ساوث كارولينا", "US", 33.9, -80.9),
    ("بوفاريك", "DZ", 36.5753, 2.9114),
    ("لومبوك", "ID", -8.65, 116.35),
]


@pytest.mark.parametrize(("name", "country", "lat", "lon"), CASES)
def test_curated_spelling_is_placed(name: str, country: str, lat: float, lon: float) -> None:
    place = geocode_names([name])[0]
    assert place is not None
    assert place.country == country
    assert haversine_km(place.lat, place.lon, lat, lon) <= 25


def test_clitic_form_of_a_curated_name() -> None:
    place = geocode_names(["وحمورية"])[0]
    assert place is not None and place.country == "SY"


def test_override_file_is_valid() -> None:
    records, errors = read_overrides(overrides_path())
    assert errors == []
    assert any(r["name_en"] == "Panmunjom" for r in records)


@pytest.mark.parametrize(
    ("name", "country"),
    [("كويتا", "PK"), ("بالو", "ID"), ("يوبي", "NG"), ("كريت", "GR"), ("وستمنستر", "GB")],
)
def test_news_sense_beats_a_small_homonym(name: str, country: str) -> None:
    place = geocode_names([name])[0]
    assert place is not None and place.country == country


@pytest.mark.parametrize("word", ["إلى", "آل", "يونغ", "غازي"])
def test_words_seen_geocoded_in_the_corpus_are_stopped(word: str) -> None:
    assert geocode_names([word]) == [None]


def test_stopped_word_inside_a_longer_name_still_places() -> None:
    place = geocode_names(["غازي عنتاب"])[0]
    assert place is not None and place.country == "TR"


def test_a_capital_beats_its_small_namesake_in_a_story_about_another_country() -> None:
    from rasd.geo.geocode import geocode_names

    # A story focused on the United States (Washington named) that mentions European capitals.
    places = geocode_names(["واشنطن", "باريس", "جنيف", "موسكو"], countries=["US"])
    assert [p.country if p else None for p in places] == ["US", "FR", "CH", "RU"]
