"""Paragraph and sentence segmentation over tokens.

Rules that matter for news: commas never end a sentence; a full stop inside a
number or after an abbreviation does not either; a quotation that ends a
sentence stays whole with its closing mark; a sentence never crosses a
paragraph (blank line or line break).
"""

from __future__ import annotations

import re

from rasd.model import Paragraph, Sentence, Token

SENTENCE_END = {".", "!", "?", "؟", "…", "۔"}
OPENING_QUOTES = {"«": "»", "“": "”", "‘": "’", '"': '"', "'": "'"}
CLOSING_QUOTES = {"»", "”", "’", '"', "'", ")"}
# Folded abbreviations that take a full stop without ending the sentence.
ABBREVIATIONS = {
    "د",  # دكتور
    "م",  # ميلادي / متر
    "ه",  # هجري (folded هـ)
    "ق",  # قبل الميلاد (ق.م)
    "ص",  # صفحة / ص.ب
    "ج",
    "ا",  # أ.ف.ب
    "ف",
    "ب",
    "ش",  # شارع
    "ت",  # تلفون
    "mr",
    "dr",
    "st",
    "no",
    "vs",
    "etc",
    "inc",
    "co",
    "jr",
}
MAX_QUOTE_CHARS = 1500  # an unclosed or runaway quote stops protecting its content
MAX_SENTENCE_TOKENS = 250  # beyond this a sentence is split at the next ، or ؛

_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines (or blank-line separated blocks) with their offsets."""
    result: list[Paragraph] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _append_paragraph(text, pos, m.start(), result)
        pos = m.end()
    _append_paragraph(text, pos, len(text), result)
    return result


def _append_paragraph(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Paragraph(start, end))


def _is_abbreviation(tokens: list[Token], i: int) -> bool:
    """Is the full stop at ``tokens[i]`` part of an abbreviation?"""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.end != tokens[i].start:  # "word ." with a space: a real stop
        return False
    if prev.kind == "latin" and len(prev.text) == 1 and prev.text.isupper():
        return True  # U.S. / J. Smith
    return prev.kind in ("word", "latin") and prev.norm.rstrip("ـ") in ABBREVIATIONS


def split_sentences(tokens: list[Token], paragraph_index: int = 0, first_token: int = 0) -> list[Sentence]:
    """Sentences over ``tokens`` (one paragraph); token indices are offset by ``first_token``."""
    sentences: list[Sentence] = []
    if not tokens:
        return sentences
    start_i = 0
    open_quote: tuple[str, int] | None = None  # (expected closer, start offset)
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        t = tok.text
        if open_quote is not None:
            closer, opened_at = open_quote
            if t == closer or (closer == '"' and t in "”»"):
                open_quote = None
                prev = tokens[i - 1].text if i > 0 else ""
                if prev in SENTENCE_END and _next_starts_sentence(tokens, i + 1):
                    sentences.append(_sentence(tokens, start_i, i + 1, paragraph_index, first_token))
                    start_i = i + 1
                i += 1
                continue
            if tok.end - opened_at <= MAX_QUOTE_CHARS:
                i += 1
                continue
            open_quote = None  # runaway quote: fall through to normal rules
        if t in OPENING_QUOTES and not (t in "'\"" and _closes_straight_quote(tokens, i)):
            open_quote = (OPENING_QUOTES[t], tok.start)
            i += 1
            continue
        if t in SENTENCE_END and not (t == "." and _is_abbreviation(tokens, i)):
            j = i + 1
            while j < n and (tokens[j].text in SENTENCE_END or tokens[j].text in CLOSING_QUOTES):
                j += 1
            sentences.append(_sentence(tokens, start_i, j, paragraph_index, first_token))
            start_i = j
            i = j
            continue
        if i - start_i >= MAX_SENTENCE_TOKENS and t in {"،", ",", "؛", ";"}:
            sentences.append(_sentence(tokens, start_i, i + 1, paragraph_index, first_token))
            start_i = i + 1
        i += 1
    if start_i < n:
        sentences.append(_sentence(tokens, start_i, n, paragraph_index, first_token))
    return sentences


def _closes_straight_quote(tokens: list[Token], i: int) -> bool:
    """A straight quote glued to the previous word and followed by space closes, not opens."""
    return i > 0 and tokens[i - 1].end == tokens[i].start and tokens[i - 1].kind != "punct"


def _next_starts_sentence(tokens: list[Token], j: int) -> bool:
    return j >= len(tokens) or tokens[j].text not in {"،", ",", "؛", ";", ":"}


def _sentence(tokens: list[Token], a: int, b: int, paragraph_index: int, first_token: int) -> Sentence:
    return Sentence(
        start=tokens[a].start,
        end=tokens[b - 1].end,
        token_start=first_token + a,
        token_end=first_token + b,
        paragraph=paragraph_index,
    )
