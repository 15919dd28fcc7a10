"""Lesson 05's library: predictions, what happened (computed from the rows), the scorecard, the two periods."""

import pandas as pd
import pytest
import titfortat as tt
from titfortat import response, wave
from titfortat.exercises import EXERCISES
from titfortat.params import ParameterError


@pytest.fixture(scope="module")
def wave_events():
    return tt.load_events(period="2023-2024")


def test_blank_predictions_hold_every_question_and_nothing_personal():
    blank = wave.blank_predictions()
    assert list(blank) == list(wave.PREDICTIONS) == list(wave.questions().index)
    assert set(blank.values()) == {None}
    assert "earlier_lessons_suggest" not in wave.questions().columns  # the answers stay hidden until section 7


@pytest.mark.parametrize(
    "predictions, words",
    [
        (["yes"], "must be a dict"),
        ({"strikes_deter": "yes"}, "Unknown prediction 'strikes_deter'"),
        ({"attacks_stop": "maybe"}, "Prediction 'attacks_stop' got 'maybe'"),
        ({"attacks_stop": True}, "write 'yes', 'no' or leave it None"),
    ],
)
def test_a_bad_prediction_is_refused_in_one_sentence(predictions, words):
    with pytest.raises(ParameterError, match=words) as error:
        wave.check_predictions(predictions)
    assert "\n" not in str(error.value)


def test_predictions_are_read_as_students_type_them():
    assert wave.check_predictions({"attacks_stop": " Yes "})["attacks_stop"] == "yes"


def test_restrict_drops_only_attacks_outside_iraq(wave_events):
    iraq = wave.restrict(wave_events, include_syria_jordan=False)
    dropped = wave_events[~wave_events["event_id"].isin(iraq["event_id"])]
    assert set(dropped["country"].astype(str)) == {"Syria", "Jordan"}
    assert set(dropped["event_type"].astype(str)) <= set(tt.attack_types())
    assert len(tt.of_types(iraq, ["us_strike"])) == len(tt.of_types(wave_events, ["us_strike"]))
    assert wave.restrict(wave_events, include_syria_jordan=True) is wave_events


def test_outcomes_follow_the_rows(wave_events):
    table = wave.outcomes(wave_events, 7)
    # The first US strike of the wave, 27 Oct 2023, hit Abu Kamal in Syria (its row, from a Pentagon statement).
    assert table.loc["first_strikes_in_syria", "happened"] == "yes"
    assert "27 Oct 2023, in Syria" in table.loc["first_strikes_in_syria", "evidence"]
    # Tower 22 (28 Jan 2024) was answered on 3 Feb 2024 (Iraqi date), six days later.
    assert "6 days" in table.loc["deaths_bring_strike", "evidence"]
    # A planted change flips the answers: without the strikes in Syria, the first strike day is in Iraq;
    # without Tower 22, no attack killed US troops.
    no_syria_strikes = wave_events[~((wave_events["event_type"] == "us_strike") & (wave_events["country"] == "Syria"))]
    assert wave.outcomes(no_syria_strikes, 7).loc["first_strikes_in_syria", "happened"] == "no"
    no_tower = wave_events[wave_events["event_id"] != "2024-01-28-tower_22-drone"]
    assert wave.outcomes(no_tower, 7).loc["deaths_bring_strike", "evidence"] == "no attack killed US troops"


def test_the_end_of_the_attacks_is_measured_from_the_last_attack(wave_events):
    last, quiet = wave.quiet_after_last_attack(wave_events)
    assert last == pd.Timestamp("2024-02-04")  # the Pentagon recorded no attack after 4 Feb (The National)
    assert quiet == 56
    later = pd.concat(
        [
            wave_events,
            wave_events[wave_events["event_id"] == "2024-02-04-al_omar-drone"].assign(
                event_id="2024-03-20-al_omar-drone", date=pd.Timestamp("2024-03-20")
            ),
        ]
    )
    assert wave.outcomes(later, 7).loc["attacks_stop", "happened"] == "no"


def test_the_scorecard_marks_right_wrong_and_missing(wave_events):
    said = {"first_strikes_in_syria": "no", "deaths_bring_strike": "yes"}
    card = wave.scorecard(said, wave_events, 7)
    assert card.loc["first_strikes_in_syria", "you_were"] == "wrong"
    assert card.loc["deaths_bring_strike", "you_were"] == "right"
    assert card.loc["attacks_stop", "you_were"] == "no prediction"


def test_earlier_lessons_held_counts_matching_first_words(wave_events):
    table = wave.outcomes(wave_events, 7)
    by_hand = sum(
        table.loc[key, "earlier_lessons_suggest"].split(":")[0].split(",")[0] == table.loc[key, "happened"]
        for key in table.index
    )
    assert wave.earlier_lessons_held(wave_events, 7) == by_hand == 4  # all but attacks_stop at the defaults


