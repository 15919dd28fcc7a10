"""titfortat: data, analyses, figures, widgets and exercise checks for the lessons on the rocket war in Iraq."""

from . import figures, geography
from .check import check
from .consolidation import before_after, handovers, held_sites_after
from .cycle import CYCLES, compare_cycles, escalation_ladder
from .data import DataError, attack_types, load_events, sites
from .lessons import parameters
from .params import ParameterError
from .response import event_study, mean_change, rank_options, strike_days
from .timeline import (
    attacks,
    attacks_per_month,
    attacks_per_year,
    between,
    casualties,
    count_by,
    events_per_month,
    key_events,
    of_types,
)

__all__ = [
    "CYCLES",
    "DataError",
    "ParameterError",
    "attack_types",
    "attacks",
    "attacks_per_month",
    "attacks_per_year",
    "before_after",
    "between",
    "casualties",
    "check",
    "compare_cycles",
    "count_by",
    "escalation_ladder",
    "event_study",
    "events_per_month",
    "figures",
    "geography",
    "handovers",
    "held_sites_after",
    "key_events",
    "load_events",
    "mean_change",
    "of_types",
    "parameters",
    "rank_options",
    "sites",
    "strike_days",
]


def __getattr__(name):
    # widgets pull in ipywidgets; load them only when a lesson asks for one.
    if name == "widgets":
        import importlib

        return importlib.import_module(".widgets", __name__)
    raise AttributeError(f"module 'titfortat' has no attribute {name!r}")
