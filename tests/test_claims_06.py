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


def _no_decision_on(events, cycle, days) -> bool:
    """None of days is a decision point of cycle, though an attack on each hurt someone."""
    points = set(simulation.decision_points(events, cycle)["date"].dt.strftime("%Y-%m-%d"))
    return not points & set(days)


def _attacks_followed(events, restrained: bool) -> bool:
    """Whether attacks followed at least one decision point answered with restraint (or with a strike)."""
    table = pd.concat([simulation.actual_responses(events, name) for name in CYCLES])
    return bool((table.loc[(table["closest_option"] == "restraint") == restrained, "attacks_after"] > 0).any())


CLAIMS = {
    "06.rule-skips-other-wounded": (
        "so the rockets that hurt six people in Baghdad on 5 January 2020, those that wounded four Iraqi airmen "
        "on 12 January 2020 and those that wounded a contractor at Balad on 20 February 2021 call for no decision",
        lambda e, p: (
            _no_decision_on(e, "soleimani", ["2020-01-05", "2020-01-12"])
            and _no_decision_on(e, "erbil", ["2021-02-20"])
            and "six wounded" in row(e, "2020-01-05-us_embassy-rocket")["notes"]
            and "wounding four Iraqi" in row(e, "2020-01-12-balad-rocket")["summary"]
            and "wounded contractor" in row(e, "2021-02-20-balad-rocket")["notes"]
        ),
    ),
    "06.k1-unclaimed-that-evening": (
        "On that evening no group had claimed the salvo; the row's attribution in the data is the US "
        "government's reading, which its notes date to after the attack.",
        lambda e, p: (
            "No group claimed" in row(e, "2019-12-27-k1-rocket")["notes"]
            and "29 Dec" in row(e, "2019-12-27-k1-rocket")["notes"]
            and row(e, "2019-12-27-k1-rocket")["attribution"] == "blamed_by_us"
            and simulation.known_on(e, "soleimani", "2019-12-27")["who_did_it"].iloc[0]
            == simulation.ATTRIBUTION_WORDS["unknown"]
        ),
    ),
    "06.floor-where-unknown": (
        "so deaths_after is a floor wherever tolls_unknown is above 0",
        lambda e, p: (
            simulation.actual_responses(e, "erbil")["tolls_unknown"].iloc[0] > 0
            and pd.isna(row(e, "2021-02-26-abu_kamal-strike")["other_killed"])
        ),
    ),
    "06.opening-answered-by-strikes": (
        "In these cycles the US answered the opening attack with strikes, and later attacks mostly with none.",
        lambda e, p: (
            all(simulation.actual_responses(e, name)["closest_option"].iloc[0] != "restraint" for name in CYCLES)
            and 2 * _later_points(e).count("restraint") > len(_later_points(e))
        ),
    ),
    "06.soleimani-strike-holds-iran": (
        "the drone strike that killed the Quds Force commander Qasem Soleimani in Baghdad struck Iran's own "
        "forces, so it is hold Iran directly responsible, though it fell in Iraq",
        lambda e, p: (
            "Soleimani" in row(e, "2020-01-03-baghdad_airport-strike")["target"]
            and row(e, "2020-01-03-baghdad_airport-strike")["country"] == "Iraq"
            and simulation.actual_responses(e, "soleimani")["closest_option"].iloc[1] == "hold_iran"
        ),
    ),
    "06.militia-strikes-in-iraq": (
        "strikes on the militias in Iraq, those of 29 December 2019 (three of the five sites were in Iraq) "
        "and 13 March 2020, fit none of the five",
        lambda e, p: (
            row(e, "2019-12-29-al_qaim-strike")["target"].startswith("Three")
            and row(e, "2019-12-29-abu_kamal-strike")["target"].startswith("Two")
            and simulation.actual_responses(e, "soleimani")["closest_option"].iloc[0] == simulation.NOT_AN_OPTION
            and simulation.actual_responses(e, "taji")["closest_option"].iloc[0] == simulation.NOT_AN_OPTION
            and set(e.loc[e["date"] == "2020-03-13"].query("event_type == 'us_strike'")["country"]) == {"Iraq"}
        ),
    ),
    "06.sanctions-without-strike": (
        "the sanctions announced that day were aimed at Iran, but they came with no military reply to missiles "
        "that killed no one",
        lambda e, p: (
            "sanctions" in row(e, "2020-01-08-washington-trump_address")["summary"]
            and row(e, "2020-01-08-ain_al_asad-missile")["us_killed"] == 0
            and row(e, "2020-01-08-ain_al_asad-missile")["other_killed"] == 0
            and simulation.actual_responses(e, "soleimani")["closest_option"].iloc[2] == "restraint"
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
