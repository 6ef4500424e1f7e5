"""Attested spellings of name tokens on top of the romanizer (rasd.link.spellings)."""

from __future__ import annotations

import gzip
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.link import spellings
from rasd.link.spellings import Spelling, combine_units, display, read_spellings, romanize_names


def _candidate(name: str):  # the romanizer's own best candidate, units and sources included
    from arabic_name_romanizer.api import Transliterator

    return Transliterator(auto_load_model=False).transliterate_many([name], top_k=2)[0][0]


def test_rule_guessed_unit_takes_the_attested_spelling() -> None:
    cand = _candidate("زربوفيتش")  # an invented surname: the romanizer can only guess by rules
    assert [u.source for u in cand.units] == ["rules"]
    table = {"زربوفيتش": Spelling("zarbovic", 3, 3)}
    assert combine_units(cand, table) == "Zarbovic"


def test_better_attested_dictionary_unit_is_kept() -> None:
    cand = _candidate("محمد")
    assert cand.units[0].source == "dictionary"
    table = {"محمد": Spelling("mhmd", 1, 1)}  # rarer than the romanizer's own evidence
    assert combine_units(cand, table) == cand.text


def test_no_table_entry_leaves_the_romanizer_output() -> None:
    cand = _candidate("زربوفيتش")
    assert combine_units(cand, {}) == cand.text


def test_display_capitalises_name_parts_but_not_the_article() -> None:
    assert display("al-assad") == "al-Assad"
    assert display("trump") == "Trump"
    assert display("jean-yves") == "Jean-Yves"


def test_bundled_table_spells_foreign_names_as_attested() -> None:
    assert romanize_names(["أنجيلا ميركل", "", "The Guardian"]) == ["Angela Merkel", None, "The Guardian"]


def test_table_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("ترامب\ttrump\t12\t12\n")
    assert read_spellings(path) == {"ترامب": Spelling("trump", 12, 12)}


def test_missing_table_is_empty(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(spellings, "SPELLINGS_PATH", tmp_path / "absent.tsv.gz")
    spellings.load_spellings.cache_clear()
    try:
        assert spellings.load_spellings() == {}
    finally:
        spellings.load_spellings.cache_clear()


@settings(deadline=None, max_examples=40)
@given(st.lists(st.text(alphabet="ابتثجحخدرزسشصطعغفقكلمنهوي ", max_size=12), max_size=5))
def test_any_arabic_input_gives_one_guess_or_none_each(texts: list[str]) -> None:
    out = romanize_names(texts)
    assert len(out) == len(texts)
    assert all(g is None or (g.strip() and g == g.strip()) for g in out)
