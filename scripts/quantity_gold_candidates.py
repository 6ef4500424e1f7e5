"""Pick conflict articles with figures for the quantity gold set and print them for annotation.

The selection is seeded and reproducible; the article text stays in ../shared/data/news
(the gold file refers to it by id and offsets). Numbers are marked with their offsets by a
plain regex (digits in any script and a short list of number words), independent of
``rasd.quantity``, so the annotator sees every candidate, not only what the parser finds.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"
FILES = ("ant_v1.1_jawharafm.jsonl.gz", "ant_v2.1_multisource.jsonl.gz")
KEYWORDS = (
    "قتل",
    "مقتل",
    "مسلح",
    "داعش",
    "جندي",
    "جنود",
    "غارة",
    "غارات",
    "قتيل",
    "جرحى",
    "نازح",
    "مقاتل",
    "عسكري",
)
CANDIDATE = re.compile(
    r"[0-9\u0660-\u0669\u06f0-\u06f9][0-9\u0660-\u0669\u06f0-\u06f9.,،٬]*"
    r"|\b\w*(?:عشر|ثلاث|أربع|خمس|ست|سبع|ثمان|تسع|مئ|مائ|ألف|آلاف|مليون|ملايين|اثن|عشرات|مئات)\w*"
)


def select(
    per_file: int,
    seed: int,
    min_keywords: int = 4,
    skip_ids: frozenset[str] = frozenset(),
    skip_categories: frozenset[str] = frozenset(),
) -> list[dict[str, str]]:
    """Seeded sample per file; ``skip_ids``/``skip_categories`` are removed before sampling."""
    chosen: list[dict[str, str]] = []
    for name in FILES:
        pool = []
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                text = art["text"]
                if not 400 <= len(text) <= 2200:
                    continue
                if art["id"] in skip_ids or art.get("category") in skip_categories:
                    continue
                hits = sum(text.count(k) for k in KEYWORDS)
                digits = len(re.findall(r"\d+", text))
                if hits >= min_keywords and digits >= 3:
                    art["file"] = name.split(".jsonl")[0]
                    pool.append(art)
        pool.sort(key=lambda a: a["id"])
        chosen.extend(random.Random(seed).sample(pool, per_file))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-file", type=int, default=20)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--ids-only", action="store_true")
    ap.add_argument(
        "--exclude", type=Path, help="a gold JSONL whose articles are skipped (for a further batch)"
    )
    ap.add_argument(
        "--exclude-first",
        action="store_true",
        help="drop the excluded articles before sampling, so every file yields exactly --per-file",
    )
    ap.add_argument("--min-keywords", type=int, default=4, help="conflict keyword hits an article needs")
    ap.add_argument("--skip-categories", default="", help="comma-separated categories left out (e.g. sport)")
    args = ap.parse_args()
    skip = set()
    if args.exclude:
        skip = {
            json.loads(line)["doc_id"]
            for line in args.exclude.read_text(encoding="utf-8").splitlines()
            if line
        }
    skip_categories = frozenset(c for c in args.skip_categories.split(",") if c)
    pre_skip = frozenset(skip) if args.exclude_first else frozenset()
    for art in select(args.per_file, args.seed, args.min_keywords, pre_skip, skip_categories):
        if art["id"] in skip:
            continue
        if args.ids_only:
            print(art["file"], art["id"])
            continue
        print("=" * 80)
        print(art["file"], art["id"], art["source"], art["published"])
        print(art["text"])
        for m in CANDIDATE.finditer(art["text"]):
            context = art["text"][max(0, m.start() - 40) : m.end() + 40]
            print(f"  [{m.start()}:{m.end()}] {m.group()!r}  …{context!r}")


if __name__ == "__main__":
    main()
