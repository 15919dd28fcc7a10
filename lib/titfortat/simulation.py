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
# What a student sees of a row in a briefing: no tally column (the counts were settled later), the
# attribution in words and the row's text as it could be reported that day.
BRIEFING_COLUMNS = ["date", "day", "side", "actor", "event_type", "site", "who_did_it", "reported_that_day"]
BRIEFING_COLUMNS += ["said_that_day", "source_name"]
# The attribution labels of events.csv in words: whose reading of who did it.
ATTRIBUTION_WORDS = {
    "claimed": "claimed by the group itself",
    "blamed_by_us": "blamed by the US government, not claimed",
    "suspected": "suspected by officials, not proven or claimed",
    "acknowledged": "done openly: the actor said so",
    "unknown": "unknown: no claim, and no one blamed on the record",
}
# Rows whose summary or attribution holds something learned after the row's date, by their own notes:
# the day it became public, what could be written that day, and the reading of who did it on that day.
# Statements public by a decision day that the notes date are in SAID_THAT_DAY.
LATER_KNOWN = {
    "2019-12-27-k1-rocket": {
        "known_from": "2019-12-29",
        "reported": "A large rocket salvo struck K-1 base near Kirkuk in the evening, killing a US civilian "
        "contractor and wounding US service members and Iraqi personnel. No group claimed it.",
        "attribution": "unknown",
    },
    "2019-12-31-us_embassy-assault": {
        "known_from": "2020-01-01",
        "reported": "Crowds of PMF and Kataib Hezbollah members and supporters, angered by the US strikes, broke "
        "through the embassy's outer perimeter, set fire to a reception area and besieged the compound.",
    },
    "2020-01-08-ain_al_asad-missile": {
        "known_from": "2020-02-21",
        "reported": "The IRGC fired ballistic missiles from Iran at Ain al-Asad in the early hours, wrecking parts "
        "of the base; warned troops had sheltered in bunkers. Trump and the Pentagon said no Americans were harmed.",
    },
    "2020-01-08-washington-fed_account_warning": {"known_from": "2020-01-11", "reported": None},
    "2020-03-11-taji-rocket": {
        "known_from": "2020-03-13",
        "reported": "About eighteen 107mm rockets hit Camp Taji in the evening, killing two US service members and "
        "a British soldier and wounding about a dozen coalition personnel. No group claimed it.",
        "attribution": "unknown",
    },
    "2020-03-14-taji-rocket": {"known_from": "2020-03-17", "attribution": "unknown"},
    "2020-03-16-besmaya-rocket": {"known_from": "2020-03-17", "attribution": "unknown"},
    "2019-12-29-baghdad-pm_objection": {"known_from": "2019-12-30", "reported": None},
    "2021-03-03-ain_al_asad-rocket": {"known_from": "2021-03-04", "attribution": "unknown"},
}
# Statements about a row that its notes date, with the day they were public: (event_id, day, words).
SAID_THAT_DAY = [
    (
        "2019-12-27-k1-rocket",
        "2019-12-27",
        "An unnamed US official told Reuters the US was looking into whether Kataib Hezbollah was involved.",
    ),
    ("2019-12-27-k1-rocket", "2019-12-29", "The Pentagon blamed Kataib Hezbollah (29 Dec)."),
    ("2019-12-30-baghdad-nsc_statement", "2019-12-30", "Kataib Hezbollah vowed to respond."),
    ("2019-12-31-us_embassy-assault", "2019-12-31", "Trump blamed Iran for orchestrating it."),
    ("2020-01-08-ain_al_asad-missile", "2020-01-08", "Trump and the Pentagon said no Americans were harmed."),
    ("2020-03-11-taji-rocket", "2020-03-13", "US officials blamed Kataib Hezbollah; Usbat al-Thairin claimed it."),
    ("2021-02-15-erbil_airport-rocket", "2021-02-23", "Kataib Hezbollah denied any role (Reuters, 23 Feb)."),
    ("2021-03-03-ain_al_asad-rocket", "2021-03-03", "The Pentagon said it could not yet attribute the attack."),
]
REVEAL_COLUMNS = [
    "date",
    "day",
    "side",
    "actor",
    "event_type",
    "target",
    "site",
    "country",
    "us_killed",
    "us_wounded",
    "other_killed",
    "summary",
    "notes",
    "source_name",
    "source_url",
    "event_id",
]
# Lesson 04's options are told apart by whom a response holds responsible, not by where it lands. A strike
# on Iran's own forces holds Iran responsible, wherever it falls: the drone strike that killed the commander
# of Iran's Quds Force in Baghdad is the one in these cycles. Strikes on the militias are the Syria option
# when they all fall in Syria (punishing the groups while sparing Iraq's soil); strikes on the militias in
# Iraq fit none of the five.
STRIKES_ON_IRAN = ["2020-01-03-baghdad_airport-strike"]
NOT_AN_OPTION = "none of the five: strikes on the militias in Iraq"
# The US government's steps that are not strikes (statements, sanctions, pressure on Baghdad, deployments):
# the comparison names them beside the option, which they do not change.
US_OTHER_STEPS = {"political": "a step aimed at", "troop_change": "troops sent or withdrawn:"}
# Rows whose deaths are blank because their notes say another row counts them: blank there is not unknown.
COUNTED_ELSEWHERE = ["2019-12-29-abu_kamal-strike"]
# What the crisis room's tables show: the source's name is the link to it.
ROOM_BRIEFING = ["date", "day", "side", "actor", "event_type", "site", "who_did_it", "reported_that_day"]
ROOM_BRIEFING += ["said_that_day", "source_url"]
ROOM_REVEAL = ["date", "day", "side", "actor", "event_type", "site", "us_killed", "us_wounded", "other_killed"]
ROOM_REVEAL += ["summary", "notes", "source_url"]


