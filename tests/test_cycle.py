import pytest
import titfortat as tt
from frames import make_events
from titfortat.cycle import side_of

LADDER = [
    ("2019-12-27", "rocket_attack", "k1", "kataib_hezbollah", {"us_killed": 1, "other_killed": 0}),
    ("2019-12-29", "us_strike", "al_qaim", "united_states", {"other_killed": 25}),
    ("2020-01-03", "us_strike", "baghdad_airport", "united_states", {"other_killed": 10}),
    ("2020-01-08", "missile_strike", "ain_al_asad", "iran", {"us_killed": 0}),
    ("2020-02-20", "rocket_attack", "k1", "unknown"),
]


def test_ladder_keeps_the_window_and_numbers_rungs_from_the_opening_attack():
    rungs = tt.escalation_ladder(make_events(LADDER), "soleimani", 12)
    assert list(rungs["rung"]) == [1, 2, 3, 4]
    assert list(rungs["day"]) == [0, 2, 7, 12]
    assert list(rungs["side"].astype(str)) == ["Militias and crowds", "United States", "United States", "Iran"]
    assert list(rungs["killed"]) == [1, 25, 10, 0]


def test_ladder_without_its_opening_attack_is_an_error():
    with pytest.raises(LookupError, match="k1"):
        tt.escalation_ladder(make_events(LADDER[1:]), "soleimani", 12)


def test_compare_cycles_counts_days_to_first_strike(events):
    table = tt.compare_cycles(events, 14)
    assert set(table.index) == {"soleimani", "taji", "erbil"}
    assert table.loc["soleimani", "days_to_first_us_strike"] == 2


def test_sides_group_named_and_unknown_militias_together():
    assert side_of("kataib_hezbollah") == side_of("unknown") == "Militias and crowds"
    assert side_of("coalition") == "United States"
