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


def _strikes(*places, on_iran=False):
    """A frame of an opening attack and US strikes the next day at places ((site, country) pairs)."""
    rows = [(START, "rocket_attack", "taji", "unknown", {"us_killed": 1})]
    rows += [("2020-03-12", "us_strike", site, "united_states", {"country": country}) for site, country in places]
    frame = make_events(rows)
    if on_iran:
        frame.loc[1, "event_id"] = simulation.STRIKES_ON_IRAN[0]
    return frame


@pytest.mark.parametrize(
    "frame, closest",
    [
        (_strikes(("baghdad_airport", "Iraq"), on_iran=True), "hold_iran"),
        (_strikes(("abu_kamal", "Syria"), ("al_qaim", "Iraq")), simulation.NOT_AN_OPTION),
        (_strikes(("abu_kamal", "Syria"), ("al_qaim", "Iraq"), on_iran=True), "hold_iran"),
        (_strikes(("abu_kamal", "Syria"), ("tanf", "Syria")), "syria_strikes"),
    ],
)
def test_strikes_are_filed_by_whom_they_hit_before_where_they_landed(frame, closest):
    happened = simulation.what_happened(frame, "taji", START, 3)
    assert simulation.us_response(happened)["closest_option"] == closest


def test_restraint_names_the_other_steps_the_us_took_without_changing_the_option():
    frame = make_events(
        [
            (START, "rocket_attack", "taji", "unknown", {"us_killed": 1}),
            ("2020-03-12", "political", "washington", "united_states"),
            ("2020-03-12", "political", "baghdad", "coalition"),
        ]
    )
    frame.loc[1, "target"] = "Iran (sanctions)"
    frame.loc[2, "target"] = "coalition training"
    response = simulation.us_response(simulation.what_happened(frame, "taji", START, 3))
    assert response["closest_option"] == "restraint"
    assert response["us_did"] == "no US strike recorded; other US steps: 12 Mar 2020, a step aimed at Iran (sanctions)"


def test_the_us_reply_on_a_decision_day_is_in_the_reveal_not_the_briefing():
    frame = make_events(
        [
            (START, "rocket_attack", "taji", "unknown", {"us_killed": 1}),
            (START, "political", "washington", "united_states"),
            (START, "political", "baghdad", "iraq_government"),
        ]
    )
    briefed = set(simulation.known_on(frame, "taji", START)["event_id"])
    revealed = set(simulation.what_happened(frame, "taji", START, 3)["event_id"])
    assert briefed == {frame["event_id"][0], frame["event_id"][2]}
    assert revealed == {frame["event_id"][1]}


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
    assert isinstance(closed, str) and "Decide point 1 first" in closed
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
    changed["source_name"] = changed["source_name"].astype(object)
    changed.loc[changed["event_id"] == "2019-12-27-k1-rocket", "source_name"] = "<img src=x onerror=alert(1)>"
    room = tt.widgets.crisis_room(changed, "soleimani")
    shown = room.children[0].value + room.summary.value
    assert "onerror" in shown
    assert "<img" not in shown and "&lt;img" in shown


def test_next_refuses_to_move_on_before_a_decision(events):
    room = tt.widgets.crisis_room(events, "soleimani")
    assert room.next.disabled
    room.next.click()  # clicked anyway (a stale page, a script): no outcome, still at point 1
    assert room.outcome.value == "" and "Decision 1 of" in room.children[0].value
    _play(room)
    assert not room.next.disabled
    room.next.click()
    assert room.next.disabled and "Decision 2 of" in room.children[0].value


def _text(table) -> str:
    return " ".join(table[["who_did_it", "reported_that_day", "said_that_day"]].astype(str).agg(" ".join, axis=1))


