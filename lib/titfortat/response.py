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
# judgement from the arguments in the notebook, not data: students are asked to change them. Iraqi
# prosecution scores only 3 on escalation: both attempts brought armed PMF members into the Green Zone
# (2020-06-25-dora-kh_raid, 2021-05-26-baghdad-arrest).
STARTING_SCORES = pd.DataFrame(
    {
        "escalation_risk": {"hold_iran": 1, "regional_deal": 4, "iraqi_courts": 3, "syria_strikes": 3, "restraint": 4},
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
    # The 2023-2024 wave. The strikes of 27 Oct, 8 and 12 Nov 2023 answered the run of attacks since
    # 17 October, no single one; those of 3 Dec 2023, 4 and 8 Jan 2024 were pre-emptive (fighters
    # readying a drone, a commander said to plan attacks, a loaded launcher).
    "2023-10-27": [],
    "2023-11-08": [],
    "2023-11-12": [],
    "2023-11-20": ["2023-11-20-ain_al_asad-missile"],
    "2023-11-22": ["2023-11-20-ain_al_asad-missile"],
    "2023-12-03": [],
    "2023-12-26": ["2023-12-25-erbil_airport-drone"],
    "2024-01-04": [],
    "2024-01-08": [],
    "2024-01-24": ["2024-01-20-ain_al_asad-missile"],
    "2024-02-03": ["2024-01-28-tower_22-drone"],
    "2024-02-07": ["2024-01-28-tower_22-drone"],
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
    # Only the countries each period records fully (x-periods' study_countries): in 2017-2021 attacks in
    # Syria are recorded only from June 2021, so counting them would inflate one strike's window.
    from .data import periods

    found = attacks(events) if include_states else militia_attacks(events)
    keep = pd.Series(False, index=found.index)
    for _, period in periods().iterrows():
        keep |= found["date"].between(period["start"], period["end"]) & found["country"].astype("object").isin(
            period["study_countries"]
        )
    return found[keep]


def _windows(events: pd.DataFrame, window_days: int, merge: bool) -> list[tuple[list, pd.Timestamp, pd.Timestamp]]:
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
    """Where the interval lies: "above zero", "below zero", "spans zero", or "no interval" (one case)."""
    if pd.isna(summary["low"]):
        return "no interval"
    if summary["low"] > 0:
        return "above zero"
    if summary["high"] < 0:
        return "below zero"
    return "spans zero"


def interval_text(summary: pd.Series) -> str:
    """ "90% interval -1.2 to +3.4", or, with fewer than two cases, why there is none."""
    if pd.isna(summary["low"]):
        return "no interval: fewer than two episodes"
    return f"90% interval {summary['low']:+.1f} to {summary['high']:+.1f}"


def event_study_headline(summary: pd.Series, window_days: int) -> str:
    """A figure title that asks the question and states the answer with its uncertainty at this window."""
    n = int(summary["cases"])
    numbers = (
        f"{window_days}-day windows, {n} episode{'' if n == 1 else 's'}: {int(summary['rose'])} rose, "
        f"{int(summary['fell'])} fell; mean {summary['mean_change']:+.1f} ({interval_text(summary)})"
    )
    verdict = {
        "spans zero": "the data cannot tell",
        "no interval": "the data cannot tell",
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
            {"spans zero": "spans zero", "no interval": "does not exist (one episode)"}.get(side, f"lies {side}")
            + " at "
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
            chosen = found[found["event_id"].isin(named)]
        rows.append(
            {
                "strike_day": day,
                "answered": len(chosen),
                "killed": _killed(chosen),
                "event_ids": list(chosen["event_id"]),
            }
        )
    return pd.DataFrame(rows)


def regression_note(events: pd.DataFrame, window_days: int, answered_in: pd.DataFrame | None = None) -> str:
    """Whether strikes followed busy stretches or deadly attacks: where regression to the mean applies.

    The attacks each strike answered are looked up in answered_in (default: events), so a study that
    counts fewer countries still knows what a strike answered abroad."""
    study = event_study(events, window_days)
    before, typical = study["before"].mean(), typical_window(events, window_days)
    answered = answered_attacks(events if answered_in is None else answered_in)
    deadly = answered[answered["killed"] > 0]
    # Two strike days can answer the same attack (Tower 22): its dead are counted once.
    answered_rows = (
        attacks(events if answered_in is None else answered_in)
        .set_index("event_id")
        .loc[sorted({i for ids in deadly["event_ids"] for i in ids})]
    )
    dead = _killed(answered_rows)
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
        f" None of the {len(answered)} strike days answered an attack with a recorded death."
        if deadly.empty
        else f" But {len(deadly)} of the {len(answered)} strike days answered attacks that had killed people "
        f"({', '.join(f'{d:%d %b %Y}' for d in deadly['strike_day'])}: {dead} deaths): "
        "strikes were chosen after deaths, so fewer deaths afterwards is what regression to the mean predicts "
        "even if no strike deterred anyone."
    )
    harmless = answered[(answered["answered"] > 0) & (answered["killed"] == 0)]
    if len(harmless) == 1:
        row = next(harmless.itertuples())
        others = (
            f" The strikes of {row.strike_day:%d %b %Y} answered {row.answered} "
            f"{'attack' if row.answered == 1 else 'attacks'} in which no death was recorded."
        )
    elif len(harmless) > 1:
        days = [f"{d:%d %b %Y}" for d in harmless["strike_day"]]
        others = (
            f" The strikes of {', '.join(days[:-1])} and {days[-1]} answered attacks in which no death was recorded."
        )
    else:
        others = ""
    unnamed = int((answered["answered"] == 0).sum())
    if unnamed:
        others += (
            f" The other {'strike day' if unnamed == 1 else f'{unnamed} strike days'} answered no single attack "
            "(a run of attacks, or a threat the US said it pre-empted)."
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
    parts, seen = [], {}
    for name, spans in [
        ("before", [(first - window, first - day) for _, first, _ in groups]),
        ("after", [(last + day, last + window) for _, _, last in groups]),
    ]:
        rows = _union(found, spans)
        rows = rows[(rows["us_killed"].fillna(0) + rows["other_killed"].fillna(0)) > 0]
        seen[name] = list(rows["event_id"])
        named = ", ".join(f"{i} {_killed(rows[rows['event_id'] == i])}" for i in rows["event_id"])
        parts.append(f"{_killed(rows)} in the {window_days} days {name}" + (f" ({named})" if named else ""))
    both = sorted(set(seen["before"]) & set(seen["after"]))
    overlap = (
        f" {', '.join(both)} fell after one episode and before the next, so it is counted on both sides."
        if both
        else ""
    )
    return (
        f"Recorded deaths in those attacks, each attack counted once: {parts[0]} and {parts[1]}."
        + overlap
        + " Blank casualty fields count as none, so these are lower bounds."
    )


def monthly_counts(events: pd.DataFrame, months) -> pd.Series:
    """Militia attacks in each of the given months ("YYYY-MM"), in that order."""
    found = militia_attacks(events)
    labels = found["date"].dt.strftime("%Y-%m")
    return pd.Series({m: int((labels == m).sum()) for m in months}, name="attacks")
