"""Score the events stage and cross-document merging against benchmarks/gold/events.jsonl.

    PYTHONPATH=src .venv/bin/python scripts/eval_events.py --split dev [--errors]

Per document (before merging): a predicted event matches a gold event when their evidence
sentences overlap (one-to-one, largest overlap first). Reported: detection P/R/F1, ACLED
event type and sub-event type accuracy on matches, fatalities exact accuracy on matches
whose gold figure is known (a missing prediction counts as 0, ACLED's "none reported"),
location within 25 km on matches whose gold has coordinates, date exact on matches whose
gold has a day.

After merging (``merge_events`` over the split's documents, entities from
``resolve_corpus``): pairwise P/R/F1 over the gold evidence sentences: a pair is positive
when both sentences belong to one event; "cross-document" counts only pairs from two
different articles (what merging is for).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.api import default_stage_names, get_pipeline  # noqa: E402
from rasd.events.merge import merge_events  # noqa: E402
from rasd.events.stage import EventStage  # noqa: E402
from rasd.geo.gazetteer import haversine_km  # noqa: E402
from rasd.ingest import parse_date  # noqa: E402
from rasd.link.resolve import resolve_corpus  # noqa: E402
from rasd.model import Document, Event  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "benchmarks" / "gold" / "events.jsonl"

SpanKey = tuple[str, int, int]
# Splits whose errors are never printed. test was scored once at 3569d0e, blind2 at 2f5e6c6,
# blind3 at d1a1758; each was read and tuned on afterwards. blind4 is the held-out split.
HELD_OUT = ("blind4", "all")
SPLITS = ("dev", "test", "blind2", "blind3", "blind4", "all")


def load_gold(split: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split == "all" or r["split"] == split]


def _document(rec: dict[str, Any]) -> Document:
    return Document(
        id=rec["id"],
        text=rec["text"],
        title=rec.get("title"),
        source=rec.get("source"),
        published=parse_date(rec["published"]) if rec.get("published") else None,
    )


def load_documents(rows: list[dict[str, Any]], distractors: int = 0, seed: int = 7) -> list[Document]:
    """The gold documents, plus ``distractors`` other news articles (seeded sample) from the
    same files and months: merging must keep the gold events apart from the rest of a corpus."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        wanted[r["file"]].add(r["doc_id"])
    every_gold_id = {r["doc_id"] for r in load_gold("all")}  # a distractor is never a gold article
    docs = []
    pool: list[dict[str, Any]] = []
    for file, ids in sorted(wanted.items()):
        months = {i.rsplit("-", 1)[-1][:6] for i in ids}
        with gzip.open(DATA / file, "rt", encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec["id"] in ids:
                    docs.append(_document(rec))
                elif (
                    distractors
                    and rec["id"] not in every_gold_id
                    and rec.get("category") in ("middleEast", "internationalNews")
                    and str(rec.get("published", "")).replace("-", "")[:6] in months
                ):
                    pool.append(rec)
    if distractors:
        pool.sort(key=lambda r: r["id"])
        docs.extend(_document(r) for r in random.Random(seed).sample(pool, min(distractors, len(pool))))
    return sorted(docs, key=lambda d: d.id)


def _overlap(pred: Event, gold: dict[str, Any]) -> int:
    total = 0
    for s in pred.evidence:
        for gs, ge in gold["sentences"]:
            total += max(0, min(s.end, ge) - max(s.start, gs))
    return total


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(docs: list[Document], rows: list[dict[str, Any]], errors: bool) -> dict[str, Any]:
    gold_by_doc = {r["doc_id"]: r["events"] for r in rows}
    n_pred = n_gold = tp = 0
    type_ok = sub_ok = fat_n = fat_ok = loc_n = loc_ok = date_n = date_ok = 0
    for doc in docs:
        gold = gold_by_doc.get(doc.id, [])
        preds = list(doc.events)
        n_pred += len(preds)
        n_gold += len(gold)
        pairs = sorted(
            ((_overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(gold)),
            reverse=True,
        )
        used_p: set[int] = set()
        used_g: set[int] = set()
        for ov, i, j in pairs:
            if ov <= 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            tp += 1
            p, g = preds[i], gold[j]
            type_ok += p.acled_event_type == g["acled_event_type"]
            sub_ok += p.acled_sub_event_type == g["acled_sub_event_type"]
            if g.get("fatalities") is not None:
                fat_n += 1
                fat_ok += (p.fatalities or 0) == g["fatalities"]
            if g.get("date"):
                date_n += 1
                date_ok += p.date == g["date"]
            if g.get("lat") is not None:
                loc_n += 1
                loc_ok += (
                    p.lat is not None
                    and p.lon is not None
                    and (haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= 25.0)
                )
            if errors and (
                p.acled_sub_event_type != g["acled_sub_event_type"]
                or (p.fatalities or 0) != (g.get("fatalities") or 0)
            ):
                print(
                    f"MISMATCH {doc.id} {g['event']}: pred {p.type}/{p.acled_sub_event_type} "
                    f"fat={p.fatalities} lat={p.lat}; "
                    f"gold {g['acled_sub_event_type']} fat={g.get('fatalities')}"
                )
        if errors:
            for i, p in enumerate(preds):
                if i not in used_p:
                    first = p.evidence[0]
                    sample = doc.text[first.start : first.end][:120]
                    print(f"FP {doc.id} {p.type} {first.start}-{first.end}: {sample}")
            for j, g in enumerate(gold):
                if j not in used_g:
                    print(f"FN {doc.id} {g['event']} {g['sentences'][:2]}")
    det_p, det_r, det_f = prf(tp, n_pred, n_gold)
    return {
        "documents": len(docs),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "detection": {"P": det_p, "R": det_r, "F1": det_f},
        "acled_type_accuracy": type_ok / tp if tp else 0.0,
        "acled_sub_type_accuracy": sub_ok / tp if tp else 0.0,
        "fatalities_exact": {"n": fat_n, "accuracy": fat_ok / fat_n if fat_n else 0.0},
        "location_25km": {"n": loc_n, "accuracy": loc_ok / loc_n if loc_n else 0.0},
        "date_exact": {"n": date_n, "accuracy": date_ok / date_n if date_n else 0.0},
    }


def merge_score(merged: list[Event], rows: list[dict[str, Any]]) -> dict[str, Any]:
    items: set[SpanKey] = set()
    gold_pairs: set[frozenset[SpanKey]] = set()
    gold_events: dict[str, set[SpanKey]] = defaultdict(set)
    for r in rows:
        for e in r["events"]:
            for s, t in e["sentences"]:
                gold_events[e["event"]].add((r["doc_id"], s, t))
    for spans in gold_events.values():
        items |= spans
        gold_pairs |= {frozenset(p) for p in combinations(sorted(spans), 2)}
    pred_pairs: set[frozenset[SpanKey]] = set()
    for e in merged:
        kept = sorted({(s.doc_id, s.start, s.end) for s in e.evidence} & items)
        pred_pairs |= {frozenset(p) for p in combinations(kept, 2)}

    def cross(pairs: set[frozenset[SpanKey]]) -> set[frozenset[SpanKey]]:
        return {p for p in pairs if len({k[0] for k in p}) == 2}

    out: dict[str, Any] = {}
    for name, g, pr in (
        ("all_pairs", gold_pairs, pred_pairs),
        ("cross_document", cross(gold_pairs), cross(pred_pairs)),
    ):
        prec, rec, f1 = prf(len(g & pr), len(pr), len(g))
        out[name] = {"gold_pairs": len(g), "predicted_pairs": len(pr), "P": prec, "R": rec, "F1": f1}
    multi = {k for k, v in gold_events.items() if len({s[0] for s in v}) > 1}
    out["gold_multi_article_events"] = len(multi)
    out["merged_events"] = len(merged)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", choices=SPLITS)
    ap.add_argument("--errors", action="store_true", help="print mismatches (refused on held-out splits)")
    ap.add_argument(
        "--distractors", type=int, default=0, help="merge with this many other articles of the same months"
    )
    args = ap.parse_args()
    if args.errors and args.split in HELD_OUT:
        ap.error(f"--errors is refused on the held-out splits {HELD_OUT}")
    rows = load_gold(args.split)
    docs = load_documents(rows, args.distractors)
    missing = {r["doc_id"] for r in rows} - {d.id for d in docs}
    if missing:
        ap.error(f"gold documents not found in the data: {sorted(missing)}")
    # The default pipeline ends with the events stage: run the stages before it, then time it alone.
    pipeline = get_pipeline([n for n in default_stage_names() if n != "events"])
    stage = EventStage()
    docs = [pipeline(d) for d in docs]
    started = time.perf_counter()
    docs = [stage(d) for d in docs]
    stage_seconds = time.perf_counter() - started
    gold_ids = {r["doc_id"] for r in rows}
    result = score([d for d in docs if d.id in gold_ids], rows, args.errors)
    result["distractor_documents"] = len(docs) - len(gold_ids)
    result["distractor_events"] = sum(len(d.events) for d in docs if d.id not in gold_ids)
    entities = resolve_corpus(docs)
    mention_entity = {m.id: m.entity_id for d in docs for m in d.mentions}
    merged = merge_events(
        {d.id: d.events for d in docs},
        entities,
        {d.id: d.published for d in docs},
        mention_entity=mention_entity,
    )
    merge_seconds = time.perf_counter() - started - stage_seconds
    result["merging"] = merge_score(merged, rows)
    result["seconds"] = {
        "events_stage": round(stage_seconds, 3),
        "resolve_and_merge": round(merge_seconds, 3),
    }
    result["split"] = args.split
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
