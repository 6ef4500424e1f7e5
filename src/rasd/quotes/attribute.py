"""Who is speaking: the subject of the reporting verb, an anaphor's antecedent, or a title phrase.

Order of evidence for a reporting verb at token ``k`` whose content starts at token ``c``:
the person mention named between them ("قال وزير الخارجية الفرنسي جان إيف لودريان إن"), else the
noun phrase right after the verb — an organisation mention covering its first word ("قالت وزارة
الدفاع"), a definite title referring back to an earlier speaker ("وأضاف الوزير"), or the phrase
itself ("مصدر عسكري") — else the subject before the verb ("لكن الوزارة قالت إن"), else the last
speaker of the document ("وأضاف أن ..." continues whoever spoke before).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from rasd.model import Mention
from rasd.quotes import lexicon as lx
from rasd.quotes.detect import TokenView, participle, speech_verb, strip_clitic
from rasd.text.normalise import normalize

_NP_MAX_WORDS = 8
_BACK_MAX_WORDS = 6
_SPEAKER_TYPES = {"PER", "ORG", "GPE", "NORP", "MISC", "LOC", "FAC"}
_BACK_STOPS = (
    lx.SPEAKER_STOPS | lx.COMPLEMENTIZERS | lx.CLAUSE_OPENERS | frozenset({"ما", "كان", "وكان", "وكانت"})
)


@dataclass(slots=True)
class Speaker:
    text: str
    mention_id: str | None = None
    phrase: str = ""  # the whole noun phrase (title and name), for later anaphors
    type: str | None = None  # the mention's type when there is one


class Mentions:
    """Mentions sorted by start, with overlap lookups over character ranges."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.items]

    def in_range(self, start: int, end: int) -> list[Mention]:
        """Mentions starting inside [start, end)."""
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.items) and self.items[i].start < end:
            out.append(self.items[i])
            i += 1
        return out

    def covering(self, offset: int) -> Mention | None:
        i = bisect_left(self.starts, offset + 1) - 1
        best = None
        while i >= 0 and self.items[i].start > offset - 80:
            m = self.items[i]
            if m.start <= offset < m.end and m.type in _SPEAKER_TYPES and (best is None or m.end > best.end):
                best = m
            i -= 1
        return best


def _np_end(tv: TokenView, i: int, limit: int) -> int:
    """Token index after the noun phrase starting at ``i`` (a speaker's title and name)."""
    j = i
    words = 0
    extended = False
    if tv.raw(i)[:1] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS:
        close = next(
            (c for c in range(i + 1, min(i + 7, limit)) if tv.raw(c)[:1] in lx.CLOSING_MARKS + '"'), None
        )
        return close + 1 if close is not None and close > i + 1 else i  # أكد "الوطني الحر" أنه ...
    while j < limit and words < _NP_MAX_WORDS:
        w = tv.word(j)
        raw = tv.raw(j)
        if raw and raw[0] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS and j > i:
            head = strip_clitic(tv.word(j - 1))
            if head in lx.MEDIA_HEADS or head in lx.INSTITUTION_HEADS:
                close = next(
                    (c for c in range(j + 1, min(j + 7, limit)) if tv.raw(c)[:1] in lx.CLOSING_MARKS + '"'),
                    None,
                )
                if close is not None:
                    words += close - j + 1
                    j = close + 1  # صحيفة "واشنطن بوست": the quoted name belongs to its head
                    continue
            break
        if (
            w == "في"
            and j > i
            and not extended
            and (tv.word(i) in lx.SOURCE_HEADS or strip_clitic(tv.word(i)) in lx.SOURCE_DOCUMENTS)
        ):
            extended = True  # "مصدر في وزارة الداخلية", "أرقام المؤسسات الصحية في القطاع"
            j += 1
            continue
        if w == "من" and j > i and not extended and tv.word(j - 1) in lx.OF_HEADS:
            extended = True  # "مصادر مقربة من البيت الأبيض", "عدد من الخبراء"
            j += 1
            continue
        if tv.is_punct(j) or w in lx.SPEAKER_STOPS or tv.toks[j].kind == "number":
            break
        if w.startswith("لل") or (w[:1] == "ل" and w[1:] in lx.MEDIA_HEADS):
            break  # "للصحفيين", "لقناة": the audience, not the speaker
        clitics = tv.toks[j].clitics
        if clitics is not None and clitics.prefixes[:1] == ("ب",):
            break  # "وتابع بغضب": a manner adverbial, not the speaker
        if j > i and clitics is not None and clitics.prefixes == ("ل",) and w.endswith(("ين", "ون")):
            break  # "وقال نتنياهو لدبلوماسيين أجانب": the audience (not "رئيس الهيئة لمكافحة الفساد")
        if j > i and (speech_verb(w) or participle(w)):
            break
        j += 1
        words += 1
    return j


