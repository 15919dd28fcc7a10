"""Every finding lesson 04 states in prose holds for the data under every parameter value it advertises.

Findings that change with the window are computed by the library (response.event_study_headline,
sweep_finding, regression_note, lethality_finding) and tested in test_response.py; the sentences here
must hold whatever window the student chooses."""

from pathlib import Path

import pandas as pd
import titfortat as tt
from claims import claim_tests
from titfortat import response

LESSON = Path(__file__).resolve().parents[1] / "tools" / "lessons" / "04_response_options.md"

# The default and both ends of the advertised range (3 to 90 days).
PARAMETER_SETS = [{"window_days": 30}, {"window_days": 3}, {"window_days": 90}]
SWEEP = [7, 14, 30, 45, 60, 90]  # the windows the lesson's sweep cell shows
DEFAULT_WEIGHTS = {"escalation_risk": 2, "sovereignty": 1, "deterrence": 2, "cost": 1}

_CACHE = {}


def _row(events, event_id):
    return events.loc[events["event_id"] == event_id].iloc[0]


def _monthly(events):
    found = response.militia_attacks(events)
    counts = found["date"].dt.to_period("M").value_counts().sort_index()
    return counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq="M"), fill_value=0)


def _steepest_fall_is_autumn_2020(events):
    return str(_monthly(events).diff().idxmin()) == "2020-10"


def _no_strike_between(events, start, end):
    return tt.between(tt.of_types(events, ["us_strike"]), start, end).empty


def _killed(rows):
    return rows["us_killed"].fillna(0) + rows["other_killed"].fillna(0)


def _episode_summaries(events):
    # Every window from 3 to 90 days, by episode, computed once per session.
    key = ("episodes", id(events))
    if key not in _CACHE:
        _CACHE[key] = {w: tt.mean_change(tt.event_study(events, w)) for w in range(3, 91)}
    return _CACHE[key]


def _glossary_anchor(heading):
    text = (Path(__file__).resolve().parents[1] / "docs" / "glossary.md").read_text()
    return f"### {heading}" in text


