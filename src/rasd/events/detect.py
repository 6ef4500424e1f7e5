"""Event mentions in one sentence: trigger matching, filtering and type refinement.

A trigger is a lexicon phrase (``rasd.events.types``) matched on folded text with
optional clitic prefixes and pronoun suffixes. A mention is dropped when a negation
or modality cue (لم، نفى، يعتزم، حذر من، قد + imperfect …) stands just before it, and
a sentence is dropped as background when it carries a background cue (منذ اندلاع …)
without a day-precise date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rasd.events import types as ty
from rasd.text.normalise import NormalizedText, normalize

_LETTER = r"[\u0621-\u064a]"
_PREFIX = r"(?:[وف])?(?:[بلك])?(?:ال|لل)?"
_SUFFIX = r"(?:ها|هم|هما|ه|ات|ين|ون|ان|ا|ية)?"
_WINDOW_WORDS = 10
_POSSESSIVES = frozenset({"ها", "هم", "هما", "ه"})


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """One trigger occurrence: original offsets and the event type it names."""

    start: int
    end: int
    type: str
    definite: bool = False  # "الهجوم": refers back to an event already reported
    purpose: bool = False  # "لاقتحامها", "للسيطرة على": an aim, not something that happened
    phrase: str = ""  # the folded lexicon phrase that matched


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    by_phrase: dict[str, str]
    cue_sets: dict[str, frozenset[str]]


def _fold_all(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(normalize(p) for p in phrases)


def _inflections(folded: str) -> list[str]:
    """The phrase plus the dual/plural of a last word in ta-marbuta (folded to ه):
    "سياره مفخخه" -> "... مفخختين", "... مفخختان", "... مفخخات"."""
    forms = [folded]
    if folded.endswith("ه") and len(folded.split()[-1]) > 3:
        stem = folded[:-1]
        forms += [stem + "تين", stem + "تان", stem + "ات"]
    return forms


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The compiled trigger pattern (built once per process)."""
    by_phrase: dict[str, str] = {}
    for t in sorted(ty.EVENT_TYPES, key=lambda t: -t.rank):
        for phrase in t.triggers:
            for form in _inflections(normalize(phrase)):
                by_phrase.setdefault(form, t.name)
    alternatives = "|".join(re.escape(p) for p in sorted(by_phrase, key=lambda p: (-len(p), p)))
    pattern = re.compile(
        rf"(?<!{_LETTER})(?P<pre>{_PREFIX})(?P<trig>{alternatives})(?P<suf>{_SUFFIX})(?!{_LETTER})"
    )
    cue_sets = {
        "air": _fold_all(ty.AIR_CUES),
        "drone": _fold_all(ty.DRONE_CUES),
        "suicide": _fold_all(ty.SUICIDE_CUES),
        "civilian": _fold_all(ty.CIVILIAN_CUES),
        "protest": _fold_all(ty.PROTEST_CUES),
        "armed": _fold_all(ty.ARMED_CUES),
        "negation": _fold_all(ty.NEGATION_CUES),
        "particle": _fold_all(ty.NEGATION_PARTICLES),
        "uncertain": _fold_all(ty.UNCERTAINTY_CUES),
        "ambiguous": _fold_all(ty.AMBIGUOUS_TRIGGERS),
        "diplomatic": _fold_all(ty.DIPLOMATIC_CUES),
        "refers_back": _fold_all(ty.REFERS_BACK_CUES),
        "elaboration": _fold_all(ty.ELABORATION_CUES),
        "modality": _fold_all(ty.MODALITY_CUES),
        "background": _fold_all(ty.BACKGROUND_CUES),
        "anniversary": _fold_all(ty.ANNIVERSARY_CUES),
        "building": _fold_all(ty.BUILDING_HEADS),
        "category": _fold_all(ty.LEGAL_CATEGORY_HEADS),
        "non_political": _fold_all(ty.NON_POLITICAL_CUES),
        "target": _fold_all(ty.TARGET_MARKERS),
        "name_head": _fold_all(ty.NAME_HEADS),
        "judicial": _fold_all(ty.JUDICIAL_CUES),
        "execution": _fold_all(ty.EXECUTION_TRIGGERS),
        "state_noun": _fold_all(ty.STATE_NOUN_STEMS),
        "actor": _fold_all(ty.ACTOR_MARKERS),
        "actor_place": _fold_all(ty.ACTOR_PLACE_MARKERS),
    }
    return _Lexicon(pattern, by_phrase, cue_sets)


def _words(folded: str) -> list[str]:
    return re.findall(rf"{_LETTER}+|\d+", folded)


def _strip_conjunction(word: str) -> str:
    return word[1:] if len(word) >= 3 and word[0] in "وف" else word


def _without_glued_prefix(before: str) -> str:
    """The text before a trigger without the clitic glued to it ("ال" of "الهجوم" is no word)."""
    if before and not before[-1].isspace():
        return before[: max(before.rfind(" "), 0)]
    return before


def has_cue(folded: str, cue: str) -> bool:
    """Whether ``folded`` text contains any cue of the named set as whole words (clitic و/ف allowed)."""
    cues = lexicon().cue_sets[cue]
    words = _words(folded)
    plain = [_strip_conjunction(w) for w in words]
    joined = " " + " ".join(words) + " "
    joined_plain = " " + " ".join(plain) + " "
    for c in cues:
        if " " in c:
            if f" {c} " in joined or f" {c} " in joined_plain:
                return True
        elif c in words or c in plain:
            return True
    return False


