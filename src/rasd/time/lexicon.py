"""The one place for Arabic time vocabulary: months of every regional series, weekdays,
ordinals, number words, units, seasons, relation and modifier words.

Entries are written as they appear in Arabic text; every table is folded with
:func:`rasd.text.normalise.normalize` at import so recognisers match folded text
(أ/إ/آ→ا, ة→ه, ى→ي, diacritics dropped) and never keep a second folding table.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rasd.text.normalise import normalize


@dataclass(frozen=True, slots=True)
class MonthName:
    """A month name; ``ambiguous`` names are also ordinary words and need context."""

    number: int
    series: str  # "gregorian", "levantine", "maghreb", "moroccan", "hijri"
    ambiguous: bool = False

    @property
    def hijri(self) -> bool:
        return self.series == "hijri"


# Gregorian months as named in Egypt, the Gulf and most pan-Arab media.
_GREGORIAN = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونية": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "آغسطس": 8,
    "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
# Syriac-derived names used in the Levant and Iraq.
_LEVANTINE = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    "كانون ثاني": 1, "تشرين أول": 10, "تشرين ثاني": 11, "كانون أول": 12,
}  # fmt: skip
# French-derived names of Algeria and Tunisia (and Libya's media in part).
_MAGHREB = {
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويلة": 7,
    "أوت": 8,
}  # fmt: skip
# Moroccan series (the others coincide with the Gregorian or Maghreb ones).
_MOROCCAN = {"يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12}
# Hijri months, with the genitive/variant spellings met in news.
_HIJRI = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الثاني": 4, "ربيع الآخر": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}  # fmt: skip
# Month names that are also common words or names: آب/أب "father", مارس "he practised",
# نيسان (car brand), صفر "zero", محرم "forbidden", رجب/شعبان/رمضان (first names)...
_AMBIGUOUS = {"آب", "مارس", "ماي", "جوان", "أوت", "نيسان", "محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"}


def _fold_table(table: Mapping[str, int], series: str) -> dict[str, MonthName]:
    return {normalize(k): MonthName(v, series, k in _AMBIGUOUS) for k, v in table.items()}


MONTHS: dict[str, MonthName] = {}
for _table, _series in ((_GREGORIAN, "gregorian"), (_LEVANTINE, "levantine"), (_MAGHREB, "maghreb")):
    MONTHS.update(_fold_table(_table, _series))
MONTHS.update(_fold_table(_MOROCCAN, "moroccan"))
MONTHS.update(_fold_table(_HIJRI, "hijri"))

# Weekdays with the article, Python weekday numbers (Monday = 0).
WEEKDAYS: dict[str, int] = {
    normalize(k): v
    for k, v in {
        "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
        "الجمعة": 4, "السبت": 5, "الأحد": 6,
    }.items()
}  # fmt: skip

# Deictic day words: offset in days from the publication date.
DEICTIC_DAYS: dict[str, int] = {
    normalize(k): v
    for k, v in {
        "أمس": -1, "الأمس": -1, "البارحة": -1, "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2,
        "اليوم": 0, "غدا": 1, "الغد": 1, "يوم غد": 1, "بعد غد": 2, "بعد الغد": 2,
    }.items()
}  # fmt: skip

# Parts of the day -> TIMEX3 part-of-day code.
PARTS_OF_DAY: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "صباح": "MO", "فجر": "MO", "ضحى": "MO", "ظهر": "MI", "عصر": "AF", "بعد ظهر": "AF",
        "مساء": "EV", "ليلة": "NI", "ليل": "NI", "منتصف ليل": "NI", "منتصف ليلة": "NI",
        "منتصف نهار": "MI", "نهار": "DT", "صبيحة": "MO", "عشية": "AF",
    }.items()
}  # fmt: skip
# Adverbial parts of the day after a clock time ("الساعة العاشرة صباحا").
CLOCK_PERIODS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "صباحا": "am", "فجرا": "am", "ظهرا": "pm", "عصرا": "pm", "مساء": "pm", "مساءا": "pm",
        "ليلا": "pm", "بعد الظهر": "pm", "بعد الزوال": "pm", "زوالا": "pm",
    }.items()
}  # fmt: skip

# Relation words after a period: -1 past, 0 current, +1 next.
RELATIONS: dict[str, int] = {
    normalize(k): v
    for k, v in {
        "الماضي": -1, "الماضية": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1, "الفائتة": -1,
        "المنقضي": -1, "المنقضية": -1, "الفارط": -1, "الفارطة": -1, "السابق": -1,
        "المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1, "المقبلين": 1, "القادمين": 1,
        "الماضيين": -1, "المنصرمين": -1,
        "الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0, "الراهن": 0, "الراهنة": 0,
    }.items()
}  # fmt: skip
# After a definite noun, "العام" with these is the adjective "general": "الأمين العام السابق".
OFFICE_RELATIONS: frozenset[str] = frozenset(normalize(w) for w in ("السابق", "الحالي", "الراهن", "الجديد"))

# Modifiers before a period -> TIMEX3 mod.
MODIFIERS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "أوائل": "START", "مطلع": "START", "بداية": "START", "بدايات": "START", "مستهل": "START",
        "أول": "START", "منتصف": "MID", "أواسط": "MID", "وسط": "MID", "أواخر": "END",
        "نهاية": "END", "نهايات": "END", "آخر": "END", "ختام": "END", "أخر": "END",
    }.items()
}  # fmt: skip

# "نهاية الأسبوع" is the weekend (TIMEX3 "2018-W10-WE"), not the end of the week.
WEEKEND_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("نهاية", "عطلة نهاية"))

# Bounds before a duration -> TIMEX3 mod.
BOUNDS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "أكثر من": "MORE_THAN", "أزيد من": "MORE_THAN", "ما يزيد على": "MORE_THAN",
        "ما يزيد عن": "MORE_THAN", "ما يربو على": "MORE_THAN", "أقل من": "LESS_THAN",
        "ما يقل عن": "LESS_THAN", "نحو": "APPROX", "حوالي": "APPROX", "حوالى": "APPROX",
        "قرابة": "APPROX", "زهاء": "APPROX", "ما يقارب": "APPROX", "ما يناهز": "APPROX",
        "ما لا يقل عن": "EQUAL_OR_MORE", "ما يصل إلى": "EQUAL_OR_LESS",
    }.items()
}  # fmt: skip

# Period nouns usable with a relation word ("الشهر الماضي") -> TIMEX3 granularity.
PERIOD_NOUNS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "الأسبوع": "week", "الشهر": "month", "العام": "year", "السنة": "year",
        "العقد": "decade", "القرن": "century", "الربع": "quarter", "النصف": "half",
    }.items()
}  # fmt: skip

# Seasons -> TIMEX3 season code; indefinite forms are only accepted with context.
SEASONS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "الشتاء": "WI", "الصيف": "SU", "الربيع": "SP", "الخريف": "FA",
        "شتاء": "WI", "صيف": "SU", "ربيع": "SP", "خريف": "FA", "صيفا": "SU", "شتاءا": "WI",
    }.items()
}  # fmt: skip
# Indefinite season words that stand alone as adverbs ("صيفا" "in summer").
SEASON_ADVERBS: frozenset[str] = frozenset(normalize(w) for w in ("صيفا", "شتاء", "شتاءا"))


# Duration units: every spelling -> (TIMEX3 unit letter, is time-of-day unit, count implied).
# The count is 2 for duals ("يومين"), 1 for singulars, 0 for plurals (a number must precede).
@dataclass(frozen=True, slots=True)
class Unit:
    letter: str  # S, M (minute in PT, month in P), H, D, W, Y, DE, CE
    clock: bool  # True: PT..., False: P...
    implied: int  # count implied by the form alone: 1 singular, 2 dual, 0 plural
    granularity: str


def _units(
    letter: str, clock: bool, gran: str, singular: Iterable[str], dual: Iterable[str], plural: Iterable[str]
) -> dict[str, Unit]:
    out: dict[str, Unit] = {}
    for forms, implied in ((singular, 1), (dual, 2), (plural, 0)):
        for f in forms:
            out[normalize(f)] = Unit(letter, clock, implied, gran)
    return out


UNITS: dict[str, Unit] = {
    **_units("S", True, "second", ("ثانية",), ("ثانيتين", "ثانيتان"), ("ثوان", "ثواني", "ثوانٍ")),
    **_units("M", True, "minute", ("دقيقة",), ("دقيقتين", "دقيقتان"), ("دقائق", "دقايق")),
    **_units("H", True, "hour", ("ساعة",), ("ساعتين", "ساعتان"), ("ساعات",)),
    **_units("D", False, "day", ("يوم", "يوما"), ("يومين", "يومان"), ("أيام",)),
    **_units("W", False, "week", ("أسبوع", "أسبوعا"), ("أسبوعين", "أسبوعان"), ("أسابيع",)),
    **_units("M", False, "month", ("شهر", "شهرا"), ("شهرين", "شهران"), ("أشهر", "شهور")),
    **_units(
        "Y",
        False,
        "year",
        ("عام", "عاما", "سنة"),
        ("عامين", "عامان", "سنتين", "سنتان"),
        ("أعوام", "سنوات", "سنين"),
    ),
    **_units("DE", False, "decade", ("عقد", "عقدا"), ("عقدين", "عقدان"), ("عقود",)),
    **_units("CE", False, "century", ("قرن", "قرنا"), ("قرنين", "قرنان"), ("قرون",)),
}
# Definite plurals/duals used in "الأيام الثلاثة الماضية", "العامين الماضيين".
DEFINITE_UNITS: dict[str, Unit] = {"ال" + k: v for k, v in UNITS.items() if v.implied != 1}
DEFINITE_UNITS.update({normalize("السنوات"): UNITS[normalize("سنوات")]})
# Relation adjectives after a definite plural duration (plural/dual agreement forms).
DURATION_RELATIONS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "الماضية",
        "الماضيين",
        "الماضيان",
        "الأخيرة",
        "الأخيرين",
        "المنصرمة",
        "الفائتة",
        "المقبلة",
        "القادمة",
        "المقبلين",
        "القادمين",
        "الأولى",
        "الأولين",
        "المنصرمين",
    )
)

# Cardinal number words (masculine/feminine, nominative/oblique) for durations.
_CARDINALS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
    "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7,
    "ثمان": 8, "ثماني": 8, "ثمانية": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئة": 100, "مائة": 100, "مئتين": 200, "مائتين": 200, "مئتان": 200, "مائتان": 200,
    "ثلاثمئة": 300, "ثلاثمائة": 300, "أربعمئة": 400, "أربعمائة": 400, "خمسمئة": 500, "خمسمائة": 500,
    "ستمئة": 600, "ستمائة": 600, "سبعمئة": 700, "سبعمائة": 700, "ثمانمئة": 800, "ثمانمائة": 800,
    "تسعمئة": 900, "تسعمائة": 900, "ألف": 1000, "ألفين": 2000, "ألفان": 2000,
}  # fmt: skip
CARDINALS: dict[str, int] = {normalize(k): v for k, v in _CARDINALS.items()}
THOUSANDS_PLURAL: frozenset[str] = frozenset({normalize("آلاف"), normalize("ألف")})
# Vague counts: "عدة أيام" -> PXD.
VAGUE_COUNTS: frozenset[str] = frozenset(normalize(w) for w in ("عدة", "بضعة", "بضع", "عدد من"))

# Masculine ordinals 1..31 (days of the month, centuries) with compound forms.
_ORD_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
_ORD_UNITS_COMPOUND = ["الحادي", *_ORD_UNITS[1:]]


def _ordinals() -> dict[str, int]:
    out: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORD_UNITS)}
    out["العاشر"] = 10
    for i, w in enumerate(_ORD_UNITS_COMPOUND):
        out[f"{w} عشر"] = 11 + i
    for tens_word, tens in (("العشرين", 20), ("الثلاثين", 30)):
        out[tens_word] = tens
        for i, w in enumerate(_ORD_UNITS_COMPOUND[: (9 if tens == 20 else 1)]):
            out[f"{w} و{tens_word}"] = tens + i + 1
    out["الأولى"] = 1  # feminine, e.g. after جمادى or in headings
    return {normalize(k): v for k, v in out.items()}


ORDINALS: dict[str, int] = _ordinals()
# Feminine ordinals for clock hours ("الساعة العاشرة").
HOUR_WORDS: dict[str, int] = {
    normalize(k): v
    for k, v in {
        "الواحدة": 1, "الثانية": 2, "الثالثة": 3, "الرابعة": 4, "الخامسة": 5, "السادسة": 6,
        "السابعة": 7, "الثامنة": 8, "التاسعة": 9, "العاشرة": 10, "الحادية عشرة": 11,
        "الحادية عشر": 11, "الثانية عشرة": 12, "الثانية عشر": 12,
    }.items()
}  # fmt: skip
CLOCK_FRACTIONS: dict[str, int] = {normalize("النصف"): 30, normalize("الربع"): 15, normalize("الثلث"): 20}

# Decades named by their tens: "الخمسينيات"/"الخمسينات" -> 5.
DECADE_STEMS: dict[str, int] = {
    normalize(k): v
    for k, v in {
        "العشرين": 2, "الثلاثين": 3, "الأربعين": 4, "الخمسين": 5, "الستين": 6, "السبعين": 7,
        "الثمانين": 8, "التسعين": 9,
    }.items()
}  # fmt: skip

# Vague references, value and the type of the TIMEX3. Not "لاحقا": in news it is "later" in a
# past narrative ("وقال ترامب لاحقا"), relative to the story rather than the publication.
VAGUE_REFS: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "الآن": "PRESENT_REF", "حاليا": "PRESENT_REF", "في الوقت الحالي": "PRESENT_REF",
        "في الوقت الراهن": "PRESENT_REF", "هذه الأيام": "PRESENT_REF", "في هذه الأيام": "PRESENT_REF",
        "راهنا": "PRESENT_REF", "الوقت الحاضر": "PRESENT_REF", "في الوقت الحاضر": "PRESENT_REF",
        "مؤخرا": "PAST_REF", "سابقا": "PAST_REF", "في السابق": "PAST_REF", "في الماضي": "PAST_REF",
        "آنذاك": "PAST_REF", "حينذاك": "PAST_REF", "وقتذاك": "PAST_REF", "وقتها": "PAST_REF",
        "حينها": "PAST_REF", "الأيام الماضية": "PAST_REF", "الأسابيع الماضية": "PAST_REF",
        "الأشهر الماضية": "PAST_REF", "الشهور الماضية": "PAST_REF", "السنوات الماضية": "PAST_REF",
        "الأعوام الماضية": "PAST_REF", "الفترة الماضية": "PAST_REF", "الفترة الأخيرة": "PAST_REF",
        "الآونة الأخيرة": "PAST_REF", "الأيام الأخيرة": "PAST_REF", "الأسابيع التي مضت": "PAST_REF",
        "السنوات الأخيرة": "PAST_REF", "الأعوام الأخيرة": "PAST_REF", "الأشهر الأخيرة": "PAST_REF",
        "قريبا": "FUTURE_REF", "مستقبلا": "FUTURE_REF", "في المستقبل": "FUTURE_REF",
        "الأيام المقبلة": "FUTURE_REF", "الأيام القادمة": "FUTURE_REF",
        "الأسابيع المقبلة": "FUTURE_REF", "الأشهر المقبلة": "FUTURE_REF", "الفترة المقبلة": "FUTURE_REF",
        "السنوات المقبلة": "FUTURE_REF", "السنوات القادمة": "FUTURE_REF", "السنوات اللاحقة": "FUTURE_REF",
        "الأعوام المقبلة": "FUTURE_REF", "الفترة القادمة": "FUTURE_REF", "الأشهر القادمة": "FUTURE_REF",
        "المرحلة المقبلة": "FUTURE_REF", "المرحلة القادمة": "FUTURE_REF", "عندئذ": "PAST_REF",
        "حينئذ": "PAST_REF", "وقتئذ": "PAST_REF", "آنئذ": "PAST_REF", "يومئذ": "PAST_REF",
    }.items()
}  # fmt: skip

# Recurrence: adverbs and adjectives ("يوميا", "السنوي") -> SET value.
RECURRENCE: dict[str, str] = {
    normalize(k): v
    for k, v in {
        "يوميا": "P1D", "أسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y", "سنوية": "P1Y", "سنوي": "P1Y",
        "اليومية": "P1D", "اليومي": "P1D", "الأسبوعية": "P1W", "الأسبوعي": "P1W", "الشهرية": "P1M",
        "الشهري": "P1M", "السنوية": "P1Y", "السنوي": "P1Y", "أسبوعي": "P1W", "أسبوعية": "P1W",
        "شهرية": "P1M",
    }.items()
}  # fmt: skip

# Era markers after a year.
GREGORIAN_ERA: frozenset[str] = frozenset(normalize(w) for w in ("م", "ميلادي", "ميلادية", "للميلاد"))
HIJRI_ERA: frozenset[str] = frozenset(normalize(w) for w in ("هـ", "ه", "هجري", "هجرية", "للهجرة"))
# Future cues before a bare weekday ("سيزور الرئيس المدينة الأربعاء"): the weekday is the coming one.
# Verbs with the future prefix سـ are found by shape; these words of the same shape are not verbs.
FUTURE_WORDS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "سوف",
        "المقرر",
        "المرتقب",
        "المنتظر",
        "يعتزم",
        "تعتزم",
        "يرتقب",
        "يرتقب",
        "المزمع",
        "القادم",
        "المقبل",
    )
)
# Scheduling and deadline words: a weekday anywhere later in their clause is the coming one
# ("من المقرر أن ...", "أمهلت الحكومة المحتجين حتى نهاية الثلاثاء").
# Readiness, preparation and expectation words look ahead the same way ("جاهز للمشاركة في مباراة الثلاثاء",
# "استعدادا لمواجهة الأحد", "من المتوقع أن يصل الوفد الأحد").
SCHEDULE_WORDS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "سوف", "المقرر", "المزمع", "المرتقب", "يعتزم", "تعتزم", "أمهلت", "أمهل", "مهلة",
        "جاهز", "جاهزا", "جاهزة", "جاهزون", "جاهزين", "استعدادا", "تحضيرا", "يستعد", "تستعد", "يتأهب",
        "تتأهب", "يستعدون", "المتوقع", "المحتمل", "يتوقع", "تتوقع", "متوقع", "المنتظر", "ينتظر",
    )
)  # fmt: skip
NOT_FUTURE_VERBS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "سيارة",
        "سيارات",
        "سيطرة",
        "سيطر",
        "سيطرت",
        "سيدة",
        "سيدات",
        "سيد",
        "سيدي",
        "سينما",
        "سيناء",
        "سيناريو",
        "سيول",
        "سيف",
        "سيناتور",
        "سيرة",
        "سير",
        "سيادة",
        "سياق",
        "سياحة",
        "سياحي",
        "سياحية",
        "سياسة",
        "سياسي",
        "سياسية",
        "سياسيين",
        "سياسات",
        "ستة",
        "ستين",
        "ستون",
        "ستمائة",
        "ستار",
        "ستاد",
        "ستوديو",
        "سنة",
        "سنوات",
        "سنين",
        "سنوي",
        "سنوية",
        "سنويا",
        "سنتين",
        "سنتيمتر",
        "سنت",
        "سنغال",
        "سنغافورة",
        "سنوات",
        "سيئة",
        "سيئ",
        "سيما",
        "سيتي",
        "سيول",
        "سيبيريا",
        "ستراتيجية",
        "سترة",
        "سنجار",
        "سني",
        "سنية",
        "سنة",
        "سنن",
        "سند",
        "سندات",
        "سيرت",
    )
)

# Nouns before a day and month that name an event by its date ("ثورة 17 فبراير", "قوى 14 آذار",
# "ذكرى 11 سبتمبر"): the date's year is not the publication year.
DATE_NAME_NOUNS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "ثورة",
        "حركة",
        "قوى",
        "تيار",
        "انتفاضة",
        "أحداث",
        "هجمات",
        "ذكرى",
        "تحالف",
        "فريق",
        "ائتلاف",
        "مظاهرات",
        "احتجاجات",
        "اتفاق",
        "اتفاقية",
        "بيان",
        "إعلان",
    )
)

# Nouns whose ordinal is not a day: "النصف الثاني من شهر نوفمبر".
PART_NOUNS: frozenset[str] = frozenset(
    normalize(w)
    for w in ("النصف", "الربع", "الثلث", "الأسبوع", "العشر", "العشرة", "الشطر", "الجزء", "الأسبوعين")
)

# Events named with their year ("مونديال 2010", "انتخابات 2014"): the number is a year.
EVENT_YEAR_NOUNS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "مونديال",
        "كأس العالم",
        "أولمبياد",
        "الألعاب الأولمبية",
        "انتخابات",
        "الانتخابات",
        "موازنة",
        "ميزانية",
        "قانون المالية",
        "دورة",
        "بطولة",
        "نسخة",
        "موسم",
        "دستور",
        "ثورة",
        "حرب",
        "أحداث",
    )
)
# Fractions of a unit: "نصف ساعة" -> 30 minutes.
UNIT_FRACTIONS: dict[str, float] = {normalize("نصف"): 0.5, normalize("ربع"): 0.25, normalize("ثلث"): 1 / 3}

# Nouns that introduce a year ("عام 1969").
YEAR_NOUNS: frozenset[str] = frozenset(
    normalize(w)
    for w in ("عام", "العام", "سنة", "السنة", "عامي", "سنتي", "العامين", "السنتين", "موسم", "الموسم")
)
# Prepositions that make a following four-digit number a year when nothing else counts it.
YEAR_PREPOSITIONS: frozenset[str] = frozenset(normalize(w) for w in ("منذ", "حتى", "بحلول", "قبل", "بعد"))
# Words before a month that show it is the month, not a homograph ("في مارس").
MONTH_CONTEXT: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "في",
        "منذ",
        "حتى",
        "خلال",
        "قبل",
        "بعد",
        "شهر",
        "شهري",
        "أواخر",
        "أوائل",
        "منتصف",
        "مطلع",
        "بداية",
        "نهاية",
        "مستهل",
        "أواسط",
        "من",
        "الى",
        "إلى",
    )
)

# Every word and phrase of the tables above: a matched word starting with ل that is itself an
# entry ("ليل", "ليلة") is that word, not an article split by the preposition ل ("للعام").
LEXICON_WORDS: frozenset[str] = frozenset(
    itertools.chain(
        MONTHS, WEEKDAYS, DEICTIC_DAYS, PARTS_OF_DAY, CLOCK_PERIODS, RELATIONS, MODIFIERS, BOUNDS,
        PERIOD_NOUNS, SEASONS, UNITS, DEFINITE_UNITS, CARDINALS, ORDINALS, HOUR_WORDS, CLOCK_FRACTIONS,
        DECADE_STEMS, VAGUE_REFS, RECURRENCE, UNIT_FRACTIONS, VAGUE_COUNTS,
    )
)  # fmt: skip

# Nouns of media outlets: "الآن" right after one is a station's name ("تلفزيون الآن").
MEDIA_NOUNS: frozenset[str] = frozenset(
    normalize(w)
    for w in ("تلفزيون", "تلفزة", "قناة", "إذاعة", "راديو", "شبكة", "صحيفة", "جريدة", "مجلة", "موقع")
)
# Verbs and nouns of naming: a bare month name right after one is a name ("إله يدعى أغسطس").
NAMING_WORDS: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "يدعى", "تدعى", "يسمى", "تسمى", "سمي", "سميت", "المسمى", "المسماة", "اسمه", "اسمها", "باسم",
        "الملقب", "الملقبة", "يلقب", "تلقب", "بعنوان", "عنوانه", "عنوانها",
    )
)  # fmt: skip
# Adjectives that make a weekday a named day ("الأربعاء الأحمر", "الجمعة العظيمة", "الخميس الأسود").
NAMED_DAY_ADJECTIVES: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "الأحمر", "الأسود", "الأبيض", "الأخضر", "الدامي", "الدموي", "العظيمة", "العظيم", "الحزين",
        "المقدس", "المقدسة", "الكبير", "الكبرى", "العظمى",
    )
)  # fmt: skip
# Words before a month without a year that look back ("منذ نوفمبر") or ahead ("قبل نوفمبر",
# "بحلول مايو", "اعتبارا من نوفمبر"): they decide which year's month is meant.
SINCE_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("منذ",))
FORWARD_WORDS: frozenset[str] = frozenset(
    normalize(w) for w in ("قبل", "بحلول", "حتى", "إلى", "الى", "لغاية", "غاية", "من", "موعد")
)
# Words of possibility and nearness ("ربما في أكتوبر", "قريبا"): a month after them may be ahead.
MAYBE_WORDS: frozenset[str] = frozenset(normalize(w) for w in ("ربما", "قريبا", "قد", "لعل", "يمكن", "ممكن"))
# Dates that name one well-known event when a naming noun precedes them ("هجمات 11 سبتمبر",
# "ثورة 14 جانفي"): (month, day) -> the event's year. Dates shared by several events stay out.
NAMED_DATES: dict[tuple[int, int], int] = {
    (9, 11): 2001, (1, 14): 2011, (1, 25): 2011, (2, 17): 2011, (2, 20): 2011, (6, 30): 2013,
    (7, 23): 1952, (3, 14): 2005, (3, 8): 2005,
}  # fmt: skip
NAMED_DATE_NOUNS: frozenset[str] = frozenset(
    normalize(w) for w in ("ثورة", "قوى", "هجمات", "أحداث", "ذكرى", "حركة", "تيار", "انتفاضة", "تحالف")
)
# Words starting with ي that open clauses but are no verbs: first names, clubs, months ("يوسف
# الشاهد أوضح في تصريح السبت" is past).
NOT_VERBS_YA: frozenset[str] = frozenset(
    normalize(w)
    for w in (
        "يوسف", "يونس", "يحيى", "ياسين", "ياسر", "يزيد", "يعقوب", "يسرى", "ياسمين", "يمنى", "يوفنتوس",
        "يونايتد", "يونسكو", "يونيسف", "يورو", "يوليو", "يونيو", "يناير", "يوما", "يومي", "يومين",
    )
)  # fmt: skip
# Present-tense verbs that open news sentences as connectives, not as the reported event ("يأتي
# ذلك في وقت ...", "يذكر أن ...").
DISCOURSE_VERBS: frozenset[str] = frozenset(
    normalize(w) for w in ("يأتي", "تأتي", "يذكر", "يشار", "يبدو", "يجدر", "يلاحظ", "يعد", "تعد")
)
