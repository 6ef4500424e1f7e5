"""Mentions to entities: per-document keys, then corpus-wide clusters.

``link_document`` gives every mention of one document a document-independent
``link_key`` (a KB id, a GeoNames id, or a folded name). ``resolve_corpus`` turns
keys into entities across documents, adding only *safe* merges: a glued clitic
that leaves a name the corpus already has, a family name that fits exactly one
full name, a spelling variant that fits exactly one person. Anything ambiguous
stays apart: two people sharing a name part are two entities until the text says
otherwise.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.geo.demonyms import adjective_after, demonym_country, document_countries
from rasd.geo.gazetteer import (
    COMMON_WORD_NAMES,
    DIRECTION_TAILS,
    NAMESAKE_TERRITORIES,
    PLACE_HEADS,
    PROVINCE_HEADS,
    PROVINCE_HEADS_BEFORE,
    STOPLIST,
    TOWN_NAMED_HEADS,
    Gazetteer,
    Place,
    anchor_gap,
    building_head,
    city_context,
    facility_of,
    haversine_km,
    is_macro_region,
    load_gazetteer,
    old_town_of,
    province_head_before,
    province_of,
    without_generic_head,
)
from rasd.geo.geocode import geocode_names
from rasd.link import names, spellings
from rasd.link.kb import KbEntry, KnowledgeBase, load_kb
from rasd.model import Document, Entity, Mention

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
PROVINCE_PREFIX = "province:"
FACILITY_PREFIX = "at:"
POLICE_PREFIX = "police:"
# "in:<name key>@<anchor key>": a place the gazetteer does not know, placed by the article's own
# words at the town or province it lies in or by ("بلدة الهري جنوب شرق البوكمال", "فندق تيبستي
# ... وسط بنغازي"). ACLED precision 2 at a town, 3 at a province.
IN_PREFIX = "in:"
# A building with no explicit "في Y" is placed at the last town the article named this close before it.
BUILDING_ANCHOR_CHARS = 300
SAME_PLACE_KM = 25.0
# Bare uses of an anchored name join it only when at most this many times as many as anchored uses.
BARE_SHARE = 3
MAX_ALIASES = 50
# "X في Y" / "X بY": a place followed by the province or country it lies in.
_IN_RE = re.compile(r" (?:في|فى) | (?=ب\S)")


def type_group(etype: str) -> str:
    """GPE and LOC share keys (corpora disagree about which a country is)."""
    return "PLACE" if etype in ("GPE", "LOC") else etype


def name_link_key(etype: str, text: str) -> str | None:
    name = names.strip_titles(text) if etype == "PER" else names.name_key(text)
    return f"name:{type_group(etype)}:{name}" if name else None


def _parse_name_key(key: str) -> tuple[str, str] | None:
    if not key.startswith("name:"):
        return None
    _, group, name = key.split(":", 2)
    return group, name


@dataclass
class _Resources:
    kb: KnowledgeBase
    gaz: Gazetteer
    person_parts: dict[str, list[KbEntry]]
    # "وزاره الداخليه" -> {"TN": [tn-moi], "EG": [eg-moi], ...}: state bodies named without
    # their country, derived from KB names ending in the country's adjective.
    national_bodies: dict[str, dict[str, list[KbEntry]]]


# Derived indexes per (KB, gazetteer) pair, built once: LinkStage and resolve_corpus pass
# the loaded resources explicitly for every document, so this must not rebuild them.
_RES_CACHE: dict[tuple[int, int], _Resources] = {}
_RES_CACHE_MAX = 8


def _resources(kb: KnowledgeBase | None = None, gaz: Gazetteer | None = None) -> _Resources:
    kb = kb or load_kb(strict=False)
    gaz = gaz or load_gazetteer()
    cache_key = (id(kb), id(gaz))
    cached = _RES_CACHE.get(cache_key)
    if cached is not None and cached.kb is kb and cached.gaz is gaz:
        return cached
    parts: dict[str, list[KbEntry]] = defaultdict(list)
    for entry in kb.entries.values():
        if entry.type != "PER":
            continue
        for n in entry.all_names:
            toks = names.tokens(n)
            if len(toks) < 2:
                continue
            for last in {toks[-1], names.without_article(toks[-1])}:
                if entry not in parts[last]:
                    parts[last].append(entry)
    bodies: dict[str, dict[str, list[KbEntry]]] = defaultdict(lambda: defaultdict(list))
    for entry in kb.entries.values():
        if entry.type != "ORG" or not entry.country:
            continue
        for n in entry.all_names:
            words = names.name_key(n).split()
            if len(words) >= 2 and demonym_country(words[-1]) == entry.country:
                found = bodies[" ".join(words[:-1])][entry.country]
                if entry not in found:
                    found.append(entry)
    res = _Resources(kb, gaz, dict(parts), {k: dict(v) for k, v in bodies.items()})
    if len(_RES_CACHE) >= _RES_CACHE_MAX:
        _RES_CACHE.clear()
    _RES_CACHE[cache_key] = res
    return res


def _kb_lookup(res: _Resources, m: Mention, country: str | None = None) -> KbEntry | None:
    if m.type in PLACE_TYPES:
        # فارنا is the town Varna, not ف + the agency ارنا: a place name the gazetteer knows
        # as written beats a KB name reached only by stripping a clitic.
        literal = names.name_key(m.text)
        matched = res.kb.matched_key(m.text)
        if matched is not None and matched != literal and res.gaz.keys.get(literal):
            return None
    if m.type == "PER":
        found = res.kb.lookup(names.strip_titles(m.text), "PER", country)
        if found:
            return found
    return res.kb.lookup(m.text, m.type, country)


def _kb_partial_person(res: _Resources, text: str) -> KbEntry | None:
    """The one KB person whose family name ``text`` is (after clitic stripping), if unique."""
    for key in names.clitic_variants(names.strip_titles(text)):
        if " " in key:
            continue
        found = {e.id: e for e in res.person_parts.get(key, [])}
        if len(found) == 1:
            return next(iter(found.values()))
        if found:
            return None
    return None


def _national_body(res: _Resources, m: Mention, hits: dict[str, KbEntry], focus: list[str]) -> KbEntry | None:
    """The KB body a country-less "وزارة الداخلية" / "الحرس الوطني" / "القوات المسلحة" names.

    A body of that name the document already names with its country wins; else the body
    of the article's main country; else none (the bare name is no evidence across articles).
    """
    for variant in names.clitic_variants(m.text):
        by_country = res.national_bodies.get(variant)
        if not by_country:
            continue
        named = {e.id: e for e in hits.values() if e.country in by_country and e in by_country[e.country]}
        if len(named) == 1:
            return next(iter(named.values()))
        if named:
            return None
        for code in focus[:1]:
            found = by_country.get(code, [])
            return found[0] if len(found) == 1 else None
        return None
    return None


def link_document(
    doc: Document, *, kb: KnowledgeBase | None = None, gaz: Gazetteer | None = None
) -> Document:
    """Set ``link_key`` on every mention of ``doc`` (mentions that already have one keep it)."""
    todo = [m for m in doc.mentions if not m.link_key]
    if not todo:
        return doc
    res = _resources(kb, gaz)
    countries: Counter[str] = Counter()
    hits: dict[str, KbEntry] = {}
    for m in doc.mentions:
        entry = _kb_lookup(res, m)
        if entry is not None:
            hits[m.id] = entry
            if entry.country:
                countries[entry.country] += 1 if entry.type == "GPE" else 0.5  # type: ignore[assignment]
    focus = countries.most_common(1)[0][0] if countries else None
    # Ties between KB entries declared distinct are broken by the article's focus.
    for m in todo:
        if m.id not in hits:
            entry = _kb_lookup(res, m, focus)
            if entry is not None:
                hits[m.id] = entry
    weighted = [c for c, n in countries.items() for _ in range(max(1, int(n)))]
    # Country adjectives ("العراقية") say what the article is about even when the
    # country is never named; a few are enough, many should not swamp named places.
    weighted += [c for c, n in document_countries(doc.text).items() for _ in range(min(n, 3))]
    ranked = Counter(weighted).most_common(2)
    # The article's main country, only when it clearly leads.
    main = [ranked[0][0]] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else []
    for m in todo:
        if m.id not in hits and m.type == "ORG":
            entry = _national_body(res, m, hits, main)
            if entry is not None:
                hits[m.id] = entry
    # "بتونس العاصمة", "العاصمة تونس": the capital, not the country it is named after.
    capitals: dict[str, Place] = {}
    for m in todo:
        entry = hits.get(m.id)
        if (
            entry is not None
            and entry.id.startswith("country-")
            and m.type in PLACE_TYPES
            and city_context(doc.text, m.start, m.end)
        ):
            towns = [p for p in res.gaz.candidates(m.text) if p.feature != "country" and p.population]
            towns = [p for p in towns if p.country == entry.country]
            if towns:
                capitals[m.id] = max(towns, key=lambda p: p.population)
                del hits[m.id]
    keys: dict[str, str] = {m_id: place.key for m_id, place in capitals.items()}
    for m in todo:
        if m.id in hits:
            keys[m.id] = hits[m.id].kb_id
    place_mentions = [m for m in todo if m.type in PLACE_TYPES and m.id not in keys]
    # A province without its own gazetteer entry is geocoded through its namesake town
    # but keeps a key of its own: the province is never merged with the town. So does a
    # facility named after its town ("مخيم الهول", "معبر رفح"). A country adjective tagged
    # as a place ("ليبي") is no place at all.
    texts: list[str] = []
    prefixes: list[str] = []
    for m in place_mentions:
        text, prefix = m.text, ""
        territory = next(
            (NAMESAKE_TERRITORIES[v] for v in names.clitic_variants(m.text) if v in NAMESAKE_TERRITORIES),
            None,
        )
        if " " not in m.text.strip() and demonym_country(m.text):
            text = ""
        elif province_head_before(doc.text, m.start) and province_of(m.text) is None:
            # "ولاية [المنستير]": the province, though only the town's name is tagged.
            prefix = PROVINCE_PREFIX
        elif territory is not None and not city_context(doc.text, m.start, m.end):
            text = territory
        elif (
            (town := old_town_of(m.text)) is not None
            and province_of(m.text) is None  # "ريف حلب الشمالي" is the countryside, not a part of town
            and not res.gaz.candidates(m.text)
        ):
            text, prefix = town, f"{FACILITY_PREFIX}{names.name_key(m.text).rsplit(' ', 1)[-1]}:"
        elif (bare := _without_adjective(m.text)) is not None and not res.gaz.candidates(m.text):
            text = bare  # "دير الزور السورية": the adjective is a hint (see _place_hint), not the name
        elif not res.gaz.candidates(m.text):
            facility = facility_of(m.text)
            if (province := province_of(m.text)) is not None:
                text, prefix = province, PROVINCE_PREFIX
            elif facility is not None:
                text, prefix = facility[1], f"{FACILITY_PREFIX}{facility[0]}:"
        texts.append(text)
        prefixes.append(prefix)
    hints = [_place_hint(doc, m, hits, res) for m in place_mentions]
    geocoded = geocode_names(texts, countries=weighted, gazetteer=res.gaz, hints=hints)
    for m, prefix, place in zip(place_mentions, prefixes, geocoded, strict=True):
        if place is not None:
            if prefix == PROVINCE_PREFIX and place.precision >= 2 and province_of(m.text) is None:
                prefix = ""  # "محافظة [شمال سيناء]": the tagged name already is the province
            part_of = prefix.startswith(FACILITY_PREFIX) and prefix.split(":")[1] in DIRECTION_TAILS
            if part_of and place.precision != 1:
                continue  # "السودان الجنوبي" is not a part of the country Sudan
            keys[m.id] = f"{prefix}{place.key}"
    _anchor_unplaced(doc, place_mentions, geocoded, keys, hits, res)
    # Partial person names: the one full name of this document they fit, else the one KB person.
    # Only the longest names count as targets: "النجار" fits "رزان النجار" and "رزان أشرف
    # النجار", which are one person when the shorter is itself part of the longer.
    persons = [m for m in doc.mentions if m.type == "PER"]
    person_names = {names.strip_titles(m.text) for m in persons}
    longest = [
        m
        for m in persons
        if not any(names.is_partial_name(names.strip_titles(m.text), full) for full in person_names)
    ]
    for m in todo:
        if m.id in keys or m.type != "PER":
            continue
        short_forms = names.clitic_variants(names.strip_titles(m.text))
        fits: set[str] = set()
        firsts: set[str] = set()
        for other in longest:
            full = names.strip_titles(other.text)
            if other is m or full in short_forms:
                continue
            key = keys.get(other.id) or other.link_key or name_link_key("PER", other.text) or ""
            if any(names.is_partial_name(s, full) for s in short_forms):
                fits.add(key)
            elif any(" " not in s and names.tokens(full)[:1] == [s] for s in short_forms):
                firsts.add(key)
        fits.discard("")
        firsts.discard("")
        if len(fits) == 1:
            keys[m.id] = next(iter(fits))
        elif not fits and len(firsts) == 1:
            # A first name alone ("رزان") is the one person of this article who bears it;
            # never across articles.
            keys[m.id] = next(iter(firsts))
        elif not fits:
            entry = _kb_partial_person(res, m.text)
            if entry is not None:
                keys[m.id] = entry.kb_id
    # A city's police: "شرطة عدن" and "أمن عدن" share one key, the town's.
    police = [
        (m, town) for m in todo if m.type == "ORG" and m.id not in keys if (town := names.police_town(m.text))
    ]
    if police:
        police_places = geocode_names([t for _, t in police], countries=weighted, gazetteer=res.gaz)
        for (m, _), place in zip(police, police_places, strict=True):
            if place is not None and place.source != "kb" and place.precision == 1:
                keys[m.id] = f"{POLICE_PREFIX}{place.key}"
    # A one-word organisation ("المرصد", "الخارجية") is the one longer organisation of this
    # document whose name starts with that word, if there is exactly one. A name the article
    # wrote before with a head ("قوات مكافحة الإرهاب" ... "مكافحة الإرهاب") is that body too.
    orgs = [m for m in doc.mentions if m.type == "ORG"]
    for m in todo:
        if m.id in keys or m.type != "ORG":
            continue
        variants = [v.split() for v in names.clitic_variants(m.text)]
        if not variants:
            continue
        fits = set()
        for other in orgs:
            words = names.name_key(other.text).split()
            if len(words) >= 2 and words[0] in names.BODY_HEADS:
                words = [*words[1:], ""]  # "الشباب" is short for "حركة الشباب"
            if other is m or len(words) < 2:
                continue
            if any(
                (len(v) == 1 and words[0] == v[0])
                or (len(v) > 1 and len(words) > len(v) and words[: len(v)] == v)
                for v in variants
            ):
                fits.add(keys.get(other.id) or other.link_key or name_link_key("ORG", other.text) or "")
        fits.discard("")
        if len(fits) == 1:
            keys[m.id] = next(iter(fits))
    for m in todo:
        m.link_key = keys.get(m.id) or name_link_key(m.type, m.text) or f"mention:{doc.id}:{m.id}"
    return doc


def _core_key(text: str, head: str | None) -> str:
    """The name key of an unplaced place: without a generic head or glued clitic, with its building head."""
    variants = names.clitic_variants(without_generic_head(text)) or [names.name_key(text)]
    for v in variants:
        first = v.partition(" ")[0]
        if first in PLACE_HEADS | PROVINCE_HEADS or (head and first == head):
            return v.replace("@", " ")
    core = variants[0]
    core = f"{head} {core}" if head and not core.startswith(f"{head} ") else core
    return core.replace("@", " ")  # "@" separates the name from its anchor in an in: key


def _anchor_unplaced(
    doc: Document,
    place_mentions: list[Mention],
    geocoded: list[Place | None],
    keys: dict[str, str],
    hits: dict[str, KbEntry],
    res: _Resources,
) -> None:
    """Key unplaced places by the town or province the text puts them in (``IN_PREFIX``).

    "حي المهندسين بالقاهرة", "مديرية حيران بمحافظة حجة", "بلدة الهري جنوب شرق البوكمال": the
    district, neighbourhood or village is placed at its container, as ACLED does (precision 2
    at a town, 3 at a province). A building ("فندق [تيبستي]") is never its namesake place; it
    goes to the town named right after it, or else to the last town named shortly before it.
    A continent, sea or a name the KB knows (a person tagged as a place) is never anchored.
    """
    anchors: dict[str, str] = {}  # mention id -> key of a town or province (never a country)
    for m, place in zip(place_mentions, geocoded, strict=True):
        key = keys.get(m.id)
        if key and place is not None and place.source != "kb" and not key.startswith(POLICE_PREFIX):
            anchors[m.id] = key
    buildings: dict[str, str] = {}
    placed = {m.id: place for m, place in zip(place_mentions, geocoded, strict=True)}
    for m in place_mentions:
        head = building_head(doc.text, m.start, m.text)
        if head is None or (m.id in keys and head == names.name_key(m.text).partition(" ")[0]):
            continue
        town = placed.get(m.id)
        if head in TOWN_NAMED_HEADS and town is not None and town.source != "kb":
            # "جامعة [تعز]": the university of the town it is named after, a facility at that town;
            # "جامعة [كاليفورنيا]" is in that state (precision 3), never the state itself.
            if town.precision == 1:
                keys[m.id] = f"{FACILITY_PREFIX}{head}:{town.key}"
            else:
                keys[m.id] = f"{IN_PREFIX}{_core_key(m.text, head)}@{keys.get(m.id) or town.key}"
            anchors.pop(m.id, None)
            continue
        # "فندق [تيبستي]": the tagged name is the hotel's, not the Tibesti mountains.
        buildings[m.id] = head
        keys.pop(m.id, None)
        anchors.pop(m.id, None)
    places = sorted((m for m in doc.mentions if m.type in PLACE_TYPES), key=lambda o: o.start)
    starts = [o.start for o in places]
    for m in place_mentions:
        place = placed.get(m.id)
        key = keys.get(m.id)
        if place is None or key is None or key.startswith(FACILITY_PREFIX) or place.source == "kb":
            continue
        anchor = _anchor_after(doc.text, m, places, starts, anchors, res)
        point = anchor_point(anchor, res.gaz) if anchor else None
        if point is not None and point[3] != place.country:
            # "حي [المغار] بمدينة درنة": the text's own container beats a namesake town abroad.
            del keys[m.id]
            anchors.pop(m.id, None)
    todo = [
        m
        for m in place_mentions
        if m.id not in keys
        and m.id not in hits
        and (m.id in buildings or not is_macro_region(m.text))
        and res.kb.matched_key(m.text) is None
        and not (" " not in m.text.strip() and (demonym_country(m.text) or _accusative_adjective(m.text)))
        and len(names.name_key(m.text).replace(" ", "")) >= 3
        and not set(names.clitic_variants(m.text)) & _GENERIC_WORDS
    ]
    if not todo:
        return
    by_core: dict[str, str] = {}
    # Right to left, so that "قرية X في مديرية Y بمحافظة Z" chains X to Y once Y is anchored to Z.
    for m in sorted(todo, key=lambda o: o.start, reverse=True):
        core = _core_key(m.text, buildings.get(m.id))
        anchor = _anchor_after(doc.text, m, places, starts, anchors, res)
        if anchor is None and m.id in buildings:
            before = [
                o
                for o in places
                if o.id in anchors
                and not anchors[o.id].startswith((PROVINCE_PREFIX, IN_PREFIX))
                and o.end <= m.start
                and m.start - o.end <= BUILDING_ANCHOR_CHARS
            ]
            anchor = anchors[before[-1].id] if before else None
        if anchor is None:
            continue
        keys[m.id] = anchors[m.id] = by_core.setdefault(core, f"{IN_PREFIX}{core}@{anchor}")
    # A later bare mention of an anchored name in the same article is that place too.
    for m in todo:
        if m.id not in keys:
            core = _core_key(m.text, buildings.get(m.id))
            if core in by_core:
                keys[m.id] = by_core[core]
            elif m.id in buildings:
                keys[m.id] = f"name:{type_group(m.type)}:{core}"


# Words tagged as places that name none: heads on their own ("ولايتي"), "the country", "rural".
_GENERIC_WORDS = (
    STOPLIST
    | PLACE_HEADS
    | PROVINCE_HEADS
    | PROVINCE_HEADS_BEFORE
    | frozenset(names.name_key(w) for w in ["البلاد", "ريفية", "سكنية", "صناعية", "جبلية", "حدودية"])
)


def _accusative_adjective(word: str) -> bool:
    """ "إيرانيا", "دبلوماسيا": an adverbial adjective tagged as a place ("-يا" on a nisba)."""
    key = names.name_key(word)
    return key.endswith("يا") and bool(demonym_country(key[:-1]))


def _anchor_after(
    text: str, m: Mention, places: list[Mention], starts: list[int], anchors: dict[str, str], res: _Resources
) -> str | None:
    """The anchor key of the placed span right after ``m`` when the words between are a relation."""
    i = bisect.bisect_left(starts, m.end)
    nxt = places[i] if i < len(places) else None
    if nxt is None or nxt.id not in anchors or nxt.start - m.end > 40:
        return None
    gap = text[m.end : nxt.start]
    words = nxt.text.split()
    lead = ""
    if len(words) > 1 and any(v in PLACE_HEADS | PROVINCE_HEADS for v in names.clitic_variants(words[0])):
        lead = f"{words[0]} "  # "[بمحافظة حجة]": the container head is inside the anchor's span
    elif nxt.text[:1] in ("ب", "ل") and not res.gaz.keys.get(names.name_key(nxt.text)):
        lead = nxt.text[0]  # "[بالبوكمال]": the glued ب is the relation
    return anchors[nxt.id] if anchor_gap(gap + lead) else None


def _place_hint(doc: Document, m: Mention, hits: dict[str, KbEntry], res: _Resources) -> str | None:
    """The country the text itself attaches to a place name, if any.

    "سنجار العراقية" (an adjective right after it), "الجوف في اليمن", "المنصورة بعدن" (the
    country, or a town of one country, right after في / ب).
    """
    if _without_adjective(m.text) is not None:
        return demonym_country(m.text.split()[-1])
    if not 0 <= m.end < len(doc.text):
        return None
    code = adjective_after(doc.text, m.end)
    if code:
        return code
    match = _IN_RE.match(doc.text, m.end)
    if match is None:
        return None
    start = match.end()
    nxt = next((o for o in doc.mentions if o.start == start and o.type in PLACE_TYPES | {"ORG"}), None)
    if nxt is None:
        return None
    entry = hits.get(nxt.id)
    if entry is not None:
        return entry.country if entry.type == "GPE" else None
    if nxt.type not in PLACE_TYPES:
        return None
    countries = {p.country for p in res.gaz.candidates(province_of(nxt.text) or nxt.text)}
    return countries.pop() if len(countries) == 1 else None


def _without_adjective(text: str) -> str | None:
    """The place name of a span that ends with a country adjective ("المنيا المصرية" -> "المنيا")."""
    words = text.split()
    if len(words) >= 2 and names.name_key(words[-1]).startswith("ال") and demonym_country(words[-1]):
        return " ".join(words[:-1])
    return None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        self.add(x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Deterministic: the lexicographically smaller root wins.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _key_rank(key: str) -> int:
    for i, prefix in enumerate(("wikidata:", "kb:", "geonames:", "place:", PROVINCE_PREFIX, FACILITY_PREFIX)):
        if key.startswith(prefix):
            return i
    return 9


def entity_id(key: str) -> str:
    """A stable entity id derived from the cluster key."""
    return "E" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def resolve_corpus(
    docs: Iterable[Document],
    *,
    kb: KnowledgeBase | None = None,
    gaz: Gazetteer | None = None,
    transliteration_model: bool = False,
) -> list[Entity]:
    """Cluster the mentions of ``docs`` into entities; sets ``mention.entity_id``.

    Deterministic for a given set of documents. Documents whose mentions lack
    ``link_key`` (for example, read back from a store) are linked first.
    ``transliteration_model``: guess English names of unknown entities with the
    romanizer's neural model (better spellings, about 40 times slower) instead of its
    dictionary and rules.
    """
    res = _resources(kb, gaz)
    docs = list(docs)
    mentions: list[Mention] = []
    for doc in docs:
        link_document(doc, kb=res.kb, gaz=res.gaz)
        mentions.extend(doc.mentions)
    uf = _UnionFind()
    count: Counter[str] = Counter()
    mention_types: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        assert m.link_key is not None
        uf.add(m.link_key)
        count[m.link_key] += 1
        mention_types[m.link_key][m.type] += 1
    all_keys = sorted(count)
    name_keys = {k: p for k in all_keys if (p := _parse_name_key(k))}

    # (a) a glued clitic: "name:PER:وحفتر" -> an existing key or a KB entry.
    for key, (group, name) in name_keys.items():
        for variant in names.clitic_variants(name)[1:]:
            other = f"name:{group}:{variant}"
            if other in count:
                uf.union(key, other)
                break
            etype = mention_types[key].most_common(1)[0][0]
            entry = res.kb.lookup(variant, etype)
            if entry is not None:
                uf.union(key, entry.kb_id)
                count.setdefault(entry.kb_id, 0)
                break

    # (a2) "بالشرطة الصومالية" and "للشرطة الصومالية" are one name even when the bare
    # "الشرطة الصومالية" never occurs: keys sharing the article form they hide are joined.
    by_article_form: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, (group, name) in name_keys.items():
        form = names.article_form(name) or (name if name.startswith("ال") else None)
        if form:
            by_article_form[(group, form)].append(key)
    for same in by_article_form.values():
        for other in same[1:]:
            uf.union(same[0], other)

    # (a3) "الجيش الفرنسي", "للقوات الفرنسية", "القوات المسلحة الفرنسية": one army.
    by_army: dict[str, list[str]] = defaultdict(list)
    army_entries: dict[str, list[str]] = defaultdict(list)
    for key, (group, name) in name_keys.items():
        if group == "ORG" and (army := names.army_key(name)):
            by_army[army].append(key)
    for key in all_keys:
        entry = res.kb.by_kb_id.get(key)
        if entry is not None and entry.type == "ORG" and by_army:
            armies = {a for n in entry.all_names if (a := names.army_key(n))}
            if len(armies) == 1:
                army_entries[armies.pop()].append(key)
    for army, kb_keys in army_entries.items():
        if len(kb_keys) == 1:  # never join two KB entries
            by_army[army].append(kb_keys[0])
    for same in by_army.values():
        for other in same[1:]:
            uf.union(same[0], other)

    # (b) partial person names that fit exactly one full name of the corpus.
    full_people: dict[str, list[str]] = defaultdict(list)  # root key -> full names
    for key in all_keys:
        parsed = name_keys.get(key)
        if parsed and parsed[0] == "PER" and " " in parsed[1]:
            full_people[key].append(parsed[1])
        elif not parsed:
            entry = res.kb.by_kb_id.get(key)
            if entry is not None and entry.type == "PER":
                full_people[key].extend(n for n in entry.all_names if " " in names.name_key(n))
    # Index full names by family name so each short name is compared with few candidates.
    by_last: dict[str, set[str]] = defaultdict(set)
    for full_key, fulls in full_people.items():
        for f in fulls:
            last = names.tokens(f)[-1]
            by_last[last].add(full_key)
            by_last[names.without_article(last)].add(full_key)
    for key, (group, name) in name_keys.items():
        toks = name.split()
        if group != "PER" or not toks:
            continue
        candidates = by_last.get(toks[-1], set()) | by_last.get(names.without_article(toks[-1]), set())
        fits = {
            uf.find(full_key)
            for full_key in sorted(candidates)
            if full_key != key and any(names.is_partial_name(name, f) for f in full_people[full_key])
        }
        if len(fits) == 1:
            uf.union(key, next(iter(fits)))

    # (c) spelling variants of multi-word person names (فلاديمير/فلاديمر بوتين).
    by_skeleton: dict[str, set[str]] = defaultdict(set)
    for key, fulls in full_people.items():
        for f in fulls:
            by_skeleton[names.skeleton_key(f)].add(uf.find(key))
    for roots in by_skeleton.values():
        kb_roots = [r for r in roots if _key_rank(r) < 9]
        if len(roots) > 1 and len(kb_roots) <= 1:
            first, *rest = sorted(roots)
            for r in rest:
                uf.union(first, r)

    _merge_short_organisations(name_keys, all_keys, uf, res)
    _merge_anchored(count, uf, res.gaz)

    clusters: dict[str, list[Mention]] = defaultdict(list)
    members: dict[str, set[str]] = defaultdict(set)
    for key in count:
        members[uf.find(key)].add(key)
    for m in mentions:
        clusters[uf.find(m.link_key or "")].append(m)
    entities = []
    for root, ms in sorted(clusters.items()):
        cluster_key = min(members[root], key=lambda k: (_key_rank(k), -count[k], k))
        entity = _make_entity(cluster_key, members[root], ms, res)
        for m in ms:
            m.entity_id = entity.id
        entities.append(entity)
    _romanize_missing(entities, transliteration_model)
    return entities


def _merge_short_organisations(
    name_keys: dict[str, tuple[str, str]], all_keys: list[str], uf: _UnionFind, res: _Resources
) -> None:
    """A shortened organisation name ("حزب العمال") joins the one longer name it begins, corpus-wide.

    Only when exactly one cluster of the corpus has a longer name starting with those
    words, and never when the missing words are a country adjective: "وزارة الدفاع"
    is not "وزارة الدفاع الروسية" just because no other ministry was mentioned.
    """
    by_prefix: dict[str, set[str]] = defaultdict(set)

    def index(key: str, full: str) -> None:
        words = full.split()
        for k in range(2, len(words)):
            # "وزارة الدفاع الروسية" / "وزارة الداخلية في تونس": the rest names a country.
            if any(demonym_country(w) for w in words[k:]) or words[k] in ("في", "فى"):
                break
            by_prefix[" ".join(words[:k])].add(key)

    for key in all_keys:
        parsed = name_keys.get(key)
        if parsed is not None:
            if parsed[0] == "ORG":
                index(key, parsed[1])
            continue
        entry = res.kb.by_kb_id.get(key)
        if entry is not None and entry.type == "ORG":
            for n in entry.name_keys():
                index(key, n)
    if not by_prefix:
        return
    for key, (group, name) in name_keys.items():
        if group != "ORG" or " " not in name:
            continue
        for variant in names.clitic_variants(name):
            roots = {uf.find(k) for k in by_prefix.get(variant, ()) if k != key}
            if roots:
                if len(roots) == 1:
                    uf.union(key, next(iter(roots)))
                break


def _display_name(ms: list[Mention]) -> str:
    forms: Counter[str] = Counter()
    seen = {names.name_key(without_generic_head(m.text) if m.type in PLACE_TYPES else m.text) for m in ms}
    for m in ms:
        text = m.text.strip()
        if m.type in PLACE_TYPES:
            # An entity is إدلب, not "مدينة إدلب": generic heads are not part of the name.
            text = without_generic_head(text)
        key = names.name_key(text)
        variants = names.clitic_variants(key)
        # Show the form without a glued و/ب/ل when another mention spells it that way.
        forms[text] += 1
        if len(variants) > 1 and key != variants[-1] and seen & set(variants[1:]):
            forms[text] -= 0.5  # type: ignore[assignment]
    return max(forms.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]


def _make_entity(key: str, keys: set[str], ms: list[Mention], res: _Resources) -> Entity:
    types = Counter(m.type for m in ms)
    entry = next((res.kb.by_kb_id[k] for k in sorted(keys, key=_key_rank) if k in res.kb.by_kb_id), None)
    place: Place | None = None
    if entry is None or entry.type in PLACE_TYPES:
        place = next((p for k in sorted(keys, key=_key_rank) if (p := res.gaz.by_key(k)) is not None), None)
    aliases = sorted({m.text for m in ms})[:MAX_ALIASES]
    entity = Entity(
        id=entity_id(key),
        type=entry.type if entry else types.most_common(1)[0][0],
        name=entry.name if entry else _display_name(ms),
        aliases=aliases,
        mention_count=len(ms),
    )
    if entry is not None:
        entity.kb_id = entry.kb_id
        entity.category = entry.category
        entity.country = entry.country
        if entry.name_en:
            entity.name_en, entity.name_en_source = entry.name_en, "kb"
        if entry.lat is not None:
            entity.lat, entity.lon = entry.lat, entry.lon
            entity.geo_precision = 3 if entry.id.startswith("country-") else 1
    if place is not None:
        if entity.lat is None:
            entity.lat, entity.lon, entity.geo_precision = place.lat, place.lon, place.precision
        entity.country = entity.country or place.country
        if place.geonames_id is not None and entity.kb_id is None:
            entity.kb_id = f"geonames:{place.geonames_id}"
        if entity.name_en is None:
            entity.name_en = place.name_en
            entity.name_en_source = "geonames" if place.source == "geonames" else "kb"
    province_key = next((k for k in sorted(keys) if k.startswith(PROVINCE_PREFIX)), None)
    if place is None and province_key is not None and entity.lat is None:
        town = res.gaz.by_key(province_key[len(PROVINCE_PREFIX) :])
        if town is not None:
            # Placed at its namesake town, flagged as province-level (ACLED precision 3).
            entity.lat, entity.lon, entity.geo_precision = town.lat, town.lon, 3
            entity.country = entity.country or town.country
            if entity.name_en is None:
                entity.name_en = f"{town.name_en} province"
                entity.name_en_source = "geonames" if town.source == "geonames" else "kb"
    facility_key = next((k for k in sorted(keys) if k.startswith(FACILITY_PREFIX)), None)
    if place is None and facility_key is not None and entity.lat is None:
        _, _, town_key = facility_key[len(FACILITY_PREFIX) :].partition(":")
        town = res.gaz.by_key(town_key)
        if town is not None:
            # A camp, crossing or airport named after its town: placed at the town.
            entity.lat, entity.lon, entity.geo_precision = town.lat, town.lon, 1
            entity.country = entity.country or town.country
    in_key = next((k for k in sorted(keys) if k.startswith(IN_PREFIX)), None)
    if in_key is not None and entity.lat is None and entity.kb_id is None:
        point = anchor_point(in_key, res.gaz)
        if point is not None:
            # A district, village or building placed at the town or province the text puts it in.
            entity.lat, entity.lon, entity.geo_precision, anchor_country = point
            entity.country = entity.country or anchor_country
    police_key = next((k for k in sorted(keys) if k.startswith(POLICE_PREFIX)), None)
    if police_key is not None and entity.country is None:
        town = res.gaz.by_key(police_key[len(POLICE_PREFIX) :])
        entity.country = town.country if town is not None else None
    return entity


def anchor_point(key: str, gaz: Gazetteer, depth: int = 0) -> tuple[float, float, int, str | None] | None:
    """(lat, lon, ACLED precision, country) of a link key, following ``in:`` anchors (at most 4 deep).

    A town is precision 1; a place anchored at a town 2; a province, or anything anchored at one, 3.
    """
    if depth > 4:
        return None
    if key.startswith(IN_PREFIX):
        inner = anchor_point(key.partition("@")[2], gaz, depth + 1)
        return None if inner is None else (inner[0], inner[1], max(2, inner[2]), inner[3])
    precision = 3 if key.startswith(PROVINCE_PREFIX) else 0
    if key.startswith((PROVINCE_PREFIX, FACILITY_PREFIX)):
        key = key.split(":", 2)[2] if key.startswith(FACILITY_PREFIX) else key[len(PROVINCE_PREFIX) :]
    place = gaz.by_key(key)
    if place is None or place.source == "kb":
        return None
    return place.lat, place.lon, max(precision, place.precision), place.country


def _merge_anchored(count: Counter[str], uf: _UnionFind, gaz: Gazetteer) -> None:
    """One unplaced name anchored near one point is one place across the corpus.

    "الهري" anchored at Abu Kamal in two articles is one village, and a bare "الهري" elsewhere is
    that village when every anchored use of the name lies within 25 km of the first; a name
    anchored in two far-apart towns (a "حي الزيتون" in two cities) stays apart, bare uses too.
    """
    by_core: dict[str, list[str]] = defaultdict(list)
    for key in count:
        if key.startswith(IN_PREFIX):
            by_core[key[len(IN_PREFIX) :].partition("@")[0]].append(key)
    for core, in_keys in by_core.items():
        anchored = sum(count[k] for k in in_keys)
        points = [p for k in in_keys if (p := anchor_point(k, gaz)) is not None]
        if len(points) != len(in_keys) or any(
            haversine_km(points[0][0], points[0][1], p[0], p[1]) > SAME_PLACE_KM for p in points[1:]
        ):
            continue
        for other in in_keys[1:]:
            uf.union(in_keys[0], other)
        for group in ("PLACE", "FAC"):
            bare = f"name:{group}:{core}"
            # A name the corpus mostly writes without any container ("الروهينغا", "النيل",
            # "الكومنولث" once written "في لندن") is not evidently that container's place.
            if bare in count and anchored * BARE_SHARE >= count[bare] and core not in COMMON_WORD_NAMES:
                uf.union(in_keys[0], bare)


def _romanize_missing(entities: list[Entity], model: bool) -> None:
    """Latin guesses for entities without an attested English name, in one batch."""
    todo = [e for e in entities if e.name_en is None]
    people = [e for e in todo if e.type == "PER"]
    others = [e for e in todo if e.type != "PER"]
    # people's names: attested Wikidata spellings of name tokens where the romanizer only guesses
    person_names = [names.strip_titles(e.name) for e in people]
    if model:
        guesses = names.romanize_many(person_names, model=True)
    else:
        guesses = spellings.romanize_names(person_names)
    guesses += names.romanize_many([e.name for e in others], model=model)
    for entity, guess in zip(people + others, guesses, strict=True):
        if guess:
            entity.name_en, entity.name_en_source = guess, "transliteration"
