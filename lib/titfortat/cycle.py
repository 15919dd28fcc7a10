"""Escalation cycles: the rungs of action and reaction after a deadly attack, day by day."""

from __future__ import annotations

import pandas as pd

from . import params
from .prose import Sentence

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
# The cycle of the 2023-2024 wave, kept apart so that lessons 02, 04 and 06, which compare the cycles
# above, keep comparing the same three; lesson 05 tests their conclusions on this one.
WAVE_CYCLES = {
    "tower_22": {
        "title": "Tower 22 to the strike in Baghdad, Jan - Feb 2024",
        "start": "2024-01-28",
        "site": "tower_22",
    },
}
ALL_CYCLES = {**CYCLES, **WAVE_CYCLES}

# Event types that answer violence rather than commit it: on the same day they come after it.
REACTION_TYPES = ["political", "troop_change", "base_handover"]

# The longest ladder a lesson or widget draws, in days after the opening attack.
MAX_WINDOW_DAYS = 60

# Which side of the conflict each actor stands on, for colouring and for the ladder's rows. Every
# actor key in the schema must be listed (a test checks): no actor falls on a side by default.
MILITIA_SIDE = "Militias and crowds"
US_SIDE = "US and allies"
SIDES = {
    "united_states": US_SIDE,
    "coalition": US_SIDE,
    "nato": US_SIDE,
    "iran": "Iran",
    "iraq_government": "Iraqi state",
    "iraq_parliament": "Iraqi state",
    "popular_mobilization_forces": "Iraqi state",  # a state body by the 2016 law, led by militia commanders
    "sadrist_movement": "Iraqi parties and movements",
    "fatah_alliance": "Iraqi parties and movements",
    "protesters": "Iraqi parties and movements",  # the 2018 Basra and 2019 Tishreen protest crowds
    "pmf_supporters": MILITIA_SIDE,
    # attacks nobody claimed: US officials blamed Iran-aligned militias for them, so they sit on the
    # militia row, and the lesson says so
    "unknown": MILITIA_SIDE,
}
SIDE_ORDER = [MILITIA_SIDE, US_SIDE, "Iran", "Iraqi state", "Iraqi parties and movements"]
# Armed groups and their front names: every actor key not listed above.
ARMED_GROUPS = [
    "asaib_ahl_al_haq",
    "ashab_al_kahf",
    "harakat_al_nujaba",
    "iraqi_resistance_coordination_committee",
    "islamic_resistance_in_iraq",  # the banner the factions claimed under in 2023-2024
    "kataib_hezbollah",
    "kataib_sayyid_al_shuhada",
    "liwa_al_thairin",
    "qasim_al_jabbarin",
    "saraya_awliya_al_dam",
    "saraya_thawrat_al_ishreen_al_thaniya",
    "thar_al_muhandis",
    "usbat_al_thairin",
]
SIDES.update({group: MILITIA_SIDE for group in ARMED_GROUPS})


def side_of(actor: str) -> str:
    """The side an actor belongs to; an actor with no side is a mistake in this table, not a militia."""
    try:
        return SIDES[actor]
    except KeyError:
        raise KeyError(f"actor {actor!r} has no side in titfortat.cycle.SIDES; add it there") from None


def opening_event(events: pd.DataFrame, cycle: str) -> pd.Series:
    """The attack that opens a cycle, looked up in the data by its date and site."""
    spec = ALL_CYCLES[cycle]
    rows = events[(events["date"] == pd.Timestamp(spec["start"])) & (events["site"] == spec["site"])]
    if rows.empty:
        raise LookupError(f"cycle {cycle!r}: no event at {spec['site']} on {spec['start']} in the data")
    return rows.iloc[0]


def escalation_ladder(events: pd.DataFrame, cycle: str, window_days: int) -> pd.DataFrame:
    """Every event from the cycle's opening attack to window_days later, one rung each, with side and day."""
    params.require_choice("cycle", cycle, ALL_CYCLES)
    params.require_not_negative("window_days", window_days)
    start = pd.Timestamp(ALL_CYCLES[cycle]["start"])
    opening_event(events, cycle)  # fails with a clear message if the data lacks the opening attack
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
    US strike, and the dead and wounded (where a toll is unknown it adds nothing: see strikes_without_toll)."""
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
    """Deaths in a ladder (US and others), summed by the side whose action caused them; unknown counts as 0."""
    return rungs.groupby("side", observed=False)["killed"].sum(min_count=0).fillna(0).astype("int64")


def deaths_headline(rungs: pd.DataFrame) -> str:
    """A chart title stating how many deaths the ladder records and which side's actions caused most."""
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
    """A sentence saying how many rungs on the militia row have no known actor, and why they are there."""
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
