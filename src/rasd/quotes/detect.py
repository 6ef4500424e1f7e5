"""Where reported speech is: quotation-mark regions, reporting cues and the content they introduce.

Everything here works on the text stage's tokens (folded ``Token.norm``) and reports character
offsets into ``Document.text``. Quotation marks are paired inside one paragraph only, so an
unclosed mark can never swallow the rest of the article: it stops at the paragraph end.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rasd.model import Document, Paragraph, Token
from rasd.quotes import lexicon as lx

_PUNCT_END = {".", "!", "?", "؟", "…", "؛", ";"}
_COMMAS = {"،", ","}
_MARKS = set(lx.OPENING_MARKS) | set(lx.CLOSING_MARKS) | set(lx.STRAIGHT_MARKS)
_PROCLITICS = set("وفبلك")


@dataclass(slots=True)
class Region:
    """Text between quotation marks: ``start``/``end`` exclude the marks."""

    open_at: int  # offset of the opening mark
    start: int
    end: int
    closed: bool
    paragraph: int
    close_at: int | None = None  # offset of the closing mark

    @property
    def after(self) -> int:
        """Offset just after the quote (after its closing mark when there is one)."""
        return self.close_at + 1 if self.close_at is not None else self.end


def _can_open(text: str, i: int, para_start: int) -> bool:
    """A straight quote opens after a space, punctuation or a glued proclitic (بـ"، لـ"، و")."""
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace() or nxt in _PUNCT_END or nxt in _COMMAS:
        return False
    if i == para_start:
        return True
    prev = text[i - 1]
    if prev.isspace() or prev in "(:[،,-–—" or prev == "ـ":
        return True
    # "بـ" / "ل" / "و" glued: the word before the mark is one proclitic letter
    return prev in _PROCLITICS and (i - 2 < para_start or text[i - 2].isspace())


def _opens_loosely(text: str, i: int, para_end: int) -> bool:
    """'قال إن" قطع ... التاريخي" .', 'قال " أحي ...".': a mark spaced from its quote opens when
    the next straight mark in the paragraph closes like a closer."""
    if not (i > 0 and i + 2 < para_end and text[i + 1] == " "):
        return False
    if not text[i + 2].isalpha():
        return False
    nxt = text.find('"', i + 1, para_end)
    if nxt < 0:
        return False
    after = text[nxt + 1] if nxt + 1 < para_end else " "
    return after.isspace() or after in _PUNCT_END or after in _COMMAS


def _can_close(text: str, i: int) -> bool:
    """Glued to the word before, or loose before punctuation or a space ('تركيا ". ')."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() or nxt.isspace() or nxt in _PUNCT_END or nxt in _COMMAS


def _sentence_stop(text: str, open_at: int, i: int) -> int | None:
    """Offset of the first sentence-final stop followed by a space between an open mark and ``i``."""
    for n in range(open_at + 1, i - 1):
        if text[n] in ".!?؟" and text[n + 1].isspace() and text[n - 1].isalpha():
            return n
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quote_regions(text: str, paragraphs: list[Paragraph]) -> list[Region]:
    """Pair quotation marks paragraph by paragraph; nested marks inside an open quote are text."""
    regions: list[Region] = []
    for p_index, para in enumerate(paragraphs):
        open_at: int | None = None
        closer = ""
        for i in range(para.start, para.end):
            ch = text[i]
            if ch not in _MARKS:
                continue
            if open_at is None:
                if ch in lx.OPENING_MARKS:
                    open_at, closer = i, lx.PAIRS[ch]
                elif ch in lx.STRAIGHT_MARKS and (
                    _can_open(text, i, para.start) or _opens_loosely(text, i, para.end)
                ):
                    open_at, closer = i, ch
                elif ch in lx.CLOSING_MARKS and _can_open(text, i, para.start):
                    # some sources write ” for the opening mark of a right-to-left quote
                    open_at, closer = i, ch
                continue
            closes = ch == closer and (ch not in lx.STRAIGHT_MARKS or _can_close(text, i))
            if not closes and ch == closer == '"' and _can_open(text, i, para.start):
                stop = _sentence_stop(text, open_at, i)
                if stop is not None:
                    # 'بمثابة "عقاب ... المحليين. وكانت ... إن "الإضراب': the first mark was never
                    # closed; it ends at its sentence end and this one opens a new quotation
                    start, end = _trim(text, open_at + 1, stop)
                    if end > start:
                        regions.append(Region(open_at, start, end, False, p_index))
                    open_at = i
                    continue
            if (closes or (ch == "”" and closer == "“")) and i > open_at + 1:
                start = open_at + 1
                while start < i and text[start].isspace():
                    start += 1  # 'إن" قطع': the words start after the space
                end = i
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    regions.append(Region(open_at, start, end, True, p_index, i))
                open_at = None
        if open_at is not None:
            start, end = open_at + 1, para.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                regions.append(Region(open_at, start, end, False, p_index))
    return regions


def normalize_raw_end(raw: str) -> str:
    """Last letter of a token as written, diacritics and tatweel skipped."""
    for ch in reversed(raw):
        if ch.isalpha():
            return ch
    return ""


def strip_clitic(word: str) -> str:
    """ "وقال" → "قال", "فأكد" → "اكد" (folded); anything else unchanged."""
    if len(word) > 3 and word[0] in "وف":
        return word[1:]
    return word


class TokenView:
    """The document's tokens with the lookups the quote rules need."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.toks: list[Token] = doc.tokens
        self.starts = [t.start for t in doc.tokens]
        self.ends = [t.end for t in doc.tokens]

    def word(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def raw(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < len(self.toks) else ""

    def verb(self, i: int) -> str:
        """The reporting verb token ``i`` spells; "وإضافة" (folded "واضافه") is a noun, not أضاف+ه."""
        word = self.word(i)
        if self.word(i - 1) in lx.NOUN_MARKERS:
            return ""  # "دون أي ذكر لـ": a verbal noun after a quantifier, not a verb
        found = speech_verb(word)
        suffixed = found and word not in lx.SPEECH_VERBS and strip_clitic(word) not in lx.SPEECH_VERBS
        if suffixed and normalize_raw_end(self.raw(i)) == "ة":
            return ""
        return found

    def is_punct(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and self.toks[i].kind in ("punct", "symbol")

    def first_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def last_before(self, offset: int) -> int:
        """Index of the last token ending at or before ``offset`` (-1 when none)."""
        return bisect_right(self.ends, offset) - 1

    def text(self, i: int, j: int) -> str:
        """Original text of tokens [i, j)."""
        if j <= i:
            return ""
        return self.doc.text[self.toks[i].start : self.toks[j - 1].end]


def speech_verb(word: str) -> str:
    """The folded reporting verb a token spells ("وقالت" → "قالت", "وصفه" → "وصف"), or ""."""
    if word in lx.EDITORIAL:
        return ""
    for w in (word, strip_clitic(word)):
        if w in lx.SPEECH_VERBS:
            return w
        for suffix in ("ها", "هم", "ه"):
            if w.endswith(suffix) and w[: -len(suffix)] in lx.SPEECH_VERBS and len(w) - len(suffix) >= 3:
                return w[: -len(suffix)]
    return ""


def participle(word: str) -> bool:
    return word in lx.PARTICIPLES or strip_clitic(word) in lx.PARTICIPLES


def complementizer_at(tv: TokenView, k: int) -> bool:
    """Token ``k`` opens reported content after the verb (not "بعد أن", "يجب أن")."""
    w = tv.word(k)
    if w not in lx.COMPLEMENTIZERS:
        return False
    start = tv.toks[k].start
    if start > 0 and tv.doc.text[start - 1].isalnum():
        return False  # "إتش5إن1": letters inside a code, not the word إن
    prev = tv.word(k - 1)
    if prev == "علي" and tv.word(k - 2) in ("،", ","):
        return False  # "...، على أن يتخذ القرار": "provided that", not "أكد على أن"
    return prev not in lx.NOT_COMPLEMENTIZER_BEFORE and strip_clitic(prev) not in lx.NOT_COMPLEMENTIZER_BEFORE


_CUES_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _pattern in lx.SOURCE_CUES:  # already longest first
    _CUES_BY_FIRST.setdefault(_pattern[0], []).append(_pattern)


def source_cue_at(tv: TokenView, k: int) -> int | None:
    """Token index after an "according to" phrase starting at ``k`` ("وفقا لـ", "بحسب ما")."""
    first = tv.word(k)
    patterns = _CUES_BY_FIRST.get(first) or (_CUES_BY_FIRST.get(first[1:]) if first[:1] in "وف" else None)
    for pattern in patterns or ():
        if all(tv.word(k + n) == word for n, word in enumerate(pattern) if n > 0):
            after = k + len(pattern)
            while tv.word(after) in ("ل", "لـ", "ـ"):
                after += 1
            return after
    return None
