"""The event ontology in one place: ACLED's taxonomy, our finer types, their Arabic triggers.

Every finer type maps to exactly one ACLED (event_type, sub_event_type) pair, so a
detected event is always ACLED-typed. Triggers are written in ordinary Arabic and
folded with :func:`rasd.text.normalise.normalize` when the lexicon is compiled, so
they match hamza/ta-marbuta/diacritic variants. Clitic prefixes (و ف ب ل ال) are
allowed by the matcher, not listed here.

The one-line definitions paraphrase ACLED's codebook (2023 edition) in our words.
"""

from __future__ import annotations

from dataclasses import dataclass

# ACLED event_type -> {sub_event_type: one-line definition}
ACLED_TAXONOMY: dict[str, dict[str, str]] = {
    "Battles": {
        "Armed clash": "Armed, organised groups fight each other with no change of territory control.",
        "Government regains territory": "State forces or their allies take back territory from a non-state group.",
        "Non-state actor overtakes territory": "A non-state armed group takes territory from the state or "
        "another non-state group.",
    },
    "Explosions/Remote violence": {
        "Chemical weapon": "A chemical weapon is used in a conflict.",
        "Air/drone strike": "An aircraft or drone strikes a target from the air.",
        "Suicide bomb": "A person detonates explosives they carry or drive, dying in the attack.",
        "Shelling/artillery/missile attack": "Long-range artillery, mortars, rockets or missiles hit a target.",
        "Remote explosive/landmine/IED": "A planted or remotely detonated device (IED, car bomb, mine) explodes.",
        "Grenade": "A hand grenade or similar small thrown explosive is used.",
    },
    "Violence against civilians": {
        "Sexual violence": "Sexual violence is used against civilians by an organised group.",
        "Attack": "An organised armed group kills or injures unarmed civilians (incl. assassinations).",
        "Abduction/forced disappearance": "Civilians are kidnapped or made to disappear by an armed group.",
    },
    "Protests": {
        "Peaceful protest": "Demonstrators gather without violence and are not stopped by force.",
        "Protest with intervention": "A peaceful protest is dispersed or repressed (tear gas, arrests) "
        "without lethal force.",
        "Excessive force against protesters": "Lethal or disproportionate force is used against peaceful "
        "demonstrators.",
    },
    "Riots": {
        "Violent demonstration": "Demonstrators use violence or destroy property.",
        "Mob violence": "An unorganised crowd attacks people or property.",
    },
    "Strategic developments": {
        "Agreement": "Groups sign or agree a ceasefire, peace deal, prisoner exchange or similar accord.",
        "Arrests": "State forces detain people in a significant, non-routine arrest or arrest campaign.",
        "Change to group/activity": "A group changes its structure or activity: deployments, mergers, "
        "new leadership.",
        "Disrupted weapons use": "An attack is prevented: a bomb defused, a missile intercepted, "
        "arms seized.",
        "Headquarters or base established": "A group establishes a base or headquarters.",
        "Looting/property destruction": "Property is looted, burnt or destroyed without a battle.",
        "Non-violent transfer of territory": "Territory changes hands without fighting (withdrawal, handover).",
        "Other": "A strategically important development that fits no other sub-event type.",
    },
}

ACLED_EVENT_TYPES: tuple[str, ...] = tuple(ACLED_TAXONOMY)

DISORDER_TYPE: dict[str, str] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# ACLED's interaction codes per actor category (the KB's ``Entity.category`` values).
INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}


