"""Clitic analysis: و ف (conjunctions), ب ل ك (prepositions), س (future), ال, pronoun suffixes.

Arabic clitics are ambiguous (the و of وزير is not a conjunction), so a split is
accepted only when the remaining stem is a word that news text actually uses
more often than the whole form. Word frequencies come from a count list the
project derives from the shared news corpus (``scripts/build_vocab.py``); with
no list, only splits leaving a long stem are made.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from rasd.model import Clitics, Token
from rasd.text.normalise import normalize

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
FUTURE = ("س",)
ARTICLE = "ال"
# Longest first so that "هما" wins over "ها".
SUFFIXES = ("كما", "هما", "كم", "كن", "هم", "هن", "ها", "نا", "ني", "ه", "ك", "ي")
MIN_STEM = 2
# ك ("as, like") is a rare proclitic and starts many names (كمون، كلاب): split it only when the
# stem is this many times commoner than the whole form (كوزير 36 : وزير 7458; كمون 18 : مون 476).
RARE_CLITIC_RATIO = 50
VOCAB_RESOURCE = "vocab.tsv.gz"


@lru_cache(maxsize=1)
def word_counts() -> dict[str, int]:
    """Folded word form -> count in the shared news corpus (empty when not built)."""
    try:
        data = resources.files("rasd.resources.text").joinpath(VOCAB_RESOURCE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    counts: dict[str, int] = {}
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        word, _, count = line.partition("\t")
        if count:
            counts[word] = int(count)
    return counts


def _known(form: str, counts: dict[str, int], whole_count: int) -> bool:
    if counts:
        return counts.get(form, 0) > max(whole_count, 2)
    return len(form) >= 4


@lru_cache(maxsize=1 << 17)
def split_clitics(norm: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    """Split a folded word into (prefixes, stem, suffixes).

    Prefixes are named as morphemes (ل + ال for the written لل), so use the stem's
    length, not the prefixes', to find where the stem starts.
    """
    counts = word_counts()
    whole = counts.get(norm, 0)
    prefixes: list[str] = []
    rest = norm
    if len(rest) > MIN_STEM + 1 and rest[0] in CONJUNCTIONS and _known(rest[1:], counts, whole):
        prefixes.append(rest[0])
        rest = rest[1:]
    # لل = ل + ال written without the article's alef (للجيش = ل + الجيش).
    if rest.startswith("لل") and len(rest) > 4 and _known("ا" + rest[1:], counts, counts.get(rest, 0)):
        return (*prefixes, "ل", ARTICLE), rest[2:], ()
    if (
        len(rest) > MIN_STEM + 1
        and rest[0] in PREPOSITIONS + FUTURE
        and _known(rest[1:], counts, counts.get(rest, 0) * (RARE_CLITIC_RATIO if rest[0] == "ك" else 1))
    ):
        prefixes.append(rest[0])
        rest = rest[1:]
    if rest.startswith(ARTICLE) and len(rest) > MIN_STEM + 2:
        prefixes.append(ARTICLE)
        rest = rest[2:]
        return tuple(prefixes), rest, ()
    suffixes: list[str] = []
    for suffix in SUFFIXES:
        if rest.endswith(suffix) and len(rest) - len(suffix) >= MIN_STEM + 1:
            stem = rest[: -len(suffix)]
            if _known(stem, counts, counts.get(rest, 0)) or _known(stem + "ه", counts, counts.get(rest, 0)):
                suffixes.append(suffix)
                rest = stem
            break
    return tuple(prefixes), rest, tuple(suffixes)


def analyse(token: Token) -> Clitics | None:
    """Clitic analysis of an Arabic word token, with absolute stem offsets."""
    if token.kind != "word" or len(token.norm) < MIN_STEM + 2:
        return None
    prefixes, stem, suffixes = split_clitics(token.norm)
    if not prefixes and not suffixes:
        return None
    # Map folded character counts back onto the surface form, skipping diacritics/tatweel.
    surface_positions = [i for i, ch in enumerate(token.text) if _counts_in_norm(ch)]
    if len(surface_positions) != len(token.norm):
        return None  # folding changed the length (rare ligatures): no reliable offsets
    n_suf = sum(len(s) for s in suffixes)
    n_pre = len(token.norm) - len(stem) - n_suf
    stem_start = token.start + surface_positions[n_pre]
    stem_end = token.start + surface_positions[len(token.norm) - n_suf - 1] + 1
    return Clitics(prefixes=prefixes, stem=stem, suffixes=suffixes, stem_start=stem_start, stem_end=stem_end)


def _counts_in_norm(ch: str) -> bool:
    return normalize(ch) != ""
