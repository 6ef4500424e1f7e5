"""Score quotes against the gold set (benchmarks/gold/quotes.jsonl).

A predicted quote matches a gold quote when their overlap is at least half of the longer of
the two spans; matching is one-to-one, largest overlap first. On matched pairs we score the
direct/indirect flag and the speaker: the predicted speaker text is right when, folded, it
equals one of the gold's acceptable names or contains one as whole words ("وزير الخارجية
الأميركي مايك بومبيو" contains "مايك بومبيو").
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.model import Document, Quote
from rasd.paths import REPO_ROOT, shared_data_dir
from rasd.text.normalise import normalize

DEFAULT_GOLD = REPO_ROOT / "benchmarks" / "gold" / "quotes.jsonl"
DEFAULT_NEWS = shared_data_dir() / "news"
MIN_OVERLAP = 0.5


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    direct: bool
    cue: str | None
    speaker: list[str]


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    direct_right: int = 0
    speaker_gold: int = 0  # matched pairs whose gold names a speaker
    speaker_right: int = 0
    speaker_right_marks_kept: int = 0  # the same under the scoring rule before round 3
    documents: int = 0
    seconds_quotes: float = 0.0
    seconds_pipeline: float = 0.0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "direct_accuracy": round(self.direct_right / self.matched, 3) if self.matched else None,
            "speaker_accuracy": round(self.speaker_right / self.speaker_gold, 3)
            if self.speaker_gold
            else None,
            "speaker_right": self.speaker_right,
            "speaker_scored": self.speaker_gold,
            "speaker_right_marks_kept": self.speaker_right_marks_kept,
            "quotes_stage_docs_per_second": round(self.documents / self.seconds_quotes, 1)
            if self.seconds_quotes
            else None,
            "pipeline_docs_per_second": round(self.documents / self.seconds_pipeline, 2)
            if self.seconds_pipeline
            else None,
        }


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / max(a[1] - a[0], b[1] - b[0])


def match(gold: Sequence[GoldQuote], pred: Sequence[Quote]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), largest overlap first."""
    pairs = sorted(
        (
            (overlap((g.start, g.end), (p.start, p.end)), gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(pred)
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for ov, gi, pi in pairs:
        if ov < MIN_OVERLAP:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


_NOT_WORDS = str.maketrans({c: " " for c in '،,"«»“”‘’„'})
_COMMAS_ONLY = str.maketrans({c: " " for c in "،,"})


def _words(s: str, marks_are_words: bool = False) -> list[str]:
    """Folded words; commas and quotation marks are not part of a name (جماعة "ولاية سيناء").
    ``marks_are_words``: the rule before round 3, which kept marks glued to the words."""
    words = normalize(s).translate(_COMMAS_ONLY if marks_are_words else _NOT_WORDS).split()
    return [w[1:] if w[:1] in "لو" and len(w) > 3 and w[1:2] == "ا" else w for w in words]


def speaker_right(predicted: str | None, acceptable: Sequence[str], marks_are_words: bool = False) -> bool:
    if not predicted:
        return False
    pw = _words(predicted, marks_are_words)
    for name in acceptable:
        nw = _words(name, marks_are_words)
        if not nw:
            continue
        if any(pw[i : i + len(nw)] == nw for i in range(len(pw) - len(nw) + 1)):
            return True
    return False


def load_gold(path: Path, split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def load_articles(news: Path, wanted: Iterable[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    by_file: dict[str, set[str]] = {}
    for file, doc_id in wanted:
        by_file.setdefault(file, set()).add(doc_id)
    out: dict[str, dict[str, Any]] = {}
    for file, ids in by_file.items():
        with gzip.open(news / f"{file}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art["id"] in ids:
                    out[art["id"]] = art
    return out


class Upstream:
    """text, ner and link on one article; with ``cache`` (a directory) the analysed document is
    pickled per article, so that re-running the quote rules while tuning compares them on the same
    upstream output and does not re-run NER. The key is the article id and text only: delete the
    directory when text/ner/link change. Benchmark figures are run without the cache."""

    def __init__(self, cache: Path | None = None) -> None:
        from rasd.pipeline import Pipeline

        self.pipeline = Pipeline.from_names(["text", "ner", "link"])
        self.cache = cache

    def __call__(self, art: dict[str, Any]) -> Document:
        import hashlib
        import pickle

        def fresh() -> Document:
            return self.pipeline(Document(id=art["id"], text=art["text"], source=art.get("source")))

        if self.cache is None:
            return fresh()
        key = hashlib.sha1(f"{art['id']}:{art['text']}".encode()).hexdigest()
        path = self.cache / f"{key}.pickle"
        if path.exists():
            doc: Document = pickle.loads(path.read_bytes())
            return doc
        doc = fresh()
        self.cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(doc))
        return doc


def evaluate(
    split: str,
    gold_path: Path = DEFAULT_GOLD,
    news: Path = DEFAULT_NEWS,
    errors: bool = False,
    cache: Path | None = None,
) -> Scores:
    """Run text, ner, link and quotes on the gold articles and score the quotes."""
    from rasd.quotes.stage import QuoteStage

    rows = load_gold(gold_path, split)
    arts = load_articles(news, ((r["file"], r["doc_id"]) for r in rows))
    upstream = Upstream(cache)
    stage = QuoteStage()
    scores = Scores()
    for row in rows:
        art = arts[row["doc_id"]]
        t0 = time.perf_counter()
        doc = upstream(art)
        t1 = time.perf_counter()
        stage(doc)
        t2 = time.perf_counter()
        scores.seconds_pipeline += t2 - t0
        scores.seconds_quotes += t2 - t1
        scores.documents += 1
        gold = [
            GoldQuote(q["start"], q["end"], q["direct"], q.get("cue"), q.get("speaker") or [])
            for q in row["quotes"]
        ]
        pred = doc.quotes
        pairs = match(gold, pred)
        scores.gold += len(gold)
        scores.predicted += len(pred)
        scores.matched += len(pairs)
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            scores.direct_right += g.direct == p.direct
            if g.speaker:
                scores.speaker_gold += 1
                ok = speaker_right(p.speaker_text, g.speaker)
                scores.speaker_right += ok
                scores.speaker_right_marks_kept += speaker_right(p.speaker_text, g.speaker, True)
                if errors and not ok:
                    scores.errors.append(
                        f"{doc.id} SPEAKER {p.speaker_text!r} gold {g.speaker} | {p.text[:60]}"
                    )
            if errors and g.direct != p.direct:
                scores.errors.append(f"{doc.id} DIRECT pred={p.direct} | {p.text[:60]}")
        if errors:
            mg = {gi for gi, _ in pairs}
            mp = {pi for _, pi in pairs}
            for gi, g in enumerate(gold):
                if gi not in mg:
                    scores.errors.append(
                        f"{doc.id} MISSED {g.cue} {g.speaker[:1]} | {doc.text[g.start : g.end][:80]}"
                    )
            for pi, p in enumerate(pred):
                if pi not in mp:
                    scores.errors.append(f"{doc.id} SPURIOUS {p.cue} {p.speaker_text} | {p.text[:80]}")
    return scores


def speed(news: Path, limit: int) -> dict[str, float | int]:
    """Throughput of the quote stage alone (text, ner and link run first, untimed) on the first
    ``limit`` articles of the multisource file."""
    from rasd.pipeline import Pipeline
    from rasd.quotes.stage import QuoteStage

    upstream = Pipeline.from_names(["text", "ner", "link"])
    stage = QuoteStage()
    docs = chars = found = 0
    seconds = upstream_seconds = 0.0
    with gzip.open(news / "ant_v2.1_multisource.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            art = json.loads(line)
            t0 = time.perf_counter()
            doc = upstream(Document(id=art["id"], text=art["text"]))
            t1 = time.perf_counter()
            stage(doc)
            t2 = time.perf_counter()
            upstream_seconds += t1 - t0
            seconds += t2 - t1
            docs, chars, found = docs + 1, chars + len(art["text"]), found + len(doc.quotes)
            if docs == limit:
                break
    return {
        "documents": docs,
        "characters": chars,
        "quotes": found,
        "quotes_stage_seconds": round(seconds, 2),
        "quotes_stage_docs_per_second": round(docs / seconds, 1) if seconds else 0.0,
        "quotes_stage_chars_per_second": round(chars / seconds) if seconds else 0,
        "text_ner_link_seconds": round(upstream_seconds, 2),
    }


OPEN_FILES = ("ant_v1.1_jawharafm", "ant_v2.1_multisource")


def open_articles(
    news: Path, per_file: int, seed: int, gold_path: Path = DEFAULT_GOLD
) -> list[dict[str, Any]]:
    """A seeded sample of unlabelled articles per news file, for judging precision on open text
    rather than on the gold selection's politics articles. Articles are ranked by a hash of (seed,
    id) and every article of the gold file (any split, the held-out one included) is skipped, so
    the sample stays the same when the gold file grows, except for the articles it takes."""
    import hashlib

    taken = {r["doc_id"] for r in load_gold(gold_path, "all")} if gold_path.exists() else set()
    out: list[dict[str, Any]] = []
    for file in OPEN_FILES:
        pool: list[tuple[str, dict[str, Any]]] = []
        with gzip.open(news / f"{file}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art["id"] not in taken and 300 <= len(art["text"]) <= 5000:
                    art["file"] = file
                    pool.append((hashlib.sha1(f"{seed}:{art['id']}".encode()).hexdigest(), art))
        pool.sort(key=lambda item: item[0])
        out.extend(art for _, art in pool[:per_file])
    return out


def open_sample(
    news: Path = DEFAULT_NEWS,
    per_file: int = 150,
    seed: int = 21,
    show: int = 60,
    gold: Path = DEFAULT_GOLD,
    cache: Path | None = None,
) -> tuple[dict[str, int], list[str]]:
    """Run text, ner, link and quotes on unlabelled articles and print ``show`` predicted quotes,
    each with its sentence and the one before, for a human to judge. The quotes shown are those
    whose (seed, document, start) hash lowest: a random draw that stays the same quote for quote
    when a rule change adds or drops others, so before/after judgements compare."""
    import hashlib

    from rasd.quotes.stage import QuoteStage

    upstream = Upstream(cache)
    stage = QuoteStage()
    found: list[tuple[Document, Quote]] = []
    arts = open_articles(news, per_file, seed, gold)
    for art in arts:
        doc = stage(upstream(art))
        found.extend((doc, q) for q in doc.quotes)

    def rank(item: tuple[Document, Quote]) -> str:
        return hashlib.sha1(f"{seed}:{item[0].id}:{item[1].start}".encode()).hexdigest()

    picked = sorted(found, key=rank)[:show]
    lines = []
    for n, (doc, q) in enumerate(picked, 1):
        sent = doc.sentence_at(q.start)
        s0 = sent.start if sent else q.start
        prev = doc.sentence_at(s0 - 2) if s0 >= 2 else None
        ctx_start = prev.start if prev else s0
        ctx_end = max(q.end, sent.end if sent else q.end)
        ctx = doc.text[ctx_start : q.start] + "[[" + q.text + "]]" + doc.text[q.end : ctx_end]
        lines.append(
            f"#{n} {doc.id} direct={q.direct} cue={q.cue!r} speaker={q.speaker_text!r}\n"
            f"    {ctx.replace(chr(10), ' / ')[-700:]}"
        )
    summary = {"articles": len(arts), "quotes": len(found), "shown": len(picked), **_speaker_classes(found)}
    return summary, lines


def _speaker_classes(found: Sequence[tuple[Document, Quote]]) -> dict[str, int]:
    """Counts of the speaker shapes that round 2 targets, over every predicted quote: none, a bare
    definite common noun with no mention ("الشركة"), a document ("بيان ..."), a one-word quoted name."""
    from rasd.quotes.attribute import statement_head

    counts = {"no_speaker": 0, "bare_definite_speaker": 0, "statement_speaker": 0, "short_direct": 0}
    for _doc, q in found:
        words = normalize(q.speaker_text or "").split()
        if not words:
            counts["no_speaker"] += 1
        elif len(words) == 1 and words[0].startswith("ال") and q.speaker_mention_id is None:
            counts["bare_definite_speaker"] += 1
        if words and statement_head(words[0]):
            counts["statement_speaker"] += 1
        if q.direct and len(q.text.split()) <= 2:
            counts["short_direct"] += 1
    return counts
