"""Escalation cycles: the rungs of action and reaction after a deadly attack, day by day."""

from __future__ import annotations

import pandas as pd

from . import params
from .prose import Sentence
from .world import ALL_CYCLES, CYCLES, MILITIA_SIDE, SIDE_ORDER, SIDES
from .world import WAVE_CYCLES as WAVE_CYCLES  # lesson 05 reads it here (tt.cycle.WAVE_CYCLES)

# Event types that answer violence rather than commit it: on the same day they come after it.
REACTION_TYPES = ["political", "troop_change", "base_handover"]

# The longest ladder a lesson or widget draws, in days after the opening attack.
MAX_WINDOW_DAYS = 60


def side_of(actor: str) -> str:
    """The side an actor belongs to; an actor with no side is a mistake in this table, not a militia.

    Parameters
    ----------
    actor : str
        An actor key.

    Returns
    -------
    str
        One of SIDE_ORDER; a KeyError names an actor with no side.
    """
    try:
        return SIDES[actor]
    except KeyError:
        raise KeyError(f"actor {actor!r} has no side in titfortat.world.SIDES; add it there") from None


def opening_event(events: pd.DataFrame, cycle: str) -> pd.Series:
    """The attack that opens a cycle, looked up in the data by its date and site.

    Parameters
    ----------
    events : DataFrame
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).

    Returns
    -------
    Series
        The opening attack's row; a LookupError names a cycle whose attack is missing.
    """
    spec = ALL_CYCLES[cycle]
    rows = events[(events["date"] == pd.Timestamp(spec["start"])) & (events["site"] == spec["site"])]
    if rows.empty:
        raise LookupError(f"cycle {cycle!r}: no event at {spec['site']} on {spec['start']} in the data")
    return rows.iloc[0]


def escalation_ladder(events: pd.DataFrame, cycle: str, window_days: int) -> pd.DataFrame:
    """Every event from the cycle's opening attack to window_days later, one rung each, with side and day.

    Parameters
    ----------
    events : DataFrame
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).
    window_days : int
        Days after the opening attack (0: the opening day alone).

    Returns
    -------
    DataFrame
        One row per rung in order: rung, date, day (since the opening), side (categorical, SIDE_ORDER), actor,
        event_type, site, us_killed, us_wounded, other_killed, killed (blank when no toll), summary, source_name,
        source_url, event_id.
    """
    params.require_choice("cycle", cycle, ALL_CYCLES)
    params.require_not_negative("window_days", window_days)
    start = opening_event(events, cycle)["date"]  # a LookupError names the cycle if the data lacks it
    end = start + pd.Timedelta(days=window_days)
    rungs = events[(events["date"] >= start) & (events["date"] <= end)].copy()
    # Within a day, acts of violence come before the statements and decisions that answered them.
    rungs["reaction"] = rungs["event_type"].isin(REACTION_TYPES)
    rungs = rungs.sort_values(["date", "reaction", "event_id"], kind="stable")
    rungs["day"] = (rungs["date"] - start).dt.days
    rungs["side"] = pd.Categorical(rungs["actor"].astype("object").map(side_of), categories=SIDE_ORDER)
    # The dead of a rung: blank (not 0) when no report gives a toll for anyone.
    rungs["killed"] = (rungs["us_killed"].fillna(0) + rungs["other_killed"].fillna(0)).mask(
        rungs["us_killed"].isna() & rungs["other_killed"].isna()
    )
    rungs.insert(0, "rung", range(1, len(rungs) + 1))
    columns = [
        "rung",
        "date",
        "day",
        "side",
        "actor",
        "event_type",
        "site",
        "us_killed",
        "us_wounded",
        "other_killed",
        "killed",
        "summary",
        "source_name",
        "source_url",
        "event_id",
    ]
    return rungs[columns].reset_index(drop=True)


