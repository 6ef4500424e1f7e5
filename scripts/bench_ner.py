"""NER speed/memory/load time on one thread (figures for docs/benchmarks/ner.md).

taskset -c 0 python scripts/bench_ner.py FILE.conll --model crf
taskset -c 0 python scripts/bench_ner.py FILE.conll --model e5 --bert
taskset -c 0 python scripts/bench_ner.py FILE.conll --model student --model crf --bert
python scripts/bench_ner.py FILE.conll --parity src/rasd/resources/ner  # numpy student vs torch
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from rasd.ner.bench import run


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("conll", type=Path)
    parser.add_argument("--model", action="append", default=[], help="model spec (repeatable); default crf")
    parser.add_argument("--bert", action="store_true", help="also time a bert-base-sized classifier")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences only")
    parser.add_argument("--parity", type=Path, default=None, help="student dir: compare numpy with torch")
    args = parser.parse_args()
    if args.parity:
        from rasd.ner.conll import iter_conll
        from rasd.ner.student_train import parity

        sentences = [s.tokens for s in iter_conll(args.conll)][: args.limit]
        print(json.dumps(parity(args.parity, sentences)))
        return
    for row in run(args.conll, args.model or ["crf"], bert=args.bert, limit=args.limit):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