def test_a_briefing_holds_only_what_was_public_that_day(events):
    k1 = simulation.known_on(events, "soleimani", "2019-12-27")
    reading = " ".join(k1["who_did_it"]) + " " + " ".join(k1["reported_that_day"])
    assert _text(k1).count("no one blamed on the record") == 1 and "Kataib Hezbollah" not in reading
    assert list(k1["actor"]) == ["unknown"]
    embassy = simulation.known_on(events, "soleimani", "2019-12-31")
    assert "blamed by the US government" in embassy["who_did_it"].iloc[0]
    assert "1 January" not in _text(embassy) and "withdr" not in _text(embassy)
    missiles = simulation.known_on(events, "soleimani", "2020-01-08")
    assert "110" not in _text(missiles) and "diagnosed" not in _text(missiles)
    assert "2020-01-08-washington-fed_account_warning" not in set(missiles["event_id"])
    taji = simulation.known_on(events, "taji", "2020-03-11")
    assert list(taji["who_did_it"]) == [simulation.ATTRIBUTION_WORDS["unknown"]]
    ain = simulation.known_on(events, "erbil", "2021-03-03")
    assert ain.set_index("event_id").loc["2021-03-03-ain_al_asad-rocket", "who_did_it"] == (
        simulation.ATTRIBUTION_WORDS["unknown"]
    )
    assert "denied" in ain.set_index("event_id").loc["2021-02-15-erbil_airport-rocket", "said_that_day"]


def test_the_real_responses_are_filed_where_the_lesson_says(events):
    table = simulation.all_responses(events).set_index(["cycle", "point"])["closest_option"]
    assert table[("soleimani", 1)] == table[("taji", 1)] == simulation.NOT_AN_OPTION
    assert table[("soleimani", 2)] == "hold_iran"
    assert table[("erbil", 1)] == "syria_strikes"
    assert list(table[table == "restraint"].index) == [("soleimani", 3), ("taji", 2), ("erbil", 2)]
    soleimani = simulation.actual_responses(events, "soleimani")
    assert "new economic sanctions" in soleimani["us_did"].iloc[2]


def test_iran_and_iraq_are_heard_in_the_briefings_and_the_us_reply_waits_for_the_reveal(events):
    missiles = set(simulation.known_on(events, "soleimani", "2020-01-08")["event_id"])
    assert {"2020-01-08-tehran-zarif_statement", "2020-01-08-baghdad-iran_envoy_summons"} <= missiles
    assert "2020-01-08-washington-trump_address" not in missiles
    shown = simulation.reveal(events, "soleimani", 3, {p: ("restraint", "wait") for p in (1, 2, 3)})
    assert "2020-01-08-washington-trump_address" in set(shown["event_id"])
    assert "2019-12-29-baghdad-pm_objection" not in set(simulation.known_on(events, "soleimani", "2019-12-29")["event_id"])
    assert "2021-03-03-erbil-arrests" in set(simulation.known_on(events, "erbil", "2021-03-03")["event_id"])
    k1 = simulation.known_on(events, "soleimani", "2019-12-27")
    assert "looking into whether Kataib Hezbollah" in k1["said_that_day"].iloc[0]


def test_a_fact_reported_late_comes_in_the_reveal_that_covers_its_day(events):
    shown = simulation.reveal(events, "soleimani", 3, {p: ("restraint", "wait") for p in (1, 2, 3)})
    assert "2020-01-08" in set(shown["date"].dt.strftime("%Y-%m-%d"))


def test_every_later_known_row_and_statement_names_a_real_row_whose_notes_date_it(events):
    notes = events.set_index("event_id")["notes"]
    keys = list(simulation.LATER_KNOWN) + [key for key, _, _ in simulation.SAID_THAT_DAY]
    assert set(keys) <= set(notes.index)
    dates = events.set_index("event_id")["date"]
    for key, entry in simulation.LATER_KNOWN.items():
        assert pd.Timestamp(entry["known_from"]) > dates[key], key


def test_the_next_briefing_and_the_comparison_wait_for_the_choices_before_them(events):
    assert "Decide point 1 first" in simulation.briefing(events, "soleimani", 2, {})
    assert "Decide point 2 first" in simulation.briefing(events, "soleimani", 3, {1: ("restraint", "x")})
    assert "Decide point 1 first" in simulation.comparison(events, "soleimani", {})
    done = {p: ("restraint", "x") for p in (1, 2, 3)}
    assert isinstance(simulation.briefing(events, "soleimani", 3, done), pd.DataFrame)
    assert len(simulation.comparison(events, "soleimani", done)) == 3


def test_a_blank_toll_is_counted_as_unknown_not_as_zero(events):
    erbil = simulation.actual_responses(events, "erbil")
    assert erbil["tolls_unknown"].iloc[0] >= 1  # the strike of 26 Feb 2021: 1 to 22 killed, no official figure
    soleimani = simulation.actual_responses(events, "soleimani")
    assert soleimani["tolls_unknown"].iloc[0] == 0  # the Syrian strike's dead are counted in the Iraq row
