"""Claim groups: the same figure (subject + measure) as reported across documents, and whether
the reports can all be true at once.

Rule for ``disagreement`` (documented in docs/benchmarks/quantity.md too):

* Each figure asserts an interval: exact values and the final value of a change ±2% (at
  least ±1), approximate values ±10% (at least ±1), "at least N" [N, ∞), "at most N"
  [0, N], ranges [min, max], vague amounts (عشرات، مئات) [ACLED value, ∞), "بضعة" [3, 9].
* Two figures are compared only when they come from different documents and can refer to
  the same moment: their dates (the quantity's ``time`` at day or week precision, else the
  document's publication date) are at most ``window_days`` (31) apart or unknown. Figures
  for different times — a toll that grew over two months — do not contradict each other.
* Counts of events (killed, injured, detained, displaced, strikes) are grouped per incident:
  figures about one subject whose days lie within ``INCIDENT_DAYS`` (2) of each other. Stocks
  (fighters, troops) are grouped per subject over the whole corpus.
* Unparsed figures are kept in the group but never compared.
* The group disagrees when two compared figures have disjoint intervals (for intervals,
  "pairwise overlapping" is the same as "all hold at once").
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from rasd.geo.demonyms import demonym_country
from rasd.link.kb import load_kb
from rasd.link.names import name_key, without_article
from rasd.model import MEASURES, ClaimGroup, Document, Entity, Event, Quantity
from rasd.quantity.lexicon import GROUP_TITLE_WORDS
from rasd.text.normalise import normalize

# Measures whose figures analysts compare across sources: counts of people and strikes.
COMPARABLE_MEASURES: tuple[str, ...] = tuple(
    m for m in MEASURES if m not in ("distance_km", "money", "percent", "other")
)
WINDOW_DAYS = 31
# Counts of events (casualties, arrests, strikes) are claims about one incident.
FLOW_MEASURES: frozenset[str] = frozenset({"killed", "injured", "detained", "displaced", "strikes"})
INCIDENT_DAYS = 2
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})")


def doc_id_of(quantity: Quantity) -> str:
    """The quantity's document: its ``doc_id`` when the store set it, else parsed from the id.

    Quantity ids are ``f"{doc.id}:q{n}"`` (see QuantityStage).
    """
    if quantity.doc_id:
        return quantity.doc_id
    head, sep, tail = quantity.id.rpartition(":q")
    return head if sep and tail.isdigit() else quantity.id


def default_subject_key(quantity: Quantity) -> str | None:
    """The linked entity when there is one, else ``subject_text_key`` of a subject text that names
    a party (see :func:`names_a_party`); other figures are not grouped."""
    if quantity.subject_entity_id:
        return quantity.subject_entity_id
    if quantity.subject_text and names_a_party(quantity.subject_text, quantity.subject_mention_id):
        return subject_text_key(quantity.subject_text)
    return None


def names_a_party(text: str, mention_id: str | None = None) -> bool:
    """Whether an unlinked subject text can name the same party in another article.

    Grouping figures corpus-wide by any noun the subject finder returned ("أدلة", "فصيل",
    "وأفراد من عائلاتهم") puts unrelated figures side by side and flags false disagreements.
    A subject qualifies when the tagger saw a name there, when it carries a country adjective
    ("مسلحين سوريين"), when the actor KB knows it ("داعش"), or when it is a group title with
    a complement ("حركة النجمة", not "التنظيم وأفراد").
    """
    if mention_id:
        return True
    words = [_strip_clitics(w) for w in normalize(text).split()]
    if not words:
        return False
    if any(demonym_country(w) for w in words):
        return True
    if load_kb(strict=False).candidates(text):
        return True
    head = without_article(words[0])
    return 2 <= len(words) <= 4 and head in GROUP_TITLE_WORDS and not words[1].startswith("و")


def link_subjects(quantities: Iterable[Quantity], entities: Iterable[Entity]) -> dict[str, str]:
    """Entity ids for figures whose subject text names a known entity but was not linked.

    A subject written "مقاتلي تنظيم داعش" with no mention under it still names the
    entity whose name or alias has the same ``subject_text_key`` — when exactly one
    entity has it. Returns quantity id → entity id for those figures.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for name in {entity.name, *entity.aliases}:
            key = subject_text_key(name)
            if key:
                owners[key].add(entity.id)
    found: dict[str, str] = {}
    for q in quantities:
        if q.subject_entity_id or not q.subject_text:
            continue
        ids = owners.get(subject_text_key(q.subject_text) or "")
        if ids is not None and len(ids) == 1:
            found[q.id] = next(iter(ids))
    return found


