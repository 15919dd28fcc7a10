"""titfortat.strikes: contracts that hold at the edges (no strikes, blank tolls)."""

import pandas as pd
from frames import make_events
from titfortat import strikes


def test_mean_change_of_an_empty_study_has_the_same_keys_with_no_cases(events):
    full = strikes.mean_change(strikes.event_study(events, 14))
    empty = strikes.mean_change(strikes.event_study(events.iloc[:0], 14))
    assert list(empty.index) == list(full.index)
    assert empty["cases"] == 0 and empty["rose"] == 0 and empty["fell"] == 0
    assert empty[["mean_change", "low", "high"]].isna().all()


def test_event_study_counts_no_deaths_for_attacks_with_blank_tolls():
    rows = [
        ("2020-01-10", "us_strike", "al_qaim", "united_states"),
        ("2020-01-05", "rocket_attack", "taji", "unknown", {"us_killed": pd.NA, "other_killed": pd.NA}),
        ("2020-01-06", "rocket_attack", "taji", "unknown", {"us_killed": 1}),
    ]
    study = strikes.event_study(make_events(rows), 10)
    assert study[["before", "killed_before"]].iloc[0].tolist() == [2, 1]
