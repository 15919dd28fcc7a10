from datetime import date

import pytest
import titfortat as tt
from titfortat.exercises import EXERCISES


def test_blank_answer_asks_for_an_answer(events):
    result = tt.check("01.1", ..., events)
    assert not result.passed and "replace" in result.message


def test_right_answer_passes_and_wrong_one_gets_a_hint_without_the_answer(events):
    right = EXERCISES["01.1"].expected(events)
    assert tt.check("01.1", right, events).passed
    wrong = tt.check("01.1", right + 5, events)
    assert not wrong.passed and "too high" in wrong.message and str(right) not in wrong.message


def test_text_answers_ignore_case(events):
    top = EXERCISES["01.3"].expected(events)
    assert tt.check("01.3", top.upper(), events).passed


# Answers worked out by hand from dates and counts the rows' sources give, not from the library.
# K-1 was hit on 27 Dec 2019 and the US struck on 29 Dec (2 days); Taji on 11 Mar 2020, the US strikes
# came around 1 a.m. on 13 Mar (AFP via The Defense Post: 2 days); Erbil on 15 Feb 2021 (UPI), the strike
# in Syria before dawn on 26 Feb local time (Department of Defense; SOHR via Xinhua: 11 days).
# The handovers of 2020 ran from al-Qaim on 17 Mar (Al-Masdar News) to Taji on 23 Aug (Just the News).
KNOWN_ANSWERS = {
    "02.3": 11 - 2,  # days to the first strike, Erbil minus Soleimani
    "06.1": round((2 + 2 + 11) / 3, 1),  # the mean days to the first strike over the three cycles
    "03.1": (date(2020, 8, 23) - date(2020, 3, 17)).days,  # 159
    # The contractor of 3 Mar 2021 died of a heart attack, not from a rocket (Military.com)
    "00.4": False,
    # The Pentagon gave no toll for Abu Kamal; 22 is one report's figure, not the row's (notes)
    "02.4": False,
}


@pytest.mark.parametrize("exercise", sorted(KNOWN_ANSWERS))
def test_answers_known_from_the_sources(events, exercise):
    assert EXERCISES[exercise].expected(events) == KNOWN_ANSWERS[exercise]


# A plausible wrong answer for each exercise of lessons 03 and 04: the one a student who misreads the
# question would give.
WRONG_03_04 = {
    "03.1": 8,  # the number of handovers, not the days between them
    "03.2": 6,  # the 180-day change, not the 90-day one
    "03.3": 48,  # every ied_attack in the dataset
    "03.4": -55,  # the earlier cut, to 3,000
    "04.1": 4,  # its rank with the starting score of 3, not with 5
    "04.2": -3.8,  # the 30-day lower end
    "04.3": 2,  # the default weight, at which restraint is still first
    "04.4": 4,  # from the last attack before the strike, not the Erbil one
}


@pytest.mark.parametrize("exercise", sorted(WRONG_03_04))
def test_lessons_03_04_wrong_answers_get_a_hint_without_the_answer(events, exercise):
    right = EXERCISES[exercise].expected(events)
    wrong = WRONG_03_04[exercise]
    result = tt.check(exercise, wrong, events)
    assert not result.passed and "Hint:" in result.message
    hint = result.message.split("Hint:", 1)[1]
    assert str(right) not in hint, (exercise, hint)


@pytest.mark.parametrize("exercise", sorted(WRONG_03_04))
def test_lessons_03_04_right_answers_pass(events, exercise):
    assert tt.check(exercise, EXERCISES[exercise].expected(events), events).passed


def test_answers_are_read_as_students_type_them(events):
    month = EXERCISES["01.2"].expected(events)
    year, number = month.split("-")
    assert tt.check("01.2", f"{year}-{int(number)}", events).passed
    site = EXERCISES["01.3"].expected(events)
    assert tt.check("01.3", tt.figures.label_for(site), events).passed
    assert tt.exercises._number("1,600") == 1600


def test_every_exercise_passes_its_answer_and_hints_without_it_on_a_wrong_one():
    for key, exercise in EXERCISES.items():
        events = tt.load_events(period=exercise.period)
        right = exercise.expected(events)
        assert tt.check(key, right, events).passed, key
        if isinstance(right, bool):
            wrong = not right
        elif isinstance(right, (int, float)):
            wrong = right + 7
        else:
            wrong = "no such answer"
        miss = tt.check(key, wrong, events)
        assert not miss.passed and "Hint:" in miss.message, key
        assert f" {right} " not in f" {miss.message.split('Hint:')[1]} ", key
