"""Did attacks change after US strikes? Strike days and episodes, the event study around them, its mean
change with an interval, and the sweep over windows (strike_findings reads them in sentences)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import params
from .selection import attacks, between


def strike_days(events: pd.DataFrame) -> pd.DataFrame:
    """One row per day with a US strike (strikes on the same day count once), with the sites struck.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns date, sites (comma-separated keys), country; one row per day with a US strike.
    """
    strikes = events[events["event_type"] == "us_strike"]
    grouped = strikes.groupby("date", observed=True).agg(
        sites=("site", lambda s: ", ".join(sorted(set(s.astype("object"))))),
        country=("country", lambda s: ", ".join(sorted(set(s.astype("object"))))),
    )
    return grouped.reset_index()


# States, not militias: Iran's own missile salvos of 8 January 2020 answered the Soleimani strike as a
# state's act; the question "do strikes deter the militias?" counts only the others.
STATE_ACTORS = ("iran",)

# Two-sided 90% Student t quantiles (the 95th percentile) by degrees of freedom, for the interval of a
# mean over a handful of cases; numpy has no t quantile and the project does not ship scipy.
T_90 = {1: 6.314, 2: 2.920, 3: 2.353, 4: 2.132, 5: 2.015, 6: 1.943, 7: 1.895, 8: 1.860, 9: 1.833, 10: 1.812}


def militia_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Attacks on US and coalition targets by anyone but a state (Iran's own missile salvos left out).

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        The same columns, attacks whose actor is not a state (STATE_ACTORS).
    """
    found = attacks(events)
    return found[~found["actor"].astype("object").isin(STATE_ACTORS)]


def killed_in(rows: pd.DataFrame) -> int:
    """Deaths recorded in the rows, US and others; blank casualty fields count as 0, so this is a lower bound."""
    return int(rows["us_killed"].fillna(0).sum() + rows["other_killed"].fillna(0).sum())


def episodes(events: pd.DataFrame, window_days: int) -> list[list[pd.Timestamp]]:
    """Strike days grouped into episodes: a strike day inside the previous one's window joins its episode.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.

    Returns
    -------
    list of list of Timestamp
        The strike days of each episode, in date order.
    """
    groups: list[list[pd.Timestamp]] = []
    for day in strike_days(events)["date"]:
        if groups and (day - groups[-1][-1]).days <= window_days:
            groups[-1].append(day)
        else:
            groups.append([day])
    return groups


def study_attacks(events: pd.DataFrame, include_states: bool) -> pd.DataFrame:
    """The attacks the event study counts: by militias (and Iran too with include_states), in the countries
    each period records fully."""
    # Only the countries each period records fully (x-periods' study_countries): in 2017-2021 attacks in
    # Syria are recorded only from June 2021, so counting them would inflate one strike's window.
    from .package import periods

    found = attacks(events) if include_states else militia_attacks(events)
    keep = pd.Series(False, index=found.index)
    for _, period in periods().iterrows():
        keep |= found["date"].between(period["start"], period["end"]) & found["country"].astype("object").isin(
            period["study_countries"]
        )
    return found[keep]


def episode_windows(
    events: pd.DataFrame, window_days: int, merge: bool
) -> list[tuple[list, pd.Timestamp, pd.Timestamp]]:
    """Each episode (or, without merge, each strike day) as (its strike days, the first, the last)."""
    groups = episodes(events, window_days) if merge else [[d] for d in strike_days(events)["date"]]
    return [(group, group[0], group[-1]) for group in groups]


def event_study(
    events: pd.DataFrame, window_days: int, include_states: bool = False, merge: bool = True
) -> pd.DataFrame:
    """Attacks (and their deaths) in the window_days before and after each strike episode, in the countries
    each period records fully (Iraq in 2017-2021; Iraq, Syria and Jordan in 2023-2024: data.periods).

    With merge (the default), strike days inside another's window form one episode, counted from the day
    before its first strike and from the day after its last, so no attack is counted twice; without it,
    each strike day is a case. Only militia attacks count unless include_states; `last_attack` is the
    latest attack before the episode and `days_since` how long before its first strike it came.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.
    include_states : bool
        Count Iran's own missile strikes too (default: militia attacks only).
    merge : bool
        Merge strike days inside another's window into one episode (default) or count each day.

    Returns
    -------
    DataFrame
        One row per episode: episode (its dates), first_strike, before, after, change, killed_before, killed_after,
        last_attack, days_since (Int64, blank when no attack came before).
    """
    params.require_positive("window_days", window_days)
    found = study_attacks(events, include_states)
    window = pd.Timedelta(days=window_days)
    day = pd.Timedelta(days=1)
    rows = []
    for group, first, last in episode_windows(events, window_days, merge):
        before = between(found, first - window, first - day)
        after = between(found, last + day, last + window)
        earlier = found[found["date"] < first]
        latest = earlier["date"].max() if len(earlier) else pd.NaT
        rows.append(
            {
                "episode": " + ".join(f"{d:%d %b %Y}" for d in group),
                "first_strike": first,
                "before": len(before),
                "after": len(after),
                "killed_before": killed_in(before),
                "killed_after": killed_in(after),
                "last_attack": latest,
                "days_since": (first - latest).days if pd.notna(latest) else pd.NA,
            }
        )
    columns = [
        "episode",
        "first_strike",
        "before",
        "after",
        "killed_before",
        "killed_after",
        "last_attack",
        "days_since",
    ]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(4, "change", table["after"] - table["before"])
    table["days_since"] = table["days_since"].astype("Int64")
    return table


