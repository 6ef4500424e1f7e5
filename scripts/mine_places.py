"""Mine the news corpora for place and actor names the linker gets wrong, in aggregate.

    nice -n 10 env PYTHONPATH=src python scripts/mine_places.py --every 4 --out /tmp/rasd_mine
    nice -n 10 env PYTHONPATH=src python scripts/mine_places.py --reuse --out /tmp/rasd_mine   # after a fix

Runs TextStage + the shipped NER over a sample of both news files (every N-th article),
caches those documents (``<out>/docs.pkl``), then LinkStage, and writes frequency tables
(TSV, names and counts only, never article text) to ``--out``:

- ``unresolved.tsv``: place mentions (GPE/LOC/FAC) that got no gazetteer or KB place;
- ``far.tsv``: place mentions placed in a country the article never names (by name, by
  adjective, or by another placed town), with the article's focus country;
- ``small.tsv``: places resolved to a village (< 5,000 people) when a homonym at least ten
  times bigger exists;
- ``precision.tsv``: a province head (محافظة/ولاية…) written before the name but the
  mention placed at town precision, or a country-level name placed at a town;
- ``orgs.tsv``: organisation mentions with no KB entry (candidates for the actor KB).

The summary (counts and shares) goes to stdout as JSON; ``--reuse`` re-links the cached
documents only, so a fix can be measured in a minute. The tables stay outside the
repository: they are derived from the articles and only their counts go into the docs.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from rasd.geo.demonyms import document_countries
from rasd.geo.gazetteer import PROVINCE_HEADS, Gazetteer, Place, load_gazetteer
from rasd.link import names
from rasd.link.kb import load_kb
from rasd.link.resolve import PLACE_TYPES, PROVINCE_PREFIX
from rasd.link.stage import LinkStage
from rasd.model import Document, Mention

ROOT = Path(__file__).resolve().parents[1]
FILES = ("news/ant_v2.1_multisource.jsonl.gz", "news/ant_v1.1_jawharafm.jsonl.gz")
SMALL_POP = 5_000


def _sample(data: Path, every: int, limit: int) -> list[Document]:
    from rasd.ner.stage import NerStage
    from rasd.text.stage import TextStage

    text_stage, ner = TextStage(), NerStage()
    docs: list[Document] = []
    for name in FILES:
        taken = 0
        with gzip.open(data / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % every:
                    continue
                rec = json.loads(line)
                if not rec.get("text"):
                    continue
                doc = Document(id=str(rec["id"]), text=rec["text"], source=rec.get("source"))
                docs.append(ner(text_stage(doc)))
                taken += 1
                if limit and taken >= limit:
                    break
    return docs


def _place_of(key: str | None, gaz: Gazetteer) -> tuple[Place | None, bool]:
    if not key:
        return None, False
    if key.startswith(PROVINCE_PREFIX):
        return gaz.by_key(key[len(PROVINCE_PREFIX) :]), True
    return gaz.by_key(key), False


def _word_before(text: str, start: int) -> str:
    head = text[max(0, start - 30) : start].rstrip().rsplit(None, 1)
    return head[-1] if head else ""


def mine(docs: list[Document]) -> tuple[dict[str, Any], dict[str, Counter[tuple[str, ...]]]]:
    kb = load_kb(strict=False)
    gaz = load_gazetteer()
    stage = LinkStage()
    tables: dict[str, Counter[tuple[str, ...]]] = {
        t: Counter() for t in ("unresolved", "far", "small", "precision", "orgs")
    }
    n_place = n_resolved = n_org = n_org_kb = 0
    for doc in docs:
        doc.mentions = [m for m in doc.mentions if m.source != "kb"]
        for m in doc.mentions:
            m.link_key = m.entity_id = None
        stage(doc)
        placed: list[tuple[Mention, Place, bool]] = []
        named: Counter[str] = Counter(document_countries(doc.text))
        for m in doc.mentions:
            entry = kb.by_kb_id.get(m.link_key or "")
            if entry is not None and entry.country:
                named[entry.country] += 2 if entry.type == "GPE" else 1
            if m.type == "ORG":
                n_org += 1
                if entry is not None:
                    n_org_kb += 1
                else:
                    tables["orgs"][(names.name_key(m.text),)] += 1
            if m.type not in PLACE_TYPES:
                continue
            n_place += 1
            place, province = _place_of(m.link_key, gaz)
            if entry is not None and place is None:
                n_resolved += 1
                continue
            if place is None:
                tables["unresolved"][(m.type, names.name_key(m.text))] += 1
                continue
            n_resolved += 1
            placed.append((m, place, province))
            if place.source != "kb" and place.precision == 1:
                named[place.country or ""] += 1
        focus = named.most_common(1)[0][0] if named else ""
        for m, place, province in placed:
            key = names.name_key(m.text)
            if place.country and named.get(place.country, 0) <= 1 and place.source != "kb":
                tables["far"][(key, place.country, place.name_en, focus)] += 1
            cands = gaz.candidates(m.text)
            biggest = max((c.population for c in cands), default=0)
            if (
                place.source == "geonames"
                and place.population < SMALL_POP
                and biggest >= 10 * max(1, place.population)
            ):
                big = max(cands, key=lambda c: c.population)
                tables["small"][
                    (key, place.name_en, place.country or "", big.name_en, big.country or "")
                ] += 1
            before = names.name_key(_word_before(doc.text, m.start))
            head = key.split(" ", 1)[0]
            if (before in PROVINCE_HEADS or head in PROVINCE_HEADS) and not province and place.precision == 1:
                tables["precision"][("province-head", key, place.name_en, place.country or "")] += 1
    summary = {
        "documents": len(docs),
        "place_mentions": n_place,
        "place_mentions_resolved": n_resolved,
        "place_resolved_share": round(n_resolved / max(1, n_place), 4),
        "unresolved_mentions": sum(tables["unresolved"].values()),
        "unresolved_distinct": len(tables["unresolved"]),
        "far_from_focus_mentions": sum(tables["far"].values()),
        "small_homonym_mentions": sum(tables["small"].values()),
        "precision_mentions": sum(tables["precision"].values()),
        "org_mentions": n_org,
        "org_mentions_in_kb": n_org_kb,
        "org_kb_share": round(n_org_kb / max(1, n_org), 4),
    }
    return summary, tables


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--data", type=Path, default=Path(os.environ.get("RASD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    )
    ap.add_argument("--every", type=int, default=6, help="take every N-th article of each file")
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles per file")
    ap.add_argument("--out", type=Path, default=Path("/tmp/rasd_mine"))
    ap.add_argument("--reuse", action="store_true", help="re-link the cached documents only")
    ap.add_argument("--top", type=int, default=300, help="rows written per table")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    cache = args.out / "docs.pkl"
    t0 = time.perf_counter()
    if args.reuse:
        with cache.open("rb") as fh:
            docs = pickle.load(fh)
    else:
        docs = _sample(args.data, args.every, args.limit)
        with cache.open("wb") as fh:
            pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    t1 = time.perf_counter()
    summary, tables = mine(docs)
    summary["prepare_s"] = round(t1 - t0, 1)
    summary["link_s"] = round(time.perf_counter() - t1, 1)
    for name, table in tables.items():
        with (args.out / f"{name}.tsv").open("w", encoding="utf-8") as fh:
            for row, n in table.most_common(args.top):
                fh.write("\t".join((str(n), *row)) + "\n")
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
