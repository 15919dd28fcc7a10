"""Exercise self-checks: the expected answer is computed from the data, and a wrong answer gets a hint,
never the answer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import pandas as pd

from . import consolidation, cycle, options, selection, simulation, strikes, timeline


@dataclass(frozen=True)
class Exercise:
    question: str
    expected: Callable[[pd.DataFrame], Any]
    hint: str
    tolerance: float = 0.0
    period: str = "2017-2021"  # the rows (data.periods) the answer is computed from


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


def _biggest_rise(events, column: str, before: str, after: str) -> str:
    def counts(year):
        return timeline.count_by(selection.attacks(selection.between(events, f"{year}-01-01", f"{year}-12-31")), column)

    return counts(after).sub(counts(before), fill_value=0).idxmax()


def _claimed_by(events, event_id: str, actor: str) -> bool:
    row = events.set_index("event_id").loc[event_id]
    return row["attribution"] == "claimed" and row["actor"] == actor


# Exercise 02.1's events, lettered as the lesson lists them.
ERBIL_EVENTS = {
    "A": "2021-02-18-brussels-nato",
    "B": "2021-02-23-washington-call",
    "C": "2021-02-26-abu_kamal-strike",
    "D": "2021-02-20-balad-rocket",
}


def _in_order(events, lettered: dict) -> str:
    dates = events.set_index("event_id").loc[list(lettered.values()), "date"]
    return "".join(sorted(lettered, key=lambda letter: dates[lettered[letter]]))


def _recorded_count(events, event_id: str, column: str) -> int | None:
    value = events.set_index("event_id").loc[event_id, column]
    return None if pd.isna(value) else int(value)


def _row_mentions(events, event_id: str, pattern: str) -> bool:
    row = events.set_index("event_id").loc[event_id]
    return bool(re.search(pattern, f"{row['summary']} {row['notes']}", re.IGNORECASE))


def _first_troop_row(events, figure):
    rows = selection.of_types(events, ["troop_change"])
    return rows.loc[rows["summary"].str.contains(figure, regex=False), "date"].min()


def _smallest_deterrence_weight(limit: int = 20):
    base = {"escalation_risk": 2, "sovereignty": 1, "cost": 1}
    leader = options.rank_options({**base, "deterrence": 2}).index[0]
    return next(w for w in range(2, limit) if options.rank_options({**base, "deterrence": w}).index[0] != leader)


def _courts_rank_with_old_score():
    scores = options.STARTING_SCORES.copy()
    scores.loc["iraqi_courts", "escalation_risk"] = 5
    weights = {"escalation_risk": 2, "sovereignty": 1, "deterrence": 2, "cost": 1}
    return int(options.rank_options(weights, scores).loc["iraqi_courts", "rank"])


def _days_from_attack_to_strike(events, site, strike):
    strike = pd.Timestamp(strike)
    found = selection.attacks(events)
    month_before = (found["date"] < strike) & (found["date"] >= strike - pd.Timedelta(days=31))
    earlier = found[(found["site"] == site) & month_before]
    return int((strike - earlier["date"].max()).days)


def _days_to_first_strike(events, name: str) -> int:
    rungs = cycle.escalation_ladder(events, name, cycle.MAX_WINDOW_DAYS)
    return int(rungs.loc[rungs["event_type"] == "us_strike", "day"].min())


def _attacks_per_day(events, restrained: bool) -> float:
    table = simulation.all_responses(events)
    chosen = table[(table["closest_option"] == "restraint") == restrained]
    return float(chosen["attacks_after"].sum() / chosen["days_followed"].sum())


def _days_to_baghdad_strike(events) -> int:
    tower = events.set_index("event_id").loc["2024-01-28-tower_22-drone", "date"]
    strikes = events[(events["event_type"] == "us_strike") & (events["site"] == "baghdad") & (events["date"] > tower)]
    return int((strikes["date"].min() - tower).days)


def _window_merging_all_strikes(events) -> int:
    return next(days for days in range(1, 400) if len(strikes.episodes(events, days)) == 1)


EXERCISES: dict[str, Exercise] = {
    "00.1": Exercise(
        "How many events (rows) does the dataset hold?", lambda e: len(e), "len(events) counts the rows of a table."
    ),
    "00.2": Exercise(
        "How many attacks is the dataset missing against the coalition's count to 4 January 2020?",
        lambda e: int((lambda t: t["count"] - t["in_dataset"])(timeline.compare_with_published(e).iloc[0])),
        "Subtract the dataset's count (in_dataset) from the published count in the table's first row.",
    ),
    "00.3": Exercise(
        "How many attacks rest on state media or a militia channel alone?",
        lambda e: int(selection.attacks(e)["source_kind"].isin(["state_media", "militia_channel"]).sum()),
        "Count the attacks by source_kind (tt.count_by on tt.attacks(events)) and add two of the counts.",
    ),
    "00.4": Exercise(
        "True or False: the rockets fired at Ain al-Asad on 3 March 2021 killed a US contractor.",
        lambda e: not _row_mentions(e, "2021-03-03-ain_al_asad-rocket", r"cardiac|heart attack"),
        "Open the row with tt.event_row and read its summary and notes: how did the contractor die?",
    ),
    "01.1": Exercise(
        "How many attacks does the dataset record in the first half of 2019 (1 January to 30 June)?",
        lambda e: len(selection.attacks(selection.between(e, "2019-01-01", "2019-06-30"))),
        "Keep the period with tt.between(events, start, end), keep its attacks with tt.attacks, and count the "
        "rows as in lesson 00.",
    ),
    "01.2": Exercise(
        "In which month (YYYY-MM) does the dataset's first roadside bomb fall?",
        lambda e: f"{e.loc[e['event_type'] == 'ied_attack', 'date'].min():%Y-%m}",
        "Set event_types to ['ied_attack'] in the parameters cell and read the first bar of the monthly chart.",
    ),
    "01.3": Exercise(
        "Which place's count of recorded attacks rose most from 2019 to 2020?",
        lambda e: _biggest_rise(e, "site", "2019", "2020"),
        "Count the attacks by site for 2019, then for 2020, as in section 3, and look for the largest difference.",
    ),
    "01.4": Exercise(
        "True or False: Kataib Hezbollah claimed the rockets fired at Basra airport on 8 September 2018.",
        lambda e: _claimed_by(e, "2018-09-08-basra_airport-rocket", "kataib_hezbollah"),
        "Read the row's actor and attribution: 'claimed' would mean a group said it did it. Who named whom?",
    ),
    "02.1": Exercise(
        "Order four events of the Erbil cycle (answer with their letters, e.g. ABCD).",
        lambda e: _in_order(e, ERBIL_EVENTS),
        "Set the cycle to erbil and find each event in the ladder table (its summary says what happened).",
    ),
    "02.2": Exercise(
        "How many attacks does the dataset record in the 30 days after the US strikes of 13 March 2020?",
        lambda e: len(selection.attacks(selection.between(e, "2020-03-14", "2020-04-12"))),
        "Set the cycle to taji and the window to 32 days (to 12 April), then count the attack rungs after the "
        "US air strikes.",
    ),
    "02.3": Exercise(
        "How many days longer did the US take to strike back in the Erbil cycle than in the Soleimani cycle?",
        lambda e: int(
            cycle.compare_cycles(e, 14).loc["erbil", "days_to_first_us_strike"]
            - cycle.compare_cycles(e, 14).loc["soleimani", "days_to_first_us_strike"]
        ),
        "The cycles table has a column for the days to the first US strike; subtract one cycle's from the other's.",
    ),
    "02.4": Exercise(
        "True or False: the dataset records that the US strike in Syria of 26 February 2021 killed 22 fighters.",
        lambda e: _recorded_count(e, "2021-02-26-abu_kamal-strike", "other_killed") == 22,
        "Read the row's other_killed and its notes: which figures do the sources give, and which does the row keep?",
    ),
    "03.1": Exercise(
        "How many days passed between the first base handover of 2020 and the last?",
        lambda e: int((consolidation.handovers(e)["date"].max() - consolidation.handovers(e)["date"].min()).days),
        "A column of dates has .min() and .max(); one date minus another is a span of time, and a span's "
        ".days is a whole number: (h['date'].max() - h['date'].min()).days with h = tt.handovers(events).",
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
            (selection.between(selection.attacks(e), "2020-04-01", "2020-09-27")["event_type"] == "ied_attack").sum()
        ),
        "tt.between(tt.attacks(events), start, end) keeps the attacks in a date range; "
        "tt.count_by(..., 'event_type') counts them by type.",
    ),
    "03.4": Exercise(
        "How many days after the US election of 3 November 2020 was the cut to 2,500 US troops in Iraq announced?",
        lambda e: int((_first_troop_row(e, "2,500") - pd.Timestamp("2020-11-03")).days),
        "List tt.of_types(events, ['troop_change']) with its date and summary columns, find the first row "
        "naming 2,500 and subtract pd.Timestamp('2020-11-03') from its date; .days gives the number.",
    ),
    "04.1": Exercise(
        "With the default weights, what rank would iraqi_courts get if its escalation-risk score were 5 instead of 3?",
        lambda e: _courts_rank_with_old_score(),
        "Copy the scores (scores = tt.response.STARTING_SCORES.copy()), set "
        "scores.loc['iraqi_courts', 'escalation_risk'] = 5, and pass them to tt.rank_options(weights, scores).",
    ),
    "04.2": Exercise(
        "With a 10-day window, what is the lower end of the 90% interval of the mean change over episodes? "
        "(one decimal)",
        lambda e: round(float(strikes.mean_change(strikes.event_study(e, 10))["low"]), 1),
        "Run the event study and its summary as in section 2 with 10 in place of the window; 'low' is the lower end.",
        tolerance=0.051,
    ),
    "04.3": Exercise(
        "Keeping the other default weights (escalation risk 2, sovereignty 1, cost 1), what is the smallest "
        "whole-number weight on deterrence at which the option ranked first by default loses first place?",
        lambda e: _smallest_deterrence_weight(),
        "Raise the deterrence slider one step at a time from 2, or call tt.rank_options with the four weights, "
        "and watch which option is ranked first.",
    ),
    "04.4": Exercise(
        "How many days passed between the Erbil attack of February 2021 and the US strike that answered it?",
        lambda e: _days_from_attack_to_strike(e, "erbil_airport", "2021-02-26"),
        "The strike row of 26 February 2021 says what it answered; find that attack among the February 2021 "
        "attacks (tt.between with the site, summary and source columns) and subtract its date from the strike's.",
    ),
    "05.1": Exercise(
        "How many days passed between the Tower 22 attack and the first US strike in Baghdad after it?",
        _days_to_baghdad_strike,
        "In the Tower 22 ladder, find the US strike rungs and read their site: the first strike after day 0 was "
        "not in Baghdad. Its `day` column counts from the attack.",
        period="2023-2024",
    ),
    "05.2": Exercise(
        "What is the smallest window, in whole days, at which every US strike day of the wave falls into one episode?",
        _window_merging_all_strikes,
        "Two strike days join one episode when the gap between them is no longer than the window. List the strike "
        "days (tt.response.strike_days) and find the longest gap between one and the next.",
        period="2023-2024",
    ),
    "05.3": Exercise(
        "How many deaths does the dataset record for the US strikes in Iraq of 3 February 2024, and whose "
        "figure is it?",
        lambda e: _recorded_count(e, "2024-02-03-al_qaim-us_strike", "other_killed"),
        "Open the row 2024-02-03-al_qaim-us_strike with tt.event_row and read other_killed and the notes; the "
        "Syrian part of the same operation has a row of its own.",
        period="2023-2024",
    ),
    "05.4": Exercise(
        "How many attacks does the dataset record from 31 January to 6 February 2024?",
        lambda e: len(timeline.between(timeline.attacks(e), "2024-01-31", "2024-02-06")),
        "Count the rows of tt.between(tt.attacks(wave), start, end) with both dates written YYYY-MM-DD; attacks "
        "outside Iraq count too.",
        period="2023-2024",
    ),
    "06.1": Exercise(
        "Across the three cycles, how many days on average passed between the opening attack and the first US "
        "strike? (one decimal)",
        lambda e: round(sum(_days_to_first_strike(e, name) for name in cycle.CYCLES) / len(cycle.CYCLES), 1),
        "For each cycle, tt.escalation_ladder(events, cycle, 21) numbers the days from the opening attack; find "
        "the smallest day of a us_strike row, then average the three.",
        tolerance=0.051,
    ),
    "06.2": Exercise(
        "Across the three cycles, how many attacks per day followed the decision points the US answered with "
        "a strike? (two decimals)",
        lambda e: round(_attacks_per_day(e, restrained=False), 2),
        "tt.simulation.all_responses(events) holds the three cycles' decision points; keep the rows whose "
        "closest_option is not restraint, and divide the sum of attacks_after by the sum of days_followed.",
        tolerance=0.0051,
    ),
    "06.3": Exercise(
        "Across the three cycles, at how many decision points did the US strike no one before the next decision?",
        lambda e: sum(
            int((simulation.actual_responses(e, name)["closest_option"] == "restraint").sum()) for name in cycle.CYCLES
        ),
        "Run tt.simulation.actual_responses(events, cycle) for each cycle and count the rows whose "
        "closest_option is restraint.",
    ),
}


def _number(answer) -> float:
    """A number as a student types it: 1600, 1600.0, "1,600" or " 1600 "."""
    if isinstance(answer, bool):
        raise ValueError("a yes/no value is not a number")
    if isinstance(answer, str):
        answer = answer.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    return float(answer)


def _canonical(text: str) -> str:
    """A text answer reduced to a key: case, quotes and spaces ignored, "2020-9" read as "2020-09", and a
    label the figures print ("US embassy (Green Zone)", "Kataib Hezbollah") read as its key."""
    text = str(text).strip().strip("\"'").strip()
    month = re.fullmatch(r"(\d{4})[-/ ](\d{1,2})", text)
    if month:
        return f"{month.group(1)}-{int(month.group(2)):02d}"
    named = re.fullmatch(r"([A-Za-z]+)\.? (\d{4})", text)  # "June 2020", "Jun 2020"
    if named and named.group(1)[:3].lower() in _MONTHS:
        return f"{named.group(2)}-{_MONTHS.index(named.group(1)[:3].lower()) + 1:02d}"
    lowered = text.lower()
    return _keys_by_label().get(lowered, lowered.replace(" ", "_").replace("-", "_"))


_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


@lru_cache(maxsize=1)
def _keys_by_label() -> dict:
    from .data import field_enum
    from .world import label_for

    keys = [k for column in ("event_type", "actor", "attribution", "site") for k in field_enum(column)]
    return {label_for(key).lower(): key for key in keys}


def _covers(events: pd.DataFrame, period: str) -> bool:
    from .data import periods

    span = periods().loc[period]
    return bool(events["date"].between(span["start"], span["end"]).any())


def check(exercise: str, answer, events: pd.DataFrame) -> CheckResult:
    """Compare a student's answer with the one computed from the data; a hint on a miss.

    Parameters
    ----------
    exercise : str
        The exercise's id ("01.3").
    answer : any
        The student's answer.
    events : DataFrame

    Returns
    -------
    CheckResult
        passed (bool) and a message; shown as a line of text in a notebook.
    """
    spec = EXERCISES[exercise]
    if answer is ... or answer is None:
        return CheckResult(exercise, False, "replace the `...` with your answer, then run the cell again.")
    if not _covers(events, spec.period):
        return CheckResult(
            exercise,
            False,
            f"this exercise is checked against the rows of {spec.period}; pass the frame that holds them "
            f'(tt.load_events(period="{spec.period}")), as the exercise cell does.',
        )
    expected = spec.expected(events)
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        try:
            value = _number(answer)
        except (TypeError, ValueError):
            return CheckResult(exercise, False, f"the answer should be a number. Hint: {spec.hint}")
        if abs(value - expected) <= spec.tolerance:
            return CheckResult(exercise, True, "correct.")
        direction = "too high" if value > expected else "too low"
        return CheckResult(exercise, False, f"not quite: {answer} is {direction}. Hint: {spec.hint}")
    if _canonical(answer) == _canonical(expected):
        return CheckResult(exercise, True, "correct.")
    return CheckResult(exercise, False, f"not quite. Hint: {spec.hint}")
