"""Cross-document clustering (pairwise P/R/F1) and geocoding accuracy within 25 km.

    python scripts/eval_linking.py --split test
    python scripts/eval_linking.py --split dev --details

Reads benchmarks/gold/entities.jsonl and the articles it names from the shared
data folder (../shared/data by default, or RASD_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from rasd.link.evaluate import evaluate, read_articles, read_gold

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=["dev", "test", "blind"])
    ap.add_argument("--gold", type=Path, default=ROOT / "benchmarks" / "gold" / "entities.jsonl")
    ap.add_argument(
        "--data", type=Path, default=Path(os.environ.get("RASD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    )
    ap.add_argument("--details", action="store_true", help="also list geocoding misses and wrong merges")
    args = ap.parse_args(argv)
    gold = read_gold(args.gold)
    articles = read_articles(args.data, gold.documents)
    report = evaluate(gold, articles, args.split)
    if not args.details:
        report["geocoding"].pop("misses")
        report.pop("wrong_merges")
        report.pop("split_clusters")
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
