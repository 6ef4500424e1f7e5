"""The one label map for every NER corpus Rasd trains or evaluates on.

Corpora disagree on names (PERS vs PER), granularity (NewsFANE's 44 fine types,
Wojood's GPE/FAC/NORP) and scheme (IOB1 vs IOB2). Everything goes through here:
corpus tags become Rasd's coarse types, and Rasd's types go back to ANERcorp
names for evaluation, so no other module needs to know a corpus's tag set.
"""

from __future__ import annotations

from collections.abc import Sequence

# Types the shipped model predicts (ANERcorp guidelines: countries and cities are LOC).
MODEL_TYPES: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")

# Rasd type -> ANERcorp tag name, used by `rasd eval ner` and when writing CoNLL.
TO_ANERCORP: dict[str, str] = {
    "PER": "PERS",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
}

# Any corpus type name -> Rasd type; None means "not an entity for Rasd's NER".
_COMMON: dict[str, str | None] = {
    "PER": "PER",
    "PERS": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": None,  # nationality adjectives are O in ANERcorp's guidelines
}

# Wojood's extra types: ANERcorp would not tag dates, numbers, occupations...
_WOJOOD: dict[str, str | None] = {
    **_COMMON,
    "EVENT": None,
    "OCC": None,
    "DATE": None,
    "TIME": None,
    "CARDINAL": None,
    "ORDINAL": None,
    "PERCENT": None,
    "MONEY": None,
    "QUANTITY": None,
    "UNIT": None,
    "CURR": None,
    "LAW": None,
    "WEBSITE": None,
    "LANGUAGE": None,
    "PRODUCT": None,
}

# NewsFANE fine types -> coarse ones, following ANERcorp's guidelines.
_NEWSFANE_GROUPS: dict[str, tuple[str, ...]] = {
    "PER": (
        "Politician",
        "Athlete",
        "Artist",
        "Other_PER",
        "Religious_PER",
        "Scientist",
        "Businessperson",
        "Lawyer",
        "Engineer",
        "Police",
    ),
    "LOC": (
        "Nation",
        "Population-Center",
        "State-or-Province",
        "GPE-Cluster",
        "County-or-District",
        "Continent",
        "Water-Body",
        "Land",
        "Land-Region-Natural",
        "Building-Grounds",
        "Airport",
        "Subarea-Facility",
        "Path",
    ),
    "ORG": (
        "Non-Governmental",
        "Sports",
        "Government",
        "Media",
        "Commercial",
        "Educational",
        "Medical-Science",
        "Entertainment",
        "Religious_ORG",
        "Group",
    ),
    "MISC": ("Book", "Movie", "Software", "Hardware", "Air", "Projectile", "Shooting", "Food", "Drug"),
}
_NEWSFANE: dict[str, str | None] = {
    fine: coarse for coarse, fines in _NEWSFANE_GROUPS.items() for fine in fines
}

CORPUS_MAPS: dict[str, dict[str, str | None]] = {
    "anercorp": _COMMON,
    "aqmar": _COMMON,
    "generic": _COMMON,
    "wojood": _WOJOOD,
    "newsfane": _NEWSFANE,
}


def map_type(raw: str, corpus: str = "generic") -> str | None:
    """Rasd type for a corpus's type name (``None``: not an entity for Rasd)."""
    table = CORPUS_MAPS[corpus]
    if raw in table:
        return table[raw]
    upper = raw.upper()
    if upper in table:
        return table[upper]
    if corpus == "generic" or corpus not in CORPUS_MAPS:
        return None
    return _COMMON.get(upper)


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PERS"`` -> ``("B", "PERS")``; ``"O"`` -> ``("O", None)``. Accepts ``B_``, ``S-``, ``E-``."""
    if tag in ("O", "", "_"):
        return "O", None
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESL":
        return tag[0], tag[2:]
    return "I", tag  # a bare type name (IO scheme)


def map_tags(tags: Sequence[str], corpus: str = "generic") -> list[str]:
    """Corpus tags (IOB1, IOB2, IOBES or IO) -> IOB2 tags over Rasd types.

    A type mapped to ``None`` becomes ``O``; a span keeps its boundaries even when
    a neighbouring span of the same type touches it.
    """
    out: list[str] = []
    prev_raw: str | None = None
    prev_prefix = "O"
    for tag in tags:
        prefix, raw = split_tag(tag)
        mapped = map_type(raw, corpus) if raw is not None else None
        if mapped is None:
            out.append("O")
        else:
            starts = prefix in ("B", "S") or raw != prev_raw or prev_prefix in ("E", "L", "S", "O")
            out.append(("B-" if starts else "I-") + mapped)
        prev_raw, prev_prefix = (raw, prefix) if raw is not None else (None, "O")
    return out


def to_anercorp(tags: Sequence[str]) -> list[str]:
    """IOB2 tags over Rasd types -> IOB2 tags with ANERcorp names (PERS, LOC, ORG, MISC)."""
    out = []
    for tag in tags:
        prefix, raw = split_tag(tag)
        out.append("O" if raw is None else f"{prefix}-{TO_ANERCORP.get(raw, raw)}")
    return out
