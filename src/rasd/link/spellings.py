"""Attested Latin spellings for Arabic name tokens, on top of the bundled romanizer.

The romanizer (arabic-name-romanizer) knows Arab names well but spells names it has
not seen by rules: "دونالد ترامب" comes out "Dounalad Taramab". The table built by
``scripts/build_name_spellings.py`` from the Wikidata person names (CC0) gives each
Arabic token its commonest attested spelling ("ترامب" -> "Trump"); it replaces a
romanizer unit only when that unit was guessed by rules or is attested less often.
The result is still a guess (``name_en_source="transliteration"``).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from rasd.link.names import romanize_many
from rasd.text.normalise import normalize

SPELLINGS_PATH = Path(str(resources.files("rasd.resources").joinpath("names/spellings.tsv.gz")))
_LOWER_PARTICLES = {"al", "el"}


class Spelling(NamedTuple):
    latin: str  # lower-case, as Wikidata's token list writes it
    attested: int  # names attesting this spelling of the token
    total: int  # names attesting any spelling of the token


def read_spellings(path: Path) -> dict[str, Spelling]:
    table = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            arabic, latin, count, total = line.rstrip("\n").split("\t")
            table[arabic] = Spelling(latin, int(count), int(total))
    return table


@lru_cache(maxsize=1)
def load_spellings() -> dict[str, Spelling]:
    """The bundled table ({} when the file is missing, so linking still works)."""
    return read_spellings(SPELLINGS_PATH) if SPELLINGS_PATH.exists() else {}


def display(latin: str) -> str:
    """ "al-assad" -> "al-Assad", "trump" -> "Trump"."""
    parts = latin.split("-")
    return "-".join(
        p if (i == 0 and p in _LOWER_PARTICLES) else p[:1].upper() + p[1:] for i, p in enumerate(parts)
    )


def _unit_spelling(arabic: str, table: dict[str, Spelling]) -> Spelling | None:
    key = normalize(arabic)
    if " " in key:  # compound units ("عبد الحميد") are the romanizer's strength
        return None
    return table.get(key)


def combine_units(candidate: Any, table: dict[str, Spelling]) -> str:
    """The romanizer's best candidate with rule-guessed or rarer units replaced by attested spellings."""
    units = getattr(candidate, "units", ())
    text = str(getattr(candidate, "text", "") or "")
    if not units or (candidate.source == "dictionary" and len(units) == 1 and " " in units[0].arabic):
        return text
    out, changed = [], False
    for unit in units:
        spelling = _unit_spelling(unit.arabic, table)
        if spelling and (unit.source in ("rules", "model") or spelling.attested > unit.count):
            latin = display(spelling.latin)
            changed |= latin != unit.latin
            out.append(latin)
        else:
            out.append(unit.latin)
    return " ".join(out) if changed else text


def romanize_names(texts: list[str]) -> list[str | None]:
    """Latin guesses for many Arabic names (romanizer dictionary + attested token spellings)."""
    table = load_spellings()
    return romanize_many(texts, respell=lambda candidate: combine_units(candidate, table))
