"""Every finding lesson 00 states in prose holds in events.csv, for every event type it advertises."""

import pandas as pd
import titfortat as tt
from claims import claim_tests
from titfortat.data import field_enum

PARAMETER_SETS = [{"event_type": kind} for kind in field_enum("event_type")]


def _coverage(e):
    return tt.timeline.compare_with_published(e)


CLAIMS = {
    "00.four-attack-types": (
        "Four of them are what the lessons call attacks on US and coalition forces: rocket_attack (rockets or "
        "mortars), drone_attack, ied_attack (roadside bombs, mostly against supply convoys driven by Iraqi "
        "contractors) and missile_strike (Iran's ballistic missiles).",
        lambda e, p: (
            tt.attack_types() == ["rocket_attack", "drone_attack", "ied_attack", "missile_strike"]
            and set(e.loc[e["event_type"] == "missile_strike", "actor"].astype(str)) == {"iran"}
        ),
    ),
    "00.most-unknown": (
        "Most attacks have unknown attribution: nobody claimed them and no official named a group.",
        lambda e, p: (tt.attacks(e)["attribution"] == "unknown").mean() > 0.5,
    ),
    "00.fewer-late-2019": (
        "It has fewer than the coalition's count for November-December 2019; two of the missing attacks hit "
        "the Green Zone but were reported without a date.",
        lambda e, p: (
            (c := _coverage(e).iloc[0])["share"] < 1 and c["start"].month == 11 and c["count"] - c["in_dataset"] >= 2
        ),
    ),
    "00.rare-then-ieds": (
        "Two things stand out: attacks were rare before autumn 2019, and the roadside-bomb wave against convoys",
        lambda e, p: (
            tt.attacks_per_month(e, start="2017-01-01", end="2019-08-31").sum(axis=1).mean() < 0.5
            and pd.Timestamp("2020-06-01")
            <= e.loc[e["event_type"] == "ied_attack", "date"].min()
            <= pd.Timestamp("2020-08-31")
        ),
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "00", CLAIMS, PARAMETER_SETS, ids=lambda v: v["event_type"]
)
