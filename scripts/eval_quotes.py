"""Score the quote stage on the gold set: quote P/R/F1 (overlap >= 50% of the longer span),
direct/indirect accuracy and speaker accuracy on matched quotes, speed in documents per second.

PYTHONPATH=src .venv/bin/python scripts/eval_quotes.py --split test
PYTHONPATH=src .venv/bin/python scripts/eval_quotes.py --split dev --errors
PYTHONPATH=src .venv/bin/python scripts/eval_quotes.py --speed 200
PYTHONPATH=src .venv/bin/python scripts/eval_quotes.py --open 150 --seed 21 --show 60   # to judge by hand
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rasd.quotes.evaluate import DEFAULT_GOLD, DEFAULT_NEWS, evaluate, open_sample, speed

# test and test2 were scored held out (summaries only) and are tuning splits from round 2 on.
HELD_OUT = ("blind2", "all")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--split", default="test", choices=("dev", "test", "dev2", "test2", "blind", "blind2", "all")
    )
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--news", type=Path, default=DEFAULT_NEWS)
    ap.add_argument("--errors", action="store_true", help="print misses, spurious quotes and wrong speakers")
    ap.add_argument("--speed", type=int, metavar="N", help="time the stage on N multisource articles")
    ap.add_argument("--open", type=int, metavar="N", help="run on N unlabelled articles per news file")
    ap.add_argument("--seed", type=int, default=21, help="seed of the --open sample")
    ap.add_argument("--show", type=int, default=60, help="predicted quotes printed from the --open sample")
    ap.add_argument("--cache", type=Path, help="pickle text/ner/link output here (tuning only)")
    args = ap.parse_args()
    if args.open:
        summary, lines = open_sample(args.news, args.open, args.seed, args.show, args.gold, args.cache)
        print("\n".join(lines))
        print(json.dumps(summary))
        return
    if args.speed:
        print(json.dumps(speed(args.news, args.speed), indent=2))
        return
    if args.errors and args.split in HELD_OUT:
        ap.error(f"--errors is refused on the held-out splits {HELD_OUT}: they are scored with the summary")
    scores = evaluate(args.split, args.gold, args.news, errors=args.errors, cache=args.cache)
    for line in scores.errors:
        print(line)
    print(json.dumps(scores.as_dict(), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
