"""Escalation cycles: the rungs of action and reaction after a deadly attack, day by day."""

from __future__ import annotations

import pandas as pd

from . import params

# Each cycle opens with a deadly attack on a site; the ladder is every event from that day on.
CYCLES = {
    "soleimani": {
        "title": "K-1 to the Iranian missile strike, Dec 2019 - Jan 2020",
        "start": "2019-12-27",
        "site": "k1",
    },
    "taji": {"title": "The Camp Taji cycle, March 2020", "start": "2020-03-11", "site": "taji"},
    "erbil": {"title": "The Erbil cycle, February - March 2021", "start": "2021-02-15", "site": "erbil_airport"},
}

# The longest ladder a lesson or widget draws, in days after the opening attack.
MAX_WINDOW_DAYS = 60

# Which side of the conflict each actor stands on, for colouring and for the ladder's rows.
SIDES = {
    "united_states": "United States",
    "coalition": "United States",
    "iran": "Iran",
    "iraq_government": "Iraqi state",
    "iraq_parliament": "Iraqi state",
}
MILITIA_SIDE = "Militias and crowds"
SIDE_ORDER = [MILITIA_SIDE, "United States", "Iran", "Iraqi state"]


def side_of(actor: str) -> str:
    """The side an actor belongs to: the US, Iran, the Iraqi state, or the militias (named or not)."""
    return SIDES.get(actor, MILITIA_SIDE)


def opening_event(events: pd.DataFrame, cycle: str) -> pd.Series:
    """The attack that opens a cycle, looked up in the data by its date and site."""
    spec = CYCLES[cycle]
    rows = events[(events["date"] == pd.Timestamp(spec["start"])) & (events["site"] == spec["site"])]
    if rows.empty:
        raise LookupError(f"cycle {cycle!r}: no event at {spec['site']} on {spec['start']} in the data")
    return rows.iloc[0]


def escalation_ladder(events: pd.DataFrame, cycle: str, window_days: int) -> pd.DataFrame:
    """Every event from the cycle's opening attack to window_days later, one rung each, with side and day."""
    params.require_choice("cycle", cycle, CYCLES)
    params.require_positive("window_days", window_days)
    start = pd.Timestamp(CYCLES[cycle]["start"])
    opening_event(events, cycle)
    end = start + pd.Timedelta(days=window_days)
    rungs = events[(events["date"] >= start) & (events["date"] <= end)].copy()
    rungs["day"] = (rungs["date"] - start).dt.days
    rungs["side"] = pd.Categorical(rungs["actor"].astype("object").map(side_of), categories=SIDE_ORDER)
    rungs["killed"] = rungs["us_killed"].fillna(0) + rungs["other_killed"].fillna(0)
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
    """One row per cycle: attacks, US strikes, days to the first US strike, and the dead, within the window."""
    params.require_positive("window_days", window_days)
    rows = []
    for name, spec in CYCLES.items():
        ladder = escalation_ladder(events, name, window_days)
        strikes = ladder[ladder["event_type"] == "us_strike"]
        attacks = ladder[ladder["side"] == MILITIA_SIDE]
        rows.append(
            {
                "cycle": name,
                "title": spec["title"],
                "events": len(ladder),
                "militia_actions": len(attacks),
                "us_strikes": len(strikes),
                "days_to_first_us_strike": strikes["day"].min() if len(strikes) else pd.NA,
                "us_killed": int(ladder["us_killed"].fillna(0).sum()),
                "us_wounded": int(ladder["us_wounded"].fillna(0).sum()),
                "other_killed": int(ladder["other_killed"].fillna(0).sum()),
            }
        )
    table = pd.DataFrame(rows).set_index("cycle")
    table["days_to_first_us_strike"] = table["days_to_first_us_strike"].astype("Int64")
    return table