@dataclass(frozen=True, slots=True)
class EventType:
    """One of our finer event types, its ACLED pair and its trigger phrases.

    ``rank``: the more specific type wins when several triggers fire in one sentence
    (a "suicide car bomb" is a suicide bombing, not an IED). ``weak`` triggers
    (killing, attack, shooting) alone make an event only when the sentence also has
    a casualty figure or a violent context; they join a stronger event otherwise.
    """

    name: str
    acled_event_type: str
    acled_sub_event_type: str
    triggers: tuple[str, ...]
    rank: int = 50
    weak: bool = False


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "chemical_attack",
        "Explosions/Remote violence",
        "Chemical weapon",
        ("هجوم كيماوي", "هجوم كيميائي", "بالأسلحة الكيماوية", "بالأسلحة الكيميائية", "غاز السارين",
         "غاز الكلور", "بغاز سام", "غازات سامة", "قصف كيماوي"),
        rank=95,
    ),
    EventType(
        "suicide_bombing",
        "Explosions/Remote violence",
        "Suicide bomb",
        ("تفجير انتحاري", "تفجيرين انتحاريين", "تفجيرات انتحارية", "هجوم انتحاري", "هجمات انتحارية",
         "انتحاري", "انتحارية", "انتحاريين", "انتحاريون", "حزام ناسف", "أحزمة ناسفة", "فجر نفسه",
         "فجرت نفسها", "فجروا أنفسهم"),
        rank=90,
    ),
    EventType(
        "drone_strike",
        "Explosions/Remote violence",
        "Air/drone strike",
        ("طائرة مسيرة", "طائرات مسيرة", "طائرة بدون طيار", "طائرات بدون طيار", "طائرة من دون طيار",
         "طائرات من دون طيار", "ضربة بطائرة مسيرة", "درون"),
        rank=85,
    ),
    EventType(
        "airstrike",
        "Explosions/Remote violence",
        "Air/drone strike",
        ("غارة", "غارات", "غارة جوية", "غارات جوية", "ضربة جوية", "ضربات جوية", "قصف جوي", "القصف الجوي",
         "شن غارة", "شنت غارات", "الطيران الحربي", "طائرات حربية", "مقاتلات", "قصفت الطائرات",
         "قصف الطيران", "البراميل المتفجرة", "برميل متفجر", "براميل متفجرة"),
        rank=80,
    ),
    EventType(
        "car_bomb",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        ("سيارة مفخخة", "سيارات مفخخة", "سيارة ملغومة", "شاحنة مفخخة", "دراجة نارية مفخخة", "مفخخة"),
        rank=78,
    ),
    EventType(
        "ied",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        ("عبوة ناسفة", "عبوات ناسفة", "عبوة متفجرة", "لغم", "ألغام", "لغم أرضي", "عبوة لاصقة",
         "انفجار عبوة", "انفجار لغم"),
        rank=75,
    ),
    EventType(
        "grenade",
        "Explosions/Remote violence",
        "Grenade",
        ("قنبلة يدوية", "قنابل يدوية", "رمانة يدوية"),
        rank=74,
    ),
    EventType(
        "shelling",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        ("قصف", "قصف مدفعي", "قصفت", "قصفوا", "يقصف", "تقصف", "قذيفة", "قذائف", "قذائف هاون",
         "صاروخ", "صواريخ", "صاروخية", "هجوم صاروخي", "راجمات", "المدفعية", "مدفعية", "قصفا", "قصفا مدفعيا"),
        rank=70,
    ),
    EventType(
        "bombing",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        ("تفجير", "تفجيرات", "انفجار", "انفجارات", "انفجر", "انفجرت", "تفجيرين", "انفجارين", "فجرت", "فجروا"),
        rank=60,
    ),
    EventType(
        "ambush",
        "Battles",
        "Armed clash",
        ("كمين", "كمينا", "نصب كمين", "نصبوا كمينا"),
        rank=66,
    ),
    EventType(
        "armed_clash",
        "Battles",
        "Armed clash",
        ("اشتباكات", "اشتباك", "اشتبك", "اشتبكت", "اشتبكوا", "معارك", "معركة", "مواجهات مسلحة",
         "مواجهات عنيفة", "اشتباكات مسلحة", "تبادل لإطلاق النار", "تبادل إطلاق النار", "قتال عنيف",
         "هجوم مسلح", "هجوما مسلحا", "هاجم مسلحون", "هجوم مضاد"),
        rank=65,
    ),
    EventType(
        "territory_seized",
        "Battles",
        "Non-state actor overtakes territory",
        ("سيطر على", "سيطرت على", "سيطرت", "سيطر", "سيطروا", "استولت", "استولى", "سيطروا على", "السيطرة على", "سيطرته على", "استولى على",
         "استولت على", "الاستيلاء على", "استعاد السيطرة", "استعادت السيطرة", "استعادة السيطرة",
         "حررت", "تحرير", "انتزع السيطرة", "بسط سيطرته", "دخلت قوات", "اقتحمت", "اقتحم"),
        rank=67,
    ),
    EventType(
        # Never matched directly: territory_seized becomes this when state forces take the place.
        "territory_regained",
        "Battles",
        "Government regains territory",
        (),
        rank=64,
    ),
    EventType(
        "attack_on_civilians",
        "Violence against civilians",
        "Attack",
        ("استهداف المدنيين", "استهدف مدنيين", "هجوم على مدنيين", "قتل مدنيين", "مقتل مدنيين"),
        rank=69,
    ),
    EventType(
        "assassination",
        "Violence against civilians",
        "Attack",
        ("اغتيال", "اغتال", "اغتالت", "اغتياله", "عملية اغتيال", "محاولة اغتيال"),
        rank=72,
    ),
    EventType(
        "massacre",
        "Violence against civilians",
        "Attack",
        ("مجزرة", "مجازر", "مذبحة", "إعدام", "أعدم", "أعدمت", "إعدامات", "ذبح", "نحر", "أعدموا"),
        rank=68,
    ),
    EventType(
        "kidnapping",
        "Violence against civilians",
        "Abduction/forced disappearance",
        ("اختطاف", "خطف", "اختطف", "اختطفت", "خطفت", "اختطفوا", "مختطفين", "المختطفين", "رهائن",
         "احتجاز رهائن", "الاختفاء القسري"),
        rank=67,
    ),
    EventType(
        "sexual_violence",
        "Violence against civilians",
        "Sexual violence",
        ("اغتصاب", "اغتصبوا", "عنف جنسي", "اعتداء جنسي"),
        rank=67,
    ),
    EventType(
        "excessive_force_protest",
        "Protests",
        "Excessive force against protesters",
        ("الرصاص الحي على المتظاهرين", "قتل متظاهرين", "مقتل متظاهرين", "قتل محتجين", "مقتل محتجين",
         "النار على المتظاهرين", "النار على المحتجين"),
        rank=63,
    ),
    EventType(
        "protest_with_intervention",
        "Protests",
        "Protest with intervention",
        ("تفريق المتظاهرين", "تفريق المحتجين", "لتفريق", "فرقت الشرطة", "الغاز المسيل للدموع",
         "قنابل الغاز", "اعتقال متظاهرين", "اعتقال محتجين", "قمع المظاهرات", "قمع الاحتجاجات"),
        rank=62,
    ),
    EventType(
        "riot",
        "Riots",
        "Violent demonstration",
        ("أعمال شغب", "شغب", "مشاغبين", "مشاغبون", "أعمال عنف", "أحرق محتجون", "أضرموا النار",
         "رشق بالحجارة", "رشقوا", "مواجهات بين محتجين", "مواجهات مع قوات الأمن", "اقتحم محتجون"),
        rank=61,
    ),
    EventType(
        "peaceful_protest",
        "Protests",
        "Peaceful protest",
        ("مظاهرة", "مظاهرات", "تظاهرة", "تظاهرات", "تظاهر", "تظاهرت", "تظاهروا", "احتجاج", "احتجاجات",
         "احتجاجية", "وقفة احتجاجية", "مسيرة احتجاجية", "اعتصام", "اعتصم", "اعتصموا", "متظاهرون",
         "متظاهرين", "المتظاهرين", "محتجون", "محتجين", "المحتجين", "احتج", "احتجوا", "إضراب"),
        rank=40,
    ),
    EventType(
        "mass_arrest",
        "Strategic developments",
        "Arrests",
        ("حملة اعتقالات", "حملة مداهمات", "اعتقالات", "اعتقال", "اعتقلت", "اعتقل", "اعتقلوا", "القبض على",
         "ألقت القبض", "ألقي القبض", "توقيف", "أوقفت", "احتجاز", "احتجزت", "مداهمة", "داهمت"),
        rank=45,
    ),
    EventType(
        "ceasefire",
        "Strategic developments",
        "Agreement",
        ("هدنة", "وقف إطلاق النار", "وقف لإطلاق النار", "وقف الأعمال القتالية", "وقف القتال"),
        rank=55,
    ),
    EventType(
        "agreement",
        "Strategic developments",
        "Agreement",
        ("اتفاق سلام", "اتفاقية سلام", "اتفاق مصالحة", "اتفاق تسوية", "تبادل الأسرى", "صفقة تبادل",
         "اتفاق إجلاء", "اتفاق لإجلاء", "اتفاق المصالحة", "وقعت اتفاق", "توقيع اتفاق"),
        rank=54,
    ),
    EventType(
        "withdrawal",
        "Strategic developments",
        "Non-violent transfer of territory",
        ("انسحب", "انسحبت", "انسحاب", "انسحبوا", "تسليم المدينة"),
        rank=50,
    ),
    EventType(
        "troop_deployment",
        "Strategic developments",
        "Change to group/activity",
        ("نشر قوات", "نشرت قوات", "تعزيزات عسكرية", "أرسلت تعزيزات", "إرسال تعزيزات", "تعزيزات",
         "انتشار قوات", "نشر جنود", "نشر وحدات"),
        rank=48,
    ),
    EventType(
        "base_established",
        "Strategic developments",
        "Headquarters or base established",
        ("إقامة قاعدة", "أقامت قاعدة", "إنشاء قاعدة", "قاعدة عسكرية جديدة"),
        rank=47,
    ),
    EventType(
        "weapons_disrupted",
        "Strategic developments",
        "Disrupted weapons use",
        ("تفكيك عبوة", "تفكيك عبوات", "إبطال مفعول", "أبطلت", "تفكيك لغم", "اعترضت", "اعتراض صاروخ",
         "اعتراض صواريخ", "أسقطت طائرة", "إسقاط طائرة", "ضبط أسلحة", "ضبطت أسلحة", "مخزن أسلحة",
         "إحباط هجوم", "أحبطت", "أحبط"),
        rank=76,
    ),
    EventType(
        "looting",
        "Strategic developments",
        "Looting/property destruction",
        ("نهب", "سلب", "نهبوا", "إحراق منازل", "أحرقوا منازل", "هدم منازل", "هدمت", "تدمير منازل"),
        rank=46,
    ),
    EventType(
        "shooting",
        "Battles",
        "Armed clash",
        ("إطلاق نار", "إطلاق النار", "أطلق النار", "أطلقوا النار", "أطلقت النار", "بالرصاص", "برصاص",
         "رصاص", "مسلحون", "مسلحين"),
        rank=20,
        weak=True,
    ),
    EventType(
        "attack",
        "Battles",
        "Armed clash",
        ("هجوم", "هجوما", "هجمات", "هاجم", "هاجمت", "هاجموا", "استهدف", "استهدفت", "استهداف", "عملية عسكرية"),
        rank=15,
        weak=True,
    ),
    EventType(
        "killing",
        "Violence against civilians",
        "Attack",
        ("قتل", "قتلت", "قتلوا", "مقتل", "لقي حتفه", "لقوا حتفهم", "لقي مصرعه", "لقوا مصرعهم", "سقوط قتلى",
         "قتيل", "قتلى", "قتيلا", "استشهد", "استشهاد", "شهداء", "جرحى", "مصرع"),
        rank=10,
        weak=True,
    ),
)

