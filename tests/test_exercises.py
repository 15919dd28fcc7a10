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


def test_every_exercise_computes_an_answer_from_the_data(events):
    for key, exercise in EXERCISES.items():
        assert exercise.expected(events) is not None, key


def test_answers_are_read_as_students_type_them(events):
    month = EXERCISES["01.2"].expected(events)
    year, number = month.split("-")
    assert tt.check("01.2", f"{year}-{int(number)}", events).passed
    site = EXERCISES["01.3"].expected(events)
    assert tt.check("01.3", tt.figures.label_for(site), events).passed
    assert tt.exercises._number("1,600") == 1600


def test_every_exercise_passes_its_answer_and_hints_without_it_on_a_wrong_one(events):
    for key, exercise in EXERCISES.items():
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
