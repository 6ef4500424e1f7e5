"""Score the quantity stage against the gold set (``benchmarks/gold/quantities.jsonl``).

The gold refers to articles in ``../shared/data/news`` by id and character offsets; the
article text is read from there at evaluation time and never stored in the repository.

A predicted quantity is paired with a gold one when their spans overlap (one-to-one, in
text order). Value+measure is correct when value, min and max all agree (relative
tolerance 1e-6) and the measure is the same; precision is over all predictions in the
annotated articles, recall over all gold quantities. Subject and holder accuracy are over
the paired quantities: a name matches when one contains the other after folding, the
shorter keeping at least half of the longer's words (so "المرصد" does not match
"المرصد السوري لحقوق الإنسان" but "رامي عبد الرحمن" matches "مدير المرصد رامي عبد الرحمن").
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rasd.model import Document, Quantity
from rasd.paths import shared_data_dir
from rasd.text.normalise import normalize

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "benchmarks" / "gold" / "quantities.jsonl"
DEFAULT_NEWS = shared_data_dir() / "news"

_PUNCT = re.compile(r"[\W_]+", re.UNICODE)


def fold_name(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", normalize(text)).split())


def names_match(predicted: str | None, gold: Sequence[str] | None) -> bool:
    """Lenient name match (see module docstring); None matches only an empty gold."""
    if not gold:
        return not predicted
    if not predicted:
        return False
    p = fold_name(predicted)
    if not p:
        return False
    for g in gold:
        f = fold_name(g)
        if not f:
            continue
        shorter, longer = (p, f) if len(p) <= len(f) else (f, p)
        if shorter in longer and len(shorter.split()) * 2 >= len(longer.split()):
            return True
        if f in p:  # the prediction names the gold holder plus a title: still the same holder
            return True
    return False


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_matches(pred: Quantity, gold: dict[str, Any]) -> bool:
    return (
        _close(pred.value, gold["value"]) and _close(pred.min, gold["min"]) and _close(pred.max, gold["max"])
    )


@dataclass
class Scores:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    paired: int = 0
    value_measure_correct: int = 0
    value_correct: int = 0
    measure_correct: int = 0
    subject_correct: int = 0
    holder_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def summary(self) -> dict[str, float | int]:
        p = self._ratio(self.value_measure_correct, self.predicted)
        r = self._ratio(self.value_measure_correct, self.gold)
        sp = self._ratio(self.paired, self.predicted)
        sr = self._ratio(self.paired, self.gold)
        return {
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "span_precision": round(sp, 4),
            "span_recall": round(sr, 4),
            "span_f1": round(2 * sp * sr / (sp + sr), 4) if sp + sr else 0.0,
            "value_measure_precision": round(p, 4),
            "value_measure_recall": round(r, 4),
            "value_measure_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "value_accuracy_paired": round(self._ratio(self.value_correct, self.paired), 4),
            "measure_accuracy_paired": round(self._ratio(self.measure_correct, self.paired), 4),
            "subject_accuracy_paired": round(self._ratio(self.subject_correct, self.paired), 4),
            "holder_accuracy_paired": round(self._ratio(self.holder_correct, self.paired), 4),
        }


def load_gold(
    path: Path = DEFAULT_GOLD, split: str | None = None, batch: str | None = None
) -> list[dict[str, Any]]:
    """Gold rows of one split (``all``/None: every split), optionally of one annotation batch."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if split in (None, "all", r["split"])]
    if batch is not None:
        rows = [r for r in rows if r.get("batch", "") == batch]
    return rows


def load_articles(ids: Iterable[str], news_dir: Path = DEFAULT_NEWS) -> dict[str, Document]:
    """The gold articles as Documents (text, source, publication date) from the shared data."""
    wanted = set(ids)
    docs: dict[str, Document] = {}
    for path in sorted(news_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                if not any(i in line[:200] for i in wanted - docs.keys()):
                    continue
                art = json.loads(line)
                if art["id"] in wanted:
                    published = dt.date.fromisoformat(art["published"]) if art.get("published") else None
                    docs[art["id"]] = Document(
                        id=art["id"],
                        text=art["text"],
                        title=art.get("title"),
                        source=art.get("source"),
                        url=art.get("url"),
                        published=published,
                    )
        if len(docs) == len(wanted):
            break
    return docs


def score(gold_rows: Sequence[dict[str, Any]], docs: dict[str, Document]) -> Scores:
    """Score already-annotated documents (``doc.quantities`` filled) against gold rows."""
    s = Scores()
    for row in gold_rows:
        doc = docs[row["doc_id"]]
        s.documents += 1
        preds = sorted(doc.quantities, key=lambda q: q.start)
        golds = sorted(row["quantities"], key=lambda g: g["start"])
        s.gold += len(golds)
        s.predicted += len(preds)
        used: set[int] = set()
        for g in golds:
            match = next(
                (
                    k
                    for k, q in enumerate(preds)
                    if k not in used and q.start < g["end"] and g["start"] < q.end
                ),
                None,
            )
            if match is None:
                s.errors.append({"doc": doc.id, "kind": "missed", "gold": g})
                continue
            used.add(match)
            q = preds[match]
            s.paired += 1
            v_ok, m_ok = value_matches(q, g), q.measure == g["measure"]
            s.value_correct += v_ok
            s.measure_correct += m_ok
            s.value_measure_correct += v_ok and m_ok
            subj_ok = names_match(q.subject_text, g["subject"])
            hold_ok = names_match(q.holder_text, g["holder"])
            s.subject_correct += subj_ok
            s.holder_correct += hold_ok
            if not (v_ok and m_ok and subj_ok and hold_ok):
                s.errors.append(
                    {
                        "doc": doc.id,
                        "kind": "wrong",
                        "gold": g,
                        "pred": _brief(q),
                        "bad": [
                            n
                            for n, ok in (
                                ("value", v_ok),
                                ("measure", m_ok),
                                ("subject", subj_ok),
                                ("holder", hold_ok),
                            )
                            if not ok
                        ],
                    }
                )
        for k, q in enumerate(preds):
            if k not in used:
                s.errors.append({"doc": doc.id, "kind": "spurious", "pred": _brief(q)})
    return s


def _brief(q: Quantity) -> dict[str, Any]:
    d = asdict(q)
    return {
        k: d[k]
        for k in (
            "start",
            "end",
            "text",
            "value",
            "min",
            "max",
            "qualifier",
            "measure",
            "unit",
            "subject_text",
            "holder_text",
        )
    }


def evaluate(
    split: str = "test",
    gold_path: Path = DEFAULT_GOLD,
    news_dir: Path = DEFAULT_NEWS,
    stages: Sequence[str] = ("quantity",),
    annotate: Callable[[Document], Document] | None = None,
    batch: str | None = None,
) -> Scores:
    """Run the stages over the gold articles of ``split`` (and ``batch``, when given) and score them."""
    rows = load_gold(gold_path, split, batch)
    docs = load_articles([r["doc_id"] for r in rows], news_dir)
    if annotate is None:
        from rasd.pipeline import Pipeline, create_stage

        names = list(stages)
        pipeline = Pipeline([create_stage(n) for n in names])
        annotate = pipeline
    for doc_id in list(docs):
        docs[doc_id] = annotate(docs[doc_id])
    return score(rows, docs)
