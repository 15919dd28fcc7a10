"""Make lib/titfortat/assets/borders.json from npm's world-atlas (Natural Earth 1:50m, public domain).

Run: npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
     python tools/vendor_borders.py package/countries-50m.json
Keeps Iraq and its neighbours as lon/lat rings rounded to 0.01 degree, so maps draw with no network.
"""

import json
import sys
from pathlib import Path

KEEP = {"Iraq", "Syria", "Iran", "Turkey", "Jordan", "Saudi Arabia", "Kuwait"}
OUT = Path(__file__).resolve().parents[1] / "lib" / "titfortat" / "assets" / "borders.json"


def decode_arcs(topology):
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(indices, arcs):
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def main(path):
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    countries = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name not in KEEP:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            outer = ring(polygon[0], arcs)
            simplified = [outer[0]] + [p for i, p in enumerate(outer[1:-1], 1) if i % 2 == 0] + [outer[-1]]
            if len(simplified) > 8:
                rings.append([[round(x, 2), round(y, 2)] for x, y in simplified])
        countries[name] = rings
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:50m admin-0 via npm world-atlas 2.0.2 (public domain; "
                "world-atlas ISC licence)",
                "countries": countries,
            },
            separators=(",", ":"),
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