EVENT_TYPES_BY_NAME: dict[str, EventType] = {t.name: t for t in EVENT_TYPES}

# Context cues (folded at compile time like the triggers).
AIR_CUES: tuple[str, ...] = ("جوية", "جوي", "الطيران", "طائرات", "طائرة", "مقاتلات", "حربية", "التحالف الدولي")
DRONE_CUES: tuple[str, ...] = ("مسيرة", "بدون طيار", "من دون طيار", "درون")
SUICIDE_CUES: tuple[str, ...] = ("انتحاري", "انتحارية", "انتحاريين", "ناسف")
CIVILIAN_CUES: tuple[str, ...] = (
    "مدنيين", "مدنيا", "مدني", "المدنيين", "مواطنين", "مواطنا", "أطفال", "طفل", "طفلا", "نساء", "امرأة",
    "سكان", "الأهالي", "أهالي", "مصلين", "المصلين", "طلاب", "مدرسة", "سوق", "مستشفى", "عائلة", "مزارعين",
    "رعاة", "صحفي", "صحفيا", "مدنيون",
)
PROTEST_CUES: tuple[str, ...] = ("متظاهرا", "محتجا", "متظاهرين", "المتظاهرين", "محتجين", "المحتجين", "مظاهرة", "مظاهرات",
                                 "تظاهرة", "احتجاجات", "المحتجون", "المتظاهرون")