def _start(cycle: str) -> pd.Timestamp:
    return pd.Timestamp(CYCLES[cycle]["start"])


def _with_day_and_side(rows: pd.DataFrame, cycle: str) -> pd.DataFrame:
    rows = rows.copy()
    rows["day"] = (rows["date"] - _start(cycle)).dt.days
    rows["side"] = rows["actor"].astype("object").map(side_of)
    return rows.reset_index(drop=True)


def _us_reply_on(events: pd.DataFrame, day) -> pd.Series:
    """Which rows are the US side's own moves on day, public that day: part of the decision taken that evening,
    so the briefing leaves them out and the reveal shows them."""
    us_side = events["actor"].astype("object").map(side_of) == US_SIDE
    return us_side & (events["date"] == pd.Timestamp(day)) & (known_from(events) == events["date"])


def known_from(events: pd.DataFrame) -> pd.Series:
    """The day each row became public: its date, or later where LATER_KNOWN says a row was reported late."""
    later = {key: pd.Timestamp(v["known_from"]) for key, v in LATER_KNOWN.items() if v.get("reported", "") is None}
    return events["event_id"].map(later).fillna(events["date"]).astype("datetime64[ns]")


def as_reported(row: pd.Series, day) -> tuple[str, str]:
    """A row's summary and attribution as they could be written on day: LATER_KNOWN's text before the later
    facts came out, the row's own after."""
    entry = LATER_KNOWN.get(row["event_id"], {})
    if entry and pd.Timestamp(day) < pd.Timestamp(entry["known_from"]):
        return entry.get("reported") or row["summary"], entry.get("attribution", row["attribution"])
    return row["summary"], row["attribution"]


def said_by(event_id: str, day) -> str:
    """The dated statements about a row that were public by day, in words."""
    return " ".join(words for key, when, words in SAID_THAT_DAY if key == event_id and pd.Timestamp(when) <= day)


def known_on(events: pd.DataFrame, cycle: str, day) -> pd.DataFrame:
    """The cycle's rows public by day's evening, from the opening attack on, each as it could be reported that
    day: later counts and attributions taken out, the attribution in words, and the statements made by then."""
    opening_event(events, cycle)  # a clear message if the data lacks the opening attack
    day = pd.Timestamp(day)
    rows = events[(events["date"] >= _start(cycle)) & (known_from(events) <= day) & ~_us_reply_on(events, day)]
    rows = _with_day_and_side(rows, cycle)
    reported = [as_reported(row, day) for _, row in rows.iterrows()]
    rows["reported_that_day"] = [text for text, _ in reported]
    rows["who_did_it"] = [ATTRIBUTION_WORDS.get(label, label) for _, label in reported]
    # an actor named only later is not known that evening
    unnamed = [label == "unknown" != row["attribution"] for (_, label), (_, row) in zip(reported, rows.iterrows())]
    rows["actor"] = rows["actor"].astype("object").mask(unnamed, "unknown")
    rows["side"] = rows["actor"].map(side_of)
    rows["said_that_day"] = [said_by(key, day) for key in rows["event_id"]]
    return rows[BRIEFING_COLUMNS + ["notes", "source_url", "event_id"]]


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
    """Every row in the days_after days after day, with the US's own moves on day itself: the US's and others'
    moves and the attacks that followed, each with its source."""
    day = pd.Timestamp(day)
    end = day + pd.Timedelta(days=days_after)
    public = known_from(events)
    later = ((events["date"] > day) & (events["date"] <= end)) | ((public > day) & (public <= end))
    rows = events[later | _us_reply_on(events, day)]
    return _with_day_and_side(rows, cycle)[REVEAL_COLUMNS]


