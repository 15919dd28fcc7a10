"""Did attacks change after US strikes? Strike days and episodes, the event study around them, its mean
change with an interval, the sweep over windows, and the sentences that read them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import params
from .timeline import attacks, between, named_events


def strike_days(events: pd.DataFrame) -> pd.DataFrame:
    """One row per day with a US strike (strikes on the same day count once), with the sites struck."""
    strikes = events[events["event_type"] == "us_strike"]
    grouped = strikes.groupby("date", observed=True).agg(
        sites=("site", lambda s: ", ".join(sorted(set(s.astype("object"))))),
        country=("country", lambda s: ", ".join(sorted(set(s.astype("object"))))),
    )
    return grouped.reset_index()


# States, not militias: Iran's own missile salvos of 8 January 2020 answered the Soleimani strike as a
# state's act; the question "do strikes deter the militias?" counts only the others.
STATE_ACTORS = ("iran",)

# The attacks each strike day answered, as its strike rows say: 2019-12-29-al_qaim-strike ("in
# retaliation for the K-1 attack"), 2020-03-13-karbala_airport-strike ("in retaliation for the Taji
# attack"), 2021-02-26-abu_kamal-strike ("the response to the Erbil and other recent attacks") and the
# 2021-06-28 rows (sites "used for drone attacks on US personnel in Iraq": every drone attack of 2021
# before it). The 3 January 2020 strike answered no single attack: the Pentagon said Soleimani was
# planning attacks (its row's notes).
ANSWERED = {
    "2019-12-29": ["2019-12-27-k1-rocket"],
    "2020-01-03": [],
    "2020-03-13": ["2020-03-11-taji-rocket"],
    "2021-02-26": ["2021-02-15-erbil_airport-rocket"],
    "2021-06-28": "drone_attack 2021",
}

# Two-sided 90% Student t quantiles (the 95th percentile) by degrees of freedom, for the interval of a
# mean over a handful of cases; numpy has no t quantile and the project does not ship scipy.
T_90 = {1: 6.314, 2: 2.920, 3: 2.353, 4: 2.132, 5: 2.015, 6: 1.943, 7: 1.895, 8: 1.860, 9: 1.833, 10: 1.812}


def militia_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Attacks on US and coalition targets by anyone but a state (Iran's own missile salvos left out)."""
    found = attacks(events)
    return found[~found["actor"].astype("object").isin(STATE_ACTORS)]


def _killed(rows: pd.DataFrame) -> int:
    # Blank casualty fields count as 0, so these are lower bounds.
    return int(rows["us_killed"].fillna(0).sum() + rows["other_killed"].fillna(0).sum())


def episodes(events: pd.DataFrame, window_days: int) -> list[list[pd.Timestamp]]:
    """Strike days grouped into episodes: a strike day inside the previous one's window joins its episode."""
    groups: list[list[pd.Timestamp]] = []
    for day in strike_days(events)["date"]:
        if groups and (day - groups[-1][-1]).days <= window_days:
            groups[-1].append(day)
        else:
            groups.append([day])
    return groups


def _study_attacks(events: pd.DataFrame, include_states: bool) -> pd.DataFrame:
    # Attacks in Syria are recorded only from June 2021, so counting them would inflate one strike's window.
    found = attacks(events) if include_states else militia_attacks(events)
    return found[found["country"] == "Iraq"]


def _windows(events: pd.DataFrame, window_days: int, merge: bool) -> list[tuple[list, pd.Timestamp, pd.Timestamp]]:
    groups = episodes(events, window_days) if merge else [[d] for d in strike_days(events)["date"]]
    return [(group, group[0], group[-1]) for group in groups]


def event_study(
    events: pd.DataFrame, window_days: int, include_states: bool = False, merge: bool = True
) -> pd.DataFrame:
    """Attacks in Iraq (and their deaths) in the window_days before and after each strike episode.

    With merge (the default), strike days inside another's window form one episode, counted from the day
    before its first strike and from the day after its last, so no attack is counted twice; without it,
    each strike day is a case. Only militia attacks count unless include_states; `last_attack` is the
    latest attack before the episode and `days_since` how long before its first strike it came."""
    params.require_positive("window_days", window_days)
    found = _study_attacks(events, include_states)
    window = pd.Timedelta(days=window_days)
    day = pd.Timedelta(days=1)
    rows = []
    for group, first, last in _windows(events, window_days, merge):
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
                "killed_before": _killed(before),
                "killed_after": _killed(after),
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
    seen and so understates the uncertainty of a mean over four or five cases."""
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
    """Where the interval lies: "above zero", "below zero" or "spans zero"."""
    if summary["low"] > 0:
        return "above zero"
    if summary["high"] < 0:
        return "below zero"
    return "spans zero"


def event_study_headline(summary: pd.Series, window_days: int) -> str:
    """A figure title that asks the question and states the answer with its uncertainty at this window."""
    n = int(summary["cases"])
    numbers = (
        f"{window_days}-day windows, {n} episodes: {int(summary['rose'])} rose, {int(summary['fell'])} fell; "
        f"mean {summary['mean_change']:+.1f} (90% interval {summary['low']:+.1f} to {summary['high']:+.1f})"
    )
    verdict = {
        "spans zero": "the data cannot tell",
        "above zero": f"a rise, but {n} cases chosen after attacks cannot show why",
        "below zero": f"a fall, but {n} cases chosen after attacks cannot show why",
    }[interval_side(summary)]
    return f"Did attacks rise after US strikes? {numbers}: {verdict}"


def window_sweep(events: pd.DataFrame, windows, include_states: bool = False) -> pd.DataFrame:
    """At each window: the mean change per strike day (overlaps counted twice) and per episode, with its interval."""
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


def sweep_finding(sweep: pd.DataFrame) -> str:
    """What merging overlapping strike days does to the mean change, and where the episodes' interval lies."""
    windows = sweep.index.tolist()
    by_day, merged = sweep["per_strike_day"], sweep["mean_change"]
    sides = sorted(set(sweep["interval"]))
    where = (
        f"spans zero at every window ({', '.join(map(str, windows))} days)"
        if sides == ["spans zero"]
        else "; ".join(
            f"{'' if side == 'spans zero' else 'lies '}{side} at "
            + ", ".join(map(str, sweep.index[sweep["interval"] == side]))
            + " days"
            for side in sides
        )
    )
    return (
        f"Counting each strike day as a case, the mean change runs from {by_day.min():+.1f} to {by_day.max():+.1f}; "
        "counting episodes, so that no strike falls inside another's window, it runs from "
        f"{merged.min():+.1f} to {merged.max():+.1f}, "
        f"and its 90% interval {where}."
    )


