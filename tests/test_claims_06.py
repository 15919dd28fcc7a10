"""Every finding lesson 06 states in prose holds in events.csv, under every parameter set it advertises."""

import pandas as pd
from claims import claim_tests, row
from titfortat import simulation
from titfortat.cycle import CYCLES

PARAMETER_SETS = [{"cycle": c} for c in CYCLES]


def _later_points(events):
    """The decision points after each cycle's opening attack, with the US's closest option."""
    return [
        option for name in CYCLES for option in simulation.actual_responses(events, name)["closest_option"].iloc[1:]
    ]


def _attacks_followed(events, restrained: bool) -> bool:
    """Whether attacks followed at least one decision point answered with restraint (or with a strike)."""
    table = pd.concat([simulation.actual_responses(events, name) for name in CYCLES])
    return bool((table.loc[(table["closest_option"] == "restraint") == restrained, "attacks_after"] > 0).any())


CLAIMS = {
    "06.k1-blamed-later": (
        "its notes say the Pentagon blamed the group on 29 December, two days after the attack; no group claimed",
        lambda e, p: (
            "29 Dec" in row(e, "2019-12-27-k1-rocket")["notes"]
            and "No group claimed" in row(e, "2019-12-27-k1-rocket")["notes"]
        ),
    ),
    "06.tbi-on-the-day": (
        "The row of 8 January 2020 records 110 US wounded. Its notes say that on the day President Trump and "
        "the Pentagon said no Americans were harmed",
        lambda e, p: (
            row(e, "2020-01-08-ain_al_asad-missile")["us_wounded"] == 110
            and "first said no Americans were harmed" in row(e, "2020-01-08-ain_al_asad-missile")["notes"]
        ),
    ),
    "06.opening-answered-by-strikes": (
        "In these cycles the US answered the opening attack with strikes, and later attacks mostly with none.",
        lambda e, p: (
            all(simulation.actual_responses(e, name)["closest_option"].iloc[0] != "restraint" for name in CYCLES)
            and 2 * _later_points(e).count("restraint") > len(_later_points(e))
        ),
    ),
    "06.no-strike-after-missiles": (
        "After Iran's missile strike of 8 January 2020 Washington did not strike back.",
        lambda e, p: (
            simulation.us_response(simulation.what_happened(e, "soleimani", "2020-01-08", 14))["closest_option"]
            == "restraint"
        ),
    ),
    "06.attacks-followed-both": (
        "Attacks followed strikes and restraint alike",
        lambda e, p: _attacks_followed(e, restrained=True) and _attacks_followed(e, restrained=False),
    ),
}

test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "06", CLAIMS, PARAMETER_SETS, ids=lambda v: v["cycle"]
)
