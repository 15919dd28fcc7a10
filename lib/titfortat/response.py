"""The response options: an event study around US strikes, a decision matrix, and a check of the article's claims."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import params
from .timeline import attacks, between

OPTIONS = {
    "hold_iran": "Hold Iran directly responsible",
    "regional_deal": "Seek a regional deal with Iran",
    "iraqi_courts": "Press Iraq to prosecute the militias",
    "syria_strikes": "More air strikes in Syria",
    "restraint": "Restraint: no military response",
}
CRITERIA = {
    "escalation_risk": "Low risk of escalation",
    "sovereignty": "Respects Iraqi sovereignty",
    "deterrence": "Deters further attacks",
    "cost": "Low cost to the US",
}
# Starting scores, 1 (poor) to 5 (good), for each option on each criterion. They are the lesson's
# judgement from the arguments in the notebook, not data: students are asked to change them.
STARTING_SCORES = pd.DataFrame(
    {
        "escalation_risk": {"hold_iran": 1, "regional_deal": 4, "iraqi_courts": 5, "syria_strikes": 3, "restraint": 4},
        "sovereignty": {"hold_iran": 3, "regional_deal": 4, "iraqi_courts": 5, "syria_strikes": 4, "restraint": 5},
        "deterrence": {"hold_iran": 4, "regional_deal": 3, "iraqi_courts": 1, "syria_strikes": 2, "restraint": 1},
        "cost": {"hold_iran": 1, "regional_deal": 2, "iraqi_courts": 4, "syria_strikes": 3, "restraint": 5},
    }
)


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


def militia_attacks(events: pd.DataFrame) -> pd.DataFrame:
    """Attacks on US and coalition targets by anyone but a state (Iran's own missile salvos left out)."""
    found = attacks(events)
    return found[~found["actor"].astype("object").isin(STATE_ACTORS)]


def _killed(rows: pd.DataFrame) -> int:
    # Blank casualty fields count as 0, so these are lower bounds.
    return int(rows["us_killed"].fillna(0).sum() + rows["other_killed"].fillna(0).sum())


def event_study(events: pd.DataFrame, window_days: int, include_states: bool = False) -> pd.DataFrame:
    """Attacks (and the deaths they caused) in the window_days before and after each US strike day, the day excluded.

    Only militia attacks count unless include_states; `last_attack` is the latest attack before the
    strike day and `days_since` how long before the strike it came."""
    params.require_positive("window_days", window_days)
    found = attacks(events) if include_states else militia_attacks(events)
    window = pd.Timedelta(days=window_days)
    rows = []
    for day in strike_days(events)["date"]:
        before = between(found, day - window, day - pd.Timedelta(days=1))
        after = between(found, day + pd.Timedelta(days=1), day + window)
        earlier = found[found["date"] < day]
        last = earlier["date"].max() if len(earlier) else pd.NaT
        rows.append(
            {
                "strike_date": day,
                "before": len(before),
                "after": len(after),
                "killed_before": _killed(before),
                "killed_after": _killed(after),
                "last_attack": last,
                "days_since": (day - last).days if pd.notna(last) else pd.NA,
            }
        )
    columns = ["strike_date", "before", "after", "killed_before", "killed_after", "last_attack", "days_since"]
    table = pd.DataFrame(rows, columns=columns)
    table.insert(3, "change", table["after"] - table["before"])
    table["days_since"] = table["days_since"].astype("Int64")
    return table


def mean_change(study: pd.DataFrame, level: float = 0.9, draws: int = 5000, seed: int = 1) -> pd.Series:
    """Mean change in attacks after a strike, with a bootstrap interval over strikes (fixed seed)."""
    changes = study["change"].to_numpy(dtype=float)
    if len(changes) == 0:
        empty = ["mean_before", "mean_after", "mean_change", "low", "high"]
        return pd.Series({"strikes": 0, **dict.fromkeys(empty, np.nan)})
    rng = np.random.default_rng(seed)
    means = rng.choice(changes, size=(draws, len(changes)), replace=True).mean(axis=1)
    tail = (1 - level) / 2
    return pd.Series(
        {
            "strikes": len(changes),
            "mean_before": study["before"].mean(),
            "mean_after": study["after"].mean(),
            "mean_change": changes.mean(),
            "low": float(np.quantile(means, tail)),
            "high": float(np.quantile(means, 1 - tail)),
        }
    )


def rank_options(weights: dict, scores: pd.DataFrame = STARTING_SCORES) -> pd.DataFrame:
    """Weighted score of each option (weights are normalised to sum to 1), best first."""
    params.require_weights("weights", weights, scores.columns)
    weight = pd.Series(weights, dtype=float).reindex(scores.columns).fillna(0)
    if weight.sum() <= 0:
        weight[:] = 1.0
    weight = weight / weight.sum()
    table = scores.copy()
    table["score"] = (scores * weight).sum(axis=1).round(2)
    table.insert(0, "option", [OPTIONS[key] for key in table.index])
    table = table.sort_values(["score", "option"], ascending=[False, True])
    table.insert(0, "rank", range(1, len(table) + 1))
    return table


def consecutive_attack_days(events: pd.DataFrame, sites: list[str], start, end) -> pd.DataFrame:
    """Attacks on the given sites between start and end, one row each, with days since the previous one."""
    found = between(attacks(events), start, end)
    found = found[found["site"].astype("object").isin(sites)]
    table = found[["date", "site", "event_type", "event_id"]].reset_index(drop=True)
    table["days_since_previous"] = table["date"].diff().dt.days.astype("Int64")
    return table


def article_claims(events: pd.DataFrame) -> pd.DataFrame:
    """The source article's factual claims, each set against what the dataset shows, with a verdict."""
    found = attacks(events)
    rows = []

    may = consecutive_attack_days(events, ["baghdad_airport", "balad", "ain_al_asad"], "2021-05-01", "2021-05-05")
    three = len(may) >= 3 and may["site"].nunique() == 3 and (may["days_since_previous"].iloc[1:3] == 1).all()
    rows.append(
        (
            "US positions were hit on three days running: Baghdad airport on the Sunday, Balad air base "
            "(home to US contractors) on the Monday, Ain al-Asad on the Tuesday",
            "; ".join(f"{d:%d %b %Y} {s}" for d, s in zip(may["date"], may["site"])) or "none found",
            "holds" if three else "not found in the data",
        )
    )

    k1 = events[(events["site"] == "k1") & (events["date"] == "2019-12-27")]
    holds = len(k1) == 1 and k1["us_killed"].iloc[0] >= 1 and k1["actor"].iloc[0] == "kataib_hezbollah"
    rows.append(
        (
            "A 2019 rocket attack on K-1 killed an American contractor, and Washington blamed Kataib Hezbollah",
            f"{int(k1['us_killed'].sum())} US killed; actor {', '.join(k1['actor'].astype(str))} "
            f"({', '.join(k1['attribution'].astype(str))})",
            "holds" if holds else "does not hold",
        )
    )

    order = ["us_strike", "assault", "soleimani", "missile_strike"]
    window = between(events, "2019-12-27", "2020-01-10")
    killed = window["summary"].str.contains("Soleimani", regex=False) & (window["event_type"] == "us_strike")
    firsts = [
        window.loc[killed if kind == "soleimani" else window["event_type"] == kind, "date"].min() for kind in order
    ]
    in_order = all(pd.notna(d) for d in firsts) and firsts == sorted(firsts)
    rows.append(
        (
            "US retaliatory strikes in December 2019 set off a cycle: protests at the US embassy, the killing of "
            "Soleimani, then Iranian ballistic missiles on Ain al-Asad in January 2020",
            ", ".join(f"{k} {d:%d %b}" for k, d in zip(order, firsts) if pd.notna(d)),
            "holds" if in_order else "does not hold",
        )
    )

    july = between(found, "2020-07-01", "2020-07-31")["date"].sort_values()
    gap = int(july.diff().dt.days.max()) if len(july) > 1 else None
    weekly = len(july) >= 4
    rows.append(
        (
            "By July 2020 attacks on US targets had become a weekly event",
            f"{len(july)} attacks recorded in July 2020"
            + (f"; the longest gap between two of them was {gap} days" if gap is not None else ""),
            ("holds on average only" if gap is not None and gap > 7 else "holds")
            if weekly
            else "not shown by the data (a lower bound)",
        )
    )

    syria = events[
        (events["event_type"] == "us_strike")
        & (events["country"] == "Syria")
        & (events["date"].dt.strftime("%Y-%m") == "2021-02")
    ]
    rows.append(
        (
            "In February 2021 the US answered an earlier attack on its forces with air strikes on Iran-backed "
            "militias in Syria",
            ", ".join(f"{d:%d %b %Y} at {s}" for d, s in zip(syria["date"], syria["site"])) or "none",
            "holds" if len(syria) else "not found in the data",
        )
    )

    handed = set(events.loc[events["event_type"] == "base_handover", "site"].astype(str))
    named = {"k1", "q_west", "taji"}
    rows.append(
        (
            "US forces were consolidated in 2020 at fewer, more defensible bases; K-1, Q-West and Camp Taji were "
            "among those left",
            "handed over: " + ", ".join(sorted(named & handed)),
            "holds" if named <= handed else "partly",
        )
    )

    rows.append(
        (
            "The Iraqi government has never indicted a militia for these attacks",
            "the dataset records raids and arrests (June 2020, December 2020, May 2021), not court outcomes",
            "the data cannot say",
        )
    )
    return pd.DataFrame(rows, columns=["claim", "what the data shows", "verdict"])


def interval_side(summary: pd.Series) -> str:
    """Where the bootstrap interval lies: "above zero", "below zero" or "spans zero"."""
    if summary["low"] > 0:
        return "above zero"
    if summary["high"] < 0:
        return "below zero"
    return "spans zero"


def event_study_headline(summary: pd.Series, window_days: int) -> str:
    """A figure title that states what the event study shows at this window."""
    side = interval_side(summary)
    if side == "above zero":
        return f"Attacks rose after US strikes ({window_days}-day windows; the 90% interval is above zero)"
    if side == "below zero":
        return f"Attacks fell after US strikes ({window_days}-day windows; the 90% interval is below zero)"
    direction = "rose" if summary["mean_change"] > 0 else "fell" if summary["mean_change"] < 0 else "held level"
    return (
        f"Attacks {direction} on average after US strikes, but the 90% interval spans zero ({window_days}-day windows)"
    )


def window_sweep(events: pd.DataFrame, windows, include_states: bool = False) -> pd.DataFrame:
    """The event study's mean change and 90% interval at each window length, with where the interval lies."""
    rows = []
    for days in windows:
        summary = mean_change(event_study(events, days, include_states))
        rows.append(
            {
                "window_days": days,
                **summary[["mean_change", "low", "high"]].to_dict(),
                "interval": interval_side(summary),
            }
        )
    return pd.DataFrame(rows).set_index("window_days")


def sweep_finding(sweep: pd.DataFrame) -> str:
    """One sentence on which windows put the interval above, below or across zero."""
    parts = []
    for side in ("above zero", "spans zero", "below zero"):
        days = sweep.index[sweep["interval"] == side].tolist()
        if days:
            parts.append(f"{side} at {', '.join(map(str, days))} days")
    lowest = sweep["mean_change"].min()
    sign = "never falls below zero" if lowest >= 0 else f"falls as low as {lowest:+.1f}"
    return f"The 90% interval lies {'; '.join(parts)}; the mean change {sign}."


def typical_window(events: pd.DataFrame, window_days: int, include_states: bool = False) -> float:
    """Mean militia attacks per window_days over the whole study period (first strike day's window to the last)."""
    found = attacks(events) if include_states else militia_attacks(events)
    days = strike_days(events)["date"]
    start, end = days.min() - pd.Timedelta(days=window_days), days.max() + pd.Timedelta(days=window_days)
    span = (end - start).days + 1
    return len(between(found, start, end)) * window_days / span


def regression_note(study: pd.DataFrame, typical: float, window_days: int) -> str:
    """Whether strikes came after busier-than-usual stretches, the setting for regression to the mean."""
    before = study["before"].mean()
    recent = int((study["days_since"] <= 7).sum())
    lead = (
        f"In the {window_days} days before a strike there were {before:.1f} attacks on average, against "
        f"{typical:.1f} in a typical {window_days}-day stretch of the period; {recent} of {len(study)} strikes "
        "came within a week of an attack."
    )
    if round(before, 1) > round(typical, 1):
        return lead + " Strikes followed busier-than-usual stretches, so some fall afterwards was to be expected."
    return lead + " At this window the stretches before strikes were not busier than usual."


def lethality_finding(study: pd.DataFrame, window_days: int) -> str:
    """One sentence comparing recorded deaths in attacks before and after the strike days."""
    before, after = int(study["killed_before"].sum()), int(study["killed_after"].sum())
    return (
        f"Recorded deaths in those attacks: {before} in the {window_days} days before the strike days and "
        f"{after} in the {window_days} days after (blank casualty fields counted as none, so these are lower bounds)."
    )


def monthly_counts(events: pd.DataFrame, months) -> pd.Series:
    """Militia attacks in each of the given months ("YYYY-MM"), in that order."""
    found = militia_attacks(events)
    labels = found["date"].dt.strftime("%Y-%m")
    return pd.Series({m: int((labels == m).sum()) for m in months}, name="attacks")
