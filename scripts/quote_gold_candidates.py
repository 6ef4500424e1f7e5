"""Pick politics/conflict articles with reported speech for the quote gold set and print them.

The selection is seeded and reproducible; the article text stays in ../shared/data/news (the gold
file refers to it by file, id and offsets). Each article is printed paragraph by paragraph with
the offset of every paragraph start, and reporting cues / quotation marks are listed with their
offsets by a plain regex independent of ``rasd.quotes``, so the annotator sees every candidate,
not only what the stage finds. Articles alternate between the ``dev`` and ``test`` splits.
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
CATEGORIES = {"internationalNews", "politic", "middleEast"}
CUES = re.compile(
    r"\b[وف]?(?:قال|قالت|أضاف|أضافت|تابع|تابعت|أكد|أكدت|صرح|صرحت|أوضح|أوضحت|اعتبر|اعتبرت|شدد|شددت"
    r"|أشار|أشارت|ذكر|ذكرت|كتب|كتبت|غرد|أعلن|أعلنت|نقلت|نقل|بحسب|وفقا|حسب)\b"
    r"|[«»\"“”‘’]"
)
CONFLICT = ("حرب", "قتل", "هجوم", "قوات", "وزير", "رئيس", "حكومة", "جيش", "مسلح", "الأمم المتحدة")


def select(per_file: int, seed: int, skip_ids: frozenset[str] = frozenset()) -> list[dict[str, str]]:
    """Seeded sample per file among articles with at least 3 reporting cues and a conflict/politics word."""
    chosen: list[dict[str, str]] = []
    for name in FILES:
        pool = []
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                text = art["text"]
                if art.get("category") not in CATEGORIES or not 500 <= len(text) <= 2500:
                    continue
                if art["id"] in skip_ids:
                    continue
                words = [m.group() for m in CUES.finditer(text) if m.group()[:1] not in '«»"“”‘’']
                if len(words) >= 3 and sum(text.count(k) for k in CONFLICT) >= 3:
                    art["file"] = name.split(".jsonl")[0]
                    pool.append(art)
        pool.sort(key=lambda a: a["id"])
        chosen.extend(random.Random(seed).sample(pool, per_file))
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--per-file", type=int, default=10)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--ids-only", action="store_true")
    ap.add_argument("--split", help="print only this split")
    ap.add_argument("--exclude", type=Path, help="a gold JSONL whose articles are skipped (a further batch)")
    ap.add_argument("--names", default="dev,test", help="split names for even,odd positions")
    ap.add_argument("--exclude-splits", help="only these splits of --exclude (e.g. dev,test)")
    args = ap.parse_args()
    skip: frozenset[str] = frozenset()
    if args.exclude:
        lines = args.exclude.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        keep = set(args.exclude_splits.split(",")) if args.exclude_splits else None
        skip = frozenset(r["doc_id"] for r in rows if keep is None or r["split"] in keep)
    even, odd = args.names.split(",")
    for n, art in enumerate(select(args.per_file, args.seed, skip)):
        split = even if n % 2 == 0 else odd
        if args.split and split != args.split:
            continue
        if args.ids_only:
            print(split, art["file"], art["id"])
            continue
        text = art["text"]
        print(f"==== {split} {art['file']} {art['id']} ({len(text)} chars) title: {art.get('title')}")
        pos = 0
        for para in text.split("\n"):
            print(f"[{pos}] {para}")
            pos += len(para) + 1
        print("cues:", " ".join(f"{m.group()}@{m.start()}" for m in CUES.finditer(text)))
        print()


if __name__ == "__main__":
    main()
