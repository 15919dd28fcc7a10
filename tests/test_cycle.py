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


LADDER_TAJI = ("2020-03-11", "rocket_attack", "taji", "unknown")
LADDER_ERBIL = ("2021-02-15", "rocket_attack", "erbil_airport", "unknown")


def test_ladder_keeps_the_window_and_numbers_rungs_from_the_opening_attack():
    rungs = tt.escalation_ladder(make_events(LADDER), "soleimani", 12)
    assert list(rungs["rung"]) == [1, 2, 3, 4]
    assert list(rungs["day"]) == [0, 2, 7, 12]
    assert list(rungs["side"].astype(str)) == ["Militias and crowds", "US and allies", "US and allies", "Iran"]
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
    assert side_of("coalition") == side_of("nato") == "US and allies"


def test_every_actor_in_the_schema_has_a_side_and_every_side_a_colour():
    from titfortat.cycle import SIDE_ORDER, SIDES
    from titfortat.data import field_enum
    from titfortat.figures import SIDE_COLOURS

    assert set(field_enum("actor")) <= set(SIDES)
    assert set(SIDES.values()) == set(SIDE_ORDER) and list(SIDE_COLOURS) == SIDE_ORDER


def test_political_acts_are_not_militia_actions():
    assert side_of("nato") != "Militias and crowds"
    assert side_of("sadrist_movement") == side_of("fatah_alliance") == "Iraqi parties and movements"


def test_an_actor_missing_from_the_side_table_is_an_error_naming_it():
    with pytest.raises(KeyError, match="new_group"):
        side_of("new_group")


def test_deaths_headline_names_the_side_whose_actions_killed_most():
    rungs = tt.escalation_ladder(make_events(LADDER), "soleimani", 12)
    assert tt.cycle.deaths_headline(rungs) == "36 recorded deaths, 35 of them from actions by US and allies"
    militia_only = tt.escalation_ladder(make_events(LADDER[:1]), "soleimani", 12)
    assert tt.cycle.deaths_headline(militia_only) == "1 recorded deaths, 1 of them from actions by militias and crowds"


def test_deaths_headline_says_when_a_strike_has_no_toll():
    rows = [LADDER[0], ("2019-12-29", "us_strike", "al_qaim", "united_states")]
    rungs = tt.escalation_ladder(make_events(rows), "soleimani", 12)
    assert tt.cycle.deaths_headline(rungs).endswith("(1 attack or strike in this window has no death toll)")


def test_unknown_actor_note_counts_unclaimed_rungs_on_the_militia_row():
    rows = [*LADDER[:4], ("2020-01-04", "rocket_attack", "balad", "unknown")]
    rungs = tt.escalation_ladder(make_events(rows), "soleimani", 12)
    assert tt.cycle.unknown_actor_note(rungs).startswith("1 of the 2 rungs on the militia row has no known actor")


def test_ladder_leaves_killed_blank_where_no_toll_is_reported_and_puts_reactions_after_acts():
    rows = [
        LADDER[0],
        ("2019-12-29", "political", "baghdad", "iraq_government"),
        ("2019-12-29", "us_strike", "al_qaim", "united_states"),
    ]
    rungs = tt.escalation_ladder(make_events(rows), "soleimani", 12)
    assert list(rungs["event_type"].astype(str)) == ["rocket_attack", "us_strike", "political"]
    assert rungs["killed"].isna().tolist() == [False, True, True]


def test_compare_cycles_counts_strike_days_and_strikes_without_a_toll():
    rows = [*LADDER[:2], ("2019-12-29", "us_strike", "k1", "united_states")]
    table = tt.compare_cycles(make_events(rows + [LADDER_TAJI, LADDER_ERBIL]), 12)
    assert table.loc["soleimani", "us_strike_days"] == 1
    assert table.loc["soleimani", "strikes_without_toll"] == 1
