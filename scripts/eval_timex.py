"""Score Rasd's time expressions on Arabic TimeML gold.

Usage: python scripts/eval_timex.py [CORPUS_DIR] [--anchor YYYY-MM-DD] [--infer-anchor]
       [--split dev] [--errors dev]
``--infer-anchor`` infers each document's anchor from its own text, ``--anchor`` being the fallback.
``--split dev`` scores only the development half (tuning runs never compute the test figures).
Default corpus: ../shared/data/timex/Corpus_test (docs 1-25 development, 26-50 test).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from rasd.time.evaluate import DEFAULT_ANCHOR, evaluate_timeml

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "timex" / "Corpus_test"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus_dir", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--anchor", type=dt.date.fromisoformat, default=DEFAULT_ANCHOR)
    parser.add_argument(
        "--infer-anchor", action="store_true", help="infer each document's anchor from its text"
    )
    parser.add_argument(
        "--split", choices=("dev", "test"), action="append", default=[], help="score only these splits"
    )
    parser.add_argument("--dev-last", type=int, default=25, help="last document number of the dev split")
    parser.add_argument(
        "--errors",
        choices=("dev", "test", "all"),
        action="append",
        default=[],
        help="list misses, spurious and wrong values of a split (tune on dev only)",
    )
    args = parser.parse_args()
    report = evaluate_timeml(
        args.corpus_dir.resolve(),
        anchor=args.anchor,
        dev_last=args.dev_last,
        infer=args.infer_anchor,
        splits_to_run=args.split or ("dev", "test"),
    )
    print(report.format(show_errors=args.errors))


if __name__ == "__main__":
    main()
