"""Base consolidation in 2020: which sites were handed over, and where attacks landed before and after."""

from __future__ import annotations

import pandas as pd

from . import params
from .data import sites as site_table
from .timeline import attacks

# The cut-off dates the consolidation lesson and its widget allow: a year either side of the handovers.
CUTOFF_RANGE = ("2019-07-01", "2021-06-30")

# Broad regions for the before/after comparison, by province (Iraq) or country.
REGIONS = {
    "Anbar": "West (Anbar)",
    "Baghdad": "Baghdad",
    "Kirkuk": "North",
    "Nineveh": "North",
    "Erbil": "North",
    "Salah al-Din": "North",
    "Duhok": "North",
    "Sulaymaniyah": "North",
    "Diyala": "North",
    "Basra": "South",
    "Dhi Qar": "South",
    "Al-Qadisiyyah": "South",
    "Muthanna": "South",
    "Babil": "South",
    "Karbala": "South",
    "Wasit": "South",
    "Maysan": "South",
    "Najaf": "South",
}


# The columns before_after can count by.
GROUPS = ["site", "region", "province", "country", "actor", "event_type", "attribution"]


def region_of(province: str, country: str = "Iraq") -> str:
    """The broad region of a province; places outside Iraq are grouped by country."""
    if country != "Iraq":
        return country
    return REGIONS.get(province, "Other Iraq")


def handovers(events: pd.DataFrame) -> pd.DataFrame:
    """The base handovers, one row each, with the site's name and coordinates."""
    rows = events[events["event_type"] == "base_handover"]
    names = site_table()["name"]
    table = rows[["date", "site", "province", "latitude", "longitude", "summary", "source_url", "event_id"]].copy()
    table.insert(2, "name", table["site"].astype("object").map(names))
    table.insert(0, "order", range(1, len(table) + 1))  # short labels for the map, in date order
    return table.reset_index(drop=True)


def before_after(events: pd.DataFrame, cutoff, window_days: int, by: str = "site") -> pd.DataFrame:
    """Attacks in equal windows before and after cutoff, per site or region, with whether it was handed over."""
    params.require_positive("window_days", window_days)
    params.require_choice("by", by, GROUPS)
    cutoff = pd.Timestamp(cutoff)
    window = pd.Timedelta(days=window_days)
    found = attacks(events).copy()
    found["region"] = [region_of(p, str(c)) for p, c in zip(found["province"], found["country"])]
    before = found[(found["date"] >= cutoff - window) & (found["date"] < cutoff)]
    after = found[(found["date"] >= cutoff) & (found["date"] < cutoff + window)]
    table = (
        pd.DataFrame(
            {
                "before": before[by].astype("object").value_counts(),
                "after": after[by].astype("object").value_counts(),
            }
        )
        .fillna(0)
        .astype("int64")
    )
    table["change"] = table["after"] - table["before"]
    if by == "site":
        handed = set(handovers(events).loc[lambda t: t["date"] < cutoff + window, "site"].astype("object"))
        table["handed_over"] = [site in handed for site in table.index]
    table.index.name = by
    return table.sort_values(["before", "after"], ascending=False)


def held_sites_after(events: pd.DataFrame, cutoff) -> pd.Series:
    """Attacks from cutoff onwards on sites never handed over in the data, per site."""
    cutoff = pd.Timestamp(cutoff)
    handed = set(handovers(events)["site"].astype("object"))
    later = attacks(events)
    later = later[(later["date"] >= cutoff) & ~later["site"].astype("object").isin(handed)]
    counts = later["site"].astype("object").value_counts()
    counts.index.name = "site"
    return counts.rename("attacks")
