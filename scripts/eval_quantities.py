"""Score the quantity stage on the gold set: value+measure P/R/F1, subject and holder accuracy.

PYTHONPATH=src .venv/bin/python scripts/eval_quantities.py --split test
PYTHONPATH=src .venv/bin/python scripts/eval_quantities.py --split dev --stages text,quantity --errors
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rasd.quantity.evaluate import DEFAULT_GOLD, DEFAULT_NEWS, evaluate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=("dev", "test", "all"))
    ap.add_argument("--stages", default="quantity", help="comma-separated stage names run before scoring")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--errors", action="store_true", help="print every miss, spurious and wrong prediction")
    args = ap.parse_args()
    scores = evaluate(args.split, args.gold, args.news, [s for s in args.stages.split(",") if s])
    if args.errors:
        for e in scores.errors:
            print(json.dumps(e, ensure_ascii=False))
    print(json.dumps({"split": args.split, "stages": args.stages, **scores.summary()}, indent=2))


if __name__ == "__main__":
    main()
