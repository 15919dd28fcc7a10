import datetime as dt

import pytest
import titfortat as tt
from titfortat.params import ParameterError


def test_valid_parameters_come_back_cleaned():
    cleaned = tt.parameters("01", start="2019-01-01", end="2020-12-31", event_types="rocket_attack, ied_attack")
    assert cleaned == {
        "start": dt.date(2019, 1, 1),
        "end": dt.date(2020, 12, 31),
        "event_types": ["rocket_attack", "ied_attack"],
    }


@pytest.mark.parametrize(
    "lesson, values, name",
    [
        ("00", {"event_type": "nuke"}, "event_type"),
        ("01", {"start": "2030-01-01", "end": "2020-01-01", "event_types": ["rocket_attack"]}, "start"),
        ("01", {"start": "2019-01-01", "end": "yesterday", "event_types": ["rocket_attack"]}, "end"),
        ("01", {"start": "2020-01-01", "end": "2019-01-01", "event_types": ["rocket_attack"]}, "start"),
        ("01", {"start": "2019-01-01", "end": "2020-01-01", "event_types": []}, "event_types"),
        ("02", {"cycle": "tehran", "window_days": 10}, "cycle"),
        ("02", {"cycle": "taji", "window_days": -3}, "window_days"),
        ("02", {"cycle": "taji", "window_days": 400}, "window_days"),
        ("02", {"cycle": "taji", "window_days": "ten"}, "window_days"),
        ("03", {"cutoff": "2017-01-01", "window_days": 180, "sites": ["taji"]}, "cutoff"),
        ("03", {"cutoff": "2020-04-01", "window_days": 180, "sites": ["narnia"]}, "sites"),
        ("04", {"window_days": 0}, "window_days"),
        ("06", {"cycle": "tower_22"}, "cycle"),
    ],
)
def test_bad_value_names_the_parameter_and_what_is_allowed(lesson, values, name):
    with pytest.raises(ParameterError) as error:
        tt.parameters(lesson, **values)
    message = str(error.value)
    assert f"'{name}'" in message and "allowed" in message
    assert message.count("\n") == 0


def test_error_renders_as_one_line_in_a_notebook():
    error = ParameterError("Parameter 'x' got 1; allowed: 2.")
    assert error._render_traceback_() == ["ParameterError: Parameter 'x' got 1; allowed: 2."]
