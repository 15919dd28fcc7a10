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


def event_study(events: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """Attacks in the window_days before and after each US strike day (the strike day itself excluded)."""
    params.require_positive("window_days", window_days)
    found = attacks(events)
    rows = []
    for day in strike_days(events)["date"]:
        window = pd.Timedelta(days=window_days)
        before = between(found, day - window, day - pd.Timedelta(days=1))
        after = between(found, day + pd.Timedelta(days=1), day + window)
        rows.append({"strike_date": day, "before": len(before), "after": len(after)})
    table = pd.DataFrame(rows, columns=["strike_date", "before", "after"])
    table["change"] = table["after"] - table["before"]
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
            "Three US positions attacked on three days in a row (Baghdad airport, Balad, Ain al-Asad)",
            "; ".join(f"{d:%d %b %Y} {s}" for d, s in zip(may["date"], may["site"])) or "none found",
            "holds" if three else "not found in the data",
        )
    )

    k1 = events[(events["site"] == "k1") & (events["date"] == "2019-12-27")]
    holds = len(k1) == 1 and k1["us_killed"].iloc[0] >= 1 and k1["actor"].iloc[0] == "kataib_hezbollah"
    rows.append(
        (
            "A US contractor was killed at K-1 in December 2019 and the US blamed Kataib Hezbollah",
            f"{int(k1['us_killed'].sum())} US killed; actor {', '.join(k1['actor'].astype(str))} "
            f"({', '.join(k1['attribution'].astype(str))})",
            "holds" if holds else "does not hold",
        )
    )

    order = ["us_strike", "assault", "missile_strike"]
    window = between(events, "2019-12-27", "2020-01-10")
    firsts = [window.loc[window["event_type"] == kind, "date"].min() for kind in order]
    in_order = all(pd.notna(d) for d in firsts) and firsts == sorted(firsts)
    rows.append(
        (
            "Then US strikes, the embassy stormed, Soleimani killed, Iranian missiles at Ain al-Asad",
            ", ".join(f"{k} {d:%d %b}" for k, d in zip(order, firsts) if pd.notna(d)),
            "holds" if in_order else "does not hold",
        )
    )

    july = len(between(found, "2020-07-01", "2020-07-31"))
    rows.append(
        (
            "By July 2020 attacks came weekly",
            f"{july} attacks recorded in July 2020",
            "holds" if july >= 4 else "not shown by the data (a lower bound)",
        )
    )

    syria = events[
        (events["event_type"] == "us_strike")
        & (events["country"] == "Syria")
        & (events["date"].dt.strftime("%Y-%m") == "2021-02")
    ]
    rows.append(
        (
            "In February 2021 the US struck Iran-backed militias in Syria after an attack on US forces",
            ", ".join(f"{d:%d %b %Y} at {s}" for d, s in zip(syria["date"], syria["site"])) or "none",
            "holds" if len(syria) else "not found in the data",
        )
    )

    handed = set(events.loc[events["event_type"] == "base_handover", "site"].astype(str))
    named = {"k1", "q_west", "taji"}
    rows.append(
        (
            "K-1, Q-West and Camp Taji were among the sites given up in 2020",
            "handed over: " + ", ".join(sorted(named & handed)),
            "holds" if named <= handed else "partly",
        )
    )

    rows.append(
        (
            "No militia has been indicted by the Iraqi government for these attacks",
            "the dataset records some arrests, not court outcomes",
            "the data cannot say",
        )
    )
    return pd.DataFrame(rows, columns=["claim", "what the data shows", "verdict"])
