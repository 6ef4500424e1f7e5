"""Compile attested Latin spellings of Arabic name tokens from the Wikidata person names (CC0).

    python scripts/build_name_spellings.py            # -> src/rasd/resources/names/spellings.tsv.gz
    python scripts/build_name_spellings.py --eval     # KB people's English names, with and without

Each Arabic token (folded with rasd.text.normalize) keeps its commonest English spelling and
how many Wikidata names attest it; ``rasd.link.spellings`` uses the table where the bundled
romanizer would only guess by rules ("ترامب" -> "Trump", not "Taramab").
"""

from __future__ import annotations

import argparse
import gzip
import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from rasd.link.spellings import SPELLINGS_PATH, Spelling, read_spellings
from rasd.text.normalise import normalize

ROOT = Path(__file__).resolve().parents[1]
NAMES = ROOT.parent / "shared" / "data" / "names" / "data_wd_arabic.normalized.aligned.tokens"


def read_pairs(path: Path) -> list[tuple[str, str, int]]:
    """(folded Arabic token, Latin token, count) rows of the shared file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        latin, letters, count = parts
        arabic = normalize(letters.replace(" ", ""))
        if arabic and latin:
            rows.append((arabic, latin, int(count)))
    return rows


def _ascii_bonus(latin: str) -> float:
    # English-language news drops diacritics: among equally attested spellings prefer plain ASCII.
    return 0.5 if latin.isascii() else 0.0


def compile_table(rows: list[tuple[str, str, int]]) -> dict[str, Spelling]:
    by_arabic: dict[str, Counter[str]] = defaultdict(Counter)
    for arabic, latin, count in rows:
        by_arabic[arabic][latin] += count
    table = {}
    for arabic, spellings in by_arabic.items():
        # token-alignment slips pair a short Arabic token with a whole surname ("اوغلو" -> "beşikçioğlu")
        plausible = [s for s in spellings if len(arabic) / 2 <= len(s) <= 2 * len(arabic) + 2]
        if not plausible:
            continue
        latin = max(plausible, key=lambda s: (spellings[s] + _ascii_bonus(s), s))
        table[arabic] = Spelling(latin, spellings[latin], sum(spellings.values()))
    return table


def write_table(table: dict[str, Spelling], path: Path) -> None:
    lines = "".join(f"{a}\t{s.latin}\t{s.attested}\t{s.total}\n" for a, s in sorted(table.items()))
    # mtime=0: a rebuild from the same data is byte-identical
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(lines.encode("utf-8"))


def _fold_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if c.isalnum())


def evaluate(table: dict[str, Spelling]) -> dict[str, float | int]:
    """Token recall of the English names of the KB's people: romanizer alone vs with the table.

    The KB's English names were written by the project; the table is a lookup of attested
    spellings (it may well contain these people), so this checks the merge rule, not learning.
    """
    from rasd.link.kb import load_kb
    from rasd.link.names import romanize_many, strip_titles
    from rasd.link.spellings import romanize_names

    people = [e for e in load_kb().entries.values() if e.type == "PER" and e.name_en]
    arabic = [strip_titles(e.name) for e in people]
    scores: dict[str, float] = defaultdict(float)
    runs = (("romanizer", romanize_many(arabic)), ("romanizer+spellings", romanize_names(arabic)))
    for label, guesses in runs:
        for entry, guess in zip(people, guesses, strict=True):
            gold = [_fold_latin(t) for t in (entry.name_en or "").replace("-", " ").split()]
            got = {_fold_latin(t) for t in (guess or "").replace("-", " ").split()}
            scores[label] += sum(t in got for t in gold) / max(1, len(gold))
    return {"people": len(people), **{k: round(v / len(people), 4) for k, v in scores.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--names", type=Path, default=NAMES)
    ap.add_argument("--out", type=Path, default=SPELLINGS_PATH)
    ap.add_argument("--eval", action="store_true", help="score the bundled table on the KB's people")
    args = ap.parse_args()
    if args.eval:
        print(json.dumps(evaluate(read_spellings(args.out)), indent=2))
        return
    table = compile_table(read_pairs(args.names))
    write_table(table, args.out)
    assert len(read_spellings(args.out)) == len(table)
    print(f"wrote {args.out}: {len(table)} Arabic tokens")


if __name__ == "__main__":
    main()
