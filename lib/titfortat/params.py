"""Validation of the notebooks' papermill parameters: one function, one error style."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


class ParameterError(ValueError):
    """A notebook parameter has a value the lesson cannot use."""

    def _render_traceback_(self):  # IPython shows the sentence, not a traceback
        return [f"ParameterError: {self}"]


def _fail(name: str, value, allowed: str):
    raise ParameterError(f"Parameter '{name}' got {value!r}; allowed: {allowed}.")


def as_date(name: str, value, earliest: str, latest: str) -> dt.date:
    """A YYYY-MM-DD string (or date) between earliest and latest, both inclusive."""
    allowed = f"a date written YYYY-MM-DD between {earliest} and {latest}"
    if isinstance(value, dt.date):
        day = value if not isinstance(value, dt.datetime) else value.date()
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            _fail(name, value, allowed)
    else:
        _fail(name, value, allowed)
    if not (dt.date.fromisoformat(earliest) <= day <= dt.date.fromisoformat(latest)):
        _fail(name, value, allowed)
    return day


def as_int(name: str, value, low: int, high: int) -> int:
    """A whole number from low to high."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        _fail(name, value, f"a whole number from {low} to {high}")
    return value


def as_choice(name: str, value, choices: Iterable[str]) -> str:
    """One of a fixed set of strings."""
    choices = list(choices)
    if not isinstance(value, str) or value not in choices:
        _fail(name, value, "one of " + ", ".join(choices))
    return value


def as_subset(name: str, value, choices: Iterable[str]) -> list[str]:
    """A non-empty list of distinct values from a fixed set (a comma-separated string also works)."""
    choices = list(choices)
    allowed = "a non-empty list drawn from " + ", ".join(choices)
    items = [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not items:
        _fail(name, value, allowed)
    if any(not isinstance(item, str) or item not in choices for item in items) or len(set(items)) != len(items):
        _fail(name, value, allowed)
    return list(items)


def check_order(first: str, first_value, second: str, second_value) -> None:
    """Refuse a period whose start is after its end."""
    if first_value > second_value:
        raise ParameterError(
            f"Parameter '{first}' ({first_value}) is after '{second}' ({second_value}); "
            f"allowed: '{first}' on or before '{second}'."
        )