ARMED_CUES: tuple[str, ...] = (
    "قوات", "القوات", "الجيش", "جيش", "مسلحون", "مسلحين", "تنظيم", "داعش", "ميليشيا", "ميليشيات", "مليشيات",
    "كتائب", "جبهة", "فصائل", "الفصائل", "عناصر", "مقاتلين", "مقاتلو", "جنود", "الشرطة", "الأمن", "الحشد",
    "طالبان", "الحوثيين", "الحوثيون", "حزب الله", "حماس", "الشباب", "النظام",
)

# Cues before a trigger that make the mention not a real, past event.
# Particles negate only the next few words; denial verbs anywhere earlier in the clause.
NEGATION_PARTICLES: tuple[str, ...] = ("لم", "لن", "لا", "ليس", "ليست", "عدم", "غير")
NEGATION_CUES: tuple[str, ...] = ("نفى", "نفت", "ينفي", "تنفي", "ينفون", "نفوا", "نافيا", "نافية", "كذب",
                                  "كذبت", "شائعات", "مزاعم", "أنباء عن")
MODALITY_CUES: tuple[str, ...] = (
    "يعتزم", "تعتزم", "يعتزمون", "سوف", "يخطط", "تخطط", "خطة", "مخطط", "يهدد", "تهدد", "هدد", "هددت",
    "تهديد", "حذر", "حذرت", "تحذير", "يخشى", "تخشى", "مخاوف", "إذا", "لو", "في حال", "يمكن", "محتمل",
    "احتمال", "مستعد", "مستعدة", "لمنع", "منع", "تجنب", "يطالب", "تطالب", "دعا", "دعت", "يدعو", "تدعو",
    "ضرورة", "يرفض", "ترفض", "رفض", "يريد", "تريد", "يسعى", "تسعى", "لشن", "سيتم", "ستتم", "ستنظم",
    "سينظم", "المقرر", "مقرر", "المرتقب", "مرتقب", "غدا", "ستشن", "سيشن", "يستعد", "تستعد",
)
# Cues in a sentence that mark historical background rather than a reported event.
BACKGROUND_CUES: tuple[str, ...] = ("منذ بدء", "منذ اندلاع", "منذ بداية", "منذ عام", "منذ سنوات", "في عام",
                                    "خلال السنوات", "على مدى", "منذ مطلع", "في ذكرى", "ذكرى")
