"""Name keys for linking: titles, roles, clitics, spelling variants, transliteration.

The one place for the rules that decide when two written names may be the same
name. Everything here works on folded text from :func:`rasd.text.normalise.normalize`
so that hamza, ta marbuta and ya spellings never matter. Functions are total:
they accept any string (empty, Latin, emoji, digits) and never raise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from rasd.geo.demonyms import demonym_country
from rasd.text.normalise import normalize

# Honorifics, ranks and roles written before a person's name (folded forms).
# A mention "المشير خليفة حفتر" is the person "خليفة حفتر"; the title is not part of the name.
TITLE_WORDS: frozenset[str] = frozenset(
    normalize(w)
    for w in [
        "اللواء",
        "الفريق",
        "العميد",
        "العقيد",
        "المقدم",
        "الرائد",
        "النقيب",
        "الملازم",
        "المشير",
        "الجنرال",
        "الأدميرال",
        "الرئيس",
        "الملك",
        "الأمير",
        "الأميرة",
        "الشيخ",
        "الشيخة",
        "السيد",
        "السيدة",
        "الدكتور",
        "الدكتورة",
        "د.",
        "الحاج",
        "الإمام",
        "آية",
        "الله",
        "المرشد",
        "السلطان",
        "العاهل",
        "ولي",
        "العهد",
        "الزعيم",
        "القائد",
        "الراحل",
        "المعارض",
        "الناشط",
        "الصحفي",
        "الصحافي",
        "الكاتب",
        "الإعلامي",
        "المحامي",
        "القاضي",
        "النائب",
        "المستشار",
        "السفير",
        "المبعوث",
        "الوزير",
        "الأستاذ",
        "المهندس",
        "البروفيسور",
        "المتحدث",
        "الناطق",
        "الجنرال",
        "المطران",
        "البابا",
        "الكاردينال",
        "الشهيد",
        "المقاتل",
        "القيادي",
        "المسؤول",
        "الرقيب",
        "سمو",
        "سماحة",
        "فخامة",
        "معالي",
        "دولة",
        "صاحب",
    ]
)

# Role nouns that head a longer role phrase ("وزير الخارجية الفرنسي", "رئيس المجلس الرئاسي").
ROLE_HEADS: frozenset[str] = frozenset(
    normalize(w)
    for w in [
        "وزير",
        "وزيرة",
        "رئيس",
        "رئيسة",
        "نائب",
        "قائد",
        "أمين",
        "الأمين",
        "مبعوث",
        "المبعوث",
        "سفير",
        "مستشار",
        "متحدث",
        "ناطق",
        "زعيم",
        "مدير",
        "محافظ",
        "عمدة",
        "مفوض",
        "المفوض",
        "منسق",
        "مندوب",
        "المندوب",
        "ممثل",
        "الممثل",
        "آمر",
        "أمير",
        "مرشد",
        "رئيسا",
        "وزيرا",
        "قائدا",
        "نائبا",
    ]
)

# Words that complete a role phrase after its head (institutions, portfolios, qualifiers).
ROLE_COMPLEMENTS: frozenset[str] = frozenset(
    normalize(w)
    for w in [
        "الخارجية",
        "الداخلية",
        "الدفاع",
        "العدل",
        "المالية",
        "الإعلام",
        "النفط",
        "الصحة",
        "التعليم",
        "الاقتصاد",
        "الوزراء",
        "الحكومة",
        "المجلس",
        "الرئاسي",
        "الأعلى",
        "العام",
        "العامة",
        "الأركان",
        "هيئة",
        "الجيش",
        "القوات",
        "المسلحة",
        "البرلمان",
        "النواب",
        "الدولة",
        "الأمم",
        "المتحدة",
        "الخاص",
        "الخاصة",
        "باسم",
        "الشؤون",
        "لشؤون",
        "السابق",
        "السابقة",
        "الأسبق",
        "الحالي",
        "المؤقت",
        "المؤقتة",
        "الانتقالي",
        "الانتقالية",
        "الوطني",
        "الوطنية",
        "حكومة",
        "الوفاق",
        "مجلس",
        "جامعة",
        "العربية",
        "العسكري",
        "العسكرية",
        "الأمن",
        "الاستخبارات",
        "المخابرات",
        "الشرطة",
        "الحرس",
        "الثوري",
        "المكلف",
        "المنتخب",
        "التنفيذي",
        "الدائم",
        "عام",
        "للأمم",
        "لمجلس",
        "الجمهورية",
        "للجيش",
        "للقوات",
        "لحكومة",
        "أول",
        "الأول",
        "الثاني",
    ]
)

# Single-letter proclitics (conjunction, preposition) that may be glued to a name.
_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
_ARTICLE = "ال"

_PUNCT_RE = re.compile(r"[\"'«»“”‘’`(){}\[\]<>#_.,،؛;:!?؟/\\|*~^=+\-–—…]+")
_SPACE_RE = re.compile(r"\s+")
# "عبد الحميد" and "عبدالحميد", "أبو ظبي" and "أبوظبي" are the same name.
_COMPOUND_RE = re.compile(r"(?:(?<=\s)|^)(عبد|ابو|ابي|ابا|بو) (?=\S)")
_LONG_VOWELS = "اوي"
_LATIN_ARTICLE_RE = re.compile(r"^(the|al|el|al-|el-)\s+")


def clean(text: str) -> str:
    """Folded text with punctuation, hashtags and underscores turned into single spaces."""
    folded = normalize(text or "")
    folded = _PUNCT_RE.sub(" ", folded)
    return _SPACE_RE.sub(" ", folded).strip()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The spelling-variant key of a name: folded, punctuation-free, compounds joined.

    Two strings with the same key are written variants of one name
    ("أبو ظبي"/"أبوظبي", "درنة"/"درنه", "عبدربه"/"عبد ربه").
    """
    key = clean(text)
    key = _COMPOUND_RE.sub(lambda m: m.group(1), key)
    if key and key.isascii():
        key = _LATIN_ARTICLE_RE.sub("", key)
    return key


