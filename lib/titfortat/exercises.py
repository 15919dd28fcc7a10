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


def _first_troop_row(events, figure):
    rows = timeline.of_types(events, ["troop_change"])
    return rows.loc[rows["summary"].str.contains(figure, regex=False), "date"].min()


def _smallest_deterrence_weight(limit: int = 20):
    base = {"escalation_risk": 2, "sovereignty": 1, "cost": 1}
    return next(w for w in range(limit) if response.rank_options({**base, "deterrence": w}).index[0] != "iraqi_courts")


def _days_from_attack_to_strike(events, site, strike):
    strike = pd.Timestamp(strike)
    found = timeline.attacks(events)
    earlier = found[(found["site"] == site) & (found["date"] < strike) & (found["date"] >= strike - pd.Timedelta(days=31))]
    return int((strike - earlier["date"].max()).days)


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
        "How many days passed between the first base handover of 2020 and the last?",
        lambda e: int((consolidation.handovers(e)["date"].max() - consolidation.handovers(e)["date"].min()).days),
        "Take the earliest and the latest date in tt.handovers(events) and subtract one from the other; "
        "a difference of dates has .days.",
    ),
    "03.2": Exercise(
        "With the cut-off 1 April 2020 and 90-day windows, by how much did attacks in the Baghdad region change?",
        lambda e: int(consolidation.before_after(e, "2020-04-01", 90, by="region").loc["Baghdad", "change"]),
        "Run tt.before_after with by='region' and a window of 90 instead of 180, and read the 'change' column; "
        "a fall is a negative number.",
    ),
    "03.3": Exercise(
        "How many roadside bombs (ied_attack) were recorded from 1 April to 27 September 2020?",
        lambda e: int(
            (timeline.between(timeline.attacks(e), "2020-04-01", "2020-09-27")["event_type"] == "ied_attack").sum()
        ),
        "tt.between(tt.attacks(events), start, end) keeps the attacks in a date range; "
        "tt.count_by(..., 'event_type') counts them by type.",
    ),
    "03.4": Exercise(
        "On which date (YYYY-MM-DD) does the dataset record the announcement of the cut to 2,500 US troops in Iraq?",
        lambda e: f"{_first_troop_row(e, '2,500'):%Y-%m-%d}",
        "List tt.of_types(events, ['troop_change']) with its date and summary columns and find the first row "
        "whose summary names 2,500; its source_url is the report to open.",
    ),
    "04.1": Exercise(
        "In the starting scores, which option key has the largest gap between its deterrence and escalation-risk scores?",
        lambda e: (response.STARTING_SCORES["deterrence"] - response.STARTING_SCORES["escalation_risk"]).idxmax(),
        "For each option, subtract its escalation_risk score from its deterrence score in the table of "
        "tt.rank_options; answer with the key in the left-most column, not the long label.",
    ),
    "04.2": Exercise(
        "With a 10-day window, what is the lower end of the 90% interval of the mean change? (one decimal)",
        lambda e: round(float(response.mean_change(response.event_study(e, 10))["low"]), 1),
        "Run the event study and its summary as in section 2 with 10 in place of the window; 'low' is the lower end.",
        tolerance=0.051,
    ),
    "04.3": Exercise(
        "Keeping the other default weights (escalation risk 2, sovereignty 1, cost 1), what is the smallest whole-number "
        "weight on deterrence at which iraqi_courts is no longer ranked first?",
        lambda e: _smallest_deterrence_weight(),
        "Raise the deterrence slider one step at a time from 2, or call tt.rank_options with the four weights, "
        "and watch rank 1.",
    ),
    "04.4": Exercise(
        "How many days passed between the Erbil attack of February 2021 and the US strike that answered it?",
        lambda e: _days_from_attack_to_strike(e, "erbil_airport", "2021-02-26"),
        "The strike row of 26 February 2021 says what it answered; find that attack among the February 2021 "
        "attacks (tt.between with the site, summary and source columns) and subtract its date from the strike's.",
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
