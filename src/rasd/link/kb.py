"""The knowledge base of actors: load, validate, index by folded alias.

The bundled file ``rasd/resources/kb/actors.jsonl`` holds one JSON object per line,
written by the project as facts. Users extend it with their own JSONL file
(``RASD_KB_PATH`` or :func:`add_kb_entry`); user entries are validated together
with the bundled ones so a conflict is reported when it is introduced, not when a
mention happens to hit it.

Fields of an entry: ``id`` (slug, unique), ``type`` (PER/ORG/GPE/LOC/FAC/NORP/MISC),
``name`` (canonical Arabic), ``name_en``, ``aliases`` (at most ``MAX_ALIASES``),
``wikidata`` (``Q…`` or null — never guessed), ``category`` (one of ``CATEGORIES``),
``country`` (ISO alpha-2), optional ``lat``/``lon``, ``geonames``, ``distinct_from``
(ids allowed to share an alias with this entry; context decides) and ``note``.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rasd.geo.demonyms import demonym_country
from rasd.link import names
from rasd.model import ENTITY_TYPES

# ACLED actor categories, plus "media" and "political party" (not armed, not ACLED
# actors, but needed to name outlets and parties). Countries and places have none.
CATEGORIES: tuple[str, ...] = (
    "state forces",
    "rebel group",
    "political militia",
    "identity militia",
    "rioters",
    "protesters",
    "civilians",
    "external/other forces",
    "media",
    "political party",
)
MAX_ALIASES = 60
MAX_ALIAS_CHARS = 120
KNOWN_FIELDS = frozenset(
    {"id", "type", "name", "name_en", "aliases", "wikidata", "category", "country", "lat", "lon"}
    | {"distinct_from", "note", "geonames"}
)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.\-]*$")
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
_COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


class KbValidationError(ValueError):
    """Every problem found in a KB file, each naming the entry (line and id)."""

    def __init__(self, errors: Sequence[str]) -> None:
        self.errors = list(errors)
        shown = "\n  ".join(self.errors[:50])
        more = f"\n  ... and {len(self.errors) - 50} more" if len(self.errors) > 50 else ""
        super().__init__(f"{len(self.errors)} knowledge-base error(s):\n  {shown}{more}")


@dataclass(frozen=True, slots=True)
class KbEntry:
    id: str
    type: str
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    category: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames: int | None = None
    distinct_from: tuple[str, ...] = ()
    origin: str = ""  # "file:line", for error messages

    @property
    def kb_id(self) -> str:
        """The document-independent key: Wikidata when known, else the project id."""
        return f"wikidata:{self.wikidata}" if self.wikidata else f"kb:{self.id}"

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *((self.name_en,) if self.name_en else ()))

    def name_keys(self) -> set[str]:
        return {k for k in (names.name_key(n) for n in self.all_names) if k}


def parse_entry(raw: Any, origin: str) -> tuple[KbEntry | None, list[str]]:
    """One entry from a decoded JSON object, or the reasons it is invalid."""
    errors: list[str] = []
    if not isinstance(raw, dict):
        return None, [f"{origin}: entry must be a JSON object, got {type(raw).__name__}"]
    ident = raw.get("id")
    label = f"{origin} (id={ident!r})"
    if not isinstance(ident, str) or not _ID_RE.match(ident):
        errors.append(f"{label}: id must be a lower-case slug like 'ly-lna'")
    unknown = sorted(set(raw) - KNOWN_FIELDS)
    if unknown:
        errors.append(f"{label}: unknown field(s) {', '.join(unknown)}")
    etype = raw.get("type")
    if etype not in ENTITY_TYPES:
        errors.append(f"{label}: type must be one of {', '.join(ENTITY_TYPES)}, got {etype!r}")
    name = raw.get("name")
    aliases = raw.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        errors.append(f"{label}: aliases must be a list of strings")
        aliases = []
    if not isinstance(name, str) or not names.name_key(name):
        errors.append(f"{label}: entity has no resolvable name (name is empty or only punctuation)")
        name = ""
    if len(aliases) > MAX_ALIASES:
        errors.append(
            f"{label}: {len(aliases)} aliases (max {MAX_ALIASES}); split the entry or trim the list"
        )
    for alias in aliases:
        if not names.name_key(alias):
            errors.append(f"{label}: alias {alias!r} has no letters")
        elif len(alias) > MAX_ALIAS_CHARS:
            errors.append(f"{label}: alias longer than {MAX_ALIAS_CHARS} characters: {alias[:40]!r}...")
    category = raw.get("category")
    if category is not None and category not in CATEGORIES:
        errors.append(f"{label}: category {category!r} is not one of {', '.join(CATEGORIES)}")
    wikidata = raw.get("wikidata")
    if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA_RE.match(wikidata)):
        errors.append(f"{label}: wikidata must look like 'Q1016' or be null, got {wikidata!r}")
    country = raw.get("country")
    if country is not None and (not isinstance(country, str) or not _COUNTRY_RE.match(country)):
        errors.append(f"{label}: country must be an ISO 3166 alpha-2 code like 'LY', got {country!r}")
    lat, lon = raw.get("lat"), raw.get("lon")
    if (lat is None) != (lon is None):
        errors.append(f"{label}: give both lat and lon or neither")
    elif lat is not None and not (
        isinstance(lat, int | float)
        and isinstance(lon, int | float)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    ):
        errors.append(f"{label}: lat/lon out of range: {lat!r}, {lon!r}")
    distinct = raw.get("distinct_from") or []
    if not isinstance(distinct, list) or not all(isinstance(d, str) for d in distinct):
        errors.append(f"{label}: distinct_from must be a list of ids")
        distinct = []
    name_en = raw.get("name_en")
    if name_en is not None and not isinstance(name_en, str):
        errors.append(f"{label}: name_en must be a string or null")
        name_en = None
    geonames = raw.get("geonames")
    if geonames is not None and not isinstance(geonames, int):
        errors.append(f"{label}: geonames must be an integer id")
        geonames = None
    if errors:
        return None, errors
    assert isinstance(ident, str) and isinstance(etype, str)
    return (
        KbEntry(
            id=ident,
            type=etype,
            name=name,
            name_en=name_en or None,
            aliases=tuple(dict.fromkeys(aliases)),
            wikidata=wikidata,
            category=category,
            country=country,
            lat=float(lat) if lat is not None else None,
            lon=float(lon) if lon is not None else None,
            geonames=geonames,
            distinct_from=tuple(distinct),
            origin=origin,
        ),
        [],
    )


def read_entries(path: Path | str, text: str | None = None) -> tuple[list[KbEntry], list[str]]:
    """Entries of one JSONL file and the errors found line by line (nothing raised)."""
    path = Path(path)
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            return [], [f"{path}: cannot read: {exc}"]
    entries: list[KbEntry] = []
    errors: list[str] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        origin = f"{path.name}:{lineno}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{origin}: invalid JSON: {exc.msg}")
            continue
        entry, errs = parse_entry(raw, origin)
        errors.extend(errs)
        if entry is not None:
            entries.append(entry)
    return entries, errors


def validate(entries: Sequence[KbEntry]) -> list[str]:
    """Cross-entry errors: duplicate ids and Wikidata ids, conflicting aliases."""
    errors: list[str] = []
    by_id: dict[str, KbEntry] = {}
    for e in entries:
        if e.id in by_id:
            errors.append(f"{e.origin}: duplicate id {e.id!r} (first defined at {by_id[e.id].origin})")
        else:
            by_id[e.id] = e
    by_wd: dict[str, KbEntry] = {}
    for e in entries:
        if e.wikidata:
            other = by_wd.setdefault(e.wikidata, e)
            if other is not e:
                errors.append(f"{e.origin}: wikidata {e.wikidata} also used by {other.id!r} ({other.origin})")
    for e in entries:
        for d in e.distinct_from:
            if d not in by_id:
                errors.append(f"{e.origin} (id={e.id!r}): distinct_from names unknown id {d!r}")
    owners: dict[str, list[KbEntry]] = {}
    for e in entries:
        for key in e.name_keys():
            owners.setdefault(key, []).append(e)
    for key, owner_list in sorted(owners.items()):
        ids = {o.id for o in owner_list}
        if len(ids) < 2:
            continue
        for a in owner_list:
            for b in owner_list:
                if a.id < b.id and not (b.id in a.distinct_from or a.id in b.distinct_from):
                    kind = "different types" if a.type != b.type else "the same type"
                    errors.append(
                        f"{a.origin}: alias {key!r} is shared by {a.id!r} and {b.id!r} ({b.origin}), "
                        f"entries of {kind}; rename it or list one id in the other's distinct_from"
                    )
    return errors


@dataclass
class KnowledgeBase:
    """Entries plus an index from name keys to entry ids."""

    entries: dict[str, KbEntry] = field(default_factory=dict)
    index: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Keys with gender-neutral adjectives (names.loose_key): a fallback, used only when unique.
    loose: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_kb_id: dict[str, KbEntry] = field(default_factory=dict)
    max_words: int = 1

    @classmethod
    def from_entries(cls, entries: Iterable[KbEntry]) -> KnowledgeBase:
        kb = cls()
        index: dict[str, list[str]] = {}
        for e in entries:
            kb.entries[e.id] = e
            kb.by_kb_id[e.kb_id] = e
            for key in sorted(e.name_keys()):
                ids = index.setdefault(key, [])
                if e.id not in ids:
                    ids.append(e.id)
                kb.max_words = max(kb.max_words, key.count(" ") + 1)
        kb.index = {k: tuple(v) for k, v in index.items()}
        loose: dict[str, set[str]] = {}
        for key, key_ids in kb.index.items():
            lk = names.loose_key(key)
            loose.setdefault(lk, set()).update(key_ids)
        kb.loose = {k: tuple(sorted(v)) for k, v in loose.items()}
        return kb

    def matched_key(self, text: str) -> str | None:
        """The clitic variant of ``text`` the index knows (what :meth:`candidates` used)."""
        return next((k for k in names.clitic_variants(text) if k in self.index), None)

    def candidates(self, text: str) -> list[KbEntry]:
        """Entries whose name matches ``text`` after folding and clitic stripping."""
        variants = names.clitic_variants(text)
        for key in variants:
            ids = self.index.get(key)
            if ids:
                return [self.entries[i] for i in ids]
        # "وحدات حماية الشعب الكردي" / "الكردية": adjectives may agree with either noun.
        for key in variants:
            if key.count(" ") >= 1:
                loose_ids = self.loose.get(names.loose_key(key), ())
                if len(loose_ids) == 1:
                    return [self.entries[loose_ids[0]]]
        return []

    def lookup(self, text: str, etype: str | None = None, country: str | None = None) -> KbEntry | None:
        """The one entry ``text`` names, or None when unknown or still ambiguous.

        ``etype`` filters by mention type (GPE and LOC are interchangeable for places);
        ``country`` breaks ties between entries declared distinct (two armies sharing a
        generic alias in different countries).
        """
        found = self.candidates(text)
        if not found:
            # "ميليشيات الحوثي الإيرانية", "حزب العدالة والتنمية التونسي": a country adjective after
            # a specific KB name of two or more words describes it; it may also say which one.
            words = text.split()
            code = demonym_country(words[-1]) if len(words) >= 3 else None
            if code:
                found = self.candidates(" ".join(words[:-1]))
                country = country or code
                if len(found) > 1:
                    found = [e for e in found if e.country == code] or found
        if not found:
            for variant in names.force_variants(text):
                found = self.candidates(variant)
                if found:
                    break
        if etype and found:
            typed = [e for e in found if compatible_types(etype, e.type)]
            found = typed
        if len(found) > 1 and country:
            local = [e for e in found if e.country == country]
            found = local or found
        return found[0] if len(found) == 1 else None


def compatible_types(mention_type: str, entry_type: str) -> bool:
    """NER often says LOC for a country or ORG for a state; allow the usual confusions."""
    if mention_type == entry_type:
        return True
    places = {"GPE", "LOC", "FAC"}
    if mention_type in places and entry_type in places:
        return True
    # A state named as an actor ("اتهمت مصر ...") is tagged ORG by some corpora; ANERcorp-style
    # MISC takes in institutions ("البيت الأبيض") that the KB knows as organisations.
    pair = {mention_type, entry_type}
    return pair <= {"GPE", "ORG"} or pair <= {"NORP", "ORG"} or pair == {"MISC", "ORG"}


def bundled_path() -> Path:
    return Path(str(resources.files("rasd.resources").joinpath("kb/actors.jsonl")))


def user_path() -> Path:
    """The user's own KB file: ``RASD_KB_PATH``, else ``$XDG_DATA_HOME/rasd/kb.jsonl``.

    ``rasd kb add`` appends here; :func:`load_kb` reads it after the bundled file when it exists.
    """
    value = os.environ.get("RASD_KB_PATH")
    if value:
        return Path(value)
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "rasd" / "kb.jsonl"


def check_files(paths: Sequence[Path | str]) -> list[str]:
    """Every problem in the bundled KB plus ``paths`` (what ``rasd kb check`` prints)."""
    entries: list[KbEntry] = []
    errors: list[str] = []
    for p in [bundled_path(), *map(Path, paths)]:
        got, errs = read_entries(p)
        entries.extend(got)
        errors.extend(errs)
    return errors + validate(entries)


_CACHE: dict[tuple[str, ...], KnowledgeBase] = {}
_LOCK = threading.Lock()


def load_kb(paths: Sequence[Path | str] | None = None, *, strict: bool = True) -> KnowledgeBase:
    """The validated knowledge base (bundled file plus the user's), cached per path list.

    With ``strict`` a bad file raises :class:`KbValidationError`; otherwise invalid
    entries are left out (and a conflicting alias resolves to nothing) so a pipeline
    run never crashes on a user's typo.
    """
    if paths is None:
        user = user_path()
        paths = [bundled_path(), *([user] if user.exists() else [])]
    key = tuple(str(p) for p in paths) + (("strict",) if strict else ())
    with _LOCK:
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
        entries: list[KbEntry] = []
        errors: list[str] = []
        for p in paths:
            got, errs = read_entries(p)
            entries.extend(got)
            errors.extend(errs)
        errors.extend(validate(entries))
        if errors and strict:
            raise KbValidationError(errors)
        if not strict:
            seen: set[str] = set()
            entries = [e for e in entries if not (e.id in seen or seen.add(e.id))]  # type: ignore[func-returns-value]
        kb = KnowledgeBase.from_entries(entries)
        _CACHE[key] = kb
        return kb


def clear_cache() -> None:
    with _LOCK:
        _CACHE.clear()


def add_kb_entry(
    path: Path | str, entry: dict[str, Any], *, base: Sequence[Path | str] | None = None
) -> KbEntry:
    """Validate ``entry`` against the bundled KB and the file, then append it to ``path``.

    This is what ``rasd kb add`` calls. Nothing is written when the entry is invalid
    or conflicts with an existing one (the :class:`KbValidationError` says why).
    """
    path = Path(path)
    base_paths = [bundled_path()] if base is None else list(base)
    existing: list[KbEntry] = []
    errors: list[str] = []
    for p in [*base_paths, *([path] if path.exists() else [])]:
        got, errs = read_entries(p)
        existing.extend(got)
        errors.extend(errs)
    new, errs = parse_entry(entry, f"{path.name}:new")
    errors.extend(errs)
    if new is not None:
        errors.extend(e for e in validate([*existing, new]) if f"{path.name}:new" in e)
    if errors:
        raise KbValidationError(errors)
    assert new is not None
    path.parent.mkdir(parents=True, exist_ok=True)
    needs_newline = path.exists() and path.stat().st_size > 0 and not path.read_bytes().endswith(b"\n")
    with path.open("a", encoding="utf-8") as fh:
        if needs_newline:
            fh.write("\n")
        fh.write(json.dumps(_entry_to_json(entry), ensure_ascii=False) + "\n")
    clear_cache()
    return new


def _entry_to_json(entry: dict[str, Any]) -> dict[str, Any]:
    order = ["id", "type", "name", "name_en", "aliases", "wikidata", "category", "country", "lat", "lon"]
    out = {k: entry[k] for k in order if k in entry}
    out.update({k: v for k, v in entry.items() if k not in out})
    return out
