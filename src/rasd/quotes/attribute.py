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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rasd.model import Mention
from rasd.quotes import lexicon as lx
from rasd.quotes.detect import TokenView, participle, speech_verb, strip_clitic
from rasd.text.normalise import normalize

_NP_MAX_WORDS = 8
_BACK_MAX_WORDS = 6
_ANTECEDENT_REACH = 400  # tokens back to look for the full name of "الشركة", "الوزير"
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
    relayed: bool = False  # a news outlet cited "according to": found by anaphors, never continued


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


def _np_end(tv: TokenView, i: int, limit: int, *, issuer: bool = False) -> int:
    """Token index after the noun phrase starting at ``i`` (a speaker's title and name).
    ``issuer``: the phrase is a document's issuer, written with a glued "ل" ("بيان للشرطة")."""
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
            if issuer and j - 1 == i and head[:1] == "ل":
                head = head[1:]
            if head in lx.MEDIA_HEADS or head in lx.INSTITUTION_HEADS or head in lx.QUOTED_NAME_HEADS:
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
        if tv.is_punct(j) or w in lx.SPEAKER_STOPS or (tv.toks[j].kind == "number" and j > i):
            break
        if (w.startswith("لل") or (w[:1] == "ل" and w[1:] in lx.MEDIA_HEADS)) and not (issuer and j == i):
            break  # "للصحفيين", "لقناة": the audience, not the speaker
        clitics = tv.toks[j].clitics
        if clitics is not None and clitics.prefixes[:1] == ("ب",) and not (issuer and j == i):
            break  # "وتابع بغضب": a manner adverbial, not the speaker
        if j > i and clitics is not None and clitics.prefixes == ("ل",) and w.endswith(("ين", "ون")):
            break  # "وقال نتنياهو لدبلوماسيين أجانب": the audience (not "رئيس الهيئة لمكافحة الفساد")
        if j > i and (speech_verb(w) or participle(w) or w in lx.ISSUED_BY):
            break
        j += 1
        words += 1
    return j


def statement_head(word: str) -> bool:
    """ "بيان", "البيان", "لبيان", "وبيان" — a document that may name who issued it."""
    w = strip_clitic(word)
    return any(x in lx.STATEMENT_HEADS for x in (w, w.removeprefix("ال"), w[1:] if w[:1] in "لب" else w))


def issuer_at(tv: TokenView, i: int, limit: int) -> int | None:
    """Token where the issuer of the document at ``i`` is named: "بيان [صحافي] للشرطة", "بيان الجيش",
    "تقرير صادر عن الأمم المتحدة", "بيان من المفوضية"; None when the document names no one."""
    indefinite = not strip_clitic(tv.word(i)).removeprefix("ل").startswith("ال")
    j = i + 1
    while j < limit and j - i <= 3 and tv.word(j) in lx.STATEMENT_ADJECTIVES:
        j += 1
    if j >= limit or tv.is_punct(j):
        return None
    w = tv.word(j)
    if w in lx.ISSUED_BY:  # "صادر عن X", "صدر اليوم السبت عن X", "منسوب للجماعة"
        glued = tv.toks[j + 1].clitics if j + 1 < limit else None
        if glued is not None and glued.prefixes[:1] == ("ل",) and len(tv.word(j + 1)) > 2:
            return j + 1
        at = next(
            (x for x in range(j + 1, min(limit, j + 5)) if tv.word(x) in ("عن", "من", "إلى", "الى")), None
        )
        return at + 1 if at is not None and at + 1 < limit else None
    if w in ("من", "عن") and j + 1 < limit and not tv.is_punct(j + 1):
        return j + 1
    clitics = tv.toks[j].clitics
    if clitics is not None and clitics.prefixes[:1] == ("ل",) and len(w) > 2:
        return j  # "بيان للشرطة", "تقرير لمنظمة العفو الدولية"
    if indefinite and j == i + 1 and w.startswith("ال") and w not in lx.SPEAKER_STOPS:
        return j  # construct state: "بيان الجيش", "تقرير الأمم المتحدة" (not "البيان الختامي")
    if indefinite and j == i + 1 and tv.raw(j)[:1] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS:
        return j  # بيان "الحرس الثوري"
    return None


