"""Base consolidation in 2020: which sites were handed over, and where attacks landed before and after."""

from __future__ import annotations

import pandas as pd

from . import params
from .package import sites as site_table
from .selection import attacks

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
    """The broad region of a province; places outside Iraq are grouped by country.

    Parameters
    ----------
    province : str
        A province named as in data/events.csv.
    country : str
        The country (default Iraq).

    Returns
    -------
    str
        A region (REGIONS), "Other Iraq", or the country.
    """
    if country != "Iraq":
        return country
    return REGIONS.get(province, "Other Iraq")


def handovers(events: pd.DataFrame) -> pd.DataFrame:
    """The base handovers, one row each, with the site's name and coordinates.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns order (1 = first), date, site, name, province, latitude, longitude, summary, source_url, event_id;
        in date order.
    """
    rows = events[events["event_type"] == "base_handover"]
    names = site_table()["name"]
    table = rows[["date", "site", "province", "latitude", "longitude", "summary", "source_url", "event_id"]].copy()
    table.insert(2, "name", table["site"].astype("object").map(names))
    table.insert(0, "order", range(1, len(table) + 1))  # short labels for the map, in date order
    return table.reset_index(drop=True)


def before_after(events: pd.DataFrame, cutoff, window_days: int, by: str = "site", sites=None) -> pd.DataFrame:
    """Attacks in equal windows before and after cutoff, per site or region, with whether it was handed over.

    With by="site" the table also has `handed_over` (left by the end of the after-window); `sites`
    keeps only those sites, in that order, with zeros for sites not attacked in either window.

    Parameters
    ----------
    events : DataFrame
    cutoff : date-like
        The cut-off date (str YYYY-MM-DD, date or Timestamp).
    window_days : int
        Days in each window.
    by : str
        A column of GROUPS (site, region, province, country, actor, event_type, attribution).
    sites : list of str or None
        Keep only these sites, in this order.

    Returns
    -------
    DataFrame
        Index named `by`; columns before, after, change, and handed_over (bool) when by="site".
    """
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
    if sites is not None:
        table = table.reindex(list(sites), fill_value=0)
    table["change"] = table["after"] - table["before"]
    if by == "site":
        handed = set(handovers(events).loc[lambda t: t["date"] < cutoff + window, "site"].astype("object"))
        table["handed_over"] = [site in handed for site in table.index]
    table.index.name = by
    return table if sites is not None else table.sort_values(["before", "after"], ascending=False)