# Cues of non-political harm (accidents, disasters, crime reports): weak triggers and
# plain explosions in such sentences are not conflict events.
NON_POLITICAL_CUES: tuple[str, ...] = (
    "حادث سير", "حادث مرور", "حادث مروري", "حوادث الطرق", "اصطدام", "انقلاب", "غرق", "غرقا", "حريق", "زلزال",
    "فيضانات", "سيول", "انهيار", "تسمم", "وباء", "فيروس", "كورونا", "مرض", "قارورة غاز", "أنبوب غاز",
    "تسرب غاز", "صعقة", "جريمة قتل", "مباراة", "المنتخب", "الدوري",
)
# Subject/object markers around argument mentions.
TARGET_MARKERS: tuple[str, ...] = ("على", "ضد", "استهدف", "استهدفت", "استهدفوا", "استهداف", "مواقع", "معاقل",
                                   "مقر", "مقرات", "تجمعات", "عناصر من", "لقوات", "لعناصر", "مع")
ACTOR_MARKERS: tuple[str, ...] = ("شنها", "شنتها", "نفذها", "نفذته", "تبنى", "تبنت", "أعلن", "أعلنت",
                                  "من قبل", "بين", "برصاص", "بنيران", "يد")
ARMED_CATEGORIES: frozenset[str] = frozenset(
    {"state forces", "rebel group", "political militia", "identity militia", "external/other forces"}
)


def acled_pair(name: str) -> tuple[str, str]:
    """The ACLED (event_type, sub_event_type) of one of our types."""
    t = EVENT_TYPES_BY_NAME[name]
    return t.acled_event_type, t.acled_sub_event_type


def _check() -> None:
    """Every finer type maps to a pair ACLED defines (fails at import if the table is edited wrongly)."""
    for t in EVENT_TYPES:
        if t.acled_sub_event_type not in ACLED_TAXONOMY.get(t.acled_event_type, {}):
            raise ValueError(f"event type {t.name}: unknown ACLED pair {t.acled_event_type}/{t.acled_sub_event_type}")


_check()
