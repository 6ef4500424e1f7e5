"""Measure recognition and normalisation against TimeML gold (TIMEX3 tags in .tml files).

The gold files carry no document creation time. Their relative expressions are
anchored on one date, inferred from the development half: every "اليوم" there
is valued 2015-12-24, so that is the default anchor for all files. With
``infer=True`` each document's anchor is inferred from its own text
(``rasd.time.anchor``), with that date as the corpus-level fallback; gold values are never read.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rasd.time.anchor import infer_anchor
from rasd.time.recognise import find_timexes

DEFAULT_ANCHOR = dt.date(2015, 12, 24)
_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class GoldDocument:
    name: str
    text: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> GoldDocument:
    """Plain text of a TimeML file and its TIMEX3 spans at offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    body_match = re.search(r"<TimeML[^>]*>(.*)</TimeML>", raw, re.S)
    body = body_match.group(1) if body_match else raw
    out: list[str] = []
    length = 0
    open_tag: tuple[int, dict[str, str]] | None = None
    gold: list[GoldTimex] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tag = (length, dict(_ATTR.findall(m.group(3))))
        elif open_tag is not None:
            start, attrs = open_tag
            gold.append(
                GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod"))
            )
            open_tag = None
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start : g.end]
    return GoldDocument(path.stem, text, gold)


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0  # gold expressions overlapped by a system expression
    relaxed_system: int = 0  # system expressions overlapping a gold expression
    value_correct: int = 0  # among relaxed matches, same TIMEX3 value
    strict_value_correct: int = 0  # among exact-span matches, same TIMEX3 value
    type_correct: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "gold",
            "system",
            "strict",
            "relaxed_gold",
            "relaxed_system",
            "value_correct",
            "strict_value_correct",
            "type_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, label: str) -> str:
        sp = self.strict / self.system if self.system else 0.0
        sr = self.strict / self.gold if self.gold else 0.0
        rp = self.relaxed_system / self.system if self.system else 0.0
        rr = self.relaxed_gold / self.gold if self.gold else 0.0
        va = self.value_correct / self.relaxed_gold if self.relaxed_gold else 0.0
        sva = self.strict_value_correct / self.strict if self.strict else 0.0
        ta = self.type_correct / self.relaxed_gold if self.relaxed_gold else 0.0
        e2e = self.value_correct / self.gold if self.gold else 0.0
        return (
            f"| {label} | {self.gold} | {self.system} | {sp:.3f} | {sr:.3f} | {self._f1(sp, sr):.3f} "
            f"| {rp:.3f} | {rr:.3f} | {self._f1(rp, rr):.3f} "
            f"| {va:.3f} ({self.value_correct}/{self.relaxed_gold}) "
            f"| {sva:.3f} ({self.strict_value_correct}/{self.strict}) "
            f"| {ta:.3f} | {e2e:.3f} |"
        )


