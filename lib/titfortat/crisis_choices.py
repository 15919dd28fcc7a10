"""The student's side of the crisis simulation: choices checked and set beside the real responses, and the
briefing, reveal and comparison released one decision point at a time."""

from __future__ import annotations

import csv
import html
import io

import pandas as pd

from .crisis_record import BRIEFING_COLUMNS, actual_responses, decision_points, known_on, what_happened
from .options import OPTIONS
from .prose import Sentence

# What the crisis room's tables show: the source's name is the link to it.
ROOM_BRIEFING = ["date", "day", "side", "actor", "event_type", "site", "who_did_it", "reported_that_day"]
ROOM_BRIEFING += ["said_that_day", "source_url"]
ROOM_REVEAL = ["date", "day", "side", "actor", "event_type", "site", "us_killed", "us_wounded", "other_killed"]
ROOM_REVEAL += ["summary", "notes", "source_url"]


def choice_problem(choice) -> str | None:
    """Why a recorded choice cannot be used yet (a sentence), or None when it is an option key and a reason.

    Parameters
    ----------
    choice : any
        What was recorded for a point: (option key, reason), or anything else.

    Returns
    -------
    str or None
        The sentence, or None when the choice can be used.
    """
    keys = ", ".join(OPTIONS)
    if choice is ... or choice is None:
        return "no choice recorded yet"
    if not isinstance(choice, (tuple, list)) or len(choice) != 2:
        return f'write the choice as ("option key", "your reason"), the key one of {keys}'
    option, reason = choice
    if option is None or option is ...:
        return f"choose one of the options ({keys})"
    if option not in OPTIONS:
        return f"{option!r} is not an option key; use one of {keys}"
    if not isinstance(reason, str) or not reason.strip():
        return "add a short reason: the decision is not recorded without one"
    return None


def compare_choices(choices: dict, actual: pd.DataFrame) -> pd.DataFrame:
    """The student's choice and reason beside what the US did at each decision point; choices maps a point's
    number to (option key, reason), and points with no usable choice are marked so.

    Parameters
    ----------
    choices : dict
        Point number -> (option key, reason).
    actual : DataFrame
        An actual_responses() result.

    Returns
    -------
    DataFrame
        The columns of actual_responses() with your_choice and your_reason after attack, and same_as_us (boolean,
        blank where no usable choice).
    """
    table = actual.copy()
    mine, reasons, same = [], [], []
    for point, closest in zip(table["point"], table["closest_option"]):
        choice = choices.get(point, ...)
        problem = choice_problem(choice)
        if problem:
            mine.append(f"({problem})")
            reasons.append("")
            same.append(pd.NA)
            continue
        mine.append(OPTIONS[choice[0]])
        reasons.append(choice[1].strip())
        same.append(choice[0] == closest)
    table.insert(3, "your_choice", mine)
    table.insert(4, "your_reason", reasons)
    table["closest_option"] = [OPTIONS.get(key, key) for key in table["closest_option"]]
    table["same_as_us"] = pd.array(same, dtype="boolean")
    return table


def choices_csv(choices: pd.DataFrame, cycle: str) -> str:
    """The comparison as CSV text, one line per decision point, for the instructor to collect.

    Parameters
    ----------
    choices : DataFrame
        A compare_choices() result.
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).

    Returns
    -------
    str
        CSV text with a header line.
    """
    columns = ["point", "date", "your_choice", "your_reason", "us_did", "closest_option", "same_as_us"]
    table = choices[columns].copy()
    table.insert(0, "cycle", cycle)
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    return buffer.getvalue()


def _undecided(points: pd.DataFrame, upto: int, choices: dict) -> str | None:
    """A sentence naming the first of points 1..upto with no usable choice, or None when all are decided."""
    for point in range(1, min(upto, len(points)) + 1):
        problem = choice_problem(choices.get(point, ...))
        if problem:
            return f"Decide point {point} first ({problem}): record my_choices[{point}] above, then run this cell."
    return None


def briefing(events: pd.DataFrame, cycle: str, point: int, choices: dict | None = None):
    """The rows public on a decision point's evening, as reported that day; from point 2 on, only once every
    earlier point has a recorded choice (the briefing shows what the US did at those points).

    Parameters
    ----------
    events : DataFrame
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).
    point : int
        A decision point's number, from 1.
    choices : dict or None
        Point number -> (option key, reason), needed from point 2 on.

    Returns
    -------
    DataFrame or Sentence
        The rows (as known_on), or a sentence naming the decision still missing.
    """
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has {len(points)} decision points, not {point}: go on to the comparison.")
    waiting = _undecided(points, point - 1, choices or {})
    if waiting:
        return Sentence(waiting)
    return known_on(events, cycle, points["date"].iloc[point - 1])[BRIEFING_COLUMNS]


def reveal(events: pd.DataFrame, cycle: str, point: int, choices: dict):
    """What followed a decision point, shown only once a usable choice for it (and every earlier one) is recorded.

    Parameters
    ----------
    events : DataFrame
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).
    point : int
        A decision point's number, from 1.
    choices : dict
        Point number -> (option key, reason).

    Returns
    -------
    DataFrame or Sentence
        The rows that followed (as what_happened), or a sentence naming the decision still missing.
    """
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has no decision point {point}.")
    waiting = _undecided(points, point, choices)
    if waiting:
        return Sentence(waiting)
    row = points.iloc[point - 1]
    return what_happened(events, cycle, row["date"], int(row["follow_days"]))


def comparison(events: pd.DataFrame, cycle: str, choices: dict):
    """The choices beside the real responses, once every decision point has a recorded choice.

    Parameters
    ----------
    events : DataFrame
    cycle : str
        A key of CYCLES (soleimani, taji, erbil...).
    choices : dict
        Point number -> (option key, reason).

    Returns
    -------
    DataFrame or Sentence
        compare_choices() beside actual_responses(), or a sentence naming the decision still missing.
    """
    points = decision_points(events, cycle)
    waiting = _undecided(points, len(points), choices)
    if waiting:
        return Sentence(waiting)
    return compare_choices(choices, actual_responses(events, cycle))


def rows_html(rows: pd.DataFrame, columns: list[str]) -> str:
    """A table of rows as HTML, every value escaped; source_url becomes a link named by source_name.

    Parameters
    ----------
    rows : DataFrame
        Any rows of the events' columns.
    columns : list of str
        The columns shown, in order.

    Returns
    -------
    str
        An HTML <table>.
    """
    cell = "padding:2px 6px;vertical-align:top;text-align:left"
    head = "".join(f'<th style="{cell}">{html.escape(c)}</th>' for c in columns)
    body = []
    for _, row in rows.iterrows():
        cells = []
        for column in columns:
            value = row[column]
            text = f"{value:%d %b %Y}" if column == "date" else ("" if pd.isna(value) else str(value))
            wide = ";min-width:340px" if column in ("summary", "your_reason", "us_did") else ""
            wide += ";white-space:nowrap" if column in ("date", "side") else ""
            if column == "source_url" and text:
                name = row["source_name"] if "source_name" in row and pd.notna(row["source_name"]) else "source"
                url = html.escape(text, quote=True)
                text_html = f'<a href="{url}" target="_blank" rel="noopener">{html.escape(str(name))}</a>'
            else:
                text_html = html.escape(text)
            cells.append(f'<td style="{cell}{wide}">{text_html}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<div style="overflow-x:auto"><table class="tt-rows" style="border-collapse:collapse;font-size:12px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
