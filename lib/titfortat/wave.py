"""Lesson 05: the 2023-2024 wave as an out-of-sample test of what lessons 02 and 04 concluded.

The predictions are questions with a yes or no answer; what happened is computed from the rows for the
parameters in force, never written down, so the scorecard follows the data and the window."""

from __future__ import annotations

import pandas as pd

from . import params
from .response import event_study, interval_side, mean_change, militia_attacks, strike_days
from .timeline import attacks

# The lesson calls these as tt.wave.x; they live in wave_tables, which keeps this module to the predictions.
from .wave_tables import (  # noqa: F401
    SUSPENSION,
    attack_places,
    compare_periods,
    tower_22_ladder,
)

# Each prediction: the question, the lesson it draws on, and what that lesson's evidence suggested.
PREDICTIONS = {
    "strikes_cut_attacks": (
        "Will attacks fall after US strike episodes, clearly enough that the 90% interval of the mean change "
        "lies below zero?",
        "04",
        "no: in 2017-2021 the interval spanned zero at every window",
    ),
    "deaths_bring_strike": (
        "Will an attack that kills Americans be answered by a US strike within seven days?",
        "02",
        "yes: K-1 (a US contractor killed) and Taji (two US soldiers) were answered within two days",
    ),
    "first_strikes_in_syria": (
        "Will the first US strikes of the wave hit Syria rather than Iraq?",
        "04",
        "yes, on the latest case: in February 2021 the new administration answered Erbil in Syria alone "
        "(earlier strikes hit Iraq, or Iraq and Syria together)",
    ),
    "baghdad_objects": (
        "Will Iraq's government publicly object to a US strike on Iraqi soil within three days of it?",
        "04",
        "yes: Baghdad condemned the strikes of December 2019, March 2020 and June 2021",
    ),
    "attacks_stop": (
        "Will the attacks stop, with 30 days or more without a recorded attack before 31 March 2024?",
        "02",
        "no: after the Taji and Erbil cycles the attacks went on",
    ),
}
ANSWERS = ("yes", "no")


def questions() -> pd.DataFrame:
    """The prediction questions and the lesson each draws on (what those lessons suggest stays hidden).

    Returns
    -------
    DataFrame
        Index prediction; columns question, from_lesson.
    """
    return pd.DataFrame(
        [{"prediction": key, "question": q, "from_lesson": lesson} for key, (q, lesson, _) in PREDICTIONS.items()]
    ).set_index("prediction")


def blank_predictions() -> dict:
    """One entry per prediction, each None until a student writes "yes" or "no".

    Returns
    -------
    dict
        Prediction key -> None, for the prediction cell.
    """
    return {key: None for key in PREDICTIONS}


def prediction_status(predictions: dict) -> str:
    """A sentence saying how many predictions are written (after checking them)."""
    said = check_predictions(predictions)
    written = sum(value is not None for value in said.values())
    if written == len(said):
        return f"All {written} predictions written. Now write, in a markdown cell, what would prove each one wrong."
    return f'{written} of {len(said)} predictions written: replace each None with "yes" or "no" before you scroll on.'


def check_predictions(predictions: dict) -> dict:
    """The predictions cleaned (keys known, answers "yes", "no" or None); ParameterError names a bad entry.

    Parameters
    ----------
    predictions : dict
        Prediction key -> "yes", "no" or None.

    Returns
    -------
    dict
        The same keys, answers lower-cased; ParameterError (a ValueError) names a bad key or answer.
    """
    if not isinstance(predictions, dict):
        raise params.ParameterError(
            "The predictions must be a dict like the one in the prediction cell, from keys to 'yes', 'no' or None."
        )
    unknown = sorted(set(predictions) - set(PREDICTIONS))
    if unknown:
        raise params.ParameterError(
            f"Unknown prediction {unknown[0]!r}; the predictions are: {', '.join(PREDICTIONS)}."
        )
    cleaned = {}
    for key in PREDICTIONS:
        value = predictions.get(key)
        text = value.strip().lower() if isinstance(value, str) else value
        if text not in (*ANSWERS, None):
            raise params.ParameterError(f"Prediction {key!r} got {value!r}; write 'yes', 'no' or leave it None.")
        cleaned[key] = text
    return cleaned


