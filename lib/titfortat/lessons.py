"""The parameters of each lesson and the one function that validates them (called right after the
notebook's `parameters` cell)."""

from __future__ import annotations

from . import params
from .consolidation import CUTOFF_RANGE
from .cycle import CYCLES, MAX_WINDOW_DAYS
from .data import field_enum, schema


def _date_range() -> tuple[str, str]:
    field = next(f for f in schema()["fields"] if f["name"] == "date")
    return field["constraints"]["minimum"], field["constraints"]["maximum"]


def parameters(lesson: str, **values) -> dict:
    """Validate a lesson's parameters; return them cleaned (dates as dates, lists as lists). Also sets
    the lesson's tables to show text whole.

    Raises ParameterError with one sentence naming the parameter, the value and what is allowed.
    """
    earliest, latest = _date_range()
    rules = {
        "00": {"event_type": lambda n, v: params.as_choice(n, v, field_enum("event_type"))},
        "01": {
            "start": lambda n, v: params.as_date(n, v, earliest, latest),
            "end": lambda n, v: params.as_date(n, v, earliest, latest),
            "event_types": lambda n, v: params.as_subset(n, v, field_enum("event_type")),
        },
        "02": {
            "cycle": lambda n, v: params.as_choice(n, v, list(CYCLES)),
            "window_days": lambda n, v: params.as_int(n, v, 1, MAX_WINDOW_DAYS),
        },
        "03": {
            "cutoff": lambda n, v: params.as_date(n, v, *CUTOFF_RANGE),
            "window_days": lambda n, v: params.as_int(n, v, 30, 540),
            "sites": lambda n, v: params.as_subset(n, v, field_enum("site")),
        },
        "04": {
            "window_days": lambda n, v: params.as_int(n, v, 3, 90),
        },
        "05": {
            "window_days": lambda n, v: params.as_int(n, v, 3, MAX_WINDOW_DAYS),
            "include_syria_jordan": params.as_bool,
        },
        "06": {"cycle": lambda n, v: params.as_choice(n, v, list(CYCLES))},
    }
    params.as_choice("lesson", lesson, rules)
    missing = sorted(set(rules[lesson]) - set(values))
    extra = sorted(set(values) - set(rules[lesson]))
    if missing or extra:
        raise TypeError(f"lesson {lesson} takes parameters {sorted(rules[lesson])}; got {sorted(values)}")
    cleaned = {name: check(name, values[name]) for name, check in rules[lesson].items()}
    _show_text_in_full()
    if lesson == "01":
        params.check_order("start", cleaned["start"], "end", cleaned["end"])
    return cleaned


def _show_text_in_full() -> None:
    """Tables in a lesson print every summary, claim and note whole: pandas cuts text at 50 characters."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
