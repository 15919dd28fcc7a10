"""The check of the source article: each of its factual claims set against what the dataset shows."""

from __future__ import annotations

import pandas as pd

from .selection import attacks, between


def consecutive_attack_days(events: pd.DataFrame, sites: list[str], start, end) -> pd.DataFrame:
    """Attacks on the given sites between start and end, one row each, with days since the previous one.

    Parameters
    ----------
    events : DataFrame
    sites : list of str
        Site keys.
    start : date-like
        First day, inclusive.
    end : date-like
        Last day, inclusive.

    Returns
    -------
    DataFrame
        Columns date, site, event_type, event_id, days_since_previous (Int64, blank for the first).
    """
    found = between(attacks(events), start, end)
    found = found[found["site"].astype("object").isin(sites)]
    table = found[["date", "site", "event_type", "event_id"]].reset_index(drop=True)
    table["days_since_previous"] = table["date"].diff().dt.days.astype("Int64")
    return table


def article_claims(events: pd.DataFrame) -> pd.DataFrame:
    """The source article's factual claims, each set against what the dataset shows, with a verdict.

    Parameters
    ----------
    events : DataFrame

    Returns
    -------
    DataFrame
        Columns claim, what the data shows, verdict; one row per claim, in the article's order.
    """
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
    # A blank toll is no evidence of a death: it counts as 0 here, as in every total.
    holds = len(k1) == 1 and k1["us_killed"].fillna(0).iloc[0] >= 1 and k1["actor"].iloc[0] == "kataib_hezbollah"
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