def restrict(events: pd.DataFrame, include_syria_jordan: bool) -> pd.DataFrame:
    """The events with, unless include_syria_jordan, the attacks outside Iraq left out (strikes and statements
    stay wherever they happened).

    Parameters
    ----------
    events : DataFrame
    include_syria_jordan : bool
        Keep attacks in Syria and Jordan (else Iraq only).

    Returns
    -------
    DataFrame
        The same columns, the rows kept.
    """
    if include_syria_jordan:
        return events
    outside = events["event_id"].isin(attacks(events)["event_id"]) & (events["country"] != "Iraq")
    return events[~outside].reset_index(drop=True)


def _days_to_strike_after_us_deaths(events: pd.DataFrame) -> int | None:
    found = attacks(events)
    deadly = found[found["us_killed"].fillna(0) > 0]
    if deadly.empty:
        return None
    first = deadly.iloc[0]
    later = strike_days(events)["date"]
    later = later[later >= first["date"]]
    return int((later.min() - first["date"]).days) if len(later) else None


# Words by which a row records an Iraqi objection to a strike (its summary or notes).
OBJECTION = r"sovereign|condemn|violation|aggression|hostile act|assassination|breach|denounce|assault on Iraq"


def _objections(events: pd.DataFrame, within_days: int = 3) -> tuple[int, int]:
    """(strike days in Iraq with a recorded Iraqi objection within within_days, strike days in Iraq).

    An objection is a political row of Iraq's government, or the strike's own row, whose summary or notes
    use the words of OBJECTION."""
    text = events["summary"].fillna("") + " " + events["notes"].fillna("")
    objecting = text.str.contains(OBJECTION, case=False, regex=True)
    statements = events[
        objecting
        & (
            ((events["event_type"] == "political") & (events["actor"] == "iraq_government"))
            | ((events["event_type"] == "us_strike") & (events["country"] == "Iraq"))
        )
    ]["date"]
    days = strike_days(events)
    in_iraq = days[days["country"].str.contains("Iraq")]["date"]
    answered = sum(((statements >= d) & (statements <= d + pd.Timedelta(days=within_days))).any() for d in in_iraq)
    return int(answered), len(in_iraq)


def quiet_after_last_attack(events: pd.DataFrame, end="2024-03-31") -> tuple[pd.Timestamp, int]:
    """The last recorded militia attack of the events given and the days from it to end.

    Parameters
    ----------
    events : DataFrame
    end : date-like
        The end of the period.

    Returns
    -------
    tuple
        (the last attack's date, the days from it to end).
    """
    last = militia_attacks(events)["date"].max()
    return last, int((pd.Timestamp(end) - last).days)