def compare_cycles(events: pd.DataFrame, window_days: int) -> pd.DataFrame:
    """One row per cycle, within the window: events, militia actions, days with US strikes, days to the first
    US strike, and the dead and wounded (where a toll is unknown it adds nothing: see strikes_without_toll).

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.

    Returns
    -------
    DataFrame
        Index cycle; columns title, events, militia_actions, us_strike_days, days_to_first_us_strike (Int64),
        strikes_without_toll, us_killed, us_wounded, other_killed.
    """
    params.require_positive("window_days", window_days)
    rows = []
    for name, spec in CYCLES.items():
        ladder = escalation_ladder(events, name, window_days)
        strikes = ladder[ladder["event_type"] == "us_strike"]
        militia = ladder[ladder["side"] == MILITIA_SIDE]  # attacks, and also crowds and claims
        rows.append(
            {
                "cycle": name,
                "title": spec["title"],
                "events": len(ladder),
                "militia_actions": len(militia),
                "us_strike_days": strikes["date"].nunique(),
                "days_to_first_us_strike": strikes["day"].min() if len(strikes) else pd.NA,
                "strikes_without_toll": int(strikes["killed"].isna().sum()),
                "us_killed": int(ladder["us_killed"].fillna(0).sum()),
                "us_wounded": int(ladder["us_wounded"].fillna(0).sum()),
                "other_killed": int(ladder["other_killed"].fillna(0).sum()),
            }
        )
    table = pd.DataFrame(rows).set_index("cycle")
    table["days_to_first_us_strike"] = table["days_to_first_us_strike"].astype("Int64")
    return table


def deaths_by_side(rungs: pd.DataFrame) -> pd.Series:
    """Deaths in a ladder (US and others), summed by the side whose action caused them; unknown counts as 0.

    Parameters
    ----------
    rungs : DataFrame

    Returns
    -------
    Series
        int64 deaths per side, every side of SIDE_ORDER listed.
    """
    return rungs.groupby("side", observed=False)["killed"].sum(min_count=0).fillna(0).astype("int64")


def deaths_headline(rungs: pd.DataFrame) -> str:
    """A chart title stating how many deaths the ladder records and which side's actions caused most.

    Parameters
    ----------
    rungs : DataFrame

    Returns
    -------
    Sentence
        A title.
    """
    deaths = deaths_by_side(rungs)
    total = int(deaths.sum())
    no_count = int(
        (
            rungs["us_killed"].isna()
            & rungs["other_killed"].isna()
            & rungs["event_type"].isin(
                ["rocket_attack", "drone_attack", "ied_attack", "missile_strike", "us_strike", "assault"]
            )
        ).sum()
    )
    missing = (
        f" ({no_count} {'attack or strike' if no_count == 1 else 'attacks and strikes'} in this window "
        f"{'has' if no_count == 1 else 'have'} no death toll)"
        if no_count
        else ""
    )
    if total == 0:
        return Sentence(f"No deaths are recorded in this window{missing}")
    if (deaths == deaths.max()).sum() > 1:
        return Sentence(f"{total} recorded deaths, as many from one side's actions as another's{missing}")
    top = deaths.idxmax()
    side = top if top[0:2] in ("US", "Ir") else top.lower()
    return Sentence(f"{total} recorded deaths, {deaths.max()} of them from actions by {side}{missing}")


def unknown_actor_note(rungs: pd.DataFrame) -> Sentence:
    """A sentence saying how many rungs on the militia row have no known actor, and why they are there.

    Parameters
    ----------
    rungs : DataFrame

    Returns
    -------
    Sentence
        One or two sentences.
    """
    unknown = int((rungs["actor"] == "unknown").sum())
    militia = int((rungs["side"] == MILITIA_SIDE).sum())
    if unknown == 0:
        return Sentence(
            f"All {militia} rungs on the militia row were claimed by, or blamed on, a named group or crowd."
        )
    return Sentence(
        f"{unknown} of the {militia} rungs on the militia row {'has' if unknown == 1 else 'have'} no known actor: "
        "nobody claimed them and no official named a group. The dataset places unclaimed attacks on US forces "
        "on the militia row by rule, because US officials blamed Iran-aligned militias for the campaign as a "
        "whole; the row is a convention, not a finding."
    )
