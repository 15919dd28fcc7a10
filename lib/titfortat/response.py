"""Lesson 04's analyses under one name, `tt.response.X`, as the lesson and its exercises call them.

The code lives in four modules, one job each: `strikes` (the event study around US strikes),
`strike_findings` (the sentences that read it), `options` (the response options and their scoring
table) and `article` (the check of the source article's claims). This module only re-exports their
public names.
"""

from .article import article_claims, consecutive_attack_days
from .options import CRITERIA, OPTIONS, STARTING_SCORES, rank_options
from .strike_findings import (
    ANSWERED,
    answered_attacks,
    event_study_headline,
    interval_text,
    lethality_finding,
    regression_note,
    sweep_finding,
)
from .strikes import (
    STATE_ACTORS,
    T_90,
    episodes,
    event_study,
    interval_side,
    mean_change,
    militia_attacks,
    monthly_counts,
    strike_days,
    typical_window,
    window_sweep,
)

__all__ = [
    "ANSWERED",
    "CRITERIA",
    "OPTIONS",
    "STARTING_SCORES",
    "STATE_ACTORS",
    "T_90",
    "answered_attacks",
    "article_claims",
    "consecutive_attack_days",
    "episodes",
    "event_study",
    "event_study_headline",
    "interval_side",
    "interval_text",
    "lethality_finding",
    "mean_change",
    "militia_attacks",
    "monthly_counts",
    "rank_options",
    "regression_note",
    "strike_days",
    "sweep_finding",
    "typical_window",
    "window_sweep",
]
