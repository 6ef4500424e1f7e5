"""Words that introduce reported speech, in their folded form (``rasd.text.normalise.normalize``).

The reporting verbs, "according to" phrases, subjectless participles and source heads that the
quantity stage uses to find who holds a figure are the same knowledge: they live in
``rasd.quantity.lexicon`` and are imported from there. This module only adds what speech needs
beyond holders (opinion verbs such as اعتبر/شدد, complementizers, quote marks) and removes the
counting verbs that report figures but never speech (أحصى، رصد، وثق ...).
"""

from __future__ import annotations

from rasd.quantity import lexicon as _holders
from rasd.text.normalise import normalize
from rasd.time.lexicon import WEEKDAYS


def _fold(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


# Verbs that hold a figure but do not report speech: "أحصت المنظمة 20 قتيلا".
_COUNTING_VERBS = _fold(
    (
        "أحصى", "أحصت", "أحصي", "وثق", "وثقت", "رصد", "رصدت", "قدر", "قدرت", "يقدر", "تقدر",
        "نشر", "نشرت", "أبرز", "أبرزت", "أعلنه",
    )
)  # fmt: skip
_EXTRA_SPEECH_VERBS = _fold(
    (
        "اعتبر", "اعتبرت", "يعتبر", "تعتبر", "شدد", "شددت", "يشدد", "تشدد", "كتب", "كتبت", "غرد", "غردت",
        "حذر", "حذرت", "يحذر", "تحذر", "أعرب", "أعربت", "وصف", "وصفت", "رأى", "رأت", "يرى", "ترى",
        "أردف", "أردفت", "استطرد", "نوه", "نوهت", "أوضحوا", "أكدوا", "أضافوا", "ذكروا", "أفادوا",
        "صرحوا", "أعلنوا", "قالتا", "يضيف", "أقر", "أقرت", "جدد", "جددت", "لفتت", "أشاروا",
        "تساءل", "تساءلت", "اتهم", "اتهمت", "ادعى", "أبلغ", "طمأن", "ختم", "ختمت", "علق", "علقت",
    )
)  # fmt: skip
# Round 3: dual, plural and present forms of the reporting verbs, and verbs that report with a
# complementizer only ("شكا من أن", "قدرت الحكومة أن": weak, see WEAK_SPEECH_VERBS).
_MORE_SPEECH_VERBS = _fold(
    (
        "يقولون", "يقولان", "تقولان", "أكدا", "أكدتا", "يؤكدون", "يؤكدان", "تؤكدان", "أوضحا", "يوضحون",
        "أضافا", "يضيفون", "أشارا", "أشارت", "يشيرون", "اعتبروا", "اعتبرا", "يعتبرون", "رأوا", "شددوا",
        "شددا", "لفتوا", "نوهوا", "حذروا", "حذرا", "يحذرون", "نفوا", "نفيا", "ينفي", "تنفي", "ينفون", "كشفوا",
        "كشفا", "أعلنا", "ذكرا", "يصرح", "تصرح", "أكدن", "قلن", "يعترف", "تعترف", "اعترفوا", "أقروا",
        "زعموا", "يزعم", "تزعم", "أبلغوا", "أوضحتا", "أضافتا", "اعتبرتا", "أفادا",
        "شكا", "شكت", "يشكو", "تشكو", "يشكون", "اشتكى", "اشتكت", "قدر", "قدرت", "يقدر", "تقدر",
        "نص", "ونص", "نصت", "ينص", "تنص",
    )
)  # fmt: skip
# Verbal nouns that report with a complementizer right after them (or after their subject).
VERBAL_NOUNS: frozenset[str] = _fold(
    (
        "نفي",
        "النفي",
        "تأكيد",
        "التأكيد",
        "إعلان",
        "الإعلان",
        "تأكيده",
        "تأكيدها",
        "إعلانه",
        "إعلانها",
        "نفيه",
        "نفيها",
    )
)
# Cues that take their clause with "على أن" (folded stems): أكد/مؤكدا/التأكيد، شدد، نص، حرص، أصر ...
ALA_STEMS: tuple[str, ...] = tuple(
    normalize(w)
    for w in (
        "أكد", "يؤكد", "تؤكد", "نؤكد", "مؤكد", "تأكيد", "التأكيد", "شدد", "يشدد", "تشدد", "مشدد", "التشديد",
        "نص", "ينص", "تنص", "حرص", "يحرص", "تحرص", "أصر", "يصر", "تصر", "مصر", "اتفق", "يتفق", "ركز", "دل",
        "يدل", "تدل", "علق", "برهن", "أجمع",
    )
)  # fmt: skip
# Words before a verbal noun that make it one ("إلى نفي أن", "غداة إعلان ناديه أنه").
NOUN_GOVERNORS: frozenset[str] = _fold(
    ("إلى", "الى", "في", "على", "عن", "غداة", "عقب", "بعد", "إثر", "اثر", "رغم", "مع", "قبل", "لدى")
)
_WEAK_ROUND3 = _fold(
    (
        "نص",
        "ونص",
        "نصت",
        "ينص",
        "تنص",
        "شكا",
        "شكت",
        "يشكو",
        "تشكو",
        "يشكون",
        "اشتكى",
        "اشتكت",
        "رأوا",
        "لفتوا",
    )
)
# Reporting verbs that introduce speech (after و/ف and with an object pronoun stripped).
SPEECH_VERBS: frozenset[str] = (
    frozenset(_holders.REPORTING_VERBS - _COUNTING_VERBS) | _EXTRA_SPEECH_VERBS | _MORE_SPEECH_VERBS
)
# Verbs that are other words too (بين "between", تابع "followed", نقل "moved"): they report speech
# only when a complementizer, colon or quote follows.
WEAK_SPEECH_VERBS: frozenset[str] = (
    frozenset(_holders.WEAK_REPORTING_VERBS)
    | _fold(("كتب", "كتبت", "ختم", "ختمت", "علق", "علقت", "رأى", "رأت", "يرى", "ترى", "وصف", "وصفت"))
    | _WEAK_ROUND3
)
# Verbs that report by relaying another source: "نقلت الوكالة عن X قوله إن ...".
RELAY_VERBS: frozenset[str] = _fold(("نقل", "نقلت", "ينقل", "تنقل", "نقلوا"))
# Participles that continue the current speaker: "، مضيفا أن ...", "قائلا: ...".
PARTICIPLES: frozenset[str] = frozenset(_holders.SUBJECTLESS_REPORTING) | _fold(
    (
        "مشددا", "مشددة", "محذرا", "محذرة", "معربا", "معربة", "متابعا", "متابعة", "مردفا", "مردفة",
        "مؤكدين", "مضيفين", "معتبرين", "مشيرين", "واصفا", "واصفة", "متسائلا", "متسائلة", "مستدركا",
        "بالقول", "قائلين", "مذكرا", "مذكرين",
        # round 3: more participles that continue a speaker; feminine forms that are also nouns
        # (ملاحظة "a note", مطالبة "a demand", داعية "a preacher", معلنة "declared") are left out
        "ملاحظا", "داعيا", "مطالبا", "مبرزا", "مبرزة", "معلنا", "نافيا", "نافية", "مرجحا", "مستنكرا",
        "مستنكرة", "متهما", "مبديا", "مبدية", "معبرا", "معبرة", "مستدركة", "منبها", "منبهة", "معلقا",
        "معلقة", "مختتما", "مختتمة", "مفيدا", "مفيدة", "مستطردا", "مقرا", "منددا", "مندده", "معترفا",
        "معترفة", "مستغربا", "مشيدا", "مشيدة", "محملا", "محملة", "متوقعا", "متوقعة", "مشترطا", "مجددا",
        "مستبعدا", "مستبعدة", "مناشدا", "مطمئنا", "مبشرا", "مهددا", "مهددة", "متعهدا", "متعهدة", "كاشفا",
        "كاشفة", "ملمحا", "ملمحة", "موضحين", "لافتين", "مشددين", "محذرين", "مطالبين", "داعين", "نافين",
    )
)  # fmt: skip
# Editorial formulas that look like reporting verbs but have no speaker: "يذكر أن ...".
EDITORIAL: frozenset[str] = _fold(
    ("يذكر", "ويذكر", "يشار", "ويشار", "يجدر", "ويجدر", "علما", "يبدو", "ويبدو")
)
# Complementizers that open reported content (folded; with attached pronouns).
COMPLEMENTIZERS: frozenset[str] = _fold(
    (
        "إن", "أن", "إنه", "أنه", "إنها", "أنها", "إنهم", "أنهم", "إنهما", "أنهما", "إننا", "أننا",
        "إنني", "أنني", "إنهن", "أنهن", "بأن", "بأنه", "بأنها", "بأنهم", "بأنهما", "بأننا",
        "فإن", "فإنه", "فإنها", "فإنهم",
    )
)  # fmt: skip
# Words right before "أن" that make it a plain conjunction, not a complementizer: "بعد أن".
NOT_COMPLEMENTIZER_BEFORE: frozenset[str] = _fold(
    ("بعد", "قبل", "منذ", "دون", "بدون", "يجب", "ينبغي", "يمكن", "لابد", "بد", "حتى", "يتوقع", "يرجح", "إلا")
)
# Prepositions before a quotation mark make the quotation their object, not speech: في "...".
PREPOSITIONS: frozenset[str] = _fold(
    ("في", "على", "من", "إلى", "الى", "عن", "مع", "حول", "بشأن", "ضد", "نحو")
)
# Words after which a reporting word is a noun: "أي ذكر", "دون إعلان", "عدم تأكيد".
NOUN_MARKERS: frozenset[str] = _fold(("أي", "دون", "بدون", "عدم", "مجرد", "كل"))
# Prepositions that a verb takes before its complement: "أشار إلى أن", "حذر من أن".
COMPLEMENT_PREPOSITIONS: frozenset[str] = _fold(("إلى", "الى", "من", "على"))
# "according to" phrases (token sequences), longest first; shared with the quantity holders.
SOURCE_CUES: list[tuple[str, ...]] = _holders.SOURCE_CUES
# After "حسبما"/"وفق ما": verbs that name no one ("وفق ما جاء في بيان ...").
SOURCE_CUE_VERBS: frozenset[str] = frozenset(_holders.SOURCE_CUE_VERBS) | _fold(
    ("قرأ", "قرأت", "أورد", "أوردت", "نشره", "نشرته", "رصده", "رصدته", "رصدت")
)
# "لكنها أشارت إلى أن": the pronoun is the subject of the sentence's first clause.
PRONOUN_CONJUNCTIONS: frozenset[str] = _fold(
    ("لكنه", "لكنها", "لكنهم", "ولكنه", "ولكنها", "ولكنهم", "إلا أنه", "إلا أنها", "غير أنه", "غير أنها")
)
# Nouns that name what follows in quotation marks: اسم "أمل"، بعنوان "..."، شعار "..."، وسم "...".
NAMING_NOUNS: frozenset[str] = _fold(
    ("اسم", "عنوان", "بعنوان", "شعار", "لقب", "وسم", "هاشتاغ", "هاشتاق", "تسمية", "مسمى", "اسمه", "اسمها")
)
# "وجاء في كلمته أن": what a speech or an interview says (documents: STATEMENT_HEADS).
SPEECH_DOCUMENTS: frozenset[str] = _fold(
    ("نص", "كلمة", "كلمته", "كلمتها", "خطاب", "خطابه", "خطابها", "حديث", "حديثه", "حديثها", "مقابلة")
)
# "وجاء في البيان:" — the document the speaker issued speaks.
CAME_IN_VERBS: frozenset[str] = _fold(("جاء", "وجاء", "ورد", "وورد", "جاءت", "وجاءت"))
VERB_ADVERBS: frozenset[str] = (
    frozenset(_holders.VERB_ADVERBS) | frozenset(WEEKDAYS) | _fold(("مساء", "صباح"))
)
# Heads of an unnamed speaker that may continue with "في/من <institution>": "مصدر في وزارة الداخلية".
SOURCE_HEADS: frozenset[str] = frozenset(_holders.SOURCE_HEADS) | _fold(
    (
        "مسؤولي",
        "مسؤولو",
        "شهود",
        "شاهد",
        "مصادر",
        "مقربة",
        "مقربين",
        "مقرب",
        "ناشطون",
        "ناشط",
        "سكان",
        "مراسل",
        "خبراء",
        "خبير",
    )
)
INSTITUTION_HEADS: frozenset[str] = frozenset(_holders.INSTITUTION_HEADS)
MEDIA_HEADS: frozenset[str] = frozenset(_holders.MEDIA_HEADS)
# Indefinite heads followed by a quoted proper name: شركة "النخيل"، حزب "الأمل الجديد".
QUOTED_NAME_HEADS: frozenset[str] = (
    frozenset(_holders.QUOTED_NAME_HEADS)
    | MEDIA_HEADS
    | _fold(("حركة", "جماعة", "تنظيم", "جبهة", "ائتلاف", "منظمة", "صحيفة", "مجلة"))
)
# Documents that speak for whoever issued them: "بيان للشرطة", "تقرير صادر عن الأمم المتحدة",
# "بيان الجيش" — the issuer is the speaker; the document only when it names no one.
STATEMENT_HEADS: frozenset[str] = _fold(
    (
        "بيان", "بيانات", "تقرير", "تقارير", "رسالة", "بلاغ", "تصريح", "تصريحات", "تغريدة", "منشور",
        "مذكرة", "وثيقة", "إعلان", "نشرة",
    )
)  # fmt: skip
# Adjectives that may stand between a document and its issuer: "بيان صحافي للشرطة".
STATEMENT_ADJECTIVES: frozenset[str] = _fold(
    (
        "صحافي", "صحفي", "رسمي", "مشترك", "مكتوب", "جديد", "سابق", "أخير", "نشر", "نشره", "نشرته",
        "منفصل", "مقتضب", "ثان", "آخر", "اخر", "سنوي", "شهري", "أممي", "حقوقي", "إعلامي", "حديث",
    )
)  # fmt: skip
# "صادر عن X", "منسوب إلى X": the issuer follows.
ISSUED_BY: frozenset[str] = _fold(("صادر", "صادرة", "الصادر", "الصادرة", "منسوب", "منسوبة", "صدر", "صدرت"))
# Negations before a reporting verb: "لم يؤكد أن" reports that nobody said it.
NEGATIONS: frozenset[str] = _fold(("لم", "ولم", "لن", "ولن", "فلم"))
# Words that end a speaker phrase: adjuncts of the verb ("في بيان", "خلال مؤتمر"), the relayed
# "قوله", the audience "للصحفيين".
SPEAKER_STOPS: frozenset[str] = frozenset(_holders.HOLDER_STOPS - {"ما"}) | COMPLEMENTIZERS | _fold(
    (
        "في", "خلال", "عبر", "على", "أمام", "لدى", "عقب", "إثر", "اثر", "بعد", "قبل", "منذ", "أثناء",
        "حول", "بشأن", "عن", "إلى", "الى", "مع", "ل", "لـ", "وهو", "وهي", "الذي", "التي", "اليوم", "أمس",
        "قائلا", "قائلة", "بدوره", "بدورها", "أيضا", "كذلك", "مساء", "صباح", "ظهر", "و",
        "عندما", "حين", "حيث", "لأن", "كي", "إذ", "بعدما", "ما", "وقد", "قد", "غداة", "عشية",
        "فيها", "فيه", "عنه", "عنها", "له", "لها", "لهم", "عليه", "عليها", "منه", "منها", "به", "بها",
        "يلي", "بالقول", "ردا", "تعليقا", "تعقيبا", "ساخرا", "ساخرة", "مبتسما", "غاضبا", "مازحا", "متأثرا",
        "متابعا",
    )
)  # fmt: skip
# Definite heads that refer back to a speaker already named: "وأضاف الوزير", "وقالت الوزارة".
PERSON_ANAPHORS: frozenset[str] = _fold(
    (
        "الوزير", "الرئيس", "المتحدث", "الناطق", "المسؤول", "السفير", "المبعوث", "القائد", "المدير",
        "الزعيم", "الأمين", "المستشار", "النائب", "الجنرال", "العميد", "العقيد", "اللواء", "الشيخ",
        "الرجل", "المرأة", "السيدة", "الملك", "الأمير", "المصدر", "الوزيرة", "المتحدثة", "الرئيسة",
        "الفتاة", "الشاب", "الشابة", "الفتى", "الطفل", "الطفلة",
    )
)  # fmt: skip
ORG_ANAPHORS: frozenset[str] = _fold(
    (
        "الوزارة", "الحكومة", "الهيئة", "المنظمة", "الحركة", "الجماعة", "الحزب", "الوكالة", "البعثة",
        "اللجنة", "المجلس", "الرئاسة", "السفارة", "الشركة", "الجبهة", "الائتلاف", "التحالف", "المرصد",
        "الصحيفة", "القناة", "الشبكة", "البيان", "الرسالة", "المنظمة",
        "الجيش", "الشرطة", "السلطات", "المحكمة", "البرلمان", "الاتحاد", "الجامعة", "الرابطة", "الجمعية",
        "المؤسسة", "المفوضية", "المجموعة", "الفصائل", "الميليشيا", "المليشيا", "الإدارة", "الصندوق",
        "البنك", "الهيئة", "الوكالة", "المركز", "التنظيم", "البلاغ", "التقرير", "النيابة",
    )
)  # fmt: skip
# Verbs that go on with the last speaker even after a sentence about someone else.
CONTINUING_VERBS: frozenset[str] = _fold(
    ("أضاف", "أضافت", "تابع", "تابعت", "أردف", "أردفت", "استطرد", "يضيف", "تضيف", "أضافوا", "ختم", "ختمت")
)
# "وأضاف المصدر نفسه", "ذات المصدر": the source that spoke last.
SAME_SOURCE_HEADS: frozenset[str] = _fold(("المصدر", "المصادر", "المتحدث", "المسؤول"))
SAME_SOURCE_TAILS: frozenset[str] = _fold(("المصدر", "المصادر", "المتحدث", "المسؤول"))
SAME_WORDS: frozenset[str] = _fold(("نفسه", "ذاته", "نفسها", "ذاتها", "ذات", "نفس"))
# "قالت الأخيرة": the entity named last.
THE_LATTER: frozenset[str] = _fold(("الأخير", "الأخيرة", "الاخير", "الاخيرة"))
# Titles that name a person without the name: "وأضاف رئيس الهيئة السابق" refers to the one named
# earlier with that title.
TITLE_HEADS: frozenset[str] = _fold(
    (
        "رئيس", "رئيسة", "وزير", "وزيرة", "نائب", "أمين", "مدير", "مديرة", "سفير", "قائد", "مستشار",
        "متحدث", "ناطق", "زعيم", "ممثل", "مساعد", "محافظ", "والي", "مدرب", "عميد", "منسق", "كاتب",
    )
)  # fmt: skip
# Words after the subject phrase that open an adjunct: a person named after them is no subject
# ("بعد عودته من السفر ... بقرطاج", "خلال لقاء مع نظيره سالم").
ADJUNCT_OPENERS: frozenset[str] = _fold(
    (
        "بعد", "قبل", "خلال", "غداة", "عشية", "عقب", "إثر", "اثر", "أثناء", "مع", "أمام", "لدى", "منذ", "حين",
        "عندما", "على", "إلى", "الى",
    )
)  # fmt: skip
# Pronoun objects of the verb inside an "according to" phrase: "وفق ما أعلنت عنه السلطات".
SOURCE_VERB_OBJECTS: frozenset[str] = _fold(("عنه", "عنها", "به", "بها", "له", "لها", "فيه", "فيها", "عليه"))
# Pronoun-only sources: "، حسب تعبيره", "وفق قوله" repeat the speaker of the clause, no new quote.
PRONOUN_SOURCES: frozenset[str] = _fold(
    ("قوله", "قولها", "قولهم", "تعبيره", "تعبيرها", "تعبيرهم", "تصريحه", "تصريحها", "رأيه", "رأيها", "زعمه")
)
# Words after which a new clause starts inside a sentence (after a comma).
# (Not "حين"/"كما": "، حين توفي ..." still belongs to the reported clause.)
CLAUSE_OPENERS: frozenset[str] = _fold(
    ("لكن", "ولكن", "لكنه", "ولكنه", "بينما", "وبينما", "فيما", "وفيما", "مما", "ثم")
)
# Documents that speak for their authors after "according to": "بحسب بيانات الشرطة".
SOURCE_DOCUMENTS: frozenset[str] = _fold(
    ("بيان", "بيانات", "تقرير", "تقارير", "إحصاءات", "إحصائيات", "أرقام", "معلومات", "مصادر", "رسالة")
)
# Openers before a sentence's verb: "من جانبه، رد الوزير ..., مؤكدا".
DISCOURSE_OPENERS: frozenset[str] = _fold(
    ("من", "جانبه", "جانبها", "جهته", "جهتها", "ناحيته", "في", "المقابل", "بدوره", "بدورها", "ومن", "وفي")
)
# Phrases where the writer takes over after a quote: "... "المقبرة" في إشارة إلى أردوغان".
WRITER_PHRASES: list[tuple[str, ...]] = [
    tuple(normalize(w) for w in p.split()) for p in ("في إشارة", "في اشارة", "على حد تعبيره", "على حد قوله")
]
# "وذلك في إشارة إلى ...": the speaker's own reference, still inside the clause.
WRITER_CONTINUERS: frozenset[str] = _fold(("وذلك", "ذلك"))
# "إلا أن", "غير أن" + noun or pronoun: "however", a new clause.
HOWEVER: frozenset[str] = _fold(("إلا", "غير"))
# ", ما دفعهم إلى ...": the writer's consequence clause; a verb's complementizer is never past it.
RESULT_OPENERS: frozenset[str] = _fold(("ما", "مما"))
# "فإن" after an "according to" phrase opens its content.
FA_INNA: frozenset[str] = _fold(("فإن", "فإنه", "فإنها", "فإنهم"))
# Sentence-opening links before a subjectless verb: "فيما نقلت الوكالات قوله".
SENTENCE_LINKS: frozenset[str] = _fold(("فيما", "كما", "بينما"))
# "كما كشفت أن": a further reporting verb after the clause.
AS_WELL: frozenset[str] = _fold(("كما",))
# A speaker phrase never starts with a time: "أعلنت يوم السبت أن" has its subject before the verb.
TIME_WORDS: frozenset[str] = _fold(
    (
        "يوم", "اليوم", "أمس", "الأسبوع", "الشهر", "العام", "السنة", "مساء", "صباح", "ليلة", "فجر",
        "ظهر", "مطلع",
    )
) | frozenset(WEEKDAYS)  # fmt: skip
# Words after which "من" stays in the speaker phrase: "مصادر مقربة من الحكومة", "عدد من الخبراء".
OF_HEADS: frozenset[str] = _fold(
    (
        "مقربة", "مقربين", "مقرب", "قريبة", "قريبين", "عدد", "بعض", "أحد", "إحدى", "مجموعة", "عشرات", "مئات",
        "كثير", "الكثير", "العديد", "آلاف",
    )
)  # fmt: skip
RELATIVES: frozenset[str] = _fold(("الذي", "التي", "الذين", "اللذين", "اللتين"))
# Quotation marks: openers, closers, and the straight ones that are both.
OPENING_MARKS = "«“‘„"
CLOSING_MARKS = "»”’"
STRAIGHT_MARKS = '"'
PAIRS = {"«": "»", "“": "”", "‘": "’", "„": "“"}
