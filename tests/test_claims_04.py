"""Every finding lesson 04 states in prose holds for the data under every parameter value it advertises.

Findings that change with the window are computed by the library (response.event_study_headline,
sweep_finding, regression_note, lethality_finding) and tested in test_response.py; the sentences here
must hold whatever window the student chooses."""

from pathlib import Path

import pandas as pd
import pytest
import titfortat as tt
from titfortat import response

LESSON = Path(__file__).resolve().parents[1] / "tools" / "lessons" / "04_response_options.md"

# The default and both ends of the advertised range (3 to 90 days).
PARAMETER_SETS = [{"window_days": 30}, {"window_days": 3}, {"window_days": 90}]
SWEEP = [7, 14, 30, 45, 60, 90]  # the windows the lesson's sweep cell shows

_CACHE = {}


def _summaries(events):
    # Every window from 3 to 90 days, computed once per session (the bootstrap is the slow part).
    if id(events) not in _CACHE:
        _CACHE[id(events)] = {w: tt.mean_change(tt.event_study(events, w)) for w in range(3, 91)}
    return _CACHE[id(events)]


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


CLAIMS = {
    "04.intro-rarely-deadly-rarely-claimed": (
        "rockets and drones kept hitting bases where Americans served, rarely killing anyone, almost never claimed.",
        lambda e, p: (
            (_killed(response.militia_attacks(e)) > 0).mean() < 0.1
            and (response.militia_attacks(e)["attribution"] == "claimed").mean() < 0.1
        ),
    ),
    "04.five-strike-days": (
        "The US strikes in the data are the publicly acknowledged ones in Iraq and Syria against these militias, "
        "2019-2021: five strike days.",
        lambda e, p: len(tt.strike_days(e)) == 5 and set(tt.strike_days(e)["date"].dt.year) <= {2019, 2020, 2021},
    ),
    "04.coverage-iraq-and-some-syria": (
        "Five is a very small number; the attack counts around them are lower bounds, and only attacks in Iraq "
        "(and a few in Syria) are recorded.",
        lambda e, p: (
            set(tt.attacks(e)["country"].astype(str)) <= {"Iraq", "Syria"}
            and 0 < (tt.attacks(e)["country"] == "Syria").sum() < 0.1 * len(tt.attacks(e))
        ),
    ),
    "04.iraq-acted": (
        "Prime Minister Mustafa al-Kadhimi's forces raided Kataib Hezbollah in June 2020 (`2020-06-25-dora-kh_raid`) "
        "and arrested the PMF's Anbar commander Qasim Muslih in May 2021 (`2021-05-26-baghdad-arrest`).",
        lambda e, p: (
            _row(e, "2020-06-25-dora-kh_raid")["actor"] == "iraq_government"
            and "Muslih" in _row(e, "2021-05-26-baghdad-arrest")["summary"]
        ),
    ),
    "04.show-of-force-and-release": (
        "Both times armed PMF members answered with a show of force in Baghdad, and the detainees were freed "
        "(Muslih by AFP's account; the row's notes record that his status is disputed).",
        lambda e, p: (
            "Armed PMF members" in _row(e, "2020-06-25-dora-kh_raid")["notes"]
            and "Armed PMF members" in _row(e, "2021-05-26-baghdad-arrest")["summary"]
            and "freed" in _row(e, "2020-06-29-baghdad-kh_release")["summary"]
            and all(word in _row(e, "2021-05-26-baghdad-arrest")["notes"] for word in ("AFP", "freed", "disputed"))
        ),
    ),
    "04.iran-salvos-left-out": (
        "The question is whether strikes deter the militias, so the count leaves out the attacks the data "
        "attributes to Iran itself, above all the two ballistic-missile salvos of 8 January 2020 "
        "(`2020-01-08-ain_al_asad-missile`, `2020-01-08-erbil_airport-missile`): those were a state's answer to "
        "the Soleimani strike, not militia attacks.",
        lambda e, p: (
            (tt.attacks(e)["actor"] == "iran").sum() == len(tt.attacks(e)) - len(response.militia_attacks(e))
            and {"2020-01-08-ain_al_asad-missile", "2020-01-08-erbil_airport-missile"}
            <= set(tt.attacks(e)["event_id"]) - set(response.militia_attacks(e)["event_id"])
        ),
    ),
    "04.strikes-within-a-week": (
        "Each strike day here came within a week of an attack (the column `days_since`), so with windows of a "
        'week or more the attack that provoked a strike sits in that strike\'s own "before" window:',
        lambda e, p: (tt.event_study(e, p["window_days"])["days_since"] <= 7).all(),
    ),
    "04.sweep-one-direction": (
        "The result is fragile in one direction only: at some windows the interval lies above zero (attacks rose), "
        "at others it spans zero (no clear change).",
        lambda e, p: {response.interval_side(_summaries(e)[w]) for w in SWEEP} == {"above zero", "spans zero"},
    ),
    "04.sweep-no-fall": (
        "At none of these windows does it show a fall.",
        lambda e, p: all(_summaries(e)[w]["mean_change"] >= 0 and _summaries(e)[w]["high"] >= 0 for w in SWEEP),
    ),
    "04.most-killed-no-one": (
        "Attacks are not all alike: most killed no one, a few killed Americans or Iraqis.",
        lambda e, p: (
            (_killed(response.militia_attacks(e)) == 0).mean() > 0.5
            and response.militia_attacks(e)["us_killed"].fillna(0).sum() > 0
        ),
    ),
    "04.steepest-fall-no-strike": (
        "The steepest fall in the recorded series came with no strike at all:",
        lambda e, p: _steepest_fall_is_autumn_2020(e) and _no_strike_between(e, "2020-09-01", "2020-10-31"),
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
            > -tt.event_study(e, 30)["change"].min()
        ),
    ),
    "04.ties-alphabetical": (
        "Options with equal scores are listed in alphabetical order of their labels.",
        lambda e, p: all(
            group["option"].tolist() == sorted(group["option"])
            for _, group in tt.rank_options(
                {"escalation_risk": 2, "sovereignty": 1, "deterrence": 2, "cost": 1}
            ).groupby("score", sort=False)
        ),
    ),
    "04.checkable-claims-hold": (
        "The checkable claims hold, with two caveats.",
        lambda e, p: all(
            v.startswith("holds") for v in response.article_claims(e)["verdict"] if v != "the data cannot say"
        ),
    ),
    "04.weekly-and-balad-caveats": (
        '"Weekly" is true of July 2020 only on average, and the notes of the Balad row of 3 May 2021 say no US or '
        "coalition troops were at Balad.",
        lambda e, p: (
            response.article_claims(e)["verdict"].eq("holds on average only").any()
            and "no US or coalition troops"
            in " ".join(e.loc[(e["site"] == "balad") & (e["date"] == "2021-05-03"), "notes"].astype(str))
        ),
    ),
    "04.key-rose-at-most-windows": (
        "Around the five US strike days, militia attacks rose on average at most windows from 3 to 90 days, "
        "and no window shows a clear fall;",
        lambda e, p: (
            sum(s["mean_change"] > 0 for s in _summaries(e).values()) >= 0.75 * len(_summaries(e))
            and all(s["high"] >= 0 for s in _summaries(e).values())
        ),
    ),
}


def _normalised(text):
    return " ".join(text.split())


@pytest.mark.parametrize("values", PARAMETER_SETS, ids=[str(v["window_days"]) for v in PARAMETER_SETS])
@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_claim_holds_under_every_advertised_parameter_set(events, claim, values):
    settings = tt.parameters("04", **values)
    sentence, holds = CLAIMS[claim]
    assert holds(events, settings), sentence


@pytest.mark.parametrize("claim", sorted(CLAIMS))
def test_claim_sentence_appears_verbatim_in_the_lesson(claim):
    assert _normalised(CLAIMS[claim][0]) in _normalised(LESSON.read_text())