def is_ambiguous(t: TriggerMatch) -> bool:
    """A trigger that names an event only in an armed context (see ``AMBIGUOUS_TRIGGERS``)."""
    return t.phrase in lexicon().cue_sets["ambiguous"]


def pretends(text: str, t: TriggerMatch) -> bool:
    """ "تظاهر (الرجل) بأنه" is "pretended", not "demonstrated"."""
    if not t.phrase.startswith("تظاهر"):
        return False
    following = _words(normalize(text[t.end : t.end + 40]))[:3]
    return any(w.startswith("بان") for w in following)


def is_judicial(folded_sentence: str, t: TriggerMatch) -> bool:
    """An execution trigger in a sentence about a court: a death sentence, not a killing."""
    return t.phrase in lexicon().cue_sets["execution"] and has_cue(folded_sentence, "judicial")


def names_a_category(text: str, t: TriggerMatch) -> bool:
    """ "جريمة الاغتصاب" in a debate on a law is no rape; "جريمة اغتصاب" (a rape) still is."""
    if not t.definite:
        return False
    before = _words(normalize(_without_glued_prefix(text[max(0, t.start - 24) : t.start])))
    return bool(before) and _strip_conjunction(before[-1]) in lexicon().cue_sets["category"]


def after_name_head(text: str, t: TriggerMatch) -> bool:
    """ "هيئة تحرير الشام", "جبهة التحرير", "رئيس تحرير": the word before the trigger heads a
    name or a title (the NER does not always tag the name)."""
    before = _words(normalize(text[max(0, t.start - 30) : t.start]))
    return bool(before) and _strip_conjunction(before[-1]) in lexicon().cue_sets["name_head"]


def find_triggers(text: str, offset: int = 0) -> list[TriggerMatch]:
    """Trigger occurrences in ``text`` (offsets shifted by ``offset``), leftmost-longest."""
    lex = lexicon()
    norm = NormalizedText(text)
    found = []
    for m in lex.pattern.finditer(norm.text):
        start, end = norm.to_original(m.start("trig"), m.end("trig"))
        trig, pre = m.group("trig"), m.group("pre")
        # "مناطق سيطرتها", "الخاضعة لسيطرتهم": a verb stem with a possessive is the noun "control".
        if m.group("suf") in _POSSESSIVES and trig in lex.cue_sets["state_noun"]:
            continue
        definite = pre.endswith(("ال", "لل")) or trig.startswith("ال")
        purpose = "ل" in pre.removeprefix("و").removeprefix("ف")[:1]
        found.append(TriggerMatch(start + offset, end + offset, lex.by_phrase[trig], definite, purpose, trig))
    return found


def is_irrealis(before: str) -> bool:
    """Negated, future, conditional or reported-as-threat: the few words before a trigger say so."""
    clause = re.split(r"[،,؛;:]", normalize(_without_glued_prefix(before)))[-1]
    if has_cue(clause, "uncertain"):
        return True
    words = _words(clause)[-_WINDOW_WORDS:]
    window = " ".join(words)
    if (
        has_cue(window, "negation")
        or has_cue(window, "modality")
        or has_cue(" ".join(words[-3:]), "particle")
    ):
        return True
    # قد + imperfect ("قد يشن") is "may"; قد + perfect ("وقد قتل") is an ordinary past.
    for w, nxt in zip(words, [*words[1:], ""], strict=False):
        if _strip_conjunction(w) == "قد" and nxt[:1] and nxt[:1] in "يتن":
            return True
    return False


def refine(
    name: str, folded_sentence: str, actor_categories: set[str], has_killed: bool, *, phrase: str = ""
) -> str:
    """A more specific type from the sentence context (air/drone/suicide cues, victims, actors).
    ``phrase``: the folded trigger; gunmen who "attacked" (هاجم) civilians attacked civilians."""
    t = ty.EVENT_TYPES_BY_NAME[name]
    attacked = phrase.startswith(normalize("هاجم"))
    if name == "armed_clash" and attacked and has_cue(folded_sentence, "civilian"):
        return "attack_on_civilians"
    for phrase in ty.CIVIL_AVIATION_PHRASES:
        folded_sentence = folded_sentence.replace(normalize(phrase), " ")
    if name in ("attack", "shooting", "killing", "shelling", "bombing"):
        if has_cue(folded_sentence, "drone"):
            return "drone_strike"
        if has_cue(folded_sentence, "suicide"):
            return "suicide_bombing"
        if (
            name in ("attack", "shelling", "killing")
            and has_cue(folded_sentence, "air")
            and name != "killing"
        ):
            return "airstrike"
    if name == "territory_seized":
        state = "state forces" in actor_categories or (
            has_cue(folded_sentence, "armed")
            and any(
                w in folded_sentence for w in ("الجيش", "القوات الحكوميه", "قوات النظام", "القوات العراقيه")
            )
        )
        if state or "استعاد" in folded_sentence or "استعاده" in folded_sentence:
            return "territory_regained"
    if (t.weak or name == "mass_arrest") and has_cue(folded_sentence, "protest"):
        if name == "mass_arrest":
            return "protest_with_intervention"
        if has_killed or name == "shooting":
            return "excessive_force_protest"
        return "riot" if name == "attack" else "peaceful_protest"
    if t.weak:
        civilians = has_cue(folded_sentence, "civilian")
        armed = has_cue(folded_sentence, "armed") or bool(actor_categories & ty.ARMED_CATEGORIES)
        if civilians:
            return "attack_on_civilians"
        if name == "killing" and not armed:
            return "killing"
        return "armed_clash"
    return name
