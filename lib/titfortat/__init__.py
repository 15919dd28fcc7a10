"""titfortat: data, analyses, figures, widgets and exercise checks for the lessons on the rocket war in Iraq.

Names are loaded on first use (PEP 562): `import titfortat` costs nothing, and the runner's worker
processes, which only need papermill, never import pandas or plotly.
"""

import importlib

# public name -> the submodule that defines it
_FUNCTIONS = {
    "check": "exercises",
    "before_after": "consolidation",
    "handovers": "consolidation",
    "held_sites_after": "consolidation",
    "CYCLES": "cycle",
    "compare_cycles": "cycle",
    "escalation_ladder": "cycle",
    "DataError": "data",
    "attack_types": "data",
    "load_events": "data",
    "sites": "data",
    "parameters": "lessons",
    "ParameterError": "params",
    "glossary": "reference",
    "who": "reference",
    "event_study": "response",
    "mean_change": "response",
    "rank_options": "response",
    "strike_days": "response",
    "attacks": "timeline",
    "attacks_per_month": "timeline",
    "attacks_per_year": "timeline",
    "between": "timeline",
    "casualties": "timeline",
    "count_by": "timeline",
    "event_row": "timeline",
    "events_per_month": "timeline",
    "key_events": "timeline",
    "of_types": "timeline",
}
_MODULES = {"consolidation", "cycle", "data", "exercises", "figures", "geography", "response", "timeline", "widgets"}
_MODULES.add("simulation")  # lesson 06
_MODULES.add("wave")  # lesson 05

__all__ = sorted(set(_FUNCTIONS) | _MODULES - {"widgets"})


def __getattr__(name):
    if name in _FUNCTIONS:
        value = getattr(importlib.import_module(f".{_FUNCTIONS[name]}", __name__), name)
    elif name in _MODULES:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module 'titfortat' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
