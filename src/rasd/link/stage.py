"""The per-document link stage: confident KB/gazetteer mentions NER missed, then link keys."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rasd.geo.gazetteer import COMMON_WORD_NAMES, STOPLIST, Gazetteer, Place, load_gazetteer
from rasd.link import names
from rasd.link.kb import KnowledgeBase, load_kb
from rasd.link.resolve import link_document
from rasd.model import Document, Mention, Token

_NAME_TOKEN_KINDS = frozenset({"word", "latin", "number"})
_FAC_FEATURES = frozenset({"airport", "base", "port", "oil port", "border crossing"})
_LOC_FEATURES = frozenset({"region", "strait"})


class LinkStage:
    """Adds ``source="kb"`` mentions only when the name is unambiguous and long enough to be
    safe, then gives every mention a document-independent ``link_key``.

    ``add_missing``: look for KB actors and gazetteer places the NER did not tag.
    ``min_population``: a single-word GeoNames town is added only above this population
    (curated overrides and countries always qualify): towns like صور or سارة are also
    everyday words, and the NER tags the real ones in context anyway.
    """

    name = "link"

    def __init__(
        self, *, add_missing: bool = True, min_population: int = 1_000_000, max_words: int = 6
    ) -> None:
        self.add_missing = add_missing
        self.min_population = min_population
        self.max_words = max_words

    def __call__(self, doc: Document) -> Document:
        kb = load_kb(strict=False)
        gaz = load_gazetteer()
        if self.add_missing and doc.tokens:
            add_missing_mentions(doc, kb, gaz, min_population=self.min_population, max_words=self.max_words)
        link_document(doc, kb=kb, gaz=gaz)
        return doc

    def pipe(self, docs: Iterable[Document], batch_size: int = 64) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def _place_type(places: list[Place]) -> str:
    feature = places[0].feature
    if feature in _FAC_FEATURES:
        return "FAC"
    if feature in _LOC_FEATURES:
        return "LOC"
    return "GPE"


def add_missing_mentions(
    doc: Document, kb: KnowledgeBase, gaz: Gazetteer, *, min_population: int = 1_000_000, max_words: int = 6
) -> list[Mention]:
    """Append mentions for KB names and places found in the tokens; returns the new ones.

    Longest match first, never overlapping an existing mention. Single words must be
    at least five letters (KB) or a big or curated place, and never a stoplisted word.
    """
    taken = bytearray(len(doc.text))
    for m in doc.mentions:
        taken[max(0, m.start) : max(0, m.end)] = b"\x01" * (max(0, m.end) - max(0, m.start))
    added: list[Mention] = []
    spans = [(s.token_start, s.token_end) for s in doc.sentences] or [(0, len(doc.tokens))]
    width = max(1, min(max_words, max(kb.max_words, 4)))
    for t_start, t_end in spans:
        toks: list[Token] = doc.tokens[t_start:t_end]
        i = 0
        while i < len(toks):
            found: tuple[int, int, str] | None = None
            for n in range(min(width, len(toks) - i), 0, -1):
                window = toks[i : i + n]
                if any(t.kind not in _NAME_TOKEN_KINDS for t in window) or window[0].kind == "number":
                    continue
                start, end = window[0].start, window[-1].end
                if any(taken[start:end]):
                    continue
                etype = _match(doc.text[start:end], n, kb, gaz, min_population)
                if etype:
                    found = (start, end, etype)
                    break
            if found:
                start, end, etype = found
                mention = Mention(
                    id=f"{doc.id}:kb{len(added)}",
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    type=etype,
                    score=0.9,
                    source="kb",
                )
                added.append(mention)
                taken[start:end] = b"\x01" * (end - start)
                i += n
            else:
                i += 1
    doc.mentions.extend(added)
    doc.mentions.sort(key=lambda m: (m.start, m.end))
    return added


def _match(text: str, n_words: int, kb: KnowledgeBase, gaz: Gazetteer, min_population: int) -> str | None:
    variants = names.clitic_variants(text)
    if not variants or any(v in STOPLIST or v in COMMON_WORD_NAMES for v in variants):
        return None
    entries = kb.candidates(text)
    if len(entries) == 1:
        # The loose index (adjective gender, militia spellings) may have found it instead.
        matched = kb.matched_key(text) or variants[0]
        letters = len(matched.replace(" ", ""))
        if n_words >= 2 or letters >= 5:
            return entries[0].type
        # A Latin acronym counts only when written in capitals ("PKK", not "who").
        if names.looks_latin(text) and text.isupper() and letters >= 3:
            return entries[0].type
        return None
    if entries:
        return None
    places = gaz.candidates(text, variants=False)
    if not places:
        return None
    if n_words >= 2 or any(p.source in ("kb", "override") for p in places):
        return _place_type(places)
    matched = next((v for v in variants if gaz.keys.get(v)), variants[-1])
    # بأنه is not ب + a town called انه: a bare preposition stripped off a single word is
    # too weak a signal when no tagger proposed the span.
    literal = variants[0]
    without_conjunction = literal[1:] if literal[:1] in "وف" and literal[1:] in variants else literal
    if matched not in (literal, without_conjunction) and not matched.startswith("ال"):
        return None
    if max(p.population for p in places) >= min_population and len(matched) >= 4:
        return _place_type(places)
    return None