@dataclass(slots=True)
class TimemlReport:
    """Figures per split; ``format()`` renders a Markdown table."""

    anchor: dt.date
    splits: dict[str, Counts]
    documents: dict[str, list[str]]
    inferred: dict[str, str] = field(default_factory=dict)  # document -> "source value" when inferred

    def format(self, show_errors: Iterable[str] = ()) -> str:
        """Markdown table; ``show_errors`` names the splits whose error lists to append."""
        lines = [f"Anchor (publication date) for relative expressions: {self.anchor.isoformat()}"]
        if self.inferred:
            moved = {k: v for k, v in self.inferred.items() if not v.endswith(self.anchor.isoformat())}
            lines.append(
                f"Anchors inferred from the text: {len(self.inferred)} documents, "
                f"{len(moved)} moved off the default ("
                + ", ".join(f"{k}: {v}" for k, v in moved.items())
                + ")"
            )
        lines += [
            "",
            "| split | gold | system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
            "| value acc. (relaxed) | value acc. (strict) | type acc. | value correct / gold |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for label, counts in self.splits.items():
            lines.append(counts.row(f"{label} ({len(self.documents[label])} docs)"))
        for label in show_errors:
            lines.append(f"\n## errors: {label}")
            lines.extend(self.splits[label].errors)
        return "\n".join(lines)


def document_anchor(doc: GoldDocument, default: dt.date, infer: bool) -> tuple[dt.date, str | None]:
    """The anchor to score ``doc`` with, and a note when its text chose it (never the gold)."""
    if not infer:
        return default, None
    guess = infer_anchor(doc.text, default)
    value = guess.value or default
    return value, (f"{guess.source} {value.isoformat()}" if guess.inferred else None)


def score_document(doc: GoldDocument, anchor: dt.date) -> Counts:
    system = find_timexes(doc.text, anchor, doc.name)
    counts = Counts(gold=len(doc.timexes), system=len(system))
    gold_spans = {(g.start, g.end) for g in doc.timexes}
    counts.strict = sum(1 for s in system if (s.start, s.end) in gold_spans)
    overlapping_system: set[int] = set()
    for g in doc.timexes:
        hits = [s for s in system if s.start < g.end and g.start < s.end]
        if not hits:
            counts.errors.append(f"- {doc.name} MISSED {g.text!r} gold={g.value}")
            continue
        counts.relaxed_gold += 1
        best = max(hits, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
        overlapping_system.update(id(s) for s in hits)
        if best.value == g.value:
            counts.value_correct += 1
        else:
            counts.errors.append(
                f"- {doc.name} VALUE {g.text!r} gold={g.value} system={best.text!r}={best.value}"
            )
        counts.type_correct += best.type == g.type
        if (best.start, best.end) == (g.start, g.end) and best.value == g.value:
            counts.strict_value_correct += 1
    counts.relaxed_system = len(overlapping_system)
    for s in system:
        if id(s) not in overlapping_system:
            counts.errors.append(f"- {doc.name} SPURIOUS {s.text!r}={s.value}")
    return counts


def _doc_number(path: Path) -> int:
    digits = re.sub(r"\D", "", path.stem)
    return int(digits) if digits else 0


def evaluate_timeml(
    corpus_dir: Path,
    anchor: dt.date = DEFAULT_ANCHOR,
    dev_last: int = 25,
    infer: bool = False,
    splits_to_run: Iterable[str] = ("dev", "test"),
) -> TimemlReport:
    """Score ``corpus_dir/*.tml``: documents numbered up to ``dev_last`` form the development
    split (rules were tuned on it), the rest the test split (never tuned on). ``infer`` infers
    each document's anchor from its text with ``anchor`` as the fallback; ``splits_to_run``
    leaves a split out entirely (so tuning runs need not even compute the test figures)."""
    wanted = set(splits_to_run)
    files = sorted(Path(corpus_dir).glob("*.tml"), key=_doc_number)
    if not files:
        raise FileNotFoundError(f"no .tml files in {corpus_dir}")
    splits = {"dev": Counts(), "test": Counts(), "all": Counts()}
    documents: dict[str, list[str]] = {"dev": [], "test": [], "all": []}
    inferred: dict[str, str] = {}
    for path in files:
        label = "dev" if _doc_number(path) <= dev_last else "test"
        if label not in wanted:
            continue
        doc = read_tml(path)
        doc_anchor, note = document_anchor(doc, anchor, infer)
        if note:
            inferred[doc.name] = note
        counts = score_document(doc, doc_anchor)
        splits[label].add(counts)
        documents[label].append(path.stem)
        documents["all"].append(path.stem)
    for label in ("dev", "test"):
        splits["all"].add(splits[label])
    kept = {k: v for k, v in splits.items() if k in wanted or (k == "all" and wanted >= {"dev", "test"})}
    return TimemlReport(anchor, kept, documents, inferred)


def iter_gold(corpus_dir: Path) -> Iterable[GoldDocument]:
    for path in sorted(Path(corpus_dir).glob("*.tml"), key=_doc_number):
        yield read_tml(path)
