"""Exercise self-checks: the expected answer is computed from the data, and a wrong answer gets a hint,
never the answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd

from . import consolidation, cycle, response, timeline


@dataclass(frozen=True)
class Exercise:
    question: str
    expected: Callable[[pd.DataFrame], Any]
    hint: str
    tolerance: float = 0.0


@dataclass(frozen=True)
class CheckResult:
    exercise: str
    passed: bool
    message: str

    def _repr_markdown_(self):
        mark = "✅" if self.passed else "❌"
        return f"{mark} **Exercise {self.exercise}:** {self.message}"

    def __repr__(self):
        return f"{'PASS' if self.passed else 'TRY AGAIN'} exercise {self.exercise}: {self.message}"


def _busiest_month(events):
    per_month = timeline.attacks_per_month(events).sum(axis=1)
    return f"{per_month.idxmax():%Y-%m}"


def _top_site(events):
    return timeline.count_by(timeline.attacks(events), "site").index[0]


EXERCISES: dict[str, Exercise] = {
    "00.1": Exercise(
        "How many events (rows) does the dataset hold?", lambda e: len(e), "len(events) counts the rows of a table."
    ),
    "01.1": Exercise(
        "How many attacks does the dataset record in 2020?",
        lambda e: int(timeline.attacks_per_year(e).get(2020, 0)),
        "Use tt.attacks_per_year(events) and read the row for 2020.",
    ),
    "01.2": Exercise(
        "Which month (YYYY-MM) has the most attacks?",
        _busiest_month,
        "Sum tt.attacks_per_month(events) across its columns and look for the largest row.",
    ),
    "01.3": Exercise(
        "Which site key was attacked most often?",
        _top_site,
        "tt.count_by(tt.attacks(events), 'site') lists sites, most attacked first.",
    ),
    "02.1": Exercise(
        "How many days after the K-1 attack did the first US strike come?",
        lambda e: int(cycle.compare_cycles(e, 14).loc["soleimani", "days_to_first_us_strike"]),
        "Look at the 'day' column of the ladder for the first us_strike rung.",
    ),
    "02.2": Exercise(
        "How many people were killed in all (US and others) in the first 12 days of the Soleimani cycle?",
        lambda e: int(cycle.escalation_ladder(e, "soleimani", 12)["killed"].sum()),
        "Sum the 'killed' column of tt.escalation_ladder(events, 'soleimani', 12).",
    ),
    "02.3": Exercise(
        "Which cycle had the most militia actions in its first 14 days (soleimani, taji or erbil)?",
        lambda e: cycle.compare_cycles(e, 14)["militia_actions"].idxmax(),
        "Compare the 'militia_actions' column of tt.compare_cycles(events, 14).",
    ),
    "03.1": Exercise(
        "How many base handovers does the dataset record?",
        lambda e: len(consolidation.handovers(e)),
        "Count the rows of tt.handovers(events).",
    ),
    "03.2": Exercise(
        "How many attacks hit sites never handed over, from 1 April 2020 on?",
        lambda e: int(consolidation.held_sites_after(e, "2020-04-01").sum()),
        "Add up tt.held_sites_after(events, '2020-04-01').",
    ),
    "03.3": Exercise(
        "Which region had the most attacks in the 180 days after 1 April 2020?",
        lambda e: consolidation.before_after(e, "2020-04-01", 180, by="region")["after"].idxmax(),
        "Use tt.before_after(events, '2020-04-01', 180, by='region') and its 'after' column.",
    ),
    "04.1": Exercise(
        "How many distinct days with US strikes does the dataset record?",
        lambda e: len(response.strike_days(e)),
        "Count the rows of tt.strike_days(events).",
    ),
    "04.2": Exercise(
        "With a 30-day window, what is the mean change in attacks after a strike day? (one decimal)",
        lambda e: round(float(response.mean_change(response.event_study(e, 30))["mean_change"]), 1),
        "Read 'mean_change' from tt.mean_change(tt.event_study(events, 30)).",
        tolerance=0.051,
    ),
    "04.3": Exercise(
        "Weighting only deterrence, which option key ranks first?",
        lambda e: response.rank_options({"deterrence": 1}).index[0],
        "Call tt.rank_options({'deterrence': 1}) and read the index of the first row.",
    ),
}


def check(exercise: str, answer, events: pd.DataFrame) -> CheckResult:
    """Compare a student's answer with the one computed from the data; a hint on a miss."""
    spec = EXERCISES[exercise]
    if answer is ... or answer is None:
        return CheckResult(exercise, False, "replace the `...` with your answer, then run the cell again.")
    expected = spec.expected(events)
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return CheckResult(exercise, False, f"the answer should be a number. Hint: {spec.hint}")
        if abs(value - expected) <= spec.tolerance:
            return CheckResult(exercise, True, "correct.")
        direction = "too high" if value > expected else "too low"
        return CheckResult(exercise, False, f"not quite: {answer} is {direction}. Hint: {spec.hint}")
    if str(answer).strip().lower() == str(expected).lower():
        return CheckResult(exercise, True, "correct.")
    return CheckResult(exercise, False, f"not quite. Hint: {spec.hint}")
