"""Validation of the notebooks' papermill parameters: one function, one error style."""

from __future__ import annotations

import datetime as dt
import math
import numbers
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


def as_bool(name: str, value) -> bool:
    """True or False (not 0, 1 or a string: papermill passes booleans as they are written)."""
    if not isinstance(value, bool):
        _fail(name, value, "True or False")
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
    if any(not isinstance(item, str) or item not in choices for item in items):
        _fail(name, value, allowed)
    repeated = sorted({item for item in items if items.count(item) > 1})
    if repeated:
        raise ParameterError(
            f"Parameter '{name}' got {value!r}, which lists {', '.join(map(repr, repeated))} more than once; "
            f"allowed: {allowed}, each at most once (no duplicates)."
        )
    return list(items)


def check_order(first: str, first_value, second: str, second_value) -> None:
    """Refuse a period whose start is after its end."""
    if first_value > second_value:
        raise ParameterError(
            f"Parameter '{first}' ({first_value}) is after '{second}' ({second_value}); "
            f"allowed: '{first}' on or before '{second}'."
        )


# Guards for the library's public functions, so a bad argument gives one sentence, not a pandas error.


def require_positive(name: str, value) -> int:
    """A whole number of at least 1 (a window in days, for example)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        _fail(name, value, "a whole number of at least 1")
    return value


def require_not_negative(name: str, value) -> int:
    """A whole number of 0 or more (a ladder of 0 days is the opening day alone)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        _fail(name, value, "a whole number of 0 or more")
    return value


def require_choice(name: str, value, choices: Iterable[str]) -> str:
    """One of the given keys (a cycle, a column to group by)."""
    return as_choice(name, value, choices)


def require_rows(frame, what: str) -> None:
    """Refuse an empty frame where nothing sensible can be drawn or computed."""
    if len(frame) == 0:
        raise ParameterError(f"Nothing matched: {what} got no rows (were the filters or the period too narrow?).")


def require_weights(name: str, weights, criteria: Iterable[str]) -> dict:
    """A mapping from known criteria to weights of 0 or more."""
    criteria = list(criteria)
    allowed = "a dict of weights of 0 or more for " + ", ".join(criteria)
    if not isinstance(weights, dict):
        _fail(name, weights, allowed)
    for key, weight in weights.items():
        if key not in criteria:
            raise ParameterError(f"Parameter '{name}' has an unknown criterion {key!r}; allowed: {allowed}.")
        if isinstance(weight, bool) or not isinstance(weight, numbers.Real) or not 0 <= weight < math.inf:
            raise ParameterError(f"Parameter '{name}' gives {key!r} the weight {weight!r}; allowed: {allowed}.")
    return weights