def _strip_clitics(word: str) -> str:
    """Glued و/ف and ب/ل/ك before the article only ("وللجيش" → "الجيش"): never off a bare name (ليبيا)."""
    if word[:1] in ("و", "ف") and word[1:].startswith(("ال", "لل", "بال", "كال")):
        word = word[1:]
    if word.startswith("لل") and len(word) > 3:
        return "ال" + word[2:]
    if word[:1] in ("ب", "ل", "ك") and word[1:].startswith("ال"):
        return word[1:]
    return word


def _fold_nisba(word: str) -> str:
    """One form for a nisba in any case, number or gender: فلسطينيين/فلسطينيا/فلسطينية → فلسطيني."""
    for ending in ("يين", "يون", "يات"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + "ي"
    for ending in ("يا", "يه"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + "ي"
    return word


def subject_text_key(text: str) -> str | None:
    """Grouping key of a subject name written in different ways in different articles.

    Folded by ``rasd.link.names.name_key`` (hamza, ta marbuta, hashtags, underscores), then
    glued clitics and the article dropped, nisba endings unified and a generic head
    ("تنظيم داعش" → "داعش") removed: "#ميليشيا_الحوثي", "لميليشيا الحوثي" and "الحوثي" share
    one key, as do "الفلسطينيين", "فلسطينيا" and "فلسطيني".
    """
    words = [without_article(_strip_clitics(w)) for w in name_key(text).split()]
    words = [w for w in words if w]
    if len(words) > 1:
        head = words[0]
        if head[:1] in ("و", "ب", "ل") and head[1:] in GROUP_TITLE_WORDS:
            head = head[1:]  # "لتنظيم داعش"
        if head in GROUP_TITLE_WORDS:
            words = words[1:]
    return " ".join(_fold_nisba(w) for w in words) or None


def claim_interval(q: Quantity) -> tuple[float, float] | None:
    """The interval of values a figure asserts, or None when it cannot be compared."""
    if not q.parsed:
        return None
    qual = q.qualifier
    if qual == "range" and q.min is not None and q.max is not None:
        return q.min, q.max
    if qual == "at_least" and q.min is not None:
        return q.min, math.inf
    if qual == "at_most" and q.max is not None:
        return 0.0, q.max
    if qual == "vague":
        lo = q.min if q.min is not None else q.value
        if lo is None:
            return None
        return lo, q.max if q.max is not None else math.inf
    value = q.value if q.value is not None else q.min
    if value is None:
        return None
    share = 0.10 if qual == "approx" else 0.02
    tol = max(1.0, abs(value) * share)
    return max(0.0, value - tol), value + tol


def _date_of(q: Quantity, published: Mapping[str, dt.date | None]) -> dt.date | None:
    """The day a figure refers to: its TIMEX3 day, else the Monday of its ISO week, else the
    publication date, else the first day of its month or year."""
    value = q.time or ""
    with contextlib.suppress(ValueError):
        return dt.date.fromisoformat(value[:10])
    week = _ISO_WEEK.match(value)
    if week:
        with contextlib.suppress(ValueError):
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
    if published.get(doc_id_of(q)) is not None:
        return published[doc_id_of(q)]
    for fmt, size in (("%Y-%m", 7), ("%Y", 4)):
        with contextlib.suppress(ValueError):
            return dt.datetime.strptime(value[:size], fmt).date()
    return None


def _disagree(
    quantities: Sequence[Quantity], published: Mapping[str, dt.date | None], window_days: int
) -> bool:
    """Two figures from different documents, for about the same time, whose intervals are disjoint.

    Figures within one document are not compared: an article giving 5 dead in one town and 7
    in another is breaking a figure down, not contradicting itself.
    """
    items = []
    for q in quantities:
        interval = claim_interval(q)
        if interval is not None and q.qualifier != "change":
            items.append((interval, _date_of(q, published), doc_id_of(q)))
    for i, (a, da, doc_a) in enumerate(items):
        for b, db, doc_b in items[i + 1 :]:
            if doc_a == doc_b:
                continue
            if da is not None and db is not None and abs((da - db).days) > window_days:
                continue
            if a[1] < b[0] or b[1] < a[0]:
                return True
    return False


def _by_incident(
    members: list[Quantity], published: Mapping[str, dt.date | None], window_days: int
) -> list[list[Quantity]]:
    """Split figures of a flow measure into runs of nearby days: one run per incident.

    "Killed" figures about one group over a year report many different attacks; only
    figures for the same days can be claims about the same toll.
    """
    runs: list[list[Quantity]] = []
    start: dt.date | None = None
    for q in members:  # sorted by date
        day = _date_of(q, published)
        if runs and (day is None or start is None or (day - start).days <= window_days):
            runs[-1].append(q)
            continue
        runs.append([q])
        start = day
    return runs


def group_id(subject_key: str, measure: str, incident: dt.date | None = None) -> str:
    suffix = f"|{incident.isoformat()}" if incident else ""
    return "cg:" + hashlib.sha1(f"{subject_key}|{measure}{suffix}".encode()).hexdigest()[:12]


def group_claims(
    quantities: Iterable[Quantity],
    subject_key: Callable[[Quantity], str | None] = default_subject_key,
    published: Mapping[str, dt.date | None] | None = None,
    *,
    min_documents: int = 2,
    window_days: int = WINDOW_DAYS,
    incident_days: int = INCIDENT_DAYS,
    measures: Sequence[str] = COMPARABLE_MEASURES,
) -> list[ClaimGroup]:
    """Group figures by (subject, measure) across documents and flag disagreements.

    Stocks (fighters, troops) form one group per subject and measure, compared within
    ``window_days``; flows (killed, injured, detained, displaced, strikes) one group per
    incident: figures whose days lie within ``incident_days`` of the run's first day.

    ``published`` maps document id → publication date (for figures without their own
    time). Groups need a subject (figures with none are about unknown parties and are not
    grouped) and figures from at least ``min_documents`` documents. Ids are deterministic.
    """
    published = published or {}
    buckets: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for q in quantities:
        if q.measure not in measures:
            continue
        key = subject_key(q)
        if key:
            buckets[(key, q.measure)].append(q)
    groups: list[ClaimGroup] = []
    for (key, measure), bucket in buckets.items():
        bucket.sort(key=lambda q: (_date_of(q, published) or dt.date.min, q.id))
        flow = measure in FLOW_MEASURES
        runs = _by_incident(bucket, published, incident_days) if flow else [bucket]
        for members in runs:
            if len({doc_id_of(q) for q in members}) < min_documents:
                continue
            entity_ids = Counter(q.subject_entity_id for q in members if q.subject_entity_id)
            incident = _date_of(members[0], published) if flow else None
            groups.append(
                ClaimGroup(
                    id=group_id(key, measure, incident),
                    subject_entity_id=entity_ids.most_common(1)[0][0] if entity_ids else None,
                    measure=measure,
                    quantity_ids=[q.id for q in members],
                    disagreement=_disagree(members, published, incident_days if flow else window_days),
                    subject_key=key,
                )
            )
    groups.sort(key=lambda g: g.id)
    return groups


def event_claim_groups(
    events: Iterable[Event],
    quantities: Mapping[str, Quantity],
    published: Mapping[str, dt.date | None] | None = None,
    *,
    existing: Iterable[ClaimGroup] = (),
    places: Mapping[str, Entity] | None = None,
    min_documents: int = 2,
) -> list[ClaimGroup]:
    """One group per real-world event whose casualty figures come from several documents.

    Reports of one airstrike rarely name whose dead they count, so subject-keyed groups miss
    them; the merged event (``rasd.events.merge``) says the figures are about the same
    incident. ``quantities`` maps id → Quantity (``doc_id`` set); a group whose figures all
    belong to one of the ``existing`` groups is not repeated. Disagreement uses the same
    interval rule as :func:`group_claims`, with the event itself as the time window. The
    group's ``subject_key`` names the event: type, place (from ``places``) and date.
    """
    published = published or {}
    covered = [set(g.quantity_ids) for g in existing]
    groups: list[ClaimGroup] = []
    for event in events:
        by_measure: dict[str, list[Quantity]] = defaultdict(list)
        for qid in event.quantity_ids:
            q = quantities.get(qid)
            if q is not None and q.measure in FLOW_MEASURES:
                by_measure[q.measure].append(q)
        for measure, members in sorted(by_measure.items()):
            ids = {q.id for q in members}
            if len({doc_id_of(q) for q in members}) < min_documents or any(ids <= c for c in covered):
                continue
            members.sort(key=lambda q: (doc_id_of(q), q.start))
            groups.append(
                ClaimGroup(
                    id=group_id(f"event:{event.id}", measure),
                    subject_entity_id=None,
                    measure=measure,
                    quantity_ids=[q.id for q in members],
                    disagreement=_disagree(members, published, window_days=10_000),
                    subject_key=_event_label(event, places or {}),
                )
            )
    groups.sort(key=lambda g: g.id)
    return groups


def _event_label(event: Event, places: Mapping[str, Entity]) -> str:
    place = places.get(event.location_entity_id or "")
    parts = [event.type.replace("_", " "), place.name if place else "", event.date or ""]
    return " · ".join(p for p in parts if p)


def claim_groups_for_documents(docs: Iterable[Document], **options: object) -> list[ClaimGroup]:
    """Convenience over annotated documents: their quantities and publication dates."""
    docs = list(docs)
    quantities = [q for d in docs for q in d.quantities]
    published = {d.id: d.published for d in docs}
    return group_claims(quantities, published=published, **options)  # type: ignore[arg-type]


def calendar_time(q: Quantity) -> str | None:
    """The figure's TIMEX3 value when it names a calendar time (2018-05-14, 2018-W20), not PAST_REF."""
    return q.time if q.time and q.time[:4].isdigit() else None


def format_figure(q: Quantity) -> str:
    """ "≥140", "~250", "1500–4000", "52", "?" (unparsed)."""
    if not q.parsed:
        return f"? ({q.unparsed_reason})"

    def n(x: float | None) -> str:
        if x is None:
            return "?"
        return f"{int(x):,}" if float(x).is_integer() else f"{x:,.2f}"

    if q.qualifier == "range":
        return f"{n(q.min)}–{n(q.max)}"
    if q.qualifier == "at_least":
        return f"≥{n(q.min)}"
    if q.qualifier == "at_most":
        return f"≤{n(q.max)}"
    if q.qualifier == "approx":
        return f"~{n(q.value)}"
    if q.qualifier == "vague":
        return f"≥{n(q.min)} ({q.text})"
    if q.qualifier == "change":
        return f"→{n(q.value)}"
    return n(q.value)


def format_claim_groups(
    groups: Sequence[ClaimGroup],
    quantities: Mapping[str, Quantity],
    documents: Mapping[str, Document],
    subject: str | None = None,
    measure: str | None = None,
    sentence_width: int = 90,
) -> str:
    """Plain-text tables for ``rasd claims [--subject NAME] [--measure M]``.

    ``quantities`` maps quantity id → Quantity; ``documents`` maps document id → Document
    (only ``source``, ``published`` and ``text`` are read; the sentence is cut from the text
    by the quantity's sentence offsets). ``subject`` matches the group's subject key or any
    member's subject text after folding (substring); ``measure`` must be equal.
    """
    wanted = " ".join(normalize(subject).split()) if subject else None
    out: list[str] = []
    for g in groups:
        if measure and g.measure != measure:
            continue
        members = [quantities[i] for i in g.quantity_ids if i in quantities]
        if wanted:
            names = [g.subject_key or ""] + [normalize(q.subject_text or "") for q in members]
            if not any(wanted in name for name in names):
                continue
        flag = "DISAGREEMENT" if g.disagreement else "consistent"
        title = g.subject_key or g.subject_entity_id or "?"
        out.append(f"== {title} · {g.measure} · {len(members)} figures · {flag} [{g.id}]")
        rows = [("figure", "holder", "outlet", "date", "sentence")]
        for q in members:
            doc = documents.get(doc_id_of(q))
            sentence = ""
            if doc is not None and q.sentence_start is not None and q.sentence_end is not None:
                sentence = " ".join(doc.text[q.sentence_start : q.sentence_end].split())
            if len(sentence) > sentence_width:
                sentence = sentence[: sentence_width - 1] + "…"
            date = calendar_time(q) or (doc.published_iso if doc is not None else None) or "?"
            rows.append(
                (
                    format_figure(q),
                    q.holder_text or "?",
                    (doc.source if doc is not None else None) or "?",
                    date,
                    sentence,
                )
            )
        widths = [max(len(r[c]) for r in rows) for c in range(4)]
        for r in rows:
            out.append(" | ".join(r[c].ljust(widths[c]) for c in range(4)) + " | " + r[4])
        out.append("")
    return "\n".join(out) if out else "no claim groups match\n"