def _from_np(tv: TokenView, i: int, j: int, mentions: Mentions) -> Speaker | None:
    """Speaker for the noun phrase [i, j): a mention covering its head, else the phrase."""
    if j <= i:
        return None
    phrase = _clean(tv, i, j)
    head = mentions.covering(tv.toks[i].start) or (
        mentions.covering(tv.toks[i + 1].start) if tv.is_punct(i) and i + 1 < j else None
    )
    if head is not None:
        return Speaker(head.text, head.id, phrase, head.type)
    return Speaker(phrase, None, phrase, None)


def _clean(tv: TokenView, i: int, j: int) -> str:
    """Phrase text without quote marks around it and without a glued "ل" ("لمصدر عسكري")."""
    quoted = i < j and tv.raw(i)[:1] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS
    while i < j and tv.is_punct(i):
        i += 1
    while j > i and tv.is_punct(j - 1) and (quoted or tv.raw(j - 1)[:1] not in lx.CLOSING_MARKS + '"'):
        j -= 1
    text = tv.text(i, j)
    first = tv.toks[i] if i < j else None
    if first is not None and first.clitics is not None and first.clitics.prefixes[:1] == ("ل",):
        text = ("ال" + text[2:]) if text.startswith("لل") else text[1:]
    return text


def _person_in(tv: TokenView, i: int, j: int, mentions: Mentions) -> Mention | None:
    if j <= i:
        return None
    for m in mentions.in_range(tv.toks[i].start, tv.toks[j - 1].end):
        if m.type == "PER":
            return m
    return None


