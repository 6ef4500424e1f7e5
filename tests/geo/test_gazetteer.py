"""Gazetteer look-ups, stoplist and context disambiguation."""

from __future__ import annotations

import json
from pathlib import Path

from rasd.geo.gazetteer import STOPLIST, build_index, load_gazetteer, read_overrides
from rasd.geo.geocode import geocode_names, haversine_km
from rasd.link.names import name_key


def test_stoplist_words_are_never_places() -> None:
    gaz = load_gazetteer()
    for word in ("الدولة", "مدينة", "الخميس", "والدولة"):
        assert gaz.candidates(word) == []
    assert name_key("الخميس") in STOPLIST


def test_clitics_and_generic_heads() -> None:
    gaz = load_gazetteer()
    assert {p.country for p in gaz.candidates("بدرنة")} == {"LY"}
    assert gaz.candidates("مدينة درنة") == gaz.candidates("درنة")
    province = gaz.candidates("محافظة الحديدة")
    assert province and all(p.precision == 3 for p in province)


def test_tripoli_by_article_focus() -> None:
    libya = geocode_names(["طرابلس", "ليبيا", "مصراتة"])
    lebanon = geocode_names(["طرابلس", "لبنان"])
    assert libya[0] and libya[0].country == "LY"
    assert lebanon[0] and lebanon[0].country == "LB"


def test_co_occurring_places_decide() -> None:
    # No country named: a town near the other places of the article wins.
    out = geocode_names(["طرابلس", "جونية", "البترون"])
    assert out[0] is not None and out[0].country == "LB"


def test_obscure_homonyms_out_of_focus_are_refused() -> None:
    gaz = load_gazetteer()
    small = [p for p in gaz.places if p.source == "geonames" and p.population < 1000 and p.country == "IR"]
    assert small  # the index holds small Iranian villages with Arabic names
    out = geocode_names(["اليمن"])
    assert out[0] is not None and out[0].precision == 3


def test_overrides_validation(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl"
    path.write_text(
        json.dumps({"names": ["قرية الاختبار"], "name_en": "Test", "country": "LY", "lat": 32.0, "lon": 13.0})
        + "\n"
        + json.dumps({"names": [], "name_en": "X", "lat": 1, "lon": 1})
        + "\n"
        + json.dumps({"names": ["مكان"], "name_en": "Y", "lat": 100, "lon": 1})
        + "\n"
        + json.dumps({"names": ["الدولة"], "name_en": "Z", "lat": 1, "lon": 1})
        + "\n",
        encoding="utf-8",
    )
    records, errors = read_overrides(path)
    assert len(errors) == 3 and any("stoplist" in e for e in errors)
    index = build_index({}, records)
    # The Arabic name, plus the English name for Latin-script mentions inside Arabic text.
    assert sorted(index["keys"]) == sorted([name_key("قرية الاختبار"), "test"])


def test_haversine() -> None:
    assert abs(haversine_km(32.8872, 13.1913, 32.3754, 15.0925) - 187) < 5