def _other_steps(happened: pd.DataFrame) -> str:
    """The US's steps other than strikes in a reveal's rows, in words, or an empty string."""
    steps = happened[happened["event_type"].isin(list(US_OTHER_STEPS)) & (happened["actor"] == "united_states")]
    return "; ".join(
        f"{d:%d %b %Y}, {US_OTHER_STEPS[k]} {t}"
        for d, k, t in zip(steps["date"], steps["event_type"].astype(str), steps["target"].astype(str))
    )


def us_response(happened: pd.DataFrame) -> dict:
    """What the US did in a reveal's rows, in words and as the closest of lesson 04's options where one fits."""
    strikes = happened[happened["event_type"] == "us_strike"]
    other = _other_steps(happened)
    also = f"; other US steps: {other}" if other else ""
    if strikes.empty:
        return {"us_did": "no US strike recorded" + also, "closest_option": "restraint"}
    places = "; ".join(
        f"{d:%d %b %Y} at {s} ({c})"
        for d, s, c in zip(strikes["date"], strikes["site"].astype(str), strikes["country"].astype(str))
    )
    if strikes["event_id"].isin(STRIKES_ON_IRAN).any():
        closest = "hold_iran"
    elif (strikes["country"] == "Syria").all():
        closest = "syria_strikes"
    else:
        closest = NOT_AN_OPTION
    return {"us_did": f"US strike: {places}{also}", "closest_option": closest}


def actual_responses(events: pd.DataFrame, cycle: str) -> pd.DataFrame:
    """One row per decision point: what the US did before the next one, the attacks that followed, the deaths
    the rows count, and tolls_unknown, the attacks and strikes whose deaths the rows leave blank (unknown, not 0)."""
    rows = []
    for point in decision_points(events, cycle).itertuples():
        happened = what_happened(events, cycle, point.date, point.follow_days)
        # late-reported rows dated before the point are shown in the reveal but counted where they happened
        happened = happened[happened["date"] >= point.date]
        attacks = happened[happened["event_type"].isin(attack_types())]
        deaths = happened[["us_killed", "other_killed"]].fillna(0).to_numpy().sum()
        hostile = happened[happened["event_type"].isin(attack_types() + ["us_strike"])]
        blank = hostile[["us_killed", "other_killed"]].isna().all(axis=1) & ~hostile["event_id"].isin(COUNTED_ELSEWHERE)
        rows.append(
            {
                "point": point.point,
                "date": point.date,
                "attack": point.summary,
                **us_response(happened),
                "days_followed": point.follow_days,
                "attacks_after": len(attacks),
                "deaths_after": int(deaths),
                "tolls_unknown": int(blank.sum()),
            }
        )
    return pd.DataFrame(rows)


def all_responses(events: pd.DataFrame) -> pd.DataFrame:
    """actual_responses for every cycle in one table, with the cycle's name in a first column."""
    tables = [actual_responses(events, name).assign(cycle=name) for name in CYCLES]
    table = pd.concat(tables, ignore_index=True)
    return table[["cycle"] + [c for c in table.columns if c != "cycle"]]


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


def _undecided(points: pd.DataFrame, upto: int, choices: dict) -> str | None:
    """A sentence naming the first of points 1..upto with no usable choice, or None when all are decided."""
    for point in range(1, min(upto, len(points)) + 1):
        problem = choice_problem(choices.get(point, ...))
        if problem:
            return f"Decide point {point} first ({problem}): record my_choices[{point}] above, then run this cell."
    return None


def briefing(events: pd.DataFrame, cycle: str, point: int, choices: dict | None = None):
    """The rows public on a decision point's evening, as reported that day; from point 2 on, only once every
    earlier point has a recorded choice (the briefing shows what the US did at those points)."""
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has {len(points)} decision points, not {point}: go on to the comparison.")
    waiting = _undecided(points, point - 1, choices or {})
    if waiting:
        return Sentence(waiting)
    return known_on(events, cycle, points["date"].iloc[point - 1])[BRIEFING_COLUMNS]


def reveal(events: pd.DataFrame, cycle: str, point: int, choices: dict):
    """What followed a decision point, shown only once a usable choice for it (and every earlier one) is recorded."""
    points = decision_points(events, cycle)
    if point > len(points):
        return Sentence(f"The {cycle} cycle has no decision point {point}.")
    waiting = _undecided(points, point, choices)
    if waiting:
        return Sentence(waiting)
    row = points.iloc[point - 1]
    return what_happened(events, cycle, row["date"], int(row["follow_days"]))


def comparison(events: pd.DataFrame, cycle: str, choices: dict):
    """The choices beside the real responses, once every decision point has a recorded choice."""
    points = decision_points(events, cycle)
    waiting = _undecided(points, len(points), choices)
    if waiting:
        return Sentence(waiting)
    return compare_choices(choices, actual_responses(events, cycle))


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
