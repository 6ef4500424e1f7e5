"""Score cross-document clustering and geocoding against ``benchmarks/gold/entities.jsonl``.

The gold file refers to articles in the shared news data by id and character
offsets (the articles are never copied). Clustering is scored on the gold mention
spans, so the figure measures linking alone, not NER: every gold span becomes a
Mention with its gold type, and :func:`resolve_corpus` clusters them.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from rasd.geo.geocode import haversine_km
from rasd.link.resolve import resolve_corpus
from rasd.model import Document, Entity, Mention, sha256_text

GEO_TOLERANCE_KM = 25.0


@dataclass
class Gold:
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    clusters: dict[str, dict[str, Any]] = field(default_factory=dict)
    mentions: list[dict[str, Any]] = field(default_factory=list)


def read_gold(path: Path | str) -> Gold:
    gold = Gold()
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        kind = rec.get("kind")
        if kind == "document":
            gold.documents[rec["doc_id"]] = rec
        elif kind == "cluster":
            gold.clusters[rec["cluster"]] = rec
        elif kind == "mention":
            gold.mentions.append(rec)
    return gold


def read_articles(data_dir: Path | str, wanted: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The gold's articles from the shared data folder, checked against their sha256."""
    out: dict[str, dict[str, Any]] = {}
    files = sorted({rec["file"] for rec in wanted.values()})
    for name in files:
        with gzip.open(Path(data_dir) / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("id") in wanted and rec["id"] not in out:
                    out[rec["id"]] = rec
    for doc_id, meta in wanted.items():
        if doc_id not in out:
            raise ValueError(f"gold article {doc_id} not found in {data_dir}")
        if sha256_text(out[doc_id]["text"]) != meta["sha256"]:
            raise ValueError(f"gold article {doc_id} changed (sha256 mismatch); offsets would be wrong")
    return out


def gold_documents(gold: Gold, articles: dict[str, dict[str, Any]], split: str) -> list[Document]:
    docs: dict[str, Document] = {}
    for i, m in enumerate(sorted(gold.mentions, key=lambda r: (r["doc_id"], r["start"]))):
        if m["split"] != split:
            continue
        art = articles[m["doc_id"]]
        doc = docs.get(m["doc_id"])
        if doc is None:
            doc = docs[m["doc_id"]] = Document(
                id=art["id"], text=art["text"], title=art.get("title"), source=art.get("source")
            )
        doc.mentions.append(
            Mention(
                id=f"g{i}",
                start=m["start"],
                end=m["end"],
                text=art["text"][m["start"] : m["end"]],
                type=m["type"],
            )
        )
    return [docs[k] for k in sorted(docs)]


def pairwise(
    gold_labels: list[str], pred_labels: list[str], keep: Iterable[tuple[int, int]]
) -> dict[str, float]:
    tp = fp = fn = 0
    for i, j in keep:
        same_gold = gold_labels[i] == gold_labels[j]
        same_pred = pred_labels[i] == pred_labels[j]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def evaluate(gold: Gold, articles: dict[str, dict[str, Any]], split: str) -> dict[str, Any]:
    docs = gold_documents(gold, articles, split)
    entities = {e.id: e for e in resolve_corpus(docs)}
    by_span = {
        (m["doc_id"], m["start"], m["end"]): m["cluster"] for m in gold.mentions if m["split"] == split
    }
    rows: list[tuple[str, Mention, str]] = []
    for doc in docs:
        for men in doc.mentions:
            rows.append((doc.id, men, by_span[(doc.id, men.start, men.end)]))
    gold_labels = [r[2] for r in rows]
    pred_labels = [r[1].entity_id or f"none{i}" for i, r in enumerate(rows)]
    n = len(rows)
    all_pairs = list(combinations(range(n), 2))
    cross = [(i, j) for i, j in all_pairs if rows[i][0] != rows[j][0]]
    # Geocoding: every gold mention of a place with gold coordinates.
    geo_total = geo_ok = 0
    geo_by_source: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[str] = []
    for doc_id, men, cluster in rows:
        g = gold.clusters.get(cluster, {})
        if g.get("lat") is None:
            continue
        geo_total += 1
        ent: Entity | None = entities.get(men.entity_id or "")
        ok = (
            ent is not None
            and ent.lat is not None
            and ent.lon is not None
            and haversine_km(g["lat"], g["lon"], ent.lat, ent.lon) <= GEO_TOLERANCE_KM
        )
        geo_ok += ok
        source = "none"
        if ent is not None and ent.lat is not None:
            source = "geonames" if (ent.kb_id or "").startswith("geonames:") else "curated"
        geo_by_source[source]["ok" if ok else "wrong"] += 1
        if not ok:
            misses.append(f"{doc_id}:{men.start}-{men.end} {cluster} -> {ent.name_en if ent else None}")
    wrong_merges: Counter[tuple[str, ...]] = Counter()
    for i, j in all_pairs:
        if pred_labels[i] == pred_labels[j] and gold_labels[i] != gold_labels[j]:
            wrong_merges[tuple(sorted((gold_labels[i], gold_labels[j])))] += 1
    split_groups: dict[str, set[str]] = defaultdict(set)
    for gold_label, pred_label in zip(gold_labels, pred_labels, strict=True):
        split_groups[gold_label].add(pred_label)
    return {
        "split": split,
        "documents": len(docs),
        "mentions": n,
        "gold_clusters": len(set(gold_labels)),
        "predicted_entities": len(set(pred_labels)),
        "pairwise_all": pairwise(gold_labels, pred_labels, all_pairs),
        "pairwise_cross_document": pairwise(gold_labels, pred_labels, cross),
        "geocoding": {
            "mentions": geo_total,
            "within_25km": geo_ok,
            "accuracy": geo_ok / geo_total if geo_total else None,
            "by_source": {k: dict(v) for k, v in sorted(geo_by_source.items())},
            "misses": misses,
        },
        "wrong_merges": [f"{' + '.join(pair)}: {c} pairs" for pair, c in wrong_merges.most_common(10)],
        "split_clusters": sorted(f"{g}: {len(ps)} entities" for g, ps in split_groups.items() if len(ps) > 1),
    }
