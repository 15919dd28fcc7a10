"""Borders shipped with the package (Natural Earth, public domain): countries, provinces, where a point falls.

Maps are drawn from these files, never from a tile server or CDN, so they work offline.
tools/vendor_borders.py says where the files came from and how they were cut down.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib.resources import files

Ring = list[list[float]]


@lru_cache(maxsize=1)
def borders() -> dict:
    """The shipped borders: {"countries": {name: [ring]}, "provinces": {name: [ring]}, plus their sources}.

    Returns
    -------
    dict
        countries and provinces, each name -> list of rings ([lon, lat] pairs), plus the sources.

    Returns
    -------
    dict
        countries and provinces, each name -> list of rings ([lon, lat] pairs), plus the sources.
    """
    return json.loads(files("titfortat").joinpath("assets/borders.json").read_text())


def provinces() -> dict[str, list[Ring]]:
    """Iraq's 18 provinces (Natural Earth admin-1), named as in data/events.csv.

    Returns
    -------
    dict
        Province name -> list of rings.

    Returns
    -------
    dict
        Province name -> list of rings.
    """
    return borders()["provinces"]


def ring_area(ring: Ring) -> float:
    """A ring's area in square degrees (shoelace formula).

    Parameters
    ----------
    ring : Ring
        One closed outline.

    Returns
    -------
    float
        Square degrees.
    """
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


def _inside(lon: float, lat: float, ring: Ring) -> bool:
    # Ray casting: count the edges a ray going east from the point crosses.
    crossings = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            crossings = not crossings
    return crossings


def province_at(lon: float, lat: float) -> str | None:
    """The Iraqi province containing a point, or None outside Iraq.

    Parameters
    ----------
    lon : float
        Longitude, degrees east.
    lat : float
        Latitude, degrees north.

    Returns
    -------
    str or None
        A province name.
    """
    for name, rings in provinces().items():
        if any(_inside(lon, lat, ring) for ring in rings):
            return name
    return None


def km_outside(lon: float, lat: float, province: str) -> float:
    """How far a point lies outside a province, in km (0 inside it); an equirectangular approximation.

    Parameters
    ----------
    lon : float
        Longitude, degrees east.
    lat : float
        Latitude, degrees north.
    province : str
        A province named as in data/events.csv.

    Returns
    -------
    float
        Kilometres (0 inside).
    """
    rings = provinces()[province]
    if any(_inside(lon, lat, ring) for ring in rings):
        return 0.0
    kx, ky = 111.32 * math.cos(math.radians(lat)), 110.57
    px, py = lon * kx, lat * ky
    best = math.inf
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            ax, ay, dx, dy = x1 * kx, y1 * ky, (x2 - x1) * kx, (y2 - y1) * ky
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(ax + t * dx - px, ay + t * dy - py))
    return best
