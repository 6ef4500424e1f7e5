"""Build the web UI's offline base map: ``src/rasd/web/static/world.svg``.

Input: the ``world-atlas`` npm package (ISC licence; Natural Earth data, public domain)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py package/countries-50m.json   # 238 countries, ~330 KiB

The SVG uses plain longitude/latitude coordinates (x = 10 × lon, y = -10 × lat) so the UI can
overlay points in the same system and zoom by changing the viewBox; no tiles, no network.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src/rasd/web/static/world.svg"
SCALE = 10  # SVG units per degree: integer coordinates keep the file small


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON delta-encoded, quantised arcs → lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def path_data(rings: list[list[tuple[float, float]]], precision: float) -> str:
    """Relative moves on a grid of ``precision`` degrees, in units of ``1 / SCALE`` degree."""
    parts = []
    step = max(round(precision * SCALE), 1)
    for ring in rings:
        cells: list[tuple[int, int]] = []
        for lon, lat in ring:
            cell = (round(lon * SCALE / step) * step, round(-lat * SCALE / step) * step)
            if not cells or cell != cells[-1]:
                cells.append(cell)
        if len(cells) < 3:
            continue
        (x0, y0), moves = cells[0], []
        for (xa, ya), (xb, yb) in itertools.pairwise(cells):
            moves.append(f"{xb - xa} {yb - ya}")
        parts.append(f"M{x0} {y0}l" + " ".join(moves).replace(" -", "-") + "z")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--precision", type=float, default=0.1, help="grid in degrees (at least 0.1)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    topology = json.loads(args.topojson.read_text())
    arcs = decode_arcs(topology)
    paths = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        d = path_data(rings, args.precision)
        if d:
            name = geometry.get("properties", {}).get("name", "")
            paths.append(f'<path d="{d}"><title>{name}</title></path>')
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1800 -900 3600 1800">\n'
        "<!-- Natural Earth (public domain) via world-atlas (ISC); built by scripts/build_world_map.py -->\n"
        '<g fill="#e8e4d8" stroke="#a79f8a" stroke-width="0.6" vector-effect="non-scaling-stroke" '
        'stroke-linejoin="round">\n' + "\n".join(paths) + "\n</g>\n</svg>\n"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(svg)
    print(f"wrote {args.out}: {len(paths)} countries, {len(svg) // 1024} KiB")


if __name__ == "__main__":
    main()