def outcomes(events: pd.DataFrame, window_days: int, include_syria_jordan: bool = True) -> pd.DataFrame:
    """What happened, per prediction: the answer (yes/no) and the evidence, computed from the wave's rows.

    include_syria_jordan decides which attacks the event study and the quiet at the end count; the deaths,
    the strikes and Baghdad's statements count wherever they happened. Returns a frame indexed by prediction
    key with columns question, from_lesson, earlier_lessons_suggest, happened ("yes"/"no") and evidence.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.
    include_syria_jordan : bool
        Count attacks in Syria and Jordan too.

    Returns
    -------
    DataFrame
        Index prediction; columns question, from_lesson, earlier_lessons_suggest, happened ("yes" or "no"),
        evidence.
    """
    counted = restrict(events, include_syria_jordan)
    summary = mean_change(event_study(counted, window_days))
    side = interval_side(summary)
    days = _days_to_strike_after_us_deaths(events)
    first = strike_days(events).iloc[0]
    objected, in_iraq = _objections(events)
    last, quiet = quiet_after_last_attack(counted)
    rows = {
        "strikes_cut_attacks": (
            side == "below zero",
            _study_evidence(summary, window_days, side),
        ),
        "deaths_bring_strike": (
            days is not None and days <= 7,
            "no attack killed US troops"
            if days is None
            else f"first US strike {days} days after the first deadly attack",
        ),
        "first_strikes_in_syria": (
            first["country"] == "Syria",
            f"first US strike day {first['date']:%d %b %Y}, in {first['country']}",
        ),
        "baghdad_objects": (
            objected > 0,
            f"an Iraqi objection (a government statement, or one recorded in the strike's row) is recorded within "
            f"three days of {objected} of the {in_iraq} US strike days in Iraq",
        ),
        "attacks_stop": (
            quiet >= 30,
            f"last recorded attack {last:%d %b %Y}, {quiet} days before 31 Mar 2024",
        ),
    }
    table = pd.DataFrame(
        [
            {
                "prediction": key,
                "question": PREDICTIONS[key][0],
                "from_lesson": PREDICTIONS[key][1],
                "earlier_lessons_suggest": PREDICTIONS[key][2],
                "happened": "yes" if held else "no",
                "evidence": evidence,
            }
            for key, (held, evidence) in rows.items()
        ]
    )
    return table.set_index("prediction")


def _study_evidence(summary: pd.Series, window_days: int, side: str) -> str:
    cases = int(summary["cases"])
    counts = (
        f"{cases} episode{'s' if cases != 1 else ''} at {window_days}-day windows: {int(summary['rose'])} rose, "
        f"{int(summary['fell'])} fell; mean {summary['mean_change']:+.1f}"
    )
    if pd.isna(summary["low"]):
        return counts + ", and one case has no interval: the data cannot tell"
    return counts + f", 90% interval {summary['low']:+.1f} to {summary['high']:+.1f} ({side})"


def scorecard(
    predictions: dict, events: pd.DataFrame, window_days: int, include_syria_jordan: bool = True
) -> pd.DataFrame:
    """The student's predictions beside what happened: columns you_said, happened, you_were ("right", "wrong",
    or "no prediction"), earlier_lessons_suggest, evidence.

    Parameters
    ----------
    predictions : dict
        Prediction key -> "yes", "no" or None.
    events : DataFrame
    window_days : int
        Days in each window.
    include_syria_jordan : bool
        Count attacks in Syria and Jordan too.

    Returns
    -------
    DataFrame
        Index prediction; columns you_said, happened, you_were, earlier_lessons_suggest, evidence.
    """
    said = check_predictions(predictions)
    table = outcomes(events, window_days, include_syria_jordan)
    table.insert(0, "you_said", [said[key] or "-" for key in table.index])
    table.insert(
        2,
        "you_were",
        [
            "no prediction" if said[key] is None else ("right" if said[key] == table.loc[key, "happened"] else "wrong")
            for key in table.index
        ],
    )
    return table[["you_said", "happened", "you_were", "earlier_lessons_suggest", "evidence"]]


def earlier_lessons_held(events: pd.DataFrame, window_days: int, include_syria_jordan: bool = True) -> int:
    """How many of the earlier lessons' suggestions the wave bore out.

    Parameters
    ----------
    events : DataFrame
    window_days : int
        Days in each window.
    include_syria_jordan : bool
        Count attacks in Syria and Jordan too.

    Returns
    -------
    int
        How many of the five predictions the earlier lessons got right.
    """
    table = outcomes(events, window_days, include_syria_jordan)
    suggested = table["earlier_lessons_suggest"].str.extract(r"^(yes|no)\b", expand=False)
    return int((suggested == table["happened"]).sum())
