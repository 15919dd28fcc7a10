import titfortat as tt
from frames import make_events

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