def attacks_either_side(events: pd.DataFrame, cutoff, window_days: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The attacks in the window_days before cutoff and in the window_days from it (the windows of before_after).

    Parameters
    ----------
    events : DataFrame
    cutoff : date-like
        The cut-off date (str YYYY-MM-DD, date or Timestamp).
    window_days : int
        Days in each window.

    Returns
    -------
    tuple of DataFrame
        (before, after): the attack rows, with every column of `events`.
    """
    cutoff = pd.Timestamp(cutoff)
    window = pd.Timedelta(days=window_days)
    found = attacks(events)
    before = found[(found["date"] >= cutoff - window) & (found["date"] < cutoff)]
    after = found[(found["date"] >= cutoff) & (found["date"] < cutoff + window)]
    return before, after


def held_sites_after(events: pd.DataFrame, cutoff, end=None) -> pd.Series:
    """Attacks from cutoff to end (inclusive; no end: to the last date) on sites never handed over, per site.

    Parameters
    ----------
    events : DataFrame
    cutoff : date-like
        The cut-off date (str YYYY-MM-DD, date or Timestamp).
    end : date-like or None
        Last day (default: the last event's).

    Returns
    -------
    Series
        Named `attacks`, index `site`, largest first.
    """
    cutoff = pd.Timestamp(cutoff)
    handed = set(handovers(events)["site"].astype("object"))
    later = attacks(events)
    later = later[(later["date"] >= cutoff) & ~later["site"].astype("object").isin(handed)]
    if end is not None:
        later = later[later["date"] <= pd.Timestamp(end)]
    counts = later["site"].astype("object").value_counts()
    counts.index.name = "site"
    return counts.rename("attacks")


def attacks_around_handovers(events: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """For each handed-over base, attacks on it in the window_days before and after its own handover date.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.

    Returns
    -------
    DataFrame
        Columns site, handover (date), before, after; one row per handed-over base.
    """
    found = attacks(events)
    window = pd.Timedelta(days=window_days)
    rows = []
    for _, base in handovers(events).iterrows():
        here = found[found["site"].astype("object") == base["site"]]
        before = here[(here["date"] >= base["date"] - window) & (here["date"] < base["date"])]
        after = here[(here["date"] > base["date"]) & (here["date"] <= base["date"] + window)]
        rows.append({"site": base["site"], "handover": base["date"], "before": len(before), "after": len(after)})
    return pd.DataFrame(rows, columns=["site", "handover", "before", "after"])


def handover_finding(around: pd.DataFrame, window_days: int) -> str:
    """One sentence on attacks at the handed-over bases, each counted from its own handover date.

    Parameters
    ----------
    around : DataFrame
        An attacks_around_handovers() result.
    window_days : int
        Days in each window.

    Returns
    -------
    str
        One sentence.
    """
    before, after = int(around["before"].sum()), int(around["after"].sum())
    hit = around.loc[around["after"] > 0, "site"].astype(str).tolist()
    where = f" (at {', '.join(hit)})" if hit else ""
    return (
        f"Counted from each base's own handover date, the {len(around)} handed-over bases had {before} "
        f"attacks in the {window_days} days before its handover and {after} in the {window_days} days after{where}."
    )


def shift_finding(by_region: pd.DataFrame, window_days: int) -> str:
    """One sentence saying whether attacks fell everywhere, rose everywhere, or moved between regions.

    Parameters
    ----------
    by_region : DataFrame
        A before_after(..., by="region") result.
    window_days : int
        Days in each window.

    Returns
    -------
    str
        One sentence.
    """
    rose = by_region.index[by_region["change"] > 0].tolist()
    fell = by_region.index[by_region["change"] < 0].tolist()
    before, after = int(by_region["before"].sum()), int(by_region["after"].sum())
    total = f"With {window_days}-day windows, attacks went from {before} to {after} in all"
    if rose and fell and after >= before:
        moved = f"they rose in {', '.join(rose)} and fell in {', '.join(fell)}"
        return f"{total}: {moved}, so they moved rather than stopped."
    if rose and after < before:
        return f"{total}: they fell overall, though they rose in {', '.join(rose)}."
    if fell:
        return f"{total}: they fell or held level in every region ({', '.join(fell)} fell)."
    if rose:
        return f"{total}: they rose or held level in every region ({', '.join(rose)} rose)."
    return f"{total}: no region changed."


def window_totals(events: pd.DataFrame, cutoff, windows) -> pd.DataFrame:
    """Total attacks before and after cutoff at each window length, with the change.

    Parameters
    ----------
    events : DataFrame
    cutoff : date-like
        The cut-off date (str YYYY-MM-DD, date or Timestamp).
    windows : iterable of int
        Window lengths in days.

    Returns
    -------
    DataFrame
        Index window_days; columns before, after, change.
    """
    rows = []
    for days in windows:
        before, after = attacks_either_side(events, cutoff, days)
        rows.append({"window_days": days, "before": len(before), "after": len(after)})
    table = pd.DataFrame(rows).set_index("window_days")
    table["change"] = table["after"] - table["before"]
    return table


def window_finding(totals: pd.DataFrame, cutoff) -> str:
    """One sentence on the window lengths at which attacks fell, and from which they rose, around cutoff.

    Parameters
    ----------
    totals : DataFrame
        A window_totals() result.
    cutoff : date-like
        The cut-off date (str YYYY-MM-DD, date or Timestamp).

    Returns
    -------
    str
        One sentence.
    """
    rose = totals.index[totals["change"] > 0]
    fell = totals.index[totals["change"] < 0]
    first, last = totals.index.min(), totals.index.max()
    where = f"Around {pd.Timestamp(cutoff):%d %B %Y}"
    if len(rose) == 0:
        return f"{where}, attacks fell or held level at every window tried, from {first} to {last} days."
    if len(fell) == 0:
        return f"{where}, attacks rose or held level at every window tried, from {first} to {last} days."
    below = [w for w in totals.index if w < rose.min()]
    if not below:
        return f"{where}, attacks rose at {len(rose)} and fell at {len(fell)} of the {len(totals)} windows tried."
    return (
        f"{where}, attacks fell or held level overall at every window from {first} to {max(below)} days; they first "
        f"rose at {rose.min()} days, and rose at {len(rose)} of the {len(totals)} windows tried up to {last} days."
    )
