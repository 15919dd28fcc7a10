"""titfortat: data, analyses, figures, widgets and exercise checks for the lessons on the rocket war in Iraq.

Where a name lives: every public function that returns a table (a pandas DataFrame or Series) is `tt.x`,
as are the entry points `check`, `parameters`, `glossary` and `who`, the vocabularies `attack_types` and
`CYCLES`, and the error classes; everything else (sentences that read a table, figures, widgets, other
constants, and the one-lesson modules `article`, `wave`, `wave_tables` and the simulation's) is `tt.<module>.x`, and
every module is `tt.<module>`. tests/test_surface.py checks the map below against that rule.

In every signature, `events` is the frame `load_events()` returns, or a slice of it; `rungs` is an
`escalation_ladder()`, `study` an `event_study()` and `summary` a `mean_change()`.

Names are loaded on first use (PEP 562): `import titfortat` costs nothing, and the runner's worker
processes, which only need papermill, never import pandas or plotly.
"""

import importlib

# Modules whose tables stay under their own name: each serves one lesson.
_LESSON_MODULES = {"article", "crisis_choices", "crisis_record", "wave", "wave_tables"}

# public name -> the submodule that defines it (kept by hand so that `import titfortat` imports nothing)
_FUNCTIONS = {
    # entry points, vocabularies and errors
    "check": "exercises",
    "parameters": "lessons",
    "glossary": "reference",
    "who": "reference",
    "attack_types": "package",
    "CYCLES": "world",
    "DataError": "package",
    "ParameterError": "params",
    # functions that return a table
    "deadly_attacks": "chronology",
    "timeline_table": "chronology",
    "attacks_around_handovers": "consolidation",
    "attacks_either_side": "consolidation",
    "before_after": "consolidation",
    "handovers": "consolidation",
    "held_sites_after": "consolidation",
    "window_totals": "consolidation",
    "compare_cycles": "cycle",
    "deaths_by_side": "cycle",
    "escalation_ladder": "cycle",
    "opening_event": "cycle",
    "load_events": "data",
    "rank_options": "options",
    "periods": "package",
    "published_counts": "package",
    "sites": "package",
    "attacks": "selection",
    "between": "selection",
    "event_row": "selection",
    "key_events": "selection",
    "named_events": "selection",
    "of_types": "selection",
    "answered_attacks": "strike_findings",
    "event_study": "strikes",
    "mean_change": "strikes",
    "militia_attacks": "strikes",
    "monthly_counts": "strikes",
    "strike_days": "strikes",
    "study_attacks": "strikes",
    "window_sweep": "strikes",
    "attacks_by_province": "timeline",
    "attacks_per_month": "timeline",
    "attacks_per_year": "timeline",
    "casualties": "timeline",
    "compare_with_published": "timeline",
    "count_by": "timeline",
    "events_by_province": "timeline",
    "events_per_month": "timeline",
    "events_per_week": "timeline",
    "milestones": "timeline",
}
# every module of the package
_MODULES = {
    "article",
    "before_after_charts",
    "charts",
    "chronology",
    "consolidation",
    "crisis_choices",
    "crisis_record",
    "cycle",
    "data",
    "edition",
    "exercises",
    "figures",
    "geography",
    "lessons",
    "maps",
    "options",
    "package",
    "params",
    "paths",
    "prose",
    "reference",
    "rerun",
    "response",
    "selection",
    "simulation",
    "sources",
    "static_html",
    "strike_findings",
    "strikes",
    "style",
    "timeline",
    "wave",
    "wave_tables",
    "widgets",
    "world",
}

# widgets is left out of `from titfortat import *`: it imports ipywidgets and plotly's widget bundle.
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
