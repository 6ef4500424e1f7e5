"""The one data model shared by every stage.

Every annotation carries ``start``/``end``: Python ``str`` indices (code points)
into ``Document.text`` exactly as ingested, end exclusive. Stages add
annotations to a Document; none of them ever changes ``Document.text``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC"]
ENTITY_TYPES: tuple[str, ...] = ("PER", "ORG", "GPE", "LOC", "FAC", "NORP", "MISC")

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Qualifier = Literal["exact", "approx", "at_least", "at_most", "range", "vague", "change"]
MEASURES: tuple[str, ...] = (
    "fighters",
    "troops",
    "killed",
    "injured",
    "detained",
    "displaced",
    "strikes",
    "distance_km",
    "money",
    "percent",
    "other",
)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True, frozen=True)
class Span:
    """A reference to characters of one document (evidence for any fact)."""

    doc_id: str
    start: int
    end: int


@dataclass(slots=True)
class Clitics:
    """Clitic analysis of one token: ``prefixes + stem + suffixes`` spell the token.

    Offsets are absolute (into Document.text) so later stages can point at the stem.
    """

    prefixes: tuple[str, ...]
    stem: str
    suffixes: tuple[str, ...]
    stem_start: int
    stem_end: int


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str  # normalised for matching (see rasd.text.normalise)
    kind: Literal["word", "number", "latin", "punct", "symbol"] = "word"
    clitics: Clitics | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    token_start: int  # index of the first token in Document.tokens
    token_end: int  # index after the last token
    paragraph: int = 0


@dataclass(slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(slots=True)
class Mention:
    id: str
    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES
    score: float = 1.0
    source: str = "ner"  # which component proposed it (ner model, kb gazetteer, ...)
    entity_id: str | None = None
    # A document-independent key chosen by per-document linking (e.g. "wikidata:Q1"
    # or a normalised name); corpus-level resolution turns keys into entities.
    link_key: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    name_en_source: str | None = None  # "kb", "geonames", "transliteration" (a guess)
    kb_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    category: str | None = None  # ACLED-style actor category
    country: str | None = None  # ISO 3166 alpha-2 for places and state actors
    mention_count: int = 0

    @property
    def label(self) -> str:
        """Arabic name with the English one in brackets, for tables."""
        return f"{self.name} ({self.name_en})" if self.name_en else self.name


@dataclass(slots=True)
class Timex:
    id: str
    start: int
    end: int
    text: str
    type: str  # one of DATE, TIME, DURATION, SET
    value: str | None
    precision: str | None = None  # "day", "week", "month", "season", "year", "decade", ...
    anchored: bool = False  # value depends on the publication date
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, ...


@dataclass(slots=True)
class Quantity:
    id: str
    start: int
    end: int
    text: str
    value: float | None
    min: float | None
    max: float | None
    qualifier: str = "exact"
    unit: str | None = None
    measure: str = "other"
    subject_text: str | None = None
    subject_mention_id: str | None = None
    subject_entity_id: str | None = None
    holder_text: str | None = None
    holder_mention_id: str | None = None
    holder_entity_id: str | None = None
    time: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    parsed: bool = True
    unparsed_reason: str | None = None
    doc_id: str | None = None  # set by the store when quantities are read across documents


@dataclass(slots=True)
class Quote:
    id: str
    start: int
    end: int
    text: str
    direct: bool
    speaker_text: str | None = None
    speaker_mention_id: str | None = None
    speaker_entity_id: str | None = None
    cue: str | None = None


@dataclass(slots=True)
class Event:
    id: str
    type: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    date: str | None
    evidence: list[Span]
    date_precision: str | None = None
    location_entity_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None
    actor_entity_ids: list[str] = field(default_factory=list)
    target_entity_ids: list[str] = field(default_factory=list)
    fatalities: int | None = None
    # Per-document arguments, kept as mention ids until corpus-level linking gives entity
    # ids (rasd.events.merge fills the *_entity_ids from them); quantity_ids are the
    # killed figures behind ``fatalities`` (every report stays visible).
    location_mention_id: str | None = None
    actor_mention_ids: list[str] = field(default_factory=list)
    target_mention_ids: list[str] = field(default_factory=list)
    quantity_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ClaimGroup:
    id: str
    subject_entity_id: str | None
    measure: str
    quantity_ids: list[str]
    disagreement: bool
    subject_key: str | None = None
    place_entity_ids: list[str] = field(default_factory=list)  # where the figures are (may be empty)


@dataclass(slots=True)
class ProcessingError:
    """One bad record or one stage failure; the batch always goes on."""

    doc_id: str | None
    stage: str
    reason: str
    source: str | None = None  # file or stream the record came from
    line: int | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: _dt.date | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    sha256: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[ProcessingError] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sha256:
            self.sha256 = sha256_text(self.text)

    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset`` (binary search over sorted sentences)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.start:
                hi = mid
            elif offset >= sent.end:
                lo = mid + 1
            else:
                return sent
        return None

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.token_start : sentence.token_end]

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None
