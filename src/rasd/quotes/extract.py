"""Quotes of one document: direct (quotation marks, colon) and indirect (إن/أن clauses, "according to").

Candidates are collected first, then speakers are resolved in document order so that a
subjectless "وأضاف أن ..." inherits the speaker of the quote before it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rasd.model import Document, Quote, Sentence
from rasd.quotes import lexicon as lx
from rasd.quotes.attribute import Speaker, SpeakerResolver, _np_end, issuer_at, statement_head
from rasd.quotes.detect import (
    Region,
    TokenView,
    complementizer_at,
    participle,
    quote_regions,
    source_cue_at,
    speech_verb,
    strip_clitic,
)
from rasd.text.normalise import normalize

_SENTENCE_END = {".", "!", "?", "؟", "…", "؛", ";"}
_COMMAS = {"،", ","}
_INTRO_PUNCT = {":", "،", ","}
_VERB_REACH = 22  # tokens between a reporting verb and its complementizer (long titles, adjuncts)
_OPENING_VERB_REACH = 36  # the same for a verb that opens its sentence (long subjects with relatives)
_BACK_REACH = 18  # tokens back from a quotation mark to the verb that introduces it
_LONG_BACK_REACH = 32  # the same for a closed quotation of a whole sentence (long adjuncts before it)
_MIN_CONTENT_WORDS = 2
_LONG_QUOTE_WORDS = 5  # a quotation this long after a reporting verb is speech, not a name
_HEADLINE_MAX_TOKENS = 15
_SUBHEADING_WORDS = 12


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    direct: bool
    kind: str  # verb, noun, participle, source, came_in, postposed, continuation
    sentence: int
    cue: int | None = None  # token index of the cue
    zone: tuple[int, int] | None = None  # tokens where the speaker is named
    relay: bool = False


def _merge_abbreviations(doc: Document) -> list[Sentence]:
    """The text stage's sentences, rejoined where a full stop only closes a short abbreviation
    ("(أ.ف.ب)", "د. محمد"): a quotation after it still has its reporting verb in the sentence."""
    out: list[Sentence] = []
    for sent in doc.sentences:
        if out and out[-1].paragraph == sent.paragraph and _abbreviation_end(doc, out[-1]):
            prev = out[-1]
            out[-1] = Sentence(prev.start, sent.end, prev.token_start, sent.token_end, prev.paragraph)
            continue
        out.append(sent)
    return out


def _split_outside_quotes(doc: Document, sents: list[Sentence], regions: list[Region]) -> list[Sentence]:
    """Split where a sentence-final stop stands outside every closed quotation: the text stage keeps a
    quotation's sentences together, and a mark never closed ('من "الملف ... تعبيره. وأضاف ...') would
    otherwise hold the next sentences in one."""
    closed = [(r.open_at, r.close_at) for r in regions if r.close_at is not None]
    if not any(r.close_at is None for r in regions):
        return sents
    toks = doc.tokens
    out: list[Sentence] = []
    for sent in sents:
        start, tstart = sent.start, sent.token_start
        for t in range(sent.token_start, sent.token_end - 1):
            tok = toks[t]
            if tok.text not in (".", "!", "?", "؟") or toks[t + 1].start == tok.end:
                continue
            if any(o < tok.start < c for o, c in closed) or toks[t + 1].text in lx.CLOSING_MARKS + '"':
                continue
            out.append(Sentence(start, tok.end, tstart, t + 1, sent.paragraph))
            start, tstart = toks[t + 1].start, t + 1
        out.append(Sentence(start, sent.end, tstart, sent.token_end, sent.paragraph))
    return out


def _abbreviation_end(doc: Document, sent: Sentence) -> bool:
    toks = doc.tokens
    last = sent.token_end - 1
    if last - 1 < sent.token_start or toks[last].text != ".":
        return False
    word = toks[last - 1]
    if not (word.text.isalpha() and len(word.text) <= 3 and word.end == toks[last].start):
        return False
    before = toks[last - 2].text if last - 2 >= 0 else ""
    return before in ("(", ".") or (last - 2 >= 0 and toks[last - 2].end == word.start and before != "")


class _Finder:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tv = TokenView(doc)
        self.regions = quote_regions(doc.text, doc.paragraphs)
        self.sents: list[Sentence] = _split_outside_quotes(doc, _merge_abbreviations(doc), self.regions)
        self.region_by_open = {self.tv.first_at_or_after(r.open_at): r for r in self.regions}
        self.speech: list[Region] = []
        self.cands: list[Candidate] = []
        self.sent_index = {id(s): i for i, s in enumerate(self.sents)}
        self._sent_starts = [s.start for s in self.sents]
        self._word_prefix = [0]
        for t in doc.tokens:
            self._word_prefix.append(self._word_prefix[-1] + (t.kind != "punct"))
        self._quoted_regions = [r for r in self.regions if self._words(r.start, r.end) >= 3]
        self.headline = self._headline_paragraph()

    # --- helpers ------------------------------------------------------------------------
    def _sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self._sent_starts, offset) - 1
        return self.sents[i] if i >= 0 and offset < self.sents[i].end else None

    def _headline_paragraph(self) -> int | None:
        """A first line without final punctuation, short, followed by more text, is a headline."""
        doc = self.doc
        if len(doc.paragraphs) < 2:
            return None
        first = doc.paragraphs[0]
        line = doc.text[first.start : first.end].strip()
        if doc.title and line == doc.title.strip():
            return 0
        toks = [t for t in doc.tokens if first.start <= t.start < first.end]
        if not toks or toks[0].norm[:1] in "وف":
            return None  # "وقال ..." continues a story; headlines do not open with a conjunction
        if len(toks) <= _HEADLINE_MAX_TOKENS and toks[-1].text not in _SENTENCE_END:
            return 0
        return None

    def _in_speech(self, offset: int) -> bool:
        return any(r.start <= offset < r.end for r in self.speech)

    def _quoted(self, offset: int) -> bool:
        """Inside quotation marks of three words or more: someone's words, not the writer's cue."""
        return any(r.start <= offset < r.end for r in self._quoted_regions)

    def _region_at_token(self, j: int) -> Region | None:
        return self.region_by_open.get(j)

    def _words(self, start: int, end: int) -> int:
        """Word tokens starting inside [start, end) (prefix counts over the token list)."""
        lo = self.tv.first_at_or_after(start)
        hi = self.tv.first_at_or_after(end)
        return self._word_prefix[hi] - self._word_prefix[lo]

    def _clause_end(self, s: int, b: int) -> int:
        """Token index where the content clause starting at token ``s`` ends (exclusive)."""
        tv = self.tv
        j = s
        while j < b:
            region = self._region_at_token(j)
            if region is not None and region.closed and region.end > tv.toks[j].start:
                close = tv.last_before(region.after)
                j = max(j + 1, close + 1)
                continue
            w = tv.word(j)
            if w in _SENTENCE_END:
                return j
            if j > s and w in _COMMAS:
                nxt = tv.word(j + 1)
                if (
                    participle(nxt)
                    or nxt in lx.CLAUSE_OPENERS
                    or source_cue_at(tv, j + 1) is not None
                    or (speech_verb(nxt) and speech_verb(nxt) not in lx.WEAK_SPEECH_VERBS)
                    or nxt in lx.EDITORIAL
                ):
                    return j
            conj_verb = speech_verb(strip_clitic(w)) if w[:1] in "وف" else ""
            if j > s and conj_verb and conj_verb not in lx.WEAK_SPEECH_VERBS:
                return j
            if j > s and self._ends_clause(j):
                return j
            if (
                j > s
                and tv.word(j - 1) not in lx.WRITER_CONTINUERS
                and any(tuple(tv.word(j + n) for n in range(len(p))) == p for p in lx.WRITER_PHRASES)
            ):
                return j
            if j > s and w in lx.EDITORIAL and tv.word(j - 1) not in ("فيما", "كما", "ما", "على"):
                return j  # "يذكر أن": the writer again (not "- فيما يبدو -", an aside inside the clause)
            j += 1
        return b

    def _ends_clause(self, j: int) -> bool:
        """Round 3 clause ends without a comma: "... طويلا مؤكدا أنها" (a participle with its own
        complementizer), "... المفاوضات إلا أن المسؤولين" / "غير أنها" (however, not "لا ... إلا أن
        يرحب", an exception before a verb), "... كما كشفت أن" (a new reporting verb)."""
        tv = self.tv
        w = tv.word(j)
        if participle(w) and any(
            complementizer_at(tv, x) or tv.word(x) == ":" for x in range(j + 1, min(len(tv.toks), j + 5))
        ):
            return True
        if w in lx.HOWEVER and tv.word(j + 1) in lx.COMPLEMENTIZERS:
            if tv.word(j + 1) != "ان":
                return True  # "إلا أنها", "غير أنه"
            nxt = tv.word(j + 2)
            return not (nxt[:1] in "يتن" and tv.toks[j + 2].kind == "word" and not nxt.startswith("ال"))
        return w in lx.AS_WELL and tv.verb(j + 1) not in ("", *lx.WEAK_SPEECH_VERBS)

    def _span(self, i: int, j: int) -> tuple[int, int] | None:
        """Character span of tokens [i, j) without edge punctuation (a closing mark inside stays)."""
        tv = self.tv
        while i < j and tv.is_punct(i) and not self._opens_inside(i, j):
            i += 1
        while j > i and tv.is_punct(j - 1) and not self._closes_inside(j - 1, i):
            j -= 1
        if j <= i:
            return None
        return tv.toks[i].start, tv.toks[j - 1].end

    def _opens_inside(self, i: int, j: int) -> bool:
        r = self._region_at_token(i)
        return r is not None and r.close_at is not None and r.close_at < self.tv.toks[j - 1].end

    def _closes_inside(self, k: int, i: int) -> bool:
        start = self.tv.toks[i].start
        return any(r.close_at == self.tv.toks[k].start and r.open_at >= start for r in self.regions)

    def _add(self, cand: Candidate) -> None:
        if cand.end > cand.start and self._words(cand.start, cand.end) >= 1:
            self.cands.append(cand)

    # --- direct quotes in quotation marks -------------------------------------------------
    def find_marked(self) -> None:
        tv = self.tv
        for region in self.regions:
            if region.paragraph == self.headline:
                continue
            o = tv.first_at_or_after(region.open_at)
            sent = self._sentence_at(region.open_at)
            if sent is None or o >= len(tv.toks):
                continue
            si = self.sent_index[id(sent)]
            first = sent.token_start
            if self._named_by(o):
                continue  # ويحمل اسم "...", بعنوان "...": a name or title, not anybody's words
            cand = self._introduced(region, o, first, si) or self._postposed(region, si)
            if (
                cand is None
                and self._opens_paragraph(region)
                and self._words(region.start, region.end) >= 4
                and not self._subheading(region)
            ):
                cand = Candidate(region.start, region.end, True, "continuation", si)
            if cand is not None:
                self.speech.append(region)
                self._add(cand)

    def _named_by(self, o: int) -> bool:
        """The word before the opening mark names what follows: اسم، عنوان، شعار، بعنوان، لقب."""
        w = strip_clitic(self.tv.word(o - 1))
        return any(x in lx.NAMING_NOUNS for x in (w, w.removeprefix("ال"), w[1:] if w[:1] in "بل" else w))

    def _subheading(self, region: Region) -> bool:
        """A short quotation alone on its line without a final stop is a sub-heading ("نحن باقون هنا ...")."""
        para = self.doc.paragraphs[region.paragraph]
        rest = self.doc.text[region.after : para.end].strip()
        inside = self.doc.text[region.start : region.end].rstrip()
        return (
            region.closed
            and not rest
            and inside[-1:] not in _SENTENCE_END
            and self._words(region.start, region.end) <= _SUBHEADING_WORDS
        )

    def _opens_paragraph(self, region: Region) -> bool:
        para = self.doc.paragraphs[region.paragraph]
        return region.open_at == para.start

    def _introduced(self, region: Region, o: int, first: int, si: int) -> Candidate | None:
        """A quote right after its cue: "قال: "...", "وأضاف أن "..."", "وتابع "..."", "قائلا "..."."""
        tv = self.tv
        p = o - 1
        explicit = False
        while p >= first and tv.word(p) in _INTRO_PUNCT:
            explicit = True
            p -= 1
        comp = False
        if p >= first and complementizer_at(tv, p):
            comp = explicit = True
            p -= 1
            if tv.word(p) in lx.COMPLEMENT_PREPOSITIONS:
                p -= 1
        if p < first:
            return None
        after_close = tv.first_at_or_after(region.after)
        next_verb = tv.verb(after_close) and not self._breaks(region.after, after_close)
        if comp and region.closed and (self._continues_after(region) or next_verb):
            return None  # أن "داعش" يسيطر ...: a quoted name inside reported content
        w = tv.word(p)
        long = self._words(region.start, region.end) >= _LONG_QUOTE_WORDS
        if not explicit and region.closed and not long and self._continues_after(region):
            return None  # أكد "الوطني الحر" الذي ...: a quoted name as the subject
        if participle(w):
            return Candidate(region.start, region.end, True, "participle", si, p, None)
        if tv.verb(p) and not explicit and not long and self._in_source_phrase(p, first):
            return None  # وفق ما ذكرت "فرانس برس": the quoted name is the source, not its words
        if tv.verb(p):
            return Candidate(region.start, region.end, True, "verb", si, p, (p + 1, p + 1), self._relay(w))
        if not explicit and (tv.word(p) in lx.PREPOSITIONS or tv.word(p) in ("ب", "بـ", "ل", "لـ")):
            return None  # الوضع في "سوريا ..."، وصفه بـ"...": a quoted term after a preposition
        if not explicit and (not long or not region.closed):
            return None  # an unclosed mark needs its cue right before it
        weak_at: int | None = None  # "نقلها التلفزيون" inside the adjuncts yields to the main verb
        reach = _LONG_BACK_REACH if long and region.closed else _BACK_REACH
        for q in range(p, max(first - 1, p - reach), -1):
            wq = tv.word(q)
            if (wq in _SENTENCE_END and not self._inner_dot(q)) or (
                q < p and self._region_at_token(q) in self.speech
            ):
                break
            if wq in lx.CAME_IN_VERBS and tv.word(q + 1) == "في":
                return Candidate(region.start, region.end, True, "came_in", si, q, (q + 2, p + 1))
            if participle(wq):
                return Candidate(region.start, region.end, True, "participle", si, q, None)
            verb = tv.verb(q)
            if verb and verb in lx.WEAK_SPEECH_VERBS:
                weak_at = q if weak_at is None else weak_at
            elif verb:
                return self._verb_quote(region, si, q, p)
        if weak_at is not None and (comp or long or tv.word(p + 1) == ":"):
            return self._verb_quote(region, si, weak_at, p)
        return None

    def _inner_dot(self, q: int) -> bool:
        """A full stop glued between letters: "أ.ف.ب"."""
        toks = self.tv.toks
        return (
            toks[q].text == "."
            and 0 < q < len(toks) - 1
            and toks[q - 1].end == toks[q].start
            and toks[q + 1].start == toks[q].end
        )

    def _breaks(self, offset: int, j: int) -> bool:
        """A sentence end or a new paragraph between ``offset`` and token ``j``."""
        tv = self.tv
        if j >= len(tv.toks):
            return True
        gap = self.doc.text[offset : tv.toks[j].start]
        return "\n" in gap or any(ch in _SENTENCE_END for ch in gap) or tv.word(j - 1) in _SENTENCE_END

    def _in_source_phrase(self, p: int, first: int) -> bool:
        """The verb at ``p`` belongs to an "according to" phrase: "حسبما ذكرت", "وفقا لما نقلته"."""
        tv = self.tv
        if tv.word(p - 1) in ("ما", "لما", "مما"):
            return True
        return any(source_cue_at(tv, x) == p for x in range(max(first, p - 3), p))

    def _verb_quote(self, region: Region, si: int, q: int, p: int) -> Candidate | None:
        if any(complementizer_at(self.tv, x) for x in range(q + 1, p + 1)):
            return None  # the complementizer before belongs to an indirect clause
        relay = self._relay(self.tv.word(q))
        return Candidate(region.start, region.end, True, "verb", si, q, (q + 1, p + 1), relay)

    def _relay(self, verb: str) -> bool:
        return strip_clitic(verb) in lx.RELAY_VERBS or speech_verb(verb) in lx.RELAY_VERBS

    def _continues_after(self, region: Region) -> bool:
        """More than one word of the same clause follows the closing mark."""
        tv = self.tv
        j = tv.first_at_or_after(region.after)
        words = 0
        while j < len(tv.toks) and words < 2:
            w = tv.word(j)
            if (
                w in _SENTENCE_END
                or w in _COMMAS
                or w == ":"
                or "\n" in tv.doc.text[region.after : tv.toks[j].start]
            ):
                break
            if participle(w) or tv.verb(j) or source_cue_at(tv, j) is not None or w in lx.PRONOUN_SOURCES:
                break  # "..." مشيرا إلى / "..." حسب تعبيره: a new clause, not the rest of this one
            if not tv.is_punct(j):
                words += 1
            j += 1
        return words >= 2

    def _postposed(self, region: Region, si: int) -> Candidate | None:
        """ "..."، قال الوزير  /  "..." بحسب المصدر: the cue follows the quote."""
        if not region.closed:
            return None
        tv = self.tv
        j = tv.first_at_or_after(region.after)
        while tv.word(j) in _COMMAS:
            j += 1
        if j >= len(tv.toks) or "\n" in self.doc.text[region.after : tv.toks[j].start]:
            return None  # a quoted sub-heading: the next paragraph's verb is not its cue
        sent = self.sents[si]
        w = tv.word(j)
        if complementizer_at(tv, tv.first_at_or_after(region.open_at) - 1) and tv.verb(j):
            return None  # أن "رابطة المصدرين" قالت ...: the quoted name is the next verb's subject
        if tv.verb(j) and strip_clitic(w) not in lx.WEAK_SPEECH_VERBS:
            return Candidate(
                region.start, region.end, True, "postposed", si, j, (j + 1, self._sent_end(sent, j))
            )
        after = source_cue_at(tv, j)
        end = self._sent_end(sent, j)
        named = self._source_np(after, end) if after is not None else None
        if after is not None and named is not None and self._words(region.start, region.end) >= 3:
            # "..." وفق ما قرأت "الأنباء.نت": the source after the verb; not a quoted term (برعاية "روسية")
            return Candidate(region.start, region.end, True, "source", si, j, (named[0], end))
        return None

    def _sent_end(self, sent: Sentence, j: int) -> int:
        for k in range(j, sent.token_end):
            if self.tv.word(k) in _SENTENCE_END:
                return k
        return sent.token_end

    # --- indirect quotes and colon quotes ---------------------------------------------------
    def find_clauses(self) -> None:
        tv = self.tv
        used: set[int] = set()
        for si, sent in enumerate(self.sents):
            if sent.paragraph == self.headline:
                continue
            a, b = sent.token_start, sent.token_end
            for k in range(a, b):
                w = tv.word(k)
                if self._in_speech(tv.toks[k].start) or self._quoted(tv.toks[k].start):
                    continue
                noun = self._verbal_noun(k)
                is_part = participle(w) and not noun
                verb = "" if noun else tv.verb(k)
                came = self._came_in(k)
                if not (is_part or verb or came or noun):
                    continue
                if verb in lx.WEAK_SPEECH_VERBS and tv.word(k - 1) in lx.INSTITUTION_HEADS and k > a:
                    continue  # "مركز رصد": a verbal noun inside a name
                if verb and k > a and tv.word(k - 1) in lx.NEGATIONS:
                    continue  # "ولم تؤكد أي استطلاعات أن ...": nobody said it
                # weak verbs (بين "between", تابع "followed") only with their complementizer close by
                weak = verb in lx.WEAK_SPEECH_VERBS and verb not in lx.RELAY_VERBS
                reach = 4 if is_part or noun else (6 if weak else _VERB_REACH)
                if reach == _VERB_REACH and k - a <= 1:
                    # "كشفت مصادر مطلعة على الملف، الذي ...، في تصريحات لـ ...، أن"
                    reach = _OPENING_VERB_REACH
                c = None
                for x in range(k + 1, min(b, k + 1 + reach)):
                    wx = tv.word(x)
                    if wx in _SENTENCE_END or (
                        x > k + 1 and wx[:1] in "وف" and speech_verb(strip_clitic(wx))
                    ):
                        break
                    if x > k + 1 and tv.verb(x) and tv.verb(x) not in lx.WEAK_SPEECH_VERBS:
                        break  # "أعلنت X ...، فيما قالت الحكومة إنها": the nearer verb owns it
                    if x > k + 1 and participle(wx):
                        break  # "ونفى X تأجيل الموعد ... مؤكدا أنه": the participle's own clause
                    if wx in _COMMAS and tv.word(x + 1) in lx.RESULT_OPENERS:
                        break  # "...، ما دفع السكان إلى اعتبار أن": a new clause, not the verb's
                    if wx == ":" and not is_part:
                        self._colon(k, x, si, sent)
                        break
                    if self._region_at_token(x) in self.speech:
                        break
                    if complementizer_at(tv, x):
                        c = x
                        break
                if c is None or c in used:
                    continue
                if tv.word(c - 1) == "علي" and not strip_clitic(w).startswith(lx.ALA_STEMS):
                    continue  # "قادر على أن يقنع": only some cues take their clause with على (أكد على أن)
                used.add(c)
                r = self._region_at_token(c + 1)
                if r is not None and r in self.speech:
                    continue  # أن "...": the direct quote already holds it
                if r is not None and r.closed and tv.verb(tv.first_at_or_after(r.after)):
                    continue  # أن "رابطة المصدرين" قالت إنه ...: the quoted name speaks in the next clause
                end = self._clause_end(c + 1, b)
                span = self._span(c + 1, end)
                if span is None or self._words(*span) < _MIN_CONTENT_WORDS:
                    continue
                kind = "participle" if is_part else ("noun" if noun else "verb")
                zone = None if is_part else (k + 2 if came else k + 1, c)
                relay = bool(verb) and self._relay(w)
                self._add(Candidate(span[0], span[1], False, kind, si, k, zone, relay))

    def _verbal_noun(self, k: int) -> bool:
        """ "وسارعت الوزارة إلى نفي أن ...", "عقب إعلان الحكومة أن ...": a reporting verbal noun after a
        preposition or a verb, with its complementizer close by (checked by the caller)."""
        tv = self.tv
        w = tv.word(k)
        if w not in lx.VERBAL_NOUNS:
            return False
        return tv.word(k - 1) in lx.NOUN_GOVERNORS  # not "واستطاع إعلان المسلسل أن يجذب"

    def _came_in(self, k: int) -> bool:
        """ "وجاء في بيان المنظمة أن ...": the document's issuer speaks, as after a reporting verb."""
        tv = self.tv
        if tv.word(k) not in lx.CAME_IN_VERBS or tv.word(k + 1) != "في":
            return False
        doc_word = strip_clitic(tv.word(k + 2)).removeprefix("ال")
        return statement_head(tv.word(k + 2)) or doc_word in lx.SPEECH_DOCUMENTS

    def _colon(self, k: int, x: int, si: int, sent: Sentence) -> None:
        """ "قال الوزير: نحن ..." — direct speech after a colon, to the sentence end."""
        tv = self.tv
        if self._region_at_token(x + 1) is not None:
            return  # a quotation mark follows: the marked region is the quote
        if any(complementizer_at(tv, y) for y in range(k + 1, x)):
            return
        end = self._sent_end(sent, x + 1)
        s = x + 2 if tv.word(x + 1) in lx.COMPLEMENTIZERS else x + 1
        span = self._span(s, end)
        if span is None or self._words(*span) < 3:
            return
        w = tv.word(k)
        self._add(Candidate(span[0], span[1], True, "verb", si, k, (k + 1, x), self._relay(w)))

    # --- "according to" -------------------------------------------------------------------
    def find_sources(self, resolver: SpeakerResolver) -> None:
        tv = self.tv
        for si, sent in enumerate(self.sents):
            if sent.paragraph == self.headline:
                continue
            a, b = sent.token_start, sent.token_end
            k = a
            while k < b:
                after = source_cue_at(tv, k)
                if after is None or self._in_speech(tv.toks[k].start):
                    k += 1
                    continue
                named = self._source_np(after, b)
                if named is None:
                    k = after
                    continue
                i, explicit = named
                np_end = self._source_speaker_end(i, b)
                owner = issuer_at(tv, i, b) if statement_head(tv.word(i)) else None
                if owner is not None:  # "وفقا لبيان من المفوضية الأوروبية، ..."
                    np_end = max(np_end, _np_end(tv, owner, b, issuer=True))
                if not explicit and not self._source_like(i, np_end, resolver):
                    k = after
                    continue
                leading = (
                    k == a
                    or (k == a + 1 and tv.word(a) in ("و",))
                    or (tv.word(k - 1) in _COMMAS and k - a <= 1)
                )
                kind = "source" if leading else "trailing_source"
                if leading:
                    s = np_end
                    while s < b and (tv.word(s) in _COMMAS or tv.is_punct(s)):
                        s += 1
                    if strip_clitic(tv.word(s)) in lx.COMPLEMENTIZERS or tv.word(s) in lx.COMPLEMENTIZERS:
                        s += 1  # "وفقا لـ X، فإن ..."
                    elif tv.word(s) in lx.RELATIVES or tv.word(s - 1) in _COMMAS:
                        # "ووفقا للبيان، الذي نشرته صحيفة محلية، اليوم، فإن ...": content after فإن
                        fa = next((x for x in range(s, min(b, s + 16)) if tv.word(x) in lx.FA_INNA), None)
                        if fa is not None and not any(tv.word(x) in _SENTENCE_END for x in range(s, fa)):
                            s = fa + 1
                    span = self._span(s, self._clause_end(s, b))
                    if s >= b and si > 0 and self.sents[si - 1].paragraph == sent.paragraph:
                        # "... خمسة أشخاص على الأقل. وفقا لمسؤولي الإسعاف.": a stray stop, the sentence before
                        prev = self.sents[si - 1]
                        span, kind = self._span(prev.token_start, prev.token_end), "trailing_source"
                elif (
                    not explicit
                    and tv.word(k - 1) not in _COMMAS
                    and tv.word(np_end) in _COMMAS
                    and self._words_between(np_end + 1, b) >= 3
                ):
                    # "فيتعلق، وفق الساحلي، بالشروط ...": the aside attributes the whole sentence
                    span = self._span(a, self._clause_end(np_end + 1, b))
                else:
                    span = self._span(a, k)
                    if speech_verb(tv.word(a)) or tv.word(a + 1 if tv.is_punct(a) else a) in lx.EDITORIAL:
                        span = None  # "ذكرت وكالة رويترز، نقلا عن مسؤول إن": the clause is itself a cue
                if span is not None and self._words(*span) >= 3:
                    self._add(Candidate(span[0], span[1], False, kind, si, k, (i, np_end)))
                k = after

    def _words_between(self, i: int, j: int) -> int:
        return self._word_prefix[max(i, min(j, len(self.tv.toks)))] - self._word_prefix[i] if j > i else 0

    def _source_np(self, after: int, b: int) -> tuple[int, bool] | None:
        """Where the source's name starts after the cue, and whether a verb made it explicit."""
        tv = self.tv
        i = after
        explicit = False
        if tv.word(i) in lx.PRONOUN_SOURCES:
            return None  # "حسب تعبيره": the clause's own speaker again
        while i < b and (speech_verb(tv.word(i)) or tv.word(i) in lx.SOURCE_CUE_VERBS):
            explicit = explicit or bool(speech_verb(tv.word(i)))
            i += 1
            if tv.word(i) in ("في", "عن"):
                i += 1

        while i < b and (i > after or speech_verb(tv.word(after - 1))) and tv.word(i) in lx.VERB_ADVERBS:
            i += 1  # "حسبما أعلن الخميس مسؤولون محليون": the day, then the source
        if i > after and tv.word(i) in lx.SOURCE_VERB_OBJECTS:
            i += 1  # "بحسب ما صرح به لمراسلة الإذاعة، محمد الصحبي", "وفق ما أعلنت عنه السلطات"
        if explicit and tv.word(i)[:1] == "ل" and tv.word(i)[:2] != "ال":
            comma = next((x for x in range(i, min(b, i + 7)) if tv.word(x) in _COMMAS), None)
            if comma is not None:
                i = comma + 1  # the audience first, then the speaker after the comma
        quoted_name = tv.raw(i)[:1] in lx.OPENING_MARKS + lx.STRAIGHT_MARKS and not tv.is_punct(i + 1)
        if i >= b or (tv.is_punct(i) and not quoted_name):
            return None  # (وفق ما ذكرت "رويترز": the quoted name is the source)
        return i, explicit

    def _source_speaker_end(self, i: int, b: int) -> int:
        """The source glues its "ل" like a document's issuer: "وفقا للبيان", "طبقا للوزارة"."""
        return _np_end(self.tv, i, b, issuer=True)

    def _source_like(self, i: int, j: int, resolver: SpeakerResolver) -> bool:
        """A named entity or a source/institution/media head ("وفقا للمنظمة"), not "حسب الاتفاق"."""
        if j <= i:
            return False
        tv = self.tv
        if tv.is_punct(i) and i + 1 < j:
            i += 1  # the quoted name: "رويترز" in marks
        m = resolver.mentions.covering(tv.toks[i].start)
        if m is not None and m.type in ("PER", "ORG", "GPE", "NORP"):
            return True
        w = tv.word(i)
        if j == i + 1 and w.startswith("ال") and resolver.surname_before(w, i):
            return True  # "وفق الساحلي": the surname of a person named before
        heads = (
            lx.SOURCE_HEADS
            | lx.INSTITUTION_HEADS
            | lx.MEDIA_HEADS
            | lx.ORG_ANAPHORS
            | lx.PERSON_ANAPHORS
            | lx.SOURCE_DOCUMENTS
        )
        forms = {w, strip_clitic(w), w[1:] if w[:1] == "ل" and len(w) > 3 else w}
        if w.startswith("لل") and len(w) > 4:
            forms.add("ال" + w[2:])  # "وفقا للبيان": the statement
        return any(x in heads or ("ال" + x) in heads or x.removeprefix("ال") in heads for x in forms)


def _media(speaker: Speaker) -> bool:
    """A news outlet ("وكالة الأنباء الوطنية", "صحيفة المساء"), by the first word of its phrase."""
    words = normalize(speaker.phrase or speaker.text).split()
    first = words[0].removeprefix("ل").removeprefix("ال") if words else ""
    return first in lx.MEDIA_HEADS or ("ال" + first) in lx.MEDIA_HEADS


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def find_quotes(doc: Document) -> list[Quote]:
    """All quotes of a document that has paragraphs, sentences and tokens (the text stage ran)."""
    finder = _Finder(doc)
    resolver = SpeakerResolver(finder.tv, doc.mentions)
    finder.find_marked()
    finder.find_clauses()
    finder.find_sources(resolver)
    kept: list[Candidate] = []
    # "according to" clauses come last: "قال X إن ...، وفقا لـ Y" is X's quote, Y only relays it
    for cand in sorted(
        finder.cands, key=lambda c: (c.kind == "trailing_source", c.start, not c.direct, c.start - c.end)
    ):
        if any(_overlap(cand, k) for k in kept):
            continue
        kept.append(cand)
    kept.sort(key=lambda c: c.start)
    quotes: list[Quote] = []
    by_sentence: dict[int, Speaker] = {}
    for n, cand in enumerate(kept):
        speaker = _speaker(finder, resolver, cand, by_sentence)
        if cand.kind == "continuation" and speaker is None:
            continue  # a quoted paragraph with nobody to say it is not a quote we can attribute
        if speaker is not None and cand.kind == "trailing_source" and _media(speaker):
            speaker.relayed = True  # "..., وفق ما ذكرته وكالة X": X relays; "وأضاف" is not X going on
        resolver.remember(speaker)
        if speaker is not None:
            by_sentence[cand.sentence] = speaker
            resolver.last_sentence = cand.sentence
        cue = None
        if cand.cue is not None:
            cue = finder.tv.raw(cand.cue)
        quotes.append(
            Quote(
                id=f"{doc.id}:q{n}",
                start=cand.start,
                end=cand.end,
                text=doc.text[cand.start : cand.end],
                direct=cand.direct,
                speaker_text=speaker.text if speaker else None,
                speaker_mention_id=speaker.mention_id if speaker else None,
                cue=cue,
            )
        )
    return quotes


def _speaker(
    finder: _Finder, resolver: SpeakerResolver, cand: Candidate, by_sentence: dict[int, Speaker]
) -> Speaker | None:
    first = finder.sents[cand.sentence].token_start
    if cand.kind in ("participle", "continuation"):
        k = cand.cue if cand.cue is not None else first
        if cand.sentence in by_sentence:
            return by_sentence[cand.sentence]
        subject = resolver.sentence_subject(first, k) if cand.kind == "participle" else None
        return subject or resolver.last or resolver.topic_person(k)
    if cand.kind == "came_in":
        zone = cand.zone or (0, 0)
        inside = (
            [
                m
                for m in resolver.mentions.in_range(
                    finder.tv.toks[zone[0]].start, finder.tv.toks[zone[1] - 1].end
                )
                if m.type in ("PER", "ORG")
            ]
            if zone[1] > zone[0]
            else []
        )
        if inside:
            m = inside[0]
            return Speaker(m.text, m.id, m.text, m.type)
        return resolver.last
    found = None
    tv = finder.tv
    if cand.cue is not None and cand.kind == "verb" and tv.word(cand.cue - 1) in ("قد", "لقد"):
        # "وكان الوزير قد أكد في مايو خلال لقاء مع نظيره أن": the subject stands before "قد"
        found = resolver.before_verb(cand.cue, first)
    if found is None and cand.zone is not None:
        source = cand.kind in ("source", "trailing_source")
        found = resolver.after_cue(*cand.zone, relay=cand.relay, source=source)
    if found is None and cand.kind == "noun" and cand.cue is not None:
        # "وسارعت وزارة الدفاع إلى نفي أن": the subject of the verb the noun depends on
        found = resolver.clause_subject(first, cand.cue) or resolver.sentence_subject(first, cand.cue)
    if found is not None or cand.kind in ("source", "trailing_source", "postposed"):
        return found
    k = cand.cue if cand.cue is not None else first
    conjoined = (
        finder.tv.word(k)[:1] in "وف" and bool(speech_verb(strip_clitic(finder.tv.word(k))))
    ) or finder.tv.word(k - 1) in lx.AS_WELL  # "..., كما أوضح أنهم": the sentence's subject again
    before = None if conjoined else resolver.before_verb(k, first)
    if before is None and k - first >= 3 and (conjoined or finder.tv.word(k - 1) in ("إذ", "اذ", "حيث")):
        # "حذت الوكالة حذو الإدارة وقالت إنها", "أعربت الوزارة عن قلقها، إذ قالت": the sentence's subject
        before = resolver.clause_subject(first, k)
    opener = finder.tv.is_punct(first) or finder.tv.word(first) in lx.SENTENCE_LINKS
    if before is None and k == first + opener and cand.sentence > 0:
        before = _previous_subject(finder, resolver, cand)
    return before or resolver.person_before(k, first) or resolver.last or resolver.topic_person(k)


def _previous_subject(finder: _Finder, resolver: SpeakerResolver, cand: Candidate) -> Speaker | None:
    """A subjectless "وقالت إنها" right after a sentence whose verb has a named person as subject
    ("وألغت الممثلة X مواعيدها. وقالت إنها"): that person, unless the last quote was in that sentence
    or the verb only continues the last speaker (أضاف، تابع)."""
    tv = finder.tv
    verb = strip_clitic(tv.verb(cand.cue)) if cand.cue is not None else ""
    if verb in lx.CONTINUING_VERBS or resolver.last_sentence >= cand.sentence - 1:
        return None
    prev = finder.sents[cand.sentence - 1]
    v = prev.token_start
    while v < prev.token_end and (tv.word(v) in lx.DISCOURSE_OPENERS or tv.is_punct(v)):
        v += 1
    clitics = tv.toks[v].clitics if v < prev.token_end else None
    if clitics is None or clitics.prefixes[:1] not in (("و",), ("ف",)):
        return None  # the sentence does not open with a conjoined verb
    m = resolver.mentions.covering(tv.toks[v + 1].start) if v + 1 < prev.token_end else None
    if m is None:
        m = resolver.mentions.covering(tv.toks[v + 2].start) if v + 2 < prev.token_end else None
        if m is not None and (tv.is_punct(v + 1) or not tv.word(v + 1).startswith("ال")):
            return None  # only a definite title may stand between the verb and the name
    if m is None or m.type != "PER" or m.start < tv.toks[v + 1].start:
        return None
    return Speaker(m.text, m.id, m.text, "PER")