class SpeakerResolver:
    """Keeps the speakers named so far in one document, for "وأضاف أن" and "وقال الوزير"."""

    def __init__(self, tv: TokenView, mentions: Sequence[Mention]) -> None:
        self.tv = tv
        self.mentions = Mentions(mentions)
        self.history: list[Speaker] = []

    @property
    def last(self) -> Speaker | None:
        return self.history[-1] if self.history else None

    def remember(self, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.history.append(speaker)

    def after_cue(self, i: int, j: int, *, relay: bool = False) -> Speaker | None:
        """The speaker named in the token zone [i, j) that follows a cue (verb or "according to")."""
        tv = self.tv
        relayed = next((x for x in range(i, j - 1) if tv.word(x) == "نقلا" and tv.word(x + 1) == "عن"), None)
        if relayed is not None:
            i = relayed + 2  # "ذكرت وكالة رويترز، نقلا عن مسؤول أمريكي إن": the official speaks
        elif relay or any(tv.word(x) in lx.PRONOUN_SOURCES for x in range(i, j)):
            at = next((x for x in range(i, j) if tv.word(x) == "عن"), None)
            if at is not None:
                i = at + 1  # "نقلت الوكالة عن مسؤول قوله": the one quoted speaks
        while i < j and (tv.word(i) in lx.VERB_ADVERBS or tv.is_punct(i)):
            i += 1
        if i >= j or tv.word(i) in lx.TIME_WORDS:
            return None
        end = _np_end(tv, i, j)
        person = _person_in(tv, i, min(j, i + 14), self.mentions)
        if person is not None:
            cut = tv.last_before(person.end) + 1
            phrase = tv.text(i, max(cut, end))
            if person.start == tv.toks[i].start and cut < end <= i + 3:
                # "وأضافت جمانة غنيمات": the name goes on after what the tagger found
                return Speaker(tv.text(i, end), person.id, phrase, "PER")
            return Speaker(person.text, person.id, phrase, "PER")
        if end <= i:
            return None
        first = tv.word(i)
        if end - i == 1 and _accusative(tv, i) and self.mentions.covering(tv.toks[i].start) is None:
            return None  # "فقال ساخرا": an accusative adverbial, never the (nominative) subject
        if end - i <= 2 and (first in lx.PERSON_ANAPHORS or first in lx.ORG_ANAPHORS):
            found = self._antecedent(first)
            if found is not None:
                return found
        return _from_np(tv, i, end, self.mentions)

    def _antecedent(self, anaphor: str) -> Speaker | None:
        """An earlier speaker whose phrase has the anaphor's head ("الوزير" → "وزير الخارجية ...")."""
        head = anaphor[2:] if anaphor.startswith("ال") else anaphor
        for sp in reversed(self.history):
            words = _fold_words(sp.phrase or sp.text)
            words += [strip_clitic(w) for w in words]
            if any(w in (head, anaphor) or w.startswith(head) for w in words):
                return sp
        if anaphor in lx.PERSON_ANAPHORS:
            return next((sp for sp in reversed(self.history) if sp.type == "PER"), None)
        return None

    def before_verb(self, k: int, first: int) -> Speaker | None:
        """Subject written before the verb: "لكن وزارة الزراعة قالت إن", "X، الذي قال إن"."""
        tv = self.tv
        e = k
        while e - 1 >= first and tv.word(e - 1) in ("قد", "لقد"):
            e -= 1
        if tv.word(e - 1) in ("الذي", "التي", "الذين"):
            e -= 1
            while e - 1 >= first and tv.is_punct(e - 1) and tv.word(e - 1) in ("،", ","):
                e -= 1
        s = self._back(e, first)
        if s < e and tv.word(s - 1) in lx.RELATIVES and s - 1 > first:
            # "وكان التحالف الذي تقوده السعودية قد أكد": the subject stands before the relative clause
            e2 = s - 1
            while e2 - 1 >= first and tv.word(e2 - 1) in ("،", ","):
                e2 -= 1
            s2 = self._back(e2, first)
            if s2 < e2:
                s, e = s2, e2
        while s < e and _conjoined(tv, s) and self.mentions.covering(tv.toks[s].start) is None:
            s += 1  # "ونشر رسالة قال فيها": a conjoined verb, not the subject
        if s >= e:
            return None
        person = _person_in(tv, s, e, self.mentions)
        if person is not None:
            return Speaker(person.text, person.id, tv.text(s, e), "PER")
        head = self.mentions.covering(tv.toks[s].start)
        if head is not None:  # "وزارة الزراعة قالت"; not the place in "مسؤولون صحيون بغزة أفادوا"
            return Speaker(head.text, head.id, tv.text(s, e), head.type)
        if e - s <= 2 and (tv.word(s) in lx.PERSON_ANAPHORS or tv.word(s) in lx.ORG_ANAPHORS):
            found = self._antecedent(tv.word(s))
            if found is not None:
                return found
        if tv.word(s)[:2] != "ال" and e - s == 1:
            return None  # one indefinite word before a verb is rarely its subject
        return _from_np(tv, s, e, self.mentions)

    def _back(self, e: int, first: int) -> int:
        tv = self.tv
        s = e
        while s - 1 >= first and e - s < _BACK_MAX_WORDS:
            w = tv.word(s - 1)
            if tv.is_punct(s - 1) or w in _BACK_STOPS or tv.toks[s - 1].kind == "number" or speech_verb(w):
                break
            s -= 1
        return s

    def sentence_subject(self, first: int, k: int) -> Speaker | None:
        """Subject of the verb that opens the sentence, for a participle later in it: "من جانبه، رد
        نائب الوزير سيرغي ريابكوف ...، بالقول إن" — only when it is a named entity."""
        tv = self.tv
        v = first
        while v < k and (tv.word(v) in lx.DISCOURSE_OPENERS or tv.is_punct(v)):
            v += 1
        if v + 1 >= k:
            return None
        found = self.after_cue(v + 1, k)
        if found is None or found.mention_id is None or found.type not in ("PER", "ORG"):
            return None
        return found

    def topic_person(self, k: int) -> Speaker | None:
        """Nobody has spoken yet: the person the article last named before the cue ("دعا المرزوقي ...
        وكتب: ...")."""
        if not self.tv.toks or k >= len(self.tv.toks):
            return None
        found = [m for m in self.mentions.in_range(0, self.tv.toks[k].start) if m.type == "PER"]
        if not found:
            return None
        m = found[-1]
        return Speaker(m.text, m.id, m.text, "PER")

    def person_before(self, k: int, first: int) -> Speaker | None:
        """The last person named earlier in the sentence ("وكان نتنياهو قدم ... ما قال إنه")."""
        tv = self.tv
        if k - first < 2:
            return None
        found = [m for m in self.mentions.in_range(tv.toks[first].start, tv.toks[k].start) if m.type == "PER"]
        if not found:
            return None
        m = found[-1]
        return Speaker(m.text, m.id, m.text, "PER")


def _conjoined(tv: TokenView, i: int) -> bool:
    """The text stage split a conjunction off this token ("ونشر"), unlike "وزارة" or "وكالة"."""
    clitics = tv.toks[i].clitics
    return clitics is not None and clitics.prefixes in (("و",), ("ف",))


def _accusative(tv: TokenView, i: int) -> bool:
    """An indefinite word in the accusative -ًا ("ساخرا", "ردا"), not "مصادرها" (a pronoun suffix)."""
    word, clitics = tv.word(i), tv.toks[i].clitics
    if clitics is not None and (clitics.suffixes or clitics.prefixes):
        return False
    return word.endswith("ا") and not word.startswith("ال") and len(word) > 3


def _fold_words(text: str) -> list[str]:
    return normalize(text).split()
