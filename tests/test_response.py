import pandas as pd
import pytest
import titfortat as tt
from frames import make_events
from titfortat import response

ROWS = [
    ("2020-03-01", "rocket_attack", "taji", "unknown"),
    ("2020-03-05", "rocket_attack", "taji", "unknown"),
    ("2020-03-10", "us_strike", "karbala", "united_states"),
    ("2020-03-10", "us_strike", "jurf_al_sakhar", "united_states"),
    ("2020-03-12", "rocket_attack", "taji", "unknown"),
]


def test_strikes_on_the_same_day_count_once():
    days = tt.strike_days(make_events(ROWS))
    assert len(days) == 1 and days.loc[0, "sites"] == "jurf_al_sakhar, karbala"


def test_event_study_counts_attacks_either_side_excluding_strike_day():
    study = tt.event_study(make_events(ROWS), 10)
    assert study.loc[0, ["before", "after", "change"]].tolist() == [2, 1, -1]


def test_mean_change_interval_brackets_the_mean_and_is_repeatable(events):
    study = tt.event_study(events, 30)
    first, second = tt.mean_change(study), tt.mean_change(study)
    assert first["low"] <= first["mean_change"] <= first["high"]
    assert first.equals(second)


def test_rank_options_follows_the_weights():
    assert tt.rank_options({"deterrence": 1}).index[0] == "hold_iran"
    assert tt.rank_options({"cost": 1}).index[0] == "restraint"
    ranked = tt.rank_options({"escalation_risk": 1, "sovereignty": 1})
    assert ranked.index[0] == "iraqi_courts" and list(ranked["rank"]) == [1, 2, 3, 4, 5]


STATES = [
    ("2020-01-01", "rocket_attack", "taji", "unknown", {"us_killed": 1, "other_killed": 2}),
    ("2020-01-08", "missile_strike", "ain_al_asad", "iran"),
    ("2020-01-05", "us_strike", "al_qaim", "united_states"),
    ("2020-01-09", "rocket_attack", "taji", "unknown"),  # casualty fields blank
]


def test_event_study_leaves_out_state_salvos_unless_asked():
    militia = tt.event_study(make_events(STATES), 10)
    assert militia.loc[0, ["before", "after"]].tolist() == [1, 1]
    states = tt.event_study(make_events(STATES), 10, include_states=True)
    assert states.loc[0, ["before", "after"]].tolist() == [1, 2]


def test_event_study_counts_deaths_and_the_attack_before_each_strike():
    study = tt.event_study(make_events(STATES), 10)
    assert study.loc[0, ["killed_before", "killed_after"]].tolist() == [3, 0]  # blank fields count as none
    assert study.loc[0, "last_attack"] == pd.Timestamp("2020-01-01") and study.loc[0, "days_since"] == 4


def _summary(mean, low, high):
    return pd.Series({"mean_change": mean, "low": low, "high": high})


def test_headline_follows_the_interval():
    rose = response.event_study_headline(_summary(2.0, 0.2, 4.0), 14)
    assert rose.startswith("Attacks rose after US strikes (14-day")
    assert response.event_study_headline(_summary(-2.0, -4.0, -0.5), 14).startswith("Attacks fell after")
    spans = response.event_study_headline(_summary(1.6, -0.8, 4.0), 30)
    assert spans.startswith("Attacks rose on average") and "spans zero" in spans


def test_sweep_finding_groups_windows_by_where_the_interval_lies():
    sweep = pd.DataFrame(
        {"mean_change": [2.0, 1.0, -0.5], "interval": ["above zero", "spans zero", "spans zero"]}, index=[10, 30, 60]
    )
    assert response.sweep_finding(sweep) == (
        "The 90% interval lies above zero at 10 days; spans zero at 30, 60 days; the mean change falls as low as -0.5."
    )


def test_regression_note_says_whether_strikes_followed_busy_stretches():
    study = pd.DataFrame({"before": [6, 4], "days_since": pd.array([2, 10], dtype="Int64")})
    busy = response.regression_note(study, 3.0, 30)
    assert "5.0 attacks on average, against 3.0" in busy and "1 of 2 strikes came within a week" in busy
    assert "was to be expected." in busy
    assert "not busier than usual" in response.regression_note(study, 5.0, 30)


def test_typical_window_is_the_mean_rate_over_the_study_period():
    rows = [("2020-01-10", "us_strike", "al_qaim", "united_states")] + [
        (f"2020-01-{day:02d}", "rocket_attack", "taji", "unknown") for day in (1, 5, 15)
    ]
    # 21 days from 31 Dec to 20 Jan hold 3 attacks: 1 per 7 days.
    assert response.typical_window(make_events(rows), 10) == pytest.approx(10 / 7)


def test_monthly_counts_fills_quiet_months_with_zero():
    counts = response.monthly_counts(make_events(STATES), ["2019-12", "2020-01"])
    assert counts.to_dict() == {"2019-12": 0, "2020-01": 2}


def test_article_claims_call_weekly_an_average_when_a_gap_exceeds_a_week(events):
    claims = response.article_claims(events).set_index("verdict")
    weekly = response.article_claims(events).iloc[3]
    assert "longest gap" in weekly["what the data shows"]
    gap = int(weekly["what the data shows"].rsplit(" ", 2)[-2])
    assert (weekly["verdict"] == "holds on average only") == (gap > 7)
    assert "the data cannot say" in claims.index