def _skeleton_word(word: str) -> str:
    if len(word) <= 3:
        return word
    inner = "".join(ch for ch in word[1:-1] if ch not in _LONG_VOWELS)
    return word[0] + inner + word[-1]


@lru_cache(maxsize=1 << 16)
def skeleton_key(text: str) -> str:
    """A looser key without word-internal long vowels (فلاديمير/فلاديمر, غوتيريش/غوتيرش).

    Used only for names that also agree in type and never as the only evidence
    for short names, because dropping vowels makes more names collide.
    """
    return " ".join(_skeleton_word(w) for w in name_key(text).split())


def tokens(text: str) -> list[str]:
    """Name tokens of the key (compounds already joined)."""
    return name_key(text).split()


def strip_titles(text: str) -> str:
    """The folded name without leading titles and role phrases.

    "المشير خليفة حفتر" -> "خليفه حفتر"; "وزير الخارجية الفرنسي جان إيف لودريان" ->
    "جان ايف لودريان". Returns the input key unchanged when stripping would leave nothing
    (a mention that is only a title stays what it is).
    """
    words = name_key(text).split()
    i = 0
    while i < len(words):
        w = words[i]
        if w in TITLE_WORDS or (w.startswith(("و", "ف")) and w[1:] in TITLE_WORDS):
            i += 1
            continue
        if w in ROLE_HEADS or (w.startswith(("و", "ف")) and w[1:] in ROLE_HEADS):
            j = i + 1
            while j < len(words) and (words[j] in ROLE_COMPLEMENTS or _is_nisba(words[j])):
                j += 1
            if j > i + 1 or j < len(words):
                i = j
                continue
        break
    rest = words[i:]
    return " ".join(rest) if rest else " ".join(words)


def _is_nisba(word: str) -> bool:
    """A definite relational adjective such as الفرنسي / الليبية (role qualifiers)."""
    return len(word) > 4 and word.startswith(_ARTICLE) and (word.endswith("ي") or word.endswith("يه"))


def clitic_variants(text: str) -> list[str]:
    """Candidate keys for a name written with glued proclitics, most literal first.

    "لحزب الله" -> ["لحزب الله", "حزب الله"]; "والمملكة المتحدة" -> [..., "المملكه المتحده"];
    "للجيش" -> [..., "الجيش"]. The caller keeps the first candidate it can find in an
    index: stripping is never applied blindly, since ب/ل/ك also begin names (بنغازي، ليبيا).
    """
    key = name_key(text)
    if not key:
        return []
    out = [key]
    first, _, rest = key.partition(" ")
    tail = f" {rest}" if rest else ""
    seen = {key}

    def add(word: str) -> None:
        cand = word + tail
        if len(word) >= 2 and cand not in seen:
            seen.add(cand)
            out.append(cand)

    # conjunction + preposition + article, in every legal order.
    word = first
    if word.startswith(("و", "ف")) and len(word) >= 3:
        add(word[1:])
        word = word[1:]
    if word.startswith("لل") and len(word) > 3:
        add(_ARTICLE + word[2:])
    # "ببن قردان", "لبن قردان": a short first word of a multi-word name may carry one too.
    if word[:1] in ("ب", "ل", "ك") and (len(word) > 3 or (len(word) == 3 and tail)):
        add(word[1:])
    return out


