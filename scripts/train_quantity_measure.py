"""Experiment: can a small learned classifier correct the rules' measure of a figure?

Features of each figure are the rules' own measure, the counted noun and the event cues
and words in a window around the number; the label is the gold measure of the paired gold
figure. The classifier (multinomial logistic regression, plain Python, no dependency) is
cross-validated *by dev batch*: trained on all other batches, scored on the held one, and
compared with the rules on the same figures. Blind splits are never read. The
``dev-seed31-final`` and ``dev-seed41-r4-check`` check batches are left out (held-back checks).

    PYTHONPATH=src .venv/bin/python scripts/train_quantity_measure.py

It prints per-batch accuracy of the rules and of rules+classifier; a model would be shipped
only if it beat the rules on batches it was not trained on.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from collections import Counter, defaultdict
from pathlib import Path

from rasd.model import Document
from rasd.quantity.evaluate import DEFAULT_GOLD, DEFAULT_NEWS, load_articles
from rasd.quantity.measures import cue_measure
from rasd.quantity.numbers import scan
from rasd.quantity.stage import QuantityStage

HELD_BACK = {"dev-seed31-final", "dev-seed41-r4-check"}  # check batches: never trained on


def features(text: str, start: int, end: int, rule: str, unit: str | None) -> list[str]:
    sc = scan(text)
    idx = [i for i, t in enumerate(sc.toks) if t.end > start and t.start < end]
    if not idx:
        return [f"rule={rule}"]
    a, b = idx[0], idx[-1] + 1
    feats = [f"rule={rule}", f"unit={sc.word(b) if unit is None else unit}"]
    near_before = near_after = None
    for k in range(a - 1, max(-1, a - 9), -1):
        w = sc.word(k)
        if w in (".", "؟", "!"):
            break
        feats.append(f"b:{w}")
        cue = cue_measure(sc, k)
        if cue:
            feats.append(f"bcue:{cue}")
            near_before = near_before or cue
    for k in range(b, min(len(sc.toks), b + 7)):
        w = sc.word(k)
        if w in (".", "؟", "!"):
            break
        feats.append(f"a:{w}")
        cue = cue_measure(sc, k)
        if cue:
            feats.append(f"acue:{cue}")
            near_after = near_after or cue
    feats.append(f"nb={near_before}")
    feats.append(f"na={near_after}")
    feats.append(f"rule_nb={rule}|{near_before}")
    return feats


def train(data: list[tuple[list[str], str]], epochs: int = 30, lr: float = 0.2, l2: float = 1e-3):
    labels = sorted({y for _, y in data})
    w: dict[str, dict[str, float]] = {y: defaultdict(float) for y in labels}
    rng = random.Random(0)
    items = list(data)
    for _ in range(epochs):
        rng.shuffle(items)
        for x, y in items:
            scores = {c: sum(w[c][f] for f in x) for c in labels}
            mx = max(scores.values())
            z = sum(math.exp(s - mx) for s in scores.values())
            for c in labels:
                p = math.exp(scores[c] - mx) / z
                g = p - (1.0 if c == y else 0.0)
                for f in x:
                    w[c][f] -= lr * (g + l2 * w[c][f])
    return w


def predict(w, x: list[str]) -> str:
    return max(w, key=lambda c: sum(w[c].get(f, 0.0) for f in x))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["split"] == "dev" and r.get("batch", "") not in HELD_BACK]
    articles = load_articles([r["doc_id"] for r in rows], args.news)
    stage = QuantityStage()
    by_batch: dict[str, list[tuple[list[str], str, str]]] = defaultdict(list)
    for r in rows:
        text = articles[r["doc_id"]].text
        doc = stage(Document(id=r["doc_id"], text=text, source=r["source"]))
        used: set[str] = set()
        for g in r["quantities"]:
            pred = next(
                (q for q in doc.quantities if q.id not in used and q.start < g["end"] and g["start"] < q.end),
                None,
            )
            if pred is None:
                continue
            used.add(pred.id)
            feats = features(text, pred.start, pred.end, pred.measure, pred.unit)
            by_batch[r.get("batch", "") or "round1-2"].append((feats, g["measure"], pred.measure))
    total = Counter()
    for held in sorted(by_batch):
        train_set = [(x, y) for b, items in by_batch.items() if b != held for x, y, _ in items]
        w = train(train_set)
        test = by_batch[held]
        rule_ok = sum(y == r for _, y, r in test)
        clf_ok = sum(y == predict(w, x) for x, y, _ in test)
        total["n"] += len(test)
        total["rule"] += rule_ok
        total["clf"] += clf_ok
        print(
            f"{held:20s} n={len(test):4d} rules={rule_ok / len(test):.3f} "
            f"rules+classifier={clf_ok / len(test):.3f}"
        )
    print(
        f"{'all':20s} n={total['n']:4d} rules={total['rule'] / total['n']:.3f} "
        f"rules+classifier={total['clf'] / total['n']:.3f}"
    )


if __name__ == "__main__":
    main()
