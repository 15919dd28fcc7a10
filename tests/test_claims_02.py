"""Every finding lesson 02 states in prose holds in events.csv, under every parameter set it advertises."""

import titfortat as tt
from claims import claim_tests, days_between, row

PARAMETER_SETS = [{"cycle": c, "window_days": d} for c in ("soleimani", "taji", "erbil") for d in (1, 12, 60)]


def _strike_days(events, cycle, days=60):
    rungs = tt.escalation_ladder(events, cycle, days)
    return sorted(set(rungs.loc[rungs["event_type"] == "us_strike", "date"]))


def _attacks_after_last_strike(events, cycle, days=60):
    rungs = tt.escalation_ladder(events, cycle, days)
    last = _strike_days(events, cycle, days)[-1]
    return len(tt.attacks(rungs[rungs["date"] > last]))


CLAIMS = {
    "02.twelve-days": (
        "Twelve days later Iran fired ballistic missiles at US troops.",
        lambda e, p: days_between(e, "2019-12-27-k1-rocket", "2020-01-08-ain_al_asad-missile") == 12,
    ),
    "02.tbi": (
        "Iran's 8 January strike killed nobody, but the Pentagon later reported 110 US troops treated for "
        "traumatic brain injuries",
        lambda e, p: (
            (missiles := e[(e["event_type"] == "missile_strike") & (e["date"] == "2020-01-08")])[
                ["us_killed", "other_killed"]
            ]
            .sum()
            .sum()
            == 0
            and missiles["us_wounded"].sum() == 110
        ),
    ),
    "02.k1-thirty-rockets": (
        "The Pentagon counted more than thirty rockets and blamed Kataib Hezbollah",
        lambda e, p: (
            row(e, "2019-12-27-k1-rocket")["projectiles"] > 30
            and "Kataib Hezbollah" in row(e, "2019-12-27-k1-rocket")["notes"]
        ),
    ),
    "02.first-strike-two-days": (
        "Two days later US aircraft struck Kataib Hezbollah sites in Iraq and Syria and killed about two dozen "
        "fighters",
        lambda e, p: (
            days_between(e, "2019-12-27-k1-rocket", "2019-12-29-al_qaim-strike") == 2
            and 20 <= row(e, "2019-12-29-al_qaim-strike")["other_killed"] <= 30
        ),
    ),
    "02.non-binding": (
        "On 5 January Iraq's parliament passed a non-binding resolution asking the government to end the "
        "presence of foreign troops; most Kurdish and Sunni members stayed away from the vote",
        lambda e, p: (
            "non-binding" in row(e, "2020-01-05-baghdad-parliament_vote")["summary"]
            and "Kurdish and Sunni" in row(e, "2020-01-05-baghdad-parliament_vote")["notes"]
        ),
    ),
    "02.taji-opened-with-deaths": (
        "The March 2020 Taji cycle also opened with deaths (two US and one British service member) and a US "
        "strike followed within days.",
        lambda e, p: (
            row(e, "2020-03-11-taji-rocket")["us_killed"] == 2
            and row(e, "2020-03-11-taji-rocket")["other_killed"] == 1
            and tt.compare_cycles(e, 12).loc["taji", "days_to_first_us_strike"] <= 3
        ),
    ),
    "02.erbil-one-strike-in-syria": (
        "The February 2021 Erbil cycle drew a single US strike, in Syria rather than in Iraq, eleven days after "
        "the opening attack.",
        lambda e, p: (
            len(strikes := tt.escalation_ladder(e, "erbil", 60).query("event_type == 'us_strike'")) == 1
            and strikes["day"].iloc[0] == 11
            and row(e, strikes["event_id"].iloc[0])["country"] == "Syria"
        ),
    ),
    "02.retaliation-stopped-attacks-did-not": (
        "In both, US retaliation stopped after one round, but the attacks did not: Camp Taji was hit again on "
        "14 March 2020, three days after the first salvo, and a US contractor died of a heart attack while "
        "sheltering from rockets at Ain al-Asad on 3 March 2021, five days after the strike in Syria.",
        lambda e, p: (
            all(len(_strike_days(e, c)) == 1 and _attacks_after_last_strike(e, c) > 0 for c in ("taji", "erbil"))
            and days_between(e, "2020-03-11-taji-rocket", "2020-03-14-taji-rocket") == 3
            and days_between(e, "2021-02-26-abu_kamal-strike", "2021-03-03-ain_al_asad-rocket") == 5
            and row(e, "2021-03-03-ain_al_asad-rocket")["us_killed"] == 1
        ),
    ),
    "02.taji-strikes-killed-soldiers-police-civilian": (
        "In the Taji cycle the Iraqi military said the US strikes of 13 March 2020 killed Iraqi soldiers, police "
        "officers and a civilian worker at Karbala airport",
        lambda e, p: (
            "soldiers" in row(e, "2020-03-13-jurf_al_sakhar-strike")["notes"]
            and "police" in row(e, "2020-03-13-jurf_al_sakhar-strike")["notes"]
            and row(e, "2020-03-13-karbala_airport-strike")["other_killed"] == 1
        ),
    ),
    "02.key-twelve-days": (
        "The Soleimani cycle climbed from one deadly rocket salvo to a state's ballistic missiles in 12 days.",
        lambda e, p: (
            days_between(e, "2019-12-27-k1-rocket", "2020-01-08-ain_al_asad-missile") == 12
            and row(e, "2019-12-27-k1-rocket")["us_killed"] >= 1
        ),
    ),
    "02.key-most-dead-not-american": (
        "Most of the dead in the first 12 days of each cycle were not Americans",
        lambda e, p: all(
            (t := tt.compare_cycles(e, 12)).loc[c, "other_killed"] > t.loc[c, "us_killed"] for c in tt.CYCLES
        ),
    ),
    "02.key-retaliation-stopped": (
        "After the Taji and Erbil cycles US retaliation stopped after one round; the attacks did not.",
        lambda e, p: all(
            len(_strike_days(e, c)) == 1 and _attacks_after_last_strike(e, c) > 0 for c in ("taji", "erbil")
        ),
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "02", CLAIMS, PARAMETER_SETS, ids=lambda v: f"{v['cycle']}-{v['window_days']}"
)