def article_form(key: str) -> str | None:
    """The form starting with the article that a clitic-led key hides, if it has one.

    "بالشرطه الصوماليه", "للشرطه الصوماليه" and "والشرطه الصوماليه" all give "الشرطه
    الصوماليه": a clitic before the article is never part of a name, so keys sharing this
    form are one name even when the bare form never occurs.
    """
    variants = clitic_variants(key)
    if len(variants) < 2:
        return None
    return next((v for v in variants[1:] if v.startswith(_ARTICLE) and len(v.split(" ", 1)[0]) > 3), None)


# ميليشيا is spelt four ways in the press (folded forms).
_MILITIA_SPELLINGS = {
    normalize(w): normalize(c)
    for w, c in [
        ("مليشيا", "ميليشيا"),
        ("ميلشيا", "ميليشيا"),
        ("مليشيات", "ميليشيات"),
        ("ميلشيات", "ميليشيات"),
    ]
}


def loose_key(key: str) -> str:
    """A multi-word key with adjective gender, nisba endings and militia spellings neutralised.

    "وحدات حمايه الشعب الكرديه" and "... الكردي" share it. Only words after the first
    change (the head noun keeps its ending), and only definite -ي/-يه adjectives.
    """
    words = [_MILITIA_SPELLINGS.get(w, w) for w in key.split()]
    out = words[:1]
    for w in words[1:]:
        if w.startswith("ال") and len(w) > 4 and w.endswith("يه"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def without_article(key: str) -> str:
    """The key with a leading definite article removed from its first word."""
    if key.startswith(_ARTICLE) and len(key.split(" ", 1)[0]) > 4:
        return key[2:]
    return key


def is_partial_name(short: str, full: str) -> bool:
    """True when ``short`` is a proper part of the person name ``full``.

    Accepts a last-name or trailing sequence ("حفتر" of "خليفة حفتر", "الدبيبة" of
    "عبد الحميد الدبيبة") and a first-plus-last form ("خليفة حفتر" of "خليفة بلقاسم
    حفتر"). A shared first name alone never counts: too many people are called محمد.
    """
    s, f = tokens(short), tokens(full)
    if not s or len(s) >= len(f):
        return False
    if f[-len(s) :] == s:
        return True
    if len(s) >= 2 and s[0] == f[0] and without_article(s[-1]) == without_article(f[-1]):
        return True
    # "الدبيبة" vs "دبيبة": the article is optional on a family name.
    return len(s) == 1 and without_article(s[0]) == without_article(f[-1]) and len(s[0]) > 3


_FAST_ROMANIZER: Any = None
_ROMANIZED: dict[tuple[str, str], str] = {}
_ROMANIZED_MAX = 200_000


def romanize_many(
    texts: list[str],
    *,
    model: bool = False,
    batch_size: int = 512,
    respell: Callable[[Any], str] | None = None,
) -> list[str | None]:
    """Latin guesses for many names at once (results cached per process).

    ``model=False`` uses the romanizer's attested-name dictionary and its rules only:
    about 4,000 names a second, against about 100 with its neural model, which is what keeps
    ``resolve_corpus`` over a whole corpus in seconds. ``model=True`` batches the model.
    ``respell`` (fast path only) turns the romanizer's best candidate, with its units and their
    sources, into the guess (``rasd.link.spellings`` uses it for attested token spellings).
    """
    global _ROMANIZER_FAILED, _FAST_ROMANIZER
    variant = "model" if model else ("respelled" if respell is not None else "fast")
    out: list[str | None] = [None] * len(texts)
    todo: dict[str, list[int]] = {}
    for i, raw in enumerate(texts):
        text = (raw or "").strip()
        if not text:
            continue
        if looks_latin(text):
            out[i] = text
            continue
        cleaned = _PUNCT_RE.sub(" ", text).strip()
        if not cleaned:
            continue
        cached = _ROMANIZED.get((cleaned, variant))
        if cached is not None:
            out[i] = cached or None
        else:
            todo.setdefault(cleaned, []).append(i)
    if not todo or _ROMANIZER_FAILED:
        return out
    try:
        from arabic_name_romanizer import transliterate_many
        from arabic_name_romanizer.api import Transliterator
    except ImportError:  # pragma: no cover - declared dependency
        _ROMANIZER_FAILED = True
        return out
    run: Callable[[list[str]], Sequence[Any]]
    if model:
        run = transliterate_many
    else:
        if _FAST_ROMANIZER is None:
            _FAST_ROMANIZER = Transliterator(auto_load_model=False)
        fast, rewrite = _FAST_ROMANIZER, respell
        if rewrite is None:
            run = fast.transliterate_many
        else:

            def run(chunk: list[str]) -> list[str]:
                # top_k=2 returns candidates with their units (top_k=1 the text alone)
                return [rewrite(c[0]) if c else "" for c in fast.transliterate_many(chunk, top_k=2)]
    if len(_ROMANIZED) > _ROMANIZED_MAX:
        _ROMANIZED.clear()
    keys = sorted(todo)
    for start in range(0, len(keys), batch_size):
        chunk = keys[start : start + batch_size]
        try:
            results = run(chunk)
        except Exception:
            continue
        for key, res in zip(chunk, results, strict=False):
            value = str(res).strip() if res else ""
            _ROMANIZED[(key, variant)] = value
            for i in todo[key]:
                out[i] = value or None
    return out


def looks_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


_ROMANIZER_FAILED = False


@lru_cache(maxsize=1 << 14)
def romanize(text: str) -> str | None:
    """A Latin-script guess for an Arabic name (arabic-name-romanizer), or None.

    The result is a transliteration, not an attested English name: callers must
    mark it as a guess (``name_en_source="transliteration"``).
    """
    global _ROMANIZER_FAILED
    text = (text or "").strip()
    if not text:
        return None
    if looks_latin(text):
        return text
    if _ROMANIZER_FAILED:
        return None
    try:
        from arabic_name_romanizer import transliterate
    except ImportError:  # pragma: no cover - declared dependency
        _ROMANIZER_FAILED = True
        return None
    try:
        out = transliterate(_PUNCT_RE.sub(" ", text).strip())
    except Exception:
        return None
    if isinstance(out, list):
        out = out[0] if out else None
    return str(out).strip() or None if out else None


# Heads of armed groups that the press swaps freely ("حركة/جماعة الشباب").
GROUP_HEADS = ("حركه", "جماعه", "تنظيم")

# Heads that an article drops when it names a body again: "قوات مكافحة الإرهاب" ... "مكافحة
# الإرهاب"; "تلفزيون النهار الجزائري" ... "النهار". Used within one article only.
BODY_HEADS: frozenset[str] = frozenset(
    normalize(w)
    for w in [
        *GROUP_HEADS,
        "قوات",
        "إدارة",
        "جهاز",
        "وحدة",
        "وحدات",
        "مديرية",
        "هيئة",
        "تلفزيون",
        "قناة",
        "صحيفة",
        "جريدة",
        "إذاعة",
        "وكالة",
        "موقع",
    ]
)

# "شرطة عدن", "أمن عدن", "مديرية أمن القاهرة": a city's police is one body whichever the press
# writes (the security directorate is the police). Followed by a town's name only.
POLICE_HEADS: tuple[str, ...] = tuple(
    normalize(w) for w in ["مديرية أمن", "إدارة أمن", "قيادة شرطة", "مديرية شرطة", "شرطة", "أمن"]
)


def police_town(text: str) -> str | None:
    """The town in "شرطة X" / "أمن X" / "مديرية أمن X" (clitics allowed), or None."""
    for key in clitic_variants(text):
        for head in POLICE_HEADS:
            if key.startswith(head + " ") and len(key) > len(head) + 1:
                return key[len(head) + 1 :]
    return None


def force_variants(text: str) -> list[str]:
    """Other ways the press names the same armed body, for KB lookup only.

    "قوات الجيش الإسرائيلية" -> "الجيش الإسرائيلية"; "القوات الإسرائيلية" -> "الجيش
    الإسرائيلية" (a country's forces are its army); "جماعة الشباب الصومالية" -> "حركة
    الشباب الصومالية". Only definite complements: "قوات حفتر" is not "حفتر".
    """
    out: list[str] = []
    for key in clitic_variants(text):
        words = key.split()
        if len(words) < 2:
            continue
        if words[0] == "قوات" and words[1].startswith(_ARTICLE):
            out.append(" ".join(words[1:]))
        elif words[0] == "القوات" and len(words) == 2 and demonym_country(words[1]):
            out.append("الجيش " + words[1])
        elif words[0] in GROUP_HEADS:
            out.extend(" ".join([h, *words[1:]]) for h in GROUP_HEADS if h != words[0])
    return [v for i, v in enumerate(out) if v not in out[:i]]


_ARMY_HEADS = ("الجيش", "القوات", "القوات المسلحه", "قوات الجيش", "القوات المسلحه في")


@lru_cache(maxsize=1 << 14)
def army_key(text: str) -> str | None:
    """ "army:FR" for "الجيش الفرنسي", "للقوات الفرنسية", "القوات المسلحة الفرنسية", else None.

    A country's army, its forces and its armed forces are one actor in conflict reporting
    (the convention of every gold split); only a head above followed by one country adjective.
    """
    for key in clitic_variants(text):
        head, _, last = key.rpartition(" ")
        if head in _ARMY_HEADS and (code := demonym_country(last)):
            return f"army:{code}"
    return None