def _from_np(tv: TokenView, i: int, j: int, mentions: Mentions) -> Speaker | None:
    """Speaker for the noun phrase [i, j): a mention covering its head, else the phrase."""
    if j <= i:
        return None
    phrase = _clean(tv, i, j)
    head = (
        mentions.covering(tv.toks[i].start)
        or (mentions.covering(tv.toks[i + 1].start) if tv.is_punct(i) and i + 1 < j else None)
        or (mentions.covering(tv.toks[i].start + 2) if tv.raw(i)[:2] == "لل" else None)
        or (mentions.covering(tv.toks[i].start + 1) if tv.raw(i)[:1] == "ل" else None)
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
        self.last_sentence = -1  # sentence index of the last attributed quote (set by the caller)
        self._resolving = False

    @property
    def last(self) -> Speaker | None:
        return next((sp for sp in reversed(self.history) if not sp.relayed), None)

    def remember(self, speaker: Speaker | None) -> None:
        if speaker is not None:
            self.history.append(speaker)

    def after_cue(self, i: int, j: int, *, relay: bool = False, source: bool = False) -> Speaker | None:
        """The speaker named in the token zone [i, j) that follows a cue (verb or "according to").
        ``source``: the zone follows an "according to", whose source may glue "ل" ("وفقا للبيان")."""
        tv = self.tv
        relayed = next((x for x in range(i, j - 1) if tv.word(x) == "نقلا" and tv.word(x + 1) == "عن"), None)
        if relayed is not None:
            i = relayed + 2  # "ذكرت وكالة رويترز، نقلا عن مسؤول أمريكي إن": the official speaks
        elif relay or any(tv.word(x) in lx.PRONOUN_SOURCES for x in range(i, j)):
            at = next((x for x in range(i, j) if tv.word(x) in ("عن", "لسان")), None)
            if at is not None:
                i = at + 1  # "نقلت الوكالة عن مسؤول قوله", "على لسان المتحدث": the one quoted speaks
            elif relay and any(tv.word(x) in lx.PRONOUN_SOURCES for x in range(i, j)):
                return None  # "نقلت وكالات الأنباء قوله": "his" is the speaker before, not the agency
        while i < j and (tv.word(i) in lx.VERB_ADVERBS or tv.is_punct(i)):
            i += 1
        if i >= j or tv.word(i) in lx.TIME_WORDS:
            return None
        if statement_head(tv.word(i)):
            owner = issuer_at(tv, i, j)
            found = self._named(owner, j, issuer=True) if owner is not None else None
            if (
                found is not None and owner is not None
            ):  # "وذكر بيان للشرطة أن": the police speak, not the statement
                found.phrase = tv.text(i, owner) + " " + found.phrase  # so "وأضاف البيان" finds them
                return found
        if _same_source(tv, i) and self.last is not None:
            return self.last  # "وأضاف المصدر نفسه", "ذات المصدر": whoever spoke before
        if tv.word(i) in lx.THE_LATTER:
            latter = self._latter(i)
            if latter is not None:
                return latter  # "بين مدريد ولشبونة، قالت الأخيرة": Lisbon
        return self._named(i, j, issuer=source and tv.word(i).startswith("لل"))

    def surname_before(self, word: str, i: int) -> bool:
        """A person mention before token ``i`` ends with ``word`` ("كمال الساحلي" for "الساحلي")."""
        if i >= len(self.tv.toks):
            return False
        for m in self.mentions.in_range(0, self.tv.toks[i].start):
            words = _fold_words(m.text)
            if m.type == "PER" and len(words) >= 2 and words[-1] == word:
                return True
        return False

    def _latter(self, i: int) -> Speaker | None:
        """ "الأخير/الأخيرة": the last entity the text named before, within the sentence before."""
        tv = self.tv
        sent = tv.doc.sentence_at(tv.toks[i].start)
        start = sent.start if sent is not None else 0
        prev = tv.doc.sentence_at(start - 2) if start >= 2 else None
        lo = prev.start if prev is not None else start
        kinds = ("PER", "ORG", "GPE", "LOC")  # the tagger labels countries and cities LOC
        found = [m for m in self.mentions.in_range(lo, tv.toks[i].start) if m.type in kinds]
        if not found:
            return None
        m = found[-1]
        return Speaker(m.text, m.id, m.text, m.type)

    def _named(self, i: int, j: int, *, issuer: bool = False) -> Speaker | None:
        """Speaker for the noun phrase starting at token ``i`` (before ``j``)."""
        tv = self.tv
        end = _np_end(tv, i, j, issuer=issuer)
        for x in range(i + 1, end):
            if _accusative(tv, x) and self.mentions.covering(tv.toks[x].start) is None:
                end = x  # "وأصدرت الشركة بيانا": the object ends the subject
                break
            if tv.raw(x - 1)[:1] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS:
                break  # a quoted name goes on: حزب "الأمل الجديد"
            if (
                issuer
                and tv.word(x - 1).startswith(("ال", "لل"))
                and tv.word(x).startswith("ال")
                and not _nisba(tv.word(x))
                and not self._named_at(i, x)
            ):
                end = x  # "دعا بيان المجلس الأطراف": the object after the issuer, not its adjective
                break
        person = _person_in(tv, i, min(j, i + 14), self.mentions)
        if person is not None and self._quoted_org_name(person):
            # ممثل جمعية "رقيب"، سامر الهادي: the tagger's person is the quoted organisation
            later = tv.last_before(person.end) + 1
            person = _person_in(tv, later, min(j, i + 14), self.mentions)
        if person is not None and end > i:
            between = range(end, tv.first_at_or_after(person.start))
            if any(tv.word(x) in lx.ADJUNCT_OPENERS for x in between):
                person = None  # "وخاطب الوزير بعد عودته ... في مقرهم بقرطاج": a place, not the speaker
        if person is not None and person.start > tv.toks[i].start:
            person = self._apposition(person, j) or person
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
        if issuer and first.startswith("لل"):
            first = "ا" + first[1:]  # "بيان للوزارة": the ministry
        if end - i == 1 and _accusative(tv, i) and self.mentions.covering(tv.toks[i].start) is None:
            return None  # "فقال ساخرا": an accusative adverbial, never the (nominative) subject
        named = self.mentions.covering(tv.toks[i].start)
        if named is not None and named.end > tv.toks[i].end:
            return _from_np(tv, i, end, self.mentions)  # "الجيش الإسرائيلي" is a name already
        if end - i <= 2 and (first in lx.PERSON_ANAPHORS or first in lx.ORG_ANAPHORS):
            found = self._antecedent(first) or (self.article_antecedent(first, i) if end - i == 1 else None)
            if found is not None:
                return found
        if strip_clitic(first) in lx.TITLE_HEADS and 2 <= end - i <= 4 and not issuer:
            titled = self._titled(i, end)
            if titled is not None:
                return titled  # "وأضاف رئيس الهيئة السابق" → the person named with that title before
        return _from_np(tv, i, end, self.mentions)

    def _titled(self, i: int, end: int) -> Speaker | None:
        """The person an untitled-name phrase ("رئيس الوفد") refers to: an earlier speaker whose phrase
        holds the same words, else the one person named right after the same title earlier."""
        tv = self.tv
        words = [strip_clitic(tv.word(x)) for x in range(i, end)]
        for sp in reversed(self.history):
            said = [strip_clitic(w) for w in _fold_words(sp.phrase or sp.text)]
            if sp.type == "PER" and any(said[n : n + len(words)] == words for n in range(len(said))):
                return sp
        found: dict[str, Speaker] = {}
        n = len(words)
        for x in range(i - 1, max(-1, i - _ANTECEDENT_REACH), -1):
            if [strip_clitic(tv.word(y)) for y in range(x, x + n)] != words:
                continue
            m = _person_in(tv, x + n, min(len(tv.toks), x + n + 3), self.mentions)
            if m is not None and tv.first_at_or_after(m.start) <= x + n + 1:
                found.setdefault(
                    normalize(m.text), Speaker(m.text, m.id, tv.text(x, x + n) + " " + m.text, "PER")
                )
        return next(iter(found.values())) if len(found) == 1 else None

    def _quoted_org_name(self, m: Mention) -> bool:
        """The mention is a quoted name right after an organisation head: جمعية "رقيب"."""
        tv = self.tv
        o = tv.first_at_or_after(m.start) - 1
        if o < 1 or tv.raw(o)[:1] not in lx.OPENING_MARKS + lx.STRAIGHT_MARKS:
            return False
        head = strip_clitic(tv.word(o - 1)).removeprefix("ل")
        return head in lx.QUOTED_NAME_HEADS or head in lx.INSTITUTION_HEADS

    def _named_at(self, i: int, x: int) -> bool:
        """One mention covers tokens ``i`` to ``x``: "الأمم المتحدة" is one name."""
        m = self.mentions.covering(self.tv.toks[i].start + (2 if self.tv.raw(i)[:2] == "لل" else 0))
        return m is not None and m.end >= self.tv.toks[x].end

    def _apposition(self, person: Mention, j: int) -> Mention | None:
        """ "وقال شقيق سلمى، يوسف حداد، إن": the person named after a relation noun and a comma is
        the speaker, the first one only qualifies the relation."""
        tv = self.tv
        after = tv.last_before(person.end) + 1
        if after >= j or tv.word(after) not in ("،", ","):
            return None
        nxt = self.mentions.covering(tv.toks[after + 1].start) if after + 1 < j else None
        if nxt is not None and nxt.type == "PER" and nxt.start == tv.toks[after + 1].start:
            return nxt
        return None

    def article_antecedent(self, anaphor: str, before: int) -> Speaker | None:
        """The nearest earlier full name for a definite head that nobody has spoken as yet: "وقالت
        الشركة" → "شركة النخيل", "وأعلن الجيش" → "الجيش الوطني", "الرئيس" → "الرئيس الموريتاني أحمد
        طيب أردوغان" (a person named right after the title), "البيان" → the issuer of "بيان للشرطة"."""
        if self._resolving:
            return None
        self._resolving = True
        try:
            names: list[tuple[set[str], Speaker]] = []
            for sp in self._article_names(anaphor, before):
                words = set(_fold_words(sp.text))
                if not any(words <= seen or seen <= words for seen, _ in names):
                    names.append((words, sp))
        finally:
            self._resolving = False
        if len(names) == 1:
            return names[0][1]
        return None  # nobody, or two different ones ("الجيش السوري" and "الجيش التركي"): not clear

    def _article_names(self, anaphor: str, before: int) -> Iterator[Speaker]:
        tv = self.tv
        head = anaphor.removeprefix("ال")
        person = anaphor in lx.PERSON_ANAPHORS
        n = len(tv.toks)
        for x in range(before - 1, max(-1, before - _ANTECEDENT_REACH), -1):
            w = strip_clitic(tv.word(x))
            forms = (w, w[1:] if w[:1] in "لب" and len(w) > 3 else w)
            if not any(f in (head, anaphor) for f in forms):
                continue
            limit = min(n, x + _NP_MAX_WORDS + 2)
            if statement_head(w):
                owner = issuer_at(tv, x, limit)
                owned = self._named(owner, min(n, owner + _NP_MAX_WORDS), issuer=True) if owner else None
                if owned is not None and (owned.mention_id or len(owned.text.split()) >= 2):
                    yield owned
                elif tv.word(x - 1) in ("في", "وفي"):
                    issued = self._issued_in(x)  # "وعبرت إدارة المعرض في بيان أصدرته": the subject
                    if issued is not None:
                        yield issued
                continue
            end = _np_end(tv, x, limit)
            if person:
                m = _person_in(tv, x, min(end + 1, x + 6), self.mentions)
                if m is not None:
                    yield Speaker(m.text, m.id, tv.text(x, max(end, tv.last_before(m.end) + 1)), "PER")
                continue
            if end - x < 2 or end - x > 5:
                continue  # the bare noun again, or a phrase that runs on
            m = self.mentions.covering(tv.toks[x].start)
            phrase = _clean(tv, x, end)
            if m is not None and m.type in ("ORG", "PER", "MISC", "FAC"):
                yield Speaker(m.text, m.id, phrase, m.type)
                continue
            if any(tv.word(y) in lx.SPEAKER_STOPS or tv.toks[y].kind == "number" for y in range(x + 1, end)):
                continue
            yield Speaker(phrase, None, phrase, None)

    def _issued_in(self, x: int) -> Speaker | None:
        """Subject of the sentence in which the document at token ``x`` was issued ("... في بيان")."""
        tv = self.tv
        sent = tv.doc.sentence_at(tv.toks[x].start)
        if sent is None or sent.token_start >= x - 1:
            return None
        if any(tv.verb(y) for y in range(sent.token_start, x - 1)):
            return None  # "وقال X في بيان": X's quote is remembered already; "البيان" stays as written
        v = sent.token_start  # "وعبرت إدارة المعرض في بيان": the subject of the verb opening the sentence
        while v < x - 1 and (tv.word(v) in lx.DISCOURSE_OPENERS or tv.is_punct(v)):
            v += 1
        found = self.after_cue(v + 1, x - 1) if v + 1 < x - 1 else None
        if found is None:
            return None
        words = found.text.split()
        # a name, or a construct phrase ("إدارة المعرض الدولي"); not "المجلس الأطراف" (subject, object)
        return found if found.mention_id or (len(words) >= 2 and not words[0].startswith("ال")) else None

    def _antecedent(self, anaphor: str) -> Speaker | None:
        """An earlier speaker whose phrase has the anaphor's head ("الوزير" → "وزير الخارجية ...")."""
        head = anaphor[2:] if anaphor.startswith("ال") else anaphor
        for sp in reversed(self.history):
            words = _fold_words(sp.phrase or sp.text)
            words += [strip_clitic(w) for w in words]
            if any(w in (head, anaphor) or w.startswith(head) for w in words):
                return sp
        if anaphor in lx.PERSON_ANAPHORS:
            # "واعتبر المسؤول الأمني ... وتابع المتحدث": an unnamed official is a person too
            return next((sp for sp in reversed(self.history) if sp.type == "PER" or _person_phrase(sp)), None)
        return None

    def before_verb(self, k: int, first: int) -> Speaker | None:
        """Subject written before the verb: "لكن وزارة الزراعة قالت إن", "X، الذي قال إن"."""
        tv = self.tv
        resumptive = (  # "أصدر إعلانا في نوفمبر الماضي قال فيه إنه": the sentence's subject
            tv.word(k + 1) in ("فيه", "فيها")
            and self.mentions.covering(tv.toks[k - 1].start) is None
            and tv.word(k - 1) not in lx.PERSON_ANAPHORS | lx.ORG_ANAPHORS
        )
        if self._after_object(k, first) or tv.word(k - 1) in lx.PRONOUN_CONJUNCTIONS or resumptive:
            subject = self.sentence_subject(first, k, definite=tv.word(k - 1) in lx.PRONOUN_CONJUNCTIONS)
            if subject is not None:
                return subject  # "ونشرت X على حسابها صورا قالت إنها": X, not the place before "صورا"
        quoted = self._quoted_name_before(k, first)
        if quoted is not None:
            return quoted  # أن "رابطة المصدرين" قالت: the quoted name is the subject
        e = k
        while e - 1 >= first and tv.word(e - 1) in ("قد", "لقد"):
            e -= 1
        if tv.word(e - 1) in lx.RELATIVES:
            e -= 1
            while e - 1 >= first and tv.is_punct(e - 1) and tv.word(e - 1) in ("،", ","):
                e -= 1
        s = self._back(e, first)
        if s < e and tv.word(s - 1) == "في" and s - 1 > first:
            s2 = self._back(s - 1, first)  # "المبعوث الخاص للمنظمة في الإقليم يضيف"
            if s2 < s - 1 and self.mentions.covering(tv.toks[s2].start) is None:
                s = s2
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
            found = self._antecedent(tv.word(s)) or (
                self.article_antecedent(tv.word(s), s) if e - s == 1 else None
            )  # "الحكومة الموريتانية" is a name already; only the bare "الحكومة" looks back
            if found is not None:
                return found
        if tv.word(s)[:2] != "ال" and e - s == 1:
            return None  # one indefinite word before a verb is rarely its subject
        return _from_np(tv, s, e, self.mentions)

    def _quoted_name_before(self, k: int, first: int) -> Speaker | None:
        """A short quoted name right before the verb: 'أن "رابطة المصدرين" قالت إن'."""
        tv = self.tv
        close = k - 1
        if close <= first or tv.raw(close)[:1] not in lx.CLOSING_MARKS + lx.STRAIGHT_MARKS:
            return None
        opening = next(
            (
                x
                for x in range(close - 1, max(first - 1, close - 6), -1)
                if tv.raw(x)[:1] in lx.OPENING_MARKS + '"'
            ),
            None,
        )
        if opening is None or opening + 1 >= close:
            return None
        m = self.mentions.covering(tv.toks[opening + 1].start)
        if m is not None:
            return Speaker(m.text, m.id, tv.text(opening + 1, close), m.type)
        phrase = tv.text(opening + 1, close)
        return Speaker(phrase, None, phrase, None)

    def _after_object(self, k: int, first: int) -> bool:
        """The verb at ``k`` opens a relative clause on an indefinite object ("نشرت صورا قالت إنها",
        "بقصف مدفعي، قال إنه"): the word before it is an indefinite noun that no entity covers."""
        tv = self.tv
        x = k - 1
        while x > first and tv.word(x) in ("،", ","):
            x -= 1
        if x <= first + 1 or tv.is_punct(x) or self.mentions.covering(tv.toks[x].start) is not None:
            return False
        w = tv.word(x)
        if w.startswith(("ال", "وال", "لل", "بال")) or w in _BACK_STOPS or speech_verb(w) or participle(w):
            return False
        if _accusative(tv, x):
            return True
        before = tv.toks[x - 1].clitics
        return before is not None and before.prefixes[:1] == ("ب",) and not tv.word(x - 1).startswith("بال")

    def _back(self, e: int, first: int) -> int:
        tv = self.tv
        s = e
        while s - 1 >= first and e - s < _BACK_MAX_WORDS:
            w = tv.word(s - 1)
            if tv.is_punct(s - 1) or w in _BACK_STOPS or tv.toks[s - 1].kind == "number" or speech_verb(w):
                break
            s -= 1
        return s

    def sentence_subject(self, first: int, k: int, *, definite: bool = False) -> Speaker | None:
        """Subject of the verb that opens the sentence, for a participle later in it: "من جانبه، رد
        نائب الوزير سيرغي ريابكوف ...، بالقول إن" — only when it is a named entity."""
        tv = self.tv
        v = first
        while v < k and (tv.word(v) in lx.DISCOURSE_OPENERS or tv.is_punct(v) or tv.word(v) in lx.NEGATIONS):
            v += 1
        if v + 1 >= k:
            return None
        # the subject stands before the verb's own content clause: "وأكد أن رئيس الجمهورية ..., مذكرا"
        k = next((x for x in range(v + 1, k) if tv.word(x) in lx.COMPLEMENTIZERS or tv.word(x) == ":"), k)
        if v + 1 >= k:
            return None
        found = self.after_cue(v + 1, k)
        if found is not None and tv.verb(v) and tv.word(v - 1) not in lx.NEGATIONS:
            return found  # "وقال الباجي ... مشيرا إلى ...: "..."": the reporting verb's subject
        if found is not None and found.mention_id is None and definite and tv.word(v + 1).startswith("ال"):
            j = v + 1
            while j < k and tv.word(j).startswith("ال") and tv.word(j) not in lx.SPEAKER_STOPS:
                j += 1  # a definite noun and its adjectives; "الشرطة دوافع ..." ends before the object
            phrase = _clean(tv, v + 1, j)
            return Speaker(phrase, None, phrase, None)  # "لم تكشف النيابة العامة ...، لكنها أشارت"
        if found is not None and found.mention_id is None and strip_clitic(tv.word(v + 1)) in lx.TITLE_HEADS:
            words = found.text.split()
            if 2 <= len(words) <= 6 and not tv.is_punct(v + 1):
                return found  # "وألقى رئيس مجلس إدارة الشركة كلمة ...، مشيرا إلى أن": the titled subject
        if found is None or found.mention_id is None or found.type not in ("PER", "ORG"):
            return None
        return found

    def clause_subject(self, first: int, k: int) -> Speaker | None:
        """Subject of the sentence's first verb for a subjectless verb later in it ("حذت الوكالة حذو
        الإدارة وقالت إنها"): only when the sentence opens with a reporting verb, or with a word
        followed right away by a named entity or an institution ("وكالة الأدوية"), that is a verb
        and its subject — not "ومنذ لقائه مع كريم"."""
        tv = self.tv
        v = first
        while v < k and (tv.word(v) in lx.DISCOURSE_OPENERS or tv.is_punct(v)):
            v += 1
        if v + 1 >= k:
            return None
        named = self.mentions.covering(tv.toks[v + 1].start)
        opens_with_name = named is not None and named.start == tv.toks[v + 1].start
        head = strip_clitic(tv.word(v + 1))
        institution = head in lx.INSTITUTION_HEADS or head in lx.QUOTED_NAME_HEADS or head in lx.ORG_ANAPHORS
        if not (tv.verb(v) or opens_with_name or institution):
            return None
        k = next((x for x in range(v + 1, k) if tv.word(x) in lx.COMPLEMENTIZERS or tv.word(x) == ":"), k)
        end = min(k, _np_end(tv, v + 1, k) + 1)  # the subject only, not a person named further on
        if end < k and tv.word(end - 1) in ("،", ","):  # "مدرب الفريق، البرتغالي بيدرو بارني": apposition
            person = _person_in(tv, end, min(k, end + 3), self.mentions)
            if person is not None:
                end = min(k, tv.last_before(person.end) + 1)
        return self.after_cue(v + 1, end) if v + 1 < end else None

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


def _person_phrase(sp: Speaker) -> bool:
    """An unnamed person's phrase: "المسؤول الأمني", "متحدث باسم الوزارة", "مصدر أمني"."""
    if sp.type is not None or sp.mention_id is not None:
        return False
    words = _fold_words(sp.phrase or sp.text)
    first = words[0] if words else ""
    return first in lx.PERSON_ANAPHORS or first.removeprefix("ال") in lx.TITLE_HEADS | lx.SOURCE_HEADS


def _same_source(tv: TokenView, i: int) -> bool:
    """ "المصدر نفسه", "المصدر ذاته", "ذات المصدر", "نفس المصدر"."""
    a, b = tv.word(i), tv.word(i + 1)
    return (a in lx.SAME_SOURCE_HEADS and b in lx.SAME_WORDS) or (
        a in lx.SAME_WORDS and b in lx.SAME_SOURCE_TAILS
    )


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


def _nisba(word: str) -> bool:
    """A relational adjective ("الإسرائيلي", "الوطنية", "الأمريكيين") that may follow a name."""
    return word.endswith(("ي", "يه", "يون", "يين", "يه"))


def _fold_words(text: str) -> list[str]:
    return normalize(text).split()
