"""The crisis simulation: decision points, briefings, reveals, the comparison and its CSV, and the widget's flow."""

import csv
import io
from urllib.parse import unquote

import pandas as pd
import pytest
import titfortat as tt
from frames import make_events
from titfortat import simulation
from titfortat.cycle import CYCLES
from titfortat.response import OPTIONS

START = CYCLES["taji"]["start"]  # the small frames borrow the Taji cycle's opening day and site


def _frame():
    return make_events(
        [
            ("2020-03-01", "rocket_attack", "balad", "unknown", {"us_wounded": 1}),  # before the cycle
            (START, "rocket_attack", "taji", "kataib_hezbollah", {"us_killed": 2}),
            ("2020-03-12", "rocket_attack", "balad", "unknown", {"us_killed": 0, "us_wounded": 0}),
            ("2020-03-13", "us_strike", "karbala", "united_states", {"other_killed": 1}),
            ("2020-03-14", "rocket_attack", "taji", "unknown", {"us_wounded": 3}),
            ("2020-03-16", "assault", "us_embassy", "pmf_supporters"),
            ("2020-03-20", "political", "baghdad", "iraq_government"),
            ("2020-03-25", "us_strike", "abu_kamal", "united_states", {"country": "Syria"}),
            ("2020-04-10", "rocket_attack", "taji", "unknown", {"us_killed": 1}),  # after the 21-day window
        ]
    )


def test_decision_points_are_the_opening_and_later_acts_that_hurt_or_escalate():
    points = simulation.decision_points(_frame(), "taji")
    assert list(points["date"].dt.strftime("%m-%d")) == ["03-11", "03-14", "03-16"]
    assert list(points["point"]) == [1, 2, 3]
    assert list(points["day"]) == [0, 3, 5]


def test_each_reveal_runs_to_the_day_before_the_next_decision_and_the_last_for_two_weeks():
    points = simulation.decision_points(_frame(), "taji")
    assert list(points["follow_days"]) == [2, 1, simulation.FOLLOW_DAYS]


def test_a_us_strike_never_makes_a_decision_point_even_when_it_kills():
    frame = make_events(
        [
            (START, "rocket_attack", "taji", "unknown", {"us_killed": 1}),
            ("2020-03-12", "us_strike", "karbala", "united_states", {"other_killed": 9}),
        ]
    )
    assert len(simulation.decision_points(frame, "taji")) == 1


def test_known_on_holds_the_cycle_rows_up_to_and_including_the_day():
    known = simulation.known_on(_frame(), "taji", "2020-03-14")
    assert list(known["date"].dt.strftime("%m-%d")) == ["03-11", "03-12", "03-13", "03-14"]
    assert list(known["day"]) == [0, 1, 2, 3]
    assert list(known["side"])[2] == "US and allies"


def test_what_happened_leaves_out_the_day_itself_and_keeps_sources():
    happened = simulation.what_happened(_frame(), "taji", "2020-03-11", 3)
    assert list(happened["date"].dt.strftime("%m-%d")) == ["03-12", "03-13", "03-14"]
    assert happened["source_url"].notna().all()


@pytest.mark.parametrize(
    "rows, closest",
    [
        ([("2020-03-12", "rocket_attack", "taji", "unknown")], "restraint"),
        ([("2020-03-12", "us_strike", "abu_kamal", "united_states", {"country": "Syria"})], "syria_strikes"),
        ([("2020-03-12", "us_strike", "karbala", "united_states")], simulation.NOT_AN_OPTION),
    ],
)
def test_the_us_response_is_named_by_the_closest_option_only_where_one_fits(rows, closest):
    happened = simulation.what_happened(make_events(rows), "taji", START, 3)
    assert simulation.us_response(happened)["closest_option"] == closest


def test_actual_responses_count_the_attacks_and_deaths_that_followed_each_point():
    actual = simulation.actual_responses(_frame(), "taji")
    assert list(actual["closest_option"]) == [simulation.NOT_AN_OPTION, "restraint", "syria_strikes"]
    assert list(actual["attacks_after"]) == [1, 0, 0]
    assert list(actual["deaths_after"]) == [1, 0, 0]