def test_compare_periods_counts_each_period_from_its_own_rows(events, wave_events):
    table = wave.compare_periods({"2017-2021": events, "2023-2024": wave_events})
    assert table.loc["attacks", "2023-2024"] == len(tt.attacks(wave_events))
    assert table.loc["days covered", "2023-2024"] == 167  # 17 Oct 2023 to 31 Mar 2024
    assert table.loc["US killed", "2023-2024"] == 3  # Tower 22 (Military.com: three Army Reserve soldiers)
    assert table.loc["US strike days", "2017-2021"] == 5


def test_attack_places_count_every_located_attack(wave_events):
    places = wave.attack_places(wave_events)
    assert places["attacks"].sum() == len(tt.attacks(wave_events).dropna(subset=["latitude"]))
    assert places.loc[places["site"] == "tower_22", "name"].item() == "Tower 22 (1)"


def test_the_event_study_counts_syria_in_the_wave_but_not_in_2017_2021(events, wave_events):
    in_study = tt.study_attacks(pd.concat([events, wave_events]), include_states=False)
    assert set(in_study.loc[in_study["date"] < "2022-01-01", "country"].astype(str)) == {"Iraq"}
    assert {"Syria", "Jordan"} <= set(in_study.loc[in_study["date"] > "2023-01-01", "country"].astype(str))


def test_one_episode_has_no_interval_and_says_so(wave_events):
    summary = tt.mean_change(tt.event_study(wave_events, 30))
    assert summary["cases"] == 1 and pd.isna(summary["low"])
    assert response.interval_side(summary) == "no interval"
    headline = response.event_study_headline(summary, 30)
    assert "1 episode:" in headline and "nan" not in headline and headline.endswith("the data cannot tell")
    figure = tt.figures.event_study_plot(tt.event_study(wave_events, 30), summary, 30, headline, 100)
    assert "nan" not in tt.figures.describe(figure)


def test_weekly_counts_start_on_mondays_and_keep_every_attack(wave_events):
    weekly = tt.timeline.events_per_week(tt.attacks(wave_events), by="country", start="2023-10-16", end="2024-03-31")
    assert weekly.index.name == "week" and (weekly.index.day_of_week == 0).all()
    assert weekly.to_numpy().sum() == len(tt.attacks(wave_events))
    figure = tt.figures.monthly_bars(weekly, "x")
    assert "per week" in tt.figures.describe(figure) and figure.layout.xaxis.title.text == "Week (starting Monday)"


# A plausible wrong answer for each exercise of lesson 05: the one a student who misreads the question gives.
WRONG_05 = {
    "05.1": 6,  # the first strike after Tower 22, which was not in Baghdad
    "05.2": 14,  # a window that still leaves three episodes
    "05.3": 23,  # the Syrian Observatory's toll for the Syrian part of the operation
    "05.4": 0,  # Iraq alone: the one attack of those days was in Syria
}


@pytest.mark.parametrize("exercise", sorted(WRONG_05))
def test_lesson_05_wrong_answers_get_a_hint_without_the_answer(wave_events, exercise):
    right = EXERCISES[exercise].expected(wave_events)
    result = tt.check(exercise, WRONG_05[exercise], wave_events)
    assert not result.passed and "Hint:" in result.message
    assert str(right) not in result.message.split("Hint:", 1)[1]


def test_lesson_05_answers_match_the_rows(wave_events):
    # Tower 22 on 28 Jan, the Mashtal strike in Baghdad on 7 Feb 2024 (CENTCOM via AP): ten days.
    assert EXERCISES["05.1"].expected(wave_events) == 10
    # The longest gap between strike days, 3 Dec to 26 Dec 2023, merges them all at 23 days.
    assert EXERCISES["05.2"].expected(wave_events) == 23
    assert len(response.episodes(wave_events, 22)) == 2
    # Iraq's government gave 16 dead for the strikes in Iraq of 3 Feb 2024 (its statement, kept in the row).
    assert EXERCISES["05.3"].expected(wave_events) == 16
    # The al-Omar drone of 4 Feb 2024 (Reuters: six SDF fighters killed), the only attack after the suspension.
    assert EXERCISES["05.4"].expected(wave_events) == 1


@pytest.mark.parametrize(
    "values",
    [
        {"window_days": 2, "include_syria_jordan": True},
        {"window_days": 7, "include_syria_jordan": "yes"},
        {"window_days": 7, "include_syria_jordan": 1},
    ],
)
def test_lesson_05_bad_parameters_name_the_parameter(values):
    with pytest.raises(ParameterError) as error:
        tt.parameters("05", **values)
    name = "window_days" if values["window_days"] == 2 else "include_syria_jordan"
    assert f"'{name}'" in str(error.value) and "allowed" in str(error.value)