def mean_change(study: pd.DataFrame) -> pd.Series:
    """Mean change in attacks after a strike episode, with a 90% Student t interval and the count that rose and fell.

    The t interval widens as cases get fewer; a percentile bootstrap cannot reach beyond the few values
    seen and so understates the uncertainty of a mean over four or five cases.

    Parameters
    ----------
    study : DataFrame

    Returns
    -------
    Series
        cases, rose, fell, mean_before, mean_after, mean_change, low, high (the 90% interval); with no cases the
        same keys, the means and interval NaN.
    """
    changes = study["change"].to_numpy(dtype=float)
    n = len(changes)
    mean = changes.mean() if n else np.nan
    half = T_90[n - 1] * changes.std(ddof=1) / np.sqrt(n) if 1 < n <= len(T_90) + 1 else np.nan
    return pd.Series(
        {
            "cases": n,
            "rose": int((changes > 0).sum()),
            "fell": int((changes < 0).sum()),
            "mean_before": study["before"].mean() if n else np.nan,
            "mean_after": study["after"].mean() if n else np.nan,
            "mean_change": mean,
            "low": mean - half,
            "high": mean + half,
        }
    )


def interval_side(summary: pd.Series) -> str:
    """Where the interval lies: "above zero", "below zero", "spans zero", or "no interval" (one case).

    Parameters
    ----------
    summary : Series

    Returns
    -------
    str
        "above zero", "below zero", "spans zero" or "no interval".
    """
    if pd.isna(summary["low"]):
        return "no interval"
    if summary["low"] > 0:
        return "above zero"
    if summary["high"] < 0:
        return "below zero"
    return "spans zero"


def window_sweep(events: pd.DataFrame, windows, include_states: bool = False) -> pd.DataFrame:
    """At each window: the mean change per strike day (overlaps counted twice) and per episode, with its interval.

    Parameters
    ----------
    events : DataFrame
    windows : iterable of int
        Window lengths in days.
    include_states : bool
        Count Iran's own missile strikes too (default: militia attacks only).

    Returns
    -------
    DataFrame
        Index window_days; columns per_strike_day, episodes, mean_change, low, high, interval (as interval_side).
    """
    rows = []
    for days in windows:
        by_day = mean_change(event_study(events, days, include_states, merge=False))
        summary = mean_change(event_study(events, days, include_states))
        rows.append(
            {
                "window_days": days,
                "per_strike_day": by_day["mean_change"],
                "episodes": int(summary["cases"]),
                "mean_change": summary["mean_change"],
                "low": summary["low"],
                "high": summary["high"],
                "interval": interval_side(summary),
            }
        )
    return pd.DataFrame(rows).set_index("window_days")


def typical_window(events: pd.DataFrame, window_days: int, include_states: bool = False) -> float:
    """Mean attacks in Iraq per window_days over the study period (first strike day's window to the last).

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.
    include_states : bool
        Count Iran's own missile strikes too (default: militia attacks only).

    Returns
    -------
    float
        Attacks per window_days, averaged over the study period.
    """
    found = study_attacks(events, include_states)
    days = strike_days(events)["date"]
    start, end = days.min() - pd.Timedelta(days=window_days), days.max() + pd.Timedelta(days=window_days)
    span = (end - start).days + 1
    return len(between(found, start, end)) * window_days / span


def monthly_counts(events: pd.DataFrame, months) -> pd.Series:
    """Militia attacks in each of the given months ("YYYY-MM"), in that order.

    Parameters
    ----------
    events : DataFrame
    months : iterable of str
        Months as "YYYY-MM".

    Returns
    -------
    Series
        Named `attacks`, indexed by the months given.
    """
    found = militia_attacks(events)
    labels = found["date"].dt.strftime("%Y-%m")
    return pd.Series({m: int((labels == m).sum()) for m in months}, name="attacks")
