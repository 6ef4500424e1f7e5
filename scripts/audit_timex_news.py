"""Precision/value audit of time expressions on real news (ids and offsets only, text stays in ../shared).

``sample`` draws a seeded random sample of system timexes from ../shared/data/news and prints
each with its context for a human judge (and a JSONL skeleton to fill in);
``score`` re-runs the recogniser on the judged articles and compares with the judgements in
benchmarks/gold/timex_news_audit.jsonl: each line has file, doc_id, published, start, end,
is_timex (a real time expression?) and value (the correct TIMEX3 value of the whole expression).

``anchor`` hides the publication date of seeded random articles and infers it from the text
(``rasd.time.anchor``), the corpus default being the true date plus 0-6 days (a collection date
up to a week late); it reports how often the anchor, and the anchored timex values, come out
as they would with the true date.

``recall`` prints whole seeded random articles with every system timex marked, for a judge who
lists the time expressions the system missed. Those are stored as lines with ``"missed": true``
(file, doc_id, start, end, value); the article's system expressions are judged as in ``sample``.
``score`` then also reports recall for such samples: real expressions found / (real + missed).

Usage: python scripts/audit_timex_news.py score [--gold PATH] [--errors]
       python scripts/audit_timex_news.py sample --seed N --items 100
       python scripts/audit_timex_news.py recall --seed N --articles 10 --max-chars 1500
       python scripts/audit_timex_news.py anchor --seed N --per-file 500
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
from pathlib import Path

from rasd.time import find_timexes
from rasd.time.anchor import infer_anchor

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / ".." / "shared" / "data" / "news"
GOLD = ROOT / "benchmarks" / "gold" / "timex_news_audit.jsonl"
FILES = {"ant_v1.1_jawharafm": 10154, "ant_v2.1_multisource": 31525}


def _published(row: dict[str, str]) -> dt.date | None:
    value = row.get("published")
    return dt.date.fromisoformat(value[:10]) if value else None


def _articles(file: str, wanted: set[str] | set[int]) -> dict[str | int, dict[str, str]]:
    out: dict[str | int, dict[str, str]] = {}
    with gzip.open(NEWS / f"{file}.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i in wanted:
                out[i] = json.loads(line)
            elif wanted and isinstance(next(iter(wanted)), str):
                row = json.loads(line)
                if row["id"] in wanted:
                    out[row["id"]] = row
    return out


def sample(seed: int, items: int, per_file: int) -> None:
    rng = random.Random(seed)
    found = []
    for file, lines in FILES.items():
        for row in _articles(file, set(rng.sample(range(lines), per_file))).values():
            for t in find_timexes(row["text"], _published(row)):
                found.append((file, row, t))
    rng.shuffle(found)
    for k, (file, row, t) in enumerate(found[:items]):
        text = row["text"]
        context = text[max(0, t.start - 60) : t.start] + "[[" + t.text + "]]" + text[t.end : t.end + 40]
        record = {
            "file": file,
            "doc_id": row["id"],
            "published": row.get("published"),
            "start": t.start,
            "end": t.end,
            "is_timex": True,
            "value": t.value,
        }
        print(
            f"{k}\t{t.type}\t{t.value}\t{t.mod}\tpub={row.get('published')}\t{context.replace(chr(10), ' ')}"
        )
        print("#", json.dumps(record, ensure_ascii=False))


def recall_sample(seed: int, articles: int, max_chars: int) -> None:
    """Whole short articles, half from each corpus, system timexes marked [[...]]."""
    rng = random.Random(seed)
    for file, lines in FILES.items():
        chosen = 0
        for row in _articles(file, set(rng.sample(range(lines), articles * 20))).values():
            if chosen == articles // 2 or not 200 <= len(row["text"]) <= max_chars:
                continue
            chosen += 1
            text, marked, last = row["text"], [], 0
            found = find_timexes(text, _published(row))
            for t in found:
                marked.append(text[last : t.start] + "[[" + text[t.start : t.end] + "]]")
                last = t.end
            print(f"=== {file} {row['id']} published={row.get('published')}")
            print("".join(marked) + text[last:])
            for t in found:
                record: dict[str, object] = {
                    "file": file,
                    "doc_id": row["id"],
                    "published": row.get("published"),
                }
                record.update({"start": t.start, "end": t.end, "is_timex": True, "value": t.value})
                print("#", json.dumps(record, ensure_ascii=False))


def anchor_check(seed: int, per_file: int) -> None:
    """Infer hidden publication dates; compare anchors and anchored values with the true ones."""
    rng = random.Random(seed)
    by_source: dict[str, list[int]] = {}
    values = {"default": [0, 0], "inferred": [0, 0]}  # [agreeing anchored values, anchored values]
    for file, lines in FILES.items():
        for row in _articles(file, set(rng.sample(range(lines), per_file))).values():
            true = _published(row)
            if true is None:
                continue
            default = true + dt.timedelta(days=rng.randint(0, 6))
            guess = infer_anchor(row["text"], default)
            stats = by_source.setdefault(guess.source, [0, 0])
            stats[0] += guess.value == true
            stats[1] += 1
            truth = {(t.start, t.end): t.value for t in find_timexes(row["text"], true) if t.anchored}
            for label, anchor in (("default", default), ("inferred", guess.value)):
                got = {(t.start, t.end): t.value for t in find_timexes(row["text"], anchor)}
                values[label][0] += sum(got.get(span) == value for span, value in truth.items())
                values[label][1] += len(truth)
    total = sum(n for _, n in by_source.values())
    for source, (ok, n) in sorted(by_source.items()):
        print(
            f"[anchor] {source}: {n}/{total} articles; anchor = true date in {ok}/{n} = {ok / max(n, 1):.3f}"
        )
    ok = sum(k for k, _ in by_source.values())
    print(f"[anchor] all: anchor = true date in {ok}/{total} = {ok / max(total, 1):.3f}")
    for label, (agree, n) in values.items():
        share = f"{agree}/{n} = {agree / max(n, 1):.3f}"
        print(f"[values] {label} anchor: anchored values as with the true date {share}")


def score(gold_path: Path, show_errors: bool = False) -> None:
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows: dict[str, dict[str, str]] = {}
    for file in {g["file"] for g in gold}:
        ids = {g["doc_id"] for g in gold if g["file"] == file}
        rows.update({str(k): v for k, v in _articles(file, ids).items()})
    samples = sorted({g.get("sample", "") for g in gold})
    for name in [*samples, "all"]:
        group = [g for g in gold if (name == "all" or g.get("sample", "") == name) and not g.get("missed")]
        _score_group(name, group, rows, show_errors)
        missed = [g for g in gold if g.get("sample", "") == name and g.get("missed")]
        if missed:
            _score_recall(name, group, missed, rows, show_errors)


def _score_recall(
    name: str,
    judged: list[dict[str, object]],
    missed: list[dict[str, object]],
    rows: dict[str, dict[str, str]],
    show_errors: bool = False,
) -> None:
    """Recall over whole judged articles: every real expression, found when judged or missed then."""
    gold = [g for g in judged if g["is_timex"]] + missed
    found = 0
    for g in gold:
        row = rows[str(g["doc_id"])]
        start, end = int(str(g["start"])), int(str(g["end"]))
        hit = any(t.start < end and start < t.end for t in find_timexes(row["text"], _published(row)))
        found += hit
        if show_errors and not hit:
            print(f"  {g['doc_id']} missed {row['text'][start:end]!r} judged={g['value']}")
    articles = len({g["doc_id"] for g in gold})
    print(
        f"[{name}] recall over {articles} whole articles: {found}/{len(gold)} = "
        f"{found / max(len(gold), 1):.3f} ({len(missed)} missed when judged)"
    )


def _score_group(
    name: str, gold: list[dict[str, object]], rows: dict[str, dict[str, str]], show_errors: bool = False
) -> None:
    recognised = real = value_ok = 0
    for g in gold:
        row = rows[str(g["doc_id"])]
        start, end = int(str(g["start"])), int(str(g["end"]))
        system = find_timexes(row["text"], _published(row))
        hits = [t for t in system if t.start < end and start < t.end]
        if not hits:
            continue
        recognised += 1
        best = max(hits, key=lambda t: min(t.end, end) - max(t.start, start))
        real += bool(g["is_timex"])
        value_ok += bool(g["is_timex"]) and best.value == g["value"]
        if show_errors and name != "all" and g["is_timex"] and best.value != g["value"]:
            print(f"  {g['doc_id']} {best.text!r} system={best.value} judged={g['value']}")
    commits = sorted({str(g.get("judged_at_commit")) for g in gold})
    print(
        f"[{name}] judged system expressions: {len(gold)} (judged at {', '.join(commits)}); "
        f"still recognised: {recognised}"
    )
    print(
        f"[{name}] precision (real time expressions): {real}/{recognised} = {real / max(recognised, 1):.3f}"
    )
    print(
        f"[{name}] value accuracy (whole expression, against the publication date): {value_ok}/{real} = "
        f"{value_ok / max(real, 1):.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, default=7)
    s.add_argument("--items", type=int, default=100)
    s.add_argument("--per-file", type=int, default=40)
    r = sub.add_parser("recall")
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--articles", type=int, default=10)
    r.add_argument("--max-chars", type=int, default=1500)
    a = sub.add_parser("anchor")
    a.add_argument("--seed", type=int, default=7)
    a.add_argument("--per-file", type=int, default=500)
    c = sub.add_parser("score")
    c.add_argument("--gold", type=Path, default=GOLD)
    c.add_argument("--errors", action="store_true", help="list judged expressions whose value now differs")
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.seed, args.items, args.per_file)
    elif args.command == "recall":
        recall_sample(args.seed, args.articles, args.max_chars)
    elif args.command == "anchor":
        anchor_check(args.seed, args.per_file)
    else:
        score(args.gold, args.errors)


if __name__ == "__main__":
    main()