@pytest.mark.parametrize(
    "choice, fragment",
    [
        (..., "no choice recorded"),
        ("restraint", "write the choice as"),
        (("bomb_tehran", "why not"), "not an option key"),
        ((None, "why not"), "choose one of the options"),
        (("restraint", "   "), "add a short reason"),
    ],
)
def test_an_unusable_choice_is_refused_with_a_reason(choice, fragment):
    assert fragment in simulation.choice_problem(choice)


def test_compare_sets_each_choice_beside_the_us_response():
    actual = simulation.actual_responses(_frame(), "taji")
    table = simulation.compare_choices({1: ("restraint", " wait "), 2: ("restraint", "again"), 9: ("x", "y")}, actual)
    assert list(table["your_choice"])[:2] == [OPTIONS["restraint"]] * 2
    assert list(table["your_reason"])[:2] == ["wait", "again"]
    assert table["your_choice"].iloc[2] == "(no choice recorded yet)"
    assert list(table["same_as_us"].astype(object)) == [False, True, pd.NA]


def test_csv_has_a_header_and_one_line_per_decision_point():
    actual = simulation.actual_responses(_frame(), "taji")
    table = simulation.compare_choices({1: ("hold_iran", 'said "no", then, yes')}, actual)
    rows = list(csv.DictReader(io.StringIO(simulation.choices_csv(table, "taji"))))
    assert len(rows) == len(actual)
    assert rows[0]["cycle"] == "taji" and rows[0]["date"] == "2020-03-11"
    assert rows[0]["your_reason"] == 'said "no", then, yes'


def test_reveal_stays_closed_until_a_choice_is_recorded():
    frame = _frame()
    closed = simulation.reveal(frame, "taji", 1, {})
    assert isinstance(closed, str) and "Decide first" in closed
    opened = simulation.reveal(frame, "taji", 1, {1: ("restraint", "wait")})
    assert isinstance(opened, pd.DataFrame) and len(opened) == 2


def test_a_point_past_the_last_says_so_instead_of_failing():
    assert "3 decision points, not 4" in simulation.briefing(_frame(), "taji", 4)
    assert "no decision point 4" in simulation.reveal(_frame(), "taji", 4, {4: ("restraint", "x")})


def test_rows_html_escapes_data_text():
    rows = simulation.known_on(_frame(), "taji", START)
    rows.loc[0, "summary"] = "<script>alert(1)</script>"
    text = simulation.rows_html(rows, ["date", "summary", "source_url"])
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert 'href="https://example.org"' in text


def test_every_offered_cycle_has_decision_points_in_the_data(events):
    for name in CYCLES:
        points = simulation.decision_points(events, name)
        assert len(points) >= 2, name
        assert points["day"].iloc[0] == 0 and points["day"].max() <= simulation.WINDOW_DAYS


def _play(room, option="restraint", reason="Avoid a cycle"):
    room.option.value, room.reason.value = option, reason
    room.decide.click()


def test_the_crisis_room_reveals_only_after_deciding_and_ends_with_the_comparison(events):
    room = tt.widgets.crisis_room(events, "soleimani")
    points = simulation.decision_points(events, "soleimani")
    assert room.outcome.value == "" and room.next.layout.display == "none"
    room.decide.click()  # nothing chosen yet: refused, nothing revealed
    assert room.outcome.value == "" and room.choices == {}
    for index in range(len(points)):
        assert room.outcome.value == ""
        _play(room, reason=f"reason <{index}>")
        assert "What was actually done" in room.outcome.value
        assert room.decide.disabled and room.next.layout.display is None
        room.next.click()
    assert len(room.choices) == len(points)
    assert "your choices beside the real ones" in room.children[0].value
    link = room.summary.value.split('href="data:text/csv;charset=utf-8,')[1].split('"')[0]
    rows = list(csv.DictReader(io.StringIO(unquote(link))))
    assert len(rows) == len(points) and rows[2]["your_reason"] == "reason <2>"
    assert "&lt;2&gt;" in room.summary.value  # a student's text is escaped in the table


def test_the_crisis_room_escapes_the_data_it_shows(events):
    changed = events.copy()
    changed["summary"] = changed["summary"].astype(object)
    changed.loc[changed["event_id"] == "2019-12-27-k1-rocket", "summary"] = "<img src=x onerror=alert(1)>"
    room = tt.widgets.crisis_room(changed, "soleimani")
    shown = room.children[0].value + room.summary.value
    assert "<img" not in shown and "&lt;img" in shown
