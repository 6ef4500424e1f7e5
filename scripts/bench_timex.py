"""Throughput of find_timexes on real news (read from ../shared/data/news, nothing copied).

Usage: python scripts/bench_timex.py [--articles N] [--corpus PATH.jsonl.gz]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import time
from pathlib import Path

from rasd.time import find_timexes

DEFAULT_CORPUS = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "news" / "ant_v2.1_multisource.jsonl.gz"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    docs: list[tuple[str, dt.date | None]] = []
    with gzip.open(args.corpus, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            published = row.get("published")
            docs.append((row.get("text") or "", dt.date.fromisoformat(published[:10]) if published else None))
            if len(docs) >= args.articles:
                break
    find_timexes("أمس", None)  # compile the rules before timing
    start = time.perf_counter()
    found = sum(len(find_timexes(text, published)) for text, published in docs)
    seconds = time.perf_counter() - start
    chars = sum(len(text) for text, _ in docs)
    print(
        f"{len(docs)} articles, {chars} characters, {found} timexes in {seconds:.2f} s: "
        f"{len(docs) / seconds:.0f} articles/s, {chars / seconds / 1e6:.2f} M chars/s (one core)"
    )


if __name__ == "__main__":
    main()
