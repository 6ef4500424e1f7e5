"""Hand-written trigger words for NER features (folded with rasd.text.normalise).

Words that announce a name nearby: titles before people, heads of organisation
and place names, speech verbs after a speaker. Kept here, in one place; the
derived gazetteers and word clusters are built by rasd.ner.train into
``rasd/resources/ner``.
"""

from __future__ import annotations

from rasd.text.normalise import normalize

_PERSON_TITLES = """
الرئيس رئيس الملك الامير الأمير الشيخ السيد السيدة الدكتور د المهندس الاستاذ الأستاذ العقيد اللواء العميد
الفريق المشير الجنرال النقيب الرائد المقدم القاضي المحامي الامام الإمام البابا الكاردينال المطران الحاخام
وزير الوزير وزيرة نائب النائب النائبة زعيم الزعيم قائد القائد المتحدث الناطق مستشار المستشار المبعوث السفير
سفير المدير مدير الأمين الامين المفوض محافظ المحافظ عمدة والي الوالي ملك أمير امير السلطان الرئيسة المستشارة
اللاعب المدرب الفنان الفنانة الكاتب الكاتبة الشاعر الروائي المخرج الممثل الممثلة المغني المطرب الصحفي الصحافي
المرشح المرشحة العاهل ولي الحاج الشهيد الراحل الفقيد سمو جلالة فخامة معالي سعادة
"""

_SPEECH_VERBS = """
قال وقال فقال قالت وقالت أكد وأكد اكد واكد أكدت وأكدت أضاف وأضاف اضاف واضاف أضافت وأضافت أعلن وأعلن اعلن
واعلن أعلنت وأعلنت صرح وصرح صرحت أوضح وأوضح اوضح أوضحت أشار وأشار اشار أشارت تابع وتابع تابعت أفاد وأفاد
أفادت نقل ونقل نفى ونفى نفت دعا ودعا دعت طالب وطالب طالبت اعتبر واعتبر اعتبرت رأى ورأى يقول ويقول تقول
"""

_ORG_HEADS = """
حزب الحزب حركة الحركة جبهة الجبهة منظمة المنظمة مجلس المجلس وزارة الوزارة هيئة الهيئة جمعية الجمعية
اتحاد الاتحاد شركة الشركة مؤسسة المؤسسة بنك البنك مصرف المصرف جامعة الجامعة وكالة الوكالة صحيفة الصحيفة
قناة القناة إذاعة اذاعة نادي النادي فريق الفريق منتخب المنتخب جيش الجيش قوات القوات لجنة اللجنة محكمة
المحكمة برلمان البرلمان حكومة الحكومة تنظيم التنظيم ائتلاف الائتلاف تحالف التحالف كتائب كتيبة ميليشيا
مليشيا معهد المعهد مركز المركز رابطة الرابطة نقابة النقابة مكتب المكتب سلطة السلطة بلدية البلدية
"""

_LOC_HEADS = """
مدينة المدينة بلدة البلدة قرية القرية محافظة المحافظة ولاية الولاية إقليم اقليم الإقليم منطقة المنطقة
جزيرة الجزيرة جزر نهر النهر بحر البحر خليج الخليج جبل الجبل جبال صحراء الصحراء عاصمة العاصمة دولة
مخيم المخيم ميناء الميناء مطار المطار شارع الشارع حي ساحة ريف شمال جنوب شرق غرب شمالي جنوبي شرقي غربي
"""

_LOC_PREPOSITIONS = """
في وفي إلى الى من ومن نحو قرب بين عبر داخل خارج أنحاء انحاء شمال جنوب شرق غرب
"""

# Function words that end a name's construct chain (the "chain" feature group); not triggers.
_CHAIN_BREAKERS = """
إن ان أن وإن وأن لأن إنه انه أنه الذي التي الذين اللذين اللتين اللواتي على عن مع ثم لكن ولكن كما هذا هذه ذلك
تلك هو هي هم كان كانت قد لقد لم لن لا ما ماذا منذ حتى بعد قبل عند أو او أي اي كل بعض غير سوى خلال حول ضد
"""


def _fold_words(block: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in block.split())


PERSON_TITLES = _fold_words(_PERSON_TITLES)
SPEECH_VERBS = _fold_words(_SPEECH_VERBS)
ORG_HEADS = _fold_words(_ORG_HEADS)
LOC_HEADS = _fold_words(_LOC_HEADS)
LOC_PREPOSITIONS = _fold_words(_LOC_PREPOSITIONS)
CHAIN_BREAKERS = _fold_words(_CHAIN_BREAKERS) | SPEECH_VERBS | LOC_PREPOSITIONS

TRIGGERS: dict[str, frozenset[str]] = {
    "TPER": PERSON_TITLES,
    "TSAY": SPEECH_VERBS,
    "TORG": ORG_HEADS,
    "TLOC": LOC_HEADS,
    "PLOC": LOC_PREPOSITIONS,
}