CLAIMS = {
    "04.intro-rarely-deadly": (
        "rockets and drones kept hitting bases where Americans served, rarely killing anyone.",
        lambda e, p: (_killed(response.militia_attacks(e)) > 0).mean() < 0.1,
    ),
    "04.intro-denied-and-front-groups": (
        "The militias Washington blamed, above all Kataib Hezbollah, denied them, while front groups with new "
        "names claimed some on Telegram (Carnegie's Sada, April 2021).",
        lambda e, p: (
            _glossary_anchor("Kataib Hezbollah (KH)")
            and _glossary_anchor("Front group")
            # every recorded claim is by a name other than the established factions
            and not set(response.militia_attacks(e).query("attribution == 'claimed'")["actor"].astype(str))
            & {"kataib_hezbollah", "asaib_ahl_al_haq", "harakat_al_nujaba", "kataib_sayyid_al_shuhada"}
            and (response.militia_attacks(e)["attribution"] == "claimed").sum() > 0
            and "Kataib Hezbollah denied" in _row(e, "2021-02-15-erbil_airport-rocket")["notes"]
        ),
    ),
    "04.five-strike-days": (
        "The US strikes in the data are the publicly acknowledged ones in Iraq and Syria, 2019-2021: five strike "
        "days. Four hit these militias; the strike of 3 January 2020 killed Qasem Soleimani, an Iranian state "
        "commander, with the PMF's deputy head, and Iraq's parliament voted two days later for foreign troops to "
        "leave (2020-01-03-baghdad_airport-strike, 2020-01-05-baghdad-parliament_vote).",
        lambda e, p: (
            len(tt.strike_days(e)) == 5
            and set(tt.strike_days(e)["date"].dt.year) <= {2019, 2020, 2021}
            and "Soleimani" in _row(e, "2020-01-03-baghdad_airport-strike")["summary"]
            and (
                _row(e, "2020-01-05-baghdad-parliament_vote")["date"]
                - _row(e, "2020-01-03-baghdad_airport-strike")["date"]
            ).days
            == 2
            and "foreign troops" in _row(e, "2020-01-05-baghdad-parliament_vote")["summary"]
        ),
    ),
    "04.courts-risk": (
        "Both attempts ended in a standoff with armed PMF members and the detainees' release "
        "(2020-06-29-baghdad-kh_release, 2021-06-09-baghdad-muslih_release); militias sit in parliament",
        lambda e, p: (
            "freed" in _row(e, "2020-06-29-baghdad-kh_release")["summary"]
            and "freed" in _row(e, "2021-06-09-baghdad-muslih_release")["summary"]
        ),
    ),
    "04.iraq-acted": (
        "Prime Minister Mustafa al-Kadhimi's forces raided Kataib Hezbollah in June 2020 (2020-06-25-dora-kh_raid) "
        "and arrested the PMF's Anbar commander Qasim Muslih in May 2021 (2021-05-26-baghdad-arrest).",
        lambda e, p: (
            _row(e, "2020-06-25-dora-kh_raid")["actor"] == "iraq_government"
            and "Muslih" in _row(e, "2021-05-26-baghdad-arrest")["summary"]
        ),
    ),
    "04.show-of-force-and-release": (
        "Both times armed PMF members answered with a show of force in Baghdad, and the detainees were freed. "
        "Muslih was released on 9 June 2021. Reuters' security sources had tied his arrest to the attacks on "
        "Ain al-Asad, but the charge Iraq's Supreme Judicial Council examined was the killing of the activist "
        "Ihab al-Wazni, and it found no evidence tying him to it (2021-06-09-baghdad-muslih_release; Supreme "
        "Judicial Council, 10 June 2021).",
        lambda e, p: (
            "Armed PMF members" in _row(e, "2020-06-25-dora-kh_raid")["notes"]
            and "Armed PMF members" in _row(e, "2021-05-26-baghdad-arrest")["summary"]
            and _row(e, "2021-06-09-baghdad-muslih_release")["date"] == pd.Timestamp("2021-06-09")
            and "Ihab al-Wazni" in _row(e, "2021-06-09-baghdad-muslih_release")["notes"]
            and "Ain al-Asad" in _row(e, "2021-05-26-baghdad-arrest")["notes"]
        ),
    ),
    "04.strike-costs-in-iraq": (
        "Strikes had costs inside Iraq too: those of 13 March 2020 killed five Iraqi soldiers and police and a "
        "civilian (2020-03-13-jurf_al_sakhar-strike, 2020-03-13-karbala_airport-strike), and Baghdad condemned "
        "the strikes of December 2019, March 2020 and June 2021 as breaches of its sovereignty "
        "(2019-12-30-baghdad-nsc_statement, 2020-03-13-baghdad-iraq_protest, 2021-06-28-al_qaim-strike).",
        lambda e, p: (
            _row(e, "2020-03-13-jurf_al_sakhar-strike")["other_killed"] == 5
            and _row(e, "2020-03-13-karbala_airport-strike")["other_killed"] == 1
            and "sovereignty" in _row(e, "2019-12-30-baghdad-nsc_statement")["summary"]
            and "sovereignty" in _row(e, "2020-03-13-baghdad-iraq_protest")["summary"]
            and "sovereignty" in _row(e, "2021-06-28-al_qaim-strike")["notes"]
        ),
    ),
    "04.iran-salvos-left-out": (
        "Iran's own missile salvos of 8 January 2020 (2020-01-08-ain_al_asad-missile, "
        "2020-01-08-erbil_airport-missile) are left out: they were a state's answer to the Soleimani strike, not "
        "militia attacks. Attacks in Syria are left out too, because the data records them only from June 2021.",
        lambda e, p: (
            (tt.attacks(e)["actor"] == "iran").sum() == len(tt.attacks(e)) - len(response.militia_attacks(e))
            and {"2020-01-08-ain_al_asad-missile", "2020-01-08-erbil_airport-missile"}
            <= set(tt.attacks(e)["event_id"]) - set(response.militia_attacks(e)["event_id"])
            and tt.attacks(e).query("country == 'Syria'")["date"].min() >= pd.Timestamp("2021-06-01")
        ),
    ),
    "04.overlap": (
        "The strikes of 29 December 2019 and 3 January 2020 were five days apart, so with windows of a week or "
        "more each lies inside the other's window and the same attacks would be counted twice.",
        lambda e, p: (tt.strike_days(e)["date"].iloc[1] - tt.strike_days(e)["date"].iloc[0]).days == 5,
    ),
    "04.per-strike-day-rise-removed": (
        "Merging the overlap removes most of that rise.",
        lambda e, p: (
            response.window_sweep(e, SWEEP)["mean_change"].mean()
            < 0.5 * response.window_sweep(e, SWEEP)["per_strike_day"].mean()
        ),
    ),
    "04.within-a-week": (
        "Strikes are answers, and days_since shows that each episode began within a week of an attack.",
        lambda e, p: (tt.event_study(e, p["window_days"])["days_since"] <= 7).all(),
    ),
    "04.latest-not-answered": (
        "It measures the latest attack, though, not necessarily the one the strike answered: Exercise 4 asks you "
        "to find that one for 26 February 2021.",
        lambda e, p: (
            tt.event_study(e, 30, merge=False).set_index("first_strike").loc[pd.Timestamp("2021-02-26"), "last_attack"]
            > _row(e, "2021-02-15-erbil_airport-rocket")["date"]
        ),
    ),
    "04.heart-attack": (
        "the US contractor who died on 3 March 2021 had a heart attack while sheltering from the rockets "
        "(2021-03-03-ain_al_asad-rocket).",
        lambda e, p: "heart attack" in _row(e, "2021-03-03-ain_al_asad-rocket")["notes"],
    ),
    "04.four-episodes": (
        "Four episodes, chosen after deadly attacks, cannot show whether strikes deterred anyone.",
        lambda e, p: len(tt.event_study(e, 30)) == 4 and (response.answered_attacks(e)["killed"] > 0).sum() >= 3,
    ),
    "04.steepest-fall-no-strike": (
        "The steepest fall in the recorded series came with no strike at all:",
        lambda e, p: _steepest_fall_is_autumn_2020(e) and _no_strike_between(e, "2020-09-01", "2020-10-31"),
    ),
    "04.truce-story": (
        "Two days later rockets aimed at Baghdad airport killed two women and three children of one Iraqi family "
        "(2020-09-28-radwaniyah-rocket). On 11 October Kataib Hezbollah announced a truce on behalf of the "
        "militias, on condition that Baghdad produce a timetable for US withdrawal (2020-10-11-iraq-truce), three "
        "weeks before the US presidential election.",
        lambda e, p: (
            (_row(e, "2020-09-28-radwaniyah-rocket")["date"] - _row(e, "2020-09-26-us_embassy-political")["date"]).days
            == 2
            and _row(e, "2020-09-28-radwaniyah-rocket")["other_killed"] == 5
            and "timetable for US withdrawal" in _row(e, "2020-10-11-iraq-truce")["summary"]
            # the election was on 3 November 2020
            and (pd.Timestamp("2020-11-03") - _row(e, "2020-10-11-iraq-truce")["date"]).days in range(21, 28)
        ),
    ),
    "04.no-strike-between": (
        "No US strike came in between.",
        lambda e, p: _no_strike_between(e, "2020-09-26", "2020-10-11"),
    ),
    "04.no-october-convoy-bombs": (
        "The October count is too low: AP reported a roadside bomb against a coalition supply convoy south of "
        "Baghdad on 11 October, hours before the truce was announced (AP via The Times of Israel, 11 October "
        "2020), and the dataset has no convoy bombs that month.",
        lambda e, p: tt.between(tt.of_types(e, ["ied_attack"]), "2020-10-01", "2020-10-31").empty,
    ),
    "04.fall-larger-than-after-strikes": (
        "Even so, the fall from September to October is larger than the fall in the 30 days after any strike.",
        lambda e, p: (
            _monthly(e)[pd.Period("2020-09")] - _monthly(e)[pd.Period("2020-10")]
            > -tt.event_study(e, 30, merge=False)["change"].min()
        ),
    ),
    "04.courts-escalation-three": (
        "Iraqi prosecution scores 3 there, because both attempts brought armed PMF members into the Green Zone.",
        lambda e, p: (
            response.STARTING_SCORES.loc["iraqi_courts", "escalation_risk"] == 3
            and "Green Zone" in _row(e, "2020-06-25-dora-kh_raid")["notes"]
            and "Green Zone" in _row(e, "2021-05-26-baghdad-arrest")["summary"]
        ),
    ),
    "04.weighted-average": (
        "An option's score is the weighted average of its four scores: each score times its weight, summed, "
        "divided by the sum of the weights.",
        lambda e, p: all(
            abs(row["score"] - sum(row[c] * w for c, w in DEFAULT_WEIGHTS.items()) / sum(DEFAULT_WEIGHTS.values()))
            < 0.006
            for _, row in tt.rank_options(DEFAULT_WEIGHTS).iterrows()
        ),
    ),
    "04.ties-alphabetical": (
        "Options with equal scores are listed in alphabetical order of their labels.",
        lambda e, p: all(
            group["option"].tolist() == sorted(group["option"])
            for _, group in tt.rank_options(DEFAULT_WEIGHTS).groupby("score", sort=False)
        ),
    ),
    "04.checkable-claims-hold": (
        'The checkable claims hold, with one caveat: "weekly" is true of July 2020 only on average.',
        lambda e, p: (
            all(v.startswith("holds") for v in response.article_claims(e)["verdict"] if v != "the data cannot say")
            and (response.article_claims(e)["verdict"] == "holds on average only").sum() == 1
        ),
    ),
    "04.key-episodes-span-zero": (
        "Counted per strike day, attacks seemed to rise after US strikes; but two strikes five days apart are one "
        "episode, and counted by episode the 90% interval spans zero at every window from 3 to 90 days: the data "
        "cannot tell a rise from a fall.",
        lambda e, p: (
            response.window_sweep(e, [7, 14])["per_strike_day"].min() > 0
            and all(response.interval_side(s) == "spans zero" for s in _episode_summaries(e).values())
        ),
    ),
    "04.key-deaths-regress": (
        "Strikes answered deadly attacks, so deaths tend to fall back afterwards anyway (regression to the mean): "
        "fewer deaths after a strike would not prove deterrence.",
        lambda e, p: (response.answered_attacks(e)["killed"] > 0).sum() >= 3,
    ),
}


test_claim_is_quoted_from_the_lesson, test_every_claim_holds_in_the_data = claim_tests(
    "04", CLAIMS, PARAMETER_SETS, ids=lambda v: str(v["window_days"])
)
