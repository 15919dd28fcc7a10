"""Lesson 05's tables beside the predictions: the places attacked, the two periods side by side, the
Tower 22 ladder and the rows the lesson looks up by id."""

from __future__ import annotations

import pandas as pd

from .cycle import escalation_ladder
from .response import strike_days
from .timeline import attacks

# Kataib Hezbollah's announcement of 30 January 2024, looked up by id (a clear error if renamed).
SUSPENSION = "2024-01-30-baghdad-kh_suspension"


def attack_places(events: pd.DataFrame) -> pd.DataFrame:
    """One row per place attacked, for figures.base_map: site, name (label and count), latitude, longitude,
    country, attacks, size (marker size growing with the count) and hover.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        One row per site attacked, most attacked first: site, attacks, latitude, longitude, country, name (label and
        count), hover, size (for base_map).
    """
    from .world import label_for

    found = attacks(events).dropna(subset=["latitude", "longitude"])
    table = (
        found.groupby("site", observed=True)
        .agg(
            attacks=("event_id", "size"),
            latitude=("latitude", "first"),
            longitude=("longitude", "first"),
            country=("country", "first"),
        )
        .reset_index()
        .sort_values(["attacks", "site"], ascending=[False, True], ignore_index=True)
    )
    table["name"] = [f"{label_for(str(s))} ({n})" for s, n in zip(table["site"], table["attacks"])]
    table["hover"] = [
        f"{label_for(str(s))}, {c}: {n} recorded attack{'s' if n != 1 else ''}"
        for s, c, n in zip(table["site"], table["country"].astype(str), table["attacks"])
    ]
    table["size"] = 8 + 4 * table["attacks"] ** 0.5
    return table


def compare_periods(by_period: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One column per period (its key), one row per measure: days covered, attacks, attacks per week, share
    claimed, US killed and wounded, others killed in attacks, attacks with a recorded death, US strike days
    and how many hit Iraq. Blank counts add nothing: the casualty rows are lower bounds.

    Parameters
    ----------
    by_period : dict
        Period key -> its events.

    Returns
    -------
    DataFrame
        One column per period, one row per measure (object dtype, so counts print whole).
    """
    from .data import periods

    spans = periods()
    table = {}
    for key, events in by_period.items():
        found = attacks(events)
        days = int((spans.loc[key, "end"] - spans.loc[key, "start"]).days) + 1
        deadly = (found["us_killed"].fillna(0) + found["other_killed"].fillna(0)) > 0
        strikes = strike_days(events)
        table[key] = {
            "days covered": days,
            "attacks": len(found),
            "attacks per week": round(len(found) * 7 / days, 2),
            "claimed by a group (%)": round(100 * (found["attribution"] == "claimed").mean(), 1),
            "US killed": int(found["us_killed"].fillna(0).sum()),
            "US wounded": int(found["us_wounded"].fillna(0).sum()),
            "others killed in attacks": int(found["other_killed"].fillna(0).sum()),
            "attacks with a recorded death": int(deadly.sum()),
            "US strike days": len(strikes),
            "US strike days hitting Iraq": int(strikes["country"].str.contains("Iraq").sum()),
        }
    # object columns, so whole numbers print whole beside the rates
    return pd.DataFrame({key: pd.Series(values, dtype="object") for key, values in table.items()})


def tower_22_ladder(events: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """The escalation ladder from Tower 22 (cycle.escalation_ladder with the wave's cycle).

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.

    Returns
    -------
    DataFrame
        As cycle.escalation_ladder for the tower_22 cycle.
    """
    return escalation_ladder(events, "tower_22", window_days)
