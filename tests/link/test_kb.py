"""Knowledge-base validation and user additions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.link import kb


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = {
    "id": "xx-army",
    "type": "ORG",
    "name": "جيش الاختبار",
    "name_en": "Test Army",
    "aliases": ["قوات الاختبار"],
    "wikidata": None,
    "category": "state forces",
    "country": "LY",
}


def test_bundled_kb_is_valid_and_broad() -> None:
    base = kb.load_kb([kb.bundled_path()])
    assert len(base.entries) >= 300
    types = {e.type for e in base.entries.values()}
    assert {"PER", "ORG", "GPE"} <= types
    cats = {e.category for e in base.entries.values()}
    assert {"state forces", "rebel group", "political militia", "media", "external/other forces"} <= cats


def test_lookups_cover_synonyms_acronyms_and_latin_names() -> None:
    base = kb.load_kb([kb.bundled_path()])
    assert base.lookup("تحرير الشام", "ORG") is base.lookup("هيئة تحرير الشام", "ORG")
    assert base.lookup("الناتو", "ORG") is base.lookup("حلف شمال الأطلسي", "ORG")
    assert base.lookup("الغارديان", "ORG") is base.lookup("The Guardian", "ORG")
    kremlin = base.lookup("الكرملين", "ORG")
    assert kremlin is not None and kremlin.country == "RU"
    assert base.lookup("لحزب الله", "ORG") is base.lookup("حزب الله", "ORG")
    uk = base.lookup("والمملكة المتحدة", "GPE")
    assert uk is not None and uk.name_en == "United Kingdom"


def test_rival_bodies_are_distinct_entries() -> None:
    base = kb.load_kb([kb.bundled_path()])
    gna, interim = base.lookup("حكومة الوفاق الوطني", "ORG"), base.lookup("الحكومة المؤقتة", "ORG")
    hor, hcs = base.lookup("مجلس النواب الليبي", "ORG"), base.lookup("المجلس الأعلى للدولة", "ORG")
    assert gna and interim and gna.id != interim.id
    assert hor and hcs and hor.id != hcs.id


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({**GOOD, "name": "  "}, "no resolvable name"),
        ({**GOOD, "name": "«»"}, "no resolvable name"),
        ({**GOOD, "aliases": [f"اسم {i}" for i in range(kb.MAX_ALIASES + 1)]}, "aliases (max"),
        ({**GOOD, "category": "heroes"}, "category"),
        ({**GOOD, "type": "ARMY"}, "type must be"),
        ({**GOOD, "wikidata": "1016"}, "wikidata"),
        ({**GOOD, "country": "Libya"}, "country"),
        ({**GOOD, "lat": 10.0}, "both lat and lon"),
        ({**GOOD, "colour": "red"}, "unknown field"),
    ],
)
def test_invalid_entries_are_reported(tmp_path: Path, bad: dict, message: str) -> None:
    path = _write(tmp_path / "kb.jsonl", [bad])
    with pytest.raises(kb.KbValidationError) as err:
        kb.load_kb([path])
    assert message in str(err.value)
    assert "kb.jsonl:1" in str(err.value)


def test_duplicate_ids_and_conflicting_aliases(tmp_path: Path) -> None:
    twin = {**GOOD, "name": "جيش آخر", "aliases": []}
    person = {"id": "xx-person", "type": "PER", "name": "قوات الاختبار"}
    path = _write(tmp_path / "kb.jsonl", [GOOD, twin, person])
    with pytest.raises(kb.KbValidationError) as err:
        kb.load_kb([path])
    text = str(err.value)
    assert "duplicate id 'xx-army'" in text
    assert "shared by 'xx-army' and 'xx-person'" in text and "different types" in text


def test_declared_distinct_entries_may_share_an_alias(tmp_path: Path) -> None:
    a = {**GOOD, "aliases": ["الجيش الوطني"], "distinct_from": ["yy-army"]}
    b = {**GOOD, "id": "yy-army", "name": "جيش آخر", "aliases": ["الجيش الوطني"], "country": "YE"}
    base = kb.load_kb([_write(tmp_path / "kb.jsonl", [a, b])])
    assert base.lookup("الجيش الوطني", "ORG") is None  # ambiguous without context
    found = base.lookup("الجيش الوطني", "ORG", country="YE")
    assert found is not None and found.id == "yy-army"


def test_bad_lines_do_not_crash_a_lenient_load(tmp_path: Path) -> None:
    path = tmp_path / "kb.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n{not json\n" + json.dumps({**GOOD}) + "\n")
    lenient = kb.load_kb([path], strict=False)
    assert list(lenient.entries) == ["xx-army"]
    with pytest.raises(kb.KbValidationError, match="invalid JSON"):
        kb.load_kb([path])


def test_add_kb_entry_appends_and_validates(tmp_path: Path) -> None:
    user = tmp_path / "user_kb.jsonl"
    entry = kb.add_kb_entry(user, dict(GOOD))
    assert entry.kb_id == "kb:xx-army"
    assert json.loads(user.read_text().splitlines()[0])["id"] == "xx-army"
    with pytest.raises(kb.KbValidationError, match="duplicate id"):
        kb.add_kb_entry(user, dict(GOOD))
    with pytest.raises(kb.KbValidationError, match="shared by"):
        kb.add_kb_entry(user, {"id": "xx-nato-copy", "type": "ORG", "name": "حلف شمال الأطلسي"})
    assert len(user.read_text().splitlines()) == 1  # nothing written on error
    merged = kb.load_kb([kb.bundled_path(), user])
    assert merged.lookup("قوات الاختبار", "ORG") is not None


def test_check_files_and_default_user_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASD_KB_PATH", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert kb.user_path() == tmp_path / "rasd" / "kb.jsonl"
    good = _write(tmp_path / "good.jsonl", [GOOD])
    assert kb.check_files([good]) == []
    bad = _write(tmp_path / "bad.jsonl", [{**GOOD, "name": ""}])
    assert any("no resolvable name" in e for e in kb.check_files([bad]))


def test_misc_mention_may_name_a_kb_organisation_but_not_a_person() -> None:
    from rasd.link.kb import compatible_types

    assert compatible_types("MISC", "ORG")  # "البيت الأبيض" tagged MISC is the White House
    assert not compatible_types("MISC", "PER")
    assert not compatible_types("PER", "ORG")


def test_regions_and_seas_have_english_names_but_no_point() -> None:
    from rasd.link.kb import load_kb

    kb = load_kb()
    middle_east = kb.lookup("الشرق الأوسط", "LOC")
    assert middle_east is not None and middle_east.name_en == "Middle East" and middle_east.lat is None
    assert kb.lookup("والبحر الأبيض المتوسط", "LOC").name_en == "Mediterranean Sea"  # type: ignore[union-attr]
    assert kb.lookup("المتوسط", "LOC") is None  # "average": not an alias on its own
