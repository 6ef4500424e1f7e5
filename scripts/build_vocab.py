"""Derive the folded word-frequency list used for clitic analysis.

Reads the shared news corpus and writes counts only (no text) to
src/rasd/resources/text/vocab.tsv.gz. Deterministic: same input, same bytes.

    python scripts/build_vocab.py [--data ../shared/data] [--min-count 5]
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.text.normalise import normalize
from rasd.text.tokenize import TOKEN_PATTERN

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--out", type=Path, default=ROOT / "src/rasd/resources/text/vocab.tsv.gz")
    args = parser.parse_args()
    counts: Counter[str] = Counter()
    for path in sorted((args.data / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                counts.update(
                    normalize(m.group()) for m in TOKEN_PATTERN.finditer(text) if m.lastgroup == "word"
                )
    rows = sorted(((w, c) for w, c in counts.items() if c >= args.min_count), key=lambda x: (-x[1], x[0]))
    payload = "".join(f"{w}\t{c}\n" for w, c in rows).encode("utf-8")
    args.out.write_bytes(gzip.compress(payload, mtime=0))
    print(f"{len(rows)} forms (count >= {args.min_count}) -> {args.out}")


if __name__ == "__main__":
    main()
