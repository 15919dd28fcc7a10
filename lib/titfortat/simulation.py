"""Lesson 06's crisis simulation under one name, `tt.simulation.X`, as the lesson, its widget and tests call it.

The code lives in two modules, one job each: `crisis_record` (the decision points of a cycle, what was
known on each evening, what the US did and what followed) and `crisis_choices` (the student's choices
set beside it, and the briefing, reveal and comparison released one decision at a time). This module
only re-exports their public names.
"""

from .crisis_choices import (
    ROOM_BRIEFING,
    ROOM_REVEAL,
    briefing,
    choice_problem,
    choices_csv,
    compare_choices,
    comparison,
    reveal,
    rows_html,
)
from .crisis_record import (
    ATTRIBUTION_WORDS,
    BRIEFING_COLUMNS,
    COUNTED_ELSEWHERE,
    ESCALATIONS,
    FOLLOW_DAYS,
    LATER_KNOWN,
    NOT_AN_OPTION,
    REVEAL_COLUMNS,
    SAID_THAT_DAY,
    STRIKES_ON_IRAN,
    US_OTHER_STEPS,
    WINDOW_DAYS,
    actual_responses,
    all_responses,
    as_reported,
    decision_points,
    known_from,
    known_on,
    said_by,
    us_response,
    what_happened,
)

__all__ = [
    "ATTRIBUTION_WORDS",
    "BRIEFING_COLUMNS",
    "COUNTED_ELSEWHERE",
    "ESCALATIONS",
    "FOLLOW_DAYS",
    "LATER_KNOWN",
    "NOT_AN_OPTION",
    "REVEAL_COLUMNS",
    "ROOM_BRIEFING",
    "ROOM_REVEAL",
    "SAID_THAT_DAY",
    "STRIKES_ON_IRAN",
    "US_OTHER_STEPS",
    "WINDOW_DAYS",
    "actual_responses",
    "all_responses",
    "as_reported",
    "briefing",
    "choice_problem",
    "choices_csv",
    "compare_choices",
    "comparison",
    "decision_points",
    "known_from",
    "known_on",
    "reveal",
    "rows_html",
    "said_by",
    "us_response",
    "what_happened",
]
