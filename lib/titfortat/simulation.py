"""The crisis simulation: the days a decision was due in a cycle, what was known on each, what the US did
and what followed, and the student's choices set beside the real ones."""

from __future__ import annotations

import csv
import html
import io

import pandas as pd

from .cycle import CYCLES, US_SIDE, opening_event, side_of
from .prose import Sentence
from .response import OPTIONS
from .timeline import attack_types

# Days after the opening attack in which a later attack can call for a new decision: three weeks holds
# the second deadly attack of the Erbil cycle (day 16) and Iran's missiles in the Soleimani cycle (day 12).
WINDOW_DAYS = 21
# Days the reveal of the last decision point covers (earlier ones run to the day before the next decision).
FOLLOW_DAYS = 14
# Hostile acts that call for a decision even with no one hurt: a compound stormed, a state's missiles.
ESCALATIONS = ["assault", "missile_strike"]
# What a student sees of a row in a briefing: no column holding a later tally is hidden, the lesson says why.
BRIEFING_COLUMNS = ["date", "day", "side", "actor", "event_type", "site", "attribution", "summary", "source_name"]
REVEAL_COLUMNS = [
    "date",
    "day",
    "side",
    "actor",
    "event_type",
    "site",
    "country",
    "us_killed",
    "us_wounded",
    "other_killed",
    "summary",
    "source_name",
    "source_url",
]
NOT_AN_OPTION = "none of the five: strikes in Iraq"
# What the crisis room's tables show: the source's name is the link to it.
ROOM_BRIEFING = ["date", "day", "side", "actor", "event_type", "site", "attribution", "summary", "source_url"]
ROOM_REVEAL = ["date", "day", "side", "actor", "event_type", "site", "us_killed", "us_wounded", "other_killed"]
ROOM_REVEAL += ["summary", "source_url"]


def _start(cycle: str) -> pd.Timestamp:
    return pd.Timestamp(CYCLES[cycle]["start"])


def _with_day_and_side(rows: pd.DataFrame, cycle: str) -> pd.DataFrame:
    rows = rows.copy()
    rows["day"] = (rows["date"] - _start(cycle)).dt.days
    rows["side"] = rows["actor"].astype("object").map(side_of)
    return rows.reset_index(drop=True)


def known_on(events: pd.DataFrame, cycle: str, day) -> pd.DataFrame:
    """The cycle's rows from its opening attack up to and including day: what had happened by that evening."""
    opening_event(events, cycle)  # a clear message if the data lacks the opening attack
    rows = events[(events["date"] >= _start(cycle)) & (events["date"] <= pd.Timestamp(day))]
    return _with_day_and_side(rows, cycle)[BRIEFING_COLUMNS + ["notes", "source_url", "event_id"]]


def decision_points(events: pd.DataFrame, cycle: str, window_days: int = WINDOW_DAYS) -> pd.DataFrame:
    """The days a decision was due: the opening attack, then each hostile act within window_days that killed
    or wounded someone, stormed a compound or came from a state; one row per day, numbered from 1."""
    opening = opening_event(events, cycle)
    start = _start(cycle)
    rows = events[(events["date"] > start) & (events["date"] <= start + pd.Timedelta(days=window_days))]
    rows = rows[rows["actor"].astype("object").map(side_of) != US_SIDE]
    hurt = rows[["us_killed", "us_wounded", "other_killed"]].fillna(0).sum(axis=1) > 0
    hostile = rows["event_type"].isin(attack_types() + ESCALATIONS)
    later = rows[hostile & (hurt | rows["event_type"].isin(ESCALATIONS))]
    triggers = pd.concat([opening.to_frame().T, later]).drop_duplicates("date")
    triggers = triggers.astype({"date": "datetime64[ns]"}).sort_values("date").reset_index(drop=True)
    table = _with_day_and_side(triggers, cycle)[["date", "day", "event_id", "event_type", "site", "summary"]]
    table.insert(0, "point", range(1, len(table) + 1))
    following = table["date"].shift(-1) - pd.Timedelta(days=1)
    last = table["date"] + pd.Timedelta(days=FOLLOW_DAYS)
    table["follow_days"] = (following.fillna(last) - table["date"]).dt.days.astype(int)
    return table