def typical_window(events: pd.DataFrame, window_days: int, include_states: bool = False) -> float:
    """Mean attacks in Iraq per window_days over the study period (first strike day's window to the last)."""
    found = _study_attacks(events, include_states)
    days = strike_days(events)["date"]
    start, end = days.min() - pd.Timedelta(days=window_days), days.max() + pd.Timedelta(days=window_days)
    span = (end - start).days + 1
    return len(between(found, start, end)) * window_days / span


def answered_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Each strike day with the attacks its rows say it answered (see ANSWERED) and the deaths recorded in them."""
    found = attacks(events)
    rows = []
    for day in strike_days(events)["date"]:
        named = ANSWERED.get(f"{day:%Y-%m-%d}", [])
        if named == "drone_attack 2021":
            chosen = found[
                (found["event_type"] == "drone_attack") & (found["date"].dt.year == 2021) & (found["date"] < day)
            ]
        else:
            chosen = named_events(found, named, "titfortat.strikes.ANSWERED")
        rows.append(
            {
                "strike_day": day,
                "answered": len(chosen),
                "killed": _killed(chosen),
                "event_ids": list(chosen["event_id"]),
            }
        )
    return pd.DataFrame(rows)


def regression_note(events: pd.DataFrame, window_days: int) -> str:
    """Whether strikes followed busy stretches or deadly attacks: where regression to the mean applies."""
    study = event_study(events, window_days)
    before, typical = study["before"].mean(), typical_window(events, window_days)
    answered = answered_attacks(events)
    deadly = answered[answered["killed"] > 0]
    lead = (
        f"In the {window_days} days before a strike episode there were {before:.1f} attacks on average, against "
        f"{typical:.1f} in a typical {window_days}-day stretch of the period"
    )
    counts = (
        ": strikes followed busier-than-usual stretches, so some fall in attacks afterwards was to be expected."
        if round(before, 1) > round(typical, 1)
        else ": the stretches before strikes were not busier than usual, so for attack counts regression to the mean "
        "predicts little."
    )
    deaths = (
        f" But {len(deadly)} of the {len(answered)} strike days answered attacks that had killed people "
        f"({', '.join(f'{d:%d %b %Y}' for d in deadly['strike_day'])}: {int(deadly['killed'].sum())} deaths): "
        "strikes were chosen after deaths, so fewer deaths afterwards is what regression to the mean predicts "
        "even if no strike deterred anyone."
    )
    harmless = answered[(answered["answered"] > 0) & (answered["killed"] == 0)]
    others = "".join(
        f" The strikes of {row.strike_day:%d %b %Y} answered {row.answered} attacks in which no death was recorded."
        for row in harmless.itertuples()
    )
    return lead + counts + deaths + others


def _union(found: pd.DataFrame, spans) -> pd.DataFrame:
    keep = pd.Series(False, index=found.index)
    for start, end in spans:
        keep |= (found["date"] >= start) & (found["date"] <= end)
    return found[keep]


def lethality_finding(events: pd.DataFrame, window_days: int) -> str:
    """Deaths recorded in the attacks before and after the strike episodes, each attack counted once, with its rows."""
    found = _study_attacks(events, False)
    window, day = pd.Timedelta(days=window_days), pd.Timedelta(days=1)
    groups = _windows(events, window_days, True)
    parts = []
    for name, spans in [
        ("before", [(first - window, first - day) for _, first, _ in groups]),
        ("after", [(last + day, last + window) for _, _, last in groups]),
    ]:
        rows = _union(found, spans)
        rows = rows[(rows["us_killed"].fillna(0) + rows["other_killed"].fillna(0)) > 0]
        named = ", ".join(f"{i} {_killed(rows[rows['event_id'] == i])}" for i in rows["event_id"])
        parts.append(f"{_killed(rows)} in the {window_days} days {name}" + (f" ({named})" if named else ""))
    return (
        f"Recorded deaths in those attacks, each attack counted once: {parts[0]} and {parts[1]}. "
        "Blank casualty fields count as none, so these are lower bounds."
    )


def monthly_counts(events: pd.DataFrame, months) -> pd.Series:
    """Militia attacks in each of the given months ("YYYY-MM"), in that order."""
    found = militia_attacks(events)
    labels = found["date"].dt.strftime("%Y-%m")
    return pd.Series({m: int((labels == m).sum()) for m in months}, name="attacks")
