"""Every finding lesson 01 states in prose holds in events.csv. Sentences about "the default settings"
are checked at the defaults whatever the parameters; the charts' own readings are computed in the lesson."""

import pandas as pd
import titfortat as tt
from claims import claim_tests, row

PARAMETER_SETS = [
    {"start": "2017-01-01", "end": "2020-12-31", "event_types": "rocket_attack,drone_attack,ied_attack,missile_strike"},
    {"start": "2017-01-01", "end": "2017-01-01", "event_types": "political"},
    {"start": "2019-06-01", "end": "2021-12-31", "event_types": "us_strike,base_handover,troop_change"},
]


def _default_attacks(e):
    return tt.attacks(tt.between(e, "2017-01-01", "2020-12-31"))


def _per_month(e):
    return tt.attacks_per_month(e, start="2017-01-01", end="2020-12-31").sum(axis=1)


def _first_ied(e):
    return e.loc[e["event_type"] == "ied_attack", "date"].min()


def _sites(e):
    return tt.count_by(_default_attacks(e), "site")


def _provinces(e):
    return tt.timeline.attacks_by_province(_default_attacks(e))


def _types_in(e, province):
    found = _default_attacks(e)
    return set(found.loc[found["province"] == province, "event_type"].astype(str))


def _types_at_province_labels(e):
    found = _default_attacks(e)
    labelled = found["site"].astype(str).map(tt.figures.label_for).str.endswith(" province")
    return set(found.loc[labelled, "event_type"].astype(str))


CLAIMS = {
    "01.troops": (
        "about 5,200 US troops were in the country at the Iraqi government's invitation by the Pentagon's "
        "official count, though a quarterly report of its own manpower office had counted 8,892",
        lambda e, p: (
            "5,200" in row(e, "2017-12-06-washington-troop_level")["summary"]
            and "8,892" in row(e, "2017-12-06-washington-troop_level")["notes"]
        ),
    ),
    "01.first-attacks-sept-2018": (
        "The first attacks of the period came in September 2018",
        lambda e, p: f"{tt.attacks(e)['date'].min():%Y-%m}" == "2018-09",
    ),
    "01.basra-closed": (
        "Washington blamed Iran's proxies and closed the Basra consulate on 28 September.",
        lambda e, p: (
            row(e, "2018-09-28-basra_airport-consulate_closure")["event_type"] == "political"
            and row(e, "2018-09-11-washington-white_house_warning")["actor"] == "united_states"
        ),
    ),
    "01.almost-empty-until-may-2019": (
        "With the default settings (2017-2020, the four attack types), the bars are almost empty until May "
        "2019, apart from the three attacks of September 2018, and a first cluster appears in June 2019.",
        lambda e, p: (
            _per_month(e)[:"2019-04-30"].drop(pd.Timestamp("2018-09-01")).sum() == 0
            and _per_month(e)["2018-09-01"] == 3
            and _per_month(e)["2019-06-01"] >= 3
        ),
    ),
    "01.one-a-month-then-climb": (
        "Then there is one attack in each of September, October and November 2019, and the climb comes in "
        "December 2019, the month of K-1, and January 2020, the month of Soleimani's killing.",
        lambda e, p: (
            list(_per_month(e)["2019-09-01":"2019-11-01"]) == [1, 1, 1]
            and _per_month(e)["2019-12-01"] >= 5
            and _per_month(e)["2020-01-01"] >= 5
        ),
    ),
    "01.ieds-from-mid-2020": (
        "from mid-2020 roadside bombs against convoys join the rockets.",
        lambda e, p: pd.Timestamp("2020-05-01") <= _first_ied(e) <= pd.Timestamp("2020-08-31"),
    ),
    "01.not-weekly": (
        "So attacks were frequent in 2020 but not weekly: many weeks passed without a recorded one",
        lambda e, p: (w := tt.timeline.weeks_with_events(tt.attacks(e), "2020-01-01", "2020-12-31"))[0] < w[1] - 5,
    ),
    "01.embassy-airport-lead": (
        "With the default settings, the embassy area (the Green Zone) and Baghdad airport lead",
        lambda e, p: list(_sites(e).index[:2]) == ["us_embassy", "baghdad_airport"],
    ),
    "01.province-entries-are-roadside-bombs": (
        'Entries such as "Babil province" or "Dhi Qar province" are roadside bombs on convoy routes, located '
        "only to the province.",
        lambda e, p: _types_at_province_labels(e) == {"ied_attack"},
    ),
    "01.baghdad-dwarfs": (
        "With the default settings, Baghdad dwarfs the rest.",
        lambda e, p: _provinces(e)["Baghdad"] >= 3 * _provinces(e).drop("Baghdad").max(),
    ),
    "01.southern-provinces-ieds-basra-rockets": (
        "Babil, Al-Qadisiyyah, Dhi Qar and Muthanna are shaded only because of roadside bombs against supply "
        "convoys; Basra's attacks were rockets",
        lambda e, p: (
            all(_types_in(e, x) == {"ied_attack"} for x in ("Babil", "Al-Qadisiyyah", "Dhi Qar", "Muthanna"))
            and _types_in(e, "Basra") == {"rocket_attack"}
        ),
    ),
    "01.most-unclaimed": (
        "With the default settings, most attacks were never claimed and were blamed on nobody by name.",
        lambda e, p: (_default_attacks(e)["attribution"] == "unknown").mean() > 0.5,
    ),
    "01.key-phases": (
        "Attacks were rare before May 2019, clustered in June 2019 and climbed from December 2019.",
        lambda e, p: (
            (_per_month(e)[:"2019-04-30"] > 0).sum() <= 3
            and _per_month(e)["2019-06-01"] >= 3
            and _per_month(e)["2019-12-01"] > _per_month(e)["2019-11-01"]
        ),
    ),
    "01.key-weeks": (
        "In 2020 more than half of the weeks had a recorded attack, but not every week.",
        lambda e, p: (
            (w := tt.timeline.weeks_with_events(tt.attacks(e), "2020-01-01", "2020-12-31"))[0] > w[1] / 2
            and w[0] < w[1]
        ),
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "01", CLAIMS, PARAMETER_SETS, ids=["defaults", "2017-political", "2019-2021-us"]
)