def what_happened(events: pd.DataFrame, cycle: str, day, days_after: int) -> pd.DataFrame:
    """Every row in the days_after days after day (the day itself left out): the US's and others' moves and
    the attacks that followed, each with its source."""
    day = pd.Timestamp(day)
    rows = events[(events["date"] > day) & (events["date"] <= day + pd.Timedelta(days=days_after))]
    return _with_day_and_side(rows, cycle)[REVEAL_COLUMNS]


def us_response(happened: pd.DataFrame) -> dict:
    """What the US did in a reveal's rows, in words and as the closest of lesson 04's options where one fits."""
    strikes = happened[happened["event_type"] == "us_strike"]
    if strikes.empty:
        return {"us_did": "no US strike recorded", "closest_option": "restraint"}
    places = "; ".join(
        f"{d:%d %b %Y} at {s} ({c})"
        for d, s, c in zip(strikes["date"], strikes["site"].astype(str), strikes["country"].astype(str))
    )
    in_syria = (strikes["country"] == "Syria").all()
    return {"us_did": f"US strike: {places}", "closest_option": "syria_strikes" if in_syria else NOT_AN_OPTION}


def actual_responses(events: pd.DataFrame, cycle: str) -> pd.DataFrame:
    """One row per decision point: what the US did before the next one, and the attacks and deaths that followed."""
    rows = []
    for point in decision_points(events, cycle).itertuples():
        happened = events[
            (events["date"] > point.date) & (events["date"] <= point.date + pd.Timedelta(days=point.follow_days))
        ]
        attacks = happened[happened["event_type"].isin(attack_types())]
        deaths = happened[["us_killed", "other_killed"]].fillna(0).to_numpy().sum()
        rows.append(
            {
                "point": point.point,
                "date": point.date,
                "attack": point.summary,
                **us_response(happened),
                "days_followed": point.follow_days,
                "attacks_after": len(attacks),
                "deaths_after": int(deaths),
            }
        )
    return pd.DataFrame(rows)


def choice_problem(choice) -> str | None:
    """Why a recorded choice cannot be used yet (a sentence), or None when it is an option key and a reason."""
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
    number to (option key, reason), and points with no usable choice are marked so."""
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
    """The comparison as CSV text, one line per decision point, for the instructor to collect."""
    columns = ["point", "date", "your_choice", "your_reason", "us_did", "closest_option", "same_as_us"]
    table = choices[columns].copy()
    table.insert(0, "cycle", cycle)
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    buffer = io.StringIO()
    table.to_csv(buffer, index=False, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
    return buffer.getvalue()


def briefing(events: pd.DataFrame, cycle: str, point: int):
    """The rows known on a decision point's day, or a sentence when the cycle has no such point."""
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has {len(points)} decision points, not {point}: go on to the comparison.")
    return known_on(events, cycle, points["date"].iloc[point - 1])[BRIEFING_COLUMNS]


def reveal(events: pd.DataFrame, cycle: str, point: int, choices: dict):
    """What followed a decision point, shown only once a usable choice for it is recorded."""
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has no decision point {point}.")
    problem = choice_problem(choices.get(point, ...))
    if problem:
        return Sentence(f"Decide first ({problem}): record my_choices[{point}] in the cell above, then run this.")
    row = points.iloc[point - 1]
    return what_happened(events, cycle, row["date"], int(row["follow_days"]))


def rows_html(rows: pd.DataFrame, columns: list[str]) -> str:
    """A table of rows as HTML, every value escaped; source_url becomes a link named by source_name."""
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
